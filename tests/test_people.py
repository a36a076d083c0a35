"""People: names in the nominative, positions from the apposition, roles from cue words,
mentions of one person merged, names of things that are no people left out.

The sentences are written for these tests in the style of Russian school and university news.
"""
import pytest

from report_miner.extractors.people import find_people, merge_people
from report_miner.nlp import parse
from report_miner.records import Person


def people(text: str) -> list[Person]:
    return merge_people(find_people(parse(text)))


def by_name(text: str) -> dict[str, Person]:
    return {p.name: p for p in people(text)}


def names(text: str) -> list[str]:
    return [p.name for p in people(text)]


# ---------------------------------------------------------------- names in the nominative


@pytest.mark.parametrize("text, name", [
    ("Собравшихся приветствовал заместитель главы района Алексей Заварзин.", "Заварзин Алексей"),
    ("Награды вручались при участии Веры Владимировны Князевой.", "Князева Вера Владимировна"),
    ("С приветственным словом выступила В.В. Князева.", "Князева В. В."),
    ("Заслушали доклад директора Романова В.Е. об итогах года.", "Романов В. Е."),
    ("Благодарность объявили Романовой В.Е. и всему коллективу.", "Романова В. Е."),
    # surnames the dictionary does not know, declined by their endings
    ("Глава округа наградил директора школы № 17 Ольгу Шкондину.", "Шкондина Ольга"),
    ("Грамоту вручили учителю информатики Вячеславу Герберу.", "Гербер Вячеслав"),
    ("Встреча прошла при поддержке губернатора Владислава Шапши.", "Шапша Владислав"),
    ("Мастер-класс провела Анна Судибор, методист центра.", "Судибор Анна"),
    ("Работу оценил член жюри Николай Голубенко.", "Голубенко Николай"),
    ("В составе команды были Даниил Синицын и Андрей Карповский.", "Синицын Даниил"),
    # her surname the dictionary knows only as his ("Хлебникова": his genitive); the verb tells
    ("Круглый стол провела заместитель министра образования О.А. Хлебникова.", "Хлебникова О. А."),
    # the position before a genitive complement tells her case and gender
    ("Впечатлением поделилась ученица городской школы Александра Шамарина.", "Шамарина Александра"),
    ("Лучшим стал ученик городской школы Александр Шамарин.", "Шамарин Александр"),
    ("Команду «Старт» представляли первокурсники Даниила Синицына и Андрея Карповского.",
     "Синицын Даниил"),
    ("Слово предоставили руководителю кружка Семенову Михаилу.", "Семенов Михаил"),
])
def test_names_come_in_the_nominative_surname_first(text, name):
    assert name in names(text)


def test_initials_keep_the_gender_the_context_gives():
    found = names("На заседании выступили Щербакова И.Е. и Никитина М.Н.")
    assert found == ["Щербакова И. Е.", "Никитина М. Н."]


# ---------------------------------------------------------------- positions


def test_positions_on_the_left_in_a_hard_wrapped_speaker_list():
    found = by_name("В работе совещания приняли участие руководители школ и\n"
                    "представители предприятий района. С докладами выступили Глава администрации\n"
                    "Цивильского района Петров И.И., начальник отдела образования\n"
                    "Цивильского района Смирнова А.А., директор техникума Орлов В.В. Затем\n"
                    "участники обсудили план работы на год.")
    assert {n: (p.position, p.role) for n, p in found.items()} == {
        "Петров И. И.": ("Глава администрации Цивильского района", "speaker"),
        "Смирнова А. А.": ("начальник отдела образования Цивильского района", "speaker"),
        "Орлов В. В.": ("директор техникума", "speaker")}


def test_who_takes_part_in_a_discussion_speaks_and_a_semicolon_list_runs_on():
    found = by_name("В обсуждении приняли участие Симакова Елена Святославовна, доцент "
                    "педагогического университета; Крутова Ольга Игоревна, заместитель директора "
                    "школы № 22; студенты и родители.")
    assert {n: p.role for n, p in found.items()} == {
        "Симакова Елена Святославовна": "speaker", "Крутова Ольга Игоревна": "speaker"}


def test_who_takes_part_in_a_meeting_is_a_participant():
    found = by_name("В совещании приняли участие Симакова Елена Святославовна, доцент университета.")
    assert found["Симакова Елена Святославовна"].role == "participant"


def test_a_capitalised_position_word_is_no_part_of_the_name():
    found = by_name("С приветствием к участникам обратился Министр Просвещения Российской Федерации "
                    "Сергей Кравцов.")
    assert list(found) == ["Кравцов Сергей"]
    assert found["Кравцов Сергей"].position == "Министр Просвещения Российской Федерации"


def test_position_on_the_left_as_the_text_gives_it():
    person = by_name(
        "На торжественном открытии выступил исполняющий обязанности ректора СПбГУ "
        "Алексей Заварзин."
    )["Заварзин Алексей"]
    assert person.position == "исполняющий обязанности ректора СПбГУ"
    assert person.role == "speaker"


def test_a_quoted_name_inside_the_position_stays_there():
    person = by_name("Поприветствовал собравшихся глава МО «Выборгский район» Александр Лысов."
                     )["Лысов Александр"]
    assert person.position == "глава МО «Выборгский район»"
    assert person.role == "speaker"


def test_a_dash_glued_to_the_first_name_and_the_position_after_it():
    person = by_name("В совещании участвовали представители области -Алексей Григорьев, "
                     "исполняющий обязанности заместителя министра.")["Григорьев Алексей"]
    assert person.position == "исполняющий обязанности заместителя министра"
    assert person.role == "participant"


def test_position_on_the_right_runs_over_comma_joined_positions():
    person = by_name(
        "Иванова Анна Петровна, директор МАОУ «Лицей № 10», почётный работник общего "
        "образования, рассказала о работе лицея."
    )["Иванова Анна Петровна"]
    assert person.position == ("директор МАОУ «Лицей № 10», почётный работник общего "
                               "образования")


def test_genitive_position_is_put_into_the_nominative():
    person = by_name("Заслушали доклад директора Романова В.Е. об итогах года.")["Романов В. Е."]
    assert person.position == "директор"
    assert person.role == "speaker"


def test_comma_joined_positions_on_the_left_and_the_first_modifier():
    person = by_name(
        "Конференцию открыл первый заместитель министра образования области, доцент "
        "Сергей Петров."
    )["Петров Сергей"]
    assert person.position == "первый заместитель министра образования области, доцент"


def test_position_before_a_comma_at_the_start_of_the_sentence():
    person = by_name("Экскурсовод, Юрий Львович, рассказал об истории завода.")["Юрий Львович"]
    assert person.position == "Экскурсовод"
    assert person.role == "speaker"


def test_positions_stay_with_their_people_in_an_enumeration():
    found = by_name(
        "В конференции приняли участие заместитель главы района Л.В. Овчиева, председатель "
        "районного Собрания депутатов П.Г. Конорезов и начальник отдела образования "
        "Е.В. Табаровец."
    )
    assert found["Овчиева Л. В."].position == "заместитель главы района"
    assert found["Конорезов П. Г."].position == "председатель районного Собрания депутатов"
    assert found["Табаровец Е. В."].position == "начальник отдела образования"
    assert {p.role for p in found.values()} == {"participant"}


def test_a_plural_position_is_shared_by_the_names_after_it():
    found = by_name(
        "Лучший результат показали первокурсники физического факультета Даниил Синицын "
        "и Андрей Карповский."
    )
    assert found["Синицын Даниил"].position == "первокурсник физического факультета"
    assert found["Карповский Андрей"].position == "первокурсник физического факультета"


def test_position_from_the_header_of_a_table_column():
    text = ("Результат | Фамилия Имя | Класс | Наставник |\n"
            "ПОБЕДИТЕЛЬ | Ралко Николь | 3 «А» | Ремизова Елена Александровна |\n")
    found = by_name(text)
    assert found["Ремизова Елена Александровна"].position == "наставник"
    assert found["Ремизова Елена Александровна"].role == "other"
    assert found["Ралко Николь"].role == "winner"


# ---------------------------------------------------------------- roles


def test_every_line_of_a_speaker_list_is_a_speaker_with_its_whole_position():
    text = (
        "26 марта состоялось заседание Консорциума. На заседании выступили:\n"
        "- Вера Владимировна Князева, президент Консорциума, директор ГБОУ «Школа № 777» "
        "Санкт-Петербурга;\n"
        "- Кобицкий Дмитрий Аркадьевич, генеральный секретарь Совета;\n"
        "- руководители образовательных организаций.\n"
        "Затем участники посетили лицей № 2.\n"
    )
    found = by_name(text)
    assert found["Князева Вера Владимировна"].role == "speaker"
    assert found["Князева Вера Владимировна"].position == (
        "президент Консорциума, директор ГБОУ «Школа № 777» Санкт-Петербурга")
    assert found["Кобицкий Дмитрий Аркадьевич"].role == "speaker"
    assert found["Кобицкий Дмитрий Аркадьевич"].position == "генеральный секретарь Совета"


def test_a_colon_before_a_quote_opens_no_list():
    found = by_name("Иван Петров отметил: «Мы рады гостям». Анна Смирнова, учитель школы № 3, "
                    "получила грамоту.")
    assert found["Петров Иван"].role == "speaker"
    assert found["Смирнова Анна"].role != "speaker"


def test_a_participant_list_gives_participants():
    text = ("В совещании приняли участие:\n"
            "- председатель финансовой комиссии Мочалов Александр Владимирович;\n"
            "- руководитель отдела Сидоркин Сергей Александрович.\n")
    found = by_name(text)
    assert found["Мочалов Александр Владимирович"].role == "participant"
    assert found["Мочалов Александр Владимирович"].position == "председатель финансовой комиссии"
    assert found["Сидоркин Сергей Александрович"].role == "participant"


@pytest.mark.parametrize("text, name", [
    ("«Мы впервые провели форум в таком формате», — сказала директор школы № 5 Анна Смирнова.",
     "Смирнова Анна"),
    ("Пленарную часть конференции открыл проректор по науке Назир Ашурбеков.",
     "Ашурбеков Назир"),
    ("Поприветствовал собравшихся глава района Александр Лысов.", "Лысов Александр"),
    ("В своём выступлении Вера Князева напомнила о планах Консорциума.",
     "Князева Вера"),
    ("В своём выступлении Дмитрий Аркадьевич Кобицкий поблагодарил организаторов.",
     "Кобицкий Дмитрий Аркадьевич"),
    ("– И мне не повезло: колледж тоже не приехал, – вторит подруге Диана Абдуллаева.",
     "Абдуллаева Диана"),
    ("Директор гимназии Марина Лебедева, учитель немецкого языка: «Мы ждём первого сентября».",
     "Лебедева Марина"),
    ("Темы докладов: «Функциональная грамотность» (Савчик Е.А., начальник отдела) и другие.",
     "Савчик Е. А."),
])
def test_speakers(text, name):
    assert by_name(text)[name].role == "speaker"


def test_greeting_words_of_several_people_make_them_all_speakers():
    found = by_name("Церемония началась с приветственных слов Любови Николаевны Волковой, "
                    "Руслана Викторовича Агинея и Светланы Владимировны Дрожжиной.")
    assert set(found) == {"Волкова Любовь Николаевна", "Агиней Руслан Викторович",
                          "Дрожжина Светлана Владимировна"}
    assert {p.role for p in found.values()} == {"speaker"}


def test_the_speaking_verb_goes_to_its_subject_not_to_the_object():
    found = by_name("Анна Смирнова поблагодарила Ивана Петрова за помощь в подготовке форума.")
    assert found["Смирнова Анна"].role == "speaker"
    assert found["Петров Иван"].role != "speaker"


def test_winner_and_the_one_who_hands_the_award():
    found = by_name("Начальник отдела образования Ирина Кащеева наградила директора школы № 17 "
                    "Ольгу Шкондину за победу во всероссийском конкурсе.")
    assert found["Кащеева Ирина"].role == "other"
    assert found["Шкондина Ольга"].role == "winner"
    assert found["Шкондина Ольга"].position == "директор школы № 17"


@pytest.mark.parametrize("text, name", [
    ("Диплом I степени получила ученица 7 класса Мария Иванова.", "Иванова Мария"),
    ("I место – Коновалова Арина Александровна;", "Коновалова Арина Александровна"),
    ("Победителем регионального этапа стал Григорьев Д.А.", "Григорьев Д. А."),
])
def test_winners(text, name):
    assert by_name(text)[name].role == "winner"


def test_the_mentor_of_a_winner_is_no_winner():
    found = by_name("Работу подготовили под руководством педагога Ольги Зубовой, "
                    "диплом II степени получил Александр Данилов.")
    assert found["Зубова Ольга"].role != "winner"
    assert found["Данилов Александр"].role == "winner"


def test_organizers():
    found = by_name("Совещание прошло под руководством министра просвещения Сергея Кравцова. "
                    "Заседание провёл заместитель губернатора Александр Зинченко.")
    assert found["Кравцов Сергей"].role == "organizer"
    assert found["Кравцов Сергей"].position == "министр просвещения"
    assert found["Зинченко Александр"].role == "organizer"


def test_a_table_column_of_people_in_charge_makes_organizers():
    text = ("Задачи\tСодержание работы\tОтветственные\n"
            "Задача 1\tАнализ программ\tКузягина Т.Н., Захарова С.М.\n")
    found = by_name(text)
    assert set(found) == {"Кузягина Т. Н.", "Захарова С. М."}
    assert {p.role for p in found.values()} == {"organizer"}


# ---------------------------------------------------------------- not people


@pytest.mark.parametrize("text", [
    "Пленарная часть прошла в Балтийском федеральном университете имени Иммануила Канта.",
    "В состав вошла МАОУ «СОШ №16 имени В.П.Неймышева» г. Тобольска.",
    "Гости посетили МАОУ СОШ №81 имени Евгения Ивановича Стародуб.",
    "Школа носит имя дважды Героя Советского Союза Г.М.Гречко.",
    "Олимпиада посвящена 313-й годовщине со дня рождения М.В. Ломоносова.",
    "Конференция по судостроению, посвящённая Б.Е. Буту, прошла в апреле.",
    "Лицей расположен на улице Карла Маркса.",
    "Как говорил А.С. Макаренко, воспитание требует серьёзного отношения.",
    "«Жизнь дана на добрые дела!» В. Даль",
    "«Учитель – это человек, который учится всю жизнь».\nК.Д. Ушинский\n",
    "Эпиграфом стали слова «Воспитывает всё» (А.С. Макаренко).",
    "Финал прошёл в МБОУ «Гимназия № 105 имени Героя Советского Союза Н. И. Кузнецова».",
])
def test_names_of_things_are_no_people(text):
    assert people(text) == []


def test_a_byline_and_a_name_the_text_is_cut_off_in_are_no_people():
    text = ("В преддверии Дня учителя состоялся торжественный приём.\n"
            "Юлия СТАЦУРА.\n\n"
            "Ректор университета Николай Бухтояров открыл праздник. Далее Николай Ив")
    assert names(text) == ["Бухтояров Николай"]


def test_a_name_alone_on_the_last_line_is_the_author():
    text = ("Победителем олимпиады по физике стала лицеистка Анастасия Осипова.\n\n"
            "Мария Кудрявцева\n")
    assert names(text) == ["Осипова Анастасия"]


# ---------------------------------------------------------------- one person, one name


def test_mentions_of_one_person_are_resolved_to_the_fullest_name():
    doc = parse("На открытии выступил декан факультета С.В. Миронов. Сергей Владимирович "
                "поблагодарил студентов за участие.")
    found = find_people(doc)
    assert [p.name for p in found] == ["Миронов Сергей Владимирович"] * 2
    assert [doc.text[s:e] for p in found for s, e in p.evidence] == ["С.В. Миронов",
                                                                      "Сергей Владимирович"]


def test_a_first_name_and_patronymic_is_resolved_to_the_one_person_with_that_first_name():
    text = ("Заседание открыла директор школы № 777 Вера Князева. Вера Владимировна напомнила "
            "о планах на год.")
    assert [p.name for p in find_people(parse(text))] == ["Князева Вера Владимировна"] * 2


def test_a_lone_surname_nobody_else_carries_is_dropped():
    text = ("Вера Князева открыла заседание. Зрители посмотрели пьесу Островского, "
            "Князева поблагодарила артистов.")
    assert names(text) == ["Князева Вера"]


def test_people_with_one_surname_stay_apart():
    found = names("В конкурсе участвуют Логинова Галина Владимировна, учитель гимназии № 73, "
                  "и Логинова Елена Александровна, учитель гимназии № 62.")
    assert found == ["Логинова Галина Владимировна", "Логинова Елена Александровна"]


def test_merge_people_keeps_the_fullest_name_longest_position_and_strongest_role():
    merged = merge_people([
        Person("Князева Вера Владимировна", "президент", "participant", [(0, 10)]),
        Person("Князева В. В.", "президент Консорциума, директор школы № 777", "other", [(20, 30)]),
        Person("Князева", None, "speaker", [(40, 47)]),
        Person("Князева Вера", None, "winner", [(50, 60)]),
        Person("Кравченко Денис Борисович", None, "other", [(70, 80)]),
    ])
    assert [p.name for p in merged] == ["Князева Вера Владимировна", "Кравченко Денис Борисович"]
    assert merged[0].position == "президент Консорциума, директор школы № 777"
    assert merged[0].role == "speaker"
    assert merged[0].evidence == [(0, 10), (20, 30), (40, 47), (50, 60)]


def test_merge_people_keeps_people_with_other_first_names_apart():
    merged = merge_people([Person("Кравченко Наталья Васильевна"), Person("Кравченко Д. Б."),
                           Person("Кравченко Денис Борисович")])
    assert [p.name for p in merged] == ["Кравченко Наталья Васильевна",
                                        "Кравченко Денис Борисович"]


# ---------------------------------------------------------------- second pass: positions


def test_an_acting_head_written_as_an_abbreviation_heads_the_position():
    found = by_name("Заседание вёл и.о. директора колледжа Сергей Андреевич Белов.")
    assert found["Белов Сергей Андреевич"].position == "и.о. директора колледжа"
    assert found["Белов Сергей Андреевич"].role == "organizer"
    found = by_name("На встрече выступил врио министра образования Игорь Лавров.")
    assert found["Лавров Игорь"].position == "врио министра образования"


def test_deputy_heads_glued_to_zam_decline_with_no_name():
    found = by_name("Замглавы района Пётр Кротов отметил успехи выпускников.")
    assert found["Кротов Пётр"].position == "Замглавы района"


def test_a_singular_head_after_a_plural_one_and_a_preposition_is_its_dependent():
    found = by_name("Прошла встреча кандидатов на должность ректора университета "
                    "Марины Ивановой и Олега Сидорова со студентами.")
    assert found["Иванова Марина"].position == "кандидат на должность ректора университета"
    assert found["Сидоров Олег"].position == "кандидат на должность ректора университета"


def test_a_plural_word_right_before_a_singular_head_is_no_shared_position():
    found = by_name("На сцену вышли наши артисты певица Дарья Лосева и баянист Глеб Тимохин.")
    assert found["Лосева Дарья"].position == "певица"


def test_a_right_apposition_running_into_the_next_name_is_that_names_position():
    found = by_name("На конкурсе отметили молодых педагогов лицея: учителя русского языка и "
                    "литературы Анну Крылову, учителя немецкого и французского языков Ольгу Панину.")
    assert found["Крылова Анна"].position == "учитель русского языка и литературы"
    assert found["Панина Ольга"].position == "учитель немецкого и французского языков"


def test_a_right_apposition_in_the_names_case_is_put_into_the_nominative():
    found = by_name("Диплом победителя вручили Марине Кузьминой, учителю географии гимназии № 4.")
    assert found["Кузьмина Марина"].position == "учитель географии гимназии № 4"


def test_commas_between_words_of_one_case_stay_inside_the_position():
    found = by_name("С приветствием выступил председатель комиссии по образованию, науке, "
                    "охране здоровья, культуре и спорту городской думы Андрей Лосев.")
    assert found["Лосев Андрей"].position == ("председатель комиссии по образованию, науке, "
                                              "охране здоровья, культуре и спорту городской думы")


def test_initials_glued_to_a_surname_belong_to_it_not_to_the_word_before():
    found = by_name("Слово взял глава поселка Михайлово А.В.Дронов.")
    assert list(found) == ["Дронов А. В."]
    assert found["Дронов А. В."].position == "глава поселка Михайлово"


def test_a_capitalised_verb_opening_the_sentence_is_no_part_of_the_position():
    found = by_name("Выступил глава р.п. Сузун Н.А.Ковалёв.")
    assert found["Ковалёв Н. А."].position == "глава р.п. Сузун"


# ---------------------------------------------------------------- second pass: speakers


def test_a_position_word_alone_refers_back_to_the_person_who_holds_it():
    found = by_name("В форуме принял участие министр образования области Игорь Лавров. "
                    "Министр подчеркнул, что школам нужны инженерные классы.")
    assert found["Лавров Игорь"].role == "speaker"


def test_a_pronoun_refers_back_to_the_last_person_of_its_gender():
    found = by_name("На встречу со школьниками пришла Ольга Петрова. "
                    "Она рассказала о профессии инженера.")
    assert found["Петрова Ольга"].role == "speaker"
    found = by_name("На встречу со школьниками пришла Ольга Петрова. "
                    "Он рассказал о профессии инженера.")
    assert found["Петрова Ольга"].role != "speaker"


def test_an_opinion_adjective_makes_its_subject_a_speaker():
    found = by_name("Директор лицея Светлана Кириллова уверена, что олимпиада станет традицией.")
    assert found["Кириллова Светлана"].role == "speaker"


# ---------------------------------------------------------------- third pass: speakers on unseen sites


def test_a_deputy_of_a_head_is_named_in_the_deputys_case():
    found = by_name("Вела мероприятие заместитель директора Юлия Титова.")
    assert found["Титова Юлия"].position == "заместитель директора"
    found = by_name("С профильными отчётами выступили заместители директора А.С. Хорина "
                    "и Е.Б. Бельченко.")
    assert found["Хорина А. С."].role == "speaker"


def test_the_agent_of_a_passive_speech_verb_is_a_speaker():
    found = by_name("Начальником отдела Ольгой Трубловской подведены итоги работы за год.")
    assert found["Трубловская Ольга"].role == "speaker"
    found = by_name("Итоги подведены вместе с директором школы Анной Крыловой.")
    assert found["Крылова Анна"].role != "speaker"


@pytest.mark.parametrize("text, name", [
    ("Педагог Мария Колесникова провела в 7 классе открытый урок географии.", "Колесникова Мария"),
    ("Семинар прошёл в виде открытого урока «Дружба» для 4 класса, который провела "
     "Наталья Кулакова.", "Кулакова Наталья"),
    ("Экскурсию по технопарку для гостей провела его руководитель Анна Белова.", "Белова Анна"),
    ("Учитель химии Наталья Будякова показала мастер-класс «Опыты с индикаторами».",
     "Будякова Наталья"),
])
def test_who_leads_a_lesson_master_class_or_excursion_speaks(text, name):
    assert by_name(text)[name].role == "speaker"


def test_a_lesson_given_as_a_contest_task_makes_no_speaker_and_a_meeting_chair_organises():
    found = by_name("В рамках конкурса «Учитель года» Анна Белова провела открытый урок.")
    assert found["Белова Анна"].role != "speaker"
    found = by_name("Заседание провёл заместитель главы района Олег Ефимов.")
    assert found["Ефимов Олег"].role == "organizer"


@pytest.mark.parametrize("text, name", [
    ("В библиотеке состоялась встреча школьников с писателем Андреем Усачёвым.", "Усачёв Андрей"),
    ("За круглым столом с настоятелем Покровского храма, протоиереем Александром Добросельским "
     "педагоги обсудили роль курса.", "Добросельский Александр"),
])
def test_the_guest_a_meeting_is_held_with_speaks(text, name):
    assert by_name(text)[name].role == "speaker"


def test_sharing_a_verb_with_a_colleague_is_no_meeting():
    found = by_name("На встрече директор поделился с коллегой Анной Серовой планами.")
    assert found["Серова Анна"].role != "speaker"


def test_speaker_nouns_with_become_make_speakers():
    found = by_name("Спикерами пленарной сессии стали директор школы № 9 Ирина Соколова "
                    "и методист Марина Петрова.")
    assert found["Соколова Ирина"].role == found["Петрова Марина"].role == "speaker"
    found = by_name("Ведущей праздника стала учитель музыки Инна Белых.")
    assert found["Белых Инна"].role == "speaker"


def test_the_floor_given_to_someone_makes_a_speaker():
    found = by_name("Слово было предоставлено заместителю главы города Сергею Иванову.")
    assert found["Иванов Сергей"].role == "speaker"


@pytest.mark.parametrize("text, name", [
    ("О новых требованиях к аттестации проинформировала методист Светлана Жукова.", "Жукова Светлана"),
    ("Заведующая кафедрой Ирина Лебедева познакомила участников с программой курсов.",
     "Лебедева Ирина"),
    ("Председатель приёмной комиссии Сергей Позлутко предупредил школьников о сроках.",
     "Позлутко Сергей"),
])
def test_more_verbs_of_presenting_make_speakers(text, name):
    assert by_name(text)[name].role == "speaker"


def test_representing_a_region_is_no_speech():
    found = by_name("Лучше всех справился Сергей Дубинин. В июне он будет представлять наш регион "
                    "на чемпионате России.")
    assert found["Дубинин Сергей"].role != "speaker"


def test_a_winners_own_talk_is_a_contest_entry_and_a_name_past_a_comma_is_no_subject():
    found = by_name("Студентка Ксения Тулаева заняла второе место и выступила с темой "
                    "«Ответственность молодёжи», научный руководитель Лескова Э.А.")
    assert found["Тулаева Ксения"].role == "winner"
    assert found["Лескова Э. А."].role != "speaker"


def test_a_subject_after_the_verb_keeps_its_position_with_commas():
    found = by_name("Открыл конференцию декан факультета педагогики, к.п.н., доцент "
                    "Кокин Вячеслав Александрович.")
    assert found["Кокин Вячеслав Александрович"].role == "speaker"


def test_introducing_a_lecture_with_a_comma_keeps_the_speaker():
    found = by_name("На семинаре выступили: заместитель директора по УВР Балабаев Ю.Н. по проблеме "
                    "качества образования и директор школы Игнатьева В.Л.")
    assert found["Балабаев Ю. Н."].role == found["Игнатьева В. Л."].role == "speaker"
    found = by_name("В качестве экспертов выступили методисты Анна Лосева и Ирина Котова.")
    assert found["Лосева Анна"].role != "speaker"


def test_a_broadcast_teaser_names_its_reporter_not_a_speaker():
    found = by_name("Чем удивляли конкурсанты, расскажет Анастасия Николаева.")
    assert found["Николаева Анастасия"].role != "speaker"
    found = by_name("На форуме о новых проектах расскажет министр Иван Петров.")
    assert found["Петров Иван"].role == "speaker"


def test_the_author_and_photographer_line_is_a_byline():
    assert names("Педагоги провели мастер-класс.\nЛаврентьева Е.В., фото Никонова А.") == []


def test_a_surname_ending_in_ova_is_hers_beside_an_unknown_first_name():
    found = by_name("Об итогах года рассказала руководитель отдела образования Айымгул Тржанова.")
    assert found["Тржанова Айымгул"].role == "speaker"


def test_a_pronoun_reaches_two_sentences_back():
    found = by_name("Совещание открыла завуч Инна Сорокина. В этом году изменился порядок "
                    "аттестации. Она напомнила о сроках сдачи отчётов.")
    assert found["Сорокина Инна"].role == "speaker"
    found = by_name("Грамоту получила учитель Инна Сорокина. В этом году изменился порядок "
                    "аттестации. Новые правила вводятся с сентября. Она напомнила о сроках.")
    assert found["Сорокина Инна"].role != "speaker"


def test_ambiguous_modifier_takes_the_gender_of_its_head_noun():
    """"старшего" (masculine or neuter genitive) before "инспектора" heads nothing itself."""
    people = find_people(parse("Собрание прошло с участием Ларисы Куприяновой, старшего "
                               "инспектора группы ПДН, и Марии Быковой, ответственного "
                               "секретаря комиссии по делам несовершеннолетних."))
    positions = {p.name: p.position for p in people}
    assert positions["Куприянова Лариса"] == "старший инспектор группы ПДН"
    assert positions["Быкова Мария"] == "ответственный секретарь комиссии по делам несовершеннолетних"


def test_host_of_the_event_named_by_substantive_adjective_is_speaker():
    people = find_people(parse("Ведущим форума стал журналист Павел Зайцев."))
    assert [(p.name, p.role) for p in people] == [("Зайцев Павел", "speaker")]


def test_leading_specialist_is_not_a_host():
    people = find_people(parse("Грамоты победителям вручила ведущий специалист отдела "
                               "образования Мария Белова."))
    assert [(p.name, p.role) for p in people] == [("Белова Мария", "other")]
    assert people[0].position == "ведущий специалист отдела образования"


def test_modifier_run_before_head_noun_goes_into_nominative():
    people = find_people(parse("Интересным получилось выступление старшего научного сотрудника "
                               "краеведческого музея Петра Ильина."))
    assert [(p.name, p.role, p.position) for p in people] == [
        ("Ильин Петр", "speaker", "старший научный сотрудник краеведческого музея")]
