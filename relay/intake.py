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
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageFile

from relay.containers import check_container, check_markup, check_zip_tail
from relay.errors import (
    CORRUPT,
    DECOMPRESSION_BOMB,
    EMPTY,
    TOO_LARGE,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    TRUNCATED,
    UNSUPPORTED_TYPE,
    InputRejected,
)
from relay.media import ANIMATED_MSG, NO_HEIC_MSG, Limits, MediaType, check_size, pages_message, reject
from relay.pdfpages import load_pdf

__all__ = ["Limits", "MediaType", "load_pages", "sniff"]


# --- type sniffing ------------------------------------------------------------------------------------

_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
_SNIFF_BYTES = 4096


def sniff(untrusted_head: bytes) -> MediaType:
    """The media type of a file from its first bytes (at least 32; 4 KiB is plenty). Never the name."""
    head = untrusted_head
    if not head:
        raise reject(EMPTY)
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
    raise reject(UNSUPPORTED_TYPE)


def _is_heic_ftyp(head: bytes) -> bool:
    # ftyp box: size, 'ftyp', major brand, minor version, compatible brands up to the box size. 'mif1'
    # alone is also AVIF's brand, so an HEVC brand must appear somewhere.
    size = int.from_bytes(head[:4], "big")
    end = min(max(size, 16), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    return any(brand in _HEIC_BRANDS for brand in brands)


# --- the entry point --------------------------------------------------------------------------------------


_DEFAULT_LIMITS = Limits()


def load_pages(untrusted_upload: bytes, limits: Limits = _DEFAULT_LIMITS) -> tuple[Image.Image, ...]:
    """Check and decode one upload into its pages, fully loaded.

    Pages are plain in-memory images that keep only what sanitize needs: pixels, a palette or
    transparency key, and (as an EXIF block holding nothing else) an orientation not yet applied. TIFF
    and HEIC decoders apply their orientation themselves, so those pages come upright with none. PDF
    pages are rendered at ``limits.pdf_dpi``. Raises :class:`InputRejected`; no other exception escapes.
    """
    if not untrusted_upload:
        raise reject(EMPTY)
    if len(untrusted_upload) > limits.max_bytes:
        raise reject(
            TOO_LARGE,
            f"The file is larger than the limit of {limits.max_bytes:,} bytes; split "
            "it or scan at a lower resolution.",
        )
    media = sniff(untrusted_upload[:_SNIFF_BYTES])
    check_zip_tail(untrusted_upload)
    if media is MediaType.PDF:
        return load_pdf(untrusted_upload, limits)
    check_markup(untrusted_upload)
    check_container(media, untrusted_upload)
    return _load_image(media, untrusted_upload, limits)


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
            raise reject(UNSUPPORTED_TYPE, NO_HEIC_MSG)
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
    raise reject(code)


def _decode_frames(image: ImageFile.ImageFile, media: MediaType, limits: Limits) -> tuple[Image.Image, ...]:
    # Animated PNG/WebP are rejected rather than split: a letter is not an animation, and viewers
    # disagree on which frame to show, which is how content hides from a reviewer.
    if media in (MediaType.PNG, MediaType.WEBP) and getattr(image, "is_animated", False):
        raise reject(UNSUPPORTED_TYPE, ANIMATED_MSG)
    # A JPEG's extra MPF frames (previews, depth or gain maps) and an HEIC's non-primary images are not
    # what the writer sees as the letter; only the primary image (the one opened) becomes a page.
    frames = _tiff_frames(image, limits) if media is MediaType.TIFF else [image.tell()]
    total = 0
    for index in frames:
        image.seek(index)
        total += check_size(image.size, limits, DECOMPRESSION_BOMB)
        if total > limits.max_total_pixels:
            raise reject(TOO_MANY_PIXELS)
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
        raise reject(TOO_MANY_PAGES, pages_message(limits))
    # Reduced-resolution copies repeat a page in miniature, too small to redact reliably: drop them,
    # unless a broken writer flagged every frame so.
    pages = full or reduced
    if len(pages) > limits.max_pages:
        raise reject(TOO_MANY_PAGES, pages_message(limits))
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
