"""Intake: type sniffing, limits, hostile files and decoding. Each hostile case is its own test."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

import hostile as h
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from relay import errors
from relay.errors import ConfigError, InputRejected
from relay.intake import Limits, MediaType, load_pages, sniff
from relay.sanitize import encode, sanitize

PLANTED = (h.CAMERA_MODEL, h.CAMERA_SERIAL, h.AUTHOR_TEXT, h.PLACE_TEXT, "letter.jpg")


def rejected(data: bytes, code: str, limits: Limits | None = None) -> InputRejected:
    """Assert that ``data`` is refused with ``code`` and a one-line message that quotes nothing."""
    with pytest.raises(InputRejected) as caught:
        load_pages(data, limits or Limits())
    error = caught.value
    assert error.code == code
    message = str(error)
    assert message and "\n" not in message
    assert not any(planted in message for planted in PLANTED)
    assert error.__cause__ is None and error.__context__ is None  # decoder text never rides along
    return error


# --- sniffing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (h.jpeg(), MediaType.JPEG),
        (h.png(), MediaType.PNG),
        (h.tiff_pages(1), MediaType.TIFF),
        (h.raw_grey_tiff([(4, 4, 0, 0)]), MediaType.TIFF),
        (h.save(h.marked(), "WEBP"), MediaType.WEBP),
        (h.heic(h.marked()), MediaType.HEIC),
        (h.pdf_bytes(h.pdf_document()), MediaType.PDF),
    ],
    ids=["jpeg", "png", "tiff", "tiff-big-endian", "webp", "heic", "pdf"],
)
def test_sniff_recognises_each_type_by_magic_bytes(data: bytes, expected: MediaType) -> None:
    assert sniff(data[:4096]) is expected


def test_sniff_empty_is_empty() -> None:
    with pytest.raises(InputRejected) as caught:
        sniff(b"")
    assert caught.value.code == errors.EMPTY


def test_sniff_refuses_avif_which_shares_the_heif_container() -> None:
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\0" * 16
    with pytest.raises(InputRejected) as caught:
        sniff(avif)
    assert caught.value.code == errors.UNSUPPORTED_TYPE


def test_pdf_header_must_be_first() -> None:
    rejected(b"junk before the header\n" + h.pdf_bytes(h.pdf_document()), errors.UNSUPPORTED_TYPE)


def test_file_name_is_never_consulted(tmp_path: Path) -> None:
    # A PNG saved as "letter.jpg" is still read as a PNG: intake only ever sees bytes.
    path = tmp_path / "letter.jpg"
    path.write_bytes(h.png(h.marked(mode="L")))
    (page,) = load_pages(path.read_bytes())
    assert page.mode == "L" and page.size == (60, 40)


# --- plain rejections --------------------------------------------------------------------------------


def test_zero_bytes() -> None:
    rejected(b"", errors.EMPTY)


def test_oversize_bytes_default_limit() -> None:
    rejected(h.jpeg() + b"\0" * (50 * 1024 * 1024), errors.TOO_LARGE)


def test_oversize_bytes_configured_limit() -> None:
    data = h.png()
    rejected(data, errors.TOO_LARGE, Limits(max_bytes=len(data) - 1))
    assert len(load_pages(data, Limits(max_bytes=len(data)))) == 1


def test_text_file() -> None:
    rejected(h.TEXT, errors.UNSUPPORTED_TYPE)


def test_html_file() -> None:
    rejected(h.HTML, errors.UNSUPPORTED_TYPE)


def test_zip_file() -> None:
    rejected(h.zip_archive(), errors.UNSUPPORTED_TYPE)


def test_elf_file() -> None:
    rejected(h.ELF, errors.UNSUPPORTED_TYPE)


def test_gif_is_not_accepted() -> None:
    rejected(h.save(h.marked(), "GIF"), errors.UNSUPPORTED_TYPE)


def test_limits_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        Limits(max_pages=0)


# --- truncation and damage -----------------------------------------------------------------------------


def test_truncated_jpeg() -> None:
    data = h.jpeg(size=(200, 200))
    rejected(data[: len(data) // 2], errors.TRUNCATED)


def test_jpeg_missing_only_its_end_marker() -> None:
    rejected(h.jpeg()[:-2], errors.TRUNCATED)


def test_truncated_png() -> None:
    data = h.png(h.marked((200, 200)))
    rejected(data[: len(data) // 2], errors.TRUNCATED)


def test_truncated_pdf() -> None:
    data = h.pdf_bytes(h.pdf_document(3))
    rejected(data[: len(data) // 2], errors.TRUNCATED)


def test_truncated_webp() -> None:
    data = h.save(h.marked((200, 200)), "WEBP")
    rejected(data[: len(data) // 2], errors.TRUNCATED)


def test_truncated_heic() -> None:
    data = h.heic(h.marked())
    rejected(data[: len(data) - 100], errors.TRUNCATED)


def test_truncated_tiff_strips() -> None:
    data = h.raw_grey_tiff([(100, 100, 7, 0)])
    rejected(data[:-5000], errors.TRUNCATED)


def test_corrupt_png_header() -> None:
    data = bytearray(h.png())
    data[16:24] = b"\xff" * 8  # width and height in IHDR, now with a wrong CRC
    rejected(bytes(data), errors.CORRUPT)


def test_pdf_with_broken_cross_reference_table_is_not_reconstructed() -> None:
    data = h.pdf_bytes(h.pdf_document()).replace(b"startxref\n", b"startxref\n9")
    rejected(data, errors.CORRUPT)


# --- hidden files ----------------------------------------------------------------------------------------


def test_jpeg_zip_polyglot() -> None:
    rejected(h.jpeg() + h.zip_archive(), errors.POLYGLOT)


def test_png_with_pdf_appended() -> None:
    rejected(h.png() + h.pdf_bytes(h.pdf_document()), errors.POLYGLOT)


def test_png_with_html_appended() -> None:
    rejected(h.png() + h.HTML, errors.POLYGLOT)


def test_jpeg_with_motion_photo_video_appended() -> None:
    rejected(h.jpeg() + b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\0" * 64, errors.POLYGLOT)


def test_webp_with_bytes_after_its_riff_container() -> None:
    rejected(h.save(h.marked(), "WEBP") + h.zip_archive()[:10], errors.POLYGLOT)


def test_heic_with_zip_appended() -> None:
    rejected(h.heic(h.marked()) + h.zip_archive(), errors.POLYGLOT)


def test_tiff_with_zip_appended() -> None:
    rejected(h.tiff_pages(1) + h.zip_archive(), errors.POLYGLOT)


def test_pdf_with_zip_appended() -> None:
    rejected(h.pdf_bytes(h.pdf_document()) + h.zip_archive(), errors.POLYGLOT)


def test_script_inside_a_png_text_chunk() -> None:
    rejected(h.png(pnginfo=_png_text("Comment", "<script>alert(1)</script>")), errors.POLYGLOT)


def test_html_inside_a_jpeg_comment() -> None:
    rejected(h.jpeg(comment=b"<HTML><body>hi</body></HTML>"), errors.POLYGLOT)


def test_pdf_header_inside_a_jpeg_comment() -> None:
    rejected(h.jpeg(comment=b"%PDF-1.7 hidden"), errors.POLYGLOT)


@pytest.mark.parametrize(
    "hidden",
    [b"<ScRiPt src=x>", b"<!DocType   HTML>", b"<hTmL>", b"%pdf-1.4", b"%PdF-2.0", b"<html\n<body>"],
)
def test_hidden_markup_is_found_in_any_case(hidden: bytes) -> None:
    rejected(h.jpeg(comment=b"note " + hidden + b" end"), errors.POLYGLOT)


@pytest.mark.parametrize("harmless", [b"<scrip t>", b"<htmlish>", b"%PD F-", b"doctype html"])
def test_near_misses_of_markup_are_not_refused(harmless: bytes) -> None:
    # The comment itself is dropped by sanitizing; what matters here is that the scan is exact.
    from relay.containers import check_markup

    check_markup(b"\xff\xd8" + harmless + b"\xff\xd9")


def test_pdf_header_inside_a_tiff() -> None:
    rejected(h.save(h.marked(), "TIFF", tiffinfo={270: "%PDF-1.4"}), errors.POLYGLOT)


def test_jpeg_padded_with_zeros_is_accepted() -> None:
    assert len(load_pages(h.jpeg() + b"\0" * 512)) == 1


def test_jpeg_followed_by_a_second_jpeg_keeps_only_the_first() -> None:
    # Multi-picture (MPF) files store previews, depth and gain maps as JPEGs after the first.
    (page,) = load_pages(h.jpeg(size=(60, 40)) + h.jpeg(size=(10, 10), colour=h.RED))
    assert page.size == (60, 40)


def _png_text(key: str, value: str) -> object:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info


# --- pixel limits ----------------------------------------------------------------------------------------


def test_decompression_bomb_png() -> None:
    data = h.png_bomb(30_000)
    assert len(data) < 200_000
    rejected(data, errors.DECOMPRESSION_BOMB)


def test_pixel_limit_is_per_call() -> None:
    data = h.png(h.marked((300, 300)))
    rejected(data, errors.DECOMPRESSION_BOMB, Limits(max_pixels=300 * 300 - 1))
    assert len(load_pages(data, Limits(max_pixels=300 * 300))) == 1


def test_global_pillow_state_is_restored() -> None:
    before = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters))
    rejected(h.png_bomb(12_000), errors.DECOMPRESSION_BOMB)
    load_pages(h.png())
    assert (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters)) == before


def test_truncated_image_refused_even_if_someone_enabled_pillows_leniency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    rejected(h.raw_grey_tiff([(100, 100, 7, 0)])[:-5000], errors.TRUNCATED)


def test_image_over_max_side() -> None:
    rejected(h.png(Image.new("L", (20_001, 2))), errors.TOO_MANY_PIXELS)


def test_total_pixels_over_all_pages() -> None:
    data = h.tiff_pages(3, size=(100, 100))
    rejected(data, errors.TOO_MANY_PIXELS, Limits(max_total_pixels=25_000))
    assert len(load_pages(data, Limits(max_total_pixels=30_000))) == 3


def test_tiff_page_over_pixel_limit_is_refused_before_decoding() -> None:
    data = h.raw_grey_tiff([(10, 10, 0, 0), (400, 400, 0, 0)])
    rejected(data, errors.DECOMPRESSION_BOMB, Limits(max_pixels=100_000))


def test_concurrent_calls_keep_their_own_limits() -> None:
    results: dict[str, object] = {}

    def small_limit() -> None:
        try:
            load_pages(h.png(h.marked((300, 300))), Limits(max_pixels=1000))
        except InputRejected as error:
            results["small"] = error.code

    def default_limit() -> None:
        results["default"] = len(load_pages(h.png(h.marked((300, 300)))))

    threads = [threading.Thread(target=f) for f in (small_limit, default_limit) * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"small": errors.DECOMPRESSION_BOMB, "default": 1}


# --- valid images ----------------------------------------------------------------------------------------


def test_pages_are_loaded_plain_images_with_only_orientation_kept() -> None:
    data, _ = h.jpeg_full_metadata()
    (page,) = load_pages(data)
    assert type(page) is Image.Image  # not a file-backed ImageFile: fully decoded, file released
    assert page.size == (40, 60)  # stored sideways; orientation is applied by sanitize, not here
    assert dict(page.getexif()) == {0x0112: 6}  # no GPS, camera model or serial
    assert set(page.info) == {"exif"}


def test_multi_page_tiff() -> None:
    pages = load_pages(h.tiff_pages(3))
    assert [p.getpixel((0, 0)) for p in pages] == [(0, 0, 0), (10, 0, 0), (20, 0, 0)]


def test_tiff_reduced_resolution_copies_are_not_pages() -> None:
    pages = load_pages(h.raw_grey_tiff([(20, 10, 50, 0), (5, 3, 99, 1), (20, 10, 200, 0)]))
    assert [(p.size, p.getpixel((0, 0))) for p in pages] == [((20, 10), 50), ((20, 10), 200)]


def test_tiff_too_many_pages() -> None:
    rejected(h.tiff_pages(21, size=(4, 4)), errors.TOO_MANY_PAGES)


def test_tiff_at_page_limit() -> None:
    assert len(load_pages(h.tiff_pages(20, size=(4, 4)))) == 20


def test_cmyk_jpeg() -> None:
    (page,) = load_pages(h.save(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95))
    assert page.mode == "CMYK"
    red, green, blue = sanitize(page).getpixel((8, 8))  # type: ignore[misc]
    assert red > 200 and green < 60 and blue < 60


def test_sixteen_bit_png() -> None:
    (page,) = load_pages(h.png(Image.new("I;16", (10, 10), 40_000)))
    assert page.mode.startswith("I") and page.getpixel((0, 0)) == 40_000


def test_palette_png_with_transparency() -> None:
    image = Image.new("P", (10, 10), 0)
    image.putpalette([255, 0, 0, 0, 0, 255])
    image.paste(1, (0, 0, 5, 10))
    (page,) = load_pages(h.png(image, transparency=0))
    assert page.mode == "P" and page.info["transparency"] == 0
    clean = sanitize(page)
    assert clean.getpixel((2, 2)) == (0, 0, 255) and clean.getpixel((8, 2)) == (255, 255, 255)


def test_animated_png_is_refused() -> None:
    rejected(h.animated_png(), errors.UNSUPPORTED_TYPE)


def test_animated_webp_is_refused() -> None:
    rejected(h.animated_webp(), errors.UNSUPPORTED_TYPE)


def test_still_webp() -> None:
    (page,) = load_pages(h.save(h.marked(), "WEBP", lossless=True))
    assert page.getpixel((2, 2)) == h.RED


def test_heic_is_decoded_upright() -> None:
    # HEIC carries orientation as a container transform; libheif applies it while decoding.
    upright = h.marked((64, 48))
    data = h.heic(upright.transpose(Image.Transpose.ROTATE_90), exif=h.exif_block(6))
    (page,) = load_pages(data)
    assert page.size == (64, 48)
    assert page.getexif().get(0x0112, 1) == 1
    red, green, blue = page.convert("RGB").getpixel((3, 3))  # type: ignore[misc]
    assert red > 200 and green < 60 and blue < 60


# --- PDF -------------------------------------------------------------------------------------------------


def test_multi_page_pdf_rendered_at_configured_dpi() -> None:
    pages = load_pages(h.pdf_bytes(h.pdf_document(3)))
    assert [p.size for p in pages] == [(400, 600)] * 3  # 2 x 3 inches at 200 dpi
    page = pages[0]
    assert page.mode == "RGB" and page.info == {}
    # The square sits 0.5-1 inch from the bottom-left corner: 100-200 px at 200 dpi.
    assert page.getpixel((150, 600 - 150)) == (0, 0, 0)
    assert page.getpixel((50, 50)) == (255, 255, 255)
    (low_res,) = load_pages(h.pdf_bytes(h.pdf_document(1)), Limits(pdf_dpi=72))
    assert low_res.size == (144, 216)


def test_pdf_with_too_many_pages() -> None:
    rejected(h.pdf_bytes(h.pdf_document(21)), errors.TOO_MANY_PAGES)


def test_pdf_page_count_is_checked_before_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.pdfpages

    def no_rendering(*_: object) -> None:
        raise AssertionError("rendered")

    monkeypatch.setattr(relay.pdfpages, "_render", no_rendering)
    rejected(h.pdf_bytes(h.pdf_document(25)), errors.TOO_MANY_PAGES, Limits(max_pages=24))


def test_pdf_page_too_large_to_render() -> None:
    rejected(h.pdf_bytes(h.pdf_document(1, size=(14_400, 14_400))), errors.TOO_MANY_PIXELS)


def test_pdf_open_action_javascript() -> None:
    rejected(h.pdf_open_action_js(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_javascript_in_name_tree_inside_object_stream() -> None:
    rejected(h.pdf_js_in_object_stream(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_page_additional_actions() -> None:
    rejected(h.pdf_page_additional_action(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_launch_action_on_a_link() -> None:
    rejected(h.pdf_launch_link(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_embedded_file() -> None:
    rejected(h.pdf_embedded_file(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_file_attachment_annotation() -> None:
    rejected(h.pdf_attachment_annotation(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_xfa_form() -> None:
    rejected(h.pdf_xfa_form(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_rich_media() -> None:
    rejected(h.pdf_rich_media(), errors.PDF_ACTIVE_CONTENT)


def test_pdf_open_action_that_is_only_a_destination_is_accepted() -> None:
    assert len(load_pages(h.pdf_open_action_destination())) == 1


def test_encrypted_pdf() -> None:
    rejected(h.pdf_encrypted(), errors.PDF_ENCRYPTED)


def test_pdf_encrypted_with_only_an_owner_password() -> None:
    rejected(h.pdf_encrypted(user=""), errors.PDF_ENCRYPTED)


def test_pdf_image_declaring_too_many_pixels() -> None:
    rejected(h.pdf_huge_image(), errors.DECOMPRESSION_BOMB)


# --- fuzzing: only InputRejected may escape ---------------------------------------------------------------

_FUZZ_LIMITS = Limits(max_pixels=1_000_000, max_side=4_000, max_pages=4)
_CODES = {value for name, value in vars(errors).items() if name.isupper() and isinstance(value, str)}
_SAMPLES = (
    h.jpeg_full_metadata()[0],
    h.png_full_metadata(),
    h.tiff_pages(2, size=(8, 8)),
    h.raw_grey_tiff([(8, 8, 1, 0), (4, 4, 2, 1)]),
    h.save(h.marked((16, 16)), "WEBP"),
    h.heic(h.marked((16, 16))),
    h.pdf_bytes(h.pdf_document(2)),
    h.pdf_js_in_object_stream(),
)
_MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF\0\0\0\0WEBP",
    b"%PDF-1.7\n",
    b"\x00\x00\x00\x18ftypheic",
)
_FUZZ = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def only_rejections(data: bytes) -> None:
    try:
        pages = load_pages(data, _FUZZ_LIMITS)
    except InputRejected as error:
        assert error.code in _CODES and "\n" not in str(error)
        return
    for page in pages:
        assert encode(page, "png").endswith(b"IEND\xaeB`\x82")


@_FUZZ
@given(st.binary(max_size=2048))
def test_fuzz_random_bytes(data: bytes) -> None:
    only_rejections(data)


@_FUZZ
@given(st.sampled_from(_MAGIC), st.binary(max_size=2048))
def test_fuzz_magic_then_random_bytes(magic: bytes, rest: bytes) -> None:
    only_rejections(magic + rest)


@settings(_FUZZ, max_examples=500)
@given(
    st.sampled_from(_SAMPLES),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
    st.one_of(st.none(), st.integers(min_value=1)),
)
def test_fuzz_mutated_samples(sample: bytes, flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(sample)
    for position, value in flips:
        data[position % len(data)] = value
    if cut is not None:
        del data[cut % len(data) :]
    only_rejections(bytes(data))


# --- orientation sources, rotated pages, the PDF object budget ---------------------------------------


@pytest.mark.parametrize("compression", ["raw", "tiff_adobe_deflate", "jpeg"])
def test_tiff_orientation_is_applied_once(compression: str) -> None:
    # Pillow's TIFF loader applies the orientation tag itself; intake must not leave it to be applied again.
    upright = h.marked((60, 40))
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    data = h.save(
        stored, "TIFF", tiffinfo={274: 6}, compression=compression, save_all=True, append_images=[stored]
    )
    for page in load_pages(data):
        clean = sanitize(page)
        assert clean.size == (60, 40)
        red, green, blue = clean.getpixel((3, 3))  # type: ignore[misc]
        assert red > 200 and green < 60 and blue < 60


def test_jpeg_with_too_many_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.containers

    progressive = h.save(h.marked((64, 48)), "JPEG", progressive=True, quality=90)
    assert progressive.count(b"\xff\xda") > 3
    monkeypatch.setattr(relay.containers, "_MAX_JPEG_SCANS", 3)
    rejected(progressive, errors.CORRUPT)


def test_progressive_jpeg_is_accepted() -> None:
    (page,) = load_pages(h.save(h.marked((64, 48)), "JPEG", progressive=True, quality=90))
    assert page.size == (64, 48)


def test_rotated_pdf_page_is_rendered_turned() -> None:
    pdf = h.pdf_document(2)
    pdf.pages[0].Rotate = 90
    first, second = load_pages(h.pdf_bytes(pdf))
    assert (first.size, second.size) == ((600, 400), (400, 600))


def test_pdf_with_too_many_objects_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.pdfpages

    monkeypatch.setattr(relay.pdfpages, "_MAX_PDF_NODES", 50)
    pdf = h.pdf_document()
    pdf.Root.Junk = pikepdf.Array([pdf.make_indirect(pikepdf.Array([1, 2])) for _ in range(60)])
    rejected(h.pdf_bytes(pdf), errors.CORRUPT)


def test_pdf_javascript_in_a_form_xobject_stream_dictionary() -> None:
    pdf = h.pdf_document()
    form = pdf.make_stream(b"")
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 1, 1]
    form.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("x")))
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F0=form))
    rejected(h.pdf_bytes(pdf), errors.PDF_ACTIVE_CONTENT)


def test_pdf_uri_link_is_accepted() -> None:
    # A plain link is inert once the page is pixels; refusing it would refuse most exported documents.
    pdf = h.pdf_document()
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[0, 0, 9, 9],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://x.test")),
    )
    pdf.pages[0].Annots = pikepdf.Array([pdf.make_indirect(link)])
    assert len(load_pages(h.pdf_bytes(pdf))) == 1


def test_png_with_too_many_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import relay.containers

    data = h.png()
    many = data[:33] + h.png_chunk(b"abCd", b"") * 20 + data[33:]  # 20 empty ancillary chunks after IHDR
    assert len(load_pages(many)) == 1
    monkeypatch.setattr(relay.containers, "_MAX_CHUNKS", 10)
    rejected(many, errors.CORRUPT)
