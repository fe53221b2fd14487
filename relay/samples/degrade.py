"""Paper, ink and the damage a phone camera or scanner does to a page.

All functions are pure: they take arrays (float32 RGB, 0..255, shape H×W×3) and a seeded
``random.Random`` and return new arrays. Geometry is one affine matrix, applied to the image here and to
the glyph ink points by the renderer, so boxes follow their glyphs exactly.
"""

from __future__ import annotations

import io
import math
import random

import cv2
import numpy as np
from PIL import Image

Colour = tuple[int, int, int]


def paper(size: tuple[int, int], colour: Colour, texture: float, rng: random.Random) -> np.ndarray:
    """A sheet of ``colour`` with blotchy low-frequency texture and fine grain of amplitude ``texture``."""
    width, height = size
    gen = np.random.default_rng(rng.getrandbits(64))
    sheet = np.empty((height, width, 3), np.float32)
    sheet[:] = colour
    if texture:
        small = gen.normal(0, 1, (height // 32 + 2, width // 32 + 2)).astype(np.float32)
        coarse = np.asarray(cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC), np.float32)
        grain = gen.normal(0, 0.4, (height, width)).astype(np.float32)
        sheet += ((coarse + grain) * texture)[:, :, None]
    return sheet


def rule_lines(
    sheet: np.ndarray, first_baseline: int, pitch: int, colour: Colour, margin: int | None
) -> np.ndarray:
    """Ruled notebook paper: thin lines every ``pitch`` pixels down the whole sheet, one just under each
    baseline of text, and a vertical margin line if ``margin`` is set."""
    out = sheet.copy()
    height, width = out.shape[:2]
    for y in range(first_baseline % pitch + 3, height, pitch):
        cv2.line(out, (0, y), (width - 1, y), colour, 1, cv2.LINE_AA)
    if margin is not None:
        cv2.line(out, (margin, 0), (margin, height - 1), (200, 90, 90), 1, cv2.LINE_AA)
    return out


def ink(sheet: np.ndarray, coverage: np.ndarray, colour: Colour) -> np.ndarray:
    """Lay ink of ``colour`` on the sheet with per-pixel ``coverage`` (0..1)."""
    a = coverage[:, :, None]
    out: np.ndarray = sheet * (1 - a) + np.asarray(colour, np.float32) * a
    return out


def scan_matrix(size: tuple[int, int], degrees: float, shift: tuple[int, int]) -> np.ndarray:
    """The 2×3 affine matrix of a page rotated ``degrees`` about its centre and shifted by ``shift``."""
    width, height = size
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    matrix[:, 2] += shift
    return matrix.astype(np.float64)


def warp(image: np.ndarray, matrix: np.ndarray, background: Colour) -> np.ndarray:
    """Apply ``matrix`` to the image; uncovered corners show the scanner bed or table (``background``)."""
    height, width = image.shape[:2]
    return cv2.warpAffine(
        image,
        matrix,
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=tuple(float(c) for c in background),
    )


def transform_points(points: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """(N, 2) points mapped by the 2×3 affine ``matrix``."""
    out: np.ndarray = points @ matrix[:, :2].T + matrix[:, 2]
    return out


def lighting(image: np.ndarray, strength: float, rng: random.Random) -> np.ndarray:
    """Uneven light: a linear fall-off in a random direction plus a soft vignette, darkening up to
    ``strength`` (0..1) of the brightness."""
    if not strength:
        return image
    height, width = image.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    ramp = (xs / width - 0.5) * math.cos(theta) + (ys / height - 0.5) * math.sin(theta) + 0.5
    vignette = ((xs / width - 0.5) ** 2 + (ys / height - 0.5) ** 2) * 2
    shade = 1 - strength * np.clip(0.7 * ramp + 0.3 * vignette, 0, 1)
    out: np.ndarray = image * shade[:, :, None]
    return out


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur of ``sigma`` pixels (focus, motion, a cheap scanner)."""
    return cv2.GaussianBlur(image, (0, 0), sigma) if sigma > 0 else image


def noise(image: np.ndarray, sigma: float, rng: random.Random) -> np.ndarray:
    """Sensor noise: Gaussian, ``sigma`` grey levels."""
    if not sigma:
        return image
    gen = np.random.default_rng(rng.getrandbits(64))
    return image + gen.normal(0, sigma, image.shape).astype(np.float32)


def to_image(image: np.ndarray) -> Image.Image:
    """Round and clip to an 8-bit RGB image."""
    return Image.fromarray(np.clip(np.rint(image), 0, 255).astype(np.uint8), "RGB")


def jpeg(image: Image.Image, quality: int) -> tuple[Image.Image, bytes]:
    """Re-compress as JPEG; returns the decoded image and the exact bytes (so a file written from the
    bytes decodes to the same pixels as the image the labels were checked against)."""
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    data = buf.getvalue()
    decoded = Image.open(io.BytesIO(data))
    decoded.load()
    return decoded.convert("RGB"), data
