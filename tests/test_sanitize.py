"""Sanitize and encode: nothing but upright pixels survives, in any output format."""

from __future__ import annotations

import io
import zlib

import hostile as h
import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageFile, PngImagePlugin, TiffImagePlugin

import relay.sanitize
from relay import errors
from relay.errors import InputRejected
from relay.intake import load_pages
from relay.sanitize import OUTPUT_FORMATS, encode, encode_pages, output_format, sanitize

PLANTED = [s.encode() for s in (h.CAMERA_MODEL, h.CAMERA_SERIAL, h.AUTHOR_TEXT, h.PLACE_TEXT, "SecretMaker")]
# Markers of metadata containers in every format we write.
METADATA_MARKERS = [
    b"Exif",
    h.XMP_NS,
    b"ICC_PROFILE",
    b"tEXt",
    b"iTXt",
    b"zTXt",
    b"iCCP",
    b"eXIf",
    b"XMP ",
    b"ICCP",
    b"EXIF",
    b"/Producer",
    b"/Creator",
    b"/Info",
    b"/Metadata",
    b"Pillow",
    b"pikepdf",
    b"qpdf",
    b"PDFium",
]
IEND = b"\x00\x00\x00\x00IEND" + zlib.crc32(b"IEND").to_bytes(4, "big")


def assert_bare(data: bytes) -> None:
    for marker in PLANTED + METADATA_MARKERS:
        assert marker not in data, marker


@pytest.fixture(scope="module")
def metadata_jpeg_page() -> tuple[Image.Image, Image.Image]:
    data, upright = h.jpeg_full_metadata()
    (page,) = load_pages(data)
    return page, upright


# --- sanitize ----------------------------------------------------------------------------------------


def test_sample_really_carries_the_metadata_it_claims() -> None:
    data, _ = h.jpeg_full_metadata()
    for marker in (b"Exif", h.XMP_NS, b"ICC_PROFILE", h.CAMERA_MODEL.encode(), h.AUTHOR_TEXT.encode()):
        assert marker in data
    assert data.count(b"\xff\xd8") == 2  # the image and its EXIF thumbnail
    image = Image.open(io.BytesIO(data))
    assert image.getexif().get_ifd(0x8825)[2] == (42.0, 26.0, 0.0)  # GPS latitude


def test_sanitize_makes_a_new_bare_image(metadata_jpeg_page: tuple[Image.Image, Image.Image]) -> None:
    page, _ = metadata_jpeg_page
    clean = sanitize(page)
    assert type(clean) is Image.Image and not isinstance(clean, ImageFile.ImageFile)
    assert clean.mode == "RGB" and clean.info == {} and dict(clean.getexif()) == {}
    assert page.getexif()[0x0112] == 6  # the input is left as it was


def test_orientation_6_gives_upright_size_and_pixels(
    metadata_jpeg_page: tuple[Image.Image, Image.Image],
) -> None:
    page, upright = metadata_jpeg_page
    clean = sanitize(page)
    assert page.size == (40, 60) and clean.size == upright.size == (60, 40)
    assert _near(clean.getpixel((3, 3)), h.RED)  # top-left corner is red, as the writer saw it
    assert _near(clean.getpixel((56, 36)), h.BLUE)
    assert _near(clean.getpixel((3, 36)), h.GREY) and _near(clean.getpixel((56, 3)), h.GREY)


# Stored image = upright image turned by the inverse of what each EXIF orientation asks a viewer to do.
_INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", sorted(_INVERSE))
def test_every_orientation_is_applied_exactly(orientation: int) -> None:
    upright = h.marked((30, 20))
    turn = _INVERSE[orientation]
    stored = upright if turn is None else upright.transpose(turn)
    exif = Image.Exif()
    exif[0x0112] = orientation
    (page,) = load_pages(h.png(stored, exif=exif.tobytes()))
    assert np.array_equal(np.asarray(sanitize(page)), np.asarray(upright))


def test_alpha_is_flattened_onto_white_and_hidden_pixels_are_gone() -> None:
    rgba = Image.new("RGBA", (4, 1), (0, 0, 0, 0))
    rgba.putpixel((0, 0), (200, 10, 10, 0))  # fully transparent, but its colour is still stored
    rgba.putpixel((1, 0), (0, 0, 0, 255))
    rgba.putpixel((2, 0), (0, 0, 0, 128))
    clean = sanitize(rgba)
    assert clean.mode == "RGB"
    assert [clean.getpixel((x, 0)) for x in range(3)] == [(255, 255, 255), (0, 0, 0), (127, 127, 127)]


def test_grey_with_alpha_stays_grey() -> None:
    clean = sanitize(Image.new("LA", (2, 2), (0, 0)))
    assert clean.mode == "L" and clean.getpixel((0, 0)) == 255


def test_grey_png_with_transparent_key() -> None:
    image = Image.new("L", (2, 1), 0)
    image.putpixel((1, 0), 90)
    (page,) = load_pages(h.png(image, transparency=0))
    clean = sanitize(page)
    assert clean.mode == "L" and _values(clean) == [255, 90]


def test_sixteen_bit_grey_is_scaled_not_clipped() -> None:
    (page,) = load_pages(h.png(Image.new("I;16", (3, 3), 40_000)))
    clean = sanitize(page)
    assert clean.mode == "L" and clean.getpixel((1, 1)) == round(40_000 * 255 / 65535)


def test_thirty_two_bit_and_float_pages_become_grey() -> None:
    wide = Image.fromarray(np.array([[0, 1000, 2000]], dtype=np.int32), mode="I")
    assert _values(sanitize(wide)) == [0, 4, 8]  # within 16-bit range: scaled as 16-bit
    unit = Image.fromarray(np.array([[0.0, 0.5, 1.0]], dtype=np.float32), mode="F")
    assert _values(sanitize(unit)) == [0, 128, 255]


def test_one_bit_becomes_grey() -> None:
    image = Image.new("1", (2, 1), 0)
    image.putpixel((1, 0), 1)
    clean = sanitize(image)
    assert clean.mode == "L" and _values(clean) == [0, 255]


def test_cmyk_becomes_rgb() -> None:
    clean = sanitize(Image.new("CMYK", (1, 1), (0, 0, 0, 255)))
    assert clean.mode == "RGB" and clean.getpixel((0, 0)) == (0, 0, 0)


def test_unreadable_exif_is_refused_not_ignored() -> None:
    image = Image.new("RGB", (3, 3))
    image.info["exif"] = b"Exif\x00\x00" + b"not a TIFF structure"
    with pytest.raises(InputRejected) as caught:
        sanitize(image)
    assert caught.value.code == errors.CORRUPT and caught.value.__context__ is None


def test_orientation_given_only_in_xmp_is_applied() -> None:
    upright = h.marked((60, 40))
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/></rdf:RDF>'
        b"</x:xmpmeta>"
    )
    (page,) = load_pages(h.png(upright.transpose(Image.Transpose.ROTATE_90), pnginfo=_itxt_xmp(xmp)))
    assert np.array_equal(np.asarray(sanitize(page)), np.asarray(upright))


def test_unconvertible_mode_is_refused() -> None:
    with pytest.raises(InputRejected) as caught:
        sanitize(Image.new("LAB", (1, 1)))
    assert caught.value.code == errors.UNSUPPORTED_TYPE


# --- encode: metadata --------------------------------------------------------------------------------


def test_jpeg_output_from_metadata_jpeg(metadata_jpeg_page: tuple[Image.Image, Image.Image]) -> None:
    page, upright = metadata_jpeg_page
    data = encode(sanitize(page), "jpeg")
    assert_bare(data)
    assert data.count(b"\xff\xd8") == 1  # no thumbnail or second image
    assert data.startswith(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00") and data.endswith(b"\xff\xd9")
    out = Image.open(io.BytesIO(data))
    assert out.size == upright.size and "exif" not in out.info and "icc_profile" not in out.info
    diff = np.abs(np.asarray(out, dtype=np.int16) - np.asarray(upright, dtype=np.int16))
    assert diff.mean() < 4  # lossy both ways, but close


def test_png_output_from_metadata_jpeg(metadata_jpeg_page: tuple[Image.Image, Image.Image]) -> None:
    page, upright = metadata_jpeg_page
    data = encode(page, "png")  # encode sanitizes whatever it is given
    assert_bare(data)
    assert data.endswith(IEND) and data.count(b"IEND") == 1
    assert Image.open(io.BytesIO(data)).size == upright.size


def test_png_metadata_chunks_do_not_survive_any_format() -> None:
    data = h.png_full_metadata()
    for marker in (b"tEXt", b"zTXt", b"iTXt", b"iCCP", b"eXIf", h.AUTHOR_TEXT.encode()):
        assert marker in data
    (page,) = load_pages(data)
    for fmt in OUTPUT_FORMATS:
        assert_bare(encode(page, fmt))


def test_png_output_pixels_equal_upright_input() -> None:
    upright = h.marked((50, 30))
    exif = Image.Exif()
    exif[0x0112] = 6
    (page,) = load_pages(h.png(upright.transpose(Image.Transpose.ROTATE_90), exif=exif.tobytes()))
    data = encode(sanitize(page), "png")
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(data))), np.asarray(upright))
    assert _png_chunk_types(data) == [b"IHDR", b"IDAT", b"IEND"]


def test_webp_output_is_lossless_and_bare() -> None:
    upright = h.marked()
    data = encode(upright, "webp")
    assert_bare(data)
    assert data[12:16] == b"VP8L" and int.from_bytes(data[4:8], "little") + 8 == len(data)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")), np.asarray(upright))


def test_tiff_output_carries_only_pixel_tags() -> None:
    data = encode_pages([h.marked(), h.marked((20, 10), mode="L")], "tiff")
    assert_bare(data)
    tiff = Image.open(io.BytesIO(data))
    assert isinstance(tiff, TiffImagePlugin.TiffImageFile) and tiff.n_frames == 2
    for index, (size, mode) in enumerate([((60, 40), "RGB"), ((20, 10), "L")]):
        tiff.seek(index)
        assert (tiff.size, tiff.mode) == (size, mode)
        tags = set(tiff.tag_v2)
        assert not tags & {270, 271, 272, 282, 283, 296, 305, 306, 315, 700, 33432, 34665, 34853, 34675}


def test_pdf_output_has_no_document_information() -> None:
    data = encode_pages([h.marked(), h.marked((100, 200))], "pdf")
    assert_bare(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.docinfo.keys()) == 0 and "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 2
        assert [float(v) for v in pdf.pages[0].MediaBox] == [0, 0, 60 * 72 / 200, 40 * 72 / 200]
    # Rendered back at 200 dpi, each page is its image again.
    first, second = load_pages(data)
    assert (first.size, second.size) == ((60, 40), (100, 200))
    assert _near(first.getpixel((3, 3)), h.RED, 40) and _near(second.getpixel((96, 196)), h.BLUE, 40)


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_every_format_round_trips_through_intake(fmt: str) -> None:
    data = encode(h.marked((64, 48)), fmt)
    (page,) = load_pages(data)
    clean = sanitize(page)
    assert clean.size == (64, 48) and _near(clean.getpixel((3, 3)), h.RED, 40)


# --- encode: errors and the output allowlist ------------------------------------------------------------


def test_unknown_format() -> None:
    with pytest.raises(InputRejected) as caught:
        encode(h.marked(), "gif")
    assert caught.value.code == errors.BAD_OUTPUT


def test_several_pages_into_a_single_page_format() -> None:
    with pytest.raises(InputRejected) as caught:
        encode_pages([h.marked(), h.marked()], "png")
    assert caught.value.code == errors.BAD_OUTPUT


def test_webp_too_wide_for_the_format() -> None:
    with pytest.raises(InputRejected) as caught:
        encode(Image.new("L", (16_384, 1)), "webp")
    assert caught.value.code == errors.BAD_OUTPUT
    assert encode(Image.new("L", (16_383, 1)), "webp").startswith(b"RIFF")


def test_no_pages() -> None:
    with pytest.raises(InputRejected) as caught:
        encode_pages([], "pdf")
    assert caught.value.code == errors.BAD_OUTPUT


def test_encoder_output_with_metadata_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # If an encoder ever starts adding metadata, encode fails closed instead of writing it.
    def leaky(pages: list[Image.Image], fmt: str) -> bytes:
        return h.save(pages[0], "JPEG", exif=h.exif_block(1))

    monkeypatch.setattr(relay.sanitize, "_pillow", leaky)
    with pytest.raises(InputRejected) as caught:
        encode(h.marked(), "jpeg")
    assert caught.value.code == errors.BAD_OUTPUT


def test_pdf_output_with_document_information_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def with_producer(pages: list[Image.Image]) -> bytes:
        pdf = h.pdf_document()
        pdf.docinfo["/Producer"] = "SomeTool 1.0"
        return h.pdf_bytes(pdf)

    monkeypatch.setattr(relay.sanitize, "_pdf", with_producer)
    with pytest.raises(InputRejected) as caught:
        encode(h.marked(), "pdf")
    assert caught.value.code == errors.BAD_OUTPUT


def test_encoder_exception_becomes_a_one_line_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(pages: list[Image.Image], fmt: str) -> bytes:
        raise OSError("encoder error -2 while writing " + h.AUTHOR_TEXT)

    monkeypatch.setattr(relay.sanitize, "_pillow", broken)
    with pytest.raises(InputRejected) as caught:
        encode(h.marked(), "png")
    assert caught.value.code == errors.BAD_OUTPUT
    assert h.AUTHOR_TEXT not in str(caught.value) and caught.value.__context__ is None


def test_png_output_with_a_text_chunk_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relay.sanitize, "_pillow", lambda pages, fmt: h.png_full_metadata())
    with pytest.raises(InputRejected) as caught:
        encode(h.marked(), "png")
    assert caught.value.code == errors.BAD_OUTPUT


# --- output_format -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("out.png", "png"),
        ("OUT.PNG", "png"),
        ("a/b.jpg", "jpeg"),
        ("x.JPEG", "jpeg"),
        ("x.tif", "tiff"),
        ("x.Tiff", "tiff"),
        ("x.webp", "webp"),
        ("dir.v2/x.pdf", "pdf"),
        ("x.tar.png", "png"),
    ],
)
def test_output_format_from_extension(path: str, fmt: str) -> None:
    assert output_format(path) == fmt


@pytest.mark.parametrize("path", ["kim-letter.gif", "kim-letter", "kim-letter.png.exe", ".png/kim", "kim."])
def test_output_format_refuses_other_extensions_without_echoing_the_name(path: str) -> None:
    with pytest.raises(InputRejected) as caught:
        output_format(path)
    assert caught.value.code == errors.BAD_OUTPUT and "kim" not in str(caught.value)


# --- helpers ---------------------------------------------------------------------------------------------


def _near(pixel: object, expected: tuple[int, int, int], tolerance: int = 30) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def _itxt_xmp(xmp: bytes) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode())
    return info


def _values(image: Image.Image) -> list[int]:
    return [int(v) for v in np.asarray(image).ravel()]


def _png_chunk_types(data: bytes) -> list[bytes]:
    types, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        types.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return types
