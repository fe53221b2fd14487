"""The "number" view: digits as OCR and speech recognition really deliver them, turned back into digits.

* OCR reads 0 as O and 1 as l or I inside phone and ID numbers ("O1O-l234-5678"). Inside a run of
  digit-like characters that is mostly real digits, the look-alikes are replaced.
* Transcripts spell numbers out: digit by digit for phone numbers ("공일공 일이삼사 오륙칠팔") and with
  place values before a unit ("천구백구십팔년", "제십일군단", "구사단", "삼월 오일"). Digit-by-digit
  runs are converted only when long (a phone number, not "이사"); place-value numbers only directly
  before a unit word, so "이번" or "오늘" never become digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relay.detect.normalize import View, derive, is_hangul
from relay.detect.rules import NumbersConfig


def _ocr_regex(cfg: NumbersConfig) -> re.Pattern[str]:
    cls = "0-9" + "".join(re.escape(c) for c in cfg.ocr_digits)
    return re.compile(f"(?<![A-Za-z])[{cls}]+(?:[ .\\-][{cls}]+)*(?![A-Za-z])")


def fix_ocr_digits(base: View, cfg: NumbersConfig) -> View:
    """Replace digit look-alikes inside digit runs that are mostly real digits."""
    text = base.text
    repl = list(text)
    changed = False
    for m in _ocr_regex(cfg).finditer(text):
        run = m.group()
        groups = run.replace(".", " ").replace("-", " ").split()
        unit_after = text.startswith(cfg.ocr_units_after, m.end())
        # A lone look-alike at either edge is a letter next to a number ("S 010..."), not a digit,
        # unless a unit follows it directly ("l일").
        while len(groups) > 1 and len(groups[0]) == 1 and not groups[0].isdigit():
            groups.pop(0)
        while len(groups) > 1 and len(groups[-1]) == 1 and not groups[-1].isdigit() and not unit_after:
            groups.pop()
        chars = "".join(groups)
        real = sum(c.isdigit() for c in chars)
        if (
            not chars
            or (real == len(chars) and not unit_after)
            or (
                not unit_after
                and (real < cfg.ocr_min_real_digits or real < cfg.ocr_min_digit_share * len(chars))
            )
        ):
            continue
        first = run.find(groups[0])
        last = run.rfind(groups[-1]) + len(groups[-1])
        for i in range(m.start() + first, m.start() + last):
            digit = cfg.ocr_digits.get(text[i])
            if digit is not None:
                repl[i] = digit
                changed = True
    if not changed:
        return base
    return derive(base, ((ch, i, i + 1) for i, ch in enumerate(repl)))


def _positional(word: str, cfg: NumbersConfig) -> int | None:
    """Value of a Sino-Korean number with place values (천구백구십팔 -> 1998); None if malformed."""
    total = section = 0
    digit: int | None = None
    for ch in word:
        if ch in cfg.spoken_digits:
            if digit is not None:
                return None
            digit = int(cfg.spoken_digits[ch])
        else:
            place = cfg.spoken_places[ch]
            if place >= 10000:
                total += (section + (digit or 0) or 1) * place
                section = 0
            else:
                section += (1 if digit is None else digit) * place
            digit = None
    return total + section + (digit or 0)


def spoken_value(word: str, cfg: NumbersConfig) -> str | None:
    """Digits for a spoken number: place-value form or digit by digit (일구구팔 -> 1998)."""
    if not word or any(ch not in cfg.spoken_digits and ch not in cfg.spoken_places for ch in word):
        return None
    if any(ch in cfg.spoken_places for ch in word):
        value = _positional(word, cfg)
        return None if value is None or value <= 0 else str(value)
    return "".join(cfg.spoken_digits[ch] for ch in word)


def _numeral_runs(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int]]:
    allowed = set(cfg.spoken_digits) | set(cfg.spoken_places)
    i, n = 0, len(text)
    while i < n:
        if text[i] in allowed:
            j = i
            while j < n and text[j] in allowed:
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _unit_at(text: str, pos: int, units: tuple[str, ...], allow_space: bool) -> bool:
    if text.startswith(units, pos):
        return True
    return allow_space and text.startswith(" ", pos) and text.startswith(units, pos + 1)


def _unit_len(text: str, pos: int, units: tuple[str, ...]) -> int:
    return next((len(u) for u in units if text.startswith(u, pos)), 0)


def _left_ok(text: str, start: int) -> bool:
    if start == 0 or not is_hangul(text[start - 1]):
        return True
    if text[max(0, start - 2) : start] in ("주체", "음력", "양력") or text[start - 1] == "제":
        return True
    # A date spoken with its spaces lost: "천구백구십구년팔월이십이일" goes on after 년 and 월.
    return text[start - 1] in "년월" and start >= 2 and text[start - 2] in _NUMERAL_SYLLABLES


_NUMERAL_SYLLABLES = frozenset("공영일이삼사오육륙칠팔구십백천만0123456789")
# A year read out without 년 before a particle: "이천십일에 국경을 넘었다".
_YEAR_PARTICLES = ("에 ", "에서", "부터", "까지")


def _tail_ok(text: str, pos: int, tails: tuple[str, ...]) -> bool:
    """After a unit, the word ends or goes on with a particle: "구사단에서", not "이중대한"."""
    return pos >= len(text) or not is_hangul(text[pos]) or text.startswith(tails, pos)


def _unit_numbers(text: str, cfg: NumbersConfig, tails: tuple[str, ...]) -> Iterable[tuple[int, int, str]]:
    units = tuple(sorted(cfg.spoken_units, key=len, reverse=True))
    long_units = tuple(sorted(cfg.spoken_units_long, key=len, reverse=True))
    for start, end in _numeral_runs(text, cfg):
        if not _left_ok(text, start):
            continue
        # The unit may begin inside the run: in 구사단 the run is 구사 and the unit 사단.
        for k in range(end, start, -1):
            value = spoken_value(text[start:k], cfg)
            if value is None:
                continue
            several = k - start >= 2
            if (
                k == end
                and "천" in text[start:k]
                and 1940 <= int(value) <= 2049
                and (text.startswith(_YEAR_PARTICLES, k) or text[k:] == "에")
            ):
                yield start, k, value
                break
            if _unit_at(text, k, units, allow_space=several) or (
                several and _unit_at(text, k, long_units, True)
            ):
                after = k + _unit_len(text, k, units)
                unit = text[k : k + 1]
                date_goes_on = (unit in ("년", "월") and text[after : after + 1] in _NUMERAL_SYLLABLES) or (
                    unit in ("년", "일") and text[after : after + 1] == "생"  # 사일생, 이천년생
                )
                if several or date_goes_on or _tail_ok(text, after, tails):
                    yield start, k, value
                break


def _digit_runs(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """Long digit-by-digit runs across spaces/hyphens: 공일공 일이삼사 오륙칠팔."""
    digits = cfg.spoken_digits
    pattern = re.compile(f"[{''.join(digits)}]+(?:[ \\-][{''.join(digits)}]+)*")
    for m in pattern.finditer(text):
        if m.start() > 0 and is_hangul(text[m.start() - 1]):
            continue
        words = m.group()
        if sum(ch in digits for ch in words) < cfg.spoken_min_digit_run:
            continue
        yield m.start(), m.end(), "".join(digits.get(ch, ch) for ch in words)


def spoken_numbers(base: View, cfg: NumbersConfig, tails: tuple[str, ...] = ()) -> View:
    """Turn spoken numbers in ``base`` into digits; every digit maps to the whole spoken span.
    ``tails`` are the particles that may follow a unit after a one-syllable number (구사단에서)."""
    text = base.text
    spans: list[tuple[int, int, str]] = []
    for word, digits in cfg.spoken_special.items():
        for m in re.finditer(re.escape(word), text):
            if _left_ok(text, m.start()):
                spans.append((m.start(), m.end(), digits))
    spans.extend(_digit_runs(text, cfg))
    spans.extend(_unit_numbers(text, cfg, tails))
    if not spans:
        return base
    spans.sort(key=lambda span: (span[0], -span[1]))  # the longest conversion at a start wins

    def pieces() -> Iterable[tuple[str, int, int]]:
        pos = 0
        for s, e, digits in spans:
            if s < pos:
                continue  # overlapping conversions: the first wins
            yield from ((text[i], i, i + 1) for i in range(pos, s))
            yield digits, s, e
            pos = e
        yield from ((text[i], i, i + 1) for i in range(pos, len(text)))

    return derive(base, pieces())
