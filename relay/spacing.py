"""Word spacing from the page's geometry rather than from tesseract.

Tesseract's Korean model often returns every syllable as a word of its own ("박 수 길 이 라고"), which
hides names and places from the detector. The gaps between the boxes tell the truth better: syllables
of one word sit almost touching, words are a third of a glyph apart or more. Joining words whose gap is
small gives the detector text spaced the way it was written, and a joined word's box (the union of its
parts) is what a redaction of it must cover anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median

from relay.model import Line, PageText, Word


@dataclass(frozen=True, slots=True)
class SpacingConfig:
    """``join_gap``: two neighbouring words on a line are one word when the gap between their boxes is
    below this share of the line's median word height (negative gaps, overlapping boxes, always join)."""

    join_gap: float = 0.28


def respace(page: PageText, config: SpacingConfig | None = None) -> PageText:
    """The page with neighbouring words joined where their boxes nearly touch."""
    config = config or SpacingConfig()
    # Everything but the lines (size, unread ink, the ink mask) stays as extraction found it.
    return replace(page, lines=tuple(_respace_line(line, config) for line in page.lines))


def _respace_line(line: Line, config: SpacingConfig) -> Line:
    if len(line.words) < 2:
        return line
    height = median(w.box[3] - w.box[1] for w in line.words)
    limit = config.join_gap * max(height, 1)
    joined: list[Word] = [line.words[0]]
    for word in line.words[1:]:
        last = joined[-1]
        if word.box[0] - last.box[2] < limit:
            joined[-1] = _join(last, word)
        else:
            joined.append(word)
    return Line(box=line.box, words=tuple(joined))


def _join(a: Word, b: Word) -> Word:
    box = (min(a.box[0], b.box[0]), min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
    # The weakest part decides: a joined word is only as trustworthy as its worst-read syllable.
    return Word(text=a.text + b.text, box=box, confidence=min(a.confidence, b.confidence))
