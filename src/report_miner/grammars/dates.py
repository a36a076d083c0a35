"""Patterns of Russian date expressions: month names, day and month ranges, numeric dates,
school years, and the words around a date that tell what the date is (an event held on it,
a deadline, a birth date, the stamp of the news post).

Read by ``report_miner.extractors.dates``. Every regular expression has named groups; the
extractor turns the groups into ISO dates.
"""
from __future__ import annotations

import re

MONTH_STEMS = {
    1: "январ", 2: "феврал", 3: "март", 4: "апрел", 5: "ма", 6: "июн",
    7: "июл", 8: "август", 9: "сентябр", 10: "октябр", 11: "ноябр", 12: "декабр",
}
SOFT_ENDINGS = ("ь", "я", "е", "ю", "ём", "ем")
HARD_ENDINGS = ("", "а", "е", "у", "ом")
MAY_FORMS = ("май", "мая", "мае", "маю", "маем")


def month_forms(number: int) -> tuple[str, ...]:
    """Every case form of a month name: "январь", "января", "январе"..."""
    stem = MONTH_STEMS[number]
    if number == 5:
        return MAY_FORMS
    endings = HARD_ENDINGS if stem in ("март", "август") else SOFT_ENDINGS
    return tuple(stem + ending for ending in endings)


MONTH_BY_FORM = {form: number for number in MONTH_STEMS for form in month_forms(number)}
_MONTH = r"(?<![а-яё])(?:" + "|".join(sorted(MONTH_BY_FORM, key=len, reverse=True)) + r")(?![а-яё])"

_DASH = r"\s*[-–—]\s*"
_DAY = r"(?<![\d.,/№\-])(?:[12]\d|3[01]|0?[1-9])(?![\d:])"
_RANGE_END_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?![\d:])"  # right after the dash: "14-15 февраля"
# "2022 года", "2022 г.", "2022г", "2022 году"; never "2022-2023" (a school year)
_YEAR = r"(?:1[6-9]|20)\d\d(?![\d\-–/])(?:\s*(?:года|году|год|гг?\.?)(?![а-яё]))?"
_WEEKDAY = (r"(?:(?:в|во)\s+)?(?:понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]"
            r"|воскресенье)\s*,?\s*")


def _named(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


FLAGS = re.IGNORECASE

# "25 - 27 апреля", "с 12 по 14 октября 2022 года", "16 октября – 16 ноября 2022 года",
# listed days "13, 14, 15, 17 февраля" and "13 и 14 февраля" (first to last day),
# "31 октября – 2 ноября 2022 года", "с 1 по 4 ноября"
DAY_RANGE_RE = re.compile(
    r"(?:(?<![а-яё])с\s+)?" + _named("d1", _DAY) + r"(?:\s+" + _named("m1", _MONTH) + r")?"
    + r"(?:\s+" + _named("y1", _YEAR) + r")?"
    + r"(?:" + _DASH + r"|\s+(?:по|до)\s+|(?:\s*,\s*\d{1,2})*\s*(?:,|\s+и)\s*)"
    + _named("d2", _RANGE_END_DAY) + r"\s+" + _named("m2", _MONTH) + r"(?:\s+" + _named("y2", _YEAR) + r")?",
    FLAGS,
)
# "с февраля по май 2020 года", "февраль – март 2021 г.", "август 2024 г. – октябрь 2027 г."
MONTH_RANGE_RE = re.compile(
    r"(?:(?<![а-яё])с\s+)?(?<![\d\s]\s)(?<!\d)" + _named("m1", _MONTH) + r"(?:\s+" + _named("y1", _YEAR) + r")?"
    + r"(?:" + _DASH + r"|\s+по\s+)"
    + _named("m2", _MONTH) + r"(?:\s+" + _named("y2", _YEAR) + r")?",
    FLAGS,
)
# "в пятницу, 5 сентября", "22 апреля 2023 года"
DAY_RE = re.compile(
    r"(?:" + _WEEKDAY + r")?" + _named("d", _DAY) + r"\s+" + _named("m", _MONTH)
    + r"(?:\s+" + _named("y", _YEAR) + r")?",
    FLAGS,
)
# "в мае 2023 года", "май 2023"; a month without a year is kept only if the year is known
MONTH_YEAR_RE = re.compile(
    r"(?<![\d\s]\s)(?<!\d)" + _named("m", _MONTH) + r"(?:\s+" + _named("y", _YEAR) + r")?",
    FLAGS,
)
# "7.11.2022", "07.11.22", "16.10.2022 – 16.11.2022", "16.10 – 16.11.2022", "28-29.08.2018г."
_NUM_DAY = r"(?<![\d.,:/\-])(?:[12]\d|3[01]|0?[1-9])"
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_NUM_YEAR = r"(?:(?:19|20)\d\d|\d\d)(?![\d.,:]\d)(?!\.\d)(?:\s*(?:года|г\.?)(?![а-яё]))?"
NUMERIC_RANGE_RE = re.compile(
    _named("d1", _NUM_DAY) + r"(?:\." + _named("m1", _NUM_MONTH) + r"(?:\." + _named("y1", _NUM_YEAR) + r")?)?"
    + _DASH + _named("d2", r"(?:[12]\d|3[01]|0?[1-9])") + r"\." + _named("m2", _NUM_MONTH) + r"\." + _named("y2", _NUM_YEAR),
    FLAGS,
)
NUMERIC_RE = re.compile(
    _named("d", _NUM_DAY) + r"\." + _named("m", _NUM_MONTH) + r"\." + _named("y", _NUM_YEAR)
    + r"(?![\d])",
    FLAGS,
)
ISO_RE = re.compile(r"(?<![\d\-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d\-])")

# in the order the extractor tries them: a longer expression claims its text first
DATE_PATTERNS = (
    ("numeric_range", NUMERIC_RANGE_RE),
    ("day_range", DAY_RANGE_RE),
    ("month_range", MONTH_RANGE_RE),
    ("iso", ISO_RE),
    ("numeric", NUMERIC_RE),
    ("day", DAY_RE),
    ("month", MONTH_YEAR_RE),
)

# ---- year context ----

# "2022-2023 учебный год", "2022–23 учебного года", "2024/2025 учебном году"
SCHOOL_YEAR_RE = re.compile(
    r"(?P<y1>(?:19|20)\d\d)\s*(?:[-–—/]|\s)\s*(?P<y2>(?:19|20)?\d\d)\s*(?:уч\.|учебн[а-я]*)\s*(?:г\.|год[а-я]*)?",
    FLAGS,
)
# a report on a school year: "за 2022-2023 учебный год", "в течение 2022–2023 учебного года",
# "по итогам работы за ...", "в 2022-2023 учебном году"
SCHOOL_YEAR_REPORT_CUE_RE = re.compile(
    r"(?:(?<![а-яё])за|в\s+течение|итогам(?:\s+работы)?(?:\s+за)?|(?<![а-яё])в|окончании)\s*$",
    FLAGS,
)
# a line that is nothing but the post's date, maybe with a time and a view count:
# "17 ноября 2022 г.", "30.08.2013, 19:26 | просмотров: 1201", "date 2025-09-08 ..."
STAMP_LINE_MAX_EXTRA_WORDS = 3
STAMP_NOISE_RE = re.compile(r"\d{1,2}:\d\d|просмотр\w*|\|", FLAGS)

# a news agency's dateline: "УФА, 5 мая. /ТАСС/", "СИРИУС /федеральная территория/, 8 сентября.",
# "Пенза, 18 марта 2020. PenzaNews." (a name in title case must be a known place)
DATELINE_RE = re.compile(
    r"^\s*(?P<name>[А-ЯЁ][А-ЯЁа-яё\-]+(?:\s[А-ЯЁ][А-ЯЁа-яё\-]+)?)(?:\s*/[^/\n]{1,40}/)?\s*,\s*$",
)

# ---- days named relative to the post's date ----

# "Завтра в Оренбурге состоится форум", "Вчера в школе прошёл квест": days from the post's date
RELATIVE_DAY_SHIFTS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
RELATIVE_DAY_RE = re.compile(
    r"(?<![а-яё\-])(?P<word>" + "|".join(RELATIVE_DAY_SHIFTS) + r")(?![а-яё\-])", FLAGS,
)
# "в прошедшую пятницу", "в минувший вторник", "в эту субботу", "в ближайший четверг"
WEEKDAY_NUMBERS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
                   "воскресень": 6}
RELATIVE_WEEKDAY_RE = re.compile(
    r"(?<![а-яё])(?:в|во)\s+(?P<which>прошедш|минувш|прошл|эт|ближайш|предстоящ|наступающ)[а-яё]*\s+"
    r"(?P<weekday>понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[а-яё]*(?![а-яё])",
    FLAGS,
)
PAST_WEEKDAY_WORDS = frozenset({"прошедш", "минувш", "прошл"})
# "Сегодня, 1 июня, …": the written date follows within these characters and is the date
RELATIVE_DATE_WRITTEN_AFTER_CHARS = 4

# ---- what a date is the date of ----

# lemmas of words that tell the date is when something took place
EVENT_CUE_LEMMAS = frozenset({
    "состояться", "пройти", "проходить", "проводиться", "провести", "проводить", "стартовать",
    "старт", "открыться", "открытие", "начаться", "начинаться", "начать", "завершиться",
    "завершить", "закончиться", "продлиться", "продолжиться", "собрать", "собраться",
    "встретиться", "наградить", "награждение", "подвести", "организовать", "участвовать",
    "выступить", "посетить", "приехать", "запланировать", "планироваться", "финал",
    "церемония", "подписать", "подписание", "объявить", "принять",
})
# a date right after these words is a deadline, not the event: "не позднее 1 июня"
DEADLINE_BEFORE_RE = re.compile(
    r"(?:не\s+позднее|не\s+позже|срок(?:ом|и)?(?:\s+подачи)?|дедлайн|по\s+состоянию\s+на)\s*$",
    FLAGS,
)
# "приём заявок 1-15 мая": these nouns a few words before a date make it a deadline
DEADLINE_NOUN_LEMMAS = frozenset({"заявка", "прием", "приём", "срок", "дедлайн", "регистрация", "подача"})
# "до 15 мая": a deadline when the sentence speaks of applications ("заявки принимаются до
# 15 мая"), else the day something lasts until ("форум продлится до 29 марта")
UNTIL_BEFORE_RE = re.compile(r"(?<![а-яё])до\s*$", FLAGS)
DEADLINE_LEMMAS = DEADLINE_NOUN_LEMMAS | {
    "подать", "направить", "представить", "прислать", "принимать", "зарегистрироваться",
}
# a date of the past, not of the event: "родился 5 мая 1950 года", "основан в 1998 году"
HISTORY_LEMMAS = frozenset({
    "родиться", "рождение", "основать", "основание", "учредить", "умереть", "скончаться",
    "годовщина",
})
CUE_WINDOW_TOKENS = 25
