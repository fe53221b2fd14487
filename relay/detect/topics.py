"""Risky topics (border crossing, brokers, remittances, contact channels, capture): flagged for a
moderator, never redacted, because the sentence around the phrase is what may identify someone.

So a finding covers the sentence, not the phrase: "중국에 있는 브로커에게 돈을 보내" is one statement about
a route and a payment, and a moderator who sees only "브로커" outlined judges a word instead of what the
letter says. The sentence runs from the phrase back to the previous sentence end and on to the next
one, but at most ``SENTENCE_REACH`` characters either way (whole words), because OCR of handwriting and
speech transcripts often have no punctuation at all.

Fixed phrases cannot say everything: the words that make a clause risky are often apart ("그 강을 밤에
건너", "돈을 북에 보낼", "보위부 눈을 피해"), and listing every word that may stand between them is hopeless.
Those are ``[[pattern]]`` rules of kind ``topic`` in ``rules.toml`` (ids ``topic.*``), matched on the
number view like the other patterns and widened to their sentence the same way.

A rule whose id begins ``topic.not_`` finds nothing itself: it marks words where a topic phrase is no
detail ("도망치는 건 겁쟁이가 아니다", "항복한 건 부끄러운 일이 아니다": the act judged, no one's route
told), and a phrase or a pattern match that lies wholly inside such a span is dropped.
"""

from __future__ import annotations

import re

from relay.detect.document import Doc
from relay.detect.patterns import find_patterns
from relay.model import Finding, Kind, Severity

SENTENCE_ENDS = frozenset(".!?。…")
# Pattern ids that veto the topic matches inside their span instead of being findings.
VETO_PREFIX = "topic.not_"
# About a line and a half of a handwritten letter, either side of the phrase: a sentence that tells a
# route runs long ("강을 건너온 분들을 제 아파트에 재워 드리고 … 근처까지 데려다 드렸습니다"), and the
# moderator needs all of it; 40 cut such sentences off before their verb.
SENTENCE_REACH = 60


def find_topics(doc: Doc) -> list[Finding]:
    """Topic phrases from ``topics.tsv`` in ``doc``, widened to their sentences, as review findings."""
    found: list[Finding] = []
    matched: list[tuple[int, int, float, str]] = []  # spaced span of the phrase itself, confidence, rule
    for m in doc.exact_matches:
        for entry in m.entries:
            if entry.kind is not Kind.TOPIC:
                continue
            start, end = doc.spaced_span(m.start, m.end)
            # Phrases are stems ("붙잡혔", "국경을 넘"): any ending may follow. A two-syllable phrase
            # must start a word, or 잡혔 would fire inside every 붙잡혔.
            if len(m.key) <= 2 and not doc.at_word_start(start):
                continue
            matched.append((start, end, entry.confidence, entry.rule))
    vetoes: list[tuple[int, int]] = []
    for p in find_patterns(doc, (Kind.TOPIC,)):
        # Pattern findings are in original offsets; the sentence is found in the spaced view.
        start, end = doc.spaced_range(p.start, p.end)
        if p.rule.startswith(VETO_PREFIX):
            vetoes.append((start, end))
        else:
            matched.append((start, end, p.confidence, p.rule))
    for start, end, confidence, rule in matched:
        if any(lo <= start and end <= hi for lo, hi in vetoes):
            continue
        start, end = _with_debt_after(doc.text, *sentence_around(doc.text, start, end))
        f = doc.finding(Kind.TOPIC, start, end, confidence, rule, severity=Severity.REVIEW)
        if f is not None:
            found.append(f)
    return found


def sentence_around(text: str, start: int, end: int, reach: int = SENTENCE_REACH) -> tuple[int, int]:
    """``[start, end)`` of ``text`` widened to the sentence it is in: back to just after the previous
    sentence end, on to and including the next one, each side at most ``reach`` characters further and
    never stopping inside a word; surrounding spaces left out."""
    low = max(0, start - reach)
    lo = start
    while lo > low and text[lo - 1] not in SENTENCE_ENDS:
        lo -= 1
    if lo == low > 0 and text[lo - 1] not in SENTENCE_ENDS:
        # Stopped by the reach, perhaps inside a word: start at the next word instead.
        while lo < start and not text[lo - 1].isspace():
            lo += 1
    high = min(len(text), end + reach)
    hi = end
    while hi < high and text[hi - 1] not in SENTENCE_ENDS:
        hi += 1
    if hi == high < len(text) and text[hi - 1] not in SENTENCE_ENDS:
        while hi > end and not text[hi].isspace():
            hi -= 1
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


# A debt told right after ("브로커에게 1200만 원. 엄마 빚 짐.", "다 빌린 돈이다"): what the route cost and
# who owes it, the same statement over a full stop. Not the verb 빚다 (빚어, 빚었던: dumplings made).
_DEBT = re.compile(r"(?<![가-힣])(?:빚(?![어었던고는])|빌린[ ]?돈|꾼[ ]?돈|사채)")


def _with_debt_after(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` run on over the next sentence when it tells a debt (:data:`_DEBT`)."""
    if end >= len(text) or text[end - 1] not in SENTENCE_ENDS:
        return start, end
    pos = end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        return start, end
    hi = sentence_around(text, pos, pos + 1)[1]
    nxt = text[end:hi]
    if hi > end and _DEBT.search(nxt) is not None:
        return start, hi
    return start, end
