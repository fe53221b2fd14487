"""Findings placed on the page, regions for a moderator, and fills burned into the pixels.

Placement leans towards covering too much, but follows the ink. tesseract's boxes for Korean words are
unreliable (syllables split off, boxes a syllable to one side, boxes far taller than the glyphs), so
with the page's ink mask a fill starts from the words' boxes and follows the writing: outwards
through ink that continues without a word gap (a syllable the box missed), and inside a word to the
paper gap between syllables where the finding's characters end. Detection often finds a detail only
in part, so a fill also takes the syllable next to a finding that ends inside a word, the surname
before a short given name, and the counter after a number (:func:`_placed_span`). On a page scanned
askew, fills and regions follow the slanted line in slices instead of one upright box that would
cover the lines above and below (:func:`_along`). Without an ink mask a fill spans the whole words
it touches and reaches a syllable or more further on each side. Over-redacting a particle costs
little; leaving half a surname on the page can cost a family. Words that become review regions
anyway (read with low confidence) are looked at by a moderator whatever the fill covers, so there
the fill covers the finding's own characters with a small reach (``PlaceConfig.tight``) instead of
blacking out the writing around it. ``place_findings`` and ``review_regions`` must be given the
same review thresholds for that to hold (both default to ``REVIEW``).

Review regions are where the machine is unsure: words and lines read with low confidence, ink OCR did
not read at all (``PageText.unread``), and findings a person must judge. They are what makes the
pipeline fail closed, so their thresholds lean towards flagging.

``burn`` is the only function here that makes output pixels: a new RGB image with solid black boxes.
``preview`` draws outlines for a moderator and is never the redacted output.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

from relay.model import (
    Box,
    Finding,
    Kind,
    Line,
    PageText,
    PlacedFinding,
    ReviewReason,
    ReviewRegion,
    Severity,
    Word,
    is_syllable,
)
from relay.preprocess import estimate_skew, to_gray


@dataclass(frozen=True, slots=True)
class Reach:
    """How far a box reaches beyond the words it is built around, in syllables (a Korean syllable is
    about as wide as it is tall, so the median word height of the line is the unit)."""

    left: float = 1.0
    right: float = 1.0
    grow_y: float = 0.5  # above and below the words' own boxes, but not beyond their line's box
    pad: float = 0.2  # then padding on every side


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """Thresholds for review regions (confidences 0..1).

    Measured on rendered pages (tests/render_helpers.py: 24 handwriting-font pages, 6 printed):
    tesseract reads clean print with word confidences above 0.9, while on handwriting-style fonts its
    misreads carry confidences from 0 up to 0.93. So a word below ``word_confidence`` is flagged, and a
    whole line is flagged when its mean confidence is below ``line_confidence`` or at least
    ``line_low_share`` of its characters are in flagged words: such a line is writing tesseract
    struggles with, and its confident misreads must be covered too. With these values 638 of 646
    misread handwriting characters (98.8%) fell in review regions, at the price of 87% of the
    handwriting's text area; 10% of the printed pages' text area was flagged. Without the whole-line
    rule: 61% of the area, but 49 misread characters outside review.

    A region reaches half a syllable sideways and is then fitted to the ink (a syllable tesseract's
    box missed is ink connected to the word, and the fit follows it); it does not grow vertically
    beyond the writing, and on a page scanned askew it follows the slanted line in slices
    (:func:`_along`). Unread ink is not padded beyond its own ink box. On rendered letters
    (bench/redaction.py, seeds 101-105) going from a syllable's reach, a fifth of a syllable's growth
    and a tenth's padding (a quarter of the height around unread ink) to this took the handwriting's
    regions from 136-158% of its text area to 102-117%, with no detail newly outside review.
    """

    word_confidence: float = 0.8
    line_confidence: float = 0.75
    line_low_share: float = 0.15
    reach: Reach = Reach(left=0.5, right=0.5, grow_y=0.0, pad=0.0)
    pad_unread: float = 0.0  # unread ink boxes are padded by this fraction of their height
    # Regions fitted to the ink keep this much paper around it (in syllables, at least a pixel):
    # a moderator needs no margin, and at a fill's tenth of a syllable the margins alone were 15%
    # of the handwriting's text area.
    pad_ink: float = 0.03


@dataclass(frozen=True, slots=True)
class PlaceConfig:
    """Geometry of a finding's fill.

    Measured on rendered letters: when tesseract's box for a correctly read Korean word is off, it
    starts to the right of the ink (by up to 0.7 syllable at the 1st percentile, 1.3 at worst seen)
    far more often than it ends short, so the fill reaches further left than right.

    ``reach`` bounds how far a fill may follow ink beyond the word's box (and is the reach itself
    when the page has no ink mask). That fill is what stands between a confidently read line and the
    output: nobody looks at it again. On rendered letters (bench/redaction.py, seeds 101-105) fitting
    it to the ink instead of filling whole words with this reach took the benign print filled from
    12-30% (by seed) to 12-17%; the details that silently leaked were all ones detection had missed
    (a few of them, glued to a word a finding touched, the whole-word fill had covered by chance).

    A word that becomes a review region anyway (read below the review thresholds, see
    :class:`ReviewConfig`) on a page that does not read like print (``print_confidence``) is looked
    at by a moderator whatever its fill covers, so there the fill
    covers only the finding's own characters (cut out of the word's ink, or its box in proportion to
    its characters) with ``tight`` reach: on handwriting, where most lines are reviewed, generous fills
    mostly blacked out the words around a detail. That fill does not grow beyond the writing's rows
    either (the ink fit keeps its own small pad): on rendered handwriting (seeds 101-105) a fifth of
    a syllable's growth and a tenth's padding filled 0.5-1 point more of the benign ink, with the
    same details redacted. On print, where a line is reviewed because a few of its words were read
    less surely, the tight fill left the ends of details whose box started late to the moderator
    (seeds 104-171: 131 and 171 went
    from 95.0 and 92.1% of printed details redacted to 95.6 and 92.7%, benign print filled 1.5-2
    points more); measured per Hangul syllable on the respaced page, printed pages read 0.84-0.93 and
    handwritten ones 0.06-0.83 (one printed outlier at 0.44 keeps the tight fill).
    """

    reach: Reach = Reach(left=1.5, right=1.0)
    tight: Reach = Reach(left=0.3, right=0.3, grow_y=0.0, pad=0.0)
    # A page whose words tesseract read with at least this mean confidence (per Hangul syllable, as
    # the detector's page is spaced) is print: there reviewed words get the generous fill too.
    print_confidence: float = 0.84
    review: ReviewConfig | None = None  # which words are reviewed; None: the module's REVIEW


PLACE = PlaceConfig()
# Fitting to ink: padding around the ink kept (in syllables), and the paper gap (in syllables) that
# ends a line's ink above or below its words (a fifth of a syllable: the gaps inside a glyph, between
# jamo, must not end it).
_INK_PAD = 0.1
_ROW_GAP = 0.2
_ANY_LINE = -1
REVIEW = ReviewConfig()

# When regions of different reading reasons overlap, the merged region keeps the strongest reason.
_READING = (ReviewReason.UNREADABLE_LINE, ReviewReason.UNREADABLE_REGION, ReviewReason.LOW_CONFIDENCE)


def place_findings(
    page: PageText, findings: Sequence[Finding], page_index: int = 0, config: PlaceConfig = PLACE
) -> tuple[PlacedFinding, ...]:
    """Boxes for each finding, given as offsets into ``page.text_and_offsets()``: one per line touched
    (on a page scanned askew, a row of slices along the line instead).

    Raises ``ValueError`` for a finding whose offsets do not fit the page's text (a finding detected in
    some other text); the message holds no document content.
    """
    text, offsets = page.text_and_offsets()
    review = config.review or REVIEW
    flagged = [_flagged_words(line, review) for line in page.lines]
    slope = _slope(page) if findings else 0.0
    print_like = bool(findings) and page.syllable_confidence() >= config.print_confidence
    # The size of a syllable on each line, measured once (see _syllable).
    units = [_syllable(line, page) for line in page.lines] if findings else []
    placed: list[PlacedFinding] = []
    for finding in findings:
        if not 0 <= finding.start < finding.end <= len(text):
            raise ValueError("finding offsets are outside the page text; findings must come from this page")
        # Per line: boxes of confidently read words (generous reach) and of reviewed ones (tight).
        loose: dict[int, list[tuple[Word, int, int]]] = {}
        tight: dict[int, list[tuple[Word, int, int]]] = {}
        # On confidently read words the fill takes the syllables next to the finding too (see
        # _placed_span); a reviewed word is looked at anyway, so there it covers the finding alone.
        first, last = _placed_span(text, finding)
        for line_index, word_index, start, end in offsets:
            word = page.lines[line_index].words[word_index]
            if word_index in flagged[line_index]:
                if start < finding.end and end > finding.start:
                    part = (max(start, finding.start) - start, min(end, finding.end) - start)
                    tight.setdefault(line_index, []).append((word, *part))
            elif start < last and end > first:
                part = (max(start, first) - start, min(end, last) - start)
                loose.setdefault(line_index, []).append((word, *part))
        boxes: list[Box] = []
        for li in sorted(loose.keys() | tight.keys()):
            line = page.lines[li]
            if li in loose:
                # On handwriting the fill keeps off surely read neighbours; on print, where word gaps
                # end the fill anyway, the same bound cut the first digits of numbers whose
                # neighbour's box reached over them.
                fill = _confident_fill(page, line, loose[li], config, unit=units[li], keep_off=not print_like)
                boxes.extend(_along(page, line, fill, [w.box for w, _, _ in loose[li]], slope, units[li]))
            if li in tight:
                fill = _confident_fill(page, line, tight[li], config, tight=not print_like, unit=units[li])
                boxes.extend(_along(page, line, fill, [w.box for w, _, _ in tight[li]], slope, units[li]))
        kept = tuple(
            (int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in boxes if b[2] > b[0] and b[3] > b[1]
        )
        placed.append(PlacedFinding(finding=finding, page=page_index, boxes=kept))
    return tuple(placed)


def _placed_span(text: str, finding: Finding) -> tuple[int, int]:
    """The characters of ``text`` a finding's fill covers: the finding's own and, on each side, one
    syllable more when the finding ends inside a word (the rest of a name, a road or unit number's
    suffix, an organisation's type: detection often finds a detail only in part, and nothing but a
    space reliably ends one). For a person of one or two syllables and for any finding left to
    review, the syllable next to it counts even past one space: detection finds a given name
    without the surname before it more often than the whole name, and a detail left to review was
    found in pieces or guessed. So does the syllable after a number (a counter such as 반 or 호 is
    often written apart from its number), and a number glued on after a finding (소진리27반) is
    taken with the syllable after it."""
    start, end = finding.start, finding.end
    if not any(is_syllable(ch) or ch.isalnum() for ch in text[start:end]):
        return start, end  # only spaces or signs: nothing to grow from
    across = finding.severity is Severity.REVIEW or (
        finding.kind is Kind.PERSON and sum(map(is_syllable, text[start:end])) <= 2
    )
    before = start - 1
    if across and before >= 0 and text[before] == " ":
        before -= 1
        # A surname written apart stands alone ("지 미순이"); the last syllable of a longer word
        # ("누나 련정이") is not one, unless the finding is a review guess anyway.
        if finding.severity is not Severity.REVIEW and before >= 1 and is_syllable(text[before - 1]):
            before = -1
    if before >= 0 and is_syllable(text[before]):
        start = before
    # Letters, digits or signs glued on before an organisation are its prefix ("SK하이닉스", "LG전자"),
    # perhaps misread ("5\하이닉스"): the fill takes them, up to a few characters.
    if finding.kind is Kind.ORG:
        while start > 0 and finding.start - start < _MAX_PREFIX and _is_prefix_char(text[start - 1]):
            start -= 1
    after = end
    if (across or text[end - 1].isdigit()) and after < len(text) and text[after] == " ":
        after += 1
    # A number glued on after the finding goes with it, and so does the syllable after the number.
    digits = after
    while digits < len(text) and digits - after < _MAX_DIGITS and text[digits].isdigit():
        digits += 1
    if digits > after:
        end = after = digits
    if after < len(text) and is_syllable(text[after]):
        end = after + 1
    # Punctuation glued on after the finding ("16-71839391,") goes with it: a cut between a narrow digit
    # and a comma that touches it finds no paper gap there and falls a digit short.
    while end < len(text) and _is_mark(text[end]):
        end += 1
    return start, end


def _is_prefix_char(ch: str) -> bool:
    """A character of an organisation's Latin prefix as OCR may read it: an ASCII letter, digit or sign."""
    return ch.isascii() and not ch.isspace() and ch.isprintable()


# At most this many such characters are taken on before an organisation.
_MAX_PREFIX = 4


def _is_mark(ch: str) -> bool:
    """Punctuation or a sign: not a space, letter, digit or Hangul syllable."""
    return not (ch.isspace() or ch.isalnum())


# At most this many digits are taken on after a finding (a building or unit number, not a phone).
_MAX_DIGITS = 6


def _flagged_words(line: Line, config: ReviewConfig) -> frozenset[int]:
    """Indices of the line's words that :func:`review_regions` turns into review regions for their
    reading (the whole line when it is read poorly overall)."""
    whole_line = line.confidence < config.line_confidence or _low_share(line, config) >= config.line_low_share
    return frozenset(
        i for i, word in enumerate(line.words) if whole_line or word.confidence < config.word_confidence
    )


# Widths of characters relative to a Hangul syllable, for placing part of a word inside its box.
_NARROW = 0.55  # Latin letters and digits
_PUNCT = 0.35  # punctuation and spaces


def _char_width(ch: str) -> float:
    if ch.isascii():
        return _NARROW if ch.isalnum() else _PUNCT
    return 1.0


def _part_box(word: Word, start: int, end: int) -> Box:
    """The box of characters ``[start, end)`` of ``word``: its box cut in proportion to the characters'
    widths (Hangul syllables are about equally wide). The whole word gives the whole box."""
    text = word.text
    if not text or (start <= 0 and end >= len(text)):
        return word.box
    widths = [_char_width(ch) for ch in text]
    total = sum(widths)
    x0, y0, x1, y1 = word.box
    left = x0 + (x1 - x0) * sum(widths[:start]) / total
    right = x0 + (x1 - x0) * sum(widths[:end]) / total
    return (int(left), y0, max(int(left) + 1, int(np.ceil(right))), y1)


def _confident_fill(
    page: PageText,
    line: Line,
    parts: Sequence[tuple[Word, int, int]],
    config: PlaceConfig,
    tight: bool = False,
    unit: int | None = None,
    keep_off: bool = False,
) -> Box:
    """The fill over parts ``(word, start, end)`` of confidently read words of one line (with
    ``tight``: of words left to review, with ``config.tight`` reach).

    Without an ink mask: the words' whole boxes with the generous reach (:func:`_fit`; ``tight``:
    the parts' own boxes, cut from the words' boxes in proportion to their characters, with the tight
    reach). With one, the fill follows the ink (:func:`_ink_span`): each word's writing is found from
    its box outwards through ink that continues without a word gap (which catches a syllable
    tesseract's box missed) and the finding's characters are cut out of it at the paper gaps between
    syllables, so a particle after a name and the neighbouring words stay legible. Any word whose ink
    cannot be made out falls back to the fill without a mask. With ``keep_off`` the fill stays off
    the surely read words beside the parts (:func:`_between_neighbours`)."""
    reach = config.tight if tight else config.reach
    fallback = [_part_box(w, s, e) for w, s, e in parts] if tight else [w.box for w, _, _ in parts]
    ink = page.ink
    if ink is None or ink.shape != (page.height, page.width):
        return _fit(page, line, fallback, reach, unit)
    unit = unit or _syllable(line, page)
    spans: list[tuple[int, int]] = []
    for word, start, end in parts:
        span = _ink_span(page, ink, word, start, end, reach, unit, widen_short=not tight)
        if span is None:
            return _fit(page, line, fallback, reach, unit)
        spans.append(span)
    left, right = min(s[0] for s in spans), max(s[1] for s in spans)
    if keep_off:
        # A number's end is not kept off its neighbour: tesseract's box for a word before a number often
        # reaches over the number's first digits (its box for "010-5893-3946," began at the third), and
        # the ink followed from a digit already stops at the wider gap between words.
        first_word, first, _ = parts[0]
        last_word, _, last = parts[-1]
        left, right = _between_neighbours(
            line,
            parts,
            left,
            right,
            keep_left=is_syllable(first_word.text[first : first + 1]),
            keep_right=is_syllable(last_word.text[last - 1 : last]),
        )
    top = min(w.box[1] for w, _, _ in parts)
    bottom = max(w.box[3] for w, _, _ in parts)
    rows = [_ink_rows(page, (left, w.box[1], right, w.box[3])) for w, _, _ in parts]
    ink_top, ink_bottom = min(r[0] for r in rows), max(r[1] for r in rows)
    grow, pad = round(reach.grow_y * unit), round(reach.pad * unit)
    outer = _clip(
        page,
        (
            left,
            min(top, max(line.box[1], top - grow)) - pad,
            right,
            max(bottom, min(line.box[3], bottom + grow)) + pad,
        ),
    )
    return _snap(page, (left, ink_top, right, ink_bottom), outer, unit)


# Gaps in a line's ink, in syllables: a run of bare paper columns at least ``_WORD_GAP`` wide ends a
# word (measured on rendered print: gaps inside words are below 0.3 of a syllable at the 99th
# percentile, spaces between words above 0.24 at the 0.1th); a cut between the finding's characters
# and the rest of its word goes to a paper gap within ``_CUT_OUT`` of where the characters' widths put
# it on the finding's side and ``_CUT_IN`` on the other, or failing one ``_CUT_MISS`` outwards.
_WORD_GAP = 0.3
# Digits and Latin letters are narrower than a syllable and set further apart for their size: at a
# word's end that is one of them, ink is followed across gaps up to ``_LATIN_GAP`` syllables (the
# leading digits of "010-7091-3261" sit 0.35 of a syllable apart where tesseract's box starts late).
_LATIN_GAP = 0.5
# A word's box is taken as cut short when it is under half this share of its text's expected width.
_SHORT_BOX = 0.9
_CUT_OUT = 0.5
_CUT_IN = 0.2
_CUT_MISS = 0.35


def _ink_span(
    page: PageText,
    ink: npt.NDArray[np.bool_],
    word: Word,
    start: int,
    end: int,
    reach: Reach,
    unit: int,
    *,
    widen_short: bool = False,
) -> tuple[int, int] | None:
    """Left and right edge (page columns) of the fill for characters ``[start, end)`` of ``word``,
    from the ink in the word's rows; ``None`` when the word's box holds no ink."""
    x0, y0, x1, y1 = word.box
    x0, x1 = max(0, x0), min(page.width, x1)
    if x1 <= x0 or y1 <= y0:
        return None
    cols: npt.NDArray[np.bool_] = np.asarray(ink[max(0, y0) : min(page.height, y1)].any(axis=0), dtype=bool)
    inside = np.flatnonzero(cols[x0:x1])
    if not len(inside):
        return None
    stop = max(2, round(_WORD_GAP * unit))
    latin_stop = max(stop, round(_LATIN_GAP * unit))  # at an end that is a digit or Latin letter
    pad = max(2, round(_INK_PAD * unit))
    # The word's writing: its ink inside the box (where its characters are placed, in proportion to
    # their widths), and at the word's own ends continued outwards through ink without a word gap.
    b0, b1 = x0 + int(inside[0]), x0 + int(inside[-1]) + 1
    text = word.text
    widths = [_char_width(ch) for ch in text] or [1.0]
    total = sum(widths)
    start, end = max(0, min(start, len(widths))), max(0, min(end, len(widths)))
    # A cut beside a character that is not a Hangul syllable (digits, brackets, signs: their widths
    # vary from font to font, so the estimate is poor) takes the outermost paper gap within a syllable.
    if start <= 0:
        edge_stop = stop if is_syllable(text[:1]) else latin_stop
        left = _continue(cols, b0, -1, edge_stop, max(0, x0 - round(reach.left * unit))) - pad
    else:
        nearest = _hangul_pair(text, start)
        left = _cut(cols, b0 + (b1 - b0) * sum(widths[:start]) / total, -1, unit, b0, b1, nearest)
    if end >= len(widths):
        # tesseract sometimes boxes only the first of several narrow characters ("11." boxed as the
        # first 1): on a confidently read word (``widen_short``; a reviewed one is looked at anyway,
        # and on handwriting the widening filled more of the words around) a box far narrower than
        # its text is widened to the text's expected width first, and the ink is followed from there.
        expected = x0 + round(_SHORT_BOX * total * unit)
        if widen_short and start <= 0 and expected > b1 and (b1 - b0) < _SHORT_BOX * total * unit / 2:
            b1 = min(page.width, expected)
            x1 = max(x1, b1)
        edge_stop = stop if is_syllable(text[-1:]) else latin_stop
        right = _continue(cols, b1, 1, edge_stop, min(page.width, x1 + round(reach.right * unit))) + pad
    else:
        nearest = _hangul_pair(text, end)
        right = _cut(cols, b0 + (b1 - b0) * sum(widths[:end]) / total, 1, unit, b0, b1, nearest)
    left, right = max(0, left), min(page.width, right)
    return (left, max(left + 1, right))


# A neighbouring word read at least this surely (0..1) keeps its ink: a fill followed from the
# finding's word stops at the neighbour's box (see _between_neighbours). Measured on rendered
# handwriting (seeds 104-171): benign ink filled fell 0.3-0.8 points with no detail less redacted;
# at 0.75 a date whose neighbour's box reached over its first digits leaked.
_NEIGHBOUR_CONFIDENCE = 0.9


def _between_neighbours(
    line: Line,
    parts: Sequence[tuple[Word, int, int]],
    left: int,
    right: int,
    *,
    keep_left: bool = True,
    keep_right: bool = True,
) -> tuple[int, int]:
    """``left`` and ``right`` kept off the words on either side when those were read surely: the ink
    followed outwards from a finding's word is a syllable its box missed only where no other word
    claims it. On handwriting the paper between words is often narrower than the gap that ends a
    word, and the fill ran on over the word before ("누나 련정이": 누나 blacked out with the name).
    Never inside the finding's own words' boxes; only on the sides asked for."""
    own = [i for i, w in enumerate(line.words) if any(w is p for p, _, _ in parts)]
    if not own:
        return left, right
    first, last = min(own), max(own)
    inner_left = min(line.words[i].box[0] for i in own)
    inner_right = max(line.words[i].box[2] for i in own)
    if keep_left and first > 0:
        prev = line.words[first - 1]
        if prev.confidence >= _NEIGHBOUR_CONFIDENCE and _same_row(prev.box, line.words[first].box):
            left = max(left, min(prev.box[2], inner_left))
    if keep_right and last + 1 < len(line.words):
        nxt = line.words[last + 1]
        if nxt.confidence >= _NEIGHBOUR_CONFIDENCE and _same_row(nxt.box, line.words[last].box):
            right = min(right, max(nxt.box[0], inner_right))
    return left, max(left + 1, right)


def _same_row(a: Box, b: Box) -> bool:
    """Two word boxes overlap vertically by at least half the lower one."""
    return min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * min(a[3] - a[1], b[3] - b[1])


def _hangul_pair(text: str, at: int) -> bool:
    """Whether the characters on both sides of position ``at`` are Hangul syllables."""
    return 0 < at < len(text) and is_syllable(text[at - 1]) and is_syllable(text[at])


def _continue(cols: npt.NDArray[np.bool_], edge: int, step: int, stop: int, limit: int) -> int:
    """From ``edge`` (exclusive end of ink when ``step`` is 1, first ink column when -1) outwards
    through columns, as long as ink resumes within ``stop`` columns and ``limit`` is not passed."""
    last = edge
    gap = 0
    col = edge if step > 0 else edge - 1
    while (col < limit) if step > 0 else (col >= limit):
        if cols[col]:
            gap = 0
            last = col + 1 if step > 0 else col
        else:
            gap += 1
            if gap >= stop:
                break
        col += step
    return last


def _cut(
    cols: npt.NDArray[np.bool_], at: float, side: int, unit: int, lo: int, hi: int, nearest: bool = True
) -> int:
    """A cut near column ``at`` between characters: the edge of a fill whose characters lie to the
    right (``side`` -1, a left edge) or left (``side`` 1). It goes into the paper gap nearest ``at``
    within ``_CUT_OUT`` syllables on the outer side and ``_CUT_IN`` on the inner side (with ``nearest``
    false: the outermost one within twice ``_CUT_OUT``), or ``_CUT_MISS`` outwards when there is none."""
    out, inner = (_CUT_OUT if nearest else 2 * _CUT_OUT) * unit, _CUT_IN * unit
    a, b = (at - out, at + inner) if side < 0 else (at - inner, at + out)
    a_i, b_i = max(lo, int(np.floor(a))), min(hi, int(np.ceil(b)))
    best: tuple[float, int] | None = None
    col = a_i
    while col < b_i:
        if cols[col]:
            col += 1
            continue
        gap_start = col
        while col < hi and not cols[col]:
            col += 1
        gap_end = col  # paper columns gap_start .. gap_end - 1
        if gap_start <= lo or gap_end >= hi:
            continue  # the paper around the writing is no gap between its characters
        middle = (gap_start + gap_end) / 2
        # Inside the gap, keep two columns of it on the finding's side (faint edges of its glyph).
        edge = min(int(middle), gap_end - 2) if side < 0 else max(int(np.ceil(middle)), gap_start + 2)
        dist = abs(middle - at) if nearest else side * (at - middle)
        if best is None or dist < best[0]:
            best = (dist, edge)
    if best is not None:
        return best[1]
    miss = _CUT_MISS * unit
    return int(np.floor(at - miss)) if side < 0 else int(np.ceil(at + miss))


def review_regions(
    page: PageText, placed: Sequence[PlacedFinding], page_index: int = 0, config: ReviewConfig = REVIEW
) -> tuple[ReviewRegion, ...]:
    """Regions a moderator must look at, overlapping regions merged, top to bottom."""
    regions: list[tuple[Box, ReviewReason, int]] = []
    slope = _slope(page)
    for line_index, line in enumerate(page.lines):
        # A line read with low confidence overall is flagged word by word (each word with its reach),
        # not as its box: on a straightened page the line box is the upright box around a slanted
        # line, far taller than the line itself.
        flagged = _flagged_words(line, config)
        unit = _syllable(line, page) if flagged else 0
        for word_index, word in enumerate(line.words):
            if word_index in flagged:
                box = _fit(page, line, [word.box], config.reach, unit, config.pad_ink)
                regions.extend(
                    (piece, ReviewReason.LOW_CONFIDENCE, line_index)
                    for piece in _chain(_along(page, line, box, [word.box], slope, unit, config.pad_ink))
                )
    for box in page.unread:
        reason = (
            ReviewReason.UNREADABLE_REGION if _beside_text(box, page.lines) else ReviewReason.UNREADABLE_LINE
        )
        padded = _pad_box(page, box, config.pad_unread * _height(box))
        regions.append((_snap(page, box, padded, _height(box), config.pad_ink), reason, _ANY_LINE))
    sure = [(p.finding.start, p.finding.end) for p in placed if p.finding.severity is Severity.REDACT]
    for item in placed:
        f = item.finding
        if f.severity is not Severity.REVIEW:
            continue
        reason = ReviewReason.RISKY_TOPIC if f.kind is Kind.TOPIC else ReviewReason.POSSIBLE_DETAIL
        # A possible detail whose characters a redact finding holds (a place word also read as a name)
        # is filled anyway: nothing is left to judge. A risky topic is about what the letter says, and
        # is always shown.
        if reason is ReviewReason.POSSIBLE_DETAIL and any(s <= f.start and f.end <= e for s, e in sure):
            continue
        regions.extend((box, reason, _line_of(box, page.lines)) for box in item.boxes)
    regions.extend(_bridges(regions))
    merged = _merge(regions)
    return tuple(
        ReviewRegion(box=box, reason=reason, page=page_index)
        for box, reason in sorted(merged, key=lambda r: (r[0][1], r[0][0], r[1].value))
    )


def _bridges(regions: Sequence[tuple[Box, ReviewReason, int]]) -> list[tuple[Box, ReviewReason, int]]:
    """Boxes closing the gap between two reading-problem regions side by side on one line, when the
    gap is narrower than a syllable (the smaller region's height): ink between two stretches nobody
    could read is no better read for falling between them (an address OCR turned into a few symbols
    with nothing for the letters in between)."""
    reading = sorted(
        (
            (box, line)
            for box, reason, line in regions
            if reason in _READING and box[2] > box[0] and box[3] > box[1]
        ),
        key=lambda r: r[0][0],
    )
    out: list[tuple[Box, ReviewReason, int]] = []
    for i, (a, line_a) in enumerate(reading):
        best: Box | None = None
        for b, line_b in reading[i + 1 :]:
            unit = min(_height(a), _height(b))
            if b[0] - a[2] > unit:
                break  # sorted by left edge: every later box starts further right
            top, bottom = max(a[1], b[1]), min(a[3], b[3])
            if b[0] <= a[2] or bottom - top < 0.5 * unit:
                continue
            if _ANY_LINE not in (line_a, line_b) and line_a != line_b:
                continue
            if best is None or b[0] < best[2]:
                best = (a[2], top, b[0], bottom)
        if best is not None:
            out.append((best, ReviewReason.LOW_CONFIDENCE, line_a))
    return out


def burn(image: Image.Image, boxes: Sequence[Box]) -> Image.Image:
    """A new RGB image, the same size, with every box filled solid black in its pixels.

    Boxes are clipped to the image; an empty or inverted box fills nothing. Transparency is flattened
    onto white first, so nothing hidden in an alpha channel survives under a fill.
    """
    out = _rgb(image)
    pixels = np.array(out, dtype=np.uint8)
    height, width = pixels.shape[:2]
    for x0, y0, x1, y1 in boxes:
        x0, x1 = max(0, x0), min(width, x1)
        y0, y1 = max(0, y0), min(height, y1)
        if x1 > x0 and y1 > y0:
            pixels[y0:y1, x0:x1] = 0
    return Image.fromarray(pixels, "RGB")


def preview(
    image: Image.Image, redacted_boxes: Sequence[Box], regions: Sequence[ReviewRegion]
) -> Image.Image:
    """A moderator's view: the page with the fills burned in and each review region outlined and
    labelled with its reason. For review only; it is never the redacted output."""
    shown = burn(image, redacted_boxes)
    draw = ImageDraw.Draw(shown)
    line_width = max(2, min(shown.size) // 400)
    for region in regions:
        x0, y0, x1, y1 = region.box
        if x1 <= x0 or y1 <= y0:
            continue
        colour = _COLOURS.get(region.reason, (200, 0, 200))
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), outline=colour, width=line_width)
        label = region.reason.value
        left, top, right, bottom = draw.textbbox((0, 0), label)
        label_y = y0 - (bottom - top) - 2 if y0 >= (bottom - top) + 2 else y1 + 1
        draw.rectangle((x0, label_y, x0 + right - left + 2, label_y + bottom - top + 2), fill=colour)
        draw.text((x0 + 1, label_y - top + 1), label, fill=(255, 255, 255))
    return shown


def text_area(page: PageText) -> int:
    """Pixels covered by the page's text: the union of OCR line boxes and unread ink boxes (which
    together are the layout's lines and OCR's), the denominator of review coverage."""
    if page.width <= 0 or page.height <= 0:
        return 0
    mask = np.zeros((page.height, page.width), dtype=bool)
    for x0, y0, x1, y1 in [line.box for line in page.lines] + list(page.unread):
        mask[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)] = True
    return int(mask.sum())


_COLOURS: dict[ReviewReason, tuple[int, int, int]] = {
    ReviewReason.LOW_CONFIDENCE: (230, 140, 0),
    ReviewReason.UNREADABLE_LINE: (220, 0, 0),
    ReviewReason.UNREADABLE_REGION: (220, 0, 0),
    ReviewReason.POSSIBLE_DETAIL: (0, 90, 220),
    ReviewReason.RISKY_TOPIC: (140, 0, 200),
}


def _rgb(image: Image.Image) -> Image.Image:
    """The page as RGB; transparent pixels become white paper, odd modes go through grey."""
    if image.mode == "RGB":
        return image.copy()
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    if image.mode in ("1", "L", "P", "CMYK", "YCbCr", "LAB", "HSV"):
        return image.convert("RGB")
    return Image.fromarray(to_gray(image), "L").convert("RGB")


def _height(box: Box) -> int:
    return max(1, box[3] - box[1])


def _low_share(line: Line, config: ReviewConfig) -> float:
    """Share of the line's characters that sit in words read below ``config.word_confidence``."""
    chars = sum(len(w.text) for w in line.words)
    low = sum(len(w.text) for w in line.words if w.confidence < config.word_confidence)
    return low / chars if chars else 1.0


def _syllable(line: Line, page: PageText | None = None) -> int:
    """About one syllable's size on this line: the median height of its words' boxes (a Korean
    syllable is roughly square), never more than the line's own height. The line box itself is a poor
    measure: on a page that was straightened it is the upright box around a slanted line. Given the
    page and its ink mask, never more than the median height of the writing itself under the words
    either: tesseract's boxes for Korean words are often much taller than the glyphs (measured on
    rendered print, up to 1.8 times), and every reach and gap measured in syllables grows with them."""
    heights = sorted(_height(w.box) for w in line.words)
    if not heights:
        return _height(line.box)
    unit = max(1, min(_height(line.box), heights[len(heights) // 2]))
    if page is None or page.ink is None or page.ink.shape != (page.height, page.width):
        return unit
    ink = page.ink
    inked = sorted(h for h in (_ink_height(ink, w.box) for w in line.words) if h)
    if not inked:
        return unit
    return max(4, min(unit, inked[len(inked) // 2]))


def _ink_height(ink: npt.NDArray[np.bool_], box: Box) -> int:
    """The height of the tallest band of ink rows inside ``box`` (rows apart by a tenth of the box's
    height or less count as one band); 0 for a box without ink."""
    x0, y0, x1, y1 = box
    rows = np.flatnonzero(np.asarray(ink[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)]).any(axis=1))
    if not len(rows):
        return 0
    breaks = np.flatnonzero(np.diff(rows) > max(2, (y1 - y0) // 10))
    starts = np.concatenate(([rows[0]], rows[breaks + 1]))
    ends = np.concatenate((rows[breaks], [rows[-1]]))
    return int((ends - starts).max()) + 1


def _around(page: PageText, line: Line, words: Iterable[Box], reach: Reach, unit: int | None = None) -> Box:
    """The words' horizontal span widened by ``reach``, over the height of the line near those words
    (the words' own rows widened by ``reach.grow_y``, within the line box), padded, clipped."""
    word_boxes = list(words)
    unit = unit or _syllable(line, page)
    grow, pad = round(reach.grow_y * unit), round(reach.pad * unit)
    top = min(b[1] for b in word_boxes)
    bottom = max(b[3] for b in word_boxes)
    return _clip(
        page,
        (
            min(b[0] for b in word_boxes) - round(reach.left * unit) - pad,
            min(top, max(line.box[1], top - grow)) - pad,
            max(b[2] for b in word_boxes) + round(reach.right * unit) + pad,
            max(bottom, min(line.box[3], bottom + grow)) + pad,
        ),
    )


def _fit(
    page: PageText,
    line: Line,
    words: Iterable[Box],
    reach: Reach,
    unit: int | None = None,
    pad_share: float = 0.0,
) -> Box:
    """:func:`_around`, fitted to the page's ink when the page carries an ink mask: see :func:`_snap`."""
    word_boxes = list(words)
    unit = unit or _syllable(line, page)
    outer = _around(page, line, word_boxes, reach, unit)
    rows = [_ink_rows(page, b) for b in word_boxes]
    core = (
        min(b[0] for b in word_boxes),
        min(r[0] for r in rows),
        max(b[2] for b in word_boxes),
        max(r[1] for r in rows),
    )
    return _snap(page, core, outer, unit, pad_share)


def _ink_rows(page: PageText, box: Box) -> tuple[int, int]:
    """The rows of ``box`` from its first to its last row with ink (its own rows when it holds no
    ink or the page has no ink mask): tesseract's boxes for Korean words are often far taller than
    the writing, and what must be covered is the writing."""
    x0, y0, x1, y1 = _clip(page, box)
    ink = page.ink
    if ink is None or ink.shape != (page.height, page.width) or x1 <= x0 or y1 <= y0:
        return box[1], box[3]
    rows = np.flatnonzero(np.asarray(ink[y0:y1, x0:x1]).any(axis=1))
    if not len(rows):
        return box[1], box[3]
    return y0 + int(rows[0]), y0 + int(rows[-1]) + 1


def _snap(page: PageText, core: Box, outer: Box, unit: int, pad_share: float = 0.0) -> Box:
    """The part of ``outer`` that ink needs, never less than ``core`` (the words' own boxes).

    Vertically the box covers ``core`` and then only the rows of ink connected to it (rows with ink
    in ``outer``'s columns, stopping at the first gap of paper: the space between two lines), so a fill
    no longer grows into the line above or below. Horizontally it stops at the outermost ink inside
    ``outer``'s reach: a reach over bare paper shrinks back to the words, a reach that finds ink keeps
    it. Everything is padded by ``_INK_PAD`` of a syllable and stays inside ``outer``. Without an ink
    mask, ``outer`` itself.
    """
    ink = page.ink
    if ink is None or ink.shape != (page.height, page.width):
        return outer
    ox0, oy0, ox1, oy1 = outer
    cx0, cy0 = max(ox0, min(core[0], ox1)), max(oy0, min(core[1], oy1))
    cx1, cy1 = max(cx0, min(core[2], ox1)), max(cy0, min(core[3], oy1))
    if ox1 <= ox0 or oy1 <= oy0:
        return outer
    window: npt.NDArray[np.bool_] = np.asarray(ink[oy0:oy1, ox0:ox1], dtype=bool)
    pad = max(2, round(_INK_PAD * unit)) if pad_share <= 0 else max(1, round(pad_share * unit))
    gap = max(1, round(_ROW_GAP * unit))
    rows: npt.NDArray[np.bool_] = np.asarray(window.any(axis=1), dtype=bool)
    top, bottom = cy0 - oy0, cy1 - oy0  # band of rows, relative to the window
    empty = 0
    row = top - 1
    while row >= 0:
        empty = 0 if rows[row] else empty + 1
        if empty > gap:
            break
        if rows[row]:
            top = row
        row -= 1
    empty = 0
    row = bottom
    while row < len(rows):
        empty = 0 if rows[row] else empty + 1
        if empty > gap:
            break
        if rows[row]:
            bottom = row + 1
        row += 1
    cols = np.flatnonzero(window[top:bottom].any(axis=0))
    left, right = cx0 - ox0, cx1 - ox0
    if len(cols):
        left, right = min(left, int(cols[0])), max(right, int(cols[-1]) + 1)
    return (
        max(ox0, ox0 + left - pad),
        max(oy0, oy0 + top - pad),
        min(ox1, ox0 + right + pad),
        min(oy1, oy0 + bottom + pad),
    )


def _slope(page: PageText) -> float:
    """How far the page's text lines drop per column to the right (0 for a straight page or one
    without an ink mask). Extraction straightens the page for OCR but hands back upright boxes in
    the original's pixels; on a page scanned a few degrees askew such a box around a long word is a
    line taller than the word, and filled whole it blacks out the lines above and below."""
    ink = page.ink
    if ink is None or ink.shape != (page.height, page.width) or len(page.lines) < _SKEW_LINES:
        return 0.0  # (a line or two of writing says little about the page's skew)
    # On every other pixel (a fraction of the time, the same angle to a tenth of a degree or two);
    # counter-clockwise angles: lines run y = y0 - x·tan(angle).
    angle = estimate_skew(ink[::2, ::2])
    return -math.tan(math.radians(angle)) if angle else 0.0


# The skew is measured on pages with at least this many lines read.
_SKEW_LINES = 3
# Slices of a fill or region along a slanted line are this many syllables wide.
_SLICE = 1.0
# …and follow the ink connected to their band up to this many syllables above and below it.
_SLICE_GROW = 0.6
# Boxes across which the line drops less than this (in syllables) stay whole.
_SLICE_DRIFT = 0.15


def _along(
    page: PageText,
    line: Line,
    box: Box,
    words: Sequence[Box],
    slope: float,
    unit: int | None = None,
    pad_share: float = 0.0,
) -> list[Box]:
    """``box`` (a fill or region around ``words`` of ``line``) cut, on a page that is askew, into
    slices a syllable wide, each only as tall as the slanted band of writing through it (the words'
    own height, from their upright boxes and the slope) and the ink connected to that band up to
    ``_SLICE_GROW`` above and below (writing that leaves the band, or a band put a little off, as on a
    handwritten line that slants more than the page); on a straight page, ``box`` itself. No slice
    reaches outside ``box``."""
    x0, y0, x1, y1 = box
    if not slope or not words or x1 <= x0 or y1 <= y0:
        return [box]
    unit = unit or _syllable(line, page)
    if abs(slope) * (x1 - x0) < _SLICE_DRIFT * unit:
        return [box]  # the line drops too little across the box for slices to be worth it
    band = _band_height(line, slope, unit)
    step = max(4, round(_SLICE * unit))
    grow = round(_SLICE_GROW * unit)
    centres = sorted(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in words)
    pieces: list[Box] = []
    for xa in range(x0, x1, step):
        xb = min(x1, xa + step)
        middle = (xa + xb) / 2
        cx, cy = min(centres, key=lambda c: abs(c[0] - middle))
        centre = cy + (middle - cx) * slope
        half = band / 2 + abs(slope) * (xb - xa) / 2
        top = max(y0, min(y1 - 1, int(np.floor(centre - half))))
        bottom = min(y1, max(top + 1, int(np.ceil(centre + half))))
        # One column of overlap, so that neighbouring slices of a review region can merge.
        core = (max(x0, xa - 1), top, xb, bottom)
        outer = (core[0], max(y0, top - grow), xb, min(y1, bottom + grow))
        pieces.append(_snap(page, core, outer, unit, pad_share))
    return pieces


def _chain(pieces: Sequence[Box]) -> list[Box]:
    """Neighbouring slices from :func:`_along` joined left to right while the joined box stays within
    ``_MERGE_GROWTH`` of the taller one's height (what :func:`_merge` would do, done early so that a
    page of slanted regions does not hand the merge thousands of slices)."""
    out: list[Box] = []
    tallest = 0
    for piece in pieces:
        if out and _overlaps(out[-1], piece):
            last = out[-1]
            union = (
                min(last[0], piece[0]),
                min(last[1], piece[1]),
                max(last[2], piece[2]),
                max(last[3], piece[3]),
            )
            top = max(tallest, _height(piece))
            if _height(union) <= _MERGE_GROWTH * top:
                out[-1], tallest = union, top
                continue
        out.append(piece)
        tallest = _height(piece)
    return out


def _band_height(line: Line, slope: float, unit: int) -> float:
    """The height of the line's writing measured across the line: the median over its words of the
    height of the rectangle, tilted by ``slope``, whose upright box is the word's box."""
    c = 1 / math.sqrt(1 + slope * slope)
    s = abs(slope) * c
    heights = []
    for w in line.words:
        width, height = w.box[2] - w.box[0], _height(w.box)
        if c * c - s * s > 0.5:
            heights.append((height * c - width * s) / (c * c - s * s))
    if not heights:
        return float(unit)
    return float(min(unit, max(0.5 * unit, float(np.median(heights)))))


def _line_of(box: Box, lines: Sequence[Line]) -> int:
    """Index of the line whose rows ``box`` shares most (``_ANY_LINE`` when none)."""
    best, best_overlap = _ANY_LINE, 0
    for i, line in enumerate(lines):
        overlap = min(box[3], line.box[3]) - max(box[1], line.box[1])
        if overlap > best_overlap and box[0] < line.box[2] and line.box[0] < box[2]:
            best, best_overlap = i, overlap
    return best


def _pad_box(page: PageText, box: Box, pad: float) -> Box:
    p = round(pad)
    return _clip(page, (box[0] - p, box[1] - p, box[2] + p, box[3] + p))


def _clip(page: PageText, box: Box) -> Box:
    x0, y0, x1, y1 = box
    return (
        max(0, min(page.width, x0)),
        max(0, min(page.height, y0)),
        max(0, min(page.width, x1)),
        max(0, min(page.height, y1)),
    )


def _beside_text(box: Box, lines: Sequence[Line]) -> bool:
    """Whether ``box`` shares its rows with a line OCR read (part of a line, not a line of its own)."""
    for line in lines:
        overlap = min(box[3], line.box[3]) - max(box[1], line.box[1])
        if overlap >= 0.5 * min(_height(box), _height(line.box)):
            return True
    return False


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# A merged region is at most this much taller than the tallest region in it.
_MERGE_GROWTH = 1.1


def _merge(regions: list[tuple[Box, ReviewReason, int]]) -> list[tuple[Box, ReviewReason]]:
    """Merge overlapping regions of one line band. Reading problems merge with each other (keeping
    the strongest reason); a possible detail or risky topic merges only with its own kind, so the
    moderator still sees why it was flagged.

    A merge must not make a region much taller than the tallest region that went into it: otherwise
    the steps of a slanted line, or regions on neighbouring lines touching through their padding,
    snowball into one box over much more than the text in question.
    """

    def group(reason: ReviewReason) -> str:
        return "reading" if reason in _READING else reason.value

    # (box, reason, height of the tallest original region in it, line or _ANY_LINE)
    pending = [
        (box, reason, _height(box), line)
        for box, reason, line in regions
        if box[2] > box[0] and box[3] > box[1]
    ]
    changed = True
    while changed:
        changed = False
        out: list[tuple[Box, ReviewReason, int, int]] = []
        for box, reason, base, line in pending:
            for i, (other, other_reason, other_base, other_line) in enumerate(out):
                if group(reason) != group(other_reason) or not _overlaps(box, other):
                    continue
                if _ANY_LINE not in (line, other_line) and line != other_line:
                    continue  # regions of different lines stay apart
                union = (
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                )
                tallest = max(base, other_base)
                if _height(union) > _MERGE_GROWTH * tallest:
                    continue
                merged_line = other_line if line == _ANY_LINE else line
                out[i] = (union, min(reason, other_reason, key=_strength), tallest, merged_line)
                changed = True
                break
            else:
                out.append((box, reason, base, line))
        pending = out
    return [(box, reason) for box, reason, _, _ in pending]


def _strength(reason: ReviewReason) -> int:
    return _READING.index(reason) if reason in _READING else len(_READING)
