"""Person resolution: reading names, organisations of positions, the resolver's rules."""
import pytest

from report_miner.resolve import Resolver, org_signature, same_organisation
from report_miner.resolve_people import (
    PersonName,
    PersonResolver,
    parse_name,
    position_organisations,
    same_name,
)


@pytest.mark.parametrize("name, parts", [
    ("Князева Вера Владимировна", ("Князева", "Вера", "Владимировна")),
    ("Князева В. В.", ("Князева", "В.", "В.")),
    ("Князева В.В.", ("Князева", "В.", "В.")),
    ("В.В. Князева", ("Князева", "В.", "В.")),
    ("Вера Владимировна Князева", ("Князева", "Вера", "Владимировна")),
    ("Сапелкин Никита", ("Сапелкин", "Никита", None)),
    ("Юрий Львович", (None, "Юрий", "Львович")),
    ("Петров-Водкин Кузьма Сергеевич", ("Петров-Водкин", "Кузьма", "Сергеевич")),
])
def test_names_are_read_surname_first_as_the_extractor_writes_them(name, parts):
    assert parse_name(name) == PersonName(*parts)


@pytest.mark.parametrize("a, b, same", [
    ("Князева Вера Владимировна", "Князева В. В.", True),
    ("Князева Вера Владимировна", "КНЯЗЕВА Вера", True),
    ("Королёв Сергей Павлович", "Королев С. П.", True),
    ("Иванов Пётр Сергеевич", "Иванова Елена Петровна", False),   # gender forms are two people
    ("Иванов Пётр", "Иванова П.", False),
    ("Князева Вера Владимировна", "Князева Наталья", False),
    ("Князева В. В.", "Князева Н. В.", False),
    ("Князева Вера Владимировна", "Князева Вера Викторовна", False),
    ("Юрий Львович", "Юрий Львович", True),
    ("Юрий Львович", "Гаврилов Юрий Львович", False),   # no surname: only the very same name
])
def test_same_name_rules(a, b, same):
    assert same_name(parse_name(a), parse_name(b)) is same


@pytest.mark.parametrize("position, organisations", [
    ("президент Ассоциации, директор Инженерно-технологической школы № 777 Санкт-Петербурга",
     ["Инженерно-технологической школы № 777 Санкт-Петербурга"]),
    ('заместитель директора по УВР МАОУ "Гимназия города Юрги" Кемеровской области-Кузбасс',
     ['МАОУ "Гимназия города Юрги" Кемеровской области-Кузбасс']),
    ("директор МБОУ СОШ №14, г.Прокопьевск", ["МБОУ СОШ №14, г.Прокопьевск"]),
    ("ректор СПбГУ", ["СПбГУ"]),
    ("Почётный работник общего образования РФ", []),
    ("капитан команды «Флагман»", []),
    ("учитель физики", []),
    ("воспитатель нашего детского сада", []),
    ("заместитель президента Консорциума, председатель комиссии", []),
    (None, []),
])
def test_organisations_named_in_a_position(position, organisations):
    assert position_organisations(position) == organisations


def test_initials_then_the_full_name_are_one_person_named_in_full():
    r = PersonResolver()
    first = r.resolve("Князева В.В.")
    assert r.resolve("Князева Вера Владимировна", ["ГБОУ «ИТШ № 777»"]) == first
    assert r.entries[first].name == "Князева Вера Владимировна"
    assert r.entries[first].parts == PersonName("Князева", "Вера", "Владимировна")
    assert r.resolve("Князева В. В.", ["Инженерно-технологическая школа № 777"]) == first
    assert r.entries[first].name == "Князева Вера Владимировна"


def test_namesakes_of_two_schools_stay_two_and_an_ambiguous_mention_joins_neither():
    r = PersonResolver()
    a = r.resolve("Иванова Елена Петровна", ["МАОУ «Лицей № 5» г. Томска"])
    b = r.resolve("Иванова Елена Петровна", ["МБОУ «Гимназия № 2» г. Раменское"])
    assert a != b
    assert r.resolve("Иванова Елена Петровна", ["Лицей №5 г.Томск"]) == a
    assert r.match("Иванова Е. П.", ["гимназия № 2 г. Раменское"]) == b   # the organisation decides
    assert r.match("Иванова Е. П.") is None                               # two people fit: neither
    c = r.resolve("Иванова Е. П.")
    assert c not in (a, b)
    assert r.match("Иванова Е. П.") == c   # the identical name decides among the three


def test_the_organisation_resolver_joins_two_spellings_the_signatures_cannot():
    short = "СПбГЭТУ «ЛЭТИ» им. В.И. Ульянова (Ленина)"
    full = "Санкт-Петербургский государственный электротехнический университет «ЛЭТИ» им. В.И. Ульянова (Ленина)"
    orgs = Resolver()
    orgs.add(short, aliases=[full])
    positions = [position_organisations("декан факультета СПбГЭТУ «ЛЭТИ» им. В.И. Ульянова (Ленина)"),
                 position_organisations("профессор Санкт-Петербургского государственного электротехнического "
                                        "университета «ЛЭТИ»")]
    assert not same_organisation(org_signature(positions[0][0]), org_signature(positions[1][0]))
    r = PersonResolver(orgs)
    first = r.resolve("Боронахин Александр Михайлович", positions[0])
    assert r.resolve("Боронахин Александр Михайлович", positions[1]) == first
    assert PersonResolver().resolve("Боронахин Александр Михайлович", positions[1]) == 1
    unaided = PersonResolver()
    unaided.resolve("Боронахин Александр Михайлович", positions[0])
    assert unaided.resolve("Боронахин Александр Михайлович", positions[1]) == 2
