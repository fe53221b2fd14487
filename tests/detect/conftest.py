"""Fixtures for relay.detect tests: the real rules (repository config), loaded once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relay.detect import Rules, detect, load_rules
from relay.detect.rules import DEFAULT_CONFIG_DIR
from relay.model import Finding, Kind, Severity


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    """A private copy of the repository's config/ that a test may break."""
    target = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR / "detect", target / "detect")
    shutil.copytree(DEFAULT_CONFIG_DIR / "gazetteers", target / "gazetteers")
    return target


def spans(text: str, rules: Rules, kind: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, severity, covered text) for every finding, optionally of one kind."""
    found: tuple[Finding, ...] = detect(text, rules)
    return [
        (f.kind.value, f.severity.value, text[f.start : f.end]) for f in found if kind in (None, f.kind.value)
    ]


def covered(text: str, detail: str, rules: Rules, kind: str) -> bool:
    """True if every non-space character of ``detail`` (its first occurrence) is inside a finding of
    ``kind``."""
    start = text.index(detail)
    hit: set[int] = set()
    for f in detect(text, rules):
        if f.kind.value == kind:
            hit.update(range(f.start, f.end))
    return all(i in hit for i in range(start, start + len(detail)) if not text[i].isspace())


def covered_as(text: str, detail: str, rules: Rules, *kinds: str) -> bool:
    """True if, for one of ``kinds``, findings of that kind cover every non-space character of
    ``detail`` (its first occurrence): :func:`covered` tried kind by kind, with one detection."""
    start = text.index(detail)
    wanted = [i for i in range(start, start + len(detail)) if not text[i].isspace()]
    hits: dict[str, set[int]] = {kind: set() for kind in kinds}
    for f in detect(text, rules):
        if f.kind.value in hits:
            hits[f.kind.value].update(range(f.start, f.end))
    return any(all(i in hit for i in wanted) for hit in hits.values())


def found(text: str, kind: Kind | None = None, severity: Severity | None = None) -> list[str]:
    """The text of every finding (repository rules), optionally of one kind and one severity."""
    return [
        text[f.start : f.end]
        for f in detect(text)
        if kind in (None, f.kind) and severity in (None, f.severity)
    ]


def one_covers(
    text: str, part: str, kind: Kind | None = None, severity: Severity | None = Severity.REDACT
) -> bool:
    """True if one finding of ``severity`` (any, if None) and ``kind`` (any, if None) covers all of
    ``part`` (its first occurrence in ``text``)."""
    start = text.index(part)
    end = start + len(part)
    return any(
        kind in (None, f.kind) and severity in (None, f.severity) and f.start <= start and end <= f.end
        for f in detect(text)
    )


def covers(text: str, detail: str, *kinds: Kind, share: float = 1.0, last: bool = False) -> bool:
    """True if findings of ``kinds`` (repository rules) together cover ``share`` of the non-space
    characters of ``detail``: its first occurrence in ``text``, or its last one (as the evaluation
    tables count a detail said twice)."""
    start = text.rindex(detail) if last else text.index(detail)
    wanted = {i for i in range(start, start + len(detail)) if not text[i].isspace()}
    hit: set[int] = set()
    for f in detect(text):
        if f.kind in kinds:
            hit.update(range(f.start, f.end))
    return len(wanted & hit) >= share * len(wanted)
