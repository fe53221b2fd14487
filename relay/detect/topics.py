"""Risky topics (border crossing, brokers, remittances, contact channels, capture): the phrase is flagged
for a moderator, never redacted, because the sentence around it is what may identify someone."""

from __future__ import annotations

from relay.detect.document import Doc
from relay.model import Finding, Kind, Severity


def find_topics(doc: Doc) -> list[Finding]:
    """Topic phrases from ``topics.tsv`` in ``doc``, as review findings."""
    found: list[Finding] = []
    for m in doc.exact_matches:
        for entry in m.entries:
            if entry.kind is not Kind.TOPIC:
                continue
            start, end = doc.spaced_span(m.start, m.end)
            # Phrases are stems ("붙잡혔", "국경을 넘"): any ending may follow. A two-syllable phrase
            # must start a word, or 잡혔 would fire inside every 붙잡혔.
            if len(m.key) <= 2 and not doc.at_word_start(start):
                continue
            f = doc.finding(Kind.TOPIC, start, end, entry.confidence, entry.rule, severity=Severity.REVIEW)
            if f is not None:
                found.append(f)
    return found
