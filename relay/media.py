"""What an upload may be and how large: the media types relay accepts, intake limits, and the fixed
one-line messages of rejected input (shared by :mod:`relay.intake`, :mod:`relay.containers` and
:mod:`relay.pdfpages`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from relay.errors import (
    CORRUPT,
    DECOMPRESSION_BOMB,
    EMPTY,
    PDF_ACTIVE_CONTENT,
    PDF_ENCRYPTED,
    POLYGLOT,
    TOO_MANY_PIXELS,
    TRUNCATED,
    UNSUPPORTED_TYPE,
    ConfigError,
    InputRejected,
)


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
        for value in (
            self.max_bytes,
            self.max_pixels,
            self.max_pages,
            self.max_side,
            self.pdf_dpi,
            self.max_total_pixels,
        ):
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
ANIMATED_MSG = "Animated images are not accepted; save the letter as a still image (JPEG or PNG)."
NO_HEIC_MSG = "HEIC images cannot be read on this installation; export the photo as JPEG."


def reject(code: str, message: str | None = None) -> InputRejected:
    """The rejection for ``code``, with its fixed message unless one is given."""
    return InputRejected(message or _MSG[code], code=code)


def check_size(size: tuple[int, int], limits: Limits, too_many_code: str) -> int:
    """Pixels of one page, after refusing a page too long on one side or with too many pixels."""
    width, height = size
    if width < 1 or height < 1:
        raise reject(CORRUPT)
    if max(width, height) > limits.max_side:
        raise reject(TOO_MANY_PIXELS)
    if width * height > limits.max_pixels:
        raise reject(too_many_code)
    return width * height


def pages_message(limits: Limits) -> str:
    """The message for a document with more pages than allowed."""
    return f"The document has more than {limits.max_pages} pages; split it into smaller files."
