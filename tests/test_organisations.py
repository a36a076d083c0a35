"""Organisations: legal forms with quoted names, institution heads put into the nominative,
enumerations, abbreviations as aliases, roles from cue words, mentions of one organisation
merged, and the mentions that name no organisation of the event left out.

The sentences are written for these tests in the style of Russian school and university news.
"""
import pytest

from report_miner.extractors.organisations import (
    find_organisations, is_acronym, merge_organisations,
)
from report_miner.nlp import parse
from report_miner.records import Organisation


def mentions(text: str) -> list[Organisation]:
    return find_organisations(parse(text))


def names(text: str) -> list[str]:
    return [o.name for o in mentions(text)]


def one(text: str) -> Organisation:
    found = mentions(text)
    assert len(found) == 1, [o.name for o in found]
    return found[0]


# ---------------------------------------------------------------- legal forms and quotes


@pytest.mark.parametrize("text, name", [
    ("На базе МАОУ «Лицей № 10» города Советска Калининградской области прошёл семинар.",
     "МАОУ «Лицей № 10» города Советска Калининградской области"),
    ("Пленарное заседание прошло на базе ФГАОУ ВО «Балтийский федеральный университет имени "
     "Иммануила Канта».",
     "ФГАОУ ВО «Балтийский федеральный университет имени Иммануила Канта»"),
    ("На базе МАОУ гимназия № 32 г. Калининграда состоялось представление опыта.",
     "МАОУ гимназия № 32 г. Калининграда"),
    ("Участники посетили АО «Экопэт» и узнали о переработке пластика.", "АО «Экопэт»"),
    ("Семинар прошёл в МБОУ СОШ №17 при участии родителей.", "МБОУ СОШ №17"),
    # the head after the legal form goes into the nominative, the rest stays as written
    ("Встреча состоялась на базе ГБДОУ детского сада № 32 Василеостровского района.",
     "ГБДОУ детский сад № 32 Василеостровского района"),
    # an unquoted abbreviation is the name
    ("С докладом выступили коллеги из ФГБОУ ВО МПГУ г.Москва.", "ФГБОУ ВО МПГУ г.Москва"),
    # "имени …" and "с углублённым изучением …" belong to the name, the verb does not
    ("В состав вошла ГБОУ средняя общеобразовательная школа №525 с углублённым изучением "
     "английского языка имени дважды Героя Советского Союза Г.М.Гречко Московского района "
     "Санкт-Петербурга.",
     "ГБОУ средняя общеобразовательная школа №525 с углублённым изучением английского языка "
     "имени дважды Героя Советского Союза Г.М.Гречко Московского района Санкт-Петербурга"),
])
def test_legal_form_with_its_name_and_place(text, name):
    assert name in names(text)


def test_nested_straight_quotes_and_district_tail():
    org = one('Конкурс провёл МАОУ "Лицей №146 "Ресурс"" Ново-Савинского района г.Казани для школьников.')
    assert org.name == 'МАОУ "Лицей №146 "Ресурс"" Ново-Савинского района г.Казани'
    assert 'Лицей №146 "Ресурс"' in org.aliases


def test_unbalanced_nested_quotes_end_at_the_inner_name():
    org = one("Для педагогов на базе БОУ ДО г. Омска «ЦТРиГО «Перспектива» были организованы семинары.")
    assert org.name == "БОУ ДО г. Омска «ЦТРиГО «Перспектива»"


def test_quoted_name_is_an_alias_and_the_tail_stops_at_the_verb():
    org = one("На базе МБОУ «Гимназия №10» г. Шахты прошло награждение победителей олимпиады.")
    assert org.name == "МБОУ «Гимназия №10» г. Шахты"
    assert "Гимназия №10" in org.aliases
    assert "МБОУ «Гимназия №10»" in org.aliases


# ---------------------------------------------------------------- heads in the nominative


@pytest.mark.parametrize("text, name", [
    ("Форум прошёл на базе Инженерно-технологической школы № 777.", "Инженерно-технологическая школа № 777"),
    ("Я приветствую вас в Санкт-Петербургском государственном университете!",
     "Санкт-Петербургский государственный университет"),
    ("Смена прошла в лагере «Сокол» под Калугой.", "лагерь «Сокол»"),
    ("Финал состоится 11 декабря в Центральной библиотеке.", "Центральная библиотека"),
    ("С докладом выступил начальник управления образования администрации Саргатского района.",
     "управление образования администрации Саргатского района"),
    ("Конференцию организовали сотрудники кафедры теории и методики обучения математике.",
     "кафедра теории и методики обучения математике"),
    ("Церемония прошла в парадном зале выборгской гимназии.", "выборгская гимназия"),
    ("Турнир организовал коллектив районного Дворца культуры.", "районный Дворец культуры"),
    ("Олимпиада прошла в Новосибирском госуниверситете.", "Новосибирский госуниверситет"),
    ("Организатором выступил Центр изучения культур при ДГУ.", "Центр изучения культур при ДГУ"),
])
def test_head_noun_group_in_the_nominative(text, name):
    assert name in names(text)


def test_minister_stands_for_the_ministry():
    org = one("Свидетельства вручил заместитель министра образования Новосибирской области.")
    assert org.name == "министерство образования Новосибирской области"
    assert org.role == "authority"


def test_coordinated_adjectives_give_one_organisation_each():
    found = names("В церемонии участвовали руководители Воркутинского и Усинского филиалов УГТУ.")
    assert "Воркутинский филиал УГТУ" in found
    assert "Усинский филиал УГТУ" in found


# ---------------------------------------------------------------- enumerations


def test_enumerated_schools_share_the_head():
    found = mentions("Руководители Кемеровских школ №36, №85, №89 приняли участие в заседании.")
    assert [o.name for o in found] == ["Кемеровская школа № 36", "Кемеровская школа № 85",
                                       "Кемеровская школа № 89"]
    assert "школа № 85" in found[1].aliases
    assert all(o.role == "participant" for o in found)


def test_enumerated_numbers_after_a_legal_form():
    found = names("Свои работы представили ДОУ № 3, 8, 26 и школа № 5.")
    assert found[:3] == ["ДОУ № 3", "ДОУ № 8", "ДОУ № 26"]
    assert "школа № 5" in found


def test_numbers_in_one_token_are_separate_kindergartens():
    found = names("Занятия велись в детских садах (детские сады № 119,112, 140,369) и одной школе № 67.")
    for number in ("119", "112", "140", "369"):
        assert f"детский сад № {number}" in found
    assert "школа № 67" in found


# ---------------------------------------------------------------- aliases and abbreviations


def test_bracketed_abbreviation_is_an_alias():
    org = one("Соглашение подписал ректор ФГБОУ ВО «Ухтинский государственный технический университет» (УГТУ).")
    assert "УГТУ" in org.aliases
    assert "Ухтинский государственный технический университет" in org.aliases


@pytest.mark.parametrize("abbreviation, name, expected", [
    ("СПбГУ", "Санкт-Петербургский государственный университет", True),
    ("ТюмГУ", "Тюменский государственный университет", True),
    ("ДОННУЭТ", "Донецкий национальный университет экономики и торговли имени Михаила Туган-Барановского", True),
    ("НГУ", "Новосибирский госуниверситет", True),
    ("КНиИТ", "компьютерных наук и информационных технологий", True),
    ("МГУ", "Санкт-Петербургский государственный университет", False),
    ("ЮФУ", "Уральский федеральный университет", False),
])
def test_acronyms(abbreviation, name, expected):
    assert is_acronym(abbreviation, name) is expected


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize("text, name, role", [
    ("На базе МБОУ «Лицей № 62» прошёл семинар для учителей.", "МБОУ «Лицей № 62»", "host"),
    ("17 мая в Московском дворце пионеров завершилось совещание.", "Московский дворец пионеров", "host"),
    ("Турнир организовали отдел по делам молодёжи и управление образования.", "управление образования",
     "organizer"),
    ("Смена прошла при поддержке фонда «Талант и Успех».", "фонд «Талант и Успех»", "partner"),
    ("Участники посетили Индустриальный парк «Храброво».", "Индустриальный парк «Храброво»", "partner"),
    ("В состав Консорциума вошли МАОУ «Лицей № 58» и другие школы.", "МАОУ «Лицей № 58»", "member"),
    ("В конкурсе участвуют учителя гимназии № 73 и лицея № 2.", "гимназия № 73", "participant"),
    ("С докладом выступил начальник отдела образования Иван Петров.", "отдел образования", "authority"),
])
def test_roles_from_cue_words(text, name, role):
    found = {o.name: o.role for o in mentions(text)}
    assert found.get(name) == role, found


# ---------------------------------------------------------------- not organisations of the event


@pytest.mark.parametrize("text, not_expected", [
    ("Школьники приехали из 15 регионов, сообщили ТАСС в пресс-службе центра.", "ТАСС"),
    ("Об этом сообщает РИА Новости.", "РИА Новости"),
    ("Как уточняет пресс-служба администрации Выборгского района, гостей было много.",
     "администрация Выборгского района"),
    ("Финал конкурса «Учитель года России» прошёл в Москве.", "Учитель года России"),
    ("Выступил профессор СПбГУ, академик РАН Иван Петров.", "РАН"),
    ("Педагоги школы обсудили планы. Школа готова к новому году.", "школа"),
    ("В конференции участвовали общеобразовательные организации района.", "общеобразовательные организации"),
    ("Фото: пресс-служба", "Фото"),
    ("Новая программа Минсельхоза РФ \"Агросмена\" стартовала в Сириусе.", "Агросмена"),
])
def test_no_organisation_of_the_event(text, not_expected):
    assert not_expected not in names(text)


def test_news_source_dropped_but_the_event_organiser_kept():
    found = names("Программа Минсельхоза России стартовала в Сириусе, сообщили ТАСС в пресс-службе.")
    assert found == ["Минсельхоз России"]


def test_evidence_is_the_mention_span():
    text = "Семинар прошёл на базе Инженерно-технологической школы № 777 Санкт-Петербурга."
    org = one(text)
    (start, end), = org.evidence
    assert text[start:end] == "Инженерно-технологической школы № 777 Санкт-Петербурга"


# ---------------------------------------------------------------- merging


def test_merge_full_name_and_abbreviation():
    found = mentions("Заседание прошло в новом кампусе СПбГУ. «Приветствую вас в Санкт-Петербургском "
                     "государственном университете», — сказал ректор.")
    merged = merge_organisations(found)
    assert len(merged) == 1
    org = merged[0]
    assert org.name == "Санкт-Петербургский государственный университет"
    assert "СПбГУ" in org.aliases
    assert len(org.evidence) == 2
    assert org.role == "host"


def test_merge_keeps_fullest_name_strongest_role_and_inputs():
    a = Organisation("Лицей № 10", "participant", [], [(50, 60)])
    b = Organisation("МАОУ «Лицей № 10» города Советска", "host", ["Лицей № 10"], [(0, 30)])
    c = Organisation("школа № 11", "other", [], [(70, 80)])
    merged = merge_organisations([a, b, c])
    assert [o.name for o in merged] == ["Лицей № 10", "школа № 11"] or len(merged) == 2
    lyceum = next(o for o in merged if "10" in o.name)
    assert lyceum.name == "МАОУ «Лицей № 10» города Советска"
    assert lyceum.role == "host"
    assert lyceum.evidence == [(0, 30), (50, 60)]
    assert a.role == "participant" and a.aliases == []          # inputs unchanged


def test_merge_numbered_kindergarten_spellings_but_not_other_numbers():
    merged = merge_organisations(mentions(
        "Встреча прошла на базе ГБДОУ детского сада № 32. Опыт представили ДОУ № 32 и ДОУ № 3."))
    assert sorted(o.name for o in merged) == ["ГБДОУ детский сад № 32", "ДОУ № 3"]


def test_merge_country_spellings():
    merged = merge_organisations(mentions(
        "Программу Минсельхоза РФ поддержали регионы. Эксперты Минсельхоза России провели занятия."))
    assert len(merged) == 1


# ---------------------------------------------------------------- second pass: news pages


@pytest.mark.parametrize("text", [
    # the source of the news
    "Как рассказали в Министерстве образования Саратовской области, конкурс стал ежегодным.",
    "По информации Комитета по образованию городской администрации, в игре участвовали десять школ.",
    "Ранее «Вести-Пенза» писала, что школьники посетили технопарк.",
    # a photo credit, a category line and a site name in a header
    "Встреча прошла в Омске.\nФото: участники встречи/Министерство образования Омской области",
    "Педагоги обменялись опытом.\nКатегория: Новости Управления образования | Просмотров: 120",
    "МК АвтоВзгляд Охотники.ру WomanHit.ru\nВ Тюмени наградили педагогов.",
    "Материалы размещены на сайте Управления образования администрации района.",
])
def test_sources_headers_and_metadata_are_no_organisations(text):
    assert names(text) == []


def test_a_caption_is_no_metadata_label():
    found = names("Праздник прошёл в Доме культуры.\nНа фото: начальник отдела образования "
                  "вручает грамоту директору МБОУ СОШ №5.")
    assert "МБОУ СОШ №5" in found


def test_a_lone_town_natasha_types_as_organisation_is_dropped():
    assert "Тюмень" not in names("Тюмень\n\nВ Тюмени чествовали лучших педагогов региона.")


@pytest.mark.parametrize("text", [
    "Маршрут квеста прошёл через Сквер Победы и Театральную площадь.",
    "Команды побывали у памятника и в Генеральском доме.",
    "Ребята из экспедиции школьников «Дорогами Победы» приехали в город.",
    "Станции назывались «Первая помощь», «Командное упражнение» и «Блиц-опрос».",
])
def test_landmarks_buildings_and_titles_are_no_organisations(text):
    assert names(text) == []


def test_a_building_head_with_its_complement_stays_an_organisation():
    assert names("Концерт прошёл во Дворце творчества детей и молодёжи.") \
        == ["Дворец творчества детей и молодёжи"]


@pytest.mark.parametrize("text, name, alias", [
    ("Финал пройдёт на территории 63-й гимназии в феврале.", "63-я гимназия", "гимназия № 63"),
    ("Победили ученики 239-го физико-математического лицея.", "239-й физико-математический лицей",
     "лицей № 239"),
    ("Команда 57-й школы заняла второе место.", "57-я школа", "школа № 57"),
])
def test_schools_named_by_an_ordinal(text, name, alias):
    org = one(text)
    assert org.name == name
    assert alias in org.aliases


def test_a_faculty_is_named_by_its_lower_case_adjective():
    assert names("На историческом факультете прошла встреча студентов.") == ["исторический факультет"]
    assert names("На другом факультете прошла встреча студентов.") == []


def test_a_name_ends_before_its_address_and_a_quoted_title_after_named_after():
    assert names("Открылось новое здание Оренбургского областного эколого-биологического центра по "
                 "адресу: ул. Восточная, д. 15.") \
        == ["Оренбургский областной эколого-биологический центр"]
    assert names("Выступил коллектив Оренбургского областного Дворца творчества им. В.П.Поляничко "
                 "«Мы – дети твои!».") == ["Оренбургский областной Дворец творчества им. В.П.Поляничко"]


def test_a_text_cut_inside_a_name_takes_the_full_name():
    found = mentions("Встреча прошла в Подольском колледже имени Никулина. «Это важный шаг», — "
                     "отметил директор Подольского колледжа имени Никули")
    assert [o.name for o in found] == ["Подольский колледж имени Никулина"] * 2
    assert len(merge_organisations(found)) == 1


def test_a_bare_re_mention_merges_with_the_one_full_name():
    merged = merge_organisations(mentions(
        "Выставка открылась в Оренбургском областном Дворце творчества детей и молодёжи. "
        "Директор Дворца творчества детей и молодёжи поздравил гостей."))
    assert [o.name for o in merged] == ["Оренбургский областной Дворец творчества детей и молодёжи"]


def test_a_bare_re_mention_of_two_different_full_names_stays_apart():
    merged = merge_organisations(mentions(
        "Концерты прошли в районном Доме культуры и в сельском Доме культуры. "
        "Зрители Дома культуры аплодировали."))
    assert len(merged) == 3


def test_an_abbreviation_with_named_after_merges_with_the_full_name():
    merged = merge_organisations(mentions(
        "Выставка открылась в Оренбургском областном Дворце творчества детей и молодежи им. "
        "В.П.Поляничко. Пленарное заседание прошло в ООДТДМ им. В.П.Поляничко."))
    assert len(merged) == 1


# ---------------------------------------------------------------- third pass: school abbreviations,
# areas of work, study groups, meetings, "по …" places and tails


@pytest.mark.parametrize("text, expected", [
    ("Лучше всех выступили Колесников Никита (СОШ № 1) и Кравец Светлана (СОШ № 5).",
     ["СОШ № 1", "СОШ № 5"]),
    ("Второе место заняла Измайлова Зульфия (Ибрагимовская СОШ).", ["Ибрагимовская СОШ"]),
    ("Семинар прошёл на базе Краснооктябрьской СОШ.", ["Краснооктябрьская СОШ"]),
])
def test_a_school_abbreviation_named_by_a_number_or_an_adjective(text, expected):
    assert names(text) == expected


def test_a_plain_school_abbreviation_names_no_school():
    assert names("В каждой СОШ района прошли уроки мужества.") == []


def test_a_school_abbreviation_and_the_school_word_are_one_school():
    merged = merge_organisations(mentions(
        "Семинар прошёл на базе Краснооктябрьской СОШ. Учителя Краснооктябрьской школы провели уроки."))
    assert [o.name for o in merged] == ["Краснооктябрьская СОШ"]


@pytest.mark.parametrize("text, expected", [
    ("С докладом выступила Виноградова Г.В., методист по ВР РМЦ УО.", ["РМЦ УО"]),
    ("Заместители директора по УВР Е.Т. Чуева и по НМР Т.Н. Пепеляева подвели итоги.", []),
])
def test_an_area_of_work_after_po_is_no_organisation(text, expected):
    assert names(text) == expected


def test_the_code_of_a_study_group_is_no_organisation():
    assert names("Первое место заняла студентка группы ПСО 21-4 Анна Кузнецова.") == []


@pytest.mark.parametrize("text", [
    "12 января состоялся Педагогический совет по итогам первого полугодия.",
    "Глава республики поручил взять под личный контроль организацию ЕГЭ.",
    "Прошёл семинар учителей «Организация проектной деятельности на уроках».",
])
def test_meetings_and_organising_are_no_organisations(text):
    assert names(text) == []


def test_a_body_name_runs_on_to_the_area_it_serves():
    assert names("В рейде участвовали сотрудники ОНД по Тобольскому муниципальному району.") == [
        "ОНД по Тобольскому муниципальному району"]
    assert names("Квест провели сотрудники отдела МВД России по городу Майкопу.") == [
        "отдел МВД России по городу Майкопу"]


def test_the_juvenile_commission_is_named_in_full():
    assert names("На собрании выступил секретарь комиссии по делам несовершеннолетних и защите их прав.") == [
        "комиссия по делам несовершеннолетних и защите их прав"]


def test_a_name_stops_before_a_question_and_initials():
    assert names("Состоялось заседание коллегии министерства образования области по вопросу: «Об итогах года».") \
        == ["министерство образования области"]
    assert names("Слово взяла заведующий ИМК Отдела образования Т.А. Леонова.")[-1] == "ИМК Отдела образования"


def test_a_site_and_a_heading_word_are_no_organisations():
    assert names("Пользуетесь ли вы мобильным приложением Schools.by?") == []
    assert names("ОБ ИТОГАХ РАЗВИТИЯ СИСТЕМЫ ОБРАЗОВАНИЯ САРАТОВСКОЙ ОБЛАСТИ") == []


def test_a_legal_form_with_dod_and_its_abbreviation_merge_with_the_full_name():
    merged = merge_organisations(mentions(
        "Конкурс прошёл в Доме пионеров и школьников. В жюри вошла Дубинина Р.Р., зам. директора "
        "по ВР МБОУДОД ДПШ."))
    assert [o.name for o in merged] == ["Дом пионеров и школьников"]


def test_a_body_name_ends_before_its_partner_cue():
    found = mentions("Фестиваль проводит Городской центр детского творчества при поддержке "
                     "управления образования администрации города Тулы.")
    assert [(o.name, o.role) for o in found] == [
        ("Городской центр детского творчества", "organizer"),
        ("управление образования администрации города Тулы", "partner")]


def test_a_news_agency_named_after_its_correspondent_is_the_source():
    assert names('Аттестаты с отличием получили 124 выпускника, рассказали корреспонденту агентства '
                 '"Татар-информ".') == []


def test_a_name_hard_wrapped_over_a_capitalised_line_is_one_name():
    text = ("В совещании приняли участие директора школ и\n"
            "представители предприятий. Выступил начальник отдела сельского хозяйства\n"
            "Цивильского района Петров И.И., затем директора школ района обсудили\n"
            "планы на следующий учебный год.")
    assert "отдел сельского хозяйства Цивильского района" in names(text)
