"""Text with boxes from a page image: one OCR pass, plus the ink that OCR did not read.

``extract_page`` cleans the page (:mod:`relay.preprocess`), finds the text lines from the ink
(:mod:`relay.layout`), runs the OCR engine exactly once, maps the engine's boxes back to the original
image, and records in ``PageText.unread`` every stretch of ink that no confidently read word accounts
for. That last step is what makes extraction fail closed: tesseract reads handwriting poorly and drops
what it cannot read without a word, so silence from OCR must never be taken for blank paper.

The OCR engine is a port (:class:`OcrEngine`) with a real adapter (:class:`TesseractEngine`) and a test
double (:class:`FakeOcrEngine`) that refuses to run outside tests.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np
from PIL import Image

from relay.errors import RelayError
from relay.layout import line_boxes
from relay.model import Box, Line, PageText, Word
from relay.preprocess import Mask, Prepared, prepare

OCR_FAILED = "ocr_failed"


class OcrEngine(Protocol):
    """Reads one page image into lines of words with boxes in that image's pixels."""

    def read(self, image: Image.Image) -> PageText: ...


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Tuning of extraction. Sizes in line heights are relative to the line at hand."""

    # Ink counts as read only under a word at least this confident (0..1).
    read_confidence: float = 0.5
    # A read word accounts for ink this far beyond its box on either side, in word heights: tesseract's
    # Korean word boxes can sit a fraction of a syllable off the ink.
    word_reach: float = 0.3
    # Unread stretches closer than this (line heights) are one region.
    join_gap: float = 0.8
    # Unread ink smaller than this (in glyph areas) is a stray mark, not a character.
    min_unread_glyphs: float = 0.15
    # OCR input is rescaled when the median text-line height (pixels) is outside
    # [min_line_px, max_line_px]: tiny print up to ``up_to_px``, large writing down to ``down_to_px``.
    # Measured: tesseract's Korean model reads handwriting-sized text best at lines of ~28 px (and
    # faster), and print of 12 px lines only after enlarging; enlarging costs OCR time, so only tiny
    # print is enlarged.
    min_line_px: int = 14
    max_line_px: int = 32
    up_to_px: int = 16
    down_to_px: int = 28
    max_upscale: float = 2.0
    min_downscale: float = 0.35


class TesseractEngine:
    """The tesseract command-line program, one process per page.

    The page goes to tesseract through a pipe (as binary PGM) and the words come back through a pipe,
    so no copy of the letter is written to a temporary file. tesseract runs with one OpenMP thread: on
    two cores that is several times faster than its default of using every core for one page.
    """

    def __init__(self, lang: str = "kor", psm: int = 6, timeout_s: float = 120.0) -> None:
        if not (lang.isascii() and lang.replace("+", "").replace("_", "").isalnum()):
            raise ValueError("lang must be tesseract language codes such as 'kor' or 'kor+eng'")
        if not 0 <= psm <= 13:
            raise ValueError("psm must be a tesseract page segmentation mode from 0 to 13")
        if timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        self.lang = lang
        self.psm = psm
        self.timeout_s = timeout_s

    def read(self, image: Image.Image) -> PageText:
        """Words grouped into tesseract's lines, confidence 0..1, boxes in ``image``'s pixels."""
        program = shutil.which("tesseract")
        if program is None:
            raise RelayError(
                "tesseract is not installed; install tesseract-ocr and tesseract-ocr-kor", code=OCR_FAILED
            )
        # Binary PGM: no compression to spend time on, here or in tesseract (leptonica reads it from a
        # pipe like PNG; the words read are the same).
        buffer = io.BytesIO()
        # (convert() would copy a page that is grey already, as prepared pages are.)
        (image if image.mode == "L" else image.convert("L")).save(buffer, "PPM")
        command = [
            *_limits(self.timeout_s),
            program,
            "stdin",
            "stdout",
            "-l",
            self.lang,
            "--psm",
            str(self.psm),
            # tesseract retries each poorly read line with its colours inverted (white text on black)
            # and keeps whichever reads better. A prepared page is dark ink on light paper, so the retry
            # only costs time: measured on rendered letters, 8% of the OCR time of a handwritten page
            # (its lines read poorly, so most are retried) for identical text, none on print. Whatever
            # is still not read is unread ink, which becomes a review region as before.
            "-c",
            "tessedit_do_invert=0",
            "tsv",
        ]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                command,
                input=buffer.getvalue(),
                capture_output=True,
                timeout=self.timeout_s,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RelayError(
                f"OCR took longer than {self.timeout_s:g} s and was stopped", code=OCR_FAILED
            ) from None
        except OSError as error:
            raise RelayError(
                f"tesseract could not be started ({type(error).__name__})", code=OCR_FAILED
            ) from None
        if done.returncode != 0:
            # stderr is not quoted: it is the engine's to word and nothing guarantees it holds no text.
            raise RelayError(f"tesseract failed with exit status {done.returncode}", code=OCR_FAILED)
        return parse_tsv(done.stdout.decode("utf-8", errors="replace"), image.width, image.height)


# Resource limits on one OCR process: address space (a hostile page must not take the machine's memory),
# CPU seconds (a backstop behind the wall-clock timeout), no core dump (it would hold the page's pixels)
# and few open files.
OCR_MEMORY_BYTES = 2 << 30
OCR_OPEN_FILES = 64


def _limits(timeout_s: float) -> list[str]:
    """The ``prlimit`` prefix that runs tesseract under its limits.

    prlimit (util-linux) sets the limits and then execs tesseract in place, so the process that
    ``subprocess.run`` times out and kills is tesseract itself. Without prlimit relay refuses to run OCR
    rather than run it unlimited. (``preexec_fn`` could set them too, but it is unsafe in a process with
    threads, which workers are.)
    """
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        raise RelayError(
            "prlimit (util-linux) is not installed; relay runs OCR only under resource limits",
            code=OCR_FAILED,
        )
    return [
        prlimit,
        f"--as={OCR_MEMORY_BYTES}",
        f"--cpu={math.ceil(timeout_s) + 5}",
        "--core=0",
        f"--nofile={OCR_OPEN_FILES}",
        "--",
    ]


def parse_tsv(tsv: str, width: int, height: int) -> PageText:
    """tesseract's TSV output as a :class:`PageText`; words without text are dropped, and so are lines
    left with no words."""
    line_boxes_by_key: dict[tuple[int, int, int], Box] = {}
    words_by_key: dict[tuple[int, int, int], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or not fields[0].isdigit():
            continue
        try:
            level, block, par, line = (int(v) for v in fields[0:1] + fields[2:5])
            left, top, w, h = (int(v) for v in fields[6:10])
            conf = float(fields[10])
        except ValueError:
            continue
        key = (block, par, line)
        box = (max(0, left), max(0, top), min(width, left + w), min(height, top + h))
        text = fields[11].strip()
        if box[2] <= box[0] or box[3] <= box[1]:
            continue  # nothing of it lies on the page
        if level == 4:
            line_boxes_by_key[key] = box
        elif level == 5 and text:
            words_by_key.setdefault(key, []).append(Word(text, box, min(1.0, max(0.0, conf / 100))))
    lines = []
    for key, words in words_by_key.items():
        box = line_boxes_by_key.get(key, words[0].box)
        for word in words:
            box = _union(box, word.box)
        lines.append(Line(box, tuple(words)))
    return PageText(width=width, height=height, lines=tuple(lines))


class FakeOcrEngine:
    """A test double that returns a fixed :class:`PageText`.

    Its boxes are given in the pixels of the page the test hands to ``extract_page``; since extraction
    may resize the page before OCR, the fake scales them to the image it is actually given (pages used
    with the fake must be straight, so that no rotation is involved). It refuses to exist outside a
    pytest run, so it can never stand in for OCR on a real letter.
    """

    def __init__(self, page: PageText) -> None:
        _only_in_tests()
        self.page = page
        self.calls = 0

    def read(self, image: Image.Image) -> PageText:
        _only_in_tests()
        self.calls += 1
        if not self.page.width or not self.page.height:
            return self.page
        fx, fy = image.width / self.page.width, image.height / self.page.height

        def scale(box: Box) -> Box:
            return (round(box[0] * fx), round(box[1] * fy), round(box[2] * fx), round(box[3] * fy))

        lines = tuple(
            Line(scale(line.box), tuple(Word(w.text, scale(w.box), w.confidence) for w in line.words))
            for line in self.page.lines
        )
        return PageText(width=image.width, height=image.height, lines=lines)


def _only_in_tests() -> None:
    if "pytest" not in sys.modules:
        raise RuntimeError("FakeOcrEngine is a test double and only runs under pytest")


def extract_page(
    image: Image.Image, engine: OcrEngine | None = None, config: ExtractConfig = ExtractConfig()
) -> PageText:
    """Read one page: lines of words with boxes in ``image``'s pixels, and the ink nobody read.

    Raises :class:`~relay.errors.RelayError` with code ``ocr_failed`` when the engine fails; the message
    never holds document content.
    """
    width, height = image.size
    if width == 0 or height == 0:
        return PageText(width=width, height=height, lines=())
    engine = engine or TesseractEngine()
    prepared = prepare(image)
    layout = line_boxes(prepared.ink, prepared.glyph_px)
    scale = _ocr_scale(layout, height, config)
    ocr_image = prepared.ocr_image
    if scale < 1.0:
        # Thin pen strokes fade when large writing is shrunk; thickening them first by one pixel
        # measurably helps (pen-style fonts: 0.87 → 0.90 character accuracy) and never hurt print.
        ocr_image = _thicken(ocr_image)
    if scale != 1.0:
        size = (max(1, round(ocr_image.width * scale)), max(1, round(ocr_image.height * scale)))
        ocr_image = ocr_image.resize(
            size, Image.Resampling.BICUBIC if scale > 1 else Image.Resampling.LANCZOS
        )
    read = engine.read(ocr_image)
    # Work in prepared (straightened, unscaled) pixels, where the layout boxes are.
    lines = [_scaled_line(line, 1 / scale) for line in read.lines if line.words]
    unread = _unread(prepared, layout, lines, config)
    back = [
        Line(prepared.to_original(line.box), tuple(_word_back(w, prepared) for w in line.words))
        for line in lines
    ]
    return PageText(
        width=width,
        height=height,
        lines=tuple(back),
        unread=tuple(piece for box in unread for piece in _back_in_pieces(box, prepared)),
        ink=_ink_back(prepared),
    )


def _ink_back(prepared: Prepared) -> Mask:
    """The lenient ink mask (:attr:`Prepared.loose_ink`, pale strokes and specks kept so a fill never
    stops short of faint writing) in the original page's pixels (straightening undone, grown by a
    pixel so that resampling never thins a stroke away)."""
    ink = prepared.ink if prepared.loose_ink is None else prepared.loose_ink
    if not prepared.angle_deg:
        return ink.copy()
    height, width = ink.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -prepared.angle_deg, 1.0)
    back = cv2.warpAffine(
        ink.astype(np.uint8), matrix, (width, height), flags=cv2.INTER_NEAREST, borderValue=0
    )
    back = cv2.dilate(back, np.ones((3, 3), np.uint8))
    return np.asarray(back, dtype=bool)


def _ocr_scale(layout: list[Box], page_height: int, config: ExtractConfig) -> float:
    """How much to resize the page for OCR: only when its text is far from the size tesseract likes.

    Only line-shaped boxes count, and the factor is bounded, so that a drawing or a dark area taken
    for one huge "line" can never shrink the page to a thumbnail.
    """
    heights = [
        b[3] - b[1] for b in layout if b[2] - b[0] >= 2 * (b[3] - b[1]) and b[3] - b[1] <= page_height / 8
    ]
    if not heights:
        return 1.0
    typical = max(1.0, float(np.median(heights)))
    if typical < config.min_line_px:
        return min(config.max_upscale, config.up_to_px / typical)
    if typical > config.max_line_px:
        return max(config.min_downscale, config.down_to_px / typical)
    return 1.0


def _thicken(image: Image.Image) -> Image.Image:
    """Dark strokes one pixel thicker (a grey-level erosion of the white paper)."""
    thick = cv2.erode(np.asarray(image, dtype=np.uint8), np.ones((2, 2), np.uint8))
    return Image.fromarray(thick, "L")


def _scaled_line(line: Line, factor: float) -> Line:
    words = tuple(Word(w.text, _scale_box(w.box, factor), w.confidence) for w in line.words)
    return Line(_scale_box(line.box, factor), words)


def _scale_box(box: Box, factor: float) -> Box:
    if factor == 1.0:
        return box
    x0, y0, x1, y1 = box
    return (int(x0 * factor), int(y0 * factor), int(np.ceil(x1 * factor)), int(np.ceil(y1 * factor)))


def _back_in_pieces(box: Box, prepared: Prepared) -> list[Box]:
    """A box mapped back to the original page; on a page that was straightened, a long box is cut
    into pieces about three heights wide first, so the pieces follow the slanted line instead of one
    upright box covering the line and the space above and below it."""
    x0, y0, x1, y1 = box
    step = max(1, 3 * (y1 - y0))
    if not prepared.angle_deg or x1 - x0 <= step:
        return [prepared.to_original(box)]
    return [prepared.to_original((x, y0, min(x1, x + step), y1)) for x in range(x0, x1, step)]


def _word_back(word: Word, prepared: Prepared) -> Word:
    return Word(word.text, prepared.to_original(word.box), word.confidence)


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _unread(prepared: Prepared, layout: list[Box], lines: list[Line], config: ExtractConfig) -> list[Box]:
    """Stretches of layout ink (prepared pixels) that no confident OCR word accounts for.

    Inside every layout line, the ink under confident words (each word's box widened by
    ``word_reach`` of its height sideways and a quarter of it up and down) is struck off. This is done
    on the pixels, not on whole columns, so that when two touching lines came out of layout as one box,
    a word read on one of them does not account for the other. What remains, in runs joined across
    small gaps, is unread unless it is too little ink to be a character.
    """
    # The lenient mask: ink the strict one lost (pale strokes, and small Latin letters that rule
    # removal and speck cleaning shred, such as an underlined e-mail address) is still ink nobody read.
    ink: Mask = prepared.ink if prepared.loose_ink is None else prepared.loose_ink | prepared.ink
    confident = [w for line in lines for w in line.words if w.confidence >= config.read_confidence]
    glyph_area = max(16.0, prepared.glyph_px**2)
    unread: list[Box] = []
    for box in layout:
        x0, y0, x1, y1 = box
        line_h = max(4, y1 - y0)
        left = ink[y0:y1, x0:x1].copy()
        for word in confident:
            wx0, wy0, wx1, wy1 = word.box
            if wx1 <= x0 or wx0 >= x1 or wy1 <= y0 or wy0 >= y1:
                continue
            word_h = max(1, wy1 - wy0)
            reach, pad = round(config.word_reach * word_h), round(0.25 * word_h)
            left[
                max(0, wy0 - pad - y0) : max(0, wy1 + pad - y0),
                max(0, wx0 - reach - x0) : max(0, wx1 + reach - x0),
            ] = False
        columns = left.sum(axis=0)
        for run_start, run_end in _runs(
            columns > 0, round(config.join_gap * min(line_h, 3 * glyph_area**0.5))
        ):
            if columns[run_start:run_end].sum() < config.min_unread_glyphs * glyph_area:
                continue
            rows = np.flatnonzero(left[:, run_start:run_end].any(axis=1))
            unread.append((x0 + run_start, y0 + int(rows[0]), x0 + run_end, y0 + int(rows[-1]) + 1))
    return unread


def _runs(flags: np.ndarray, join: int) -> list[tuple[int, int]]:
    """Start and end of the runs of true values, runs closer than ``join`` merged."""
    if not flags.any():
        return []
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    runs: list[tuple[int, int]] = []
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        if runs and start - runs[-1][1] <= join:
            runs[-1] = (runs[-1][0], int(end))
        else:
            runs.append((int(start), int(end)))
    return runs
