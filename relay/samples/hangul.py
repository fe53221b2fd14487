"""Hangul helpers for the sample generator: particles, romanisation, numbers read aloud, OCR-like damage.

Everything here works on precomposed syllables (U+AC00..U+D7A3), which is what both letters and OCR
output use. A syllable is ``0xAC00 + (initial * 21 + medial) * 28 + final``.
"""

from __future__ import annotations

import random

_BASE = 0xAC00
_LAST = 0xD7A3

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"


def _words(spec: str) -> tuple[str, ...]:
    """Space-separated table entries; "-" stands for the empty string."""
    return tuple("" if w == "-" else w for w in spec.split())


def _pairs(spec: str, sep: str = "") -> dict[str, str]:
    """A mapping written as space-separated "ab" pairs (or "a:b" with ``sep``); "-" is the empty string."""
    out: dict[str, str] = {}
    for word in spec.split():
        a, b = word.split(sep) if sep else (word[0], word[1:])
        out[a.strip("-")] = b.strip("-")
    return out


# Index 0 of FINALS is "no final consonant".
FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
_RIEUL = FINALS.index("ㄹ")

# Revised Romanisation, simplified (no assimilation across syllables): good enough for e-mail addresses
# and messenger IDs, which people spell inconsistently anyway.
_ROM_INITIAL = _words("g kk n d tt r m b pp s ss - j jj ch k t p h")
_ROM_MEDIAL = _words("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_ROM_FINAL = _words("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t")
# Common surname spellings differ from the mechanical romanisation ("Lee", not "i").
_SURNAME_ROMAN = _pairs(
    "이:lee 리:ri 박:park 김:kim 최:choi 정:jung 조:cho 윤:yoon 류:ryu 유:yoo 림:rim 임:lim 로:ro "
    "노:noh 강:kang 신:shin 오:oh 한:han 문:moon 백:baek 황:hwang 안:ahn",
    ":",
)

# How a final digit or Latin letter is pronounced decides the particle after it (010-1234-5678이다: 팔).
_DIGITS_WITH_FINAL = "013678"  # 영 일 삼 육 칠 팔
_DIGITS_WITH_RIEUL = "178"  # 일 칠 팔
# Latin words are read as loanwords: "naver.com" ends in 컴, "daum.net" in 넷, "haneulsky" in 이.
_LATIN_VOWELS = set("aeiouy")
_DIGIT_WORDS = "공일이삼사오육칠팔구"
_SINO = ("", *"일이삼사오육칠팔구")

# Jamo an OCR engine (or a hurried hand) confuses; used to damage text the way recognition does.
_CONFUSE_MEDIAL = _pairs("ㅓㅕ ㅕㅓ ㅗㅛ ㅛㅗ ㅏㅑ ㅑㅏ ㅜㅠ ㅠㅜ ㅡㅜ ㅣㅏ ㅐㅔ ㅔㅐ ㅘㅏ ㅢㅡ")
_CONFUSE_INITIAL = _pairs("ㄱㅋ ㅋㄱ ㄷㄹ ㄹㄷ ㅌㄷ ㅂㅍ ㅍㅂ ㅈㅊ ㅊㅈ ㅇㅎ ㅎㅇ ㅁㅂ ㄴㄹ ㅅㅈ")
# Finals may also vanish or appear.
_CONFUSE_FINAL = _pairs("ㄴㄹ ㄹㄴ ㅇ- -ㅇ ㅁㅂ ㅂㅁ ㄱ- ㅆㅅ ㅅㅆ")


def is_syllable(ch: str) -> bool:
    """True for one precomposed Hangul syllable."""
    return len(ch) == 1 and _BASE <= ord(ch) <= _LAST


def decompose(ch: str) -> tuple[int, int, int]:
    """(initial, medial, final) indices of a precomposed syllable."""
    if not is_syllable(ch):
        raise ValueError(f"not a Hangul syllable: {ch!r}")
    code = ord(ch) - _BASE
    return code // (21 * 28), (code // 28) % 21, code % 28


def compose(initial: int, medial: int, final: int) -> str:
    """The syllable made of the given jamo indices."""
    return chr(_BASE + (initial * 21 + medial) * 28 + final)


def ends_with_consonant(text: str) -> tuple[bool, bool]:
    """Whether ``text`` is pronounced with a final consonant, and whether that consonant is ㄹ.

    Particles depend on it (이/가, 을/를, 으로/로). Trailing punctuation and spaces are skipped; digits and
    Latin letters are judged by how they are read aloud.
    """
    for ch in reversed(text.rstrip(" .,)")):
        if is_syllable(ch):
            final = decompose(ch)[2]
            return final != 0, final == _RIEUL
        if ch.isdigit():
            return ch in _DIGITS_WITH_FINAL, ch in _DIGITS_WITH_RIEUL
        if ch.isascii() and ch.isalpha():
            low = ch.lower()
            return low not in _LATIN_VOWELS, low in "lr"
    return False, False


def particle(before: str, after_consonant: str, after_vowel: str) -> str:
    """Pick the particle form that fits ``before`` (``{이/가}``, ``{으로/로}`` …)."""
    final, rieul = ends_with_consonant(before)
    if after_consonant.startswith("으") and rieul:
        return after_vowel  # 서울로, not 서울으로
    return after_consonant if final else after_vowel


def romanize(hangul: str) -> str:
    """Lower-case Latin spelling of a Hangul string; other characters are dropped."""
    out = []
    for ch in hangul:
        if is_syllable(ch):
            i, m, f = decompose(ch)
            out.append(_ROM_INITIAL[i] + _ROM_MEDIAL[m] + _ROM_FINAL[f])
    return "".join(out)


def romanize_surname(surname: str) -> str:
    """The usual Latin spelling of a surname ("이" → "lee")."""
    return _SURNAME_ROMAN.get(surname, romanize(surname))


def read_digits(digits: str) -> str:
    """Digits read one by one, as people read phone and ID numbers ("010" → "공일공")."""
    return "".join(_DIGIT_WORDS[int(d)] for d in digits if d.isdigit())


def read_number(n: int) -> str:
    """A non-negative integer in Sino-Korean words ("2003" → "이천삼", "17" → "십칠")."""
    if n == 0:
        return "영"
    parts = []
    for value, name in ((10**8, "억"), (10**4, "만")):
        if n >= value:
            head, n = divmod(n, value)
            # 만 stands alone for ten thousand (만이백), while 억 takes its 일 (일억).
            parts.append(("" if head == 1 and value == 10**4 else _read_below_10000(head)) + name)
    if n:
        parts.append(_read_below_10000(n))
    return "".join(parts)


def _read_below_10000(n: int) -> str:
    out = []
    for value, name in ((1000, "천"), (100, "백"), (10, "십")):
        digit, n = divmod(n, value)
        if digit:
            out.append(("" if digit == 1 else _SINO[digit]) + name)
    if n:
        out.append(_SINO[n])
    return "".join(out)


def confuse_syllable(ch: str, rng: random.Random) -> str:
    """The syllable with one jamo swapped for one that looks alike (the most common OCR error in Hangul)."""
    i, m, f = decompose(ch)
    for _ in range(6):
        which = rng.randrange(3)
        if which == 0 and INITIALS[i] in _CONFUSE_INITIAL:
            return compose(INITIALS.index(_CONFUSE_INITIAL[INITIALS[i]]), m, f)
        if which == 1 and MEDIALS[m] in _CONFUSE_MEDIAL:
            return compose(i, MEDIALS.index(_CONFUSE_MEDIAL[MEDIALS[m]]), f)
        if which == 2 and FINALS[f] in _CONFUSE_FINAL:
            return compose(i, m, FINALS.index(_CONFUSE_FINAL[FINALS[f]]))
    return compose(i, m, (f + 1) % 28 if f else 4)  # every syllable can at least gain or change a final
