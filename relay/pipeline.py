"""One document through sanitize → extract → detect → redact, with no queue or database.

The stage functions live in their own modules; this module only strings them together, so that the
``relay redact`` command, the queue workers and the benchmark run exactly the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from relay.detect import Rules
from relay.detect.page import detect_page
from relay.extract import OcrEngine, extract_page
from relay.intake import Limits, MediaType, load_pages, sniff
from relay.model import PageResult
from relay.redact import burn, place_findings, review_regions, text_area
from relay.sanitize import sanitize


@dataclass(frozen=True)
class RedactedPage:
    """A redacted page: the image with fills burned in, and what was found on it."""

    image: Image.Image
    result: PageResult


@dataclass(frozen=True)
class RedactedDocument:
    """Every page of one input, redacted, with the type sniffed from its bytes."""

    media_type: MediaType
    pages: tuple[RedactedPage, ...]


def redact_page(
    page: Image.Image,
    *,
    rules: Rules | None = None,
    engine: OcrEngine | None = None,
    page_index: int = 0,
) -> RedactedPage:
    """Read, detect and redact one upright, sanitized page image.

    Redaction takes the detector's findings as input and never re-runs detection: what is filled is
    exactly what the findings say, so a moderator's view and the output agree.
    """
    # Tesseract's own word breaks split Korean words into syllables; the page's geometry spaces better,
    # and the detector reads the page under a few spacings so that a wrong guess hides nothing.
    text, findings = detect_page(extract_page(page, engine), rules)
    placed = place_findings(text, findings, page_index)
    regions = review_regions(text, placed, page_index)
    result = PageResult(
        width=page.width,
        height=page.height,
        findings=placed,
        review_regions=regions,
        text_area=text_area(text),
    )
    return RedactedPage(image=burn(page, result.filled_boxes), result=result)


def redact_pages(
    pages: Sequence[Image.Image], *, rules: Rules | None = None, engine: OcrEngine | None = None
) -> tuple[RedactedPage, ...]:
    """Sanitize and redact decoded pages (EXIF orientation applied, metadata dropped first)."""
    return tuple(
        redact_page(sanitize(page), rules=rules, engine=engine, page_index=i) for i, page in enumerate(pages)
    )


def redact_document(
    untrusted_upload: bytes,
    *,
    limits: Limits | None = None,
    rules: Rules | None = None,
    engine: OcrEngine | None = None,
) -> RedactedDocument:
    """Check, decode, sanitize and redact an uploaded file. Raises ``InputRejected`` for bad input."""
    limits = limits or Limits()
    media_type = sniff(untrusted_upload[:4096])
    pages = load_pages(untrusted_upload, limits)
    return RedactedDocument(media_type=media_type, pages=redact_pages(pages, rules=rules, engine=engine))
