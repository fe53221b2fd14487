"""Word lists the detectors match are data in ``config/detect/rules.toml``: changing the config changes
what is found, and a malformed list stops loading."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from relay.detect import Rules, detect, load_rules
from relay.errors import ConfigError


def _with(rules: Rules, section: str, **update: Any) -> Rules:
    """``rules`` with fields of one config section replaced (gazetteers and lexicon shared)."""
    changed = getattr(rules.config, section).model_copy(update=update)
    return replace(rules, config=rules.config.model_copy(update={section: changed}))


def _found(text: str, rules: Rules, rule: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text, rules) if f.rule == rule]


def test_an_added_ngo_cue_finds_a_new_name(rules: Rules) -> None:
    text = "통일울타리라는 모임에서 편지를 보내 주었다"
    assert _found(text, rules, "org.ngo") == []
    more = _with(rules, "orgs", ngo_cues=(*rules.config.orgs.ngo_cues, "라는 모임"))
    assert _found(text, more, "org.ngo") == ["통일울타리"]


def test_an_added_filler_joins_a_town_to_its_village(rules: Rules) -> None:
    text = "우리가 나선 뭐 원정리 다리에서 놀았다"
    assert _found(text, rules, "place.town_before_village") == []
    more = _with(rules, "places", village_fillers=rules.config.places.village_fillers | {"뭐"})
    assert _found(text, more, "place.town_before_village") == ["나선"]


def test_landmark_endings_come_from_the_config(rules: Rules) -> None:
    text = "두먼강에서 놀았다"  # a near miss of 두만강 that keeps the class noun 강 at its end

    def places(r: Rules) -> list[str]:
        return [text[f.start : f.end] for f in detect(text, r) if f.rule.startswith("place.fuzzy.")]

    assert places(rules) == ["두먼강"]
    ends = tuple(e for e in rules.config.places.landmark_ends if e != "강")
    assert places(_with(rules, "places", landmark_ends=ends)) == []


def test_spoken_place_values_come_from_the_numbers_config(rules: Rules) -> None:
    text = "오빠는 칠샙사 군단에 있었다"
    assert _found(text, rules, "unit.damaged_spoken") == ["칠샙사 군단"]
    places = {k: v for k, v in rules.config.numbers.spoken_places.items() if k != "십"}
    assert _found(text, _with(rules, "numbers", spoken_places=places), "unit.damaged_spoken") == []


def _set(config: Path, key: str, value: str) -> None:
    """Replace the value of the one line ``key = ...`` (a one-line list) in the copied rules.toml."""
    path = config / "detect" / "rules.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(f"{key} = ")]
    assert len(hits) == 1 and lines[hits[0]].rstrip().endswith("]")
    lines[hits[0]] = f"{key} = {value}\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_an_edited_list_loads(config: Path) -> None:
    _set(config, "channels", '["적십자", "유엔"]')
    assert load_rules(config).config.orgs.channels == ("적십자", "유엔")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("channels", "3"),
        ("landmark_ends", '"강"'),
        ("village_fillers", "[1, 2]"),
        ("form_not_names", "{ a = 1 }"),
        ("damaged_unit_ends", '["단대"]'),
        ("damaged_unit_tails", "true"),
        ("glued_suffix_particles", "0.5"),
    ],
)
def test_a_malformed_list_fails_closed(config: Path, key: str, value: str) -> None:
    _set(config, key, value)
    with pytest.raises(ConfigError):
        load_rules(config)


def test_a_missing_list_fails_closed(config: Path) -> None:
    path = config / "detect" / "rules.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "".join(line for line in text.splitlines(keepends=True) if not line.startswith("word_suffixes = ")),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError):
        load_rules(config)


def test_digit_look_alikes_come_from_the_config_in_turn(rules: Rules) -> None:
    # The number view's regexes are built once per configuration: each configuration, used in turn,
    # must get its own, never the one built for the other.
    text = "제lO8기계화사단에서 복무했다"
    alikes = rules.config.numbers.ocr_digits
    fewer = _with(rules, "numbers", ocr_digits={k: v for k, v in alikes.items() if k not in "lO"})
    for _ in range(2):
        assert _found(text, rules, "unit.numbered") == ["제lO8기계화사단"]
        assert _found(text, fewer, "unit.numbered") == ["8기계화사단"]
