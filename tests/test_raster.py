"""relay.raster: the intermediate page container round-trips exactly and refuses anything else."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

import numpy as np
import pytest
import zstandard
from PIL import Image

from relay import raster
from relay.errors import RelayError


def _page(mode: str, size: tuple[int, int] = (37, 23)) -> Image.Image:
    rng = np.random.default_rng(7)
    shape = (size[1], size[0]) if mode == "L" else (size[1], size[0], 3)
    return Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), mode)


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_pixels_mode_and_size_survive_exactly(mode: str) -> None:
    page = _page(mode)
    back = raster.loads(raster.dumps(page))
    assert back.mode == mode and back.size == page.size
    assert back.tobytes() == page.tobytes()


def test_nothing_but_pixels_is_kept() -> None:
    page = _page("RGB")
    page.info["comment"] = b"writer's name"
    back = raster.loads(raster.dumps(page))
    assert back.info == {}


@pytest.mark.parametrize("mode", ["RGBA", "P", "1", "I;16"])
def test_other_modes_are_refused_on_writing(mode: str) -> None:
    with pytest.raises(ValueError):
        raster.dumps(Image.new(mode, (4, 4)))


def _bad(data: bytes) -> None:
    with pytest.raises(RelayError) as caught:
        raster.loads(data)
    assert caught.value.code == raster.BAD_RASTER


def test_damaged_or_foreign_bytes_are_refused() -> None:
    good = raster.dumps(_page("L"))
    _bad(b"")
    _bad(good[:10])  # shorter than the header
    _bad(good[:-5])  # the stream cut short
    _bad(good + b"\x00")  # something after the stream
    _bad(b"\x89PNG\r\n\x1a\n" + good[8:])  # not our magic
    _bad(good[:8] + b"\x04" + good[9:])  # an unknown mode
    flipped = bytearray(good)
    flipped[-8] ^= 0xFF
    _bad(bytes(flipped))  # a corrupt stream


def _zstd(data: bytes, **options: bool) -> bytes:
    return zstandard.ZstdCompressor(level=1, **options).compress(data)


# Each format the reader accepts: what is written now (zstd) and what earlier versions wrote (zlib).
FORMATS = [(raster.MAGIC, _zstd), (b"RLYRAST1", zlib.compress)]


@pytest.mark.parametrize(("magic", "squeeze"), FORMATS)
def test_a_header_that_lies_about_the_size_is_refused(
    magic: bytes, squeeze: Callable[[bytes], bytes]
) -> None:
    page = _page("L", (10, 10))
    body = squeeze(page.tobytes())
    assert raster.loads(struct.pack(">8sBII", magic, 1, 10, 10) + body).tobytes() == page.tobytes()
    _bad(struct.pack(">8sBII", magic, 1, 10, 11) + body)  # more pixels promised than given
    _bad(struct.pack(">8sBII", magic, 1, 10, 9) + body)  # fewer: the rest would be left over
    _bad(struct.pack(">8sBII", magic, 1, 0, 10) + body)  # empty
    _bad(struct.pack(">8sBII", magic, 3, 1 << 16, 1 << 16) + body)  # a giant, refused up front


@pytest.mark.parametrize(("magic", "squeeze"), FORMATS)
def test_a_decompression_bomb_stops_at_the_promised_size(
    magic: bytes, squeeze: Callable[[bytes], bytes]
) -> None:
    # A stream that would inflate to 64 MiB behind a header promising 100 pixels.
    bomb = squeeze(b"\x00" * (64 << 20))
    _bad(struct.pack(">8sBII", magic, 1, 10, 10) + bomb)


def test_a_zstd_frame_must_declare_its_size_and_come_alone() -> None:
    pixels = _page("L", (10, 10)).tobytes()
    header = struct.pack(">8sBII", raster.MAGIC, 1, 10, 10)
    # Without a declared size the reader cannot bound the output up front: refused.
    _bad(header + _zstd(pixels, write_content_size=False))
    _bad(header + _zstd(pixels) + _zstd(b""))  # a second frame after the first
    _bad(header + _zstd(pixels[:50]) + _zstd(pixels[50:]))  # the pixels split over two frames


def test_pages_stored_by_earlier_versions_still_load() -> None:
    page = _page("RGB")
    legacy = struct.pack(">8sBII", b"RLYRAST1", 3, *page.size) + zlib.compress(page.tobytes(), 1)
    assert raster.is_raster(legacy)
    assert raster.loads(legacy).tobytes() == page.tobytes()
    assert raster.dumps(page).startswith(raster.MAGIC) and raster.MAGIC != b"RLYRAST1"
