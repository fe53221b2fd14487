"""Container checks on raw upload bytes: a file must end where its format says it ends, hide no ZIP
archive, HTML or PDF, and not be truncated. Cheap, and run before anything is decoded."""

from __future__ import annotations

import re

from relay.errors import CORRUPT, POLYGLOT, TRUNCATED
from relay.media import MediaType, reject

__all__ = ["check_container", "check_markup", "check_zip_tail"]


# --- hidden-file checks (all types) ---------------------------------------------------------------------

# A ZIP reader looks for its end-of-central-directory record in the last 64 KiB + 22 bytes of a file,
# so any file with one there opens as a ZIP (jar, docx, apk), whatever else it is. By chance, random-looking
# compressed data holds that 4-byte signature in its last 64 KiB about once in 65,000 files.
_ZIP_TAIL = 65_535 + 22


def _anycase(word: bytes) -> bytes:
    """A regular expression for ``word`` in any mix of upper and lower case, spelled out letter by
    letter: with ``re.IGNORECASE`` Python cannot skip ahead to the pattern's first byte, and the scan of
    a multi-megabyte upload took six times as long."""
    letters = (bytes([c]) for c in word)
    return b"".join(b"[%s%s]" % (b.lower(), b.upper()) if b.isalpha() else re.escape(b) for b in letters)


# Each pattern starts with a literal byte, which the search jumps between.
_MARKUP = (
    re.compile(b"%" + _anycase(b"pdf-")),
    re.compile(
        b"<(?:"
        + _anycase(b"script")
        + b"|"
        + _anycase(b"html")
        + rb"[\s>]|!"
        + _anycase(b"doctype")
        + rb"\s+"
        + _anycase(b"html")
        + b")"
    ),
)


def check_zip_tail(data: bytes) -> None:
    """Refuse a file that a ZIP reader would open (an archive riding along)."""
    tail_start = max(0, len(data) - _ZIP_TAIL)
    pos = data.find(b"PK\x05\x06", tail_start)
    while pos != -1:
        if pos + 22 <= len(data):
            raise reject(POLYGLOT)
        pos = data.find(b"PK\x05\x06", pos + 1)


def check_markup(data: bytes) -> None:
    """Refuse an image that hides HTML, script or a PDF."""
    # Compressed image data is random-looking; these patterns (5+ bytes each) turn up in it by chance
    # about once in 100,000 multi-megabyte files, a false alarm rate worth refusing hidden HTML or PDF.
    # (Shorter patterns such as '<svg' would misfire about once in 2,000 photos.)
    if any(pattern.search(data) for pattern in _MARKUP):
        raise reject(POLYGLOT)


# --- container structure: where each format ends --------------------------------------------------------


def check_container(media: MediaType, data: bytes) -> None:
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
            raise reject(POLYGLOT)
        pos = _jpeg_end(data, pos + 2)


def _jpeg_end(data: bytes, pos: int) -> int:
    """Offset just past the EOI marker of the JPEG whose first segment starts at ``pos``."""
    size = len(data)
    scans = 0
    while True:
        if pos >= size:
            raise reject(TRUNCATED)
        if data[pos] != 0xFF:
            raise reject(CORRUPT)
        found = _NOT_FILL.search(data, pos)  # fill bytes may precede a marker
        if found is None:
            raise reject(TRUNCATED)
        pos = found.start()
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            return pos
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            continue
        if pos + 2 > size:
            raise reject(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2:
            raise reject(CORRUPT)
        pos += length
        if pos > size:
            raise reject(TRUNCATED)
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
            scans += 1
            if scans > _MAX_JPEG_SCANS:
                raise reject(CORRUPT)
            end = _SCAN_END.search(data, pos)
            if end is None:
                raise reject(TRUNCATED)
            pos = end.start()


# Encoders write image data in chunks of 8 KiB or more; a million empty chunks is an attack on the
# walk itself, so the number of chunks (and of HEIC boxes) is capped.
_MAX_CHUNKS = 100_000


def _check_png(data: bytes) -> None:
    pos, size = 8, len(data)
    for _ in range(_MAX_CHUNKS):
        if pos + 12 > size:
            raise reject(TRUNCATED)
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if length > 0x7FFFFFFF:
            raise reject(CORRUPT)
        pos += 12 + length
        if pos > size:
            raise reject(TRUNCATED)
        if kind == b"IEND":
            if pos != size:
                raise reject(POLYGLOT)
            return
    raise reject(CORRUPT)


def _check_webp(data: bytes) -> None:
    declared = int.from_bytes(data[4:8], "little") + 8
    if len(data) < 12 or declared > len(data):
        raise reject(TRUNCATED)
    if declared < len(data):
        raise reject(POLYGLOT)


def _check_bmff(data: bytes) -> None:
    """ISO base media boxes (HEIC) must tile the file exactly."""
    pos, size = 0, len(data)
    for _ in range(_MAX_CHUNKS):
        if pos >= size:
            break
        if pos + 8 > size:
            raise reject(TRUNCATED)
        length, header = int.from_bytes(data[pos : pos + 4], "big"), 8
        if length == 1:  # 64-bit size follows the type
            if pos + 16 > size:
                raise reject(TRUNCATED)
            length, header = int.from_bytes(data[pos + 8 : pos + 16], "big"), 16
        elif length == 0:  # runs to the end of the file
            return
        if length < header:
            raise reject(CORRUPT)
        pos += length
    else:
        raise reject(CORRUPT)
    if pos > size:
        raise reject(TRUNCATED)
