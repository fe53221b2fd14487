"""PDF uploads: refused if they carry scripts, actions, attachments, media, forms or encryption, then
rendered page by page with PDFium from qpdf's rewrite of exactly what was checked."""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Iterable

import pikepdf
import pypdfium2 as pdfium
from PIL import Image

from relay.errors import (
    CORRUPT,
    DECOMPRESSION_BOMB,
    PDF_ACTIVE_CONTENT,
    PDF_ENCRYPTED,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    TRUNCATED,
    InputRejected,
)
from relay.media import Limits, check_size, pages_message, reject

__all__ = ["load_pdf"]


_PDFIUM_LOCK = threading.Lock()
# A scanned letter has hundreds of objects; walking half a million takes about a second.
_MAX_PDF_NODES = 500_000
_BAD_KEYS = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/EF",
        "/RichMedia",
        "/RichMediaContent",
        "/RichMediaSettings",
        "/XFA",
    }
)
_BAD_TYPES = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/EmbeddedFile",
        "/FileAttachment",
        "/RichMedia",
        "/ImportData",
        "/SubmitForm",
        "/GoToR",
        "/GoToE",
        "/Movie",
        "/Sound",
        "/Screen",
        "/Rendition",
        "/3D",
    }
)
_TYPE_KEYS = ("/S", "/Subtype", "/Type")
_DICTIONARY, _ARRAY, _STREAM = (
    pikepdf.ObjectType.dictionary,
    pikepdf.ObjectType.array,
    pikepdf.ObjectType.stream,
)
_NESTED = frozenset({_DICTIONARY, _ARRAY, _STREAM})


def load_pdf(data: bytes, limits: Limits) -> tuple[Image.Image, ...]:
    """Check a PDF upload and render its pages at ``limits.pdf_dpi``. Raises ``InputRejected`` only."""
    if b"%%EOF" not in data[-1024:]:
        raise reject(TRUNCATED)
    clean, count = _checked_pdf(data, limits)
    with _PDFIUM_LOCK:
        try:
            return _render(clean, count, limits)
        except InputRejected:
            raise
        except Exception:  # PDFium errors carry no useful detail for the uploader
            pass
    raise reject(CORRUPT)


def _checked_pdf(data: bytes, limits: Limits) -> tuple[bytes, int]:
    """The PDF rewritten by qpdf after it passed every check, and its page count.

    PDFium renders the rewrite, not the upload: two parsers can read one damaged file differently, and
    the checks are only worth anything if the renderer sees exactly the objects that were checked.
    """
    try:
        # No recovery: a PDF whose cross-reference table must be guessed is refused, not reconstructed.
        with pikepdf.open(io.BytesIO(data), attempt_recovery=False) as pdf:
            if pdf.is_encrypted:
                raise reject(PDF_ENCRYPTED)
            count = len(pdf.pages)
            if count == 0:
                raise reject(CORRUPT)
            if count > limits.max_pages:
                raise reject(TOO_MANY_PAGES, pages_message(limits))
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
    raise reject(code)


def _check_pdf_objects(pdf: pikepdf.Pdf, limits: Limits) -> None:
    """Refuse scripts, actions, attachments, media and forms anywhere in the file, and huge images."""
    open_action = pdf.Root.get("/OpenAction")
    # An /OpenAction that is only a destination ("open at page 1") is inert; an action dictionary is not.
    if isinstance(open_action, pikepdf.Dictionary):
        raise reject(PDF_ACTIVE_CONTENT)
    budget = _MAX_PDF_NODES
    stack: list[pikepdf.Object] = [pdf.trailer]
    for top in pdf.objects:
        stack.append(top)
        while stack:
            budget -= 1
            if budget < 0:  # millions of objects: no letter scan looks like that, and walking takes long
                raise reject(CORRUPT)
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
            stack.extend(
                c
                for c in children
                if isinstance(c, pikepdf.Object) and c._type_code in _NESTED and not c.is_indirect
            )


def _check_entries(entries: dict[str, pikepdf.Object], limits: Limits) -> None:
    if not entries.keys().isdisjoint(_BAD_KEYS):
        raise reject(PDF_ACTIVE_CONTENT)
    for key in _TYPE_KEYS:
        value = entries.get(key)
        if isinstance(value, pikepdf.Name) and str(value) in _BAD_TYPES:
            raise reject(PDF_ACTIVE_CONTENT)
    if entries.get("/Subtype") == pikepdf.Name.Image:
        width, height = entries.get("/Width"), entries.get("/Height")
        if not isinstance(width, int) or not isinstance(height, int):
            raise reject(CORRUPT)
        if width * height > limits.max_pixels:
            raise reject(DECOMPRESSION_BOMB)


def _render(clean: bytes, count: int, limits: Limits) -> tuple[Image.Image, ...]:
    # A hair under dpi/72: a page that is a whole number of pixels wide at this resolution, give or take
    # the error of PDFium's single-precision sizes (23.04 pt = 64 px at 200 dpi), must not get an extra
    # column from the ceil() that sizes the bitmap.
    scale = limits.pdf_dpi / 72 * (1 - 1e-6)
    doc = pdfium.PdfDocument(clean)
    try:
        if len(doc) != count:
            raise reject(CORRUPT)
        sizes = []
        total = 0
        for index in range(count):
            width, height = doc[index].get_size()
            if not (math.isfinite(width) and math.isfinite(height)):
                raise reject(CORRUPT)
            # The same rounding PDFium's render uses, so the check is on the bitmap that will exist.
            size = (math.ceil(width * scale), math.ceil(height * scale))
            total += check_size(size, limits, TOO_MANY_PIXELS)
            sizes.append(size)
        if total > limits.max_total_pixels:
            raise reject(TOO_MANY_PIXELS)
        pages = []
        for index, size in enumerate(sizes):
            # No init_forms(): form fields and their scripts are never run, only their static look.
            bitmap = doc[index].render(scale=scale, may_draw_forms=False, rev_byteorder=True)
            if (bitmap.width, bitmap.height) != size:
                raise reject(CORRUPT)
            pages.append(bitmap.to_pil().convert("RGB"))  # convert copies out of PDFium's buffer
            bitmap.close()
        return tuple(pages)
    finally:
        doc.close()
