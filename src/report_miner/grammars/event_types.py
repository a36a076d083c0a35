"""Words that name a kind of event, the verbs that report one as held, and format hints.

Patterns are matched case-insensitively on the text itself (not lemmas): event words in
titles are often capitalised, hyphenated or inside quotes, where taggers stumble.
"""
import re

# Ordered: the first pattern that matches at a position wins, so the longer phrases come first.
TYPE_PATTERNS: list[tuple[str, str]] = [
    ("round_table", r"(?:заседани\w* )?кругл\w* стол\w*|панельн\w* дискусси\w*"),
    ("masterclass", r"мастер[- ]?класс\w*|открыт\w* (?:урок|заняти)\w*"),
    ("training", r"курс\w* повышения квалификации|учебно-тренировочн\w* сбор\w*|стажировк\w*|"
                 r"профильн\w* смен\w*|образовательн\w* смен\w*|\bсмен[аеуы]\b|интенсив\w*"),
    ("ceremony", r"торжественн\w* церемони\w*|церемони\w*|подписани\w* соглашени\w*|"
                 r"подписал\w* (?:\w+ )?(?:соглашени|договор|меморандум)\w*|"
                 r"награждени\w*|наградил\w*|вручени\w*|вручил\w*|чествовани\w*|чествовал\w*"),
    ("excursion", r"экскурси\w*|посещени\w* предприяти\w*"),
    ("webinar", r"вебинар\w*|видеоконференц\w*|онлайн-встреч\w*|онлайн-конференц\w*"),
    # "чтения" only as a named series ("Педагогические чтения"), not "время чтения"
    ("conference", r"конференци\w*|\w+(?:ие|ые|их|ских|ских)\s+чтени[яйи]\w*"),
    ("seminar", r"семинар\w*|практикум\w*|методическ\w* д(?:ень|ня|не)\b"),
    ("olympiad", r"полиолимпиад\w*|олимпиад\w*"),
    ("contest", r"конкурс\w*|соревновани\w*|чемпионат\w*|хакатон\w*|турнир\w*|первенств\w*"),
    ("game", r"(?<![\w-])(?:кейс-|онлайн-|интеллектуальн\w* |командн\w* )?игр[аыуеою]\w*|квиз\w*|квест\w*|"
             r"викторин\w*|брейн-ринг\w*|что\? где\? когда\?"),
    ("festival", r"фестивал\w*"),
    ("forum", r"форум\w*|(?<!\w)сл[её]т\w*|съезд\w*"),
    ("meeting", r"заседани\w*|совещани\w*|собрани\w*|педсовет\w*|педагогическ\w* совет\w*|"
                r"(?<!\w)совет[аеу]?\b|коллеги\w*|встреч[аеиу]\b"),
    ("other", r"д(?:ень|ня|нем|ни|ней) открытых дверей|ярмарк\w*"),
    ("project", r"проект\w*|программ[аы]\b"),
]

TYPE_RE = [(t, re.compile(r"(?i)(?<!\w)(?:" + p + r")")) for t, p in TYPE_PATTERNS]

# An event word right after these names the frame of the event, not the event itself:
# "в рамках XIII образовательного форума состоялось заседание" is a meeting.
FRAME_BEFORE_RE = re.compile(r"(?i)(?:в\s+рамках|в\s+ходе|на\s+площадке|в\s+программе)\s+(?:[\w-]+\s+){0,4}$")

# Verbs and phrases that report an event as held or scheduled.
HELD_RE = re.compile(
    r"(?i)\b(?:состоял\w*|прош[её]л|прошл[аио]|проходил\w*|проводил\w*|провел\w*|провёл\w*|"
    r"проведен\w*|проведён\w*|организован\w*|стартовал\w*|открыл\w*|завершил\w*|пройд[её]т|"
    r"состоится|приняли участие|принял\w* участие)\b")

ONLINE_HINT_RE = re.compile(r"(?i)онлайн|вебинар|дистанционн|видеоконференц|заочн")

# Lines of a web page's chrome that come before the headline: accessibility links, counters,
# reading time, breadcrumbs, menus, bare dates and times.
CHROME_RE = re.compile(
    r"(?i)версия для слабовидящих|время (?:про)?чтения|выбрать регион|главная|просмотр|поделиться|"
    r"подписаться|войти|регистрация|^\W*\d[\d\s.:,/-]*\W*$|^\W*\d{1,2}\s+\w+\s+\d{4}[\s,]*\d{1,2}:\d{2}|\|")
