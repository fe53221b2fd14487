"""Kiwi morphological analysis as supporting evidence: proper nouns, unknown words, everyday words.

Kiwi is loaded lazily, once per process, on first use (under a second); nothing happens at import time.
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

    # Without Kiwi's multi-word and typo dictionaries the model loads in a third of the CPU time
    # (0.8 s instead of 2.3 s, a cost every worker process pays at start), and the detector's findings
    # were the same on 3,100 texts (generated sentences and OCR'd pages; 4 differed in a confidence or
    # one review finding): OCR damage is handled by relay's own confusables, not Kiwi's typo model.
    return Kiwi(load_typo_dict=False, load_multi_dict=False)


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


@lru_cache(maxsize=4096)
def analyse_cached(text: str) -> tuple[Morpheme, ...]:
    """:func:`analyse` for short stretches read again and again (a word or a phrase that a long letter
    repeats), remembered across calls."""
    return analyse(text)
