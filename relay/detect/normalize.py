"""Views of a text that detectors search, each with a map back to the text exactly as it was given.

OCR and speech recognition damage text in ways that defeat plain string matching: full-width digits,
decomposed jamo, control characters, spaces inserted or dropped anywhere. Detectors therefore search a
cleaned *view* and report spans in the view; :meth:`View.span` turns a view span into offsets of the
original text. Every view character remembers the original span it came from, so offsets stay valid
whatever the cleaning did (expansion, composition, removal).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_S_BASE = 0xAC00
_S_LAST = 0xD7A3
_L_BASE, _V_BASE, _T_BASE = 0x1100, 0x1161, 0x11A7
_L_COUNT, _V_COUNT, _T_COUNT = 19, 21, 28

# Compatibility jamo (the forms people type) for each conjoining index, used for jamo-level comparison.
_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"

# Characters that are kept exactly as they are: the fast path for the bulk of a Korean letter.
_PLAIN_ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
# A text of nothing else (and line breaks) is its own clean view: see clean.
_PLAIN_TEXT = re.compile("[\x20-\x7e\n\uac00-\ud7a3]*")


@dataclass(frozen=True, slots=True)
class View:
    """A transformed text and, for each of its characters, the original span ``[starts[i], ends[i])``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets covering view characters ``[start, end)`` (``end > start``)."""
        return self.starts[start], self.ends[end - 1]


def is_hangul(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가..힣)."""
    return _S_BASE <= ord(ch) <= _S_LAST


def jamo(text: str) -> str:
    """Decompose Hangul syllables into compatibility jamo; other characters pass through.

    Comparing jamo strings lets a one-stroke OCR error (진 → 잔) cost one edit instead of a whole
    syllable, so fuzzy matching can tell a damaged place name from an unrelated word.
    """
    # One str.translate over a table of every syllable's jamo: the fuzzy matchers decompose a few
    # thousand windows a page, and a Python loop over their characters was a hot spot.
    return text.translate(_JAMO_OF)


def _syllable_jamo(code: int) -> str:
    """The compatibility jamo of syllable ``_S_BASE + code``: initial, medial and final if any."""
    tail = code % _T_COUNT
    return (
        _CHO[code // (_V_COUNT * _T_COUNT)]
        + _JUNG[(code % (_V_COUNT * _T_COUNT)) // _T_COUNT]
        + (_JONG[tail] if tail else "")
    )


_JAMO_OF: dict[int, str] = {_S_BASE + code: _syllable_jamo(code) for code in range(_S_LAST - _S_BASE + 1)}


def _compose_jamo(text: str, i: int) -> tuple[str, int] | None:
    """Compose a conjoining-jamo syllable starting at ``i``; returns (syllable, characters used)."""
    lead = ord(text[i]) - _L_BASE
    if not 0 <= lead < _L_COUNT or i + 1 >= len(text):
        return None
    vowel = ord(text[i + 1]) - _V_BASE
    if not 0 <= vowel < _V_COUNT:
        return None
    used, tail = 2, 0
    if i + 2 < len(text):
        t = ord(text[i + 2]) - _T_BASE
        if 0 < t < _T_COUNT:
            used, tail = 3, t
    return chr(_S_BASE + (lead * _V_COUNT + vowel) * _T_COUNT + tail), used


# A syllable typed letter by letter in the jamo people type ("나 ㅅ ㅓ 진", "김 ㅎ ㅕ ㄴ 우", "ㅅㅓㄴ화"), as
# writers unsure of a spelling, or hiding a name from a filter, do: an initial consonant, a vowel and
# perhaps a final, at most one space between them. A consonant before a vowel starts the next syllable
# ("ㅎ ㅏ ㄴ ㅏ" is 하나), so it is a final only when no vowel follows it. Laughter and tears (ㅋㅋ, ㅠㅠ,
# ㅎㅎ) stay as they are: a letter doubled ("ㅋㅋ ㅠㅠ", "ㅎㅎㅜㅜ") is no syllable's.
_COMPAT_CHO = {ch: i for i, ch in enumerate(_CHO)}
_COMPAT_JUNG = {ch: i for i, ch in enumerate(_JUNG)}
_COMPAT_JONG = {ch: i for i, ch in enumerate(_JONG) if ch != " "}


def _next_letter(text: str, i: int) -> int:
    """Index of the letter at ``i``, or after one space there; ``len(text)`` if there is none."""
    if i < len(text) and text[i] == " ":
        i += 1
    return i if i < len(text) and text[i] != " " else len(text)


def _compose_typed_jamo(text: str, i: int) -> tuple[str, int] | None:
    """Compose a syllable typed as compatibility jamo starting at ``i`` (see above); returns (syllable,
    characters used, spaces between its letters included)."""
    lead = _COMPAT_CHO.get(text[i])
    if lead is None or (i > 0 and text[i - 1] == text[i]):
        return None
    v = _next_letter(text, i + 1)
    vowel = _COMPAT_JUNG.get(text[v]) if v < len(text) else None
    if vowel is None or text[v + 1 : v + 2] == text[v] or text[v + 1 : v + 3] == " " + text[v]:
        return None
    used, tail = v + 1 - i, 0
    t = _next_letter(text, v + 1)
    final = _COMPAT_JONG.get(text[t]) if t < len(text) else None
    if final is not None:
        after = _next_letter(text, t + 1)
        if after >= len(text) or text[after] not in _COMPAT_JUNG:
            used, tail = t + 1 - i, final
    return chr(_S_BASE + (lead * _V_COUNT + vowel) * _T_COUNT + tail), used


def _clean_char(ch: str) -> str:
    """One character as detectors want to see it: compatibility-folded, controls turned into spaces."""
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") or cat == "Zs":
        # Newlines and tabs stay line breaks: detectors treat a line end as a soft word break.
        return "\n" if ch in "\n\r\x0b\x0c\x85\u2028\u2029" else " "
    if cat == "Cf":
        # Zero-width joiners, BOMs and bidi controls: invisible, and a way to split a word unseen.
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded.isprintable() or folded == "" else " "


def clean(text: str) -> View:
    """The base view: NFKC-folded per character, jamo composed, controls and surrogates made spaces.

    Unpaired surrogates (possible in a Python ``str`` from a careless decoder) become spaces here, so no
    later stage, Kiwi included, ever sees a string it cannot encode.
    """
    if _PLAIN_TEXT.fullmatch(text) is not None:
        # Every character kept as it is (the loop's first branch, or a line break, which _clean_char
        # keeps): one for each, at its own offset.
        return View(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _PLAIN_ASCII or _S_BASE <= ord(ch) <= _S_LAST:
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        composed = _compose_jamo(text, i) or _compose_typed_jamo(text, i)
        if composed is not None:
            syllable, used = composed
            out.append(syllable)
            starts.append(i)
            ends.append(i + used)
            i += used
            continue
        for piece in _clean_char(ch):
            out.append(piece)
            starts.append(i)
            ends.append(i + 1)
        i += 1
    return View("".join(out), tuple(starts), tuple(ends))


def derive(base: View, pieces: Iterable[tuple[str, int, int]]) -> View:
    """A view built from ``(text, base_start, base_end)`` pieces of ``base``, mapped to the original."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for piece, s, e in pieces:
        if not piece:
            continue
        o_start, o_end = base.starts[s], base.ends[e - 1]
        out.append(piece)
        if len(piece) == 1:  # nearly every piece: one character of the base
            starts.append(o_start)
            ends.append(o_end)
        else:
            starts.extend([o_start] * len(piece))
            ends.extend([o_end] * len(piece))
    return View("".join(out), tuple(starts), tuple(ends))


def compact(base: View) -> View:
    """``base`` with all whitespace removed: spacing-blind matching ("청 진시" finds "청진시")."""
    return derive(base, ((ch, i, i + 1) for i, ch in enumerate(base.text) if not ch.isspace()))


# Whitespace as str.isspace has it (the regex engine's \s for str patterns is the same predicate), a run
# of two or more, and whitespace other than a line break.
_SPACE = re.compile(r"\s")
_SPACE_RUN = re.compile(r"\s\s")
_SPACE_NOT_NEWLINE = re.compile(r"[^\S\n]")


def single_spaced(base: View) -> View:
    """``base`` with each whitespace run (line breaks included) folded into one space."""
    if _SPACE_RUN.search(base.text) is None:
        # No run to fold (the common case: Doc reads text already folded): one character for each,
        # the same offsets, each whitespace character a space; what the pieces below give, in C.
        return View(_SPACE.sub(" ", base.text), base.starts, base.ends)

    def pieces() -> Iterable[tuple[str, int, int]]:
        prev_space = False
        for i, ch in enumerate(base.text):
            space = ch.isspace()
            if space and prev_space:
                continue
            yield (" " if space else ch), i, i + 1
            prev_space = space

    return derive(base, pieces())


def folded(text: str) -> View:
    """``text`` cleaned (:func:`clean`) and each whitespace run folded into one character: a line break
    if the run holds one, else a space. :class:`relay.detect.document.Doc` reads this instead of the
    text as given, so that its own views keep the offsets of what it reads; finding offsets and the
    spaced view then agree wherever a detector mixes them, whatever runs of spaces or blank lines the
    given text has."""
    base = clean(text)
    if _SPACE_RUN.search(base.text) is None:
        # No run to fold: one character for each, the same offsets, a lone whitespace character a line
        # break if it is one, else a space; what the pieces below give, in C.
        return View(_SPACE_NOT_NEWLINE.sub(" ", base.text), base.starts, base.ends)

    def pieces() -> Iterable[tuple[str, int, int]]:
        i, n = 0, len(base.text)
        while i < n:
            if not base.text[i].isspace():
                yield base.text[i], i, i + 1
                i += 1
                continue
            j = i
            while j < n and base.text[j].isspace():
                j += 1
            yield ("\n" if "\n" in base.text[i:j] else " "), i, j
            i = j

    return derive(base, pieces())


def map_chars(base: View, fn: Callable[[int, str], str]) -> View:
    """A same-length-or-shorter view where ``fn(index, char)`` replaces each character of ``base``."""
    return derive(base, ((fn(i, ch), i, i + 1) for i, ch in enumerate(base.text)))
