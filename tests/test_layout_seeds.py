"""Layout of reports and where their events are: tables, items, re-mentions, news posts."""
from report_miner.event_type import decide_type, first_keyword
from report_miner.layout import lines, tables
from report_miner.seeds import find_seeds
from report_miner.titles import find_title, quoted_spans

REPORT = """Отчёт о работе сети инженерных школ за 2023-2024 учебный год

1. Заседания руководителей.

1. 14 сентября 2023 года на базе МАОУ «Лицей № 7» г. Томска состоялось заседание сети по теме «Инженерная школа: новые ориентиры». В нём приняли участие руководители 31 образовательной организации.

- Петрова Анна Сергеевна, директор МАОУ «Лицей № 7»;
- Сидоров Олег Иванович, начальник департамента образования.

2. 12 марта 2024 года в онлайн-формате прошло заседание сети по теме «Итоги полугодия».

2. Конкурсы для школьников.

Таблица 1. Конкурсы и игры для школьников.

№\tНаименование мероприятия\tОрганизатор\tКоличество участников
1.\tМежрегиональный конкурс «Юный конструктор»\tМБОУ «СОШ № 12», г. Омск\t120
2.\tКонкурс проектов «Город будущего» для 5-7\tМАОУ гимназия № 3\t64

\tклассов\t\t
Онлайн-игры для школьников – 2.
3.\t«Математический марафон»\tМАОУ «Лицей № 7», г. Томск\t30 команд
4.\tКвиз «Знатоки физики»\tМБОУ «СОШ № 12», г. Омск\t45 команд, 200 участников

Лучшие мероприятия года:
- конкурс «Юный конструктор» (120 участников, из них 80 – школьники сети);
- «Математический марафон» (30 команд = около 150 участников).
"""

NEWS = """В Томске прошёл региональный форум молодых педагогов

12 октября на базе Томского государственного педагогического университета прошёл форум «Педагог будущего». Участниками стали более 200 учителей из 15 районов области.
"""


def test_table_rows_keep_their_cells_and_a_broken_row_is_merged():
    found = tables(lines(REPORT))
    assert len(found) == 1
    table = found[0]
    assert [c.text for c in table.header.cells][:2] == ["№", "Наименование мероприятия"]
    assert len(table.rows) == 4
    assert table.rows[1].cells[1].text == "Конкурс проектов «Город будущего» для 5-7 классов"
    assert "Онлайн-игры" in table.group_headings[2].text


def test_report_gives_one_seed_per_item_and_row():
    seeds = find_seeds(REPORT, lines(REPORT))
    kinds = [s.kind for s in seeds]
    assert kinds == ["item", "item", "row", "row", "row", "row"]
    first_item = seeds[0]
    region = REPORT[first_item.regions[0][0]:first_item.regions[0][1]]
    assert "Петрова Анна Сергеевна" in region          # the speakers list stays with its meeting
    assert "2. 12 марта" not in region
    assert seeds[4].format_hint == "online" and seeds[4].type_hint == "game"


def test_rementions_add_their_text_to_the_listed_event():
    seeds = find_seeds(REPORT, lines(REPORT))
    marathon = seeds[4]
    assert len(marathon.regions) == 2
    extra = REPORT[marathon.regions[1][0]:marathon.regions[1][1]]
    assert "30 команд = около 150 участников" in extra


def test_row_type_comes_from_its_own_word_else_from_the_group_heading():
    seeds = find_seeds(REPORT, lines(REPORT))
    assert decide_type(REPORT, seeds[2])[0] == "contest"
    assert decide_type(REPORT, seeds[4])[0] == "game"      # «Математический марафон» under "Онлайн-игры"
    assert decide_type(REPORT, seeds[5])[0] == "game"      # Квиз


def test_titles_of_rows_and_items():
    seeds = find_seeds(REPORT, lines(REPORT))
    assert find_title(REPORT, seeds[0])[0] == "Инженерная школа: новые ориентиры"
    assert find_title(REPORT, seeds[2])[0] == "Юный конструктор"


def test_a_news_post_is_one_event():
    seeds = find_seeds(NEWS, lines(NEWS))
    assert len(seeds) == 1 and seeds[0].kind == "document"
    assert decide_type(NEWS, seeds[0])[0] == "forum"


def test_event_word_framing_another_event_is_passed_over():
    sentence = "29 марта в рамках XIII Петербургского международного образовательного форума состоялось заседание совета."
    assert first_keyword(sentence)[0] == "meeting"


def test_quoted_spans_nest():
    text = 'МАОУ «Лицей №146 «Ресурс»» провёл игру "Ижица".'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ["Лицей №146 «Ресурс»"]


def test_hard_wrapped_line_stays_in_its_sentence():
    from report_miner.nlp import sentence_spans
    text = "Семинар для учителей\nфизики прошёл в гимназии.\nИтоги подведены.\tТаблица"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Семинар для учителей\nфизики прошёл в гимназии.", "Итоги подведены.", "Таблица"]


def test_a_text_wrapped_throughout_joins_a_long_line_to_a_capitalised_next_one():
    from report_miner.nlp import sentence_spans
    text = ("Совещание директоров школ района прошло в Доме культуры\n"
            "Итоги года подвели руководители образовательных организаций и\n"
            "представители управления образования. С докладами выступили начальник\n"
            "управления образования Петров И.И., директор школы № 2 Смирнова А.А. и\n"
            "методисты районного центра.")
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Совещание директоров школ района прошло в Доме культуры",    # the first line: a heading
        text[text.index("Итоги"):text.index(" С докладами")],
        text[text.index("С докладами"):]]


def test_a_semicolon_ends_no_sentence():
    from report_miner.nlp import sentence_spans
    text = "Выступили Иванова А.А., директор школы; Петров Б.Б., методист. Итоги подведены."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Выступили Иванова А.А., директор школы; Петров Б.Б., методист.", "Итоги подведены."]


def test_a_text_not_wrapped_keeps_its_capitalised_lines_apart():
    from report_miner.nlp import sentence_spans
    text = ("Итоги конкурса профессионального мастерства педагогов района\n"
            "Победителем стала учитель математики школы № 3 Иванова Анна Сергеевна")
    assert len(sentence_spans(text)) == 2


def test_a_results_table_in_a_news_post_lists_no_events():
    post = ("Подведены итоги муниципального конкурса чтецов\n\n"
            "15 марта в ДДТ прошёл конкурс чтецов «Живое слово».\n\n"
            "№\tФИО участника\tНаименование ОО\tМесто\n"
            "1\tИванова Мария\tМБОУ СОШ № 3\t1\n"
            "2\tПетров Иван\tМАОУ гимназия № 1\t2\n"
            "3\tСидорова Анна\tМБОУ СОШ № 7\t3\n")
    seeds = find_seeds(post, lines(post))
    assert len(seeds) == 1 and seeds[0].kind == "document"


def test_dated_days_of_a_short_post_are_one_programme():
    post = ("Форум юных инженеров завершился в Казани\n\n"
            "1. 25 апреля состоялось открытие форума на базе КНИТУ.\n"
            "2. 26 апреля прошли мастер-классы и экскурсия на завод.\n"
            "3. 27 апреля состоялось торжественное закрытие форума.\n")
    seeds = find_seeds(post, lines(post))
    assert len(seeds) == 1 and seeds[0].kind == "document"


def test_type_from_the_body_when_the_head_names_no_event():
    post = ("Новости проекта\nОбновлённые функции сайта для учителей\n\nДата: 25 августа 2023\n\n"
            "Сегодня прошла ежегодная районная августовская педагогическая конференция «Созидая будущее».")
    seed = find_seeds(post, lines(post))[0]
    assert decide_type(post, seed)[0] == "conference"
