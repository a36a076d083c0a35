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
# a count of the community, not of an event: "сообщество насчитывает более 205 тысяч педагогов"
NOT_EVENT_SENTENCE_LEMMAS = frozenset({"насчитывать"})
# finite verbs of a standing population, not of an event: "В регионе работают 20 тысяч
# педагогов", "в школе обучаются 500 детей" (the participle "обучающиеся" still counts)
NOT_EVENT_FINITE_VERB_LEMMAS = frozenset({"работать", "трудиться", "обучаться", "учиться", "проживать", "жить"})

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
