"""relay.detect.prefilter: a pattern is only skipped on a text where it has no match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relay.detect import load_rules
from relay.detect.prefilter import may_match, needs, needs_all


@pytest.mark.parametrize(
    ("pattern", "hit", "miss"),
    [
        (r"(?<![0-9])(?:음력\s?)?\d{1,2}월\s?보름", "음력 8월 보름날", "8월 15일"),
        (r"(?:그 ?믐|보 ?름)날?", "그 믐날 밤", "그날 밤"),
        (r"(?:제\s?)?\d+\s?(?:군단|사단)", "제 5 군단", "5 군데"),
    ],
)
def test_needs_reads_required_strings(pattern: str, hit: str, miss: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    need = needs(regex)
    assert need, "a pattern with Hangul words to find needs them"
    assert regex.search(hit) and may_match(need, hit)
    assert not regex.search(miss) and not may_match(need, miss)


@pytest.mark.parametrize(
    "pattern",
    [
        r"kakao\s?\w+",  # letters with case under IGNORECASE: K, k and the Kelvin sign all match
        r"\d{3}\d{4}",  # \d takes other scripts' digits too
        r"(\w)\1",  # a backreference
        r".+",
        r"(?:a|)",
    ],
)
def test_needs_nothing_it_cannot_read(pattern: str) -> None:
    assert needs(re.compile(pattern, re.IGNORECASE)) == ()


def test_configured_patterns_never_skipped_where_they_match() -> None:
    texts = [
        "1990년 3월 5일 음력 보름 제5군단 123사단 010-1234-5678 평양시 중구역 3동 12반",
        "카톡 아이디 kim1990 이메일 kim@example.com 주체 78년 그믐날 밤에 강을 건넜다",
        "KAKAO ID: Kim_1990, 인민반 3반, 우편번호 12345, 군번 제 123456호",
    ]
    for rule in load_rules().patterns:
        need = needs(rule.regex)
        for text in texts:
            if rule.regex.search(text):
                assert may_match(need, text), rule.id


def test_needs_all_from_the_cache_file_is_needs_of_each_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    patterns = [rule.regex for rule in load_rules().patterns]
    expected = [[f.pattern for f in needs(p)] for p in patterns]
    built = needs_all(patterns)  # read from the patterns, and written
    assert (tmp_path / "rule-prefilter.json").is_file()
    again = needs_all(patterns)  # read from the file
    assert [[f.pattern for f in n] for n in built] == expected
    assert [[f.pattern for f in n] for n in again] == expected
    assert sum(1 for n in again if n) > len(patterns) // 2  # most rules can be skipped on some text


def test_needs_all_of_other_patterns_does_not_take_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    first = [re.compile("군단"), re.compile("보름|그믐")]
    other = [re.compile("사단"), re.compile("보름|그믐")]
    for patterns in (first, other, first):
        assert _patterns(needs_all(patterns)) == [_patterns(needs(p)) for p in patterns]
    assert _patterns(needs_all(other))[0][0] == "사단"


@pytest.mark.parametrize(
    "stored",
    ['[["x"], []]', "[[[1]], []]", '[[[""]], []]', "[[[]], []]", '[[["a"]], [["b"]], [["c"]]]', "{}"],
)
def test_needs_all_with_a_damaged_file_reads_the_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: str
) -> None:
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    patterns = [re.compile("군단"), re.compile("보름|그믐")]
    assert all(needs_all(patterns))
    path = tmp_path / "rule-prefilter.json"
    key = json.loads(path.read_text(encoding="utf-8"))["key"]
    path.write_text(json.dumps({"key": key, "value": json.loads(stored)}), encoding="utf-8")
    assert _patterns(needs_all(patterns)) == [_patterns(needs(p)) for p in patterns]


def _patterns(items: object) -> list[object]:
    """The finders' regex sources, nested as given."""
    assert isinstance(items, tuple)
    return [x.pattern if isinstance(x, re.Pattern) else _patterns(x) for x in items]


def test_needs_all_without_its_source_file_reads_the_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relay.detect.prefilter as prefilter

    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(prefilter, "__file__", str(tmp_path / "gone.py"))  # as in a bytecode-only install
    patterns = [re.compile("군단"), re.compile("\ud800|보름")]  # a lone surrogate is no reason to fail
    assert _patterns(needs_all(patterns)) == [_patterns(needs(p)) for p in patterns]
    assert not (tmp_path / "rule-prefilter.json").exists()


def test_needs_all_of_a_pattern_with_a_lone_surrogate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    patterns = [re.compile("\ud800가|\ud800나")]  # strings JSON cannot write as UTF-8: nothing is kept
    assert _patterns(needs_all(patterns)) == [_patterns(needs(p)) for p in patterns]
    assert _patterns(needs_all(patterns)) == [_patterns(needs(p)) for p in patterns]
    assert [p.name for p in tmp_path.iterdir()] == []


def test_a_pattern_shared_by_two_rule_sets_is_read_once_in_a_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relay.detect.prefilter as prefilter

    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path))
    parse = prefilter._P.parse
    read: list[str] = []

    def counting(source: str, flags: int = 0) -> object:
        read.append(source)
        return parse(source, flags)

    monkeypatch.setattr(prefilter, "_P", type("Parser", (), {"parse": staticmethod(counting)}))
    shared = "공유(?:된)?규칙[0-9]{2}"  # not a shipped rule: no earlier test has read it
    first = [re.compile(shared), re.compile("첫째규칙")]
    second = [re.compile(shared), re.compile("둘째규칙")]  # another set: the cache file does not match
    assert _patterns(needs_all(first))[0] == _patterns(needs(first[0]))
    assert _patterns(needs_all(second)) == [_patterns(needs(p)) for p in second]
    assert read.count(shared) == 1
    assert read.count("둘째규칙") == 1
