"""Participant counts: number, unit and approx from prose and from tables."""
import pytest

from report_miner.extractors.counts import find_counts
from report_miner.nlp import parse


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c.count, c.unit, c.approx) for c in find_counts(parse(text))]


@pytest.mark.parametrize("text, expected", [
    ("В квесте участвовали 40 команд по 5 человек.", [(40, "teams", "exact")]),
    ("Квест собрал немало студентов: количество команд-участников – 140, в каждой по пять человек.",
     [(140, "teams", "exact")]),
    ("В конкурсе приняли участие 12 школ-участниц.", [(12, "organisations", "exact")]),
    ("В заседании приняли участие более 100 участников из 22 регионов Российской Федерации.",
     [(100, "people", "more_than"), (22, "regions", "exact")]),
    ("В онлайн-квизе сыграли 80 команд, более 300 участников.",
     [(80, "teams", "exact"), (300, "people", "more_than")]),
    ("Командная игра «Ижица» (45 команд = более 225 участников школ).",
     [(45, "teams", "exact"), (225, "people", "more_than")]),
    ("Установочное заседание объединило свыше 120 руководителей образовательных учреждений.",
     [(120, "people", "more_than")]),
    ("В заключительном этапе олимпиады приняли участие около 5,8 тысячи человек со всей страны.",
     [(5800, "people", "about")]),
    ("В зале собрались почти 400 лучших юных математиков из более чем 60 регионов России.",
     [(400, "people", "about"), (60, "regions", "more_than")]),
    ("В нём приняли участие руководители 43 образовательных организаций из 18 регионов.",
     [(43, "organisations", "exact"), (18, "regions", "exact")]),
    ("В работе заседания приняли участие 52 руководителя, и 25 представителей участвовали онлайн.",
     [(52, "people", "exact"), (25, "people", "exact")]),
    ("За право выйти в финал боролись пять команд старшеклассников.", [(5, "teams", "exact")]),
    ("На конкурс заявились двадцать участников из трёх школ района.",
     [(20, "people", "exact"), (3, "organisations", "exact")]),
    ("На вебинаре выступили 4 спикера, а на втором – 8 выступающих.",
     [(4, "speakers", "exact"), (8, "speakers", "exact")]),
    ("На фестиваль приехали делегации из 5 стран.", [(5, "countries", "exact")]),
    ("В форуме приняли участие более тысячи делегатов из семи федеральных округов.",
     [(1000, "people", "more_than"), (7, "regions", "exact")]),
    ("Задания выполнили 8 тыс. 248 школьников региона.", [(8248, "people", "exact")]),
    ("Ярмарка собрала более 500 учащихся, студентов и представителей учебных заведений.",
     [(500, "people", "more_than")]),
    ("Из 27 заявленных вузов и ссузов прибыли лишь 17.", [(27, "organisations", "exact")]),
    ("В конкурсе приняли участие 141 обучающийся из 27 общеобразовательных организаций города.",
     [(141, "people", "exact"), (27, "organisations", "exact")]),
])
def test_counts_in_prose(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("«Мои первые открытия» (490 участников, из них 419 – участники школ Консорциума).",
     [(490, "people", "exact"), (419, "people", "exact")]),
    ("Детский форсайт (242 команды, из них 65 команд – участники школ объединения).",
     [(242, "teams", "exact"), (65, "teams", "exact")]),
    ("Конференция (более 200 участников, из них около 100 – участники школ Консорциума).",
     [(200, "people", "more_than"), (100, "people", "about")]),
    ("Победителями стали девять ребят из четырёх округов.", [(9, "people", "exact"), (4, "regions", "exact")]),
])
def test_sub_counts_and_winners_are_counts_of_people(text, expected):
    assert counts(text) == expected


def test_membership_counts_are_kept_for_the_events_step():
    assert counts("За учебный год в состав Консорциума вошли 20 образовательных организаций.") == [
        (20, "organisations", "exact")]


@pytest.mark.parametrize("text", [
    "Обучающиеся 1-4 классов защищали проекты в МБОУ СОШ № 36.",
    "VIII Всероссийская конференция прошла в 2023 году.",
    "В сетевом издании опубликовано 320 методических материалов.",
    "Группа объединения в социальной сети насчитывает более 1200 подписчиков.",
    "К участию принимались работы детей в возрасте 14-17 лет.",
    "Стоимость участия – 500 рублей, программа рассчитана на 3-хдневный курс.",
    "Лицей провёл 2 практико-ориентированных вебинара для учителей.",
    "Второе место заняла команда из тридцать четвёртой школы.",
    "В течение года форумы студентов прошли во всех семи федеральных округах.",
    "Сообщество насчитывает уже более 205 тысяч классных руководителей.",
    "Один из участников рассказал о своём проекте.",
])
def test_numbers_that_count_no_participants(text):
    assert counts(text) == []


def test_evidence_runs_from_the_approx_word_to_the_noun():
    text = "Посетили мероприятие более 40 человек."
    (count,) = find_counts(parse(text))
    start, end = count.evidence[0]
    assert text[start:end] == "более 40 человек"


def test_table_cells_take_their_unit_from_the_header():
    text = (
        "№\tТема вебинара\tОрганизатор\tКоличество выступающих\tКоличество зарегистрированных\tКоличество подключившихся\n"
        "1\t«Инженерное образование»\tЛицей № 146\t4 спикера\t265\t132\n"
        "2\t«Проектные технологии»\tШкола будущего\t8\t439\t134\n"
    )
    assert counts(text) == [
        (4, "speakers", "exact"), (265, "people", "exact"), (132, "people", "exact"),
        (8, "speakers", "exact"), (439, "people", "exact"), (134, "people", "exact"),
    ]


def test_table_header_holds_over_section_rows_until_prose():
    text = (
        "№\tНаименование\tОрганизатор\tКоличество участников\n"
        "1.\tКонференция «Успех»\tСОШ № 36\t47\n"
        "Олимпиады для школьников – 3.\n"
        "2.\tПолиолимпиада «Взлетай!» для 1-х классов\tгимназия № 105\tболее 100\n"
        "3.\tКонкурс «Технополис»\tшкола № 777\tОколо 300 участников\n"
        + "По итогам года " + "участники показали высокие результаты и подготовили проекты. " * 6 + "\n"
        "4.\tИгра\tлицей\t56\n"
    )
    assert counts(text) == [(47, "people", "exact"), (100, "people", "more_than"), (300, "people", "about")]


def test_pipe_tables_are_read_too():
    text = (
        "| № | Наименование мероприятия | Дата проведения | К-во уч-ков |\n"
        "|---|---|---|---|\n"
        "| 1.2 | Праздник ко Дню защиты детей | июнь | 500 |\n"
    )
    assert counts(text) == [(500, "people", "exact")]


def test_a_header_without_a_count_of_people_gives_no_unit():
    text = (
        "Организация\tКол-во публикаций в издании\tКоличество новостей на портале\n"
        "Лицей № 60\t12\t32\n"
    )
    assert counts(text) == []


def test_a_postcode_before_an_address_counts_nothing():
    assert counts("413540 Саратовская область, Краснопартизанский район, п. Горный") == []


def test_the_noun_must_agree_with_the_number():
    assert counts("В финале выступили 21 школа и 11 команд.") == [
        (21, "organisations", "exact"), (11, "teams", "exact")]


def test_the_staff_of_a_region_is_no_event_count():
    assert counts("В регионе работают 20 тысяч педагогов. Пять преподавателей получили благодарности.") == [
        (5, "people", "exact")]


def test_groups_of_participants_are_teams():
    assert counts("Квест объединил 56 групп школьников и 12 творческих коллективов.") == [
        (56, "teams", "exact"), (12, "teams", "exact")]


def test_animate_nouns_natasha_does_not_know():
    assert counts("В конкурсе участвовали 18 педагогов-организаторов и 40 юнармейцев.") == [
        (18, "people", "exact"), (40, "people", "exact")]
    assert counts("Для гостей провели 67 обучающих мастер-классов.") == []


# ---------------------------------------------------------------- third pass: counts on unseen sites


@pytest.mark.parametrize("text", [
    "Как сообщил начальник отдела, в школах района с 1 сентября будут обучаться 9444 школьника.",
    "Детские сады района посещают 3650 детей.",
    "На начало учебного года в районе насчитывалось 43 образовательных учреждения.",
    "Наполняемость классов в новом учебном году в среднем будет 8 человек.",
    "По прогнозам, число призёров вырастет до 26 тысяч человек.",
    "За годы проведения конкурса в нём приняли участие более 3000 школьников.",
])
def test_populations_averages_limits_and_totals_of_years_are_no_event_counts(text):
    assert counts(text) == []


def test_a_figure_of_last_year_is_not_this_years_count():
    assert counts("В этом году в олимпиаде участвовали 120 школьников, в прошлом году — 95 учащихся.") == [
        (120, "people", "exact")]
    assert counts("В прошлом году участников было 90, в этом году — 120 человек.") == [
        (120, "people", "exact")]


def test_the_events_own_participants_count_even_in_a_population_sentence():
    assert counts("По окончании первого этапа насчитывалось семь участников.") == [(7, "people", "exact")]
    assert counts("На мероприятии собрались более тысячи молодых людей, планирующих учиться в вузе.") == [
        (1000, "people", "more_than")]


@pytest.mark.parametrize("text", [
    "Всего в районе останется 25 средних и 7 основных школ.",
    "По его словам, к шести базовым средним школам района прибавится ещё три.",
    "Итоги конкурса 100 лучших учреждений подведут на конференции.",
])
def test_schools_and_regions_count_only_where_they_take_part(text):
    assert counts(text) == []


def test_schools_taking_part_without_a_preposition_still_count():
    assert counts("В олимпиаде участвовали 12 школ района.") == [(12, "organisations", "exact")]
    assert counts("Педагоги 20 школ района обменялись опытом.") == [(20, "organisations", "exact")]


def test_the_other_figures_of_a_list_take_the_unit_of_its_last_item():
    text = ("Много участников привлекли гуманитарные предметы: английский язык – 104, "
            "страноведение Японии – 74, русский язык – 79 человек.")
    assert counts(text) == [(104, "people", "exact"), (74, "people", "exact"), (79, "people", "exact")]


def test_counts_in_the_sites_block_of_other_posts_are_left_out():
    text = ("В финал чемпионата по чтению вслух вышли 8 школьников. Лучше всех справился Сергей.\n"
            "Призовой фонд чемпионата составляет 300 тысяч рублей.\n"
            "Последние новости рубрики\n"
            "Лучшими среди участников областного конкурса признали 11 педагогов.\n")
    assert counts(text) == [(8, "people", "exact")]


def test_a_poll_widgets_voters_are_no_participants():
    text = ("Голосование\nПользуетесь ли вы мобильным приложением?\nВсего 5 человек\n\n"
            "Сегодня прошла районная педагогическая конференция. В ряды педагогов приняты "
            "15 молодых специалистов.")
    assert counts(text) == [(15, "people", "exact")]
