"""Text variants that detectors meet in practice: OCR-damaged text and speech transcripts.

Both work on labelled pieces (text, kind) rather than on a finished string, so labels follow the text
through every edit without offset bookkeeping.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from relay.model import Kind
from relay.samples.hangul import confuse_syllable, is_syllable, read_digits, read_number
from relay.samples.slots import Piece

_PUNCT = re.compile(r"[.,!?~…·:;\"'()]")
_DATE_NUMERIC = re.compile(r"(\d{2,4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,4})\.?")
_NUMBER = re.compile(r"\d+")
_READ_BY_DIGIT = (Kind.PHONE, Kind.ID_NUMBER, Kind.MESSENGER)


def ocr_damage(pieces: Sequence[Piece], rng: random.Random) -> tuple[Piece, ...]:
    """Damage text the way recognition does: one or two syllables with a jamo swapped, a space lost
    between words, a space gained inside a word. At least one change is always made."""
    chars = [list(text) for text, _ in pieces]
    kinds = [kind for _, kind in pieces]
    syllables = [(i, j) for i, text in enumerate(chars) for j, ch in enumerate(text) if is_syllable(ch)]
    spaces = [(i, j) for i, text in enumerate(chars) for j, ch in enumerate(text) if ch == " "]
    edits = 0
    # Labelled syllables are the interesting case (a damaged name must still be caught), so favour them.
    labelled = [(i, j) for i, j in syllables if kinds[i] is not None]
    pool = labelled if labelled and rng.random() < 0.7 else syllables
    # Distinct syllables: swapping the same one twice could undo the damage (ㅓ→ㅕ→ㅓ).
    for i, j in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
        chars[i][j] = confuse_syllable(chars[i][j], rng)
        edits += 1
    if spaces and rng.random() < 0.5:
        i, j = rng.choice(spaces)
        chars[i][j] = ""
        edits += 1
    inner = [(i, j) for i, j in syllables if j + 1 < len(chars[i]) and is_syllable(chars[i][j + 1])]
    if inner and (rng.random() < 0.5 or not edits):
        i, j = rng.choice(inner)
        chars[i][j] += " "
    return tuple(("".join(text), kind) for text, kind in zip(chars, kinds, strict=True))


def transcript(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    """Text as a speech transcript writes it: no punctuation, numbers in words ("공일공 일이삼사 …")."""
    return tuple((_spoken(text, kind), kind) for text, kind in pieces)


def _spoken(text: str, kind: Kind | None) -> str:
    if kind in _READ_BY_DIGIT:
        text = text.replace("+", "").replace("@", " 골뱅이 ")
        text = re.sub(r"[\-.()]", " ", text)
        text = _NUMBER.sub(lambda m: read_digits(m.group()), text)
    elif kind in (Kind.EMAIL, Kind.URL):
        text = (
            text.replace("@", " 골뱅이 ")
            .replace("/", " 슬래시 ")
            .replace(".", " 점 ")
            .replace("_", " 언더바 ")
        )
        text = _NUMBER.sub(lambda m: read_digits(m.group()), text)
    else:
        text = _DATE_NUMERIC.sub(_date_words, text)
        text = re.sub(r"(?<=\d)-(?=\d)", "의 ", text)  # 123-4번지: 백이십삼의 사번지
        text = _NUMBER.sub(lambda m: read_number(int(m.group())), text)
    text = _PUNCT.sub("", text)
    return re.sub(r" {2,}", " ", text)


def _date_words(m: re.Match[str]) -> str:
    """2003.05.17 → 2003년 5월 17일 (day-first dates when the year comes last)."""
    a, b, c = m.group(1), m.group(2), m.group(3)
    year, day = (c, a) if len(c) == 4 else (a, c)
    return f"{year}년 {int(b)}월 {int(day)}일"
