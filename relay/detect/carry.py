"""Findings on one spacing of a text moved onto another spacing of the same characters."""

from __future__ import annotations

from collections.abc import Sequence

from relay.model import Finding


def carry(found: Sequence[Finding], other_text: str, chars: Sequence[int]) -> list[Finding]:
    """Findings on ``other_text`` moved onto the text whose non-space characters sit at ``chars``.

    Both texts hold the same non-space characters in the same order (they differ in spaces only);
    a finding that covers no non-space character is dropped, and if the texts hold different numbers
    of characters nothing is carried (the caller's own findings stand)."""
    index: list[int] = []  # for each offset of other_text: number of non-space characters before it
    count = 0
    for ch in other_text:
        index.append(count)
        if not ch.isspace():
            count += 1
    if count != len(chars):
        return []
    carried: list[Finding] = []
    for f in found:
        first = index[f.start] if f.start < len(index) else count
        # The last non-space character inside the finding.
        inside = (index[i] for i in range(f.end - 1, f.start - 1, -1) if not other_text[i].isspace())
        last = next(inside, None)
        if last is None or first > last:
            continue
        carried.append(Finding(f.kind, f.severity, f.confidence, chars[first], chars[last] + 1, f.rule))
    return carried
