"""What text a regex needs before it can match anywhere: a cheap test that skips hopeless searches.

Most of the ``[[pattern]]`` rules of ``rules.toml`` cannot match most pages: a lunar date needs 보름 or
그믐, a unit number needs 군단, 사단 or 부대. Python's regex engine still tries every rule at every
offset of the page (a lookbehind first keeps it from skipping ahead to a possible first character),
which made the rules about a sixth of the detector's time. :func:`needs` reads a compiled pattern once
and finds sets of strings that every match must contain (one string of each set); :func:`may_match`
looks for them in a text, one quick search of plain strings a set. When it says no, the pattern has no
match in the text, so skipping the search changes nothing.

The reading is conservative: whatever it does not understand (a backreference, a category such as
``\\d``, which also takes other scripts' digits, a letter with case under IGNORECASE) needs nothing,
and a pattern it cannot read at all needs nothing.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from relay.cachefiles import cached
from relay.detect.casing import has_case

# The regex parser ships with Python but is private (re._parser); typeshed's stubs are for the
# deprecated sre_parse names, whose import warns. Read through Any, and only to build a filter:
# if it ever changes shape, the reading fails and the pattern is searched as before.
_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

# Bounds on the strings tracked, so reading a pattern with long alternations stays cheap.
_MAX_STRINGS = 64
_MAX_CLASS = 16
# Sets kept per pattern: the most selective ones; every test costs a little on every page.
_MAX_SETS = 3

Clause = frozenset[str]
# One search per set of strings of which every match contains one (the alternation of the set).
Needs = tuple[re.Pattern[str], ...]


def _class_chars(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            codes = [av]
        elif op is _C.RANGE and av[1] - av[0] < _MAX_CLASS:
            codes = list(range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category, a wide range: anything
        for code in codes:
            ch = chr(code)
            if has_case(ch):
                return None
            out.add(ch)
        if len(out) > _MAX_CLASS:
            return None
    return out


def _cross(a: set[str], b: set[str]) -> set[str] | None:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return {x + y for x in a for y in b}


@lru_cache(maxsize=4096)  # asked again for the same sets while a pattern's alternations are read
def _cost(clause: Clause) -> float:
    """A rough chance that a page holds one of the strings: spaces are everywhere, digits and
    punctuation common, any one Hangul syllable rare, a longer string rarer still."""
    total = 0.0
    for s in clause:
        p = 1000.0
        for ch in s:
            p *= 0.2 if ch.isspace() else 0.02 if ch.isascii() else 0.0005
        total += min(p, 1.0)
    return total


def _usable(clause: set[str] | None) -> bool:
    return clause is not None and "" not in clause and 0 < len(clause) <= _MAX_STRINGS


def _seq(items: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, list[Clause]]:
    """(the exact strings the sequence matches, if few; the sets every match needs)."""
    clauses: list[Clause] = []
    run: set[str] = {""}
    exact: set[str] | None = {""}
    for op, av in items:
        e, c = _node(op, av)
        clauses += c
        if e is None:
            if _usable(run):
                clauses.append(frozenset(run))
            run = {""}
            exact = None
            continue
        longer = _cross(run, e)
        if longer is None:
            if _usable(run):
                clauses.append(frozenset(run))
            run = set(e)
        else:
            run = longer
        exact = _cross(exact, e) if exact is not None else None
    if _usable(run):
        clauses.append(frozenset(run))
    return exact, clauses


def _node(op: Any, av: Any) -> tuple[set[str] | None, list[Clause]]:
    if op is _C.LITERAL:
        ch = chr(av)
        # Under IGNORECASE a letter with case matches others too: no string it must contain.
        return (None, []) if has_case(ch) else ({ch}, [frozenset(ch)])
    if op is _C.IN:
        chars = _class_chars(av)
        return (chars, [frozenset(chars)]) if chars else (None, [])
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}, []  # zero width: the matched text is the same with or without it
    if op is _C.SUBPATTERN:
        return _seq(av[3])
    if op is _C.ATOMIC_GROUP:
        return _seq(av)
    if op is _C.BRANCH:
        exacts: list[set[str]] = []
        picked: set[str] = set()
        every_exact = every_clause = True
        for branch in av[1]:
            e, c = _seq(branch)
            if e is None:
                every_exact = False
            else:
                exacts.append(e)
            if c:
                picked |= min(c, key=_cost)
            else:
                every_clause = False
        exact = set().union(*exacts) if every_exact else None
        if exact is not None and len(exact) > _MAX_STRINGS:
            exact = None
        return exact, [frozenset(picked)] if every_clause and _usable(picked) else []
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, high, inner = av
        e, c = _seq(inner)
        if low == 0:
            return (e | {""} if high == 1 and e is not None else None), []
        if low == high == 1:
            return e, c
        return None, c
    return None, []  # any character, a backreference, a negated literal…: anything


def _shorten(clause: Clause) -> Clause:
    # A string holding another of the set adds nothing: a text with it has the other too.
    ordered = sorted(clause, key=len)
    return frozenset(
        s for i, s in enumerate(ordered) if not any(len(o) < len(s) and o in s for o in ordered[:i])
    )


def needs(pattern: re.Pattern[str]) -> Needs:
    """Sets of strings of which every match of ``pattern`` contains one each (no sets: no test)."""
    return finders(string_sets(pattern))


def string_sets(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """The sets :func:`needs` searches for, each as sorted strings."""
    return _string_sets(pattern.pattern, pattern.flags)


# Kept per pattern too, not only per set of rules in the cache file: a process that loads several
# rule sets (a test suite, a settings file over the defaults) reads each shared pattern once.
@lru_cache(maxsize=4096)
def _string_sets(source: str, flags: int) -> tuple[tuple[str, ...], ...]:
    try:
        _, clauses = _seq(_P.parse(source, flags))
    except Exception:  # the private parser changed: search as before
        return ()
    short = {_shorten(c) for c in clauses}
    # A set some string of which nearly every page holds (a space, a digit) is not worth a search.
    best = sorted({c for c in short if _cost(c) < 2.0}, key=lambda c: (_cost(c), sorted(c)))
    return tuple(tuple(sorted(c)) for c in best[:_MAX_SETS])


def finders(sets: Iterable[Iterable[str]]) -> Needs:
    """One search for a set: the regex engine skips to the strings' first characters in C, where a
    loop of ``in`` over up to 64 strings cost more than the searches it saved."""
    return tuple(re.compile("|".join(re.escape(s) for s in strings)) for strings in sets)


def needs_all(patterns: Sequence[re.Pattern[str]]) -> tuple[Needs, ...]:
    """:func:`needs` of each pattern. Reading the rules' patterns took a process 0.4 s before its first
    letter, so the string sets are kept in a cache file (:mod:`relay.cachefiles`), used only for the
    same patterns with the same flags, read by this module's same source on the same Python."""
    try:
        source = Path(__file__).read_bytes()
    except OSError:  # installed without its source: nothing to key a cache file by
        return tuple(needs(p) for p in patterns)
    digest = hashlib.sha256(sys.version.encode())
    digest.update(source)
    for pattern in patterns:
        digest.update(f"\0{pattern.flags}\0{pattern.pattern}".encode("utf-8", "surrogatepass"))
    sets = cached(
        "rule-prefilter",
        digest.hexdigest(),
        lambda: [string_sets(p) for p in patterns],
        lambda value: [[list(strings) for strings in each] for each in value],
        lambda data: _decode_sets(data, len(patterns)),
    )
    return tuple(finders(each) for each in sets)


def _decode_sets(data: object, count: int) -> list[tuple[tuple[str, ...], ...]]:
    if not isinstance(data, list) or len(data) != count:
        raise ValueError("not one entry a pattern")
    out = []
    for each in data:
        if not isinstance(each, list) or len(each) > _MAX_SETS:
            raise ValueError("not a list of sets")
        sets = []
        for strings in each:
            if (
                not isinstance(strings, list)
                or not strings
                or not all(isinstance(s, str) and s for s in strings)
            ):
                raise ValueError("not a set of strings")
            sets.append(tuple(strings))
        out.append(tuple(sets))
    return out


def may_match(need: Needs, text: str) -> bool:
    """False only if ``text`` lacks every string of one of the sets."""
    return all(finder.search(text) is not None for finder in need)
