"""Tests of the learned event-type classifier (report_miner.learn.event_type)."""
from __future__ import annotations

import pickle

import joblib
import pytest

from report_miner.learn.event_type import (
    EVENT_TYPES,
    EventTypeClassifier,
    default_model_path,
    load_default,
    normalize,
)

# A small training set written for these tests: five short texts for each of six types.
TRAIN = [
    ("Состоялось заседание педагогического совета школы", "meeting"),
    ("В администрации района прошло совещание директоров школ", "meeting"),
    ("Общешкольное родительское собрание прошло в актовом зале", "meeting"),
    ("Заседание методического совета гимназии по итогам четверти", "meeting"),
    ("Совещание заместителей директоров по учебной работе", "meeting"),
    ("Подведены итоги районного конкурса рисунков «Моя семья»", "contest"),
    ("Учащиеся лицея стали победителями городского конкурса чтецов", "contest"),
    ("Региональный конкурс профессионального мастерства педагогов", "contest"),
    ("Конкурс исследовательских работ школьников собрал 40 участников", "contest"),
    ("Школьный конкурс проектов по экологии завершился награждением", "contest"),
    ("Онлайн-викторина по истории родного края для 6 классов", "game"),
    ("Интеллектуальная викторина «Знатоки природы» прошла в библиотеке", "game"),
    ("Квест по станциям для учеников начальной школы", "game"),
    ("Квиз для старшеклассников ко Дню науки", "game"),
    ("Командная викторина по литературе среди седьмых классов", "game"),
    ("Вебинар для учителей начальных классов о смысловом чтении", "webinar"),
    ("Региональный вебинар по подготовке к ОГЭ собрал 300 слушателей", "webinar"),
    ("Методист провела вебинар о цифровых инструментах учителя", "webinar"),
    ("Вебинар для классных руководителей прошёл на платформе Сферум", "webinar"),
    ("Серия вебинаров для воспитателей детских садов", "webinar"),
    ("Экскурсия учащихся восьмого класса на машиностроительный завод", "excursion"),
    ("Школьники побывали на экскурсии в краеведческом музее", "excursion"),
    ("Профориентационная экскурсия студентов на хлебокомбинат", "excursion"),
    ("Экскурсия по лабораториям университета для участников смены", "excursion"),
    ("Пятиклассники совершили экскурсию на пожарную часть", "excursion"),
    ("Торжественное вручение аттестатов выпускникам школы", "ceremony"),
    ("Вручение дипломов выпускникам колледжа прошло в актовом зале", "ceremony"),
    ("Торжественная церемония награждения победителей олимпиады", "ceremony"),
    ("Подписание соглашения о сотрудничестве между школой и университетом", "ceremony"),
    ("Награждение лучших учителей района почётными грамотами", "ceremony"),
]

UNSEEN = [
    ("Заседание педагогического совета по итогам учебного года", "meeting"),
    ("Городской конкурс сочинений среди учащихся 9 классов", "contest"),
    ("Викторина по математике для учеников 5 класса", "game"),
    ("Вебинар для учителей физики о школьном эксперименте", "webinar"),
    ("Экскурсия учащихся на кондитерскую фабрику", "excursion"),
    ("Торжественное вручение дипломов выпускникам университета", "ceremony"),
]


@pytest.fixture(scope="module")
def small_model() -> EventTypeClassifier:
    texts, labels = zip(*TRAIN)
    return EventTypeClassifier(C=10.0).fit(texts, labels)


def test_normalize_lowercases_and_folds_yo():
    assert normalize("Ёлка  «Зелёная»  – 2024") == 'елка "зеленая" - 0000'


def test_fit_predicts_unseen_sentences(small_model):
    texts, expected = zip(*UNSEEN)
    assert small_model.predict(texts) == list(expected)


def test_predict_proba_is_a_distribution_over_the_classes(small_model):
    probas = small_model.predict_proba([t for t, _ in UNSEEN])
    assert len(probas) == len(UNSEEN)
    for proba, (_, expected) in zip(probas, UNSEEN):
        assert set(proba) == set(small_model.classes_)
        assert abs(sum(proba.values()) - 1.0) < 1e-6
        assert max(proba, key=proba.get) == expected


def test_empty_input_and_bad_input(small_model):
    assert small_model.predict([]) == []
    assert small_model.predict_proba([]) == []
    with pytest.raises(TypeError):
        small_model.predict("одна строка, не список")
    with pytest.raises(ValueError):
        EventTypeClassifier().fit(["текст", "ещё текст"], ["meeting", "banquet"])
    with pytest.raises(RuntimeError):
        EventTypeClassifier().predict(["не обучена"])


def test_save_load_round_trip(small_model, tmp_path):
    path = small_model.save(tmp_path / "event_type.joblib")
    loaded = EventTypeClassifier.load(path)
    texts = [t for t, _ in UNSEEN]
    assert loaded.predict(texts) == small_model.predict(texts)
    for a, b in zip(loaded.predict_proba(texts), small_model.predict_proba(texts)):
        assert a.keys() == b.keys()
        assert all(abs(a[k] - b[k]) < 1e-6 for k in a)
    assert loaded.get_params() == small_model.get_params()


def test_model_from_another_sklearn_version_is_refused(small_model, tmp_path):
    path = small_model.save(tmp_path / "old.joblib")
    stored = joblib.load(path)
    stored["header"]["sklearn_version"] = "0.0.1"
    joblib.dump(stored, path)
    with pytest.raises(RuntimeError, match="rebuild"):
        EventTypeClassifier.load(path)


def test_foreign_file_is_refused(tmp_path):
    path = tmp_path / "foreign.joblib"
    path.write_bytes(pickle.dumps({"something": "else"}))
    with pytest.raises(RuntimeError, match="rebuild"):
        EventTypeClassifier.load(path)
    with pytest.raises(FileNotFoundError):
        EventTypeClassifier.load(tmp_path / "missing.joblib")


# -- the shipped model --------------------------------------------------------------------------

shipped = pytest.mark.skipif(
    not default_model_path().exists(),
    reason="models/event_type.joblib not built (run models/build_event_type.py)",
)


@pytest.fixture(scope="module")
def default_model() -> EventTypeClassifier:
    return load_default()


@shipped
def test_shipped_model_is_small_and_knows_every_type():
    # its load time is measured by benchmarks/speed.py, not here
    path = default_model_path()
    assert path.stat().st_size < 5 * 1024 * 1024
    model = EventTypeClassifier.load(path)
    assert set(model.classes_) == set(EVENT_TYPES)


@shipped
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Межрегиональный конкурс методических разработок «Учительская находка»", "contest"),
        ("Онлайн-викторина по математике для учащихся 5 классов", "game"),
        ("состоялось заседание педагогического совета", "meeting"),
        ("Вебинар для учителей химии «Школьный эксперимент»", "webinar"),
        ("В гимназии прошла олимпиада по английскому языку", "olympiad"),
        ("Круглый стол «Школа и семья: диалог поколений»", "round_table"),
        ("Курсы повышения квалификации для учителей истории", "training"),
        ("Мастер-класс по лепке из глины для первоклассников", "masterclass"),
        ("Фестиваль школьных театров «Весенняя сцена»", "festival"),
        ("День открытых дверей в аграрном техникуме", "other"),
    ],
)
def test_shipped_model_predictions(default_model, text, expected):
    assert default_model.predict([text]) == [expected]
