"""Group the values found in a text into event records.

A news post reports one event: the whole text is its region. A report lists many: each row
of an events table, each numbered or dated item that says an event was held, is a seed with
its own region of text, and the values found inside a region belong to its event. Later
re-mentions of a listed event ("лучшие конкурсы: … «Ижица» (45 команд…)") add their values
to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from . import layout
from .event_type import decide_type
from .extractors.dates import DateMention
from .extractors.organisations import merge_organisations
from .extractors.people import merge_people
from .extractors.places import FormatMention, LocationMention
from .nlp import text_of
from .records import Count, Event, Organisation, Person
from .seeds import Seed, find_seeds
from .titles import find_title


@dataclass
class Mentions:
    """Everything the extractors found in one text."""

    doc: Doc
    dates: list[DateMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    locations: list[LocationMention] = field(default_factory=list)
    formats: list[FormatMention] = field(default_factory=list)


def build_events(m: Mentions) -> list[Event]:
    text = text_of(m.doc)
    seeds = find_seeds(text, layout.lines(text))
    return [event_of(seed, m) for seed in seeds]


def inside(span: tuple[int, int], seed: Seed) -> bool:
    return within(span, seed.regions)


def event_of(seed: Seed, m: Mentions) -> Event:
    text = text_of(m.doc)
    ev = Event()
    ev.evidence["span"] = list(seed.regions)
    ev.type, type_span = decide_type(text, seed)
    if type_span:
        ev.evidence["type"] = [type_span]
    title = find_title(text, seed)
    if title:
        ev.title, span = title
        ev.evidence["title"] = [span]

    best = pick_date([d for d in m.dates if inside(d.span, seed) or in_preamble(d, seed)])
    if best:
        ev.date_start, ev.date_end = best.start, best.end if best.end != best.start else None
        ev.evidence["date"] = [best.span]

    ev.format, format_spans = pick_format([f for f in m.formats if inside(f.span, seed)], seed, ev.type)
    if format_spans:
        ev.evidence["format"] = format_spans

    orgs = [o for o in m.organisations if any(inside(s, seed) for s in o.evidence)]
    if seed.organizer_cell:  # the "Организатор" column says the role outright
        orgs = [replace(o, role="organizer") if all(within(s, [seed.organizer_cell]) for s in o.evidence) else o
                for o in orgs]
    ev.organisations = merge_organisations(orgs)

    if ev.format != "online":
        location = pick_location([loc for loc in m.locations if inside(loc.span, seed)], seed, ev.organisations)
        if location:
            ev.location = location.name
            ev.evidence["location"] = [location.span]

    ev.people = merge_people([p for p in m.people if any(inside(s, seed) for s in p.evidence)])
    ev.participants = unique_counts([c for c in m.counts if any(inside(s, seed) for s in c.evidence)])
    return ev


def in_preamble(date: DateMention, seed: Seed) -> bool:
    return seed.preamble is not None and date.kind == "stamp" and seed.preamble[0] <= date.span[0] < seed.preamble[1]


DATE_PREFERENCE = {"event": 0, "plain": 1, "dateline": 2, "stamp": 3}


def pick_date(dates: list[DateMention]) -> DateMention | None:
    """The event's own date: one a verb of holding points at, else the first plain date, else
    the agency dateline or the post's date stamp; never a deadline, an "until" day or history.
    A range beats a single day it contains, and "продлится до 29 марта" closes a single day."""
    usable = [d for d in dates if d.kind in DATE_PREFERENCE]
    if not usable:
        return None
    rank = min(DATE_PREFERENCE[d.kind] for d in usable)
    ranked = [d for d in usable if DATE_PREFERENCE[d.kind] == rank]
    first = ranked[0]
    for d in ranked:
        if d.end and d.end != d.start and d.start <= first.start <= d.end:
            return d
    until = next((d for d in dates if d.kind == "until" and d.span[0] > first.span[0]
                  and comparable(first.start, d.start) and d.start > first.start), None)
    if first.end is None and until is not None:
        return DateMention(first.start, until.start, first.span, first.kind, first.cue)
    return first


def comparable(a: str, b: str) -> bool:
    """Both full dates, or both without a year: only then can one be the end of the other."""
    return len(a) == len(b) == 10 or (a.startswith("--") and b.startswith("--"))


def pick_format(formats: list[FormatMention], seed: Seed, event_type: str):
    kinds = {f.format for f in formats}
    spans = [f.span for f in formats]
    if "hybrid" in kinds or {"online", "offline"} <= kinds:
        return "hybrid", spans
    if kinds:
        return kinds.pop(), spans
    if seed.format_hint:
        return seed.format_hint, []
    if event_type == "webinar":
        return "online", []
    return None, []


LOCATION_PREFERENCE = {"place": 0, "org": 1, "adjective": 2, "region": 3, "other": 4}


def pick_location(locations: list[LocationMention], seed: Seed,
                  orgs: list[Organisation]) -> LocationMention | None:
    """The place the text says the event was held in, a venue first.

    In a report's items a city inside an organisation's name counts only for a host ("на базе
    Казанского университета"): an organiser's city says nothing of where the event was (a table
    row names its organiser's city, and a contest by correspondence has no place). A news post
    is about what happened around the organisations and the town it names, so any city it names
    will do there, short of participants' home towns and an agency's dateline."""
    if seed.kind == "document":
        usable = [loc for loc in locations if loc.kind in LOCATION_PREFERENCE]
    else:
        host_spans = [span for org in orgs if org.role == "host" for span in org.evidence]
        org_spans = [span for org in orgs for span in org.evidence]
        usable = [loc for loc in locations if loc.kind in LOCATION_PREFERENCE and loc.kind != "other"
                  and (within(loc.span, host_spans) or not (loc.kind == "org" or within(loc.span, org_spans)))]
    if not usable:
        return None
    return min(usable, key=lambda loc: (not loc.venue, LOCATION_PREFERENCE[loc.kind], loc.span[0]))


def within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def unique_counts(counts: list[Count]) -> list[Count]:
    """One count per (number, unit): a re-mention of the same figure adds evidence only."""
    seen: dict[tuple[int, str], Count] = {}
    for c in counts:
        key = (c.count, c.unit)
        if key in seen:
            seen[key].evidence.extend(c.evidence)
        else:
            seen[key] = Count(c.count, c.unit, c.approx, list(c.evidence))
    return list(seen.values())
