"""relay.detect.casing: a rule compiled without IGNORECASE only where the flag cannot change a match."""

from __future__ import annotations

import _sre
import importlib
import re
import sys
import tomllib
from typing import Any

import pytest

from relay.detect.casing import compile_rule, has_case, may_have_case
from relay.detect.rules import DEFAULT_CONFIG_DIR

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")


# The engine's own test of whether IGNORECASE folds a character (what re._compiler asks), so the oracle
# below does not merely repeat casing.has_case.
_cased = _sre.unicode_iscased


def _folding_matters(items: Any) -> bool:
    """True if the parsed pattern holds anything IGNORECASE changes: a character with case (alone,
    in a class or in a range) or a reference back to a group."""
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL) and _cased(av):
            return True
        if op is _C.RANGE and any(_cased(c) for c in range(av[0], av[1] + 1)):
            return True
        if op is _C.IN and _folding_matters(av):
            return True
        if op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            return True
        if op is _C.BRANCH and any(_folding_matters(b) for b in av[1]):
            return True
        if op is _C.SUBPATTERN and _folding_matters(av[-1]):
            return True
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and _folding_matters(av[2]):
            return True
        if op in (_C.ASSERT, _C.ASSERT_NOT) and _folding_matters(av[1]):
            return True
        if op is _C.ATOMIC_GROUP and _folding_matters(av):
            return True
    return False


def _shipped_sources() -> list[str]:
    with (DEFAULT_CONFIG_DIR / "detect" / "rules.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return [p["regex"] for p in raw["pattern"]] + list(raw["numbers"]["phone_patterns"])


def test_every_shipped_rule_judged_caseless_has_nothing_folding_could_change() -> None:
    sources = _shipped_sources()
    caseless = [s for s in sources if not may_have_case(s)]
    # Most rules are Korean only; the saving is real only if the reader finds them.
    assert len(caseless) > len(sources) // 2
    for source in caseless:
        assert not _folding_matters(_P.parse(source)), source


def test_every_shipped_rule_with_latin_letters_keeps_the_flag() -> None:
    for source in _shipped_sources():
        if _folding_matters(_P.parse(source)):
            assert may_have_case(source), source
            assert compile_rule(source).flags & re.IGNORECASE


@pytest.mark.parametrize(
    "source",
    [
        "(?<![가-힣])[가-힣]{2,4}(?:씨|님)",
        "(?x)\n  (?<![가-힣])  # A comment in English, with Capitals\n  군[ ]?단",
        "(?P<v>[0-9]{3})[- ]?(?P<v2>[0-9]{4})",
        r"\d{2,3}\s*-\s*\d{3,4}",
        "[^가-힣]+",  # a negated class of caseless characters matches Latin letters with and without
        r"[\]가]",
        "(?#a comment group: Any Text)번호",
        "(?s:.)가",
    ],
)
def test_patterns_without_case(source: str) -> None:
    assert not may_have_case(source)
    assert not _folding_matters(_P.parse(source))
    plain, folded = compile_rule(source), re.compile(source, re.IGNORECASE)
    assert not plain.flags & re.IGNORECASE
    text = "김영희씨 ABC abc 010-1234-5678 군 단 가] 번호 Ωω ǅ"
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in folded.finditer(text)]


@pytest.mark.parametrize(
    "source",
    [
        "kakao",
        "[A-Z]{2}",
        "카카오|Kakao",
        r"\u0041",  # an escape that can spell any letter
        r"\x41",
        r"\N{LATIN SMALL LETTER A}",
        r"\101",  # octal
        r"(.)\1",  # a backreference folds case: "aA"
        "(?P<x>.)(?P=x)",
        "(?x:가)#B",  # verbose for a part only: "#B" outside it is a literal B
        "Дмитрий",
        "é",
        "ß",  # folds to "ss"
        "[[:alpha:]]",
        "\\",
        "(?",
        "(?(1)a|b)",
        r"\p{L}",
    ],
)
def test_patterns_that_keep_the_flag(source: str) -> None:
    assert may_have_case(source)


def test_backreference_is_why_the_flag_stays() -> None:
    # The reason (.)\1 is not judged caseless: with the flag it matches "aA", without it does not.
    assert re.search(r"(.)\1", "aA", re.IGNORECASE) is not None
    assert re.search(r"(.)\1", "aA") is None


def test_compile_rule_keeps_the_flag_where_it_matters() -> None:
    assert compile_rule("kakao").search("KAKAO") is not None
    assert compile_rule("(?x) 카카오 [ ]? (?:id|아이디)").search("카카오 ID") is not None


def _normal(node: Any) -> Any:
    """A parsed pattern as nested tuples, each ``(?-i:[…])`` around one class replaced by the class."""
    if isinstance(node, _P.SubPattern):
        items = []
        for op, av in node.data:
            if op is _C.SUBPATTERN and av[0] is None and av[1] == 0 and av[2] == re.IGNORECASE:
                inner = av[3].data
                if len(inner) == 1 and inner[0][0] in (_C.IN, _C.LITERAL, _C.NOT_LITERAL):
                    op, av = inner[0]
            items.append((op, _normal(av)))
        return tuple(items)
    if isinstance(node, list | tuple):
        return tuple(_normal(x) for x in node)
    return node


def test_every_shipped_rule_with_case_compiles_to_the_same_pattern_with_its_classes_set_apart() -> None:
    apart = 0
    for source in _shipped_sources():
        if not may_have_case(source):
            continue
        compiled = compile_rule(source)
        assert compiled.flags & re.IGNORECASE
        apart += compiled.pattern != source
        assert _normal(_P.parse(compiled.pattern, re.IGNORECASE)) == _normal(_P.parse(source, re.IGNORECASE))
        assert compiled.groupindex == re.compile(source, re.IGNORECASE).groupindex
    assert apart > 20  # most rules with Latin letters have Hangul classes too


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("(?<![가-힣])kakao[가-힣]{0,2}", "(?<!(?-i:[가-힣]))kakao(?-i:[가-힣]){0,2}"),
        ("[가-힣a-z]+톡", "[가-힣a-z]+톡"),  # a class with letters keeps the flag
        (r"[^\]가-각]id", r"(?-i:[^\]가-각])id"),
        ("[]가-각]id", "(?-i:[]가-각])id"),
        ("[은는이가]id", "[은는이가]id"),  # no range: cheap to fold, left as it is
        ("(?x) [가-힣] # a [comment]\n id", "(?x) (?-i:[가-힣]) # a [comment]\n id"),
        (r"[\u4e00-\u9fff]id", r"[\u4e00-\u9fff]id"),  # an escape that could be a letter: kept as it is
    ],
)
def test_classes_set_apart(source: str, expected: str) -> None:
    compiled = compile_rule(source)
    assert compiled.pattern == expected
    text = "카카오 KAKAO톡 kakao가나 가ID ]id 成ID [가]ID 톡톡"
    folded = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in folded.finditer(text)]


def test_has_case_covers_every_character_the_engine_folds() -> None:
    # has_case may say yes more often than the engine folds (that only keeps a flag), never less.
    missed = [c for c in range(sys.maxunicode + 1) if _cased(c) and not has_case(chr(c))]
    assert missed == []
    assert has_case("k") and has_case("\u212a") and has_case("ß")
    assert not has_case("가") and not has_case("7") and not has_case("-")
