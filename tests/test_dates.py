"""Dates of events: forms of Russian date expressions, the year from context, what a date is."""
import pytest

from report_miner.extractors.dates import document_year_context, find_dates
from report_miner.nlp import parse


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.start, d.end) for d in find_dates(parse(text))]


def only(text: str):
    found = find_dates(parse(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, expected", [
    ("22 апреля в новом корпусе университета состоялось открытие олимпиады.", ("--04-22", None)),
    ("22 апреля 2023 года в гимназии прошла научно-практическая конференция.", ("2023-04-22", None)),
    ("В пятницу, 5 сентября, в лицее прошло торжественное собрание.", ("--09-05", None)),
    ("25 - 27 апреля руководители школ приняли участие в выездном заседании.", ("--04-25", "--04-27")),
    ("С 12 по 14 октября в Казани пройдёт форум молодых педагогов.", ("--10-12", "--10-14")),
    ("16 октября – 16 ноября 2022 года состоялся межрегиональный конкурс.", ("2022-10-16", "2022-11-16")),
    ("1 декабря – 20 декабря 2022 года проходил конкурс методических разработок.", ("2022-12-01", "2022-12-20")),
    ("Марафон прошёл 31 октября – 2 ноября 2022 года на площадке академии.", ("2022-10-31", "2022-11-02")),
    ("В период с февраля по май 2020 года были организованы семинары для педагогов.", ("2020-02", "2020-05")),
    ("Заседание клуба состоялось 7.11.2022 в актовом зале.", ("2022-11-07", None)),
    ("Заседание клуба состоялось 07.11.22 в актовом зале.", ("2022-11-07", None)),
    ("Педагоги района собрались на августовский педсовет 28-29.08.2018г.", ("2018-08-28", "2018-08-29")),
    ("Итоговое собрание запланировано в мае 2023 года.", ("2023-05", None)),
])
def test_forms_of_dates(text, expected):
    assert dates(text) == [expected]


@pytest.mark.parametrize("text", [
    "В школе № 12 учатся 1-4 классы, занятия начинаются в 10:00.",
    "Телефон для справок: 8 (86383) 2-64-33, приём с 9:00 до 17:00.",
    "План работы объединения на 2022-2023 учебный год утверждён.",
    "Отчёт за 2022–23 учебный год опубликован на сайте школы.",
])
def test_numbers_that_are_no_dates(text):
    assert dates(text) == []


def test_a_month_without_a_year_cannot_be_written_and_is_left_out():
    assert dates("Конкурс пройдёт в мае, итоги подведут летом.") == []


def test_a_range_written_with_one_year_holds_it_for_both_ends():
    assert dates("Олимпиада проходила 28 декабря – 10 января 2023 года.") == [("2022-12-28", "2023-01-10")]


def test_the_school_year_of_a_report_gives_the_year():
    text = (
        "Отчёт о работе методического объединения за 2022–2023 учебный год\n"
        "5 сентября на базе лицея прошло установочное заседание.\n"
        "11 мая в городе Казани состоялось выездное заседание объединения."
    )
    assert dates(text) == [("2022-09-05", None), ("2023-05-11", None)]


def test_a_school_year_named_only_as_a_plan_gives_no_year():
    text = "Утвердили план на 2023-2024 учебный год. 5 сентября прошло заседание совета."
    assert dates(text) == [("--09-05", None)]


def test_the_same_day_written_with_a_year_elsewhere_gives_the_year():
    text = "Новости\n1 июня 2022\n\nСегодня, 1 июня, в центре состоялось подведение итогов конкурса рисунков."
    found = find_dates(parse(text))
    assert [(d.start, d.kind) for d in found] == [("2022-06-01", "stamp"), ("2022-06-01", "event")]


def test_a_year_earlier_in_the_paragraph_gives_the_year():
    text = ("8 ноября 2022 года состоялся семинар. Его посвятили итогам марафона, "
            "который прошёл 31 октября.")
    assert dates(text) == [("2022-11-08", None), ("2022-10-31", None)]


def test_the_post_stamp_gives_the_closest_year():
    text = "10.01.2023, 12:40 | просмотров: 310\n25 декабря в школе прошёл новогодний концерт."
    found = find_dates(parse(text))
    assert [(d.start, d.kind) for d in found] == [("2023-01-10", "stamp"), ("2022-12-25", "event")]


def test_no_year_is_made_up_without_context():
    assert dates("17 мая завершилось совещание. Обсудили итоги работы в 2023 году.") == [("--05-17", None)]


def test_document_year_context():
    context = document_year_context("Отчёт по итогам работы за 2022-23 учебный год.\n7 ноября 2022 года прошло заседание.")
    assert context.school_year == (2022, 2023)
    assert context.dated[0][2:] == (11, 7, 2022)


def test_event_cue_is_the_nearby_verb():
    mention = only("15 ноября на базе детского сада № 32 состоялась очередная встреча педагогов.")
    assert (mention.kind, mention.cue) == ("event", "состояться")


def test_plain_date_has_no_cue():
    mention = only("14 декабря воспитатель показала открытое занятие для коллег района.")
    assert (mention.kind, mention.cue) == ("plain", None)


def test_deadline_and_until():
    found = find_dates(parse(
        "Заявки на участие принимаются до 10 апреля. Форум продлится до 29 марта. "
        "Работы представить не позднее 1 июня."))
    assert [(d.start, d.kind, d.cue) for d in found] == [
        ("--04-10", "deadline", None), ("--03-29", "until", None), ("--06-01", "deadline", None)]


def test_birth_date_is_history():
    mention = only("Олимпиада посвящена учёному, который родился 19 ноября 1711 года в деревне.")
    assert (mention.start, mention.kind) == ("1711-11-19", "history")


def test_news_agency_dateline():
    found = find_dates(parse("УФА, 5 мая. /ТАСС/. В столице республики стартовал форум учителей."))
    assert [(d.start, d.kind) for d in found] == [("--05-05", "dateline")]


def test_iso_date_is_page_metadata():
    found = find_dates(parse(" date 2025-09-08 Ученики приедут из 15 регионов России"))
    assert [(d.start, d.kind) for d in found] == [("2025-09-08", "stamp")]


def test_span_covers_the_expression():
    text = "Конференция прошла 16 января – 2 марта 2023 года в заочном формате."
    mention = only(text)
    assert text[mention.span[0]:mention.span[1]] == "16 января – 2 марта 2023 года"


def test_day_range_written_without_spaces_round_the_dash():
    found = find_dates(parse("Муниципальный фестиваль технического творчества прошёл 14-15 февраля в школе № 3."))
    assert [(d.start, d.end) for d in found] == [("--02-14", "--02-15")]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(d.start, d.kind) for d in find_dates(parse(text))]


def test_a_relative_day_is_counted_from_the_post_stamp():
    text = "Новости школы\n12 марта 2024\nВчера в школе прошёл квест для пятиклассников."
    assert kinds(text) == [("2024-03-12", "stamp"), ("2024-03-11", "event")]


def test_a_stamp_glued_to_the_text_anchors_завтра():
    text = "Форум педагогов\n30.09.2014Завтра в Оренбурге состоится региональный форум."
    assert kinds(text) == [("2014-09-30", "stamp"), ("2014-10-01", "event")]


def test_a_relative_day_is_counted_from_the_agency_dateline():
    text = "Ярославль, 1 октября - АиФ.\nСегодня в городе открылся форум молодых учителей."
    assert kinds(text) == [("--10-01", "dateline"), ("--10-01", "event")]


def test_a_past_weekday_is_counted_back_from_the_stamp():
    text = "18 марта 2024\nВ прошедшую пятницу в школе прошло родительское собрание."
    assert kinds(text) == [("2024-03-18", "stamp"), ("2024-03-15", "event")]


def test_сегодня_without_an_event_or_without_a_post_date_gives_nothing():
    assert kinds("5 мая 2023\nСегодня школа остаётся центром жизни села.") == [("2023-05-05", "stamp")]
    assert kinds("Завтра в Оренбурге состоится региональный форум.") == []


def test_listed_days_run_from_the_first_to_the_last():
    found = find_dates(parse("Прослушивание конкурса проходило 13, 14, 15 и 17 февраля 2014 г. в Доме пионеров."))
    assert [(d.start, d.end) for d in found] == [("2014-02-13", "2014-02-17")]
    found = find_dates(parse("Семинар пройдёт 3 и 4 марта."))
    assert [(d.start, d.end) for d in found] == [("--03-03", "--03-04")]
