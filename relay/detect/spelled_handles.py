"""An account name spelled aloud letter by letter after a messenger's name.

A transcript reads an account name out in Korean letter names, the underscore and the dot said as words
and the digits as digit names ("카톡 아이디는 케이 엠 제이 오 밑줄 에스 티 오 알 엠 일일": kmjo_storm11),
often a second time after a correction ("아니 영어로 에이치 더블유 케이 에이 엔 지 공육"), or right after
the name written out ("cheolho_hs88 씨에이치 이오 엘 …"). A careful reader takes a run of such words for
the account name when a messenger's name or 아이디 stands a few words before it, whatever letters it
spells, if it holds at least two letter names no Korean word is (케이, 에이치, 더블유; not 이, 오, 비,
아이) and is longer than a firm's initials ("에스 케이 텔레콤"), or if a said underscore and digits are in
it, its words said as they are ("하늘 밑줄 별 이공일공"). The ending after its last word (공일이에요, 알이요)
is left out, and a letter name OCR split ("에이 치") is read whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.numerals import DIGIT_NAMES
from relay.model import Finding, Kind

RULE = "messenger.contacts_spelled_run"
_CONFIDENCE = 0.8
# Korean names of the Latin letters. The weak ones are everyday words too (이 "this", 오 "five", 비 "rain",
# 알 "egg", 지, 유, 아이 "child", 씨, 디): they spell on only among the strong ones.
_STRONG = (
    "에이치",
    "더블유",
    "에이",
    "에프",
    "제이",
    "케이",
    "엘",
    "엠",
    "엔",
    "피",
    "큐",
    "에스",
    "티",
    "브이",
    "엑스",
    "와이",
    "제트",
)
_WEAK = ("비", "씨", "디", "이", "지", "쥐", "아이", "오", "알", "유")
_SEPARATORS = frozenset({"밑줄", "언더바", "언더스코어", "점", "닷", "하이픈", "대시", "골뱅이"})
_MIN_STRONG = 2
_MAX_DIGIT_WORD = 8
_MIN_HANDLE = 6
_MIN_LETTERS = 4
# The messenger's name (and the account's words) before the run, at most this many characters before.
_CUE = re.compile(
    r"카\s?톡|카카오|아이디|인스타|텔레그램|텔레(?!비|파시|마케)|틱톡|위챗|위쳇|라인|계정|닉네임|페이스북|페북|트위터|디스코드|스카이프"
)
_CUE_REACH = 80
# The copula or particle glued to the run's last word.
_ENDINGS = (
    "이에요",
    "예요",
    "이요",
    "요",
    "이야",
    "야",
    "이다",
    "입니다",
    "이고",
    "이라고",
    "라고",
    "으로",
    "로",
)
_WORD = re.compile(r"\S+")
# A counter or a unit after the run's last digits, ending its word or taking a particle.
_COUNTER = re.compile(
    r" ?(?:시간|시|분|번|명|개|살|일|월|년|원|층|호|등|반|달|주|학년)"
    r"(?:에|이|가|은|는|을|를|도|째|까지|쯤|전|후|동안)?(?=[ ,.!?]|$)"
)


@lru_cache(maxsize=4096)
def _strong_letters(word: str) -> int | None:
    """How many strong letter names ``word`` is made of, if it is made of letter names only; else None."""
    if not word:
        return 0
    best: int | None = None
    for name in (*_STRONG, *_WEAK):
        if word.startswith(name):
            rest = _strong_letters(word[len(name) :])
            if rest is not None:
                count = rest + (name in _STRONG)
                best = count if best is None else max(best, count)
    return best


def _part(word: str) -> tuple[bool, int] | None:
    """(whether it is letters, how many strong letters) for a word that may be part of a spelled account
    name: letter names, a said separator, digit names or digits and Latin letters; else None."""
    if word in _SEPARATORS:
        return False, 0
    if len(word) <= _MAX_DIGIT_WORD and all(ch in DIGIT_NAMES for ch in word):
        return False, 0
    if word.isascii() and word.replace("_", "").isalnum():
        # Latin letters with digits or an underscore are an account name written out, as telling as
        # letter names no word is ("eunjung08busan").
        handle = len(word) >= _MIN_HANDLE and any(ch.isdigit() or ch == "_" for ch in word)
        return True, _MIN_STRONG if handle else 0
    strong = _strong_letters(word)
    return None if strong is None else (True, strong)


def _cut_ending(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) and _part(word[: -len(ending)]) is not None:
            return word[: -len(ending)]
    return word


_UNDERSCORES = frozenset({"밑줄", "언더바", "언더스코어"})
_MAX_NAMED = 4


def _words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text``, a letter name or a said separator OCR or the speaker split rejoined ("에이
    치", "더블 유", "언 더바"): two or three words that together are letter names or a separator, one of
    them no part on its own."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for k in (3, 2):
            group = words[i : i + k]
            joined = "".join(w for _, _, w in group)
            split = _names(joined) or joined in _SEPARATORS
            if len(group) == k and split and any(_part(w) is None for _, _, w in group):
                out.append((group[0][0], group[-1][1], joined))
                i += k
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _named(words: list[tuple[int, int, str]], i: int) -> bool:
    """A short Hangul word said next to a said underscore: a word of the account name as it is ("하늘
    밑줄 별")."""
    word = words[i][2]
    beside = (i > 0 and words[i - 1][2] in _UNDERSCORES) or (
        i + 1 < len(words) and words[i + 1][2] in _UNDERSCORES
    )
    return beside and len(word) <= _MAX_NAMED and all("가" <= ch <= "힣" for ch in word)


def _runs(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, strong letters, whether a said underscore and digits are in it) of each run of words
    that may be parts of a spelled account name, beginning with letters (or a word before a said
    underscore) and ending with no separator; the ending glued to its last word is left out."""
    runs: list[tuple[int, int, int, bool]] = []
    words = _words(text)
    i = 0
    while i < len(words):
        first = _part(words[i][2]) or _part(_cut_ending(words[i][2]))
        if not ((first is not None and first[0]) or _named(words, i)):
            i += 1
            continue
        start, end, strong, j = words[i][0], words[i][0], 0, i
        underscore = digits = False
        while j < len(words):
            w_start, w_end, word = words[j]
            part = _part(word) or ((False, 0) if _named(words, j) else None)
            if part is None:
                cut = _cut_ending(word)
                if cut != word and (part := _part(cut)) is not None:
                    strong += part[1]
                    end = w_start + len(cut)
                    digits = digits or _digits(cut)
                break
            strong += part[1]
            underscore = underscore or word in _UNDERSCORES
            digits = digits or _digits(word)
            if word not in _SEPARATORS:
                end = w_end
            j += 1
        if end > start:
            runs.append((start, end, strong, underscore and digits))
        i = max(j, i + 1)
    return runs


def _spells_enough(run: str) -> bool:
    """Whether a run is long enough for an account name: four letter names, or letters with a said
    separator or digits ("제이 에이치 밑줄 이 공공 칠"); two or three letters alone are a company's
    initials as often ("에스 케이 텔레콤", "엘 지").
    """
    words = run.split()
    if any(w.isascii() for w in words):
        return True
    if len(words) > 1 and any(w in _SEPARATORS or _digits(w) for w in words[1:]):
        return True
    return sum(len(_names(w)) for w in words) >= _MIN_LETTERS


def _digits(word: str) -> bool:
    """Digit names (not a lone 이 or 오, letter names too) or digits."""
    spoken = all(ch in DIGIT_NAMES for ch in word) and (len(word) > 1 or word not in _WEAK)
    return spoken or word.isdigit()


@lru_cache(maxsize=4096)
def _names(word: str) -> tuple[str, ...]:
    """The letter names ``word`` is made of, fewest first found; () if it is not made of them."""
    for name in (*_STRONG, *_WEAK):
        if word == name:
            return (name,)
        if word.startswith(name) and (rest := _names(word[len(name) :])):
            return (name, *rest)
    return ()


def find_spelled_handles(doc: Doc) -> list[Finding]:
    """Messenger findings for account names spelled aloud after a messenger's name (module docstring)."""
    text = doc.text
    if _CUE.search(text) is None:
        return []
    out: list[Finding] = []
    for start, end, strong, underscored in _runs(text):
        if not underscored and (strong < _MIN_STRONG or not _spells_enough(text[start:end])):
            continue
        if _COUNTER.match(text, end) is not None:
            continue  # digit names before a counter are a count or a time: "에스 와이 팔 년 전에"
        before = text[max(0, start - _CUE_REACH) : start]
        if _CUE.search(before) is None:
            continue
        found = doc.finding(Kind.MESSENGER, start, end, _CONFIDENCE, RULE)
        if found is not None:
            out.append(found)
    return out
