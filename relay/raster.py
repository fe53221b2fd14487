"""A plain, fast container for intermediate page images (sanitized pages between stages).

Intermediates are written once and read a few times, always by relay, always inside the encrypting
store. PNG costs most of its time in its row filters: on an A4 page at 150 dpi a level-1 PNG takes about
2.5x as long to write as the same pixels through zlib level 1, for the same size, and zstd at level 1
takes a third of zlib's time again (and half its time to read) for a slightly smaller result. So an
intermediate is a fixed header (magic, mode, width, height) and the page's raw pixels in one zstd
frame. Pages stored by earlier versions (the ``RLYRAST1`` magic, zlib) still load.

Reading checks everything it is given (magic, mode, size limits, the exact decompressed length, nothing
after the stream), even though the bytes come out of authenticated encryption: a bug or an old object
must give a clear error, never a wrong picture. Delivered media never uses this format.
"""

from __future__ import annotations

import struct
import zlib

import zstandard
from PIL import Image

from relay.errors import RelayError

MAGIC = b"RLYRAST2"  # zstd; written
_ZLIB_MAGIC = b"RLYRAST1"  # zlib; read only
_HEADER = struct.Struct(">8sBII")  # magic, mode code, width, height
_MODES = {1: "L", 3: "RGB"}
_CODES = {mode: code for code, mode in _MODES.items()}
# Far above any page intake accepts; a guard against a corrupt header asking for gigabytes.
MAX_PIXELS = 1 << 28
BAD_RASTER = "bad_intermediate"
_LEVEL = 1


def dumps(image: Image.Image) -> bytes:
    """``image`` (mode ``L`` or ``RGB``) as raster bytes."""
    code = _CODES.get(image.mode)
    if code is None:
        raise ValueError("only L and RGB pages are stored as intermediates")
    header = _HEADER.pack(MAGIC, code, image.width, image.height)
    # A compressor per call: they are not thread-safe, and making one costs microseconds. No zstd
    # threads: a worker already has a page per core.
    # The checksum (xxhash, nearly free) catches a damaged stream, as zlib's adler32 did.
    compressor = zstandard.ZstdCompressor(level=_LEVEL, write_content_size=True, write_checksum=True)
    return header + compressor.compress(image.tobytes())


def loads(data: bytes) -> Image.Image:
    """The image in raster bytes; :class:`RelayError` ``bad_intermediate`` if they are not exactly that."""
    if len(data) < _HEADER.size:
        raise _bad()
    magic, code, width, height = _HEADER.unpack_from(data)
    mode = _MODES.get(code)
    if magic not in MAGICS or mode is None or not 0 < width * height <= MAX_PIXELS:
        raise _bad()
    expected = width * height * len(mode)
    body = data[_HEADER.size :]
    pixels = _zstd_pixels(body, expected) if magic == MAGIC else _zlib_pixels(body, expected)
    return Image.frombytes(mode, (width, height), pixels)


def _zstd_pixels(body: bytes, expected: int) -> bytes:
    # The frame declares its size up front; one that promises anything but the header's pixels is
    # refused before a byte is inflated, so a bomb cannot allocate more than the header allows.
    try:
        if zstandard.frame_content_size(body) != expected:
            raise _bad()
        # Exactly one frame and nothing after it; zstd itself refuses a frame shorter than declared.
        pixels = zstandard.ZstdDecompressor().decompress(body, allow_extra_data=False)
    except zstandard.ZstdError:
        raise _bad() from None
    if len(pixels) != expected:
        raise _bad()
    return pixels


def _zlib_pixels(body: bytes, expected: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        pixels = inflater.decompress(body, expected)
    except zlib.error:
        raise _bad() from None
    # The stream must hold exactly the pixels: no more (unconsumed or trailing data), no fewer.
    if len(pixels) != expected or inflater.unconsumed_tail or inflater.unused_data or not inflater.eof:
        raise _bad()
    return pixels


MAGICS = (MAGIC, _ZLIB_MAGIC)


def is_raster(data: bytes) -> bool:
    return data.startswith(MAGICS)


def _bad() -> RelayError:
    return RelayError("a stored intermediate page is damaged or not a relay raster", code=BAD_RASTER)
