"""The synthetic letter corpus: labelled text, rendered pages with glyph boxes, corpus files, and the
benchmark's coverage arithmetic."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relay.model import Kind
from relay.samples import (
    LabeledSpan,
    LabeledText,
    RenderedLetter,
    Style,
    generate_letter,
    generate_sentences,
    random_style,
    read_labels,
    render_letter,
    vocab,
    write_corpus,
)
from relay.samples.__main__ import main as samples_main
from relay.samples.hangul import particle, read_number
from relay.samples.scoring import Outcome, char_errors, classify, fill_mask, score_page, span_found
from relay.samples.slots import fill, make_persona, template_kinds
from relay.samples.text import from_pieces
from relay.samples.variants import ocr_damage, transcript

DETAIL_KINDS = {k for k in Kind if k not in (Kind.FACE, Kind.QR)}


# --- text -----------------------------------------------------------------------------------------------


def test_letters_are_deterministic_per_seed() -> None:
    assert generate_letter(random.Random(5)) == generate_letter(random.Random(5))
    assert generate_letter(random.Random(5)).text != generate_letter(random.Random(6)).text


@pytest.mark.parametrize("seed", range(40))
def test_letter_shape_and_span_offsets(seed: int) -> None:
    doc = generate_letter(random.Random(seed))
    lines = doc.text.split("\n")
    assert 8 <= len(lines) <= 25
    assert all(line.strip() for line in lines)
    assert doc.spans, "every letter carries details"
    for span in doc.spans:
        text = doc.span_text(span)
        assert text == text.strip() and "\n" not in text
        if span.kind is Kind.PHONE:
            assert sum(c.isdigit() for c in text) >= 7
        if span.kind is Kind.EMAIL:
            assert re.fullmatch(r"[\w.]+@[a-z0-9]+\.[a-z]+", text)
        if span.kind is Kind.PERSON:
            assert all("가" <= c <= "힣" or c == " " for c in text)
        if span.kind is Kind.UNIT:
            assert re.search(r"군단|부대|사단|려단|대대|사령부|총국|경비대|군$|함대|특수", text)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_kind_appears_across_20_letters(seed: int) -> None:
    kinds = {s.kind for i in range(20) for s in generate_letter(random.Random(f"{seed}:{i}")).spans}
    assert kinds == DETAIL_KINDS


def test_north_korean_and_double_surnames_occur() -> None:
    persons = [
        doc.span_text(s)
        for i in range(60)
        for doc in [generate_letter(random.Random(i))]
        for s in doc.spans
        if s.kind is Kind.PERSON
    ]
    assert any(p[0] in "리림류로" and len(p) >= 3 for p in persons)
    assert any(p[:2] in {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"} for p in persons)
    assert any(len(p) == 2 for p in persons), "given names alone, as in address"


def test_every_template_fills() -> None:
    rng = random.Random(0)
    for section, templates in vocab.templates().items():
        for template in templates:
            doc = from_pieces(fill(template, make_persona(rng), rng))
            assert "{" not in doc.text and "[" not in doc.text, (section, template)
            assert {s.kind for s in doc.spans} == set(template_kinds(template)), template
            if section == "benign":
                assert not doc.spans, template


def test_spans_are_validated() -> None:
    with pytest.raises(ValueError):
        LabeledText("abc", (LabeledSpan(Kind.PERSON, 2, 5),))
    with pytest.raises(ValueError):
        LabeledText("abcdef", (LabeledSpan(Kind.PERSON, 0, 3), LabeledSpan(Kind.PLACE, 2, 4)))


def test_benign_share_is_respected_and_benign_sentences_have_no_spans() -> None:
    assert all(not s.spans for s in generate_sentences(random.Random(1), 80, benign_share=1.0))
    assert all(s.spans for s in generate_sentences(random.Random(1), 80, benign_share=0.0))
    mixed = generate_sentences(random.Random(2), 400, benign_share=0.4)
    assert mixed == generate_sentences(random.Random(2), 400, benign_share=0.4)
    assert 0.3 < sum(not s.spans for s in mixed) / len(mixed) < 0.5
    assert {s.variant for s in mixed} == {"clean", "ocr", "transcript"}


def test_benign_sentences_include_tricky_words() -> None:
    text = " ".join(s.text for s in generate_sentences(random.Random(3), 400, benign_share=1.0))
    for word in ("이것", "김치", "정말", "신발", "동쪽", "시간", "구역질", "군대", "대학"):
        assert word in text


def test_transcripts_have_no_digits_or_punctuation() -> None:
    for s in generate_sentences(random.Random(4), 300, benign_share=0.2):
        if s.variant == "transcript":
            assert not re.search(r"[0-9.,!?]", s.text)
            assert all(s.span_text(span).strip() for span in s.spans)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_ocr_damage_keeps_labels_on_their_text(seed: int) -> None:
    rng = random.Random(seed)
    persona = make_persona(rng)
    pieces = fill("{me}{은/는} {home}에서 왔고 전화번호는 {my_phone}{이다/다}.", persona, rng)
    clean, damaged = from_pieces(pieces), from_pieces(ocr_damage(pieces, rng), "ocr")
    assert damaged.text != clean.text
    assert [s.kind for s in damaged.spans] == [s.kind for s in clean.spans]
    for a, b in zip(clean.spans, damaged.spans, strict=True):
        # At most a space gained or lost and syllables swapped one for one: lengths stay close.
        assert abs((a.end - a.start) - (b.end - b.start)) <= 1


def test_transcript_reads_numbers_aloud() -> None:
    pieces = (("전화 ", None), ("010-1234-5678", Kind.PHONE), (", 생일은 ", None), ("2003.05.17", Kind.DATE))
    doc = from_pieces(transcript(pieces))
    assert [doc.span_text(s) for s in doc.spans] == ["공일공 일이삼사 오육칠팔", "이천삼년 오월 십칠일"]


def test_particles_and_numbers() -> None:
    assert particle("서울", "으로", "로") == "로"
    assert particle("부산", "으로", "로") == "으로"
    assert particle("철수", "이", "가") == "가"
    assert particle("010-1234-5678", "이다", "다") == "이다"  # 팔
    assert particle("010-1234-5674", "이다", "다") == "다"  # 사
    assert read_number(2003) == "이천삼"
    assert read_number(10215) == "만이백십오"


# --- rendering ------------------------------------------------------------------------------------------


def _doc() -> LabeledText:
    return generate_letter(random.Random(11))


def _paper_level(image: np.ndarray) -> float:
    return float(np.median(image.mean(axis=2)))


def _assert_boxes_on_ink(letter: RenderedLetter) -> None:
    img = np.asarray(letter.image).astype(np.float32)
    height, width = img.shape[:2]
    paper = _paper_level(img)
    for g in letter.glyph_boxes:
        x0, y0, x1, y1 = g.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        region = img[y0:y1, x0:x1].mean(axis=2)
        # The darkest tenth of the box is clearly ink, far darker than the paper around it.
        assert np.percentile(region, 10) < paper - 50, g


@pytest.fixture(scope="module")
def printed() -> RenderedLetter:
    return render_letter(_doc(), random_style(random.Random(1), "printed"), random.Random(1))


@pytest.fixture(scope="module")
def handwritten() -> RenderedLetter:
    style = replace(random_style(random.Random(2), "handwritten"), rotation=-2.5, noise=6.0, blur=0.6)
    return render_letter(_doc(), style, random.Random(2))


def test_page_size_and_glyph_size(printed: RenderedLetter, handwritten: RenderedLetter) -> None:
    for letter in (printed, handwritten):
        assert letter.image.size == (1240, 1754) and letter.image.mode == "RGB"
        assert 22 <= letter.params.glyph_height <= 45
        assert len(letter.glyph_boxes) == sum(not c.isspace() for c in letter.doc.text)
    assert printed.style == "printed" and handwritten.style == "handwritten"


def test_glyph_boxes_are_inside_the_image_and_on_ink(
    printed: RenderedLetter, handwritten: RenderedLetter
) -> None:
    _assert_boxes_on_ink(printed)
    _assert_boxes_on_ink(handwritten)


def test_span_boxes_are_the_glyphs_of_the_span(handwritten: RenderedLetter) -> None:
    by_offset = {g.offset: g.box for g in handwritten.glyph_boxes}
    assert [s for s, _ in handwritten.span_boxes] == list(handwritten.doc.spans)
    for span, boxes in handwritten.span_boxes:
        text = handwritten.doc.span_text(span)
        assert len(boxes) == sum(not c.isspace() for c in text)
        assert set(boxes) <= {by_offset[i] for i in range(span.start, span.end) if i in by_offset}
    benign = handwritten.benign_boxes()
    assert benign and not set(benign) & {b for _, bs in handwritten.span_boxes for b in bs}


def test_line_boxes_hold_their_glyphs(handwritten: RenderedLetter) -> None:
    for g in handwritten.glyph_boxes:
        lx0, ly0, lx1, ly1 = handwritten.line_boxes[g.line]
        x0, y0, x1, y1 = g.box
        assert lx0 <= x0 and ly0 <= y0 and x1 <= lx1 and y1 <= ly1


def test_rotation_keeps_boxes_on_their_glyphs() -> None:
    doc = _doc()
    flat = Style(kind="handwritten", font="NanumBarunpenR.ttf", glyph_height=34, jitter=1.0, slant=1.0)
    upright = render_letter(doc, flat, random.Random(3))
    turned = render_letter(doc, replace(flat, rotation=3.0, shift=(12, -7)), random.Random(3))
    _assert_boxes_on_ink(turned)
    theta = np.radians(3.0)  # counter-clockwise on screen, as cv2 rotates
    cx, cy = 620, 877
    for a, b in zip(upright.glyph_boxes, turned.glyph_boxes, strict=True):
        ax, ay = (a.box[0] + a.box[2]) / 2 - cx, (a.box[1] + a.box[3]) / 2 - cy
        ex = ax * np.cos(theta) + ay * np.sin(theta) + cx + 12
        ey = -ax * np.sin(theta) + ay * np.cos(theta) + cy - 7
        bx, by = (b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2
        assert abs(bx - ex) < 3 and abs(by - ey) < 3
        # A rotated glyph's axis-aligned bounds grow a little, never shrink much.
        assert (b.box[2] - b.box[0]) >= (a.box[2] - a.box[0]) - 2


def test_rendering_is_deterministic() -> None:
    doc = generate_letter(random.Random(8))
    style = random_style(random.Random(8), "handwritten")
    a = render_letter(doc, style, random.Random(8))
    b = render_letter(doc, style, random.Random(8))
    assert a.glyph_boxes == b.glyph_boxes
    assert np.array_equal(np.asarray(a.image), np.asarray(b.image))


def test_random_style_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        random_style(random.Random(0), "typewritten")


# --- corpus files ---------------------------------------------------------------------------------------


def test_corpus_writer_writes_parseable_labels(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, 2, seed=9, kinds=("printed", "handwritten"))
    assert [p.name.split(".")[0] for p in paths] == [
        "0000-printed",
        "0000-handwritten",
        "0001-printed",
        "0001-handwritten",
    ]
    for path in paths:
        labels_path = path.with_name(path.name.split(".")[0] + ".labels.json")
        raw = json.loads(labels_path.read_text(encoding="utf-8"))
        labels = read_labels(labels_path)
        assert labels.image == path and path.suffix in (".png", ".jpg")
        assert (labels.width, labels.height) == (1240, 1754)
        for span_json, (span, boxes) in zip(raw["spans"], labels.span_boxes, strict=True):
            assert labels.text[span.start : span.end] == span_json["text"]
            assert boxes
        assert len(labels.glyph_boxes) == sum(not c.isspace() for c in labels.text)
    # Letter NNNN has the same text in every style.
    assert (
        read_labels(tmp_path / "0001-printed.labels.json").text
        == read_labels(tmp_path / "0001-handwritten.labels.json").text
    )


def test_cli_writes_a_corpus(tmp_path: Path) -> None:
    assert samples_main(["--out", str(tmp_path), "--n", "1", "--style", "printed", "--seed", "3"]) == 0
    files = {p.name for p in tmp_path.iterdir()}
    assert files in (
        {"0000-printed.png", "0000-printed.labels.json"},
        {"0000-printed.jpg", "0000-printed.labels.json"},
    )


# --- the benchmark's arithmetic -------------------------------------------------------------------------


def _page() -> np.ndarray:
    """A 60×120 white page with three grey 'glyphs' of 10×20 px."""
    img = np.full((60, 120, 3), 250, np.uint8)
    for x in (10, 50, 90):
        img[20:40, x : x + 10] = 40
    return img


G1, G2, G3 = (10, 20, 20, 40), (50, 20, 60, 40), (90, 20, 100, 40)


def test_full_fill_is_redacted_half_fill_is_a_leak_review_region_is_flagged() -> None:
    original = _page()
    redacted = original.copy()
    redacted[18:42, 8:22] = 0  # glyph 1 fully filled
    redacted[20:30, 50:60] = 0  # glyph 2 only half filled
    fills = [(8, 18, 22, 42), (50, 20, 60, 30)]
    reviews = [(85, 10, 110, 45)]  # glyph 3 inside a review region
    spans = [
        (LabeledSpan(Kind.PERSON, 0, 1), [G1]),
        (LabeledSpan(Kind.PHONE, 1, 2), [G2]),
        (LabeledSpan(Kind.PLACE, 2, 3), [G3]),
        (LabeledSpan(Kind.UNIT, 3, 5), [G1, G2]),  # one glyph filled, one half: leaked
        (LabeledSpan(Kind.DATE, 5, 7), [G1, G3]),  # filled + reviewed: flagged
    ]
    score = score_page(original, redacted, fills, reviews, spans, [(0, 0, 8, 10)], [(5, 15, 105, 45)])
    assert score.outcomes == (
        (Kind.PERSON, Outcome.REDACTED),
        (Kind.PHONE, Outcome.LEAKED),
        (Kind.PLACE, Outcome.FLAGGED),
        (Kind.UNIT, Outcome.LEAKED),
        (Kind.DATE, Outcome.FLAGGED),
    )
    assert score.text_area == 100 * 30
    assert score.review_area == 25 * 35 and score.review_in_text == 20 * 30


def test_fill_is_measured_on_pixels_not_on_claimed_boxes() -> None:
    original = _page()
    # A claimed fill that was never burned in does not count.
    filled = fill_mask(original, original.copy(), [G1])
    assert classify([G1], filled, np.zeros_like(filled)) is Outcome.LEAKED
    # Pure black ink that was already there counts only inside a claimed fill box.
    original[20:40, 10:20] = 0
    assert not fill_mask(original, original.copy(), []).any()
    assert fill_mask(original, original.copy(), [G1])[20:40, 10:20].all()


def test_benign_ink_covered_by_fill() -> None:
    original = _page()
    redacted = original.copy()
    redacted[20:40, 90:95] = 0  # half of glyph 3, which is benign
    score = score_page(original, redacted, [G3], [], [(LabeledSpan(Kind.PERSON, 0, 1), [G1])], [G2, G3], [])
    assert score.benign_area == 400 and score.benign_filled == 100


def test_redacted_image_must_match_the_original_size() -> None:
    with pytest.raises(ValueError):
        fill_mask(_page(), np.zeros((10, 10, 3), np.uint8), [])


def test_span_found_rule() -> None:
    doc = LabeledText("전화 010 1234 5678 끝", (LabeledSpan(Kind.PHONE, 3, 16),))
    span = doc.spans[0]
    assert span_found(doc, span, [(3, 16)])
    assert span_found(doc, span, [(3, 14)])  # 9 of 11 digits: 82% ≥ 80%
    assert not span_found(doc, span, [(3, 12)])  # 7 of 11
    assert not span_found(doc, span, [])


def test_char_errors_ignore_spacing() -> None:
    assert char_errors("사랑하는 동생에게", "사랑하는동생 에게") == (0, 8)
    assert char_errors("사랑하는 동생에게", "사랑하는 동샘에게") == (1, 8)
