"""Patterns of Russian person names and of the words around them: name templates, case endings
of surnames, first names and patronymics, positions written next to a name, and the cue words
that tell a person's role in an event (speaker, organizer, winner, participant).

Read by ``report_miner.extractors.people``. Lemmas are pymorphy3 lemmas in lower case, as
``token.lemma_`` holds them (ё kept as pymorphy3 writes it, so both spellings are listed).
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- name templates

# Kinds of name parts: S surname, F first name, P patronymic, I initial ("В." of "В.В. Князева").
# A run of adjacent name parts is cut into names by these templates, the cut that covers the
# most parts in the longest names winning. A single surname, and two words the dictionary
# does not know as names ("SS": "Манаса Маулена", read as first name + surname), count only
# inside natasha's PER spans; a single surname is kept to be resolved against a fuller mention.
NAME_TEMPLATES: tuple[str, ...] = (
    "SFP", "FPS",          # Князева Вера Владимировна / Вера Владимировна Князева
    "SII", "IIS",          # Князева В.В. / В.В. Князева
    "FS", "SF",            # Вера Князева / Сапелкин Никита
    "FP",                  # Вера Владимировна (named without the surname)
    "SI", "IS",            # Князева В. / В. Князева
    "S", "SS",
)

# a patronymic in any case: -ович, -евна, -ичной, -ьичу, -инична
PATRONYMIC_END_RE = re.compile(r"(?:вич|ьич|вн|ичн|инич)(?:а|у|ем|е|ы|ой|ою)?$")
# an initial is one capital letter ("Дж" too); the dot after it is part of the name
INITIAL_RE = re.compile(r"[А-ЯЁ]|Дж")
# a word that may be a name part: Capitalised or UPPER CASE Cyrillic, hyphenated parts allowed
NAME_WORD_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?")

# ---------------------------------------------------------------- case endings

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# Declension tables: (ending of the nominative, {case: ending of that case}) by gender.
# A word ending in the case ending gives the reading (gender, case) with the nominative
# stem + nominative ending. Used for surnames and names the dictionary does not know.
_POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")     # Петров, Князев, Сивачёв, Заварзин, Синицын
SURNAME_DECLENSIONS: list[tuple[str, str, dict[str, str]]] = []
for _suffix in _POSSESSIVE:
    SURNAME_DECLENSIONS.append(("masc", _suffix, {
        "nomn": _suffix, "gent": _suffix + "а", "datv": _suffix + "у", "accs": _suffix + "а",
        "ablt": _suffix + "ым", "loct": _suffix + "е"}))
    SURNAME_DECLENSIONS.append(("femn", _suffix + "а", {
        "nomn": _suffix + "а", "gent": _suffix + "ой", "datv": _suffix + "ой",
        "accs": _suffix + "у", "ablt": _suffix + "ой", "loct": _suffix + "ой"}))
for _suffix in ("ск", "цк"):                     # Кобицкий / Кобицкая, Луговской
    for _masc in ("ий", "ой"):
        SURNAME_DECLENSIONS.append(("masc", _suffix + _masc, {
            "nomn": _suffix + _masc, "gent": _suffix + "ого", "datv": _suffix + "ому",
            "accs": _suffix + "ого", "ablt": _suffix + "им", "loct": _suffix + "ом"}))
    SURNAME_DECLENSIONS.append(("femn", _suffix + "ая", {
        "nomn": _suffix + "ая", "gent": _suffix + "ой", "datv": _suffix + "ой",
        "accs": _suffix + "ую", "ablt": _suffix + "ой", "loct": _suffix + "ой"}))
# first-declension words of either gender: Шапша, Гроза, Никита, Илья
for _gender in ("masc", "femn"):
    SURNAME_DECLENSIONS.append((_gender, "а", {
        "nomn": "а", "gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}))
    SURNAME_DECLENSIONS.append((_gender, "ша", {
        "nomn": "ша", "gent": "ши", "datv": "ше", "accs": "шу", "ablt": "шей", "loct": "ше"}))
    SURNAME_DECLENSIONS.append((_gender, "я", {
        "nomn": "я", "gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}))
    for _velar in "кгхжчщ":
        SURNAME_DECLENSIONS.append((_gender, _velar + "а", {
            "nomn": _velar + "а", "gent": _velar + "и", "datv": _velar + "е",
            "accs": _velar + "у", "ablt": _velar + "ой", "loct": _velar + "е"}))
# masculine words ending in a consonant, -й or -ь: Гербер, Агиней, Пахарь (women's: not declined)
SURNAME_DECLENSIONS.append(("masc", "", {
    "nomn": "", "gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}))
SURNAME_DECLENSIONS.append(("masc", "й", {
    "nomn": "й", "gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}))
SURNAME_DECLENSIONS.append(("masc", "ь", {
    "nomn": "ь", "gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}))

PATRONYMIC_DECLENSIONS: list[tuple[str, str, dict[str, str]]] = [
    ("masc", "ич", {"nomn": "ич", "gent": "ича", "datv": "ичу", "accs": "ича", "ablt": "ичем",
                    "loct": "иче"}),
    ("femn", "на", {"nomn": "на", "gent": "ны", "datv": "не", "accs": "ну", "ablt": "ной",
                    "loct": "не"}),
]

# endings of surnames that may be never declined (Голубенко, Черных, Гогебашвили, Гёте): such a
# word may be any case of either gender, besides what the declension tables read in it
INDECLINABLE_RE = re.compile(r"(?:[оеиэ]|[ыи]х)$")
CONSONANT_END_RE = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")

# ---------------------------------------------------------------- not people

# a name right after these words belongs to the name of an organisation, a street or an award:
# "имени Иммануила Канта", "им. В.П. Неймышева", "Героя Советского Союза Н.В. Троян", "ул. Ленина"
NAME_OF_THING_LEMMAS = frozenset({
    "имя", "им", "героя", "герой", "улица", "ул", "проспект", "пр", "пр-т", "просп", "переулок",
    "пер", "площадь", "пл", "бульвар", "б-р", "набережная", "наб", "шоссе", "тупик", "проезд",
    "аллея", "мкр", "микрорайон", "станция", "метро", "теплоход", "премия", "стипендия",
    "медаль", "орден", "памятник", "мемориал", "бюст",
})
# words between "Героя" and the name: "дважды Героя Советского Союза", "Героя Социалистического
# Труда", "Героя Российской Федерации"
HERO_TITLE_WORDS = frozenset({"советского", "союза", "россии", "российской", "федерации", "рф",
                              "ссср", "социалистического", "труда", "дважды", "трижды"})
# a name in these phrases is a figure of the past the event is dedicated to:
# "со дня рождения М.В. Ломоносова", "памяти В.А. Сухомлинского", "в честь Ю.А. Гагарина"
MEMORIAL_LEMMAS = frozenset({
    "рождение", "смерть", "гибель", "память", "честь", "юбилей", "годовщина", "летие",
    "творчество", "произведение", "повесть", "роман", "стихотворение", "пьеса", "поэма",
    "сказка", "рассказ", "картина", "наследие", "завет", "цитата", "афоризм", "изречение",
})
# ... and these word beginnings, whatever the tagger makes of the word: "посвящённая Б.Е. Буту"
MEMORIAL_STEMS = ("посвящ", "посвят")
# "как говорил А.С. Макаренко", "писал К.Д. Ушинский": sayings of figures of the past
HISTORIC_SAYING_LEMMAS = frozenset({"говорить", "писать", "говаривать", "утверждать", "учить",
                                    "завещать", "мечтать"})
# the end of a quoted saying right before its author's name: a closing quote after a full stop
# ("...всю жизнь.»") or before a line break, bracket or dash ("«...»\nК.Д. Ушинский",
# "«...» (А.С. Макаренко)"); not the quotes of a name ("глава МО «Выборгский район» А. Лысов")
EPIGRAPH_END_RE = re.compile(r"(?P<stop>[.!?…]?)[»\"”](?P<gap>[\s.]*[\n(–—-]?[\s(]*)$")
# the author of the post or of its photos, not a person of the event
CREDIT_WORDS = frozenset({"фото", "фотограф", "автор", "текст", "источник", "подготовил",
                          "подготовила", "корреспондент", "видео", "редактор", "материал"})
# ... and these right before a name anywhere in a line: "Лаврентьева Е.В., фото Никонова А."
PHOTO_CREDIT_WORDS = frozenset({"фото", "фотограф", "видео"})

# ---------------------------------------------------------------- positions

# Nouns heading a position written next to a name ("директор", "заместитель", ...). Any
# animate singular noun heads one too; these are the heads the tagger may miss or mistag.
POSITION_HEAD_LEMMAS = frozenset({
    "директор", "заместитель", "замдиректор", "начальник", "руководитель", "ректор",
    "проректор", "декан", "заведующий", "заведующая", "президент", "вице-президент",
    "председатель", "министр", "замминистр", "губернатор", "вице-губернатор", "глава", "мэр",
    "депутат", "сенатор", "учитель", "педагог", "преподаватель", "воспитатель", "методист",
    "специалист", "эксперт", "профессор", "доцент", "академик", "член", "секретарь",
    "координатор", "куратор", "советник", "представитель", "полпред", "уполномоченный",
    "инспектор", "консультант", "сотрудник", "ученик", "ученица", "учащийся", "учащаяся",
    "студент", "студентка", "первокурсник", "первокурсница", "выпускник", "выпускница",
    "воспитанник", "воспитанница", "обучающийся", "обучающаяся", "аспирант", "магистрант",
    "капитан", "тренер", "наставник", "экскурсовод", "организатор", "модератор", "спикер",
    "докладчик", "лектор", "ведущий", "ведущая", "атаман", "настоятель", "митрополит",
    "епископ", "артист", "певица", "певец", "аккордеонист", "писатель", "поэт", "журналист",
    "врач", "инженер", "мастер", "лаборант", "научный", "исполняющий", "врио", "и.о.",
    "кандидат", "доктор", "лауреат", "победитель", "призёр", "призер", "дипломант",
    "участник", "участница", "финалист", "финалистка", "основатель", "управляющий",
    "генеральный", "командир", "старший", "главный", "ответственный", "вожатый", "психолог",
    "логопед", "дефектолог", "библиотекарь", "завуч", "замглава", "полномочный", "посол",
    "консул", "атташе", "омбудсмен", "прокурор", "судья", "министр-председатель", "премьер",
    "премьер-министр", "мэр", "сити-менеджер", "начальница", "директриса", "ректорат",
})
# "почётный работник общего образования", "заслуженный учитель", "к. п. н." start a segment too
TITLE_LEMMAS = frozenset({"почётный", "почетный", "заслуженный", "народный", "отличник",
                          "ветеран", "кавалер", "обладатель"})
# animate nouns and words of address that never head a position: "Уважаемая Вера Владимировна"
NOT_POSITION_LEMMAS = frozenset({"уважаемый", "уважаемая", "дорогой", "дорогая", "господин",
                                 "госпожа", "человек", "ребёнок", "ребенок", "друг", "подруга",
                                 "мама", "папа", "сын", "дочь", "гость"})
# academic degrees written as abbreviations: к.п.н., д.т.н., к. э. н., к.ф.-м.н.
DEGREE_RE = re.compile(r"(?<![А-Яа-яЁё])[кд]\.\s?[а-яё]{1,4}(?:-[а-яё]{1,2})?\.\s?н\.")
# "и.о. проректора", "И. о. министра", "вр.и.о. губернатора": the acting holder of a post,
# tokenised as four tokens the tagger reads as anything; heads a position like a degree does
ACTING_RE = re.compile(r"(?<![А-Яа-яЁё])(?:[вВ]р\.\s?)?[иИ]\.\s?[оО]\.")
# heads that never decline, so agree with a name in any case: "врио губернатора Ивана Петрова";
# and "зам" glued to a head in the genitive: "замглавы", "замминистра", "замдиректора"
INDECLINABLE_HEADS = frozenset({"врио", "и.о.", "замглавы"})
DEPUTY_PREFIX = "зам"
# words in front of a head that belong to the position: "первый заместитель", "временно
# исполняющий обязанности ректора", "ведущий специалист", "главный специалист"
POSITION_MODIFIER_LEMMAS = frozenset({
    "первый", "второй", "генеральный", "главный", "ведущий", "старший", "младший",
    "исполнительный", "временно", "исполнять", "исполняющий", "обязанность", "научный",
    "учёный", "ученый", "полномочный", "заслуженный", "почётный", "почетный", "народный",
    "бывший", "действующий", "технический", "ответственный", "региональный", "муниципальный",
    "федеральный", "районный", "городской", "областной", "классный", "молодой",
})
# participles heading a position: "исполняющий обязанности ректора", "замещающая директора"
ACTING_LEMMAS = frozenset({"исполнять", "замещать"})
# a singular head at most this many tokens right of a plural one, a preposition between,
# depends on it: "кандидатов на пост ректора"
MAX_GOVERNED_GAP = 3
# a position is at most this many tokens (word and punctuation) long
MAX_POSITION_TOKENS = 60
# heads of the "(руководитель – доцент Роман Подколзин)" kind, a dash between head and name
DASH_CHARS = frozenset("-–—")
# adjectives that may stand between a modifier-head word and its noun: "старший научный сотрудник"
MAX_MODIFIERS_BEFORE_HEAD = 2

# ---------------------------------------------------------------- roles

ROLE_ORDER = ("speaker", "organizer", "winner", "participant", "other")

# verbs of speech: the subject of these speaks at the event or is quoted about it
SPEECH_VERB_LEMMAS = frozenset({
    "выступить", "выступать", "сообщить", "сообщать", "подчеркнуть", "подчёркивать",
    "подчеркивать", "отметить", "отмечать", "рассказать", "рассказывать", "поприветствовать",
    "приветствовать", "обратиться", "обращаться", "обратить", "заявить", "заявлять", "пояснить",
    "пояснять", "поделиться", "делиться", "представить", "представлять", "сказать", "добавить",
    "говорить", "заметить", "напомнить", "акцентировать", "обозначить", "озвучить",
    "прокомментировать", "комментировать", "высказаться", "выразить", "поблагодарить",
    "благодарить", "пожелать", "призвать", "вторить", "уточнить", "признаться", "резюмировать",
    "подытожить", "доложить", "модерировать", "ответить", "объяснить", "поздравить",
    "презентовать", "продемонстрировать", "провозгласить", "зачитать", "процитировать",
    "констатировать", "подвести", "подводить", "считать", "рассуждать", "предложить",
    "прочитать", "проинформировать", "информировать", "проанализировать", "анализировать",
    "познакомить", "знакомить", "ознакомить", "осветить", "научить", "напутствовать",
    "отчитаться", "разъяснить", "огласить", "объявить", "коснуться", "затронуть",
    "порекомендовать", "рекомендовать", "посоветовать", "вспомнить", "предупредить",
})
# "представлять регион на чемпионате", "представила школу": representing, not presenting
REPRESENTING_VERB_LEMMAS = frozenset({"представить", "представлять"})
REPRESENTED_LEMMAS = frozenset({
    "регион", "страна", "город", "район", "область", "край", "республика", "округ", "школа",
    "гимназия", "лицей", "колледж", "техникум", "вуз", "университет", "институт", "академия",
    "организация", "учреждение", "команда", "сборная", "интерес", "россия", "коллектив",
})
# the words a representing verb's object is looked for in, right after the verb
REPRESENTED_WINDOW = 3
# who leads these for the others speaks at them: "открытый урок, который провела Наталья
# Кулакова", "Будякова Н.А. показала мастер-класс", "Экскурсию провела руководитель ..."
# (while "Заседание провёл ..." and "провела конкурс" make an organizer)
TEACHING_VERB_LEMMAS = frozenset({"провести", "проводить", "дать", "давать", "показать",
                                  "показывать"})
TEACHING_EVENT_LEMMAS = frozenset({
    "урок", "мастер-класс", "занятие", "лекция", "экскурсия", "тренинг", "беседа",
    "обсуждение", "дискуссия", "презентация", "консультация", "практикум", "семинар",
    "вебинар", "семинар-практикум", "обзор", "викторина", "экспресс-урок", "интенсив",
})
# ... but in a contest's sentence the lesson is a contest task, its teacher a contestant
# ("конкурсанты провели открытые уроки", "в рамках конкурса «Учитель года» провела урок")
CONTEST_LEMMAS = frozenset({"конкурс", "конкурсант", "конкурсантка", "конкурсный", "чемпионат",
                            "соревнование", "олимпиада", "состязание", "испытание"})
# how far right of such a verb its object may stand ("провела в 7 классе открытый урок")
TEACHING_OBJECT_WINDOW = 6
# how far left of "который" its antecedent may stand ("открытого урока «Дружба» для 4 класса,
# который провела ...")
RELATIVE_ANTECEDENT_WINDOW = 12
RELATIVE_PRONOUN_LEMMAS = frozenset({"который"})
# the guest a meeting is held with speaks at it: "встреча школьников с писателем Андреем
# Усачёвым", "За круглым столом с настоятелем храма ... педагоги обсудили", "ребята
# встретились с ветераном"
MEETING_WITH_LEMMAS = frozenset({
    "встреча", "беседа", "стол", "диалог", "разговор", "интервью", "конференция-встреча",
    "встретиться", "встречаться", "побеседовать", "беседовать", "пообщаться", "общаться",
})
# "встреча учащихся 5-11 классов с писателем": words between the meeting word and "с"
MEETING_WITH_GAP = 4
# the speech cues a winner's own contest entry gives ("выступила с темой ... и заняла первое
# место"): a contestant's performance, not a speech at the event
CONTEST_ENTRY_LEMMAS = frozenset({"выступить", "выступать", "выступление", "доклад", "представить",
                                  "представлять", "защитить", "защищать"})
# a speech verb with no name for its subject may have "он"/"она" or a position word ("Министр
# подчеркнул") this many tokens from it, referring back to a person named before
PERSONAL_PRONOUNS = frozenset({"он", "она"})
ANAPHOR_WINDOW = 4
# "он"/"она" refers back to a person named in its sentence or in this many sentences before
PRONOUN_SENTENCES = 2
# short adjectives reporting what their subject thinks: "уверена, что ...", "убеждён"
OPINION_STEMS = ("уверен", "убежден")
# a broadcast's teaser names its reporter: "Чем удивляли конкурсанты, расскажет Анастасия
# Николаева", "Как проводят лето в лагере – расскажет ...": a future speech verb in a sentence
# opening with one of these words
TEASER_OPENING_WORDS = frozenset({"как", "чем", "что", "кто", "где", "почему", "зачем", "сколько",
                                  "какие", "какой", "какая", "каким", "подробнее",
                                  "подробности", "насколько", "куда", "откуда"})
# verbs of speech that need an event in the sentence: "открыл заседание", "закрыла форум"
OPENING_VERB_LEMMAS = frozenset({"открыть", "открывать", "закрыть", "закрывать"})
# nouns of speech: "В своём выступлении ...", "с докладом", "приветственное слово Н."
SPEECH_NOUN_LEMMAS = frozenset({
    "выступление", "доклад", "слово", "речь", "приветствие", "сообщение", "лекция",
    "комментарий", "обращение", "мнение",
})
# positions (and table column headers) that make the person an organizer
ORGANIZER_POSITION_LEMMAS = frozenset({"организатор", "куратор", "ответственный", "исполнитель",
                                       "координатор"})
# a table's header row is looked for at most this many lines above a row
MAX_TABLE_ROWS = 200
# table column headers that tell a role rather than a position: "Ответственные", "Участник"
COLUMN_ROLE_LEMMAS = frozenset({"ответственный", "исполнитель", "участник", "победитель",
                                "призёр", "призер", "лауреат"})
# positions that make the person a speaker
SPEAKER_POSITION_LEMMAS = frozenset({"модератор", "спикер", "докладчик", "лектор", "ведущий",
                                     "ведущая", "экскурсовод"})
# words of an event that make "открыл" a word of its speaker, "провела" of its organizer
EVENT_NOUN_LEMMAS = frozenset({
    "заседание", "совещание", "собрание", "совет", "педсовет", "конференция", "чтение",
    "вебинар", "видеоконференция", "онлайн-встреча", "встреча", "семинар", "практикум",
    "конкурс", "соревнование", "чемпионат", "хакатон", "турнир", "олимпиада", "игра", "квиз",
    "квест", "викторина", "фестиваль", "форум", "слёт", "слет", "съезд", "мастер-класс",
    "занятие", "урок", "стол", "дискуссия", "экскурсия", "церемония", "мероприятие", "сессия",
    "часть", "программа", "смена", "выставка", "акция", "праздник", "линейка", "марафон",
    "чтения", "секция", "площадка", "открытие", "закрытие", "концерт", "тренинг",
    "мастерская", "субботник", "час", "экспедиция", "поход",
})
# words of winning: nouns ("место" and "степень" only after a number: "I место", "диплом
# II степени") and verbs
WINNER_NOUN_LEMMAS = frozenset({
    "победитель", "победительница", "призёр", "призер", "лауреат", "дипломант", "финалист",
    "чемпион", "победа", "место", "диплом", "грамота", "медаль", "приз", "награда",
    "гран-при", "степень", "звание",
})
WINNER_VERB_LEMMAS = frozenset({"победить", "завоевать", "одержать", "удостоиться", "выиграть"})
# the subject of these hands the award; their object or addressee is the winner
GIVING_VERB_LEMMAS = frozenset({"наградить", "награждать", "вручить", "вручать",
                                "поздравить", "поздравлять", "чествовать"})
# words of organising: "Организатором выступила ...", "Заседание провёл ..." (with an event)
ORGANIZER_NOUN_LEMMAS = frozenset({"организатор", "куратор", "инициатор"})
# ("Мероприятие вёл ...": who chairs an event runs it)
ORGANIZER_VERB_LEMMAS = frozenset({"организовать", "организовывать", "провести", "проводить",
                                   "курировать", "инициировать", "подготовить", "вести"})
# "в обсуждении приняли участие": taking part in a discussion is speaking
DISCUSSION_LEMMAS = frozenset({"обсуждение", "дискуссия", "дебаты", "полемика", "диалог"})
DISCUSSION_WINDOW = 4
# words of taking part: "приняли участие", "в составе делегации", "с участием министра"
PARTICIPANT_LEMMAS = frozenset({"участие", "участвовать", "участник", "участница",
                                "присутствовать", "делегация", "состав", "посетить", "гость",
                                "собраться", "конкурсант"})
# a mentor of a winner is not a winner: "под руководством педагога", "подготовила педагог"
MENTOR_LEMMAS = frozenset({"наставник", "руководство", "подготовить", "тренер"})

# the first tokens of a list item line: "- ", "• ", "1. ", "2) "
BULLET_RE = re.compile(r"\s*(?:[-–—•*·▪●]|\d{1,2}[.)])\s*")
