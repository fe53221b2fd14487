"""The word lists and templates behind the sample corpus, loaded once from ``relay/samples/data/``.

They are relay's *own* lists, independent of the detector's gazetteers in ``config/``: a benchmark built
from the detector's lists would only measure whether the detector remembers them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Names:
    """Name parts: surnames as spelt in the North and the South, given-name syllables, kin terms."""

    surnames_north: tuple[str, ...]
    surnames_south: tuple[str, ...]
    surnames_double: tuple[str, ...]
    given_first_male: tuple[str, ...]
    given_second_male: tuple[str, ...]
    given_first_female: tuple[str, ...]
    given_second_female: tuple[str, ...]
    given_native: tuple[str, ...]
    kin_before: tuple[str, ...]
    kin_after: tuple[str, ...]


@dataclass(frozen=True)
class Places:
    """North Korean divisions (province → cities/counties), South Korean cities, landmarks, name parts."""

    north_provinces: tuple[tuple[str, tuple[str, ...]], ...]
    city_districts: tuple[tuple[str, tuple[str, ...]], ...]
    village_first: tuple[str, ...]
    village_second: tuple[str, ...]
    village_suffix: tuple[str, ...]
    streets: tuple[str, ...]
    south_cities: tuple[tuple[str, tuple[str, ...]], ...]
    road_first: tuple[str, ...]
    road_suffix: tuple[str, ...]
    apartments: tuple[str, ...]
    landmarks_north: tuple[str, ...]
    landmarks_south: tuple[str, ...]
    abroad: tuple[str, ...]


@dataclass(frozen=True)
class Orgs:
    """Schools, workplaces and units, North and South."""

    school_suffix: tuple[str, ...]
    work_suffix: tuple[str, ...]
    colleges: tuple[str, ...]
    named_north: tuple[str, ...]
    universities: tuple[str, ...]
    companies: tuple[str, ...]
    company_stem: tuple[str, ...]
    company_suffix: tuple[str, ...]
    named_units: tuple[str, ...]
    army_corps: tuple[int, ...]


def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as f:
        return tomllib.load(f)


def _strs(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _pairs(table: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    items = table.items() if isinstance(table, dict) else table
    return tuple((str(k), _strs(v)) for k, v in items)


@cache
def names() -> Names:
    """Name parts from ``data/names.toml``."""
    d = _load("names.toml")
    return Names(**{key: _strs(d[key]) for key in Names.__dataclass_fields__})


@cache
def places() -> Places:
    """Places from ``data/places.toml``."""
    d = _load("places.toml")
    north, south = d["north"], d["south"]
    return Places(
        north_provinces=_pairs(north["provinces"]),
        city_districts=_pairs(north["city_districts"]),
        village_first=_strs(north["parts"]["first"]),
        village_second=_strs(north["parts"]["second"]),
        village_suffix=_strs(north["parts"]["village_suffix"]),
        streets=_strs(north["parts"]["streets"]),
        south_cities=_pairs(south["cities"]),
        road_first=_strs(south["road_first"]),
        road_suffix=_strs(south["road_suffix"]),
        apartments=_strs(south["apartments"]),
        landmarks_north=_strs(d["landmarks"]["north"]),
        landmarks_south=_strs(d["landmarks"]["south"]),
        abroad=_strs(d["landmarks"]["abroad"]),
    )


@cache
def orgs() -> Orgs:
    """Organisations and units from ``data/orgs.toml``."""
    d = _load("orgs.toml")
    north, south, units = d["north"], d["south"], d["units"]
    return Orgs(
        school_suffix=_strs(north["school_suffix"]),
        work_suffix=_strs(north["work_suffix"]),
        colleges=_strs(north["colleges"]),
        named_north=_strs(north["named"]),
        universities=_strs(south["universities"]),
        companies=_strs(south["companies"]),
        company_stem=_strs(south["company_stem"]),
        company_suffix=_strs(south["company_suffix"]),
        named_units=_strs(units["named"]),
        army_corps=tuple(int(v) for v in units["army_corps"]),
    )


@cache
def templates() -> dict[str, tuple[str, ...]]:
    """Letter templates by section (``data/letter.toml``) plus benign sentences (``data/benign.toml``)."""
    out = {section: _strs(lines) for section, lines in _load("letter.toml").items()}
    out["benign"] = _strs(_load("benign.toml")["sentences"])
    return out
