"""Shops, firms, churches and hospitals in a stretch written syllable by syllable.

OCR of handwriting and careless typing split a whole sentence into syllables ("대 구 새 터 교 회 에 서",
"월 성 카 센 터 를 한 다"). The suffix rules of relay/detect/orgs.py read words, and no word is left:
the name and its ending are scattered over a dozen one-syllable words. Here the stretch is read again
with its spaces taken out, as Kiwi reads it (대구/NNP 새/MM 터/NNG 교회/NNG 에서/JKB …): an
organisation's ending from ``orgs.tsv`` of a kind in ``orgs.spelled_out_kinds`` (firms, shops,
churches, hospitals and the like) with the nouns right before it as its name.

A name of everyday nouns only ("시 골 교 회", "동 네 병 원") names no one; the nouns must hold a proper
noun, a word Kiwi does not know, a number or a gazetteer place (제주 한라 병원, 천안 사랑 요양원).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from relay.detect.damaged import SuffixIndex
from relay.detect.document import Doc
from relay.detect.morph import Morpheme, analyse
from relay.detect.rules import Rules
from relay.model import Finding, Kind, Severity

# A Hangul word and what follows it up to the next word: a stretch goes on over single spaces only.
_WORD = re.compile("[가-힣]+")
# Tags of the morphemes a name before the ending is made of: nouns, numbers, the prefixes and suffixes
# Kiwi cuts off a name (월/NNG 성/XSN), Latin letters, and a determiner glued into it (새/MM 터/NNG).
_STEM_TAGS = frozenset({"NNG", "NNP", "NR", "SN", "XPN", "XSN", "SL", "MM"})
# What says the name is one's own and not an everyday word: a proper noun, a number.
_NAMING_TAGS = frozenset({"NNP", "SN", "NR"})
# A stem's morpheme that only opens or joins it, never names: determiners and Kiwi's affixes.
_OPENING_ONLY = frozenset({"MM", "XSN", "XPN"})
_PLURAL = "들"
_DAMAGED_CONFIDENCE = 0.6  # an ending read through one damaged syllable: a moderator decides


@lru_cache(maxsize=8)
def _endings(rules: Rules) -> tuple[str, ...]:
    """The endings read in a spelled-out stretch, longest first (요양병원 before 병원)."""
    kinds = rules.config.orgs.spelled_out_kinds
    extra = rules.config.orgs.spelled_out_endings
    words = {s for s, kind in rules.gazetteers.org_suffixes.items() if s and kind in kinds}
    return tuple(sorted(words | set(extra), key=len, reverse=True))


# The endings that can start at a position, by the syllable there: only those are tried, not all of
# them at every position. ``_Endings.other`` is what any other syllable gets (an empty ending only).
@dataclass(frozen=True)
class _Endings:
    by_first: dict[str, tuple[str, ...]]
    other: tuple[str, ...]


@lru_cache(maxsize=8)
def _endings_by_first(rules: Rules) -> _Endings:
    """:func:`_endings` grouped by their first syllable, each group in the same order (longest first)."""
    endings = _endings(rules)
    empty = tuple(e for e in endings if not e)  # sorts last: tried after every other, as before
    groups: dict[str, list[str]] = {}
    for ending in endings:
        if ending:
            groups.setdefault(ending[0], []).append(ending)
    return _Endings({first: (*group, *empty) for first, group in groups.items()}, empty)


def _stretches(doc: Doc) -> Iterable[list[re.Match[str]]]:
    """Runs of Hangul words joined by single spaces, most of them one syllable long."""
    cfg = doc.rules.config.orgs
    run: list[re.Match[str]] = []
    for m in _WORD.finditer(doc.text):
        if run and doc.text[run[-1].end() : m.start()] != " ":
            yield from _spelled(run, cfg.spelled_out_min_words)
            run = []
        run.append(m)
    yield from _spelled(run, cfg.spelled_out_min_words)


def _spelled(run: list[re.Match[str]], min_words: int) -> Iterable[list[re.Match[str]]]:
    singles = sum(len(w.group()) == 1 for w in run)
    # Half the words or more one syllable: a line split by OCR, not a typed sentence with a few 수, 것.
    if singles >= min_words and 2 * singles >= len(run):
        yield run


def find_spelled_orgs(doc: Doc) -> Iterable[Finding | None]:
    """Organisations of the business kinds named in syllable-spaced stretches of ``doc``."""
    endings = _endings_by_first(doc.rules)
    if not endings.by_first and not endings.other:
        return
    for run in _stretches(doc):
        # The stretch without its spaces, and where each of its characters is in doc.text.
        offsets = [i for w in run for i in range(w.start(), w.end())]
        joined = "".join(w.group() for w in run)
        yield from _read(doc, joined, offsets, endings)


def _read(doc: Doc, joined: str, offsets: list[int], endings: _Endings) -> Iterable[Finding | None]:
    morphs: tuple[Morpheme, ...] | None = None  # Kiwi is asked only once an ending is found
    taken_until = -1
    exact: list[tuple[int, int]] = []
    for pos in range(len(joined)):
        if pos < taken_until:
            continue
        for ending in endings.by_first.get(joined[pos], endings.other):
            if not joined.startswith(ending, pos):
                continue
            if morphs is None:
                morphs = analyse(joined)
            span = _name_before(doc, morphs, joined, offsets, pos, pos + len(ending))
            if span is None:
                continue
            start, end, conf = span
            taken_until = end
            exact.append((start, end))
            severity = Severity.REDACT if conf >= doc.rules.config.severity.redact_min else Severity.REVIEW
            yield doc.finding(
                Kind.ORG, offsets[start], offsets[end - 1] + 1, conf, "org.spelled_out", severity=severity
            )
            break
    # Then endings with a damaged syllable, where no exact ending was read (an exact one is surer).
    taken_until = -1
    for pos in range(len(joined)):
        if pos < taken_until or any(start <= pos < end for start, end in exact):
            continue
        for n, ending in _near_endings(doc.rules, joined, pos):
            if morphs is None:
                morphs = analyse(joined)  # once a stretch: a long one is not remembered by analyse
            if not _unread_window(morphs, pos, pos + n):
                break
            repaired = joined[:pos] + ending + joined[pos + n :]
            span = _name_before(doc, analyse(repaired), repaired, offsets, pos, pos + n)
            if span is None:
                continue
            start, end, conf = span
            if not any(s < end and pos < e for s, e in exact):
                taken_until = end
                yield doc.finding(
                    Kind.ORG,
                    offsets[start],
                    offsets[end - 1] + 1,
                    min(conf, _DAMAGED_CONFIDENCE),
                    "org.spelled_out_damaged",
                    severity=Severity.REVIEW,
                )
            break


def _near_endings(rules: Rules, joined: str, pos: int) -> Iterable[tuple[int, str]]:
    """``(length, ending)`` for each window at ``pos`` that is an ending with one syllable damaged by a
    jamo ("괴회" for 교회), longest first. The stretch is then read with the ending repaired, so that Kiwi
    sees the name as it would be written; fuzzy evidence is only ever a review."""
    index = _damaged_index(rules)
    for n in index.lengths:
        ending = index.near(joined[pos : pos + n]) if pos + n <= len(joined) else ""
        if ending:
            yield n, ending


def _unread_window(morphs: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """Kiwi read ``[start, end)`` as words it does not know or as single-syllable nouns (귀 + 회), not
    as a word it knows reaching into or across it (지금 경북, 백이십 센티에요, 잘 자래이)."""
    inside = [m for m in morphs if m.start < end and m.end > start]
    return bool(inside) and all(
        m.oov or (start <= m.start and m.end <= end and m.end - m.start == 1 and m.tag.startswith("NN"))
        for m in inside
    )


@lru_cache(maxsize=8)
def _damaged_index(rules: Rules) -> SuffixIndex:
    """The spelled-out endings of two syllables or more, for damaged copies of them."""
    return SuffixIndex((e, Kind.ORG) for e in _endings(rules) if len(e) >= 2)


def _at(morphs: tuple[Morpheme, ...], pos: int) -> Morpheme | None:
    """The morpheme covering character ``pos`` of the joined stretch."""
    for m in morphs:
        if m.start <= pos < m.end:
            return m
    return None


def _name_before(
    doc: Doc, morphs: tuple[Morpheme, ...], joined: str, offsets: list[int], start: int, end: int
) -> tuple[int, int, float] | None:
    """``(stem start, end, confidence)`` of the organisation whose ending is ``joined[start:end]``, or
    None when the ending is the inside of another word or no name stands before it."""
    last = _at(morphs, end - 1)
    if last is None or (last.end != end and not last.oov):
        return None  # the ending is the start of a longer word (전자레인지), not an ending
    after = _at(morphs, end)
    if after is not None and after.tag == "XSN" and after.form == _PLURAL:
        return None  # "교회들": churches in general
    first = _at(morphs, start)
    if first is None or (first.start != start and first.tag not in ("NNP",) and not first.oov):
        return None  # the ending's first syllable ends another word
    stem: list[tuple[int, int, Morpheme]] = []
    if first.start < start:
        stem.append((first.start, start, first))  # a name glued to the ending in one morpheme
    for m in reversed([m for m in morphs if m.end <= first.start]):
        if m.tag not in _STEM_TAGS or (stem and m.end != stem[-1][0]):
            break
        stem.append((m.start, m.end, m))
    stem.reverse()
    stem = _trimmed(doc, joined, stem)
    if not stem:
        return None
    stem_start = _opening_cut(doc, joined, stem[0][0], start)
    stem_start = _place_cut(doc, offsets, stem_start, start)
    stem = [(max(s, stem_start), e, m) for s, e, m in stem if e > stem_start]
    if start - stem_start < 2:
        return None  # one syllable names nothing
    conf = _grade(doc, joined, stem)
    if conf is None and _church_of_nouns(doc, joined, stem, joined[start:end]):
        conf = doc.rules.config.orgs.confidence_compound_stem
    if conf is None and any(doc.places_starting(offsets[i]) for i in range(stem_start, start)):
        conf = doc.rules.config.orgs.confidence_place_stem  # "안 산 병 원": a town's one
    return None if conf is None else (stem_start, end, conf)


_PARTICLES = ("에서", "은", "는", "이", "가", "도", "에", "의", "을", "를")


def _opening_cut(doc: Doc, joined: str, stem_start: int, end: int) -> int:
    """Where the name starts once a word saying when, where or who ("지금은", "여기", "제가") and its
    particle are cut off its front: Kiwi reads a run of syllables as one unknown word now and then
    (지금은충청남도)."""
    openers = doc.rules.config.orgs.spelled_out_openers
    text = joined[stem_start:end]
    for word in sorted(openers, key=len, reverse=True):
        if text.startswith(word):
            cut = len(word)
            cut += next((len(p) for p in _PARTICLES if text.startswith(p, cut)), 0)
            return stem_start + cut
    return stem_start


def _place_cut(doc: Doc, offsets: list[int], stem_start: int, end: int) -> int:
    """Where the name starts: at the first gazetteer place inside the stem, when one starts after its
    first syllable ("이가정선아리랑": 정선; "지금뉴몰든한인": 뉴몰든); a name opens with its town."""
    for i in range(stem_start, end):
        if doc.places_starting(offsets[i]):
            return i
    return stem_start


def _stop_words(rules: Rules) -> tuple[frozenset[str], ...]:
    cfg = rules.config
    return (
        cfg.orgs.spaced_stem_stop,
        cfg.orgs.company_stem_stop,
        cfg.orgs.religious_stem_stop,
        cfg.places.unknown_stem_stop,
        cfg.names.stop_words,
        cfg.places.generic_countries,
    )


def _trimmed(doc: Doc, joined: str, stem: list[tuple[int, int, Morpheme]]) -> list[tuple[int, int, Morpheme]]:
    """``stem`` without the words that open it but say when, where or whose (지금, 동네, 한국), nor a
    determiner or affix left first."""
    stops = _stop_words(doc.rules)
    while stem:
        s, e, m = stem[0]
        piece = joined[s:e]
        if m.tag in _OPENING_ONLY or any(piece in words for words in stops):
            stem = stem[1:]
            continue
        break
    return stem


_MIN_CHURCH_STEM = 3  # syllables: 금촌 + 제일, 인동 + 중앙; "사랑 교회", "엄마 교회" are too often everyday
_NOUNS = frozenset({"NNG", "NNP"})


def _church_of_nouns(doc: Doc, joined: str, stem: list[tuple[int, int, Morpheme]], ending: str) -> bool:
    """Churches are named with everyday nouns, a town's and a word like 제일 or 중앙 (금촌제일교회, read
    금/촌/제일): several nouns of three syllables or more before a religious ending are reviewed, as
    the same church written whole is (``orgs.religious_stem_stop`` say which church without naming one,
    and are cut off by ``_trimmed``)."""
    if doc.rules.gazetteers.org_suffixes.get(ending) != "religious" or len(stem) < 2:
        return False
    if stem[-1][1] - stem[0][0] < _MIN_CHURCH_STEM or any(m.tag not in _NOUNS for _, _, m in stem):
        return False
    stops = _stop_words(doc.rules)
    return not any(joined[s:e] in words for s, e, _ in stem for words in stops)


def _grade(doc: Doc, joined: str, stem: list[tuple[int, int, Morpheme]]) -> float | None:
    """How sure the nouns name one organisation: a proper noun or number, or a word Kiwi does not know;
    everyday nouns only name none."""
    cfg = doc.rules.config.orgs
    stops = _stop_words(doc.rules)
    named = [
        (s, e, m)
        for s, e, m in stem
        if (m.tag in _NAMING_TAGS or m.oov) and not any(joined[s:e] in words for words in stops)
    ]
    if not named:
        return None
    if any(m.tag in _NAMING_TAGS for _, _, m in named):
        return cfg.confidence_proper_stem
    return cfg.confidence_compound_stem  # a word Kiwi does not know, maybe a misread one: review
