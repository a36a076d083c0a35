"""Whole texts to event records: a news post gives one event, a report one per listed item."""
from report_miner import extract

NEWS = """Версия для слабовидящих | Главная | Новости

В Томске прошёл региональный форум молодых педагогов

12 октября на базе Томского государственного педагогического университета прошёл форум «Педагог будущего». Форум открыла начальник департамента общего образования Томской области Ирина Сергеевна Грабцевич. Участниками стали более 200 учителей из 15 районов области.
"""

REPORT = """Отчёт о работе сети инженерных школ за 2023-2024 учебный год

1. Заседания руководителей.

1. 14 сентября 2023 года на базе МАОУ «Лицей № 7» г. Томска состоялось заседание сети по теме «Инженерная школа: новые ориентиры». В нём приняли участие руководители 31 образовательной организации из 9 регионов.

2. 12 марта 2024 года в онлайн-формате прошло заседание сети по теме «Итоги полугодия». На заседании выступили:
- Петрова Анна Сергеевна, директор МАОУ «Лицей № 7»;
- Сидоров Олег Иванович, начальник департамента образования.

2. Конкурсы для школьников.

Таблица 1. Конкурсы и игры для школьников.

№\tНаименование мероприятия\tОрганизатор\tКоличество участников
1.\tМежрегиональный конкурс «Юный конструктор»\tМБОУ «СОШ № 12», г. Омск\t120
2.\tОнлайн-квиз «Знатоки физики»\tМАОУ «Лицей № 7», г. Томск\t45 команд, 200 участников

Лучшие мероприятия года:
- конкурс «Юный конструктор» (120 участников, из них 80 – школьники сети).
"""


def test_news_post_gives_one_event_with_its_values():
    events = extract(NEWS).events
    assert len(events) == 1
    ev = events[0]
    assert ev.type == "forum"
    assert ev.date_start == "--10-12"
    assert ev.location == "Томск"
    assert any(o.name.startswith("Томский государственный педагогический университет") for o in ev.organisations)
    speaker = next(p for p in ev.people if p.name.startswith("Грабцевич"))
    assert speaker.name == "Грабцевич Ирина Сергеевна" and speaker.role == "speaker"
    assert (200, "people", "more_than") in {(c.count, c.unit, c.approx) for c in ev.participants}


def test_every_value_carries_evidence_into_the_text():
    ev = extract(NEWS).events[0]
    for count in ev.participants:
        start, end = count.evidence[0]
        assert str(count.count) in NEWS[start:end]
    start, end = ev.evidence["date"][0]
    assert "12 октября" in NEWS[start:end]


def test_report_gives_one_event_per_item_and_row_with_the_school_year():
    events = extract(REPORT).events
    assert [e.type for e in events] == ["meeting", "meeting", "contest", "game"]
    first, second, contest, quiz = events
    assert (first.date_start, second.date_start) == ("2023-09-14", "2024-03-12")
    assert first.location == "Томск"
    assert {(c.count, c.unit) for c in first.participants} == {(31, "organisations"), (9, "regions")}
    assert second.format == "online"
    assert {p.name for p in second.people if p.role == "speaker"} == {"Петрова Анна Сергеевна", "Сидоров Олег Иванович"}
    assert any(o.role == "organizer" and "СОШ № 12" in o.name for o in contest.organisations)
    assert {(c.count, c.unit) for c in contest.participants} == {(120, "people"), (80, "people")}   # the re-mention adds 80
    assert {(c.count, c.unit) for c in quiz.participants} == {(45, "teams"), (200, "people")}
    assert quiz.title == "Знатоки физики"


def test_site_chrome_above_the_headline_stays_out_of_the_event():
    page = ("Газета «Северный вестник» | Главная | Новости\n18+\n12.03.2024 10:15\n\n"
            "В Кирове прошёл муниципальный семинар учителей физики\n\n"
            "На базе гимназии № 2 состоялся семинар «Физика вокруг нас». Его провела методист "
            "Ольга Викторовна Лебедева.\n")
    ev = extract(page).events[0]
    assert ev.type == "seminar"
    assert ev.title == "Физика вокруг нас"
    assert not any("Северный вестник" in o.name for o in ev.organisations)
    assert ev.date_start == "2024-03-12"          # the page's date stamp still dates the post


def test_the_sites_block_of_other_posts_stays_out_of_the_event():
    page = ("В гимназии № 3 прошёл семинар для учителей математики\n\n"
            "14 ноября на базе гимназии № 3 состоялся семинар «Задачи с параметром». "
            "В нём приняли участие 35 педагогов района.\n\n"
            "Читайте также:\n"
            "В лицее № 2 прошла олимпиада по физике, в ней участвовали 120 школьников.\n")
    ev = extract(page).events[0]
    assert {(c.count, c.unit) for c in ev.participants} == {(35, "people")}
    assert not any("лицей № 2" in o.name.lower() for o in ev.organisations)
