"""Organisations in a stretch typed or read syllable by syllable ("갑 산 군 인 민 병 원", "무 산 제 l 고
등 중 학 교", "덕 천 탄 광 련 합 기 업 소"): OCR of handwriting and careful slow typing set every syllable
apart, and the suffix rules, which read a stem as the word (or few words) before an ending, find no
stem there.

Read without its spaces such a stretch is a place from the gazetteers, at most a few syllables of name
and an organisation's ending from ``orgs.tsv`` (갑산군 + 인민병원, 혜산 + 경제 + 전문학교). The place
says which one, as it does glued (갑산군인민병원); a firm's ending is left out (an everyday word after a
town is as often "where" as "which", and shops are named by any word). To tell the name from a town and
a sentence running on ("서 울 에 서 학 교 다 녀"), Kiwi reads the stretch without its spaces: every
morpheme from the place to the ending must be a noun, a number or a prefix (no particle, no verb), and
a morpheme must end where the ending does (대학 in 대학생 is no ending).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from relay.detect.document import Doc, Span
from relay.detect.morph import Morpheme, analyse
from relay.detect.rules import Rules
from relay.model import Finding, Kind

# A syllable group, a number, or OCR's lone l / I for a 1 (제 l 중학교).
_TOKEN = re.compile(r"[가-힣]+|[0-9]+|(?<![A-Za-z])[lI](?![A-Za-z])")
_LEAST_TOKENS = 3  # from the place to the ending
_LONE_SHARE = 0.5  # of those tokens one syllable (or one digit) long
_MAX_NAME = 6  # syllables between the place and the ending
_MAX_SECOND = 4  # syllables after an ending that may still close a second one
_MIN_BARE_ENDING = 2  # a place straight before an ending (갑산군 + 인민병원, 대전 + 병원), as glued
_MAX_TOKEN = 2  # syllables of a token inside a letter-spaced stretch ("간호 사", "교회 에")
# One-syllable particles that a place's first syllable may be read back onto (가정 of "이 가 정 선").
_PARTICLES = frozenset("가이은는을를에의도와과로")
# A numbered pit, work team or workshop of a mine, farm or works, spaced out after it: 제 2 갱, 3 작 업 반.
_NUMBERED_PART = re.compile(r"제?[0-9lI]{1,3}호?(?:갱|작업반|분조|직장)")
# Determiners that open a name or its number: 새 of 새터 and 새날, 제 of 제1 (Kiwi's "my" before a noun).
_NAME_DETERMINERS = frozenset({"새", "제"})
_NAME_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XPN", "XSN"})
# Endings of a state or public body, a school, a works, a hospital or a church; a firm's are not read so.
_KINDS = frozenset({"school", "workplace", "state_body", "religious", "other"})
LETTER_SPACED = "org.letter_spaced"


@lru_cache(maxsize=8)
def _endings(rules: Rules) -> frozenset[str]:
    return frozenset(s for s, kind in rules.gazetteers.org_suffixes.items() if kind in _KINDS and len(s) >= 2)


def find_letter_spaced_orgs(doc: Doc) -> Iterable[Finding | None]:
    """Organisation findings for a place and an ending in a stretch spaced syllable by syllable."""
    for run in _runs(doc):
        yield from _in_run(doc, run)


def _runs(doc: Doc) -> Iterable[list[Span]]:
    """Maximal runs of tokens one space apart with at least ``_LEAST_TOKENS`` tokens."""
    run: list[Span] = []
    for m in _TOKEN.finditer(doc.text):
        tok = Span(m.start(), m.end(), m.group())
        if run and m.start() == run[-1].end + 1 and doc.text[run[-1].end] == " " and tok.text:
            run.append(tok)
            continue
        if len(run) >= _LEAST_TOKENS:
            yield run
        run = [tok] if tok.text else []
    if len(run) >= _LEAST_TOKENS:
        yield run


def _may_hold(run: list[Span]) -> bool:
    """Whether some stretch of ``run`` could pass :func:`_letter_spaced`: at least ``_LEAST_TOKENS``
    tokens in a row of at most ``_MAX_TOKEN`` syllables, two of them one syllable long. Most runs are
    ordinary sentences; this spares them Kiwi's reading."""
    short = singles = 0
    for t in run:
        if len(t.text) > _MAX_TOKEN:
            short = singles = 0
            continue
        short += 1
        singles += len(t.text) == 1
        if short >= _LEAST_TOKENS and singles >= 2:
            return True
    return False


def _in_run(doc: Doc, run: list[Span]) -> Iterable[Finding | None]:
    if not _may_hold(run):
        return
    compact = "".join(t.text for t in run)
    cum = [0]
    for t in run:
        cum.append(cum[-1] + len(t.text))
    endings = _endings(doc.rules)
    longest = max(map(len, endings), default=0)
    by_end = {t.end: k for k, t in enumerate(run)}
    # Each token's places that end at a token's end, by their last token: the longest place first
    # (덕천탄광, a landmark, before 덕천; 갑산군 before 갑산).
    places = [
        [
            k
            for end in sorted(doc.places_starting(tok.start), reverse=True)
            if (k := by_end.get(end)) is not None
        ]
        for tok in run
    ]
    if not _ending_may_follow(compact, cum, places, endings, longest):
        return  # no ending after any place, wherever Kiwi ends its morphemes: spare the run its reading
    morphs = analyse(compact)
    # Where an ending may close: a morpheme ends there, or Kiwi read no word there at all (one unknown
    # stretch: 제주한라병원간호사고은비 as one proper noun it does not know).
    ends = {m.end for m in morphs} | {c for m in morphs if m.oov for c in range(m.start + 1, m.end)}
    found: dict[int, tuple[int, int]] = {}  # first token -> (place's last token, organisation's last)
    for i, place_lasts in enumerate(places):
        for k in place_lasts:
            last = _ending_after(compact, cum, k + 1, ends, endings, longest)
            if (
                last is not None
                and _letter_spaced(run[i : last + 1])
                and _nouns_only(morphs, cum[i], cum[last + 1])
            ):
                found[i] = (k, last)
                break
    for i, (k, last) in found.items():
        if _read_as_particle(run, i, k) and any(j > i and v[1] == last for j, v in found.items()):
            continue  # "이 가 정 선 아 리 랑 병 원", "호 남 은 대 안": a particle, the town after it
        yield _finding(doc, run, i, _numbered_part(compact, cum, last))


def _read_as_particle(run: list[Span], first: int, place_last: int) -> bool:
    """The place's first syllable or the syllable after it is a lone particle ("이 가 정 선" holds 가정,
    "윤 호 남 은 대 안" 호남): the place is pieces of a name and a particle, when a later one closes
    with the same ending."""
    after = run[place_last + 1].text if place_last + 1 < len(run) else ""
    return run[first].text in _PARTICLES or after in _PARTICLES


def _numbered_part(compact: str, cum: list[int], last: int) -> int:
    """The last token of a numbered pit, work team or workshop right after the organisation ("덕 천 탄
    광 제 2 갱", "농 장 3 작 업 반"), as ``orgs._branch`` takes it when written whole; else ``last``."""
    m = _NUMBERED_PART.match(compact, cum[last + 1])
    if m is None or m.end() not in cum:
        return last
    return cum.index(m.end()) - 1


def _ending_may_follow(
    compact: str, cum: list[int], places: list[list[int]], endings: frozenset[str], longest: int
) -> bool:
    """Whether :func:`_ending_after` could find an ending after any of ``places`` (each token's places'
    last tokens) if Kiwi ended a morpheme at every token's end: the ends it does read are a subset of
    those, so where this finds none, Kiwi's reading finds none either."""
    every_end = set(cum)
    return any(
        _ending_after(compact, cum, k + 1, every_end, endings, longest) is not None
        for place_lasts in places
        for k in place_lasts
    )


def _ending_after(
    compact: str, cum: list[int], first: int, ends: set[int], endings: frozenset[str], longest: int
) -> int | None:
    """The index of the token closing the first organisation ending after compact offset ``cum[first]``
    (a place's end); the longer ending when the next token completes one (대학 + 교), or a second ending
    follows within ``_MAX_SECOND`` syllables (소년단 + 야영소: the camp of the children's union)."""
    start = cum[first]
    best: int | None = None
    for last in range(first, len(cum) - 1):
        c = cum[last + 1]
        if c - start > _MAX_NAME + longest:
            break
        if _ending_at(compact, start, c, ends, endings):
            best = last
        elif best is not None and c - cum[best + 1] >= _MAX_SECOND:
            break
    return best


def _ending_at(compact: str, start: int, c: int, ends: set[int], endings: frozenset[str]) -> bool:
    """Compact ``[start, c)`` is a short name and an ending, and Kiwi ends a morpheme at ``c``."""
    if c not in ends:
        return False
    text = compact[start:c]
    for size in range(min(len(text), 8), 1, -1):
        ending = text[-size:]
        name = len(text) - size
        if ending in endings and name <= _MAX_NAME and (name > 0 or size >= _MIN_BARE_ENDING):
            return True
    return False


def _letter_spaced(span: list[Span]) -> bool:
    """The tokens from the place to the ending are set apart syllable by syllable."""
    if len(span) < _LEAST_TOKENS or any(len(t.text) > _MAX_TOKEN for t in span):
        return False
    return sum(len(t.text) == 1 for t in span) >= _LONE_SHARE * len(span)


def _nouns_only(morphs: tuple[Morpheme, ...], start: int, end: int) -> bool:
    """Every morpheme Kiwi reads in compact ``[start, end)`` is a noun, number or prefix."""
    inside = [m for m in morphs if m.end > start and m.start < end]
    return all(
        m.tag in _NAME_TAGS or m.oov or (m.tag == "MM" and m.form in _NAME_DETERMINERS) for m in inside
    )


def _finding(doc: Doc, run: list[Span], first: int, last: int) -> Finding | None:
    """The organisation from the place's first syllable to the ending's last, graded as a place stem."""
    return doc.finding(
        Kind.ORG, run[first].start, run[last].end, doc.rules.config.orgs.confidence_place_stem, LETTER_SPACED
    )
