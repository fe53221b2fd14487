"""Loading rules and gazetteers: cached default, frozen result, and failing closed on broken files."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from relay.detect import Rules, load_rules
from relay.errors import ConfigError


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_default_is_loaded_once(rules: Rules) -> None:
    assert load_rules() is rules


def test_rules_are_frozen(rules: Rules) -> None:
    with pytest.raises(FrozenInstanceError):
        rules.patterns = ()  # type: ignore[misc]


def test_a_copy_loads(config: Path) -> None:
    loaded = load_rules(config)
    assert loaded.patterns and loaded.lexicon.exact


BROKEN = [
    ("detect/rules.toml", "redact_min = 0.75", "redact_min = 'high'"),
    ("detect/rules.toml", "[severity]", "[severity]\nunknown_key = 1"),
    ("detect/rules.toml", "schema = 1", "schema = 2"),
    ("detect/rules.toml", "regex = '(?<!\\d)((?:19|20)?\\d{2}) ?년", "regex = '((unclosed"),
    ("detect/rules.toml", "review_min = 0.45", "review_min = 0.95"),
    ("detect/rules.toml", '[[pattern]]\nid = "date.ymd"', '[[pattern]]\nid = "date.ymd"\nbogus = 1'),
    ("gazetteers/given_name_syllables.tsv", "\t5\n", "\tfive\n"),
    ("gazetteers/name_context.tsv", "\tafter\t", "\tbeside\t"),
    ("detect/foreign_names.toml", "latin_given = [", "latin_given = 5\nunused = ["),
    ("detect/foreign_names.toml", "latin_given = [", 'latin_given = [["x"],'),
    ("detect/foreign_names.toml", "latin_given = [", 'latin_given = ["",'),
    ("detect/foreign_names.toml", "latin_given = [", "not_latin_given = ["),
]


@pytest.mark.parametrize(("name", "old", "new"), BROKEN)
def test_broken_files_fail_closed(config: Path, name: str, old: str, new: str) -> None:
    _edit(config / name, old, new)
    with pytest.raises(ConfigError):
        load_rules(config)


@pytest.mark.parametrize(
    "name",
    ["detect/rules.toml", "detect/foreign_names.toml", "gazetteers/nk_places.tsv", "gazetteers/topics.tsv"],
)
def test_missing_files_fail_closed(config: Path, name: str) -> None:
    (config / name).unlink()
    with pytest.raises(ConfigError):
        load_rules(config)


def test_a_row_without_its_columns_fails_with_the_line_number(config: Path) -> None:
    path = config / "gazetteers" / "nk_places.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "외톨이\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nk_places\.tsv line \d+") as err:
        load_rules(config)
    assert "외톨이" not in str(err.value)  # error text never quotes data


def test_undecodable_gazetteer_fails(config: Path) -> None:
    (config / "gazetteers" / "kinship.tsv").write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(ConfigError):
        load_rules(config)


def test_missing_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_rules(tmp_path / "nowhere")


def test_extra_trailing_columns_are_tolerated(config: Path) -> None:
    path = config / "gazetteers" / "kinship.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "외삼촌댁\tuncle\textra\tmore\n", encoding="utf-8")
    assert "외삼촌댁" in load_rules(config).gazetteers.kinship


def test_foreign_names_come_from_the_copy_loaded(config: Path) -> None:
    # Lists are read from the config folder given, not from the repository's: an operator's copy counts.
    assert "Whitaker" not in load_rules(config).foreign_names["latin_given"]
    _edit(config / "detect/foreign_names.toml", "latin_given = [", 'latin_given = ["Whitaker", ')
    assert "Whitaker" in load_rules(config).foreign_names["latin_given"]
