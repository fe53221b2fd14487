"""Templates with slots, filled from a writer's persona, into labelled pieces of text.

Template syntax (``data/letter.toml``, ``data/benign.toml``):

- ``{slot}`` — an identifying detail (``{me}``, ``{home}``, ``{my_phone}`` …; see :data:`SLOTS`);
- ``{이/가}`` — a particle: the first form after a final consonant, the second after a vowel;
- ``[text]`` — literal text labelled as a risky topic (border crossing, brokers, money, capture).

A letter keeps one :class:`Persona`, so the writer's name, home town and phone number stay the same from
the introduction to the signature, as in a real letter.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from relay.model import Kind
from relay.samples import details as d
from relay.samples import vocab
from relay.samples.hangul import particle

Piece = tuple[str, Kind | None]
_TOKEN = re.compile(r"\{([^{}]+)\}|\[([^\[\]]+)\]")


@dataclass(frozen=True)
class Person:
    """A named person: surname and given name kept apart, so a letter can use the given name alone."""

    family: str
    given: str
    female: bool


@dataclass(frozen=True)
class Persona:
    """Everything a letter writer may reveal about themselves and their family."""

    me: Person
    north_spelling: bool
    birth_year: int
    province: str
    city: str
    village: str
    unit: str
    sk_city: str
    sk_district: str
    mother: Person
    father: Person
    sibling: Person
    friend: Person
    recipient: str
    phone: str
    left_year: int
    service_number: str
    school: str
    workplace: str
    sk_org: str


def make_person(
    rng: random.Random, north: bool, female: bool | None = None, family: str | None = None
) -> Person:
    """A new person with a compositional name."""
    is_female = rng.random() < 0.5 if female is None else female
    return Person(family or d.surname(rng, north), d.given_name(rng, is_female), is_female)


def make_persona(rng: random.Random) -> Persona:
    """A writer: a defector now in the South, with a northern home, a family and perhaps a unit."""
    north = rng.random() < 0.6
    me = make_person(rng, north)
    father = make_person(rng, north, female=False, family=me.family)
    province, city = d.north_home(rng)
    sk_city, sk_district = d.south_city(rng)
    birth_year = rng.randint(1965, 2003)
    return Persona(
        me=me,
        north_spelling=north,
        birth_year=birth_year,
        province=province,
        city=city,
        village=d.village(rng),
        unit=d.unit(rng),
        sk_city=sk_city,
        sk_district=sk_district,
        mother=make_person(rng, north, female=True),
        father=father,
        sibling=make_person(rng, north, family=me.family),
        friend=make_person(rng, north),
        recipient=d.given_name(rng, female=False),
        phone=d.phone(rng, "sk"),
        left_year=rng.randint(max(birth_year + 16, 2000), 2024),
        service_number=d.service_number(rng),
        school=d.north_school(rng, city),
        workplace=d.north_workplace(rng, city),
        sk_org=d.south_org(rng, sk_district),
    )


def _name(p: Person, rng: random.Random) -> str:
    return d.full_name(p.family, p.given, rng)


def _kin_named(persona: Persona, rng: random.Random) -> tuple[Piece, ...]:
    """A relative or comrade with a name: 큰아버지 리철호, 철호 삼촌, 리철호 동무."""
    names = vocab.names()
    person = make_person(rng, persona.north_spelling)
    roll = rng.random()
    if roll < 0.5:
        return ((rng.choice(names.kin_before) + " ", None), (_name(person, rng), Kind.PERSON))
    if roll < 0.8:
        return ((person.given, Kind.PERSON), (" " + rng.choice(names.kin_after), None))
    return ((_name(person, rng), Kind.PERSON), (" " + rng.choice(names.kin_after), None))


def _messenger(p: Persona, rng: random.Random) -> tuple[Piece, ...]:
    app, ident = d.messenger(rng, p.me.family, p.me.given)
    return ((f"{app} {rng.choice(('아이디 ', 'ID ', '', '아이디는 '))}", None), (ident, Kind.MESSENGER))


def _recent(rng: random.Random) -> int:
    return rng.randint(2012, 2025)


Slot = Callable[[Persona, random.Random], tuple[Piece, ...]]


def _one(kind: Kind | None, make: Callable[[Persona, random.Random], str]) -> Slot:
    return lambda p, rng: ((make(p, rng), kind),)


P, PL, A, U, PH, DT, ID, EM, UR, ORG = (
    Kind.PERSON,
    Kind.PLACE,
    Kind.ADDRESS,
    Kind.UNIT,
    Kind.PHONE,
    Kind.DATE,
    Kind.ID_NUMBER,
    Kind.EMAIL,
    Kind.URL,
    Kind.ORG,
)

# Every slot a template may use, with the kind its text is labelled as (None: not identifying).
SLOTS: dict[str, tuple[Kind | None, Slot]] = {
    "me": (P, _one(P, lambda p, r: _name(p.me, r))),
    "me_given": (P, _one(P, lambda p, r: p.me.given)),
    "mother": (P, _one(P, lambda p, r: _name(p.mother, r))),
    "father": (P, _one(P, lambda p, r: _name(p.father, r))),
    "father_given": (P, _one(P, lambda p, r: p.father.given)),
    "sibling": (P, _one(P, lambda p, r: _name(p.sibling, r))),
    "sibling_given": (P, _one(P, lambda p, r: p.sibling.given)),
    "friend": (P, _one(P, lambda p, r: _name(p.friend, r))),
    "friend_given": (P, _one(P, lambda p, r: p.friend.given)),
    "you": (P, _one(P, lambda p, r: p.recipient)),
    "name": (P, _one(P, lambda p, r: _name(make_person(r, p.north_spelling), r))),
    "given": (P, _one(P, lambda p, r: d.given_name(r, r.random() < 0.5))),
    "kin_named": (P, lambda p, r: _kin_named(p, r)),
    "home": (PL, _one(PL, lambda p, r: d.north_place(r, p.province, p.city))),
    "home_province": (PL, _one(PL, lambda p, r: r.choice((p.province, d.province_short(p.province))))),
    "home_village": (PL, _one(PL, lambda p, r: p.village)),
    "nk_city": (PL, _one(PL, lambda p, r: d.north_place(r, *d.north_home(r)))),
    "nk_village": (PL, _one(PL, lambda p, r: d.village(r))),
    "sk_city": (PL, _one(PL, lambda p, r: d.south_place(r, p.sk_city, p.sk_district))),
    "sk_place": (PL, _one(PL, lambda p, r: d.south_place(r, *d.south_city(r)))),
    "landmark_n": (PL, _one(PL, lambda p, r: r.choice(vocab.places().landmarks_north))),
    "landmark_s": (PL, _one(PL, lambda p, r: r.choice(vocab.places().landmarks_south))),
    "abroad": (PL, _one(PL, lambda p, r: r.choice(vocab.places().abroad))),
    "home_address": (A, _one(A, lambda p, r: d.north_address(r, p.province, p.city))),
    "my_address": (A, _one(A, lambda p, r: d.south_address(r, p.sk_city, p.sk_district))),
    "my_unit": (U, _one(U, lambda p, r: p.unit)),
    "unit": (U, _one(U, lambda p, r: d.unit(r))),
    "my_phone": (PH, _one(PH, lambda p, r: p.phone)),
    "phone_nk": (PH, _one(PH, lambda p, r: d.phone(r, "nk"))),
    "phone_cn": (PH, _one(PH, lambda p, r: d.phone(r, "cn"))),
    "phone_intl": (PH, _one(PH, lambda p, r: d.phone(r, r.choice(("xx", "sk", "cn"))))),
    "my_birth": (DT, _one(DT, lambda p, r: d.date(r, p.birth_year))),
    "sibling_birth": (DT, _one(DT, lambda p, r: d.date(r, p.birth_year + r.randint(2, 12)))),
    "date": (DT, _one(DT, lambda p, r: d.date(r, _recent(r)))),
    "left_month": (DT, _one(DT, lambda p, r: d.month(r, p.left_year))),
    "my_rrn": (ID, _one(ID, lambda p, r: d.resident_number(r, p.birth_year))),
    "my_service_no": (ID, _one(ID, lambda p, r: p.service_number)),
    "citizen_no": (ID, _one(ID, lambda p, r: d.citizen_number(r))),
    "my_email": (EM, _one(EM, lambda p, r: d.email(r, p.me.family, p.me.given))),
    "my_url": (UR, _one(UR, lambda p, r: d.url(r, p.me.family, p.me.given))),
    "my_messenger": (Kind.MESSENGER, lambda p, r: _messenger(p, r)),
    "home_school": (ORG, _one(ORG, lambda p, r: p.school)),
    "home_work": (ORG, _one(ORG, lambda p, r: p.workplace)),
    "nk_org": (ORG, _one(ORG, lambda p, r: d.north_workplace(r, d.north_home(r)[1]))),
    "my_org": (ORG, _one(ORG, lambda p, r: p.sk_org)),
    "sk_org": (ORG, _one(ORG, lambda p, r: d.south_org(r, p.sk_district))),
    # Not identifying: counts and forms of address that make sentences read naturally.
    "n": (None, _one(None, lambda p, r: str(r.randint(2, 9)))),
    "years": (None, _one(None, lambda p, r: r.choice(("삼", "사", "오", "여섯", "칠", "십", "몇")))),
    "elder": (None, _one(None, lambda p, r: "누나" if p.me.female else "형")),
}


def fill(template: str, persona: Persona, rng: random.Random) -> tuple[Piece, ...]:
    """The template with every slot, particle and topic mark resolved, as labelled pieces."""
    pieces: list[Piece] = []
    text_so_far = ""
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            pieces.append((template[pos : m.start()], None))
        slot, topic = m.group(1), m.group(2)
        if topic is not None:
            if "{" in topic:
                raise ValueError(f"slots cannot sit inside a topic mark: {template!r}")
            pieces.append((topic, Kind.TOPIC))
        elif "/" in slot:
            after_consonant, after_vowel = slot.split("/", 1)
            pieces.append((particle(text_so_far, after_consonant, after_vowel), None))
        else:
            if slot not in SLOTS:
                raise KeyError(f"unknown slot {{{slot}}} in template {template!r}")
            pieces.extend(SLOTS[slot][1](persona, rng))
        text_so_far = "".join(t for t, _ in pieces)
        pos = m.end()
    if pos < len(template):
        pieces.append((template[pos:], None))
    return tuple(p for p in pieces if p[0])


@cache
def template_kinds(template: str) -> frozenset[Kind]:
    """The kinds a template's text will be labelled with once filled."""
    kinds: set[Kind] = set()
    for m in _TOKEN.finditer(template):
        if m.group(2) is not None:
            kinds.add(Kind.TOPIC)
        elif "/" not in m.group(1):
            kind = SLOTS[m.group(1)][0]
            if kind is not None:
                kinds.add(kind)
    return frozenset(kinds)
