"""Military units: numbered units in any order and spelling ("제525군부대", "부대번호 5525", "십일군단"
via the number view, "11 저격 려단") from ``rules.toml``, and named units from ``military.tsv``
(폭풍군단, 정찰총국), matched spacing-blind and, for long names, fuzzily."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Indel

from relay.detect.document import Doc
from relay.detect.normalize import jamo
from relay.detect.patterns import find_patterns
from relay.detect.places import tail_ok
from relay.detect.rules import Rules
from relay.detect.skeleton import skeleton
from relay.detect.words import fuzzy_ok
from relay.model import Finding, Kind, Severity

# The army's name may stand before the number, misread as well ("조선인민굴 제50899부댕"): it is part of
# the unit's name as written and is taken with it.
_NUMBER_WORD = re.compile(
    r"(?P<army>(?:조선인민 ?[가-힣]|조선인[가-힣]군|조[가-힣]인민군|[가-힣]선인민군) ?)?"
    r"(?:[근큰]위 ?)?(?P<ordinal>[제체] ?)?\d{1,6} ?([가-힣]{2,3})"
)
# A unit word damaged in two letters after a number ("10쿤댠", "108균란"): the same skeleton (see
# relay.detect.skeleton) and at least this jamo similarity.
_SKELETON_SIMILARITY = 0.6
_STRONG_DIGITS = 3
_STRONG_CONFIDENCE = 0.8


@lru_cache(maxsize=8)
def _unit_words(rules: Rules) -> dict[str, str]:
    words = set(rules.config.units.unit_words)
    words |= {t for t, k in rules.gazetteers.military.items() if k == "unit_word" and 2 <= len(t) <= 3}
    return {w: jamo(w) for w in words if len(w) >= 2}


def _misread_unit_words(doc: Doc) -> Iterable[Finding | None]:
    """A number before a word one jamo away from a unit word ("9시단", "94여댄"): OCR damage to a unit.
    Only a review, except a three-syllable unit word after a number of three digits or more, or any
    unit word after 제 or the army's name and a number of four digits or more ("제23088부댕"). Kiwi
    cannot judge here (it reads 시단 as a word, 여댄 as 여+대+ㄴ), so the everyday
    words a number also precedes ("1990년대", "만원대") are a stop list in the rules."""
    cfg = doc.rules.config.units
    words = _unit_words(doc.rules)
    view = doc.numbers
    near: dict[str, bool] = {}
    for m in _NUMBER_WORD.finditer(view.text):
        group = m.group(3)
        if group[:2] in words or group in words or group[:2] in cfg.misread_stop:
            continue
        # The longest prefix (3 syllables: 군뷰대, then 2: 데대) one jamo away from a unit word as long.
        for size in (3, 2):
            word = group[:size]
            if len(word) < size:
                continue
            if word not in near:
                wj = jamo(word)
                sk = skeleton(word)
                near[word] = word not in cfg.misread_stop and any(
                    len(u) == size
                    and (
                        Indel.normalized_similarity(wj, uj) >= cfg.misread_similarity
                        or (skeleton(u) == sk and Indel.normalized_similarity(wj, uj) >= _SKELETON_SIMILARITY)
                    )
                    for u, uj in words.items()
                )
            if near[word]:
                # A three-syllable unit word (군부대, 구분대, 훈련소) one jamo off after a number of three
                # digits or more ("6174균부대"), or any unit word after 제 or the army's name and four
                # digits or more ("제23088부댕"): no everyday word has that shape, so it is redacted.
                digits = sum(ch.isdigit() for ch in m.group(0))
                named = bool(m.group("army") or m.group("ordinal"))
                strong = digits >= _STRONG_DIGITS and (size == 3 or (named and digits >= _STRONG_DIGITS + 1))
                confidence = _STRONG_CONFIDENCE if strong else 0.6
                yield doc.finding(
                    Kind.UNIT, m.start(), m.start(3) + size, confidence, "unit.misread", view=view
                )
                break


def _with_service(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A unit runs on over the service named right after it ("제2군단 항공 및 반항공군", "제5군단
    특수작전군"): a service alone identifies no one, but it narrows the unit down."""
    services = _services(doc.rules)
    out: list[Finding] = []
    for f in found:
        start, end = doc.spaced_index(f.start), doc.spaced_index(f.end - 1) + 1
        after = doc.after(end, 12)
        service = next((s for s in services if after.startswith(s)), "")
        if service:
            c = bisect.bisect_left(doc.compact_src, end)
            extended = doc.finding(
                Kind.UNIT,
                start,
                doc.compact_src[c + len(service) - 1] + 1,
                f.confidence,
                f.rule,
                severity=f.severity,
            )
            out.append(extended if extended is not None else f)
        else:
            out.append(f)
    return out


@lru_cache(maxsize=8)
def _services(rules: Rules) -> tuple[str, ...]:
    """Service names from ``military.tsv``, compact (no spaces), longest first."""
    names = {t.replace(" ", "") for t, kind in rules.gazetteers.military.items() if kind == "service"}
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


# Services of four syllables or more ("항공및반항공군", "특수작전군", "로농적위군"): a service alone names
# no unit, but it narrows a soldier down far more than 군대 does; a moderator decides.
_SERVICE_MIN = 4


def _services_alone(doc: Doc) -> Iterable[Finding | None]:
    for service in _services(doc.rules):
        if len(service) < _SERVICE_MIN:
            continue
        pos = doc.compact.find(service)
        while pos >= 0:
            start, end = doc.spaced_span(pos, pos + len(service))
            if doc.at_word_start(start) and tail_ok(doc, end):
                yield doc.finding(Kind.UNIT, start, end, 0.6, "unit.service", severity=Severity.REVIEW)
            pos = doc.compact.find(service, pos + 1)


def find_units(doc: Doc) -> list[Finding]:
    """Units in ``doc``."""
    found = list(find_patterns(doc, (Kind.UNIT,)))
    found.extend(f for f in _services_alone(doc) if f is not None)
    found.extend(f for f in _misread_unit_words(doc) if f is not None)
    fz = doc.rules.config.fuzzy
    conf = doc.rules.config.units.confidence
    for m in doc.exact_matches:
        if any(e.kind is Kind.UNIT for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            if " " in doc.text[start:end] and not (doc.at_word_start(start) and tail_ok(doc, end)):
                continue
            f = doc.finding(Kind.UNIT, start, end, conf, "unit.named")
            if f is not None:
                found.append(f)
    for m in doc.fuzzy_matches:
        if any(e.kind is Kind.UNIT for e in m.entries):
            start, end = doc.spaced_span(m.start, m.end)
            if not tail_ok(doc, end) or not fuzzy_ok(doc, start, end):
                continue
            grade = Severity.REDACT if m.similarity >= fz.redact_similarity else Severity.REVIEW
            f = doc.finding(
                Kind.UNIT, start, end, m.similarity * fz.confidence_scale, "unit.named_fuzzy", severity=grade
            )
            if f is not None:
                found.append(f)
    return _with_service(doc, found)
