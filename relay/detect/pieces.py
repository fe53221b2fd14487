"""Person findings that cut an everyday word in two are trimmed to it or left to a moderator.

OCR of handwriting misreads and misspaces, and the name rules then find "names" inside
ordinary words: 금은 in 지금은, 러분 in 여러분께, 정하 in 걱정하는, 신이 in 출신이야.
A real name glued to the word before it ("만난석천혁", "동생계청숙은") is its own
morpheme to Kiwi, so the cut falls between morphemes; a finding that starts or ends strictly
inside a word Kiwi knows (in its dictionary, not guessed, of one of the configured parts of
speech, at least two syllables) most likely cut that word.

- The finding is trimmed to what lies outside the words it cuts: a finding that took the last
  syllable of the word before for a surname ("우리 서희" read as 리 서희) or the first of the word after
  for a given name ("서희 삼촌" read as 서 희삼) keeps its severity when at least two syllables are
  left ("서희"), they begin with a noun (not 하지 of 고민하지) and are not a stop word of the name
  rules (한국).
- Otherwise (less than that left: 금은, 러분, 정하) the whole finding becomes ``review``: not dropped,
  since Kiwi can be wrong too (fail closed), but outlined for the moderator rather than burned in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from relay.detect.document import Doc
from relay.detect.morph import Morpheme
from relay.detect.normalize import is_hangul
from relay.model import Finding, Kind, Severity

MIN_WORD_SYLLABLES = 2
MIN_NAME_SYLLABLES = 2


def demote_word_pieces(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with every ``redact`` person finding that cuts a known word trimmed or demoted."""
    tags = doc.rules.config.names.word_piece_tags
    out: list[Finding] = []
    for finding in findings:
        if finding.kind is Kind.PERSON and finding.severity is Severity.REDACT and tags:
            finding = _judged(doc, finding, tags)
        out.append(finding)
    return out


def _judged(doc: Doc, finding: Finding, tags: frozenset[str]) -> Finding:
    head, tail = cut_words(doc, finding.start, finding.end, tags)
    if head is None and tail is None:
        return finding
    start, end = finding.start, finding.end
    if head is not None:  # begin after the word whose end was taken for a surname
        start = doc.spaced.span(head.end - 1, head.end)[1]
    if tail is not None:  # end before the word whose start was taken for a given name
        end = doc.spaced.span(tail.start, tail.start + 1)[0]
    while start < end and doc.original[start].isspace():
        start += 1
    while end > start and doc.original[end - 1].isspace():
        end -= 1
    rest = doc.original[start:end]
    if (
        sum(map(is_hangul, rest)) >= MIN_NAME_SYLLABLES
        and cut_words(doc, start, end, tags) == (None, None)
        and not _not_a_name(doc, start, end)
        and _begins_a_noun(doc, start)
    ):
        return replace(finding, start=start, end=end)
    return replace(finding, severity=Severity.REVIEW)


def _not_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether what is left after the trim is one of the name rules' stop words ("한국국적" trimmed
    to 한국). (A gazetteer place left over stays redacted: it identifies as much as a name does.)"""
    return "".join(doc.original[start:end].split()) in doc.rules.config.names.stop_words


def _begins_a_noun(doc: Doc, start: int) -> bool:
    """Whether a noun (or a word Kiwi does not know) starts at original offset ``start``: what is left
    of "고민하지" after 고민 is 하지, a verb's ending, not a name."""
    s = doc.spaced_index(start)
    here = [m for m in doc.morphemes_in(s, s + 1) if m.start == s]
    return not here or any(m.oov or m.tag.startswith("N") for m in here)


def cut_words(
    doc: Doc, start: int, end: int, tags: frozenset[str]
) -> tuple[Morpheme | None, Morpheme | None]:
    """The known words of ``tags`` that original-text span ``[start, end)`` starts inside and ends
    inside (spaced-view morphemes; None where it cuts none)."""
    if end <= start or not doc.text:
        return None, None
    s, e = doc.spaced_range(start, end)
    head = tail = None
    particles = doc.rules.particles
    for m in doc.morphemes_in(s, e):
        if m.oov or m.tag not in tags or m.end - m.start < MIN_WORD_SYLLABLES:
            continue
        if m.start < s < m.end:
            head = m
        # A known word that only runs on into a particle is Kiwi misreading an unknown name and its
        # particle ("덕무가" as 덕 + 무가): no cut.
        if m.start < e < m.end and doc.text[e : m.end] not in particles:
            tail = m
    return head, tail
