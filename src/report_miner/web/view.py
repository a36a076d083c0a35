"""What the pages show of a document: highlight spans by field, in display offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape

from ..records import DocumentRecord
from .offsets import OffsetMap
from .segments import Highlight

# an event's own fields are highlighted by their evidence key (type, title, date, location, format);
# "span", the stretch of text the event was read from, is not a value
FIELDS = ("organisation", "person", "date", "count", "type", "location", "title", "format")
FIELD_NAMES = {
    "organisation": "организация", "person": "человек", "date": "дата", "count": "число участников",
    "type": "тип", "location": "место", "title": "название", "format": "формат",
}


@dataclass
class Marks:
    spans: list[tuple[int, int, Highlight]] = field(default_factory=list)
    event_starts: dict = field(default_factory=dict)  # event key -> display offset where it starts
    regions: dict = field(default_factory=dict)  # event key -> "start-end start-end" (display offsets)

    def add(self, omap: OffsetMap, evidence, value_id: str, field_: str, event_key) -> None:
        for span in evidence or ():
            try:
                start, end = omap.to_display(int(span[0]), int(span[1]))
            except (TypeError, ValueError, IndexError):
                continue
            self.spans.append((start, end, Highlight(value_id, field_, event_key)))


def event_marks(marks: Marks, omap: OffsetMap, event_key, prefix: str, evidence: dict, organisations, people,
                participants, ids=None) -> None:
    """The marks of one event; ``ids`` gives the value ids (database rows) or None (positions)."""
    evidence = evidence or {}
    regions = [omap.to_display(*map(int, s)) for s in evidence.get("span") or () if len(s) == 2]
    starts = [start for start, _ in regions]
    if regions:
        marks.regions[event_key] = " ".join(f"{start}-{end}" for start, end in regions if start < end)
    for key, spans in evidence.items():
        if key != "span":
            marks.add(omap, spans, f"{prefix}-{key}", key, event_key)
            starts += [omap.to_display(*map(int, s))[0] for s in spans if len(s) == 2]
    for kind, letter, values in (("organisation", "o", organisations), ("person", "p", people),
                                 ("count", "c", participants)):
        for index, value in enumerate(values):
            value_id = f"{letter}{value.id}" if ids else f"{prefix}-{letter}{index}"
            marks.add(omap, value.evidence, value_id, kind, event_key)
            starts += [omap.to_display(*map(int, s))[0] for s in value.evidence or () if len(s) == 2]
    if starts:
        marks.event_starts[event_key] = min(starts)


def document_marks(document, omap: OffsetMap) -> Marks:
    """The marks of a stored document's events (value ids: o<id>, p<id>, c<id>, e<event id>-<field>)."""
    marks = Marks()
    for event in document.events:
        event_marks(marks, omap, event.id, f"e{event.id}", event.evidence, event.organisations, event.people,
                    event.participants, ids=True)
    return marks


def record_marks(record: DocumentRecord, omap: OffsetMap) -> Marks:
    """The marks of freshly extracted records (value ids by position: e<n>-o<k>, e<n>-date, ...)."""
    marks = Marks()
    for n, event in enumerate(record.events):
        event_marks(marks, omap, n, f"e{n}", event.evidence, event.organisations, event.people,
                    event.participants)
    return marks


# --- choices: the schema's values with Russian labels, rendered once per (list, current) ----------

LABELS = {
    "type": {"meeting": "встреча", "conference": "конференция", "webinar": "вебинар", "seminar": "семинар",
             "contest": "конкурс", "olympiad": "олимпиада", "game": "игра", "festival": "фестиваль",
             "forum": "форум", "masterclass": "мастер-класс", "round_table": "круглый стол",
             "excursion": "экскурсия", "ceremony": "церемония", "training": "обучение", "project": "проект",
             "other": "другое"},
    "format": {"offline": "очно", "online": "онлайн", "hybrid": "смешанный"},
    "org_role": {"host": "площадка", "organizer": "организатор", "participant": "участник", "member": "член",
                 "partner": "партнёр", "authority": "орган власти", "other": "другое"},
    "person_role": {"speaker": "выступающий", "participant": "участник", "organizer": "организатор",
                    "winner": "победитель", "other": "другое"},
    "unit": {"people": "человек", "teams": "команд", "organisations": "организаций", "regions": "регионов",
             "speakers": "выступающих", "countries": "стран"},
    "approx": {"exact": "ровно", "more_than": "более", "about": "около", "less_than": "менее"},
}


def _check_labels() -> None:
    from .. import records

    for name, values in (("type", records.EVENT_TYPES), ("format", records.FORMATS),
                         ("org_role", records.ORG_ROLES), ("person_role", records.PERSON_ROLES),
                         ("unit", records.COUNT_UNITS), ("approx", records.APPROX)):
        for value in values:  # a value added to the schema shows as itself until labelled
            LABELS[name].setdefault(value, value)


_check_labels()


@lru_cache(maxsize=512)
def options(name: str, current: str | None, blank: bool = False) -> Markup:
    """The ``<option>``s of a choice list (LABELS[name]), ``current`` selected; ``blank`` adds "—" for none.

    A current value outside the list (an old or odd stored value) is kept as an option, so
    saving the form does not change it unasked.
    """
    labels = LABELS[name]
    parts = [f'<option value=""{" selected" if not current else ""}>—</option>'] if blank else []
    if current and current not in labels:
        parts.append(f'<option value="{escape(current)}" selected>{escape(current)}</option>')
    for value, label in labels.items():
        selected = " selected" if value == current else ""
        parts.append(f'<option value="{escape(value)}"{selected}>{escape(label)}</option>')
    return Markup("".join(parts))


def label(name: str, value: str | None) -> str:
    return LABELS[name].get(value, value) if value else ""


# --- the audit trail, as the review page lists it ------------------------------------------------

ACTIONS = {"edit": "исправлено", "add": "добавлено", "delete": "удалено", "merge_events": "события объединены",
           "split_event": "событие разделено", "link_organisation": "связано с организацией",
           "merge_organisations": "организации объединены", "approve": "одобрено"}
_SKIPPED = ("evidence", "aliases", "organisations", "people", "participants", "organisation_id")


def summary(value, limit: int = 90) -> str:
    """A correction's before/after value in a few words: its main fields, without evidence and lists."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        parts = [str(v) for k, v in value.items() if k not in _SKIPPED and v not in (None, "", [], {})]
        text = " · ".join(parts) or "—"
    else:
        text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
