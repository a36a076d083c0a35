"""The entity layer (ORG, PER, LOC spans in the factRuEval/naeval convention) and the
``report-miner entities`` command.

The sentences are written for these tests in the style of Russian news.
"""
import json

import pytest
from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.entities import find_entities


def spans(text: str, kind: str | None = None) -> list[str]:
    return [text[s:e] for s, e, t in find_entities(text) if kind is None or t == kind]


# ---------------------------------------------------------------- organisation names


@pytest.mark.parametrize("text, org", [
    # a legal form or a descriptor before a quoted name is not part of the name
    ("Накануне глава ОАО «Газпром» Алексей Миллер провёл переговоры.", "Газпром"),
    ("Концерн «Майкрософт» представил новые документы.", "Майкрософт"),
    ("Как сообщает РИА «Новости», решение уже принято.", "Новости"),
    ("Эту новость передало агентство France-Presse.", "France-Presse"),
    # a geographic adjective in front belongs to the name
    ("Глава японского МИДа посетил Москву.", "японского МИДа"),
    # "при …" and "по …" go on with a body's name
    ("Об этом сообщил представитель Следственного комитета при прокуратуре.",
     "Следственного комитета при прокуратуре"),
    ("Заявление сделал сотрудник пресс-службы МЧС по Санкт-Петербургу и Ленинградской области вчера.",
     "МЧС по Санкт-Петербургу и Ленинградской области"),
])
def test_org_name_spans(text, org):
    assert org in spans(text, "ORG")


def test_full_name_and_bracketed_abbreviation_are_two_names():
    found = spans("Об этом сообщает Комитет защиты журналистов (КЗЖ) в своём докладе.", "ORG")
    assert "Комитет защиты журналистов" in found
    assert "КЗЖ" in found


def test_european_union_is_an_organisation():
    found = find_entities("Страны ЕС поддержали решение Европейского союза о пошлинах.")
    types = {(s, e): t for s, e, t in found}
    assert "ORG" in types.values()
    assert all(t != "LOC" for t in types.values())


def test_crafts_are_no_organisations():
    text = "Шаттл «Дискавери» вернулся на Землю. После «Дискавери» полетит «Атлантис»."
    assert "Дискавери" not in spans(text, "ORG")


def test_abbreviation_of_a_term_is_no_organisation():
    text = "Произошёл сбой приборно-агрегатного отсека (ПАО). Позже ПАО всё-таки отделился."
    assert "ПАО" not in spans(text, "ORG")


def test_name_repeated_in_another_form_is_an_organisation_again():
    text = "В интервью «Голосу Америки» он рассказал о планах.\nГолос Америки: Что дальше?"
    found = spans(text, "ORG")
    assert "Голосу Америки" in found
    assert "Голос Америки" in found


# ---------------------------------------------------------------- people and places


def test_list_bullets_separate_places():
    found = spans("Его поддержали федерации: Бахрейн • Барбадос • Бермуды • Чили.", "LOC")
    assert {"Бахрейн", "Барбадос", "Бермуды"} <= set(found)
    assert not any("•" in name for name in found)


def test_latin_spelling_in_brackets_is_the_same_person():
    found = spans("С заявлением выступил Джоэл Саймон (Joel Simon), глава комитета.", "PER")
    assert "Джоэл Саймон" in found
    assert "Joel Simon" in found


def test_spans_are_flat_and_match_the_text():
    text = "Министр образования Иркутской области Елена Осипова посетила Саянск."
    found = find_entities(text)
    assert found == sorted(found)
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))
    assert ("Елена Осипова", "PER") in [(text[s:e], t) for s, e, t in found]


# ---------------------------------------------------------------- the entities command


def test_entities_command_writes_one_line_per_document(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a1", "text": "Глава ОАО «Газпром» Алексей Миллер прилетел в Минск."},
                   ensure_ascii=False) + "\n"
        + json.dumps({"id": 7, "text": "Дождь."}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["entities", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", 7]
    first = {(e["text"], e["type"]) for e in lines[0]["entities"]}
    assert {("Газпром", "ORG"), ("Алексей Миллер", "PER"), ("Минск", "LOC")} <= first
    for e in lines[0]["entities"]:
        assert "Глава ОАО «Газпром» Алексей Миллер прилетел в Минск."[e["start"]:e["end"]] == e["text"]
    assert lines[1]["entities"] == []


def test_entities_command_reports_bad_lines_and_goes_on(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "ok", "text": "Москва."}\nnot json\n{"id": "x"}\n[1, 2]\n',
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["entities", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert "line 2: not valid JSON" in result.output
    assert 'line 3: "text" missing' in result.output
    assert "line 4: expected a JSON object" in result.output
    assert "Traceback" not in result.output
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["ok"]


def test_entities_command_missing_input(tmp_path):
    result = CliRunner().invoke(app, ["entities", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.output
    assert "Traceback" not in result.output


def test_a_preposition_in_front_is_no_part_of_a_name():
    assert all(not name.startswith("В ") for name in spans(
        "Источник: Комсомольская правда\n\nВ Омском педуниверситете провели этап олимпиады.", "ORG"))


def test_a_body_name_ends_before_po_adresu():
    assert "центра по адресу" not in " ".join(spans(
        "Открылось здание Оренбургского областного эколого-биологического центра по адресу: ул. Восточная.",
        "ORG"))


def test_a_body_name_takes_the_whole_place_after_po():
    assert "УФСИН по Республике Коми" in spans("В рейде участвовали сотрудники УФСИН по Республике Коми.", "ORG")
