"""Intake: decide what an upload is from its bytes, refuse what is hostile, decode what is left.

Everything that arrives here is untrusted. The order of checks is deliberate: cheap checks on the raw
bytes first (size, type by magic bytes, container structure, hidden files), then header-only parsing
(pixel sizes, page counts), and only then the expensive decoding or rendering. Nothing is decoded before
its pixel size is known to be within :class:`Limits`.

Every failure is an :class:`~relay.errors.InputRejected` with a stable code and a fixed one-line message.
Decoder exceptions are never attached (not as ``__cause__``, not even as ``__context__``): their text can
quote bytes of the file, and an exception may end up in a log or a queue.

Thread safety: Pillow's pixel limit and the warnings filters are process-wide, and PDFium must not be
called from two threads at once, so both are used under module locks (dramatiq runs actors in threads).
Before Python 3.14 ``warnings.catch_warnings`` is not thread-safe either: a filter that code outside relay
changes in another thread while an image decodes here can be lost; relay itself never does that.
"""

from __future__ import annotations

import io
import math
import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageFile

from relay.errors import (
    CORRUPT,
    DECOMPRESSION_BOMB,
    EMPTY,
    PDF_ACTIVE_CONTENT,
    PDF_ENCRYPTED,
    POLYGLOT,
    TOO_LARGE,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    TRUNCATED,
    UNSUPPORTED_TYPE,
    ConfigError,
    InputRejected,
)

__all__ = ["Limits", "MediaType", "load_pages", "sniff"]


class MediaType(StrEnum):
    """The upload types relay accepts, as MIME types."""

    JPEG = "image/jpeg"
    PNG = "image/png"
    TIFF = "image/tiff"
    WEBP = "image/webp"
    HEIC = "image/heic"
    PDF = "application/pdf"


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits for one upload. Pixel limits apply to decoded (or rendered) pages."""

    max_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 60_000_000  # per page
    max_pages: int = 20
    max_side: int = 20_000
    pdf_dpi: int = 200
    # Twenty pages of 60 MP would be 3.6 GB of RGB: bound the whole upload, not just each page.
    max_total_pixels: int = 250_000_000

    def __post_init__(self) -> None:
        for value in (self.max_bytes, self.max_pixels, self.max_pages, self.max_side, self.pdf_dpi,
                      self.max_total_pixels):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError("Intake limits must be positive integers; fix the limits in the settings.")


_MSG = {
    EMPTY: "The file is empty; upload the scan again.",
    UNSUPPORTED_TYPE: "The file is not a JPEG, PNG, TIFF, WebP, HEIC or PDF; export the scan as one.",
    TRUNCATED: "The file is cut short (truncated); upload it again or export a fresh copy.",
    CORRUPT: "The file is damaged and cannot be decoded; export a fresh copy of the scan.",
    DECOMPRESSION_BOMB: "The image declares more pixels than allowed (possible decompression bomb); "
    "scan at a lower resolution.",
    TOO_MANY_PIXELS: "The image or page is larger than allowed; scan at a lower resolution or split it.",
    POLYGLOT: "The file hides other data (extra bytes after the image or embedded markup); "
    "export it again as a plain image.",
    PDF_ACTIVE_CONTENT: "The PDF contains scripts, actions, attachments or media; "
    "print it to a plain PDF or scan the paper letter.",
    PDF_ENCRYPTED: "The PDF is encrypted or password-protected; remove the protection and upload it again.",
}
_ANIMATED_MSG = "Animated images are not accepted; save the letter as a still image (JPEG or PNG)."
_NO_HEIC_MSG = "HEIC images cannot be read on this installation; export the photo as JPEG."


def _reject(code: str, message: str | None = None) -> InputRejected:
    return InputRejected(message or _MSG[code], code=code)


# --- type sniffing ------------------------------------------------------------------------------------

_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
_SNIFF_BYTES = 4096


def sniff(untrusted_head: bytes) -> MediaType:
    """The media type of a file from its first bytes (at least 32; 4 KiB is plenty). Never the name."""
    head = untrusted_head
    if not head:
        raise _reject(EMPTY)
    if head.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return MediaType.PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return MediaType.TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return MediaType.WEBP
    # Strict: the PDF header must be the very first bytes. Readers tolerate junk before it, which is
    # exactly how PDF polyglots are made.
    if head.startswith(b"%PDF-"):
        return MediaType.PDF
    if head[4:8] == b"ftyp" and _is_heic_ftyp(head):
        return MediaType.HEIC
    raise _reject(UNSUPPORTED_TYPE)


def _is_heic_ftyp(head: bytes) -> bool:
    # ftyp box: size, 'ftyp', major brand, minor version, compatible brands up to the box size. 'mif1'
    # alone is also AVIF's brand, so an HEVC brand must appear somewhere.
    size = int.from_bytes(head[:4], "big")
    end = min(max(size, 16), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    return any(brand in _HEIC_BRANDS for brand in brands)


# --- the entry point --------------------------------------------------------------------------------------


def load_pages(untrusted_upload: bytes, limits: Limits = Limits()) -> tuple[Image.Image, ...]:
    """Check and decode one upload into its pages, fully loaded.

    Pages are plain in-memory images that keep only what sanitize needs: pixels, a palette or
    transparency key, and (as an EXIF block holding nothing else) an orientation not yet applied. TIFF
    and HEIC decoders apply their orientation themselves, so those pages come upright with none. PDF
    pages are rendered at ``limits.pdf_dpi``. Raises :class:`InputRejected`; no other exception escapes.
    """
    if not untrusted_upload:
        raise _reject(EMPTY)
    if len(untrusted_upload) > limits.max_bytes:
        raise _reject(TOO_LARGE, f"The file is larger than the limit of {limits.max_bytes:,} bytes; split "
                                 "it or scan at a lower resolution.")
    media = sniff(untrusted_upload[:_SNIFF_BYTES])
    _check_zip_tail(untrusted_upload)
    if media is MediaType.PDF:
        return _load_pdf(untrusted_upload, limits)
    _check_markup(untrusted_upload)
    _check_container(media, untrusted_upload)
    return _load_image(media, untrusted_upload, limits)


# --- hidden-file checks (all types) ---------------------------------------------------------------------

# A ZIP reader looks for its end-of-central-directory record in the last 64 KiB + 22 bytes of a file,
# so any file with one there opens as a ZIP (jar, docx, apk), whatever else it is. By chance, random-looking
# compressed data holds that 4-byte signature in its last 64 KiB about once in 65,000 files.
_ZIP_TAIL = 65_535 + 22
_MARKUP = re.compile(rb"%PDF-|<script|<html[\s>]|<!doctype\s+html", re.IGNORECASE)


def _check_zip_tail(data: bytes) -> None:
    tail_start = max(0, len(data) - _ZIP_TAIL)
    pos = data.find(b"PK\x05\x06", tail_start)
    while pos != -1:
        if pos + 22 <= len(data):
            raise _reject(POLYGLOT)
        pos = data.find(b"PK\x05\x06", pos + 1)


def _check_markup(data: bytes) -> None:
    # Compressed image data is random-looking; these patterns (5+ bytes each) turn up in it by chance
    # about once in 100,000 multi-megabyte files, a false alarm rate worth refusing hidden HTML or PDF.
    # (Shorter patterns such as '<svg' would misfire about once in 2,000 photos.)
    if _MARKUP.search(data):
        raise _reject(POLYGLOT)


# --- container structure: where each format ends --------------------------------------------------------


def _check_container(media: MediaType, data: bytes) -> None:
    """Refuse a truncated container, or bytes after its end (a second file riding along).

    TIFF has no end marker (its parts are found by offsets), so only the hidden-file scans cover it.
    """
    if media is MediaType.JPEG:
        _check_jpeg(data)
    elif media is MediaType.PNG:
        _check_png(data)
    elif media is MediaType.WEBP:
        _check_webp(data)
    elif media is MediaType.HEIC:
        _check_bmff(data)


# Progressive JPEGs use about ten scans. Thousands of tiny scans make libjpeg spend minutes on a small
# file (the reason djpeg has -maxscans), so a generous cap is a cheap denial-of-service guard.
_MAX_JPEG_SCANS = 100


# Regular expressions rather than byte-by-byte loops: a hostile file can hold 50 MB of padding.
_NOT_ZERO = re.compile(rb"[^\x00]")
_NOT_FILL = re.compile(rb"[^\xff]")
# In entropy-coded data 0xFF is followed by 0x00 (an escaped data byte), a restart marker 0xD0-0xD7 or
# another 0xFF (fill); any other byte after 0xFF is a real marker, which ends the scan.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _check_jpeg(data: bytes) -> None:
    pos = _jpeg_end(data, 2)
    while True:
        # Cameras pad with zeros, and MPF stores further JPEGs (previews, depth and gain maps) right
        # after the first; anything else after the end is another file: motion-photo videos included.
        found = _NOT_ZERO.search(data, pos)
        if found is None:
            return
        pos = found.start()
        if not data.startswith(b"\xff\xd8\xff", pos):
            raise _reject(POLYGLOT)
        pos = _jpeg_end(data, pos + 2)


def _jpeg_end(data: bytes, pos: int) -> int:
    """Offset just past the EOI marker of the JPEG whose first segment starts at ``pos``."""
    size = len(data)
    scans = 0
    while True:
        if pos >= size:
            raise _reject(TRUNCATED)
        if data[pos] != 0xFF:
            raise _reject(CORRUPT)
        found = _NOT_FILL.search(data, pos)  # fill bytes may precede a marker
        if found is None:
            raise _reject(TRUNCATED)
        pos = found.start()
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            return pos
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            continue
        if pos + 2 > size:
            raise _reject(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2:
            raise _reject(CORRUPT)
        pos += length
        if pos > size:
            raise _reject(TRUNCATED)
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
            scans += 1
            if scans > _MAX_JPEG_SCANS:
                raise _reject(CORRUPT)
            end = _SCAN_END.search(data, pos)
            if end is None:
                raise _reject(TRUNCATED)
            pos = end.start()


# Encoders write image data in chunks of 8 KiB or more; a million empty chunks is an attack on the
# walk itself, so the number of chunks (and of HEIC boxes) is capped.
_MAX_CHUNKS = 100_000


def _check_png(data: bytes) -> None:
    pos, size = 8, len(data)
    for _ in range(_MAX_CHUNKS):
        if pos + 12 > size:
            raise _reject(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if length > 0x7FFFFFFF:
            raise _reject(CORRUPT)
        pos += 12 + length
        if pos > size:
            raise _reject(TRUNCATED)
        if kind == b"IEND":
            if pos != size:
                raise _reject(POLYGLOT)
            return
    raise _reject(CORRUPT)


def _check_webp(data: bytes) -> None:
    declared = int.from_bytes(data[4:8], "little") + 8
    if len(data) < 12 or declared > len(data):
        raise _reject(TRUNCATED)
    if declared < len(data):
        raise _reject(POLYGLOT)


def _check_bmff(data: bytes) -> None:
    """ISO base media boxes (HEIC) must tile the file exactly."""
    pos, size = 0, len(data)
    for _ in range(_MAX_CHUNKS):
        if pos >= size:
            break
        if pos + 8 > size:
            raise _reject(TRUNCATED)
        length, header = int.from_bytes(data[pos : pos + 4], "big"), 8
        if length == 1:  # 64-bit size follows the type
            if pos + 16 > size:
                raise _reject(TRUNCATED)
            length, header = int.from_bytes(data[pos + 8 : pos + 16], "big"), 16
        elif length == 0:  # runs to the end of the file
            return
        if length < header:
            raise _reject(CORRUPT)
        pos += length
    else:
        raise _reject(CORRUPT)
    if pos > size:
        raise _reject(TRUNCATED)


# --- images ---------------------------------------------------------------------------------------------

_PIL_FORMAT = {
    MediaType.JPEG: "JPEG",
    MediaType.PNG: "PNG",
    MediaType.TIFF: "TIFF",
    MediaType.WEBP: "WEBP",
    MediaType.HEIC: "HEIF",
}
_PILLOW_LOCK = threading.Lock()
_heif_registered = False
_ORIENTATION = 0x0112
_NEW_SUBFILE_TYPE = 254
_REDUCED_OR_MASK = 0b101  # NewSubfileType bits: reduced-resolution copy, transparency mask


@contextmanager
def _pillow_guard(max_pixels: int) -> Iterator[None]:
    """Pillow's pixel limit set to ``max_pixels`` and its bomb warning made an error, for one call.

    Both are process-wide, so they are set under a lock and restored afterwards.
    """
    with _PILLOW_LOCK, warnings.catch_warnings():
        # Other decoder warnings are noise for a file we reject or re-encode anyway; keep logs quiet.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        saved = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved


def _heif_ready() -> bool:
    """Teach Pillow to open HEIC, once; False if pillow-heif is broken. Called under the Pillow lock."""
    global _heif_registered
    if not _heif_registered:
        try:
            import pillow_heif  # lazily: only HEIC uploads need it

            # Only the primary image: thumbnails, depth and auxiliary images never become pages.
            pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
            _heif_registered = True
        except Exception:  # a broken install: refuse HEIC rather than fail obscurely
            return False
    return True


def _load_image(media: MediaType, data: bytes, limits: Limits) -> tuple[Image.Image, ...]:
    with _pillow_guard(limits.max_pixels):
        if media is MediaType.HEIC and not _heif_ready():
            raise _reject(UNSUPPORTED_TYPE, _NO_HEIC_MSG)
        try:
            with Image.open(io.BytesIO(data), formats=[_PIL_FORMAT[media]]) as image:
                return _decode_frames(image, media, limits)
        except InputRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            code = DECOMPRESSION_BOMB
        except Exception as exc:  # Pillow's parsers raise many types; all mean "cannot decode"
            code = TRUNCATED if "truncated" in str(exc).lower() else CORRUPT
    # Raised outside the handler so the decoder's exception is not even kept as __context__.
    raise _reject(code)


def _decode_frames(image: ImageFile.ImageFile, media: MediaType, limits: Limits) -> tuple[Image.Image, ...]:
    # Animated PNG/WebP are rejected rather than split: a letter is not an animation, and viewers
    # disagree on which frame to show, which is how content hides from a reviewer.
    if media in (MediaType.PNG, MediaType.WEBP) and getattr(image, "is_animated", False):
        raise _reject(UNSUPPORTED_TYPE, _ANIMATED_MSG)
    # A JPEG's extra MPF frames (previews, depth or gain maps) and an HEIC's non-primary images are not
    # what the writer sees as the letter; only the primary image (the one opened) becomes a page.
    frames = _tiff_frames(image, limits) if media is MediaType.TIFF else [image.tell()]
    total = 0
    for index in frames:
        image.seek(index)
        total += _check_size(image.size, limits, DECOMPRESSION_BOMB)
        if total > limits.max_total_pixels:
            raise _reject(TOO_MANY_PIXELS)
    return tuple(_materialise(image, index) for index in frames)


def _tiff_frames(image: ImageFile.ImageFile, limits: Limits) -> list[int]:
    """Indexes of the TIFF's page frames, walked without decoding any pixels."""
    full: list[int] = []
    reduced: list[int] = []
    # Thumbnails and masks may sit between pages; allow a few per page before calling it too many.
    for index in range(4 * limits.max_pages + 1):
        try:
            image.seek(index)
        except EOFError:
            break
        subfile = image.tag_v2.get(_NEW_SUBFILE_TYPE, 0)  # type: ignore[attr-defined]
        is_reduced = isinstance(subfile, int) and bool(subfile & _REDUCED_OR_MASK)
        (reduced if is_reduced else full).append(index)
    else:
        raise _reject(TOO_MANY_PAGES, _pages_message(limits))
    # Reduced-resolution copies repeat a page in miniature, too small to redact reliably: drop them,
    # unless a broken writer flagged every frame so.
    pages = full or reduced
    if len(pages) > limits.max_pages:
        raise _reject(TOO_MANY_PAGES, _pages_message(limits))
    return pages


def _materialise(image: ImageFile.ImageFile, index: int) -> Image.Image:
    """Frame ``index`` decoded into a plain image carrying only what sanitize needs."""
    image.seek(index)
    image.load()
    # Read after load: Pillow's TIFF loader applies the orientation itself and then removes the tag,
    # while JPEG, PNG and WebP keep it (from EXIF or XMP) for sanitize to apply.
    orientation = image.getexif().get(_ORIENTATION, 1)
    page = image.copy()
    page.info = {k: v for k, v in image.info.items() if k == "transparency"}
    if isinstance(orientation, int) and 2 <= orientation <= 8:
        exif = Image.Exif()
        exif[_ORIENTATION] = orientation
        page.info["exif"] = exif.tobytes()
    return page


def _check_size(size: tuple[int, int], limits: Limits, too_many_code: str) -> int:
    """Pixels of one page, after refusing a page too long on one side or with too many pixels."""
    width, height = size
    if width < 1 or height < 1:
        raise _reject(CORRUPT)
    if max(width, height) > limits.max_side:
        raise _reject(TOO_MANY_PIXELS)
    if width * height > limits.max_pixels:
        raise _reject(too_many_code)
    return width * height


def _pages_message(limits: Limits) -> str:
    return f"The document has more than {limits.max_pages} pages; split it into smaller files."


# --- PDF ----------------------------------------------------------------------------------------------

_PDFIUM_LOCK = threading.Lock()
# A scanned letter has hundreds of objects; walking half a million takes about a second.
_MAX_PDF_NODES = 500_000
_BAD_KEYS = frozenset({
    "/JS", "/JavaScript", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/EF", "/RichMedia",
    "/RichMediaContent", "/RichMediaSettings", "/XFA",
})
_BAD_TYPES = frozenset({
    "/JavaScript", "/Launch", "/EmbeddedFile", "/FileAttachment", "/RichMedia", "/ImportData",
    "/SubmitForm", "/GoToR", "/GoToE", "/Movie", "/Sound", "/Screen", "/Rendition", "/3D",
})
_TYPE_KEYS = ("/S", "/Subtype", "/Type")
_DICTIONARY, _ARRAY, _STREAM = (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.array,
                                 pikepdf.ObjectType.stream)
_NESTED = frozenset({_DICTIONARY, _ARRAY, _STREAM})


def _load_pdf(data: bytes, limits: Limits) -> tuple[Image.Image, ...]:
    if b"%%EOF" not in data[-1024:]:
        raise _reject(TRUNCATED)
    clean, count = _checked_pdf(data, limits)
    with _PDFIUM_LOCK:
        try:
            return _render(clean, count, limits)
        except InputRejected:
            raise
        except Exception:  # PDFium errors carry no useful detail for the uploader
            pass
    raise _reject(CORRUPT)


def _checked_pdf(data: bytes, limits: Limits) -> tuple[bytes, int]:
    """The PDF rewritten by qpdf after it passed every check, and its page count.

    PDFium renders the rewrite, not the upload: two parsers can read one damaged file differently, and
    the checks are only worth anything if the renderer sees exactly the objects that were checked.
    """
    try:
        # No recovery: a PDF whose cross-reference table must be guessed is refused, not reconstructed.
        with pikepdf.open(io.BytesIO(data), attempt_recovery=False) as pdf:
            if pdf.is_encrypted:
                raise _reject(PDF_ENCRYPTED)
            count = len(pdf.pages)
            if count == 0:
                raise _reject(CORRUPT)
            if count > limits.max_pages:
                raise _reject(TOO_MANY_PAGES, _pages_message(limits))
            _check_pdf_objects(pdf, limits)
            out = io.BytesIO()
            # Streams are copied as they are: decoding them here would inflate any flate bomb inside.
            pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True)
            return out.getvalue(), count
    except InputRejected:
        raise
    except pikepdf.PasswordError:
        code = PDF_ENCRYPTED
    except Exception:  # qpdf's parse errors name offsets and tokens of the file: never pass them on
        code = CORRUPT
    raise _reject(code)


def _check_pdf_objects(pdf: pikepdf.Pdf, limits: Limits) -> None:
    """Refuse scripts, actions, attachments, media and forms anywhere in the file, and huge images."""
    open_action = pdf.Root.get("/OpenAction")
    # An /OpenAction that is only a destination ("open at page 1") is inert; an action dictionary is not.
    if isinstance(open_action, pikepdf.Dictionary):
        raise _reject(PDF_ACTIVE_CONTENT)
    budget = _MAX_PDF_NODES
    stack: list[pikepdf.Object] = [pdf.trailer]
    for top in pdf.objects:
        stack.append(top)
        while stack:
            budget -= 1
            if budget < 0:  # millions of objects: no letter scan looks like that, and walking takes long
                raise _reject(CORRUPT)
            node = stack.pop()
            code = node._type_code  # pikepdf's own type tag: far faster than isinstance on its classes
            if code == _STREAM:
                node, code = node.stream_dict, _DICTIONARY
            if code == _DICTIONARY:
                entries = dict(node.items())
                _check_entries(entries, limits)
                children: Iterable[pikepdf.Object] = entries.values()
            elif code == _ARRAY:
                children = node.as_list()
            else:
                continue
            # Indirect children are items of pdf.objects themselves; following them here could loop.
            stack.extend(c for c in children if isinstance(c, pikepdf.Object) and c._type_code in _NESTED
                         and not c.is_indirect)


def _check_entries(entries: dict[str, pikepdf.Object], limits: Limits) -> None:
    if not entries.keys().isdisjoint(_BAD_KEYS):
        raise _reject(PDF_ACTIVE_CONTENT)
    for key in _TYPE_KEYS:
        value = entries.get(key)
        if isinstance(value, pikepdf.Name) and str(value) in _BAD_TYPES:
            raise _reject(PDF_ACTIVE_CONTENT)
    if entries.get("/Subtype") == pikepdf.Name.Image:
        width, height = entries.get("/Width"), entries.get("/Height")
        if not isinstance(width, int) or not isinstance(height, int):
            raise _reject(CORRUPT)
        if width * height > limits.max_pixels:
            raise _reject(DECOMPRESSION_BOMB)


def _render(clean: bytes, count: int, limits: Limits) -> tuple[Image.Image, ...]:
    # A hair under dpi/72: a page that is a whole number of pixels wide at this resolution, give or take
    # the error of PDFium's single-precision sizes (23.04 pt = 64 px at 200 dpi), must not get an extra
    # column from the ceil() that sizes the bitmap.
    scale = limits.pdf_dpi / 72 * (1 - 1e-6)
    doc = pdfium.PdfDocument(clean)
    try:
        if len(doc) != count:
            raise _reject(CORRUPT)
        sizes = []
        total = 0
        for index in range(count):
            width, height = doc[index].get_size()
            if not (math.isfinite(width) and math.isfinite(height)):
                raise _reject(CORRUPT)
            # The same rounding PDFium's render uses, so the check is on the bitmap that will exist.
            size = (math.ceil(width * scale), math.ceil(height * scale))
            total += _check_size(size, limits, TOO_MANY_PIXELS)
            sizes.append(size)
        if total > limits.max_total_pixels:
            raise _reject(TOO_MANY_PIXELS)
        pages = []
        for index, size in enumerate(sizes):
            # No init_forms(): form fields and their scripts are never run, only their static look.
            bitmap = doc[index].render(scale=scale, may_draw_forms=False, rev_byteorder=True)
            if (bitmap.width, bitmap.height) != size:
                raise _reject(CORRUPT)
            pages.append(bitmap.to_pil().convert("RGB"))  # convert copies out of PDFium's buffer
            bitmap.close()
        return tuple(pages)
    finally:
        doc.close()
