"""Patterns that show where a report lists its events: table headers, item openings, headings."""
import re

# A header cell over the column that names the events ("Тема вебинара", "Наименование конференции").
COLUMN_TITLE_RE = re.compile(r"(?i)\b(?:тема|наименование|название|мероприяти)")
# ...but not a column of organisations ("Наименование образовательной организации").
NOT_EVENT_COLUMN_RE = re.compile(
    r"(?i)(?:наименование|название)\s+(?:образовательн\w+\s+)?(?:организаци|учреждени|оу\b|оо\b|доу\b|школ)")
COLUMN_ORGANIZER_RE = re.compile(r"(?i)организатор|проводящ|ответственн")

_MONTHS = r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
# An item that opens with its date: "5 сентября 2022 года ...", "16 октября – 16 ноября ...", "7.11.2022 ...".
DATE_START_RE = re.compile(
    r"(?i)^\s*(?:с\s+|в\s+период\s+с\s+)?(?:\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s+" + _MONTHS
    + r"|\d{1,2}\.\d{1,2}\.\d{2,4}|" + _MONTHS + r"\s+\d{4})")

# A section heading of a report: "3. Организация и проведение конкурсов." (numbered, short, no verb of holding)
SECTION_HEADING_RE = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\.\s+[А-ЯЁ][^\t]{5,150}[.:]?\s*$")

# the heading of a site's block of other posts after the post itself: what follows is no part of
# the post's events ("Последние новости рубрики", "Читайте также:", "Другие новости")
RELATED_POSTS_RE = re.compile(
    r"^[ \t]*(?:последние\s+новости|читайте\s+также|другие\s+(?:новости|материалы|публикации)"
    r"|похожие\s+(?:новости|материалы|записи|публикации)|(?:новости|материалы)\s+по\s+теме"
    r"|смотрите\s+также|см\.\s+также|ещё\s+новости|еще\s+новости|последние\s+публикации"
    r"|популярные\s+новости|самое\s+популярное|новости\s+партн[её]ров)\b"
    r"(?:[^\n:]{0,40}|\s*:[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
