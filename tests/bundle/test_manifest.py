"""manifest.json: what relay writes validates against the schema; what it reads is checked strictly."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from relay.bundle import BundleError, parse_manifest
from relay.bundle.manifest import Manifest, ManifestFile, ManifestItem, media_path, transcript_path
from relay.db.ids import BUNDLE, ITEM, PARTNER, new_id

SCHEMA = json.loads((Path(__file__).parents[2] / "schemas" / "manifest.v1.schema.json").read_text())


def sample(with_transcript: bool = False) -> Manifest:
    item_id = new_id(ITEM)
    media = ManifestFile(
        media_path(item_id, "image/jpeg"), "image/jpeg", 12, hashlib.sha256(b"x").hexdigest()
    )
    transcript = (
        ManifestFile(
            transcript_path(item_id), "text/plain; charset=utf-8", 3, hashlib.sha256(b"y").hexdigest()
        )
        if with_transcript
        else None
    )
    item = ManifestItem(item_id, media, {"person": 2, "phone": 1}, transcript)
    return Manifest(
        new_id(BUNDLE), new_id(PARTNER), datetime(2026, 11, 23, 13, 5, 7, 999, tzinfo=UTC), (item,)
    )


@pytest.mark.parametrize("with_transcript", [False, True])
def test_written_manifests_validate_and_read_back(with_transcript: bool) -> None:
    manifest = sample(with_transcript)
    raw = manifest.to_bytes()
    jsonschema.validate(json.loads(raw), SCHEMA)
    again = parse_manifest(raw)
    assert again.to_bytes() == raw
    assert again.created_at == datetime(2026, 11, 23, 13, 5, 7, tzinfo=UTC)
    assert json.loads(raw)["items"][0]["path"].startswith("items/itm_")


Mutation = Callable[[dict[str, Any]], object]
BAD: dict[str, Mutation] = {
    "unknown top-level field": lambda m: m.update(note="a name"),
    "unknown item field": lambda m: m["items"][0].update(text="a name"),
    "wrong schema": lambda m: m.update(schema="relay.manifest/2"),
    "missing partner": lambda m: m.pop("partner_id"),
    "bad bundle id": lambda m: m.update(bundle_id="bdl_../../x"),
    "item id of another kind": lambda m: m["items"][0].update(item_id=new_id(PARTNER)),
    "no items": lambda m: m.update(items=[]),
    "path outside items": lambda m: m["items"][0].update(path="../evil.jpg"),
    "path of another item": lambda m: m["items"][0].update(path=media_path(new_id(ITEM), "image/jpeg")),
    "path with another extension": lambda m: m["items"][0].update(path=m["items"][0]["path"][:-3] + "png"),
    "unknown media type": lambda m: m["items"][0].update(media_type="application/x-sh"),
    "negative size": lambda m: m["items"][0].update(size=-1),
    "boolean size": lambda m: m["items"][0].update(size=True),
    "size as text": lambda m: m["items"][0].update(size="12"),
    "huge size": lambda m: m["items"][0].update(size=2**60),
    "upper-case sha256": lambda m: m["items"][0].update(sha256="AB" * 32),
    "short sha256": lambda m: m["items"][0].update(sha256="ab"),
    "zero count": lambda m: m["items"][0]["redactions"].update(person=0),
    "odd kind": lambda m: m["items"][0]["redactions"].update({"Person Name": 1}),
    "redactions as a list": lambda m: m["items"][0].update(redactions=["person"]),
    "local time": lambda m: m.update(created_at="2026-11-23T13:05:07+09:00"),
    "impossible date": lambda m: m.update(created_at="2026-02-30T13:05:07Z"),
    "duplicate item": lambda m: m["items"].append(copy.deepcopy(m["items"][0])),
    "transcript elsewhere": lambda m: m["items"][0].update(
        transcript={
            "path": "items/x.txt",
            "media_type": "text/plain; charset=utf-8",
            "size": 1,
            "sha256": "ab" * 32,
        }
    ),
    "transcript of another type": lambda m: m["items"][0].update(
        transcript={
            "path": transcript_path(m["items"][0]["item_id"]),
            "media_type": "image/png",
            "size": 1,
            "sha256": "ab" * 32,
        }
    ),
}


@pytest.mark.parametrize("defect", BAD)
def test_malformed_manifests_are_refused_by_the_reader_and_the_schema(defect: str) -> None:
    data = sample().to_json()
    BAD[defect](data)
    raw = json.dumps(data).encode()
    with pytest.raises(BundleError) as caught:
        parse_manifest(raw)
    assert caught.value.code == "bundle_manifest_invalid"
    # The schema says the same, except for the checks only code can make: a path must be the one
    # derived from its own item ID and media type, dates must exist, items must be distinct.
    if defect not in (
        "path of another item",
        "path with another extension",
        "impossible date",
        "duplicate item",
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, SCHEMA)


def test_errors_never_echo_the_manifest() -> None:
    data = sample().to_json()
    data["items"][0]["redactions"]["김철수"] = 1
    with pytest.raises(BundleError) as caught:
        parse_manifest(json.dumps(data, ensure_ascii=False).encode())
    assert "김철수" not in str(caught.value)


def test_an_oversized_manifest_is_refused_unread() -> None:
    with pytest.raises(BundleError):
        parse_manifest(b" " * (9 << 20))
