"""OCR with boxes on rendered pages (real tesseract), unread ink, the engine port and its failures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw
from rapidfuzz.distance import Levenshtein
from render_helpers import (
    LETTER_LINES,
    RenderedPage,
    add_scribble,
    add_shape,
    box_overlap,
    covered,
    render_page,
)

from relay.errors import RelayError
from relay.extract import FakeOcrEngine, TesseractEngine, extract_page, parse_tsv
from relay.model import Box, Line, PageText, Word

pytestmark = pytest.mark.slow


def squash(text: str) -> str:
    return "".join(text.split())


def similarity(a: str, b: str) -> float:
    return 1 - Levenshtein.distance(squash(a), squash(b)) / max(1, len(squash(b)))


def union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def word_box(page: PageText, text: str) -> Box:
    """The box of the OCR word that reads exactly ``text`` (there must be one)."""
    found = [w.box for line in page.lines for w in line.words if w.text == text]
    assert len(found) == 1, [w.text for line in page.lines for w in line.words]
    return found[0]


@pytest.fixture(scope="module")
def printed() -> tuple[RenderedPage, PageText]:
    page = render_page(seed=3, font_name="NanumGothic", size=34)
    return page, extract_page(page.image)


def test_printed_page_lines_in_order_with_the_right_text(printed: tuple[RenderedPage, PageText]) -> None:
    page, text = printed
    assert (text.width, text.height) == page.image.size
    assert len(text.lines) == len(page.lines)
    for read, truth in zip(text.lines, page.lines, strict=True):
        assert similarity(" ".join(w.text for w in read.words), truth.text) >= 0.85, truth.text
        assert box_overlap(read.box, truth.box) >= 0.8 * (truth.box[2] - truth.box[0]) * (
            truth.box[3] - truth.box[1]
        )
    for line in text.lines:
        for word in line.words:
            assert 0.0 <= word.confidence <= 1.0
            x0, y0, x1, y1 = word.box
            assert 0 <= x0 < x1 <= text.width and 0 <= y0 < y1 <= text.height


def test_a_known_word_box_sits_on_its_glyphs(printed: tuple[RenderedPage, PageText]) -> None:
    page, text = printed
    [glyphs] = page.word_glyph_boxes("함경북도")
    truth = union(glyphs)
    box = word_box(text, "함경북도")
    assert box_overlap(box, truth) >= 0.8 * (truth[2] - truth[0]) * (truth[3] - truth[1])
    assert covered(box, [truth]) >= 0.8  # and not much more than the word


def test_clean_print_leaves_no_unread_ink(printed: tuple[RenderedPage, PageText]) -> None:
    page, text = printed
    text_pixels = sum((b[2] - b[0]) * (b[3] - b[1]) for b in (line.box for line in page.lines))
    unread_pixels = sum((b[2] - b[0]) * (b[3] - b[1]) for b in text.unread)
    # tesseract drops a syllable or two even on clean print (a fair finding); no more than that.
    assert unread_pixels <= 0.05 * text_pixels


@pytest.mark.parametrize(
    "style",
    [
        dict(font_name="NanumGothic", size=34, rotate=2.0, texture=1, lighting=0.3, jpeg_quality=70),
        dict(font_name="NanumMyeongjo", size=72, line_pitch=1.6),  # shrunk for OCR, boxes scaled back
        dict(font_name="NanumGothic", size=13),  # enlarged for OCR
    ],
    ids=["rotated and shaded", "large", "tiny"],
)
def test_boxes_come_back_in_original_pixels(style: dict[str, Any]) -> None:
    page = render_page(lines=LETTER_LINES[:5], seed=4, **style)
    text = extract_page(page.image)
    [glyphs] = page.word_glyph_boxes("함경북도")
    truth = union(glyphs)
    box = word_box(text, "함경북도")
    assert box_overlap(box, truth) >= 0.7 * (truth[2] - truth[0]) * (truth[3] - truth[1])


@pytest.mark.parametrize(
    ("draw", "where"),
    [(add_scribble, (700, 1300, 1100, 1500)), (add_shape, (200, 1250, 500, 1550))],
    ids=["scribble", "drawn shape"],
)
def test_ink_nobody_could_read_is_reported(draw: object, where: Box) -> None:
    page = draw(render_page(lines=LETTER_LINES[:6], seed=2), where)  # type: ignore[operator]
    text = extract_page(page.image)
    mark = page.extra_ink[0]
    assert covered(mark, list(text.unread)) >= 0.8


def test_a_line_the_engine_skipped_or_doubted_is_unread() -> None:
    page = render_page(lines=LETTER_LINES[:6], seed=1)

    def line_of(index: int, confidence: float) -> Line:
        truth = page.lines[index]
        return Line(truth.box, tuple(Word(g.char, g.box, confidence) for g in truth.glyphs))

    # The fake reads lines 0, 1, 3 and 5 well, line 2 with no confidence, and skips line 4.
    fake = FakeOcrEngine(
        PageText(
            1240,
            1754,
            (line_of(0, 0.95), line_of(1, 0.95), line_of(2, 0.1), line_of(3, 0.95), line_of(5, 0.95)),
        )
    )
    text = extract_page(page.image, fake)
    assert fake.calls == 1
    assert covered(page.lines[4].box, list(text.unread)) >= 0.9
    assert covered(page.lines[2].box, list(text.unread)) >= 0.9
    for index in (0, 1, 3, 5):
        assert covered(page.lines[index].box, list(text.unread)) == 0.0


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (1, 1), (255, 255, 255)),
        Image.new("L", (1240, 1754), 255),
        Image.new("RGB", (1240, 1754), (0, 0, 0)),
        Image.new("RGB", (0, 0)),
        Image.new("1", (7, 3000), 1),
    ],
    ids=["1x1", "blank page", "all black", "empty", "thin strip"],
)
def test_hostile_images_read_as_nothing(image: Image.Image) -> None:
    text = extract_page(image)
    assert (text.width, text.height) == image.size
    assert text.lines == ()
    assert text.unread == ()


def test_black_block_inside_a_page_is_unread() -> None:
    page = render_page(lines=LETTER_LINES[:3], seed=1)
    image = page.image.copy()
    ImageDraw.Draw(image).rectangle((300, 900, 900, 1100), fill=(0, 0, 0))
    text = extract_page(image)
    assert covered((300, 900, 901, 1101), list(text.unread)) >= 0.95


@pytest.mark.parametrize("mode", ["L", "RGBA", "P", "1", "CMYK"])
def test_image_modes_read_alike(mode: str, printed: tuple[RenderedPage, PageText]) -> None:
    page, reference = printed
    image = (
        page.image.convert(mode) if mode != "1" else page.image.convert("L").point(lambda v: 255 * (v > 140))
    )
    text = extract_page(image.convert("1") if mode == "1" else image)
    reference_text, _ = reference.text_and_offsets()
    assert similarity(text.text_and_offsets()[0], reference_text) >= 0.95


def test_large_page() -> None:
    page = render_page(lines=LETTER_LINES[:3], seed=2, size=110, page_size=(3720, 5262), margin=300)
    text = extract_page(page.image)
    assert len(text.lines) == 3
    assert similarity(text.text_and_offsets()[0], "\n".join(LETTER_LINES[:3])) >= 0.85
    assert all(box[2] <= 3720 and box[3] <= 5262 for line in text.lines for box in [line.box])


# --- the engine port -------------------------------------------------------------------------------------


def test_ocr_timeout_is_an_error_without_content() -> None:
    page = render_page(lines=LETTER_LINES[:2], seed=1)
    with pytest.raises(RelayError) as caught:
        TesseractEngine(timeout_s=0.001).read(page.image)
    assert caught.value.code == "ocr_failed"
    assert not any("\uac00" <= c <= "\ud7a3" for c in str(caught.value))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_missing_tesseract_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(RelayError) as caught:
        extract_page(render_page(lines=LETTER_LINES[:1]).image)
    assert caught.value.code == "ocr_failed"


def test_tesseract_failure_does_not_quote_its_output() -> None:
    with pytest.raises(RelayError) as caught:
        TesseractEngine(lang="xyz").read(Image.new("L", (40, 40), 255))
    assert caught.value.code == "ocr_failed"
    assert "xyz" not in str(caught.value) and "traineddata" not in str(caught.value)


@pytest.mark.parametrize(
    "arguments",
    [
        dict(lang="kor; rm -rf /"),
        dict(lang=""),
        dict(lang="../../kor"),
        dict(lang="한국어"),
        dict(psm=14),
        dict(psm=-1),
        dict(timeout_s=0.0),
    ],
)
def test_engine_arguments_are_checked(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        TesseractEngine(**arguments)  # type: ignore[arg-type]


HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("", []),
        ("1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n", []),
        (  # a line and two words; the line box grows to hold its words
            "4\t1\t1\t1\t1\t0\t10\t10\t50\t20\t-1\t\n"
            "5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t96.5\t김\n"
            "5\t1\t1\t1\t1\t2\t35\t8\t30\t25\t40\t철수\n",
            [((10, 8, 65, 33), [("김", (10, 10, 30, 30), 0.965), ("철수", (35, 8, 65, 33), 0.4)])],
        ),
        (  # words without text, garbage rows, short rows and bad numbers are skipped
            "5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t90\t \n"
            "garbage\n"
            "5\t1\t1\n"
            "5\t1\t1\t1\t1\t1\tx\t10\t20\t20\t90\t가\n"
            "5\t1\t1\t1\t2\t1\t10\t40\t20\t20\tnan?\t나\n",
            [],
        ),
        (  # boxes are clipped to the page (a word wholly off it is dropped), confidences to 0..1
            "5\t1\t1\t1\t1\t1\t-5\t-5\t500\t20\t140\t다\n5\t1\t1\t1\t2\t1\t0\t100\t10\t10\t90\t라\n",
            [((0, 0, 100, 15), [("다", (0, 0, 100, 15), 1.0)])],
        ),
        (  # lines keep tesseract's order of blocks, paragraphs and lines
            "5\t1\t2\t1\t1\t1\t0\t50\t10\t10\t90\t둘\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t하나\n",
            [
                ((0, 50, 10, 60), [("둘", (0, 50, 10, 60), 0.9)]),
                ((0, 0, 10, 10), [("하나", (0, 0, 10, 10), 0.9)]),
            ],
        ),
    ],
    ids=["empty", "page only", "one line", "hostile rows", "clipped", "order kept"],
)
def test_parse_tsv(rows: str, expected: list[tuple[Box, list[tuple[str, Box, float]]]]) -> None:
    page = parse_tsv(HEADER + rows, 100, 100)
    got = [(line.box, [(w.text, w.box, round(w.confidence, 3)) for w in line.words]) for line in page.lines]
    assert got == expected


def test_fake_engine_refuses_to_run_outside_tests() -> None:
    program = (
        "from relay.extract import FakeOcrEngine\n"
        "from relay.model import PageText\n"
        "try:\n"
        "    FakeOcrEngine(PageText(1, 1, ()))\n"
        "except RuntimeError:\n"
        "    raise SystemExit(7)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=60, check=False)
    assert done.returncode == 7, done.stderr.decode()


def test_extract_runs_ocr_exactly_once() -> None:
    fake = FakeOcrEngine(PageText(1240, 1754, ()))
    extract_page(render_page(lines=LETTER_LINES[:3]).image, fake)
    assert fake.calls == 1


def test_unread_boxes_stay_on_the_page() -> None:
    page = render_page(lines=LETTER_LINES[:4], seed=5, rotate=2.5)
    text = extract_page(page.image, FakeOcrEngine(PageText(1240, 1754, ())))
    assert text.unread
    assert all(0 <= b[0] < b[2] <= 1240 and 0 <= b[1] < b[3] <= 1754 for b in text.unread)
    # The unread boxes follow the slanted lines (a staircase), so they cover every glyph...
    for line in page.lines:
        for glyph in line.glyphs:
            assert covered(glyph.box, list(text.unread)) >= 0.9
    # ...without one upright box over each line and the space around it.
    assert max(b[3] - b[1] for b in text.unread) < 60
    assert np.isfinite([v for b in text.unread for v in b]).all()


def test_a_word_read_on_one_of_two_touching_lines_does_not_vouch_for_the_other() -> None:
    # Lines so close that their strokes touch: layout may find one box for both.
    page = render_page(lines=LETTER_LINES[:2], seed=3, font_name="NanumBrush", size=48, line_pitch=0.95)
    first = page.lines[0]
    fake = FakeOcrEngine(
        PageText(1240, 1754, (Line(first.box, tuple(Word(g.char, g.box, 0.95) for g in first.glyphs)),))
    )
    text = extract_page(page.image, fake)
    for glyph in page.lines[1].glyphs:
        assert covered(glyph.box, list(text.unread)) >= 0.5


def test_ink_only_the_lenient_mask_kept_is_still_unread() -> None:
    """Small Latin letters (an underlined e-mail address) can be shredded by rule removal and dropped
    as specks from the strict ink mask; the lenient mask keeps them, and nobody read them."""
    from relay.extract import ExtractConfig, _unread
    from relay.preprocess import Prepared

    strict = np.zeros((200, 600), dtype=bool)
    strict[50:80, 40:100] = True  # a syllable OCR read
    loose = strict.copy()
    for x in range(200, 320, 12):  # a row of small letters only the lenient mask holds
        loose[60:72, x : x + 6] = True
    prepared = Prepared(
        ocr_image=Image.new("L", (600, 200), 255),
        ink=strict,
        glyph_px=30.0,
        angle_deg=0.0,
        original_size=(600, 200),
        loose_ink=loose,
    )
    read = [Line((40, 50, 100, 80), (Word("김", (40, 50, 100, 80), 0.95),))]
    unread = _unread(prepared, [(30, 45, 400, 85)], read, ExtractConfig())
    assert unread and any(b[0] <= 200 and b[2] >= 314 for b in unread)
    assert all(b[0] >= 100 for b in unread)  # the syllable that was read is not
    # Without the lenient mask, those letters are invisible (the behaviour this guards against).
    plain = Prepared(prepared.ocr_image, strict, 30.0, 0.0, (600, 200))
    assert _unread(plain, [(30, 45, 400, 85)], read, ExtractConfig()) == []


def test_ocr_runs_under_a_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.extract as extract_module

    page = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(page).rectangle((20, 40, 380, 60), fill=0)
    TesseractEngine().read(page)  # fine under the normal limits
    monkeypatch.setattr(extract_module, "OCR_MEMORY_BYTES", 8 << 20)  # far too little for tesseract
    with pytest.raises(RelayError) as err:
        TesseractEngine().read(page)
    assert err.value.code == "ocr_failed"


def test_ocr_is_refused_rather_than_run_without_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.extract as extract_module

    real_which = extract_module.shutil.which
    monkeypatch.setattr(
        extract_module.shutil, "which", lambda name: None if name == "prlimit" else real_which(name)
    )
    with pytest.raises(RelayError) as err:
        TesseractEngine().read(Image.new("L", (50, 50), 255))
    assert err.value.code == "ocr_failed"
