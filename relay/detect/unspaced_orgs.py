"""Organisations in a stretch set apart syllable by syllable, read again with its spaces taken out.

Careful slow typing, OCR of handwriting and some transcripts put a space after every syllable ("연 세 대
학 교 신 학 과", "제 3 림 업 사 업 소 8 작 업 반", "남 강 건 설 무 역 회 사"). The suffix rules read a
stem as the word before an ending and find none there; ``spaced_orgs`` only takes a gazetteer place
before the ending. Written without its spaces such a stretch is the glued text OCR also gives
("연세대학교신학과2학년이고"), which the organisation rules already read: they run once more on the
stretch so joined, and what they find is mapped back onto the spaced syllables.

A stretch is a run of short tokens one space apart (a line break counts as a space), most of them one
syllable; a word of ordinary length ends it, so normally spaced text is never joined. Only findings that
take in two tokens or more are kept: one token the rules have read as written already.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.morph import Morpheme, analyse
from relay.detect.orgs import find_orgs
from relay.model import Finding, Kind

# A token of the spaced view: syllables or digits, a quote glued to either side ('만 수 대' 건 설).
_TOKEN = re.compile(r"['‘’\"“”]?[가-힣0-9]+['‘’\"“”]?")
_MAX_TOKEN = 3  # syllables or digits of a token inside a stretch ("는제", "OCR's 2-3 syllable joins")
_LEAST_TOKENS = 4  # tokens of a stretch
_LONE_SHARE = 0.6  # of its tokens one syllable or one digit long
# Morphemes that may be part of an organisation's name, and those that show it has one.
_NAME_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XPN", "XSN", "SSO", "SSC"})
_NAMING_TAGS = frozenset({"NNP", "NR", "SN", "SL", "SH", "SSO", "SSC"})
_PIECE_TAGS = frozenset({"NNG", "NNB"})
READ_WITHOUT_SPACES = "org.read_without_spaces"


def find_unspaced_orgs(doc: Doc) -> list[Finding]:
    """Organisation findings from each letter-spaced stretch of ``doc`` read without its spaces."""
    return [f for f in _unspaced_orgs(doc) if f is not None]


def _unspaced_orgs(doc: Doc) -> Iterable[Finding | None]:
    for run in _stretches(doc.text):
        compact = "".join(doc.text[s:e] for s, e in run)
        where = [i for s, e in run for i in range(s, e)]  # compact offset -> spaced offset
        token_of = [k for k, (s, e) in enumerate(run) for _ in range(s, e)]
        morphs: tuple[Morpheme, ...] | None = None
        for f in find_orgs(Doc(compact, doc.rules)):
            if f.kind is not Kind.ORG or f.end <= f.start or f.end > len(where):
                continue
            morphs = analyse(compact) if morphs is None else morphs
            start = _name_start(morphs, f.start, f.end)
            if start is None or token_of[f.end - 1] == token_of[start]:
                continue  # no name, or within one token: read as written already
            yield doc.finding(
                Kind.ORG,
                where[start],
                where[f.end - 1] + 1,
                f.confidence,
                READ_WITHOUT_SPACES,
                severity=f.severity,
            )


def _name_start(morphs: tuple[Morpheme, ...], start: int, end: int) -> int | None:
    """Where the name of an organisation found at compact ``[start, end)`` begins, or None if it has
    none. Joined, the words before a name run into it ("저는요즘요리학원", "나는9작업반"): the name starts
    after the last morpheme in the finding that is no part of a name (a pronoun, particle, verb or
    ending). What is left must hold a sign of a name: a proper noun, a number, Latin letters, a word
    Kiwi does not know, a quote, or a syllable Kiwi read as a noun of its own before the last
    morpheme (남 + 강 of 남강건설, Kiwi's pieces of a name it does not know). Everyday words and an
    ending alone ("지금은대학교", "여기는조선소") are none."""
    for m in morphs:
        if start <= m.start and m.end <= end and not _in_name(m):
            start = m.end
    inside = [m for m in morphs if start <= m.start and m.end <= end]
    if not inside:
        return None
    named = any(m.tag in _NAMING_TAGS or m.oov for m in inside) or any(
        m.tag in _PIECE_TAGS and len(m.form) == 1 for m in inside[:-1]
    )
    return start if named else None


def _in_name(m: Morpheme) -> bool:
    """``m`` may stand inside a name: a noun, number or prefix, or a determiner, which is what Kiwi
    makes of a name's syllable now and then (양 of 남양소학교)."""
    return m.tag in _NAME_TAGS or m.oov or m.tag == "MM"


def _stretches(text: str) -> Iterable[list[tuple[int, int]]]:
    """Maximal runs of short tokens one space apart that are letter-spaced (see :func:`_if_spaced`)."""
    run: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        if _core_length(m.group()) > _MAX_TOKEN:
            yield from _if_spaced(text, run)
            run = []
            continue
        if run and m.start() == run[-1][1] + 1 and text[run[-1][1]] == " ":
            run.append((m.start(), m.end()))
            continue
        yield from _if_spaced(text, run)
        run = [(m.start(), m.end())]
    yield from _if_spaced(text, run)


def _core_length(token: str) -> int:
    return len(token.strip("'‘’\"“”"))


def _if_spaced(text: str, run: list[tuple[int, int]]) -> Iterable[list[tuple[int, int]]]:
    """``run`` if it is long enough and most of its tokens are one syllable or one digit."""
    if len(run) >= _LEAST_TOKENS and sum(_core_length(text[s:e]) == 1 for s, e in run) >= _LONE_SHARE * len(
        run
    ):
        yield run
