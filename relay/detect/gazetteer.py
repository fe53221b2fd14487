"""Reading the gazetteers under ``config/gazetteers/``: places, names, kinship, organisations, topics.

The files are TAB-separated UTF-8 with ``#`` comments; extra trailing columns are tolerated so the data
can grow without a code change. A file that is missing, unreadable or has a row without its required
columns is a :class:`~relay.errors.ConfigError` naming the file and line, never a silent skip: a
detector running on half a gazetteer would miss names and nobody would know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from relay.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Place:
    """A place (or landmark) entry: its name, level (or landmark kind), parent and aliases."""

    name: str
    level: str
    parent: str
    aliases: tuple[str, ...]
    source: str  # the file stem it came from, e.g. ``nk_places``
    other_parents: tuple[str, ...] = ()  # places with one name in several parents (남구: 부산, 대구 …)


@dataclass(frozen=True, slots=True)
class NameContext:
    """A word that announces a name before it (``사랑하는``) or follows one (``동무``)."""

    term: str
    position: str  # "before" | "after"
    kind: str


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Everything read from ``config/gazetteers/``, as immutable lookups."""

    places: tuple[Place, ...]
    landmarks: tuple[Place, ...]
    surnames: Mapping[str, int]  # surname or spelling variant -> frequency rank (1 = most common)
    given_syllables: Mapping[str, int]  # syllable -> weight 1..5
    given_names: frozenset[str]
    everyday_names: frozenset[str]  # given names that are also everyday words (영수 "receipt")
    # kind (western, religious, japanese_ko_stem) -> given names from outside Korea written in Hangul
    foreign_given: Mapping[str, frozenset[str]]
    kinship: Mapping[str, str]  # term -> kind
    name_context: tuple[NameContext, ...]
    org_suffixes: Mapping[str, str]  # suffix -> kind
    orgs_named: tuple[tuple[str, str], ...]  # (name, kind)
    military: Mapping[str, str]  # term -> kind
    topics: Mapping[str, str]  # phrase -> category

    def listed_name(self, word: str) -> bool:
        """``word`` is a listed given name, an everyday-word one (하늘, 보람) included."""
        return word in self.given_names or word in self.everyday_names


FILES = (
    "nk_places.tsv",
    "sk_places.tsv",
    "foreign_places.tsv",
    "landmarks.tsv",
    "sk_landmarks.tsv",
    "surnames.tsv",
    "given_name_syllables.tsv",
    "given_names_common.txt",
    "foreign_given_names.tsv",
    "kinship.tsv",
    "name_context.tsv",
    "orgs.tsv",
    "orgs_named.tsv",
    "military.tsv",
    "topics.tsv",
)

# What foreign_given_names.tsv's second column may say (see that file's header).
FOREIGN_GIVEN_KINDS = ("western", "religious", "japanese_ko_stem")


def read_rows(path: Path, min_cols: int) -> list[tuple[int, list[str]]]:
    """Data rows of a TSV file as ``(line_number, fields)``; at least ``min_cols`` non-empty fields."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"gazetteer {path.name} is missing from {path.parent}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"gazetteer {path.name} cannot be read as UTF-8 ({type(exc).__name__})") from None
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(raw.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < min_cols or any(not f for f in fields[:min_cols]):
            # The line number, not the content: error text may reach logs.
            raise ConfigError(
                f"gazetteer {path.name} line {number}: expected {min_cols} tab-separated fields"
            )
        rows.append((number, fields))
    if not rows:
        raise ConfigError(f"gazetteer {path.name} has no entries")
    return rows


def _list(field: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in field.replace("，", ",").split(",") if a.strip())


def _field(fields: list[str], i: int) -> str:
    return fields[i] if len(fields) > i else ""


def _places(path: Path) -> tuple[Place, ...]:
    return tuple(
        Place(f[0], f[1], _field(f, 2), _list(_field(f, 3)), path.stem, _list(_field(f, 4)))
        for _, f in read_rows(path, 2)
    )


def _int(path: Path, number: int, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"gazetteer {path.name} line {number}: expected a whole number") from None


def load_gazetteers(folder: Path) -> Gazetteers:
    """Read every gazetteer file in ``folder``; raises ConfigError if any is missing or malformed."""
    if not folder.is_dir():
        raise ConfigError(f"gazetteer folder {folder} does not exist")
    places = _places(folder / "nk_places.tsv") + _places(folder / "sk_places.tsv")
    places += _places(folder / "foreign_places.tsv")
    landmarks = _places(folder / "landmarks.tsv") + _places(folder / "sk_landmarks.tsv")

    surnames: dict[str, int] = {}
    path = folder / "surnames.tsv"
    for number, f in read_rows(path, 1):
        rank = _int(path, number, f[2]) if len(f) > 2 and f[2] else 1000
        for s in (f[0], *_list(_field(f, 1))):
            surnames[s] = min(rank, surnames.get(s, rank))

    path = folder / "given_name_syllables.tsv"
    syllables: dict[str, int] = {}
    for number, f in read_rows(path, 2):
        weight = _int(path, number, f[1])
        if not 1 <= weight <= 5:
            raise ConfigError(f"gazetteer {path.name} line {number}: weight must be 1..5")
        syllables[f[0]] = weight

    names = read_rows(folder / "given_names_common.txt", 1)
    given = frozenset(f[0] for _, f in names if not _field(f, 1))
    everyday = frozenset(f[0] for _, f in names if _field(f, 1))
    kinship = {f[0]: _field(f, 1) for _, f in read_rows(folder / "kinship.tsv", 1)}

    path = folder / "foreign_given_names.tsv"
    foreign: dict[str, set[str]] = {kind: set() for kind in FOREIGN_GIVEN_KINDS}
    for number, f in read_rows(path, 2):
        if f[1] not in foreign:
            raise ConfigError(
                f"gazetteer {path.name} line {number}: kind must be one of {', '.join(FOREIGN_GIVEN_KINDS)}"
            )
        foreign[f[1]].add(f[0])

    path = folder / "name_context.tsv"
    context: list[NameContext] = []
    for number, f in read_rows(path, 2):
        if f[1] not in ("before", "after"):
            raise ConfigError(f"gazetteer {path.name} line {number}: position must be before or after")
        context.append(NameContext(f[0], f[1], _field(f, 2)))

    return Gazetteers(
        places=places,
        landmarks=landmarks,
        surnames=MappingProxyType(surnames),
        given_syllables=MappingProxyType(syllables),
        given_names=given,
        everyday_names=everyday,
        foreign_given=MappingProxyType({kind: frozenset(names) for kind, names in foreign.items()}),
        kinship=MappingProxyType(kinship),
        name_context=tuple(context),
        org_suffixes=MappingProxyType({f[0]: _field(f, 1) for _, f in read_rows(folder / "orgs.tsv", 1)}),
        orgs_named=tuple((f[0], _field(f, 1)) for _, f in read_rows(folder / "orgs_named.tsv", 1)),
        military=MappingProxyType({f[0]: _field(f, 1) for _, f in read_rows(folder / "military.tsv", 1)}),
        topics=MappingProxyType({f[0]: _field(f, 1) for _, f in read_rows(folder / "topics.tsv", 1)}),
    )
