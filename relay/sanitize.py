"""Sanitize: turn a decoded page into bare pixels, and encode pixels into files that carry nothing else.

A photo of a letter can name its taker without a word of the letter: GPS position, camera serial, an
EXIF thumbnail of the unredacted page, an XMP edit history. So nothing of the input survives but its
pixels: :func:`sanitize` builds a brand-new image from pixel bytes, and :func:`encode` writes only what
each format needs to show those pixels, then checks its own output against an allowlist of structures
before returning it (fail closed if an encoder library ever starts adding metadata).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import PurePath

import numpy as np
import numpy.typing as npt
import pikepdf
from PIL import Image, ImageOps

from relay.errors import BAD_OUTPUT, CORRUPT, UNSUPPORTED_TYPE, InputRejected

__all__ = ["OUTPUT_FORMATS", "encode", "encode_pages", "output_format", "sanitize"]

OUTPUT_FORMATS = ("png", "jpeg", "tiff", "webp", "pdf")
_EXTENSIONS = {
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".webp": "webp",
    ".pdf": "pdf",
}
_FORMAT_MESSAGE = "The output must end in .png, .jpg, .jpeg, .tif, .tiff, .webp or .pdf; choose one of those."
_WHITE = 255
_JPEG_QUALITY = 92
_WEBP_MAX_SIDE = 16_383  # the format's limit
# Output pages carry no DPI, so PDF pages are sized as if printed at the resolution intake renders PDFs
# at: a PDF letter comes back at its own paper size.
_PDF_DPI = 200


def sanitize(page: Image.Image) -> Image.Image:
    """The page upright, as a new mode ``L`` or ``RGB`` image holding its pixels and nothing else.

    EXIF orientation is applied first; transparency is flattened onto white (so pixels hidden under
    alpha 0 are gone); palette, CMYK, 1-bit and 16-bit/float pixels are converted. Raises
    :class:`InputRejected` (``corrupt``) for unreadable EXIF, (``unsupported_type``) for a pixel format
    with no conversion, such as CIELab.
    """
    plain = _plain_pixels(_upright(page))
    # frombytes starts from nothing: no info, EXIF, ICC, palette or frames can ride along.
    return Image.frombytes(plain.mode, plain.size, plain.tobytes())


def _upright(page: Image.Image) -> Image.Image:
    try:
        turned = ImageOps.exif_transpose(page)
        return turned if turned is not None else page
    except Exception:  # EXIF that does not parse: the page's orientation is unknown
        pass
    # Raised outside the handler: Pillow's exception (which may quote metadata) is not kept as context.
    raise InputRejected(
        "The page's orientation data is unreadable; export the scan again as JPEG or PNG.", code=CORRUPT
    )


def _plain_pixels(image: Image.Image) -> Image.Image:
    try:
        return _convert(image)
    except InputRejected:
        raise
    except Exception:  # a conversion Pillow does not have, such as CIELab without a colour profile
        pass
    raise _unconvertible()


def _convert(image: Image.Image) -> Image.Image:
    mode = image.mode
    if mode in ("L", "RGB") and "transparency" not in image.info:
        return image
    if mode == "1":
        return image.convert("L")
    if mode in ("LA", "La"):
        return _flatten(image.convert("LA"), "L")
    if mode in ("L", "RGB", "P", "PA", "RGBA", "RGBa"):
        # convert("RGBA") applies palette alpha and tRNS transparency keys alike.
        return _flatten(image.convert("RGBA"), "L" if mode == "L" else "RGB")
    if mode.startswith("I") or mode == "F":
        return Image.fromarray(_to_8bit(np.asarray(image)))  # 2-D uint8: mode L
    if mode in ("CMYK", "YCbCr", "HSV", "RGBX"):
        return image.convert("RGB")
    raise _unconvertible()


def _unconvertible() -> InputRejected:
    return InputRejected(
        "The page's pixels could not be converted; export the scan as JPEG or PNG.", code=UNSUPPORTED_TYPE
    )


def _flatten(image: Image.Image, mode: str) -> Image.Image:
    """``image`` (LA or RGBA) composited onto white, in ``mode``."""
    background = Image.new(mode, image.size, _WHITE if mode == "L" else (_WHITE,) * 3)
    alpha = image.getchannel("A")
    colour = image.convert(mode)
    background.paste(colour, (0, 0), alpha)
    return background


def _to_8bit(values: npt.NDArray[np.generic]) -> npt.NDArray[np.uint8]:
    """Grey levels of a 16-bit, 32-bit or float page scaled to 0..255.

    16-bit scans use the full 0..65535 range; 32-bit and float pages have no fixed range, so they are
    stretched over the values actually present (8-bit data in a wide container is kept as it is).
    """
    data = np.nan_to_num(values.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    low, high = (float(data.min()), float(data.max())) if data.size else (0.0, 0.0)
    if values.dtype.kind in "ui" and values.dtype.itemsize == 2:
        low, high = 0.0, 65535.0
    elif values.dtype.kind == "f" and low >= 0.0 and high <= 1.0:
        low, high = 0.0, 1.0
    elif low >= 0.0 and high <= 255.0:
        low, high = 0.0, 255.0
    elif low >= 0.0 and high <= 65535.0:
        low, high = 0.0, 65535.0
    if high <= low:
        return np.zeros(values.shape, dtype=np.uint8)
    scaled = np.rint((data - low) * (255.0 / (high - low)))
    return np.clip(scaled, 0, 255).astype(np.uint8)


# --- encoding -----------------------------------------------------------------------------------------


def output_format(path: str) -> str:
    """The output format named by a file name's extension (case-insensitive); the name is not echoed."""
    fmt = _EXTENSIONS.get(PurePath(path).suffix.lower())
    if fmt is None:
        raise InputRejected(_FORMAT_MESSAGE, code=BAD_OUTPUT)
    return fmt


def encode(image: Image.Image, fmt: str) -> bytes:
    """One page as a file of format ``fmt`` (one of :data:`OUTPUT_FORMATS`), pixels only.

    The image is sanitized first, so whatever was passed in, only its upright pixels are written.
    """
    return encode_pages([image], fmt)


def encode_pages(images: Sequence[Image.Image], fmt: str) -> bytes:
    """Several pages as one file: ``pdf`` and ``tiff`` hold any number, the other formats exactly one."""
    if fmt not in OUTPUT_FORMATS:
        raise InputRejected(_FORMAT_MESSAGE, code=BAD_OUTPUT)
    if not images:
        raise InputRejected("There are no pages to write; check that the input had pages.", code=BAD_OUTPUT)
    if len(images) > 1 and fmt not in ("pdf", "tiff"):
        raise InputRejected(
            "This output format holds one page; write a document with several pages as .pdf or .tiff.",
            code=BAD_OUTPUT,
        )
    pages = [sanitize(image) for image in images]
    if fmt == "webp" and any(max(page.size) > _WEBP_MAX_SIDE for page in pages):
        raise InputRejected(
            f"WebP holds at most {_WEBP_MAX_SIDE} pixels a side; write this page as .png or .tiff.",
            code=BAD_OUTPUT,
        )
    data, ok = b"", False
    try:
        data = _pdf(pages) if fmt == "pdf" else _pillow(pages, fmt)
        ok = _output_ok(data, fmt, len(pages))
    except Exception:  # an encoder refusing pixels it was given: a bug, reported without its details
        pass
    if not ok:
        raise InputRejected(
            "The encoder failed or produced unexpected data; nothing was written. Report this as a bug.",
            code=BAD_OUTPUT,
        )
    return data


def _pillow(pages: list[Image.Image], fmt: str) -> bytes:
    out = io.BytesIO()
    first, rest = pages[0], pages[1:]
    if fmt == "png":
        first.save(out, "PNG")
    elif fmt == "jpeg":
        first.save(out, "JPEG", quality=_JPEG_QUALITY)
    elif fmt == "webp":
        # Lossless: the output is what a moderator approved, pixel for pixel.
        first.save(out, "WEBP", lossless=True)
    else:
        first.save(out, "TIFF", compression="tiff_adobe_deflate", save_all=True, append_images=rest)
    return out.getvalue()


def _pdf(pages: list[Image.Image]) -> bytes:
    """A PDF of one full-page JPEG per page, with no document information or XMP metadata."""
    pdf = pikepdf.Pdf.new()
    for page in pages:
        width, height = page.size
        points = (width * 72 / _PDF_DPI, height * 72 / _PDF_DPI)
        picture = pikepdf.Stream(pdf, _pillow([page], "jpeg"))
        picture.Type = pikepdf.Name.XObject
        picture.Subtype = pikepdf.Name.Image
        picture.Width, picture.Height, picture.BitsPerComponent = width, height, 8
        picture.ColorSpace = pikepdf.Name.DeviceGray if page.mode == "L" else pikepdf.Name.DeviceRGB
        picture.Filter = pikepdf.Name.DCTDecode
        sheet = pdf.add_blank_page(page_size=points)
        sheet.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture))
        sheet.Contents = pdf.make_stream(f"q {points[0]:.4f} 0 0 {points[1]:.4f} 0 0 cm /Im0 Do Q".encode())
    out = io.BytesIO()
    # deterministic_id: the trailer /ID (which qpdf always writes) is a hash of the content, not of the
    # time and place of writing.
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


# --- output allowlist ---------------------------------------------------------------------------------

_JPEG_HEADER_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD})  # SOF0-2, DHT, DQT, DRI
_TIFF_TAGS = frozenset({256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 339})


def _output_ok(data: bytes, fmt: str, pages: int) -> bool:
    """False if the output holds anything beyond the structures known to carry only pixels."""
    if fmt == "png":
        return _png_chunks(data) == [b"IHDR", b"IDAT", b"IEND"]
    if fmt == "jpeg":
        return _jpeg_ok(data)
    if fmt == "webp":
        return _webp_ok(data)
    if fmt == "tiff":
        return _tiff_ok(data, pages)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root and len(pdf.pages) == pages


def _png_chunks(data: bytes) -> list[bytes]:
    kinds: list[bytes] = []
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if not kinds or kinds[-1] != kind:  # consecutive IDAT chunks count once
            kinds.append(kind)
        pos += 12 + length
    return kinds if pos == len(data) else [b"?"]


def _jpeg_ok(data: bytes) -> bool:
    # Header segments up to the first scan must be JFIF APP0 and coding tables only; the file must end
    # with EOI (a baseline JPEG from Pillow has one scan, so the scan runs to the EOI).
    if not (data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")):
        return False
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker == 0xDA:
            return _single_scan(data, pos)
        jfif = marker == 0xE0 and data[pos + 4 : pos + 9] == b"JFIF\x00"
        if not (jfif or marker in _JPEG_HEADER_MARKERS):
            return False
        pos += 2 + length
    return False


def _single_scan(data: bytes, pos: int) -> bool:
    """True if no marker other than restart markers and the final EOI follows the scan at ``pos``."""
    pos = data.find(b"\xff", pos + 4)
    while pos != -1 and pos < len(data) - 2:
        if data[pos + 1] not in (0x00, 0xFF) and not 0xD0 <= data[pos + 1] <= 0xD7:
            return False
        pos = data.find(b"\xff", pos + 2)
    return True


def _webp_ok(data: bytes) -> bool:
    # Exactly one lossless bitstream chunk: no VP8X header, so no room for EXIF, XMP or ICCP chunks.
    chunk = int.from_bytes(data[16:20], "little")
    riff = int.from_bytes(data[4:8], "little")
    framed = data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8L"
    return framed and riff + 8 == len(data) == 20 + chunk + chunk % 2


def _tiff_ok(data: bytes, pages: int) -> bool:
    with Image.open(io.BytesIO(data), formats=["TIFF"]) as tiff:
        for index in range(pages):
            tiff.seek(index)
            if not set(tiff.tag_v2.keys()) <= _TIFF_TAGS:  # type: ignore[attr-defined]
                return False
        return getattr(tiff, "n_frames", 1) == pages
