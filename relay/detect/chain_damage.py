"""Places of a chain that OCR damaged by one jamo, right next to a division of theirs found whole: the
city before its district ("울샌 동구" for 울산 동구, glued too: "대군수성구"), the city or quarter after
its province or district ("자강도 강곈시", "노원구 중계도"). Alone such a near miss is too often an
everyday word to be called a place; the gazetteer's own hierarchy next to it vouches for it, since an
everyday word one jamo from a city's name hardly stands right before that city's district. (The kin
places' damaged children are the word after a place when Kiwi does not know it or only its suffix is
damaged; here any word one jamo off a descendant's full name, which Kiwi may read as words: 강곈시.)

Likewise a city named by a stem that is also an everyday word (안주 "snacks with drink", 구성
"structure"), right after its own province however the province is spaced ("평안 남도 안주래요"), and a
division glued to one of its own descendants anywhere inside a word, whatever OCR glued before it
("그리고황북은파까지"): a province's name and one of its counties meeting inside everyday words by
chance is too unlikely to matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from rapidfuzz.distance import Levenshtein

from relay.detect.document import Doc, Span, hangul_only
from relay.detect.morph import analyse
from relay.detect.normalize import jamo
from relay.detect.rules import Rules
from relay.model import Finding, Kind

# Gazetteer files whose rows form the hierarchy (landmarks have a region, not a parent division).
_HIERARCHY = frozenset({"nk_places", "sk_places", "foreign_places"})
_MIN_CHILD = 3  # syllables of a child's full name (강계시, 중계동): two-syllable ones are everyday words
_MIN_SPELLING = 2  # syllables of a parent's spelling compared (울산, 대구)
_MAX_DAMAGE = 1  # jamo: one stroke lost or added; two would reach other words
_GAP = re.compile(r"[ \n]{1,2}")


@dataclass(frozen=True, slots=True)
class _Family:
    names: Mapping[str, frozenset[str]]  # a Hangul name or alias -> the entries it names
    up: Mapping[str, frozenset[str]]  # an entry -> its parents and grandparents
    down: Mapping[str, tuple[str, ...]]  # an entry -> its children and grandchildren, by full name
    spellings: Mapping[str, tuple[str, ...]]  # an entry -> its Hangul name and aliases
    stems: Mapping[str, tuple[str, ...]]  # an entry -> its descendants' stems (안주시 -> 안주), longest first
    longest: int  # the longest name or alias in ``names``


def _grow(table: dict[str, set[str]], key: str, value: str) -> None:
    table.setdefault(key, set()).add(value)


@lru_cache(maxsize=8)
def _family(rules: Rules) -> _Family:
    """The gazetteer's divisions as a family tree, two generations each way."""
    rows = [p for p in rules.gazetteers.places if p.source in _HIERARCHY]
    names: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    for p in rows:
        spelled = tuple(s for s in (p.name, *p.aliases) if len(s) >= _MIN_SPELLING and hangul_only(s))
        spellings[p.name] = spelled
        for s in spelled:
            _grow(names, s, p.name)
        for parent in (p.parent, *p.other_parents):
            if parent:
                _grow(parents, p.name, parent)
    up: dict[str, set[str]] = {}
    down: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    stemmed = _stems(rules)
    for name, direct in parents.items():
        for parent in direct:
            for elder in (parent, *parents.get(parent, ())):
                _grow(up, name, elder)
                if len(name) >= _MIN_CHILD and hangul_only(name):
                    _grow(down, elder, name)
                if name in stemmed:
                    _grow(stems, elder, stemmed[name])
    return _Family(
        MappingProxyType({k: frozenset(v) for k, v in names.items()}),
        MappingProxyType({k: frozenset(v) for k, v in up.items()}),
        MappingProxyType({k: tuple(sorted(v)) for k, v in down.items()}),
        MappingProxyType(spellings),
        MappingProxyType({k: tuple(sorted(v, key=len, reverse=True)) for k, v in stems.items()}),
        max(map(len, names), default=0),
    )


def _stems(rules: Rules) -> dict[str, str]:
    """The stem of each division of a level named by its stem (안주시 -> 안주, 구성시 -> 구성)."""
    pc = rules.config.places
    suffixes = sorted(pc.admin_suffixes, key=len, reverse=True)
    out = {}
    for p in rules.gazetteers.places:
        if p.source not in _HIERARCHY or p.level not in pc.stem_levels or not hangul_only(p.name):
            continue
        suffix = next((x for x in suffixes if p.name.endswith(x)), "")
        if suffix and len(p.name) - len(suffix) >= _MIN_SPELLING:
            out[p.name] = p.name[: -len(suffix)]
    return out


def _near(piece: str, name: str) -> bool:
    """``piece`` is ``name`` with one jamo changed, lost or added, syllable for syllable."""
    if len(piece) != len(name) or piece == name:
        return False
    return Levenshtein.distance(jamo(piece), jamo(name)) <= _MAX_DAMAGE


def _word_after(doc: Doc, end: int) -> Span | None:
    """The whole word that starts right after the gap at spaced ``end``."""
    gap = _GAP.match(doc.text, end)
    if gap is None:
        return None
    word = doc.word_at(gap.end())
    return word if word is not None and word.start == gap.end() else None


def _child_after(doc: Doc, end: int, entries: frozenset[str], family: _Family) -> tuple[int, int] | None:
    """The span of a damaged child of ``entries`` in the word right after spaced ``end``."""
    word = _word_after(doc, end)
    if word is None:
        return None
    for entry in entries:
        for child in family.down.get(entry, ()):
            if _near(word.text[: len(child)], child):
                return word.start, word.start + len(child)
    return None


def _word_before(doc: Doc, start: int) -> Span | None:
    """The Hangul run glued before spaced ``start`` inside its word, or the whole word one space or line
    break before it."""
    word = doc.word_at(start)
    if word is not None and word.start < start:
        return Span(word.start, start, doc.text[word.start : start])
    for back in (1, 2):
        if start - back < 1 or doc.text[start - back : start].strip(" \n"):
            break
        before = doc.word_at(start - back - 1)
        if before is not None and before.end == start - back:
            return before
    return None


def _parent_before(doc: Doc, start: int, entries: frozenset[str], family: _Family) -> Span | None:
    """The damaged city or province of ``entries`` right before spaced ``start``."""
    before = _word_before(doc, start)
    if before is None:
        return None
    for entry in entries:
        for elder in family.up.get(entry, ()):
            if any(_near(before.text, s) for s in family.spellings.get(elder, ())):
                return before
    return None


def _stem_after(
    doc: Doc, end: int, entries: frozenset[str], family: _Family, tail_ok: Callable[[Doc, int], bool]
) -> tuple[int, int] | None:
    """The span of a descendant of ``entries`` named by its stem in the word right after spaced ``end``,
    a particle or nothing after the stem (``tail_ok``)."""
    word = _word_after(doc, end)
    if word is None:
        return None
    for entry in entries:
        for stem in family.stems.get(entry, ()):
            if word.text.startswith(stem) and tail_ok(doc, word.start + len(stem)):
                return word.start, word.start + len(stem)
    return None


def find_stem_children(
    doc: Doc, places: list[Finding], tail_ok: Callable[[Doc, int], bool]
) -> Iterable[Finding | None]:
    """A city or county by its stem right after its province or city found (see the module)."""
    family = _family(doc.rules)
    conf = doc.rules.config.places.confidence_stem
    for f in places:
        if f.kind is not Kind.PLACE or f.end <= f.start:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        entries = family.names.get(doc.text[start:end].replace(" ", "").replace("\n", ""))
        child = _stem_after(doc, end, entries, family, tail_ok) if entries else None
        if child is not None:
            yield doc.finding(Kind.PLACE, child[0], child[1], conf, "place.stem_after_parent")


def find_glued_kin(doc: Doc) -> Iterable[Finding | None]:
    """A division's name or alias glued to the name or stem of one of its descendants, anywhere in a
    word (see the module): both are places, the first such pair of each word."""
    family = _family(doc.rules)
    conf = doc.rules.config.places.confidence_stem
    for word in doc.words:
        pair = _glued_pair(word.text, family)
        if pair is not None:
            start, middle, end = (word.start + i for i in pair)
            yield doc.finding(Kind.PLACE, start, middle, conf, "place.glued_kin")
            yield doc.finding(Kind.PLACE, middle, end, conf, "place.glued_kin")


def _glued_pair(text: str, family: _Family) -> tuple[int, int, int] | None:
    """(start, middle, end) in ``text`` of the first division glued to a descendant, longest first."""
    for at in range(len(text) - 2 * _MIN_SPELLING + 1):
        for n in range(min(family.longest, len(text) - at - _MIN_SPELLING), _MIN_SPELLING - 1, -1):
            entries = family.names.get(text[at : at + n])
            child = _kin_at(text, at + n, entries, family) if entries else 0
            if child:
                return at, at + n, at + n + child
    return None


def _kin_at(text: str, at: int, entries: frozenset[str], family: _Family) -> int:
    """The length of the longest descendant of ``entries`` named, in full or by its stem, at ``at``."""
    return max(
        (
            len(name)
            for entry in entries
            for name in (*family.down.get(entry, ()), *family.stems.get(entry, ()))
            if text.startswith(name, at)
        ),
        default=0,
    )


def find_damaged_kin(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """Near misses of a found place's parent before it or of its child after it (see the module)."""
    family = _family(doc.rules)
    conf = doc.rules.config.severity.redact_min - 0.05
    for f in places:
        if f.kind is not Kind.PLACE or f.end <= f.start:
            continue
        start, end = doc.spaced_range(f.start, f.end)
        entries = family.names.get(doc.text[start:end].replace(" ", "").replace("\n", ""))
        if not entries:
            continue
        child = _child_after(doc, end, entries, family)
        if child is not None:
            yield doc.finding(Kind.PLACE, child[0], child[1], conf, "place.damaged_descendant")
        parent = _parent_before(doc, start, entries, family)
        if parent is not None:
            yield doc.finding(Kind.PLACE, parent.start, parent.end, conf, "place.damaged_parent_stem")


# The smallest divisions a chain ends in, and the particles a chain's last word may take.
_SMALL_SUFFIXES = ("동", "리", "읍", "면")
_CHAIN_PARTICLES = ("에서", "에는", "으로", "에", "의", "은", "는", "이", "가", "로", "도", "까지")
_MAX_RESPACED = 16  # characters looked at after a place: a division's name and a particle, spaces moved
_MAX_STEPS = 2  # divisions taken after a place in a row (천안 + 서북구 + 성정동)


def _letters_after(text: str, end: int) -> list[int]:
    """Offsets of the Hangul letters after ``end`` up to the end of the next two chunks, over the spaces
    and line breaks OCR moved (one at a time)."""
    out: list[int] = []
    gaps = 0
    for i in range(end, min(len(text), end + _MAX_RESPACED)):
        ch = text[i]
        if ch in " \n":
            if i > end and text[i - 1] in " \n":
                break
            gaps += 1
            if gaps > 2:
                break
            continue
        if not hangul_only(ch):
            break
        out.append(i)
    return out


def _ends_chain(text: str, letters: list[int], n: int) -> bool:
    """The division ending at letter ``n`` of ``letters`` is followed by a particle or nothing."""
    if n == len(letters) or letters[n] != letters[n - 1] + 1:
        return True  # a space or the end after it
    rest = "".join(text[i] for i in letters[n:])
    return any(
        rest.startswith(p) and (len(rest) == len(p) or letters[n + len(p)] != letters[n + len(p) - 1] + 1)
        for p in _CHAIN_PARTICLES
        if len(rest) >= len(p)
    )


def _division_in(doc: Doc, letters: list[int]) -> int:
    """How many of ``letters`` make the next division of a chain: a gazetteer division by its full name
    (서북구, 성정동), or a stem of two or three syllables and a small division's suffix that Kiwi reads
    as a name (구래동); 0 if none."""
    text = doc.text
    joined = "".join(text[i] for i in letters)
    exact = doc.rules.lexicon.exact
    pc = doc.rules.config.places
    for n in range(min(len(joined), 6), 2, -1):
        piece = joined[:n]
        known = any(e.kind is Kind.PLACE and not e.weak for e in exact.get(piece, ()))
        if known and piece.endswith(tuple(pc.admin_suffixes)) and _ends_chain(text, letters, n):
            return n
    for n in (3, 4):
        piece = joined[:n]
        stem = piece[:-1]
        if len(piece) < n or not piece.endswith(_SMALL_SUFFIXES) or not _ends_chain(text, letters, n):
            continue
        if stem in pc.unknown_stem_stop or stem in pc.suffix_stop.get(piece[-1], ()):
            continue
        if not _read_as_name(piece) or _everyday_last_chunk(letters[:n], text):
            continue
        return n
    return 0


def _everyday_last_chunk(letters: list[int], text: str) -> bool:
    """The piece's letters after its last space are an everyday noun alone ("대동 다리", "앞 마을"): two
    words, not one name OCR split."""
    cut = max((k for k in range(1, len(letters)) if letters[k] != letters[k - 1] + 1), default=0)
    chunk = "".join(text[i] for i in letters[cut:])
    if cut == 0 or len(chunk) < 2:
        return False
    morphs = analyse(chunk)
    return len(morphs) == 1 and morphs[0].tag == "NNG" and not morphs[0].oov


# Kiwi's tags of a phrase rather than a name: verbs, adjectives, endings, particles, determiners.
_PHRASE_TAGS = ("V", "E", "J", "M", "X")


def _read_as_name(piece: str) -> bool:
    """Kiwi reads ``piece`` (구래동) as one proper noun, or as nouns with one it does not know; not as a
    phrase ("사는 동", "모든 동") nor one everyday noun (운동, 노동)."""
    morphs = analyse(piece)
    if len(morphs) == 1:
        return morphs[0].tag == "NNP" or morphs[0].oov
    return any(m.oov for m in morphs) and not any(m.tag.startswith(_PHRASE_TAGS) for m in morphs)


def find_respaced_chain(doc: Doc, places: list[Finding]) -> Iterable[Finding | None]:
    """The next divisions of a chain after a place found, when OCR moved the spaces inside them
    ("김포시구래 동에", "천안 서북구성정 동 에"): the letters after the place, spaces left out, start
    with a division's name or a stem and a small division's suffix. Only where a space was moved: a
    division written whole is the other rules' to find."""
    conf = doc.rules.config.severity.redact_min - 0.05
    text = doc.text
    found = [(f.start, f.end) for f in places if f.kind is Kind.PLACE and f.end > f.start]
    # From the longest place only: a stem inside a longer name (옹진 of 옹진군) is followed by the
    # rest of that name, not by the next division.
    longest: dict[int, int] = {}
    for start, end in found:
        longest[start] = max(end, longest.get(start, end))
    for start, end in sorted(longest.items()):
        if any(s < start < e and e > end for s, e in longest.items()):
            continue  # inside another place that runs on past it
        end = doc.spaced_range(start, end)[1]
        for _ in range(_MAX_STEPS):
            letters = _letters_after(text, end)
            n = _division_in(doc, letters)
            if n == 0:
                break
            moved = letters[n - 1] - letters[0] != n - 1 or letters[0] == end
            if moved:
                yield doc.finding(Kind.PLACE, letters[0], letters[n - 1] + 1, conf, "place.respaced_chain")
            end = letters[n - 1] + 1
