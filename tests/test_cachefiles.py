"""relay.cachefiles: derived data kept between processes, never trusted beyond its key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from relay import cachefiles
from relay.cachefiles import cache_dir, cached
from relay.detect import morph


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _build(calls: list[int], value: dict[str, int]) -> dict[str, int]:
    calls.append(1)
    return value


def _decode(data: object) -> dict[str, int]:
    if not isinstance(data, dict) or not all(isinstance(v, int) for v in data.values()):
        raise TypeError("wrong shape")
    return dict(data)


def _get(calls: list[int], key: str = "v1", value: dict[str, int] | None = None) -> dict[str, int]:
    return cached("numbers", key, lambda: _build(calls, value or {"a": 1}), lambda v: v, _decode)


def test_value_is_built_once_then_read(home: Path) -> None:
    calls: list[int] = []
    assert _get(calls) == {"a": 1}
    assert _get(calls) == {"a": 1}
    assert len(calls) == 1
    assert json.loads((home / "numbers.json").read_text(encoding="utf-8")) == {"key": "v1", "value": {"a": 1}}
    assert [p.name for p in home.iterdir()] == ["numbers.json"]  # no temporary file left behind


def test_another_key_builds_again_and_replaces_the_file(home: Path) -> None:
    calls: list[int] = []
    _get(calls)
    assert _get(calls, key="v2", value={"b": 2}) == {"b": 2}
    assert len(calls) == 2
    assert _get(calls, key="v2") == {"b": 2}
    assert len(calls) == 2


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\xff\xfe", b"[1, 2]", b'{"key": "v1"}', b'{"key": "v1", "value": {"a": "x"}}'],
)
def test_damaged_file_is_built_again(home: Path, content: bytes) -> None:
    home.mkdir(parents=True)
    (home / "numbers.json").write_bytes(content)
    calls: list[int] = []
    assert _get(calls) == {"a": 1}
    assert len(calls) == 1
    assert json.loads((home / "numbers.json").read_text(encoding="utf-8"))["value"] == {"a": 1}


def test_unwritable_folder_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("RELAY_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    assert _get(calls) == {"a": 1}
    assert _get(calls) == {"a": 1}
    assert len(calls) == 2  # nothing could be kept, so it was built each time


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RELAY_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "relay"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    assert cache_dir() == tmp_path / "h" / ".cache" / "relay"
    monkeypatch.setenv("RELAY_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"


def test_kiwi_dictionary_from_the_cache_is_the_one_kiwi_gives(home: Path) -> None:
    read = morph._read_dictionary()
    morph._dictionary.cache_clear()
    try:
        first = morph._dictionary()  # built, and written
        assert (home / "kiwi-uninflected.json").is_file()
        morph._dictionary.cache_clear()
        second = morph._dictionary()  # read from the file
    finally:
        morph._dictionary.cache_clear()
    assert first == read
    assert second == read
    assert len(read) > 50_000
    assert all(tags <= morph.UNINFLECTED for tags in second.values())


def test_kiwi_dictionary_with_a_foreign_tag_is_built_again(home: Path) -> None:
    morph._dictionary.cache_clear()
    try:
        morph._dictionary()
        path = home / "kiwi-uninflected.json"
        stored = json.loads(path.read_text(encoding="utf-8"))
        stored["value"]["사랑"] = "VV"  # a tag the table never holds
        path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        morph._dictionary.cache_clear()
        assert "VV" not in morph._dictionary()["사랑"]
    finally:
        morph._dictionary.cache_clear()


def test_cache_files_are_private(home: Path) -> None:
    _get([])
    assert (home / "numbers.json").stat().st_mode & 0o077 == 0
    assert os.access(home / "numbers.json", os.R_OK)


def test_module_logs_no_values(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    home.mkdir(parents=True)
    (home / "numbers.json").write_text('{"key": "v1", "value": "김영희"}', encoding="utf-8")
    with caplog.at_level("INFO", logger=cachefiles.__name__):
        _get([])
    assert "김영희" not in caplog.text
    assert "numbers" in caplog.text
