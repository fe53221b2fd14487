"""A division and the one above it, one of them damaged by OCR: the other, found whole, vouches for it.

An address names a place and then one of its own divisions ("강원도 철원", "평안남도 안주시", "울산
남구"). OCR that damages the division by one jamo ("강원도 철워", "안주새", "님구"), sets its suffix apart
("대구 달서 규") or splits the place above it into syllables ("대 구 달서구", "신의 주싀 남민동") leaves a
near miss no gazetteer rule takes alone, since a word one jamo off a two-syllable name is anything. Right
next to its parent, or its child, it is that division: only the divisions of that one place are tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from relay.detect.document import Doc, Span, hangul_only
from relay.detect.morph import analyse
from relay.detect.normalize import jamo
from relay.detect.rules import Rules
from relay.detect.words import Evidence, evidence, strip_particles
from relay.model import Finding, Kind

# The last syllable of a division's name that says what it is (안주시, 달서구, 철원군).
_SUFFIXES = frozenset("도시군구읍면동리")
_MIN_FORM = 2  # syllables of a spelling tried: 남구, 철원
_MAX_FORM = 6
_MAX_DAMAGE = 1  # jamo
# Kiwi's readings of a word it does not know as an everyday one: a near miss read as a known word
# ("서울 중고", "서울 가서") is that word.
_UNKNOWN = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)


@dataclass(frozen=True)
class _Family:
    """The gazetteer's divisions by spelling (a name or an alias: 대구 for 대구광역시), the Hangul
    spellings of each division's own divisions, and the divisions above each such spelling."""

    names: Mapping[str, frozenset[str]]
    children: Mapping[str, frozenset[str]]
    parents: Mapping[str, frozenset[str]]


@lru_cache(maxsize=8)
def _family(rules: Rules) -> _Family:
    names: dict[str, set[str]] = {}
    children: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for p in rules.gazetteers.places:
        for spelling in (p.name, *p.aliases):
            if hangul_only(spelling):
                names.setdefault(spelling, set()).add(p.name)
        forms = {s for s in (p.name, *p.aliases) if hangul_only(s) and _MIN_FORM <= len(s) <= _MAX_FORM}
        for parent in (p.parent, *p.other_parents):
            if parent:
                children.setdefault(parent, set()).update(forms)
                for form in forms:
                    parents.setdefault(form, set()).add(parent)
    return _Family(
        {k: frozenset(v) for k, v in names.items()},
        {k: frozenset(v) for k, v in children.items()},
        {k: frozenset(v) for k, v in parents.items()},
    )


def _one_off(word: str, form: str) -> bool:
    return (
        word != form
        and len(word) == len(form)
        and Levenshtein.distance(jamo(word), jamo(form)) <= _MAX_DAMAGE
    )


def _suffix_damaged(word: str, form: str) -> bool:
    """Only the suffix OCR damaged, the stem of two syllables or more whole (안주새 for 안주시)."""
    return len(form) >= 3 and form[-1] in _SUFFIXES and word[:-1] == form[:-1] and _one_off(word, form)


def _next_words(doc: Doc, end: int) -> list[Span]:
    """The word right after spaced ``end`` (across one space) and the one after that."""
    i = doc.word_index(end)
    out = doc.words[i : i + 2]
    if not out or out[0].start != end + 1 or doc.text[end : end + 1] != " ":
        return []
    if len(out) == 2 and out[1].start != out[0].end + 1:
        out = out[:1]
    return list(out)


def _known(doc: Doc, word: str) -> bool:
    """``word`` is a gazetteer spelling of its own (found by the other rules, not a near miss)."""
    return word in _family(doc.rules).names


def _damaged_children(doc: Doc, spans: list[tuple[int, int]], conf: float) -> Iterable[Finding | None]:
    """The division right after a place found, one of that place's own: OCR damaged its suffix alone
    ("안주새", "달서 규"), or one jamo anywhere in a word Kiwi does not know ("철워", "님구")."""
    family = _family(doc.rules)
    for start, end in spans:
        forms: set[str] = set()
        for name in family.names.get(doc.text[start:end], ()):
            forms |= family.children.get(name, frozenset())
        if not forms:
            continue
        words = _next_words(doc, end)
        if not words:
            continue
        first = words[0]
        core = strip_particles(first.text, doc)[0]
        if hangul_only(core) and not _known(doc, core):
            ev = evidence(doc, first.start, first.start + len(core))
            for form in forms:
                if _suffix_damaged(core, form) or (_one_off(core, form) and ev in _UNKNOWN):
                    yield doc.finding(
                        Kind.PLACE, first.start, first.start + len(core), conf, "place.damaged_child"
                    )
                    break
        if len(words) == 2 and len(first.text) <= 2:
            # "달서 규": the suffix set apart, and damaged
            joined = first.text + strip_particles(words[1].text, doc)[0]
            if not _known(doc, joined) and any(_suffix_damaged(joined, form) for form in forms):
                cut = len(joined) - len(first.text)
                yield doc.finding(Kind.PLACE, first.start, words[1].start + cut, conf, "place.damaged_child")


def _split_parents(doc: Doc, spans: list[tuple[int, int]], conf: float) -> Iterable[Finding | None]:
    """The place above a division found, OCR having split it into pieces before it ("대 구 달서구",
    "신의 주싀 남민동"): the pieces joined are a spelling of the division's parent, or one jamo off one
    of three syllables or more."""
    family = _family(doc.rules)
    for start, end in spans:
        parents = family.parents.get(doc.text[start:end].replace(" ", ""), frozenset())
        if not parents:
            continue
        i = doc.word_index(start)
        if i < 2 or i >= len(doc.words) or doc.words[i].start != start:
            continue
        a, b = doc.words[i - 2], doc.words[i - 1]
        if b.end + 1 != start or a.end + 1 != b.start or len(a.text) + len(b.text) > _MAX_FORM:
            continue
        joined = a.text + b.text
        if _known(doc, a.text) or _known(doc, b.text):
            continue
        for spelling in _spellings(doc.rules, parents):
            if joined == spelling or (len(spelling) >= 3 and _one_off(joined, spelling)):
                yield doc.finding(Kind.PLACE, a.start, b.end, conf, "place.split_parent")
                break


@lru_cache(maxsize=1 << 10)
def _spellings(rules: Rules, parents: frozenset[str]) -> tuple[str, ...]:
    """The spellings of ``parents`` (대구광역시: 대구, 대구시, 대구광역시)."""
    names = _family(rules).names
    return tuple(s for s, ns in names.items() if ns & parents and len(s) >= _MIN_FORM)


# A village after the town it lies in, its name OCR or the writer split ("청호동 아바 이마을", "아바이
# 마 을"), a particle after it or nothing.
_VILLAGE_AFTER = re.compile(
    r" ([가-힣](?: ?[가-힣]){1,3}) ?마 ?을"
    r"(?=[ ,.]|$|(?:에서|에|의|은|는|이|가|을|를|로|으로|도)(?![가-힣]))"
)
_MIN_VILLAGE = 2  # syllables of its name: "옆 마을" is the next village


def _villages_after(doc: Doc, spans: list[tuple[int, int]]) -> Iterable[Finding | None]:
    """A named village right after its town or quarter: a name of two to four syllables, spaced or not,
    that is no word saying whose or which (우리 마을) nor an everyday noun (시골 마을)."""
    pc = doc.rules.config.places
    for end in sorted({end for _, end in spans}):
        m = _VILLAGE_AFTER.match(doc.text, end)
        if m is None:
            continue
        stem = m.group(1).replace(" ", "")
        if (
            len(stem) < _MIN_VILLAGE
            or stem in pc.unknown_stem_stop
            or stem in doc.rules.config.names.stop_words
        ):
            continue
        if m.group(1).split(" ")[0] in pc.unknown_stem_stop or _everyday(stem):
            continue
        yield doc.finding(Kind.PLACE, m.start(1), m.end(), pc.confidence_unknown, "place.village_after")


def _everyday(word: str) -> bool:
    """Kiwi reads ``word`` alone as everyday words it knows (시골, 작은, 산골)."""
    morphs = analyse(word)
    return bool(morphs) and all(not m.oov and not m.tag.startswith("NNP") for m in morphs)


def find_kin_places(doc: Doc, places: list[Finding]) -> list[Finding]:
    """Damaged divisions right after their parent, split parents right before their division, and the
    villages of a town named after it."""
    # The places found, in the spaced view all three read, worked out once.
    spans = [doc.spaced_range(f.start, f.end) for f in places if f.kind is Kind.PLACE]
    conf = doc.rules.config.severity.redact_min - 0.05
    found = [
        *_damaged_children(doc, spans, conf),
        *_split_parents(doc, spans, conf),
        *_villages_after(doc, spans),
    ]
    return [f for f in found if f is not None]
