"""Where and how: city names in the nominative with the kind of mention, and the format."""
import pytest

from report_miner.extractors.places import city_of_adjective, find_formats, find_locations
from report_miner.nlp import parse


def locations(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in find_locations(parse(text))]


def formats(text: str) -> list[str]:
    return [m.format for m in find_formats(parse(text))]


@pytest.mark.parametrize("text, expected", [
    ("В Казани прошёл форум учителей информатики.", [("Казань", "place")]),
    ("Олимпиада прошла в Нижнем Новгороде на базе университета.", [("Нижний Новгород", "place")]),
    ("Финал конкурса состоялся в Ростове-на-Дону.", [("Ростов-на-Дону", "place")]),
    ("Заседание прошло в г. Советске на базе лицея.", [("Советск", "place")]),
    ("Экскурсия школьников на завод в г. Заречный", [("Заречный", "place")]),
    ("Слёт прошёл в селе Сулейманово на базе лагеря «Алый парус».", [("Сулейманово", "place")]),
    ("С 21 по 24 октября в Cанкт-Петербурге проходит конференция.", [("Санкт-Петербург", "place")]),
    ("Астрономический тур проходит в подмосковном городе Долгопрудный.", [("Долгопрудный", "place")]),
])
def test_the_place_of_the_event_in_the_nominative(text, expected):
    assert locations(text) == expected


def test_a_place_inside_an_organisation_name():
    found = find_locations(parse("На базе МАОУ гимназия № 32 г. Калининграда состоялось представление опыта."))
    assert [(m.name, m.kind, m.cue) for m in found] == [("Калининград", "org", "на базе")]


def test_the_organisation_after_в_is_the_venue():
    found = find_locations(parse("5 февраля в МБОУ «Гимназия №10» г. Шахты прошло награждение победителей."))
    assert [(m.name, m.kind, m.cue) for m in found] == [("Шахты", "org", "в")]


@pytest.mark.parametrize("text, expected", [
    ("На базе Санкт-Петербургского политехнического университета прошёл хакатон.",
     [("Санкт-Петербург", "adjective")]),
    ("Раменская гимназия № 2 провела турнир по шахматам.", [("Раменское", "adjective")]),
    ("Начался Петербургский международный образовательный форум.", [("Санкт-Петербург", "adjective")]),
    ("Казанский федеральный университет принял участников олимпиады.", [("Казань", "adjective")]),
    ("Команда Тюменского нефтегазового университета показала робота.", [("Тюмень", "adjective")]),
])
def test_city_adjectives_in_the_names_of_hosts_and_events(text, expected):
    assert locations(text) == expected


def test_a_village_school_named_as_the_venue():
    assert locations("В конференции, проведённой в Карачинской средней школе, приняли участие "
                     "более 90 человек.") == [("Карачино", "adjective")]


def test_a_speakers_university_tells_where_he_comes_from():
    found = find_locations(parse("Секцию вёл профессор Новосибирского государственного университета."))
    assert [(m.name, m.kind) for m in found] == [("Новосибирск", "origin")]


@pytest.mark.parametrize("adjective, city", [
    ("казанский", "Казань"), ("уфимский", "Уфа"), ("петербургский", "Санкт-Петербург"),
    ("калининградский", "Калининград"), ("новосибирский", "Новосибирск"), ("кемеровский", "Кемерово"),
    ("московский", "Москва"), ("томский", "Томск"), ("калужский", "Калуга"), ("донецкий", "Донецк"),
    ("касторенский", "Касторное"),    # a fleeting vowel
    ("советский", None), ("российский", None), ("английский", None), ("технологический", None),
])
def test_city_of_adjective(adjective, city):
    assert city_of_adjective(adjective) == city


def test_an_adjective_outside_a_name_is_no_place():
    assert locations("В кампусе «Михайловская дача» собрались математики.") == []


@pytest.mark.parametrize("text, expected", [
    ("В Республике Башкортостан прошёл слёт юных экологов.", [("Республика Башкортостан", "region")]),
    ("В Саргатском районе прошло совещание работников образования.", [("Саргатский район", "region")]),
    ("В Калининградской области проходит форум классных руководителей.",
     [("Калининградская область", "region")]),
    ("Вице-губернатор вручил грамоты лучшим педагогам Приморья.", [("Приморский край", "region")]),
    ("Конференцию организовало министерство образования и науки Дагестана.",
     [("Республика Дагестан", "region")]),
])
def test_regions(text, expected):
    assert locations(text) == expected


def test_where_participants_came_from_is_origin():
    found = locations("Участниками стали более 50 команд из Москвы, Санкт-Петербурга, Казани и Перми.")
    assert found == [("Москва", "origin"), ("Санкт-Петербург", "origin"), ("Казань", "origin"), ("Пермь", "origin")]


def test_origin_and_place_in_one_sentence():
    found = locations("Школьники из Уфы приняли участие в олимпиаде в Казани.")
    assert found == [("Уфа", "origin"), ("Казань", "place")]


def test_news_agency_dateline():
    found = locations("УФА, 5 мая. /ТАСС/. Финал олимпиады стартовал в Казани.")
    assert found == [("Уфа", "dateline"), ("Казань", "place")]


def test_title_case_dateline_of_a_known_city():
    assert locations("Пенза, 18 марта 2020. Конференция пройдёт дистанционно.") == [("Пенза", "dateline")]


@pytest.mark.parametrize("text", [
    "В олимпиаде участвовали школьники России, Китая и Болгарии.",
    "I место – Николаева Софья Павловна.",
    "Торжественный приём прошёл во Дворце культуры им. В.П. Чкалова.",
    "Совещание руководителей системы образования Российской Федерации.",
])
def test_no_location(text):
    assert locations(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Установочное заседание состоялось в онлайн-формате.", ["online"]),
    ("Совещание прошло в режиме видеоконференцсвязи.", ["online"]),
    ("Конкурс проводился дистанционно на платформе Сферум.", ["online", "online"]),
    ("Для учителей провели вебинар по функциональной грамотности.", ["online"]),
    ("Олимпиада прошла в очном формате.", ["offline"]),
    ("Семинар прошёл на базе гимназии № 3.", ["offline"]),
    ("Встреча прошла в актовом зале школы.", ["offline"]),
    ("Конференция проводилась в смешанном формате.", ["hybrid"]),
    ("Форум пройдёт очно и онлайн.", ["hybrid"]),
    ("Доклады читали в очном формате, остальные работы показали в формате онлайн.", ["hybrid"]),
    ("В работе заседания приняли участие 52 руководителя, и 25 представителей участвовали в режиме онлайн.",
     ["hybrid"]),
])
def test_formats(text, expected):
    assert formats(text) == expected


def test_online_things_that_are_no_online_event():
    assert formats("Студенты разработали платформу, которая загружает задания на онлайн-сервер.") == []


def test_format_mention_span_and_cue():
    text = "Совещание прошло в режиме ВКС."
    (mention,) = find_formats(parse(text))
    assert text[mention.span[0]:mention.span[1]] == mention.cue == "в режиме ВКС"


def test_venue_tells_the_host_from_a_speakers_organisation():
    text = ("7 ноября на базе ФГБОУ ВО «Уфимский государственный нефтяной технический университет» "
            "состоялось заседание. Выступила директор школы № 777 Санкт-Петербурга.")
    found = find_locations(parse(text))
    assert [(m.name, m.kind, m.venue) for m in found] == [
        ("Уфа", "adjective", True), ("Санкт-Петербург", "org", False)]


def test_capital_abbreviation_is_no_preposition():
    found = find_locations(parse("Выступили представители ФГБОУ ВО Казанский федеральный университет."))
    assert [(m.name, m.venue) for m in found] == [("Казань", False)]


@pytest.mark.parametrize("text, expected", [
    ("В Сахалинском государственном университете завершилась олимпиада школьников.",
     [("Сахалинская область", "region")]),
    ("Команда Удмуртского государственного университета победила в хакатоне.",
     [("Удмуртская Республика", "region")]),
])
def test_a_region_adjective_names_the_region_not_a_town(text, expected):
    assert locations(text) == expected


def test_a_municipal_district_is_written_as_a_district():
    assert locations("Совещание педагогов прошло в Краснопартизанском муниципальном районе.") == [
        ("Краснопартизанский район", "region")]
    assert locations("Турнир прошёл в Кавалеровском муниципальном округе.") == [
        ("Кавалеровский муниципальный округ", "region")]


def test_a_village_named_by_its_school_adjective():
    found = find_locations(parse("Фестиваль технического творчества прошёл в кавалеровской школе №3."))
    assert [(m.name, m.kind, m.venue) for m in found] == [("Кавалерово", "adjective", True)]


def test_a_village_unknown_to_the_dictionary_keeps_its_written_name():
    assert locations("Вчера в селе Мехельта прошло совещание учителей.") == [("Мехельта", "place")]


def test_a_pronoun_between_the_preposition_and_the_name():
    found = find_locations(parse("В нашем Выгоничском районе дан старт месячнику патриотической работы."))
    assert [(m.name, m.kind, m.venue) for m in found] == [("Выгоничский район", "region", True)]


def test_a_region_after_the_participants_origin_noun_phrase():
    found = find_locations(parse("В олимпиаде участвовали школьники из 20 муниципалитетов Вологодской области."))
    assert [(m.name, m.kind) for m in found] == [("Вологодская область", "origin")]
    found = find_locations(parse("Семинар прошёл на базе одной из школ Октябрьского района."))
    assert [(m.name, m.kind) for m in found] != [("Октябрьский район", "origin")]


def test_a_hall_with_a_hyphenated_name_is_an_in_person_cue():
    formats = find_formats(parse("15 января в конференц-зале института состоялось заседание коллегии."))
    assert [f.format for f in formats] == ["offline"]
