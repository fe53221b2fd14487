"""`relay demo`: sample letters through the whole embedded pipeline to the partner's folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from relay.demo import run_demo
from relay.errors import InputRejected


def test_the_demo_delivers_every_letter_redacted_and_keeps_nothing_in_the_clear(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    stream = io.StringIO()
    report = run_demo(out, count=1, seed=3, stream=stream)
    assert report.submitted == 2
    assert report.failed == 0
    assert report.delivered == 2
    assert report.bundles == 1
    manifests = list((out / "delivered").glob("*/manifest.json"))
    assert len(manifests) == 1
    manifest = json.loads(manifests[0].read_text())
    assert len(manifest["items"]) == 2
    for item in manifest["items"]:
        assert sum(item["redactions"].values()) > 0  # every sample letter has details to remove
    delivered_pngs = list((out / "delivered").rglob("*.png"))
    assert len(delivered_pngs) == 2
    # relay's own data holds no image and no letter text in the clear.
    for path in (out / "relay-data").rglob("*"):
        if path.is_file() and not path.name.startswith("relay.db"):
            data = path.read_bytes()
            # PNG's whole 8-byte signature: its first four bytes turn up in ciphertext now and then.
            assert b"\x89PNG\r\n\x1a\n" not in data and b"manifest" not in data, path.name
    text = stream.getvalue()
    assert "2 delivered" in text and str(out / "delivered") in text

    # A second run replaces the first demo's folder.
    again = run_demo(out, count=1, seed=4, stream=io.StringIO())
    assert again.delivered == 2


def test_the_demo_will_not_empty_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(InputRejected):
        run_demo(tmp_path, count=1, seed=3, stream=io.StringIO())
    assert (tmp_path / "precious.txt").read_text() == "keep me"
