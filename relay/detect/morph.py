"""Kiwi morphological analysis as supporting evidence: proper nouns, unknown words, everyday words.

Kiwi is loaded lazily, once per process, on first use (about a second); nothing happens at import time.
Long texts are analysed in chunks cut at spaces so memory stays bounded on a hostile megabyte.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Morpheme:
    """One Kiwi token: ``[start, end)`` in the analysed text, its form, tag and out-of-vocabulary flag."""

    start: int
    end: int
    form: str
    tag: str
    oov: bool


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi  # imported here: loading the model is the expensive part

    return Kiwi()


def _chunks(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK)
        if end < len(text):
            cut = text.rfind(" ", pos + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def analyse(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's morphemes for ``text`` with offsets into ``text``."""
    kiwi = _kiwi()
    out: list[Morpheme] = []
    for base, chunk in _chunks(text):
        if not chunk.strip():
            continue
        for tok in kiwi.tokenize(chunk):
            start = base + int(tok.start)
            out.append(Morpheme(start, start + int(tok.len), str(tok.form), str(tok.tag), bool(tok.oov)))
    return tuple(out)
