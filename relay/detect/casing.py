"""IGNORECASE only for the rules it can change: compiling the rest without it is three times cheaper.

The rules of ``rules.toml`` are compiled case-insensitively, for the few that hold Latin letters
(``www``, ``kakao``). Python compiles a character class under IGNORECASE by folding every character in
it, one at a time: each ``[가-힣]`` costs 11,172 steps, and the rules hold about a thousand such classes.
That took 1.3 of the 2 seconds a process spent loading the rules, before its first letter.

A pattern whose characters have no case matches exactly the same with the flag as without it, so it is
compiled without; in a pattern with Latin letters, each range class of caseless characters is set apart
as ``(?-i:[가-힣])``, which matches the same characters either way. :func:`may_have_case` reads the source
text conservatively: any character with case, any escape that can stand for one (``\\u0041``, ``\\x41``,
``\\N{…}``, an octal escape or a backreference), anything it does not understand, and the answer is yes,
and the flag stays. Comments of verbose patterns, group names and inline flags are syntax, not
characters to match, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Escapes that stand for a category or a control character, never for a letter with case. (\b \B \A \Z
# are positions; under IGNORECASE \w and \d are the same sets.)
_CASELESS_ESCAPES = frozenset("dDsSwWbBAZntrfva")
# Escapes that can spell any character, or refer back to text matched elsewhere.
_OPEN_ESCAPES = frozenset("uUxN0123456789")
_FLAG_LETTERS = frozenset("aiLmsux-")


def compile_rule(source: str) -> re.Pattern[str]:
    """``source`` compiled as the rules are matched: case-insensitively where that can matter."""
    reading = _read(source)
    if not reading.cased:
        return re.compile(source, 0)
    return re.compile(_caseless_classes_apart(source, reading.classes), re.IGNORECASE)


def may_have_case(source: str) -> bool:
    """False only when no character ``source`` matches has a case (see the module's docstring)."""
    return _read(source).cased


def _caseless_classes_apart(source: str, classes: list[tuple[int, int]]) -> str:
    """``source`` with each character class of caseless characters wrapped in ``(?-i:…)``: such a class
    matches the same characters either way, and is compiled without folding each of its characters
    (a pattern with Latin letters often has several ``[가-힣]`` besides)."""
    out: list[str] = []
    at = 0
    for start, end in classes:
        out += [source[at:start], "(?-i:", source[start:end], ")"]
        at = end
    out.append(source[at:])
    return "".join(out)


def has_case(ch: str) -> bool:
    """True if IGNORECASE can make ``ch`` match another character (``k``, ``K`` and the Kelvin sign).
    Python's engine folds exactly the characters whose lower or upper case differs from them;
    casefolding is checked too, to stay on the safe side should that ever widen."""
    return ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch


@dataclass(frozen=True, slots=True)
class _Reading:
    cased: bool  # something in the pattern may have case (or was not understood)
    classes: list[tuple[int, int]]  # [start, end) of each range class of caseless characters


def _read(source: str) -> _Reading:
    """What :func:`may_have_case` and :func:`compile_rule` need, read in one pass. Anything not
    understood makes the whole pattern cased, with no class set apart."""
    unknown = _Reading(True, [])
    cased = False
    classes: list[tuple[int, int]] = []
    verbose = False
    class_start = -1  # inside a character class since there, else -1
    class_cased = False
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 >= n:
                return unknown
            nxt = source[i + 1]
            if nxt in _OPEN_ESCAPES or (nxt not in _CASELESS_ESCAPES and has_case(nxt)):
                # An escape that can spell any character, a backreference, or \q and the like (an
                # error or a letter): not ours to judge.
                cased = class_cased = True
            i += 2
            continue
        if class_start >= 0:
            if ch == "]":
                # Only a class with a range is worth setting apart: folding a few characters is cheap.
                if not class_cased and "-" in source[class_start + 2 : i - 1]:
                    classes.append((class_start, i + 1))
                class_start = -1
            elif has_case(ch):
                cased = class_cased = True
            i += 1
            continue
        if ch == "[":
            class_start, class_cased = i, False
            # A "]" right after "[" or "[^" is a literal bracket, not the end of the class.
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            continue
        if ch == "(" and source.startswith("(?", i):
            skip = _group_syntax(source, i + 2)
            if skip is None:
                return unknown
            end, flags = skip
            verbose = verbose or "x" in flags
            i = end
            continue
        if verbose and ch == "#":
            newline = source.find("\n", i)
            i = n if newline < 0 else newline + 1
            continue
        if has_case(ch):
            cased = True
        i += 1
    if class_start >= 0:
        return unknown  # a class never closed: an error for the compiler to report
    return _Reading(cased, classes)


def _group_syntax(source: str, at: int) -> tuple[int, str] | None:
    """Where the syntax after ``(?`` at ``at`` ends, and the inline flags it sets ("" if none); None
    for syntax this reader does not know."""
    if at >= len(source):
        return None
    head = source[at]
    if head in ":=!>":
        return at + 1, ""
    if head == "<":  # lookbehind (?<= (?<!
        return (at + 2, "") if source[at + 1 : at + 2] in ("=", "!") else None
    if head == "#":  # a comment group: up to its ")"
        close = source.find(")", at)
        return None if close < 0 else (close + 1, "")
    if head == "P":  # a named group; (?P=name) refers back to one, which folds case (see above)
        close = source.find(">", at) if source[at + 1 : at + 2] == "<" else -1
        return None if close < 0 else (close + 1, "")
    end = at
    while end < len(source) and source[end] in _FLAG_LETTERS:
        end += 1
    if end == at or end >= len(source) or source[end] not in ":)":
        return None
    flags = source[at:end].split("-")[0]  # flags after "-" are turned off
    if "x" in flags and source[end] == ":":
        return None  # verbose for a part only: where "#" starts a comment is not tracked
    return end + 1, flags
