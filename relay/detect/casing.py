"""IGNORECASE only for the rules it can change: compiling the rest without it is three times cheaper.

The rules of ``rules.toml`` are compiled case-insensitively, for the few that hold Latin letters
(``www``, ``kakao``). Python compiles a character class under IGNORECASE by folding every character in
it, one at a time: each ``[가-힣]`` costs 11,172 steps, and the rules hold about a thousand such classes.
That took 1.3 of the 2 seconds a process spent loading the rules, before its first letter.

A pattern whose characters have no case matches exactly the same with the flag as without it, so it is
compiled without. :func:`may_have_case` reads the source text conservatively: any character with case,
any escape that can stand for one (``\\u0041``, ``\\x41``, ``\\N{…}``, an octal escape or a
backreference), anything it does not understand, and the answer is yes, and the flag stays. Comments
of verbose patterns, group names and inline flags are syntax, not characters to match, and are skipped.
"""

from __future__ import annotations

import re

# Escapes that stand for a category or a control character, never for a letter with case. (\b \B \A \Z
# are positions; under IGNORECASE \w and \d are the same sets.)
_CASELESS_ESCAPES = frozenset("dDsSwWbBAZntrfva")
# Escapes that can spell any character, or refer back to text matched elsewhere.
_OPEN_ESCAPES = frozenset("uUxN0123456789")
_FLAG_LETTERS = frozenset("aiLmsux-")


def compile_rule(source: str) -> re.Pattern[str]:
    """``source`` compiled as the rules are matched: case-insensitively where that can matter."""
    return re.compile(source, re.IGNORECASE if may_have_case(source) else 0)


def _cased(ch: str) -> bool:
    return ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch


def may_have_case(source: str) -> bool:
    """False only when no character ``source`` matches has a case (see the module's docstring)."""
    verbose = False
    in_class = False
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 >= n:
                return True
            nxt = source[i + 1]
            if nxt in _OPEN_ESCAPES:
                return True
            if nxt not in _CASELESS_ESCAPES and _cased(nxt):
                return True  # \q and the like: an error or a letter; either way not ours to judge
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif _cased(ch):
                return True
            i += 1
            continue
        if ch == "[":
            in_class = True
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
                return True
            end, flags = skip
            verbose = verbose or "x" in flags
            i = end
            continue
        if verbose and ch == "#":
            newline = source.find("\n", i)
            i = n if newline < 0 else newline + 1
            continue
        if _cased(ch):
            return True
        i += 1
    return False


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
