"""Word lists of participant counts: what a number counts (its unit), how exact it is, number
words, and the table headers that give a bare number its unit.

Read by ``report_miner.extractors.counts``. Units follow SCHEMA.md: people, teams,
organisations, regions, speakers, countries.
"""
from __future__ import annotations

import re

# lemmas (as nlp.parse gives them, ё written е) of the head noun after a number
UNIT_BY_LEMMA = {
    # people: participle nouns and nouns that are no animate persons by form
    "человек": "people", "участник": "people", "участница": "people", "ребенок": "people",
    "ребята": "people", "обучаться": "people", "учиться": "people", "учащийся": "people",
    "обучающийся": "people", "зарегистрироваться": "people", "зарегистрировать": "people",
    "подключиться": "people", "участвовать": "people", "присутствовать": "people",
    "присутствующий": "people",
    # teams: groups that take part as one ("56 групп школьников", "12 творческих коллективов")
    "команда": "teams", "сборная": "teams", "экипаж": "teams", "группа": "teams",
    "отряд": "teams", "коллектив": "teams", "дружина": "teams", "делегация": "teams",
    # organisations
    "организация": "organisations", "учреждение": "organisations", "школа": "organisations",
    "вуз": "organisations", "ссуз": "organisations", "колледж": "organisations",
    "техникум": "organisations", "лицей": "organisations", "гимназия": "organisations",
    "университет": "organisations", "институт": "organisations", "академия": "organisations",
    "детсад": "organisations", "сад": "organisations", "доу": "organisations", "оо": "organisations",
    "оу": "organisations", "предприятие": "organisations", "компания": "organisations",
    "заведение": "organisations",
    # regions
    "регион": "regions", "субъект": "regions", "область": "regions", "край": "regions",
    "республика": "regions", "округ": "regions", "район": "regions", "город": "regions",
    "муниципалитет": "regions", "территория": "regions",
    # speakers
    "спикер": "speakers", "докладчик": "speakers", "выступать": "speakers",
    "выступающий": "speakers", "лектор": "speakers",
    # countries
    "страна": "countries", "государство": "countries",
}
# animate nouns after a number that are no participants of an event
NOT_PARTICIPANT_LEMMAS = frozenset({
    "подписчик", "подписчица", "житель", "пользователь", "читатель", "партнер", "друг",
})
# a count of the community, not of an event: "сообщество насчитывает более 205 тысяч педагогов",
# "в районе насчитывается 43 образовательных учреждения"
NOT_EVENT_SENTENCE_LEMMAS = frozenset({"насчитывать", "насчитываться"})
# verbs (finite or infinitive) of a standing population, not of an event: "В регионе работают
# 20 тысяч педагогов", "в школах будут обучаться 9444 школьника", "Детские сады посещают 3650
# детей" (the participle "обучающиеся" still counts; "выставку посетили" is another lemma)
NOT_EVENT_FINITE_VERB_LEMMAS = frozenset({"работать", "трудиться", "обучаться", "учиться",
                                          "проживать", "жить", "посещать"})
# heads that name the event's own participants even in such a sentence: "По окончании этапа
# насчитывалось семь участников"
EVENT_PARTICIPANT_LEMMAS = frozenset({"участник", "участница", "конкурсант", "финалист"})
# a count of another year, of all the years, or an average is no count of this event: "в
# прошлом году — 9142 учащихся", "годом ранее", "за годы проведения конкурса в нём приняли
# участие более 3000 человек", "в среднем 8 человек"; looked for in the words before the number
OTHER_TIME_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:в|на)\s+(?:прошлом|прошедшем|предыдущем|позапрошлом)(?:\s+учебном)?\s+году"
    r"|(?:прошлого|предыдущего)\s+(?:учебного\s+)?года|годом\s+ранее|в\s+среднем"
    r"|за\s+(?:все\s+|всё\s+)?(?:годы|время|историю|\d+\s+(?:лет|года))"
    r"|с\s+момента\s+(?:основания|создания|открытия|начала))"
    r"(?:(?!(?:этом|текущем|нынешнем)\s+(?:учебном\s+)?году)[^.;:()])*$",
    re.IGNORECASE,
)
# words before a number that make it a limit, a target or a forecast, not a count: "до 30 человек",
# "вырастет до 26 тысяч"
# a limit ("до 30 человек") or a share ("40 команд по 5 человек", "в каждой по пять человек")
NOT_COUNT_BEFORE = frozenset({"до", "по"})
# "количество команд – 140": the unit before the number
AMOUNT_LEMMAS = frozenset({"количество", "число"})

# Organisations, regions and countries count as participants only where they take part: "из 22
# регионов", "со всех 14 школ", "среди 30 вузов", "руководители 43 организаций" (a people noun
# before), or as a subject of a word of taking part ("в олимпиаде участвовали 12 школ"). Other
# such numbers are the region's network ("в районе 25 школ", "к шести школам прибавится три").
ORIGIN_PREPOSITIONS = frozenset({"из", "с", "со", "от", "среди"})
# words between the preposition and the number: "из более чем 60", "со всех 14", "из разных 5"
ORIGIN_FILLERS = frozenset({"всех", "всего", "разных", "различных", "более", "чем", "свыше",
                            "около", "почти", "примерно", "порядка", "менее", "не", "больше"})
TAKING_PART_LEMMAS = frozenset({
    "участие", "участвовать", "участник", "участница", "собрать", "объединить", "прибыть",
    "приехать", "съехаться", "выступить", "выступать", "войти", "входить", "присоединиться",
    "представить", "представлять", "соревноваться", "состязаться", "бороться", "заявиться",
    "подать", "стать", "делегировать", "командировать", "зарегистрироваться", "присутствовать",
})
PLACE_UNITS = frozenset({"organisations", "regions", "countries"})
# a line this short under a question line is a poll's result ("Всего 5 человек")
MAX_POLL_LINE_CHARS = 30

# words before a number, longest first, and the approx they give
APPROX_BEFORE = (
    (("более", "чем"), "more_than"), (("больше", "чем"), "more_than"),
    (("не", "менее"), "more_than"), (("не", "меньше"), "more_than"),
    (("не", "более"), "less_than"), (("не", "больше"), "less_than"),
    (("более",), "more_than"), (("свыше",), "more_than"), (("больше",), "more_than"),
    (("около",), "about"), (("почти",), "about"), (("примерно",), "about"),
    (("порядка",), "about"), (("приблизительно",), "about"), (("ориентировочно",), "about"),
    (("менее",), "less_than"), (("меньше",), "less_than"),
)
APPROX_CELL_RE = re.compile(
    r"^\s*(?P<approx>более\s+чем|более|свыше|больше|около|почти|примерно|порядка|менее|не\s+менее)?\s*"
    r"(?P<number>\d+)\s*$",
    re.IGNORECASE,
)
APPROX_BY_WORD = {
    "более чем": "more_than", "более": "more_than", "свыше": "more_than", "больше": "more_than",
    "не менее": "more_than", "около": "about", "почти": "about", "примерно": "about",
    "порядка": "about", "менее": "less_than",
}

# number words (lemmas); "один" is left out: "один из участников" counts nobody
NUMBER_WORDS = {
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
    "полтора": 1.5,
}
# "5,8 тысячи", "2 тыс.", "1,5 млн"; "тысяча" alone after "более" is 1000
MULTIPLIER_LEMMAS = {"тысяча": 1000, "тыс": 1000, "млн": 1_000_000, "миллион": 1_000_000}

# "из них 419 – участники школ Консорциума": a sub-count may put a dash before its noun
SUBCOUNT_LEAD_RE = re.compile(
    r"(?:из\s+них|из\s+которых|в\s+том\s+числе|среди\s+них)\s*"
    r"(?:(?:более|около|почти|свыше|примерно|порядка|менее)(?:\s+чем)?\s*)?$",
    re.IGNORECASE,
)
# "английский язык – 104, страноведение Японии – 74, русский язык – 79 человек": how many words
# before the last item the list's other "name – number" items may start
MAX_LIST_SPAN = 40
DASHES = frozenset({"–", "-", "—"})
# how far past the number the head noun may stand ("почти 400 лучших юных математиков")
MAX_MODIFIERS = 4
# "№ 36", "N 5": numbers that name, not count
LABEL_BEFORE = frozenset({"№", "n", "#", "no", "номер"})

# a table header that says what the numbers under it count
HEADER_UNIT_RES = (
    (re.compile(r"выступающ|спикер|докладчик", re.IGNORECASE), "speakers"),
    (re.compile(r"участ|уч-к|зарегистрир|подключ|человек|обучающ|учащ|школьник|слушател|детей", re.IGNORECASE), "people"),
    (re.compile(r"команд", re.IGNORECASE), "teams"),
    (re.compile(r"регион", re.IGNORECASE), "regions"),
    (re.compile(r"стран", re.IGNORECASE), "countries"),
    (re.compile(r"организаци|учреждени|школ", re.IGNORECASE), "organisations"),
)
HEADER_COUNT_WORD_RE = re.compile(r"количеств|кол-во|к-во|число|всего", re.IGNORECASE)
# a line of prose this long between table rows ends the table and its header
TABLE_BREAK_CHARS = 300


