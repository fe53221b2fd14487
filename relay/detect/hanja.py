"""Hanja read as Hangul, one syllable for one character, so that every detector sees 咸鏡北道 吉州郡 as
함경북도 길주군 and 第九十四旅團 as 제구십사려단.

Letters from older writers (and some formal ones) put names, places, units and dates in Chinese
characters; a detector written for Hangul would pass them silently. Each character becomes its one
Korean syllable, so offsets into the view are offsets into the text, and the findings cover the Hanja
exactly. Readings come from ``config/detect/hanja.tsv`` (the reading inside a word: 李 리, 龍 룡); at the
start of a word the South Korean initial-sound rule is applied (李 이, 龍 룡→용, 女 녀→여), as a reader of
Hanja in the South says them, and the gazetteers hold both spellings of the North's places. Runs of two
or more Hanja digits written positionally (二〇〇五, 四二七五) become Arabic digits, as the number rules
expect; digits with 十/百/千 are read as spoken numbers (二十七 이십칠), which those rules read too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from relay.detect.normalize import View, is_hangul, map_chars
from relay.errors import ConfigError

_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}
_DIGITS |= {"六": "6", "七": "7", "八": "8", "九": "9"}
# CJK ideographs of every block a letter could use (most compatibility ideographs are folded by NFKC
# before this view; a few in that block are unified ideographs of their own).
_HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_RUN = re.compile(_HAN.pattern + "+")
# Hiragana and katakana: Hanja next to them are Japanese kanji (田中ハルオ), read by the Japanese-name
# rules as they are written, not as Korean.
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_S_BASE = 0xAC00
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
# Vowels before which an initial ㄹ or ㄴ is dropped (ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ); before the others ㄹ becomes ㄴ.
_Y_VOWELS = frozenset({2, 6, 7, 12, 17, 20})


@dataclass(frozen=True)
class Readings:
    """Each Hanja's syllable inside a word, and the few read otherwise as a word of their own (alone) or
    as a word after a name in Hanja (titled)."""

    inside: Mapping[str, str] = field(default_factory=dict, repr=False)  # 27,000 entries: not in reprs
    alone: Mapping[str, str] = field(default_factory=dict)
    titled: Mapping[str, str] = field(default_factory=dict)


def load_readings(path: Path) -> Readings:
    """``hanja.tsv``: a character, a tab, its one-syllable reading, and optionally its readings as a word
    of its own and as a word after a name (see the file's header); ``#`` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path.name}: cannot be read ({type(exc).__name__})") from None
    inside: dict[str, str] = {}
    alone: dict[str, str] = {}
    titled: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if (
            len(parts) not in (2, 4)
            or len(parts[0]) != 1
            or not _HAN.fullmatch(parts[0])
            or not all(len(p) == 1 and is_hangul(p) for p in parts[1:])
        ):
            raise ConfigError(f"{path.name} line {number}: expected a Hanja, a tab and one Hangul syllable")
        inside[parts[0]] = parts[1]
        if len(parts) == 4:
            alone[parts[0]], titled[parts[0]] = parts[2], parts[3]
    return Readings(*(MappingProxyType(m) for m in (inside, alone, titled)))


def initial_sound(syllable: str) -> str:
    """The South's initial-sound rule (두음법칙) on one syllable: 리→이, 룡→용, 로→노, 녀→여."""
    index = ord(syllable) - _S_BASE
    initial, rest = divmod(index, 21 * 28)
    vowel = rest // 28
    if initial == _RIEUL:
        initial = _IEUNG if vowel in _Y_VOWELS else _NIEUN
    elif initial == _NIEUN and vowel in _Y_VOWELS:
        initial = _IEUNG
    else:
        return syllable
    return chr(_S_BASE + initial * 21 * 28 + rest)


def read_hanja(view: View, readings: Readings, keep: Collection[str] = ()) -> View:
    """``view`` with every Hanja of Korean mixed script replaced by its reading (same length, same
    offsets). Runs that are words of ``keep`` (the gazetteers' names in characters: 成田, 延吉) stay as
    written, for the gazetteers to find."""
    text = view.text
    if not _HAN.search(text):
        return view
    out = list(text)
    for i in sorted(_korean_runs(text, keep)):
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in _DIGITS and (before in _DIGITS or after in _DIGITS):
            out[i] = _DIGITS[ch]
            continue
        reading = readings.inside.get(ch)
        if reading is None:
            continue
        inside_word = before.isalnum()
        own_word = not inside_word and not _HAN.fullmatch(after)
        if own_word and ch in readings.alone:
            out[i] = (readings.titled if _after_name(text, i) else readings.alone)[ch]
        else:
            out[i] = reading if inside_word else initial_sound(reading)
    return map_chars(view, lambda i, _ch: out[i])


def _korean_runs(text: str, keep: Collection[str]) -> set[int]:
    """Offsets of the Hanja written as Korean mixed script, decided line by line: a line with kana or
    with a Han character outside Korea's own Hanja (the 4,888 of KS X 1001, the set EUC-KR encodes:
    simplified Chinese 们 边 号 are not in it) is Chinese or Japanese and stays as written, for the
    rules that read it so (田中ハルオ, 吉林省 延吉市 长白路); otherwise its runs are read when one of them
    is glued to Hangul (君의, 吉州郡에서, 金哲洙일세), as Korean mixed script nearly always is, or is a
    word of three characters or more (陶山書院). A phrase of two standing apart (加油 오빠, 干杯) is
    more likely Chinese than Korean, and is left alone."""
    korean: set[int] = set()
    line_start = 0
    for line in text.split("\n"):
        runs = list(_HAN_RUN.finditer(line))
        korean_line = not _KANA.search(line) and all(_in_korean_set(c) for r in runs for c in r.group())
        if korean_line and any(_glued_to_hangul(line, r) or len(r.group()) >= 3 for r in runs):
            korean.update(line_start + i for r in runs if r.group() not in keep for i in range(*r.span()))
        line_start += len(line) + 1
    return korean


def _in_korean_set(ch: str) -> bool:
    if ch in _DIGITS:
        return True  # 〇, written in Korean dates too, is not in KS X 1001
    try:
        ch.encode("euc_kr")
    except UnicodeEncodeError:
        return False
    return True


def _glued_to_hangul(line: str, run: re.Match[str]) -> bool:
    start, end = run.span()
    return any(0 <= i < len(line) and is_hangul(line[i]) for i in (start - 1, end))


def _after_name(text: str, i: int) -> bool:
    """Whether the word before ``i`` is two to four Hanja, as a name is: then a word after it such as 君
    is a title (沈載赫 君, "young Mr Sim")."""
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and _HAN.fullmatch(text[k - 1]):
        k -= 1
    return j < i and 2 <= j - k <= 4 and (k == 0 or not text[k - 1].isalnum())
