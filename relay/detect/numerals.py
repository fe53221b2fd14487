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
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TypeVar

from relay.detect.normalize import View, derive, is_hangul
from relay.detect.rules import NumbersConfig

# The Sino-Korean digits as read out (영 and 공 for 0, 륙 the northern 6), and with the words for ten,
# hundred, thousand and ten thousand: the syllables a spoken number is made of.
DIGIT_NAMES = frozenset("공영일이삼사오육륙칠팔구")
NUMBER_SYLLABLES = DIGIT_NAMES | frozenset("십백천만")

_Built = TypeVar("_Built")
_PER_CONFIG_LIMIT = 8  # configurations remembered (the repository's, plus the few tests load)


def _per_config(build: Callable[[NumbersConfig], _Built]) -> Callable[[NumbersConfig], _Built]:
    """``build`` run once per configuration object rather than on every call (the regexes below were
    rebuilt, escaping every word of their lists, several times for each view of every page).

    ``lru_cache`` cannot take the configuration: it holds dicts and is not hashable. Entries are keyed by
    the object's id and keep the object itself, so an id is never reused while its entry exists."""
    cache: dict[int, tuple[NumbersConfig, _Built]] = {}

    def built(cfg: NumbersConfig) -> _Built:
        hit = cache.get(id(cfg))
        if hit is None or hit[0] is not cfg:
            if len(cache) >= _PER_CONFIG_LIMIT:
                cache.clear()
            hit = (cfg, build(cfg))
            cache[id(cfg)] = hit
        return hit[1]

    return built


@_per_config
def _ocr_regex(cfg: NumbersConfig) -> re.Pattern[str]:
    look_alikes = (*cfg.ocr_digits, *cfg.ocr_digits_shaped)
    cls = "0-9" + "".join(re.escape(c) for c in look_alikes)
    # A look-alike that is a punctuation mark ("!" for 1) glued to the end of a word is that mark, not a
    # digit: "보고 싶다! 1 9 7 8 년" ends a sentence before a year OCR spaced apart.
    marks = "".join(re.escape(c) for c in look_alikes if not c.isalnum())
    letters = "0-9" + "".join(re.escape(c) for c in look_alikes if c.isalnum())
    first = f"(?:[{letters}]|(?<![가-힣])[{marks}])" if marks else f"[{cls}]"
    # Groups are split by a space, dot or hyphen, or by a dot or hyphen with spaces around it
    # ("0 l 0 - 5 5 2 7 - l 3 9 6"), after it, as dates are written ("2Oll. 4. 9"), or before it only,
    # a space OCR lost after the hyphen ("OlO - 2O48 -7733"): a look-alike written apart is then inside
    # the run, not at its edge.
    return re.compile(f"(?<![A-Za-z]){first}[{cls}]*(?:(?:[ .\\-]| ?[.\\-] ?)[{cls}]+)*(?![A-Za-z])")


_PHONE_GROUPS = re.compile(r"[^ .\-]{2,4}([.\-])[^ .\-]{3,4}\1[^ .\-]{4}")
# A numeric date's shape, year first ("2OOl-O5-l7", "2O19.O3.l5"): its look-alikes are digits too, the
# date rules then judge whether it is a date.
_DATE_GROUPS = re.compile(r"[^ .\-]{4}([.\-])[^ .\-]{1,2}\1[^ .\-]{1,2}")


def _typed_unit_after(text: str, pos: int, cfg: NumbersConfig) -> bool:
    """Whether a unit word of two syllables or more ends the word glued after ``pos``, a unit's type
    between ("제lO8기계화사단", "l2경보병려단"): the look-alikes before it are the unit's number."""
    glued, _ = _unit_words(cfg)
    return glued is not None and glued.match(text[pos : pos + 10]) is not None


def _army_unit_apart(text: str, pos: int, cfg: NumbersConfig) -> bool:
    """Whether the army's unit word (of two syllables or more) follows ``pos`` with spaces OCR put in,
    perhaps a unit's type before it ("제 ll6 려단", "제 B1O 해군보병 여단", "8 l 군 부대", "B1O해군보 병
    여단"): the look-alikes before it are the unit's number as when it is glued to them."""
    _, apart = _unit_words(cfg)
    ahead = text[pos : pos + 14]
    if apart is None or re.match(r" ?[가-힣]", ahead) is None:
        return False
    return apart.match(ahead.replace(" ", "")) is not None


@_per_config
def _unit_words(cfg: NumbersConfig) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The unit words of two syllables or more after a type of one to five syllables (glued to the
    number), and after up to five (set apart from it); None for both when there is no such word."""
    units = "|".join(re.escape(u) for u in cfg.ocr_units_after if len(u) >= 2)
    if not units:
        return None, None
    return re.compile(f"[가-힣]{{1,5}}?(?:{units})"), re.compile(f"[가-힣]{{0,5}}?(?:{units})")


# After 제, a word of two syllables ending as the army's unit words do ("제 ll6 레단": 려단 misread) is
# taken for one: the unit rules judge the word, this only reads the number.
_MISREAD_UNIT_AFTER = re.compile(
    r" ?[가-힣][단대](?![가-힣])| ?[가-힣][단대](?:에|의|으|로|은|는|이|가|을|를|와|과|도)"
)


# A date's or a register number's unit set apart from the number by OCR spacing every character ("l 9 9 7
# 년 가 을", "2O25 년 l 월 에", "2l5 호 였 다"): the unit, then the end of the word or a particle. Only these
# units: 동, 층, 반 and 번 apart from a letter ("B 동") may be a building's letter.
_SPACED_UNIT = re.compile(r" (?:년|월|일|호)(?=$|[^가-힣]|에|의|은|는|이|도|부|까|생|경|초|말|쯤|였|이)")


def _spaced_char_run(groups: list[str]) -> bool:
    """Whether the run's first two groups are single characters: OCR spaced every character of a number
    ("l 9 9 7", "O l O - 73S2"), so a look-alike at its edge is one of its digits, not a letter set
    before a number ("S 010-…", where the number's group is long)."""
    return len(groups) > 1 and len(groups[0]) == 1 and len(groups[1]) == 1


# A phone number's three groups, OCR's spaces inside them removed ("O l O - 73S2 - 8l46") or spaces as
# the only separator ("OlO 2S87 6O3l"): the run holds only digits and look-alikes, so no word has the shape.
_SPACED_PHONE_GROUPS = re.compile(r"\S{2,4} \S{3,4} \S{4}")


def _phone_shaped(run: str) -> bool:
    joined = re.sub(r" ?([.\-]) ?", r"\1", run)
    if any(sep in joined for sep in ".-"):
        joined = joined.replace(" ", "")
    return _PHONE_GROUPS.fullmatch(joined) is not None or _SPACED_PHONE_GROUPS.fullmatch(run) is not None


def _after_ordinal(text: str, start: int) -> bool:
    """Whether 제 (or OCR's 체) stands right before ``start``, a space or none between; the word before
    may be glued to it by OCR ("국경 경비제 l 5 려단"): a unit word must follow the number anyway."""
    return text[:start].rstrip(" ").endswith(("제", "체"))


def _ordinal_misread_unit(text: str, start: int, end: int) -> bool:
    """Whether 제 stands before the run at ``start`` and a damaged unit word after it ends at ``end``."""
    return (
        text[:start].rstrip(" ").endswith(("제", "체")) and _MISREAD_UNIT_AFTER.match(text, end) is not None
    )


def fix_ocr_digits(base: View, cfg: NumbersConfig) -> View:
    """Replace digit look-alikes inside digit runs that are mostly real digits."""
    text = base.text
    repl = list(text)
    changed = False
    for m in _ocr_regex(cfg).finditer(text):
        run = m.group()
        groups = run.replace(".", " ").replace("-", " ").split()
        unit_after = (
            text.startswith(cfg.ocr_units_after, m.end())
            or _typed_unit_after(text, m.end(), cfg)
            or _SPACED_UNIT.match(text, m.end()) is not None
        )
        # Apart from the unit word, a real digit among the look-alikes is asked for ("lO 사단" alone may
        # be letters).
        # 제 before the run vouches for it as much: "제 ll 군단" is the 11th corps, the ordinal and the
        # unit word both set apart by OCR.
        ordinal = _after_ordinal(text, m.start())
        unit_after = unit_after or (
            (ordinal or any(c.isdigit() for c in run))
            and (_army_unit_apart(text, m.end(), cfg) or _ordinal_misread_unit(text, m.start(), m.end()))
        )
        # A lone look-alike at either edge is a letter next to a number ("S 010..."), not a digit,
        # unless a unit follows it directly ("l일"), 제 stands before it ("제 l 5 려단"), or a plus
        # stands before it: a country code ("+l 4l6 555 …" is +1, as "+l" begins no word).
        plus = m.start() > 0 and text[m.start() - 1] == "+"
        # Three groups joined by hyphens or dots, the last of four, are a phone number's shape: its
        # look-alikes are digits even where they outnumber the real ones ("OlO-2l58-6O4l"), and its
        # edges are its own.
        shaped = _phone_shaped(run) or _DATE_GROUPS.fullmatch(run) is not None
        while (
            len(groups) > 1
            and len(groups[0]) == 1
            and not groups[0].isdigit()
            and not (ordinal and unit_after)
            and not plus
            and not shaped
            and not _spaced_char_run(groups)
        ):
            groups.pop(0)
        while (
            len(groups) > 1
            and len(groups[-1]) == 1
            and not groups[-1].isdigit()
            and not unit_after
            and not shaped
            and not _spaced_char_run(groups[::-1])
        ):
            groups.pop()
        chars = "".join(groups)
        real = sum(c.isdigit() for c in chars)
        if (
            not chars
            or (real == len(chars) and not unit_after)
            or (
                not unit_after
                and not (shaped and real >= cfg.ocr_min_real_digits)
                and (real < cfg.ocr_min_real_digits or real < cfg.ocr_min_digit_share * len(chars))
            )
        ):
            continue
        first = run.find(groups[0])
        last = run.rfind(groups[-1]) + len(groups[-1])
        for i in range(m.start() + first, m.start() + last):
            digit = cfg.ocr_digits.get(text[i]) or (cfg.ocr_digits_shaped.get(text[i]) if shaped else None)
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


def _split_unit(text: str, pos: int, units: tuple[str, ...], tails: tuple[str, ...]) -> int:
    """The length of a unit word of two syllables or more that OCR split with a space ("칠군 단", "구공일이
    군 부대"), the number before it (a space between after two numeral syllables), when the word ends
    after it or a particle follows; else 0. Only the army's unit words (no 년, 월 or 일 there), so "일군
    단체" stays words."""
    for unit in units:
        if len(unit) < 2 or unit[-1] not in "단대":
            continue
        for cut in range(1, len(unit)):
            spaced = unit[:cut] + " " + unit[cut:]
            if text.startswith(spaced, pos) and _tail_ok(text, pos + len(spaced), tails):
                return len(spaced)
    return 0


# Words for a year relative to the letter's own that a date read out may be glued to in a transcript
# ("작년십이월이십사일에", "올해삼월에"): the number after them is a month, not the end of a word.
_RELATIVE_YEARS = ("작년", "재작년", "올해", "금년", "내년", "지난해", "이듬해")


def _left_ok(text: str, start: int) -> bool:
    if start == 0 or not is_hangul(text[start - 1]):
        return True
    if text[max(0, start - 2) : start] in ("주체", "음력", "양력") or text[start - 1] == "제":
        return True
    if text[max(0, start - 3) : start].endswith(_RELATIVE_YEARS):
        return True
    # A date spoken with its spaces lost: "천구백구십구년팔월이십이일" goes on after 년 and 월; OCR may
    # have split the month from its 월 ("삼 월이십이일").
    if text[start - 1] not in "년월" or start < 2:
        return False
    before = text[start - 2] if text[start - 2] != " " or start < 3 else text[start - 3]
    return before in _NUMERAL_SYLLABLES


# A transcript that lost the space after a particle ("생일은팔월 십칠일", "나는천구백구십팔년에"): the number
# glued to it is still converted when it is plainly a date, a month and its day or a year of four digits.
# (이 is not among the particles: it is also a digit name, and part of the run.)
_GLUED_DATE = re.compile(
    "[은는을를에도가]"
    "(?:(?:[일이삼사오육륙칠팔구]|십[일이]?|유|시)월 ?[일이삼사오육륙칠팔구십]{1,3}일"
    "|천구백[일이삼사오육륙칠팔구십]{1,4}년|이천[일이삼사오육륙칠팔구십]{0,4}년)"
)


def _glued_date(text: str, start: int) -> bool:
    return start > 0 and _GLUED_DATE.match(text, start - 1) is not None


_NUMERAL_SYLLABLES = NUMBER_SYLLABLES | frozenset("0123456789")
# A year read out without 년 before a particle: "이천십일에 국경을 넘었다".
_YEAR_PARTICLES = ("에 ", "에서", "부터", "까지")


# What follows a one-digit spoken year that is a short year, not a count of years ("삼년 동안"): 생
# (born in) or a month.
_SHORT_YEAR_AFTER = re.compile("생| ?(?:[일이삼사오육륙칠팔구십]{1,3}|유|시)월")


def _tail_ok(text: str, pos: int, tails: tuple[str, ...]) -> bool:
    """After a unit, the word ends or goes on with a particle: "구사단에서", not "이중대한"."""
    return pos >= len(text) or not is_hangul(text[pos]) or text.startswith(tails, pos)


def _unit_numbers(text: str, cfg: NumbersConfig, tails: tuple[str, ...]) -> Iterable[tuple[int, int, str]]:
    units = tuple(sorted(cfg.spoken_units, key=len, reverse=True))
    long_units = tuple(sorted(cfg.spoken_units_long, key=len, reverse=True))
    army_units = tuple(u for u in units if len(u) >= 2 and u.endswith(_ARMY_UNIT_ENDS))
    for start, end in _numeral_runs(text, cfg):
        if not _left_ok(text, start) and not _glued_date(text, start):
            continue
        # The unit may begin inside the run: in 구사단 the run is 구사 and the unit 사단.
        for k in range(end, start, -1):
            value = spoken_value(text[start:k], cfg)
            if value is None or not value.strip("0"):
                continue  # no unit counts zero: 공일 in "공일이칠" is a digit name and 일, not day 0
            several = k - start >= 2
            if (
                k == end
                and "천" in text[start:k]
                and 1940 <= int(value) <= 2049
                and (text.startswith(_YEAR_PARTICLES, k) or text[k:] == "에")
            ):
                yield start, k, value
                break
            split = _split_unit(text, k, units, tails) or (
                several and text.startswith(" ", k) and _split_unit(text, k + 1, units, tails)
            )
            if split:
                yield start, k, value
                break
            if (
                _unit_at(text, k, units, allow_space=several)
                or (several and _unit_at(text, k, long_units, True))
                or (k == end and _spaced_ordinal(text, start) and _unit_at(text, k, army_units, True))
                or (k == end == start + 1 and _lone_army_number(text, start, k, army_units))
                or (k == end and _spaced_ordinal(text, start) and _TYPED_ARMY_UNIT.match(text, k) is not None)
            ):
                at = k + 1 if text.startswith(" ", k) else k  # the unit, after a space or not
                if text[at : at + 1] in ("월", "일") and not (
                    _DATE_LIMITS[text[at]][0] <= int(value) <= _DATE_LIMITS[text[at]][1]
                ):
                    continue  # no month or day: "이공칠일" is four digit names (2071), not day 207
                after = k + _unit_len(text, k, units)
                unit = text[k : k + 1]
                date_goes_on = (unit in ("년", "월") and text[after : after + 1] in _NUMERAL_SYLLABLES) or (
                    unit in ("년", "일") and text[after : after + 1] == "생"  # 사일생, 이천년생
                )
                # 군단 and 려단 end no everyday word, so a verb glued after them ("칠군단간거") is no
                # sign of a word: the number is read all the same.
                # A day only after its month ("이월 구일인데"), so "올리브 오일인데" (oil) stays a word.
                copula = (
                    unit == "일"
                    and "월" in text[max(0, start - 3) : start]
                    and text.startswith(_COPULA_AFTER_DATE, after)
                )
                if (
                    several
                    or date_goes_on
                    or copula
                    or _tail_ok(text, after, tails)
                    or text.startswith(_CORPS, k)
                ):
                    if unit == "년" and len(value) == 1 and _SHORT_YEAR_AFTER.match(text, after):
                        # A year read out by its last digit ("삼년생", "이년 오월 일일" for '03, '02):
                        # written as the two digits of a short year, so the date rules read it.
                        value = "0" + value
                    yield start, k, value
                break
            elif (
                k - start >= _ORDINAL_MIN
                and start > 0
                and _ordinal_prefix(text, start)
                and any(ch in cfg.spoken_places for ch in text[start:k])
            ):
                # An ordinal read out with place values before a word OCR damaged ("제삼십구사댠"): 제 and
                # a number of tens say a unit's or a register's number; the unit rules judge the word.
                yield start, k, value
                break


# The syllables of a number with place values read out after 제 that is converted with no unit word
# after it ("제삼십구…"): three at least, so 제천 (a town), 제일 and 제십 stay words.
_ORDINAL_MIN = 3

# Between the digit groups of a number read out: a space, a hyphen (spaces around it or not), the
# spoken dash 에 and the 의 it is written as ("공일공 삼삼팔일에 이공칠공", "삼사오육의 칠팔구공"), or the
# dash said as a word, 다시 (대시), 하이픈 ("공일공 다시 칠칠삼이 다시 오구일팔").
# A comma is the pause people write between the groups they read out ("공일공, 칠삼이구, 오팔영일"): a
# dash like 에, so it too joins only phone-sized groups (a list "일, 이, 삼" stays words).
_DIGIT_SEPARATOR = re.compile(r" ?- ?| ?(?:다 ?시|대 ?시|하 ?이 ?픈) ?| ?[에의] ?|, ?| ")
_SPOKEN_DASHES = ("에", "의", "다시", "대시", "하이픈", ",")
# Fewer digits than ``spoken_min_digit_run`` read out are a number only right after a cue word for an
# identifier or a phone number, a word or two between ("공민증 번호 끝자리가 삼칠사구"): at least these.
_CUED_MIN_DIGITS = 4


def _cue_before(text: str, start: int, cues: tuple[str, ...], tails: tuple[str, ...]) -> bool:
    """Whether the words glued before ``start`` end with a number's cue word, perhaps with a particle
    ("전화번호는공일공-…", "연락처공일공…"): what follows the cue is the number, glued or not."""
    before = text[max(0, start - 16) : start].rstrip(" :").lower()
    if before.endswith(cues):
        return True
    return any(before.endswith(t) and before[: -len(t)].endswith(cues) for t in tails)


def _cue_near(text: str, start: int, cues: tuple[str, ...], tails: tuple[str, ...]) -> bool:
    """Whether one of the (at most three) words before ``start`` is a number's cue word, perhaps with
    a particle: "공민증 번호 끝자리가 …", "여권 번호는 …"."""
    words = text[max(0, start - 24) : start].lower().split()[-3:]
    for word in words:
        word = word.rstrip(":,")
        if word.endswith(cues) or any(word.endswith(t) and word[: -len(t)].endswith(cues) for t in tails):
            return True
    return False


def _copula(text: str, end: int, word: str) -> int:
    """1 if the 이 ending a group of more than four digit names may be the copula glued to the ending
    after it ("…육공일팔이야", "…이라고"), else 0."""
    return int(len(word) > 4 and word.endswith("이") and end < len(text) and is_hangul(text[end]))


def _starts_word(text: str, word: str, end: int, tails: tuple[str, ...]) -> bool:
    """Whether a one-syllable digit name is the start of the word it is glued to ("… 칠 공 이거 대면":
    이거, 이번, 오늘, 사람), not a digit read out: a syllable other than a particle follows it."""
    return len(word) == 1 and end < len(text) and is_hangul(text[end]) and not text.startswith(tails, end)


def _segment_ahead(text: str, pos: int, group: re.Pattern[str]) -> tuple[int, ...]:
    """How many digits are read out from ``pos`` on in groups only spaces separate: the part of a
    number after a spoken dash, said digit by digit ("다시 이 일 팔 사 칠 칠 공") or split by OCR ("에 공
    구일팔"); with a second count when its last 이 may be the copula ("… 구일팔이다")."""
    total = 0
    while (g := group.match(text, pos)) is not None:
        glued = g.end() < len(text) and is_hangul(text[g.end()])
        if len(g.group()) == 1 and glued:
            break  # a syllable glued to the word it begins (이거) or the copula (이야): no digit
        total += len(g.group()) - _copula(text, g.end(), g.group())
        if glued and g.group().endswith("이") and not _copula(text, g.end(), g.group()):
            return total, total - 1
        if not text.startswith(" ", g.end()):
            break
        pos = g.end() + 1
    return (total,)


# The halves of a resident registration number: six digits (the birth date), the dash, seven.
_RRN_HALVES = (6, 7)


def _is_phone(digits: str, cfg: NumbersConfig) -> bool:
    return any(re.fullmatch(p, digits) for p in cfg.phone_patterns)


def _copula_after_split(text: str, end: int, groups: list[str], out: list[str], cfg: NumbersConfig) -> bool:
    """A last group of four or fewer digit names ending in 이 glued to the ending after it, where the
    whole is no phone number and the number without the 이 is one: OCR split a group ("에 공 구일팔이다")
    and the 이 is the copula. (Four digits and 이 that make a phone number either way stay digits.)"""
    last = groups[-1]
    if (
        len(groups) < 2
        or not last.endswith("이")
        or len(last) < 2
        or end >= len(text)
        or not is_hangul(text[end])
    ):
        return False
    whole = "".join(cfg.spoken_digits.get(ch, "") for ch in "".join(out))
    return not _is_phone(whole, cfg) and _is_phone(whole[:-1], cfg)


def _dash_between(before: int, after: int) -> bool:
    """Whether a spoken dash (or comma) stands between the parts of a number read out digit by digit:
    phone-sized groups on both sides ("공 일 공, 칠 삼 이 구"), or the halves of a resident number."""
    return (3 <= before <= 4 and 3 <= after <= 4) or (before, after) == _RRN_HALVES


_PASSPORT_DIGITS = (7, 8)
_WORD_DASHES = ("다시", "대시", "하이픈")
_CUED_GROUP = 3


def _cued_dash(
    text: str, start: int, sep: str, size: int, cue: tuple[tuple[str, ...], tuple[str, ...]]
) -> bool:
    """Whether a dash said as a word (다시, 대시, 하이픈) joins a register number's groups after its cue
    ("배 번호가 청진 삼 다시 이공팔"): after an identifier's cue, 다시 before three digit names is no
    "again"."""
    return sep.replace(" ", "") in _WORD_DASHES and size >= _CUED_GROUP and _cue_near(text, start, *cue)


# A dash said as a word between short groups early in a number: the groups of an identifier printed in
# pieces of two and three ("오육일 다시 이팔 다시 사사일칠": a US social security number, 561-28-4417;
# a business's 3-2-5). Only while the digits before the dash are few, so 다시 after a whole phone number
# ("… 오륙칠팔 다시 이사 가면") stays "again"; the run must still be long enough to be a number at all.
_SHORT_GROUP = 2
_SHORT_BEFORE = 6


def _short_groups_dash(sep: str, before: int, so_far: int, size: int) -> bool:
    """Whether a word dash joins groups of two digits or more near the start of a number read out."""
    return (
        sep.replace(" ", "") in _WORD_DASHES
        and before >= _SHORT_GROUP
        and size >= _SHORT_GROUP
        and so_far <= _SHORT_BEFORE
    )


def _phone_dash(out: list[str], ahead: tuple[int, ...], cfg: NumbersConfig) -> bool:
    """Whether a spoken dash ends the first part of a phone number read in uneven pieces ("공일공 이팔 칠
    칠에 사 오 공 일", "공일공 구공 삼삼 에 칠 이 일 팔"): the digits before it and the three or four read
    after it make a phone number (the digits after it only counted, so any four will do)."""
    before = "".join(cfg.spoken_digits.get(ch, "") for ch in "".join(out))
    return any(3 <= n <= 4 and _is_phone(before + "0" * n, cfg) for n in ahead)


# The copula's forms that begin with 인 or 입 after a day read out ("이월 구일인데", "시월 삼일입니다"): 이 of
# the copula is no particle, so the word goes on with it and still ends a date.
_COPULA_AFTER_DATE = ("인데", "인가", "인지", "인걸", "인줄", "입니다", "입니까")


# A number of one syllable read out after a spaced 제 is converted before the army's unit words (those
# of ``spoken_units`` ending in 단 or 대), a space between ("제 이 군단", "제 십 사단"): 제, a space and a
# lone digit name frame a unit's number. Not before 년, 월, 일: "제 일 년" is no unit.
_ARMY_UNIT_ENDS = ("단", "대")


# A lone digit name read out before a corps, division or brigade with a space between, no 제 before
# ("구 군단", "칠 사단에 있었어"): 이 (this) and 일 (work) stay words, so "이 사단" is "this division".
_LONE_ARMY_DIGITS = frozenset("삼사오육륙칠팔구십")
_LONE_ARMY_UNITS = ("군단", "사단", "여단", "려단", "련대", "연대")


# A unit's type between the number read after 제 and its unit word ("제 칠 경보병여단", "제 삼 보병 사단").
_TYPED_ARMY_UNIT = re.compile(
    r" ?(?:경보병|보병|포병|공병|저격|기계화|땅크|탱크|전차|정찰|해병|공수|항공|고사포|방사포"
    r"|경보|특수|통신|독립)"
    r" ?(?:군단|사단|여단|려단|련대|연대|대대)"
)


def _lone_army_number(text: str, start: int, k: int, army_units: tuple[str, ...]) -> bool:
    """Whether a lone digit name at ``start``, a word of its own, is read before an army unit word."""
    units = tuple(u for u in army_units if u in _LONE_ARMY_UNITS)
    return (
        text[start] in _LONE_ARMY_DIGITS
        and (start == 0 or not is_hangul(text[start - 1]))
        and (text.startswith(" ", k) and text.startswith(units, k + 1))
    )


def _spaced_ordinal(text: str, start: int) -> bool:
    """Whether the run at ``start`` follows 제 and a space, 제 a word of its own ("제 이 군단")."""
    return start >= 2 and text[start - 2 : start] == "제 " and (start < 3 or not is_hangul(text[start - 3]))


def _ordinal_prefix(text: str, start: int) -> bool:
    """Whether the run at ``start`` is glued to the 제 of a register number read out ("제이공일팔
    공공사칠일호"): 제 … 호 frames a number, and no word ends in 제 before seven digit names."""
    return text[start - 1] == "제" and (start < 2 or not is_hangul(text[start - 2]))


def _digit_runs(text: str, cfg: NumbersConfig, tails: tuple[str, ...] = ()) -> Iterable[tuple[int, int, str]]:
    """Long digit-by-digit runs across spaces/hyphens: 공일공 일이삼사 오륙칠팔, 공일공-…, …에 이공칠공."""
    digits = cfg.spoken_digits
    group = re.compile(f"[{''.join(digits)}]+")
    cues = tuple(k.lower() for k in (*cfg.phone_keywords, *cfg.id_keywords))
    codes = _spoken_codes(text, cfg)
    pos = 0
    while (first := group.search(text, pos)) is not None:
        inside = next((e for e, (s, _) in codes.items() if s < first.start() < e), None)
        if inside is not None:
            pos = inside  # the digit names of a country code read with place values: not a run
            continue
        groups, out, end, hyphened = [first.group()], [first.group()], first.end(), False
        second = -1  # where the run's second group starts: a run glued to a word is retried from there
        segment = len(first.group())  # digits since the last spoken dash (OCR may split a group)
        while (sep := _DIGIT_SEPARATOR.match(text, end)) is not None:
            nxt = group.match(text, sep.end())
            if nxt is None:
                break
            word, word_end = nxt.group(), nxt.end()
            # The digit after a resident number's first half ("앞자리 팔칠공삼일이 일라도": 870312-1, the
            # half and the digit that says the sex) is a digit, glued to the ending or not.
            gender_digit = (
                groups == [first.group()] and len(first.group()) == _RRN_HALVES[0] and sep.group() == " "
            )
            if _starts_word(text, word, word_end, tails) and not (
                gender_digit and _cue_near(text, first.start(), cues, tails)
            ):
                break
            size = len(word) - _copula(text, word_end, word)
            spoken_dash = sep.group().replace(" ", "") in _SPOKEN_DASHES
            before = len(groups[-1]) if 3 <= len(groups[-1]) <= 4 else segment  # digits before the dash
            rest = group.match(text, word_end + 1) if text.startswith(" ", word_end) else None
            if (
                spoken_dash
                and size < 3
                and rest is not None
                and 3 <= size + len(rest.group()) - _copula(text, rest.end(), rest.group()) <= 4
            ):
                # A group OCR split after the dash ("…에 이 이구공"): the two parts are the group.
                word, word_end = text[nxt.start() : rest.end()], rest.end()
                size = len(word) - 1 - _copula(text, word_end, word)
            if (
                spoken_dash
                and not ((3 <= len(groups[-1]) <= 4 or 3 <= segment <= 4) and 3 <= size <= 4)
                and not any(_dash_between(before, ahead) for ahead in _segment_ahead(text, sep.end(), group))
                and not _phone_dash(out, _segment_ahead(text, sep.end(), group), cfg)
                and not _cued_dash(text, first.start(), sep.group(), size, (cues, tails))
                and not _short_groups_dash(sep.group(), len(groups[-1]), sum(map(len, groups)), size)
            ):
                # 에, 의 and 다시 are words unless they stand between phone-sized groups ("이삼일에 오륙일",
                # "공 일공에 …" with a space OCR put inside the group).
                break
            segment = size if spoken_dash else segment + len(word)
            if second < 0:
                second = nxt.start()
            groups.append(word)
            hyphened = hyphened or "-" in sep.group()
            out.append("-" if spoken_dash else sep.group())
            out.append(word)
            end = word_end
        # A passport's letter glued before it ("E오팔이일삼삼칠육이었어"): a letter and seven or eight
        # digits is a passport number, so the 이 after them may be the copula too.
        lettered = (
            first.start() > 0 and text[first.start() - 1].isascii() and text[first.start() - 1].isalpha()
        )
        if ((len(groups) > 1 or lettered) and _copula(text, end, groups[-1])) or _copula_after_split(
            text, end, groups, out, cfg
        ):
            # "…육공일팔이야": the 이 is the copula when the number is a phone number without it (the
            # last group of a phone number has four digits), else a digit ("군번은 이사 공팔삼일칠칠이라고").
            trimmed = "".join(digits.get(ch, "") for ch in "".join(out)[:-1])
            if any(re.fullmatch(p, trimmed) for p in cfg.phone_patterns) or (
                lettered and len(trimmed) in _PASSPORT_DIGITS
            ):
                out[-1], end = out[-1][:-1], end - 1
        elif (
            len(groups) > 2
            and groups[-1] == "이"
            and out[-2] == " "
            and end < len(text)
            and is_hangul(text[end])
        ):
            # "… 오 팔 영 일 이야": read digit by digit, the copula stands apart like a last digit.
            trimmed = "".join(digits.get(ch, "") for ch in "".join(out[:-2]))
            if any(re.fullmatch(p, trimmed) for p in cfg.phone_patterns):
                del out[-2:], groups[-1]
                end -= 2
        start, pos = first.start(), end
        count = sum(len(g.replace(" ", "")) for g in groups)
        glued = start > 0 and is_hangul(text[start - 1])
        # OCR lost the space after a particle: "주민번호 뒷자리는일공이 사칠오삼", "끝자리가구구 팔삼".
        cued_glue = glued and text[:start].endswith(tails) and _cue_near(text, start, cues, tails)
        if count < cfg.spoken_min_digit_run and not (
            count >= _CUED_MIN_DIGITS and (not glued or cued_glue) and _cue_near(text, start, cues, tails)
        ):
            continue
        # A run glued to the word before it is a number only after a cue word or the spoken plus, or
        # when written with hyphens between its groups (no Korean word is); else it is the end of a
        # word ("이사이삼…"). A run read in groups that make a phone number is one, whatever it is glued
        # to ("불러줄게공일공 팔팔사이 삼일칠오"): no word ends in such groups.
        plus = _SPOKEN_PLUS.search(text, max(0, start - 6), start)
        code = codes.get(start) if plus is None else None
        if code is not None:
            # "플러스 사십사 칠칠공공 …": the country code read as a number (44), then the digits.
            yield code[0], end, f"+{code[1]} " + "".join(digits.get(ch, ch) for ch in "".join(out))
            continue
        if (
            start > 0
            and is_hangul(text[start - 1])
            and not _ordinal_prefix(text, start)
            and not hyphened
            and plus is None
            and not _cue_before(text, start, cues, tails)
            and not cued_glue
            and not (len(groups) > 2 and _is_phone("".join(digits.get(ch, "") for ch in "".join(out)), cfg))
        ):
            if second > 0:
                # "전화 좀 주오 공일공 오오사일 …": the word's last syllable is a digit name (주오, 하이),
                # and the number read out after it is a run of its own.
                pos = second
            continue
        if plus is not None:
            # "플러스 칠 구일육 …": the country code's plus, read out, is part of the number.
            yield plus.start(), end, "+" + "".join(digits.get(ch, ch) for ch in "".join(out))
            continue
        yield start, end, "".join(digits.get(ch, ch) for ch in "".join(out))


def _mixed_runs(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """A phone number written partly in digits and partly in digit names ("010-3928-44일칠", "010 삼구이팔
    4417"): converted when the whole, and not its written digits alone, is a phone number. The 이 ending
    it may be the copula ("…44일칠이에요")."""
    names = "".join(cfg.spoken_digits)
    run = re.compile(f"[0-9{names}]+(?:(?: ?[-.] ?| )[0-9{names}]+){{0,4}}")
    phones = [re.compile(p) for p in cfg.phone_patterns]
    for m in run.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if start > 0 and (text[start - 1].isascii() and text[start - 1].isalnum()):
            continue
        if (
            not word[0].isdigit()
            and start > 0
            and is_hangul(text[start - 1])
            # glued to a phone's cue ("손전화공일공 3372 8814"): the cue says a number follows
            and not text[max(0, start - 8) : start].endswith(tuple(cfg.phone_keywords))
        ):
            continue
        written = re.sub(r"\D", "", word)
        if sum(ch in cfg.spoken_digits for ch in word) < 2 or len(written) < 2:
            continue
        if any(p.fullmatch(written) for p in phones):
            continue
        for cut in (0, 1):
            if cut and not (word.endswith("이") and end < len(text) and is_hangul(text[end])):
                break
            part = word[: len(word) - cut]
            digits = "".join(cfg.spoken_digits.get(ch, ch) for ch in part)
            if any(p.fullmatch(re.sub(r"\D", "", digits)) for p in phones):
                yield start, end - cut, digits
                break


@_per_config
def _native_regexes(cfg: NumbersConfig) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """For :func:`_native_runs`: a run of digit words (native or names), a native word, and one token."""
    words = sorted((*cfg.spoken_native_digits, *cfg.spoken_digits), key=len, reverse=True)
    token = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    native = "|".join(re.escape(w) for w in sorted(cfg.spoken_native_digits, key=len, reverse=True))
    return re.compile(f"(?<![가-힣]){token}+(?: {token}+)*"), re.compile(native), re.compile(token)


def _native_runs(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """A phone number read out partly in native digit words ("공일공 다섯둘둘 셋여덟 일곱넷 둘", "공일공
    넷셋칠하나 공공팔여섯"): a run of native words and digit names, spaces between its groups, with at
    least one native word, converted when the whole is a phone number (the 이 ending it may be the
    copula: "… 둘이요"). Not glued to the word before it, so "하나둘" inside a word stays as it is."""
    if not cfg.spoken_native_digits:
        return
    run, native, tokens = _native_regexes(cfg)
    phones = [re.compile(p) for p in cfg.phone_patterns]
    every = {**cfg.spoken_digits, **cfg.spoken_native_digits}
    for m in run.finditer(text):
        if native.search(m.group()) is None:
            continue
        for cut in (0, 1):
            end = m.end() - cut
            if cut and not (m.group().endswith("이") and m.end() < len(text) and is_hangul(text[m.end()])):
                break
            digits = "".join(every[t] for t in tokens.findall(text[m.start() : end].replace(" ", "")))
            if any(p.fullmatch(digits) for p in phones):
                yield m.start(), end, digits
                break


# The plus of an international number read out ("플러스 칠 구일육 …", "플러스 팔육 …"), directly before the
# digit run (a space between or not, but no other word).
_SPOKEN_PLUS = re.compile(r"(?<![가-힣])(?:플러스|플러쓰|플라스) ?$")
# The same with the country code read as a number with place values ("플러스 사십사 …" for +44, "플러스
# 팔십이" for +82), between the plus and the digits read one by one.
_SPOKEN_PLUS_CODE = re.compile(r"(?<![가-힣])(?:플러스|플러쓰|플라스) ?([일이삼사오육륙칠팔구십백]{2,6}) ")


def _spoken_codes(text: str, cfg: NumbersConfig) -> dict[int, tuple[int, str]]:
    """Country codes read with place values after a spoken plus: {where the digits after the code
    begin: (where the plus begins, the code)}."""
    out: dict[int, tuple[int, str]] = {}
    if "플" not in text:
        return out
    for m in _SPOKEN_PLUS_CODE.finditer(text):
        if not any(ch in cfg.spoken_places for ch in m.group(1)):
            continue
        value = spoken_value(m.group(1), cfg)
        if value is not None and len(value) <= 3:
            out[m.end()] = (m.start(), value)
    return out


def _split_years(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """A year read out with a space OCR or the speaker put inside it ("주체 구 십이년", "천구백
    구십팔년"): two numeral runs one space apart, the second directly before 년, read as one number.
    Only after a year's cue word (an era or 음력, 양력) or when the first part holds 천 or 백, so
    "이 십년 동안" (these ten years) stays words."""
    runs = list(_numeral_runs(text, cfg))
    for (s1, e1), (s2, e2) in pairwise(runs):
        # A space may stand before 년 too ("이천이 십 년"): the guards below still ask for a cue or 천/백.
        if s2 != e1 + 1 or text[e1] != " " or not text.startswith(("년", " 년"), e2):
            continue
        if not _left_ok(text, s1):
            continue
        left = text[s1:e1]
        cue = text[max(0, s1 - 3) : s1].replace(" ", "").endswith(_YEAR_CUES)
        if not cue and not (len(left) >= 2 and ("천" in left or "백" in left)):
            continue
        value = spoken_value(left + text[s2:e2], cfg)
        if value is not None:
            yield s1, e2, value


# Eras a year is counted in: 주체 (the North's), 서기 (AD), 단기 (from Dangun), 불기 (the Buddhist era).
_YEAR_CUES = ("주체", "음력", "양력", "서기", "단기", "불기")
_PLACE_FIRST = ("천", "백")


def _joins(left: str, right: str, cfg: NumbersConfig) -> str | None:
    """The value of two parts of a number read out that a space split, when they join as place values
    do: the first ends in a place larger than the whole second ("이십 삼", "천구백 사십팔", "십 일"), or
    the first is one digit and the second begins with 천 or 백 ("이 천삼"); else None."""
    whole = spoken_value(left + right, cfg)
    part = spoken_value(right, cfg)
    if whole is None or part is None:
        return None
    place = cfg.spoken_places.get(left[-1])
    if place is not None and place < 10000 and int(part) < place:
        return whole
    if len(left) == 1 and left in cfg.spoken_digits and right.startswith(_PLACE_FIRST):
        return whole
    return None


def _split_numbers(text: str, cfg: NumbersConfig, tails: tuple[str, ...]) -> Iterable[tuple[int, int, str]]:
    """A number read out with a space OCR or the speaker put inside it, before a unit word ("이십 삼 호",
    "제십 일군단", "이 천삼 년", "천구백 사십팔 년"): two numeral runs one space apart that join as place
    values do (:func:`_joins`), a unit after them (a space between allowed) and a particle or the end of
    the word after the unit. "이 십년 동안" (these ten years) stays words: 십 alone is no place to join."""
    units = tuple(sorted((*cfg.spoken_units, *cfg.spoken_units_long), key=len, reverse=True))
    for (s1, e1), (s2, e2) in pairwise(list(_numeral_runs(text, cfg))):
        if s2 != e1 + 1 or text[e1] != " " or not _left_ok(text, s1):
            continue
        value = _joins(text[s1:e1], text[s2:e2], cfg)
        if value is None:
            continue
        at = e2 + 1 if text.startswith(" ", e2) else e2
        size = _unit_len(text, at, units)
        if not size:
            continue
        unit = text[at : at + size]
        if unit in ("년", "월") or _tail_ok(text, at + size, tails):
            yield s1, e2, value


# A day read out after its month with spaces inside it ("시월 이십 삼 일", "삼월 이 십 일 일"): the
# numeral syllables up to the last 일 are the day, read as one number (greedy, so "이십 일 일" is the
# 21st, not the 20th and a stray 일). Only right after a month, written or spoken.
_SPACED_DAY = re.compile(
    r"(?:\d{1,2}|[일이삼사오육륙칠팔구]|십[일이]?|유|시) ?월 ?"
    r"(?P<day>[일이삼사오육륙칠팔구십](?: ?[일이삼사오육륙칠팔구십]){0,4}) ?일"
)
_MAX_DAY = 31


def _spaced_days(text: str, cfg: NumbersConfig, tails: tuple[str, ...]) -> Iterable[tuple[int, int, str]]:
    """The day of a spoken date with spaces inside it (see ``_SPACED_DAY``), when it is a day of the
    month and 일 ends its word or takes a particle (or the copula)."""
    for m in _SPACED_DAY.finditer(text):
        end = m.end()
        # After a year, month and day are a date whatever OCR glued to the day ("이천십팔년 사월 이
        # 십일그날").
        dated = text[: m.start()].rstrip(" ").endswith("년")
        if (
            end < len(text)
            and is_hangul(text[end])
            and not text.startswith((*tails, "이", "날", "생", "임"), end)
            and not dated
        ):
            continue
        value = spoken_value(m.group("day").replace(" ", ""), cfg)
        if value is not None and 1 <= int(value) <= _MAX_DAY:
            yield m.start("day"), m.end("day"), value


# A month read out that OCR split from 월 ("이천삼년 이 월 이일생"), between a year and a day: the two frame
# it, so "이 월" there is no "this month".
_SPACED_MONTH = re.compile(
    r"(?:\d{2,4}|[일이삼사오육륙칠팔구십백천]{2,8}) ?년 ?(?P<month>[일이삼사오육륙칠팔구시유]|십 ?[일이]?) 월"
    r"(?= ?(?:\d{1,2}|[일이삼사오육륙칠팔구십]{1,3}) ?일)"
)
_MONTHS = 12
_SPOKEN_MONTHS = {"시": "10", "유": "6"}


# The same with no year before, a day after: the day alone frames it ("시 월 십팔일에", "삼 월이십이일"), as
# the day must end its word or take a particle, so "이 월급" or "오 월드컵" are none.
_SPACED_MONTH_DAY = re.compile(
    r"(?<![가-힣])(?P<month>[일이삼사오육륙칠팔구시유]|십 ?[일이]?) 월"
    r"(?= ?(?:\d{1,2}|[일이삼사오육륙칠팔구십](?: ?[일이삼사오육륙칠팔구십]){0,4}) ?일"
    r"(?:$|[^가-힣]|에|엔|은|는|이|날|생|인데|부터|까지|도|의|로|쯤))"
)
# A month read out glued to the word before it, a lost space ("오늘팔월 삼일인데", "어사월 십 일"): before a
# day it is a date whatever precedes it, unless a numeral syllable does (then it is part of a longer run).
_GLUED_MONTH = re.compile(
    r"(?<=[가-힣])(?<![공영일이삼사오육륙칠팔구십백천만])(?P<month>십[일이]?|[일이삼사오육륙칠팔구시유])월"
    r"(?= ?(?:\d{1,2}|[일이삼사오육륙칠팔구십](?: ?[일이삼사오육륙칠팔구십]){0,4}) ?일"
    r"(?:$|[^가-힣]|에|엔|은|는|이|날|생|인데|부터|까지|도|의|로|쯤))"
)


def _month_value(month: str, cfg: NumbersConfig) -> str | None:
    """The number of a month read out, if it is one (시월 and 유월 are October and June, the spoken
    forms of 십월, 육월)."""
    month = month.replace(" ", "")
    value = _SPOKEN_MONTHS.get(month) or spoken_value(month, cfg)
    return value if value is not None and 1 <= int(value) <= _MONTHS else None


def _spaced_months(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """A month split from 월 between a year and a day or before a day (see ``_SPACED_MONTH``,
    ``_SPACED_MONTH_DAY``), or glued to the word before it (``_GLUED_MONTH``), as the month and 월."""
    for pattern in (_SPACED_MONTH, _SPACED_MONTH_DAY, _GLUED_MONTH):
        for m in pattern.finditer(text):
            value = _month_value(m.group("month"), cfg)
            if value is not None:
                yield m.start("month"), m.end(), f"{value}월"


# A year read out glued to the word before it, a transcript's or OCR's lost space ("생일이천삼년",
# "고향떠난게천구백구십팔년"): 이천… and 천구백… before 년 are a year whatever precedes them, even a word
# ending in a numeral syllable that the numeral run would take in (생일 + 이천삼).
_GLUED_YEAR = re.compile(r"(?<=[가-힣])(?:이천|천구백)[일이삼사오육륙칠팔구십]{0,4}(?=년)")
# The same with one space OCR put inside the number ("생일천구 백사십이년", "에서천구 백구십일년"): the part
# after the space alone would be read as a year of three digits.
_GLUED_SPLIT_YEAR = re.compile(r"(?<=[가-힣])(?:이 ?천|천 ?구 ?백)(?: ?[일이삼사오육륙칠팔구십]){0,4}(?=년)")
_YEARS = (1900, 2099)


def _glued_years(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """Years glued to the word before them (see ``_GLUED_YEAR``)."""
    for m in _GLUED_YEAR.finditer(text):
        value = spoken_value(m.group(), cfg)
        if value is not None and _YEARS[0] <= int(value) <= _YEARS[1]:
            yield m.start(), m.end(), value
    for m in _GLUED_SPLIT_YEAR.finditer(text):
        if m.group().count(" ") != 1:
            continue
        value = spoken_value(m.group().replace(" ", ""), cfg)
        if value is not None and _YEARS[0] <= int(value) <= _YEARS[1]:
            yield m.start(), m.end(), value


_CORPS = ("군단", "려단")
_DATE_LIMITS = {"년": (1900, 2099), "월": (1, 12), "일": (1, 31)}
_YEAR_DIGITS = 4
_CENTURIES = ("19", "20")


@_per_config
def _misread_then_spoken_regex(cfg: NumbersConfig) -> re.Pattern[str]:
    """Misread digits, then digit names, then a spoken unit (see :func:`_misread_then_spoken`)."""
    names = "".join(re.escape(c) for c in (*cfg.spoken_digits, *cfg.spoken_places))
    alike = "".join(re.escape(c) for c in cfg.ocr_digits)
    units = "|".join(re.escape(u) for u in sorted(cfg.spoken_units, key=len, reverse=True))
    return re.compile(f"(?<![A-Za-z0-9])([0-9{alike}]{{1,3}})([{names}]{{1,6}})(?=({units}))")


def _misread_then_spoken(text: str, cfg: NumbersConfig) -> Iterable[tuple[int, int, str]]:
    """A number begun in digits OCR misread and ended in digit names, before a unit ("2Ol오년", "l칠일",
    "l구백사십칠년", "제 l이사단"): a transcript made of a page that OCR had read, where only the run of
    real digits before the unit was read out. The look-alikes are digits (at least one of them, so "2오년"
    stays as it is), and the number is their digits followed by the spoken value. A year, month or day
    must be one."""
    for m in _misread_then_spoken_regex(cfg).finditer(text):
        prefix, spoken, unit = m.group(1), m.group(2), m.group(3)
        # The century's digits before 년 count as misread too: OCR's look-alikes among them were fixed
        # before this ("2O구년" is 20구년 by now).
        if not any(ch in cfg.ocr_digits for ch in prefix) and not (unit == "년" and prefix in _CENTURIES):
            continue
        value = spoken_value(spoken, cfg)
        if value is None:
            continue
        digits = "".join(cfg.ocr_digits.get(ch, ch) for ch in prefix) + value
        if unit == "년" and len(digits) < _YEAR_DIGITS and len(prefix) + len(value) <= _YEAR_DIGITS:
            # The digits read out were the year's last ones, a zero among them said as nothing
            # ("2O구년": 2O09, its 09 read as 구): they fill the year's four places.
            digits = digits[: len(prefix)] + value.zfill(_YEAR_DIGITS - len(prefix))
        low, high = _DATE_LIMITS.get(unit, (0, 10**6))
        if low <= int(digits) <= high and not (unit == "년" and len(digits) != 4):
            yield m.start(), m.end(), digits


# A road's name (two syllables at least before 로, 대로 or 길, 으로 being the particle) and one space: a
# road address read out ("중앙대로 이백십일에", "순환로 사백삼십삼"), its building number spoken with
# place values.
_ROAD_BEFORE = re.compile(r"(?<![가-힣])[가-힣]{1,9}(?<!으)(?:대로|로|길) ")
# A short count after 로 may be a day or a time ("바다로 이십일에": to the sea on the 21st); after 대로 or
# 길, or with hundreds, it is the building's number.
_ROAD_PLACES = frozenset("백천")


def _road_numbers(text: str, cfg: NumbersConfig, tails: tuple[str, ...]) -> Iterable[tuple[int, int, str]]:
    """A number with place values after a road's name, glued to a particle or ending the text: the
    building number. A lone digit name (이, 오) starting the next word stays a word, and a number a
    space follows may be a count before its unit ("학교로 이백 명"); the address rules then judge it."""
    for m in _ROAD_BEFORE.finditer(text):
        start = end = m.end()
        while end < len(text) and (text[end] in cfg.spoken_digits or text[end] in cfg.spoken_places):
            end += 1
        if end - start > 2 and text[end - 1] == "이" and not _tail_ok(text, end, tails):
            end -= 1  # "오십칠이고": the copula glued after the number is no digit 2
        word = text[start:end]
        road_word = m.group().rstrip().endswith(("대로", "길"))
        if len(word) < 2 or not any(ch in (cfg.spoken_places if road_word else _ROAD_PLACES) for ch in word):
            continue
        if end < len(text) and (text[end].isspace() or not _tail_ok(text, end, tails)):
            continue
        value = spoken_value(word, cfg)
        if value is not None:
            yield start, end, value


def spoken_numbers(base: View, cfg: NumbersConfig, tails: tuple[str, ...] = ()) -> View:
    """Turn spoken numbers in ``base`` into digits; every digit maps to the whole spoken span.
    ``tails`` are the particles that may follow a unit after a one-syllable number (구사단에서)."""
    text = base.text
    spans: list[tuple[int, int, str]] = []
    for word, digits in cfg.spoken_special.items():
        for m in re.finditer(re.escape(word), text):
            if _left_ok(text, m.start()) or _glued_date(text, m.start()):
                spans.append((m.start(), m.end(), digits))
    spans.extend(_mixed_runs(text, cfg))
    spans.extend(_native_runs(text, cfg))
    spans.extend(_misread_then_spoken(text, cfg))
    spans.extend(_digit_runs(text, cfg, tails))
    spans.extend(_split_years(text, cfg))
    spans.extend(_split_numbers(text, cfg, tails))
    spans.extend(_spaced_days(text, cfg, tails))
    spans.extend(_spaced_months(text, cfg))
    spans.extend(_glued_years(text, cfg))
    spans.extend(_unit_numbers(text, cfg, tails))
    spans.extend(_road_numbers(text, cfg, tails))
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
