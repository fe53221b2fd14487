"""The detector's memos and shortcuts give exactly what the plain computation gives.

Each test holds a cache or a faster path against the code it replaced, written out here: the findings
must not change when a page is read faster.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import pytest

from relay.detect import Rules, morph
from relay.detect.document import Doc, hangul_only
from relay.detect.echoes import _PREFIX_SURNAMES, _key_pairs, _surname_titled, _titles
from relay.detect.lexicon import _NEAR_KEYS, _candidates, _near_keys, find_fuzzy
from relay.detect.morph import Morpheme, analyse
from relay.detect.normalize import View, derive, is_hangul
from relay.detect.patterns import _compact_matches
from relay.detect.words import TermSet, alternation
from relay.model import Finding, Kind, Severity

TEXT = (
    "사랑하는 동생 순옥이에게. 나는 평양시 대동강구역에서 잘 지내고 있다. 김 사장 말로는 "
    "김철수 선생님이 곧 온다고 한다. 우리 학교 리 교원과 박 동무도 안부를 전한다.\n"
    "주체68년 3월 8일생 동생 여 다진은 평안남도 순천시 역전동 3반에 산다."
)


def _plain_morphemes_in(doc: Doc, start: int, end: int) -> list[Morpheme]:
    """Doc.morphemes_in as it was: a walk from the morpheme before ``start``."""
    morphs = doc.morphemes
    starts = [m.start for m in morphs]
    i = max(0, bisect.bisect_left(starts, start) - 1)
    out: list[Morpheme] = []
    while i < len(morphs) and morphs[i].start < end:
        if morphs[i].end > start:
            out.append(morphs[i])
        i += 1
    return out


def test_morphemes_in_is_the_walk_it_replaced(rules: Rules) -> None:
    doc = Doc(TEXT, rules)
    n = len(doc.text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            assert doc.morphemes_in(start, end) == _plain_morphemes_in(doc, start, end)
    # Asked again (the memo), the same; a caller changing its list changes nobody else's.
    first = doc.morphemes_in(0, 5)
    first.clear()
    assert doc.morphemes_in(0, 5) == _plain_morphemes_in(doc, 0, 5) != []


def test_morphemes_in_walks_when_kiwi_gives_tokens_out_of_order(rules: Rules) -> None:
    doc = Doc("가나다라 마바사", rules)
    # Out of order, as Kiwi never gives them: bisection would be wrong, so the walk is used.
    doc.__dict__["morphemes"] = (
        Morpheme(0, 2, "가나", "NNG", False),
        Morpheme(5, 7, "마바", "NNG", False),
        Morpheme(2, 4, "다라", "NNG", False),
        Morpheme(7, 8, "사", "NNG", False),
    )
    assert not doc._morph_starts_sorted
    for start in range(8):
        for end in range(start + 1, 9):
            assert doc.morphemes_in(start, end) == _plain_morphemes_in(doc, start, end)


def test_analyse_remembers_short_texts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    word = "고향마을에서"
    assert analyse(word) == morph._analyse(word)
    assert analyse(word) is analyse(word)  # remembered
    calls: list[str] = []
    real = morph._analyse

    def counting(text: str) -> tuple[Morpheme, ...]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(morph, "_analyse", counting)
    long = "가" * (morph.SHORT_TEXT + 1)
    analyse(long)
    analyse(long)
    assert calls == [long, long]  # a page's own text is analysed each time, never kept
    analyse(word)
    assert calls == [long, long]


def _plain_fuzzy_keys(rules: Rules, window: str) -> list[str]:
    return sorted(_candidates(rules.lexicon, window))


def test_near_keys_are_the_candidates_in_sorted_order(rules: Rules) -> None:
    lex = rules.lexicon
    near = _near_keys(lex)
    assert _near_keys(lex) is near
    for window in ("청잔시", "함경북드", "대동강구엮", "평안남두", "순천시", "우리학교"):
        assert [k for k, _ in near(window)] == _plain_fuzzy_keys(rules, window)


def test_near_keys_are_kept_per_lexicon(rules: Rules) -> None:
    lex = rules.lexicon
    near = _near_keys(lex)
    near("청잔시")
    # Another lexicon (no deletions: no near miss at all) must not be answered from the first's memo.
    other = replace(lex, deletions={})
    assert _near_keys(other) is not near
    assert _near_keys(other)("청잔시") == ()
    assert find_fuzzy(other, "청잔시", [0], 0.0, frozenset()) == []
    assert find_fuzzy(lex, "청잔시", [0], 0.0, frozenset()) != []
    _NEAR_KEYS.clear()
    assert _near_keys(lex)("청잔시") == near("청잔시")


def test_termset_memo_matches_the_plain_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = TermSet(["께서", "에게", "게", "서", "이", "씨"])

    def plain_suffixes(text: str) -> list[str]:
        return [text[-n:] for n in terms.lengths if n <= len(text) and text[-n:] in terms.terms]

    def plain_prefixes(text: str) -> list[str]:
        return [text[:n] for n in terms.lengths if n <= len(text) and text[:n] in terms.terms]

    monkeypatch.setattr("relay.detect.words._MEMO", 3)  # cleared often while the test runs
    for word in ("아버지께서", "동생에게", "서울", "이웃", "게", "", "김씨", "아버지께서", "씨앗"):
        for _ in range(2):
            assert list(terms.suffixes(word)) == plain_suffixes(word)
            assert list(terms.prefixes(word)) == plain_prefixes(word)
    assert len(terms._suffixes) <= 3


def test_hangul_only_is_every_character_a_syllable() -> None:
    for text in ("", "가", "가나다", "가 나", "가1", "ㄱ", "힣", "\uac00\ud7a3", "\ud7a4", "a", "가\n"):
        assert hangul_only(text) == (bool(text) and all(is_hangul(c) for c in text))


def test_derive_maps_pieces_of_any_length() -> None:
    base = View("ab cd", (0, 1, 2, 3, 4), (1, 2, 3, 4, 5))
    view = derive(base, [("A", 0, 1), ("", 1, 2), ("xyz", 1, 3), ("d", 4, 5)])
    assert view.text == "Axyzd"
    assert view.starts == (0, 1, 1, 1, 4)
    assert view.ends == (1, 3, 3, 3, 5)


def test_exact_matches_ending_is_a_filter_of_exact_matches(rules: Rules) -> None:
    doc = Doc(TEXT, rules)
    for end in range(len(doc.text) + 1):
        expected = [m for m in doc.exact_matches if doc.spaced_span(m.start, m.end)[1] == end]
        assert list(doc.exact_matches_ending(end)) == expected


def test_compact_matches_are_the_regex_matches() -> None:
    regex = re.compile(r"\d+(?:년|월|일)")
    text = "주체68년3월8일생"
    got = _compact_matches(regex, text)
    assert [m.span() for m in got] == [m.span() for m in regex.finditer(text)]
    assert _compact_matches(regex, "".join(text)) == got


def _surname_titled_by_regex(doc: Doc, found: list[Finding], surnames: set[str]) -> list[tuple[int, int]]:
    """The surname-and-title echoes as the one regex they were found with before."""
    pattern = re.compile(
        rf"(?<![가-힣])(?:{alternation(surnames)})"
        rf"(?= ?(?:{_titles(doc.rules)})(?:[^가-힣]|$|[은는이가을를의도께과와]))"
    )
    taken = [(f.start, f.end) for f in found if f.kind is Kind.PERSON]
    return [
        m.span()
        for m in pattern.finditer(doc.text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "나 량철웅이다. 그 량 사장이 왔다. 량사장님, 량 선생.",
        "남궁민수 씨를 만났다. 남궁 선생님과 남 선생님이 오셨다.",
        "김철수 선생님과 김 사장, 김사장님은 김치를 드셨다. 김\n선생",
        "량 사장",
    ],
)
def test_surname_titled_is_the_regex_it_replaced(rules: Rules, text: str) -> None:
    doc = Doc(text, rules)
    keys = {"량철웅": 0.9, "남궁민수": 0.9, "김철수": 0.9}
    surnames = {key[: len(key) - len(given)] for key, given in _key_pairs(doc, keys)} - _PREFIX_SURNAMES
    assert surnames == {"량", "남궁", "김"}
    taken = [Finding(Kind.PERSON, Severity.REDACT, 0.9, 0, 1, "person.context")]
    got = [(f.start, f.end) for f in _surname_titled(doc, taken, keys)]
    assert got == _surname_titled_by_regex(doc, taken, surnames)
