"""The pipeline's commands as a user runs them: submit, status, retry, users, review."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.conftest import letter_png
from relay.cli import main

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELAY_HOME", str(tmp_path / "home"))
    for name in [n for n in os.environ if n.startswith("RELAY_") and n != "RELAY_HOME"]:
        monkeypatch.delenv(name)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_submit_status_and_review_from_the_command_line(home: Path, capsys: Capture) -> None:
    letter = home / "letter.png"
    letter.write_bytes(letter_png())
    script = home / "not-a-scan.sh"
    script.write_text("#!/bin/sh\n")
    status, out, err = run(capsys, "submit", str(letter), str(script))
    assert status == 2  # one file refused; the other submitted all the same
    [item_id] = out.split()
    assert item_id.startswith("itm_")
    assert "unsupported_type" in err and "not-a-scan.sh" in err

    status, out, _ = run(capsys, "status", "--json")
    assert status == 0
    assert json.loads(out) == {"total": 1, "states": {"received": 1}, "failed": []}
    status, out, _ = run(capsys, "status", item_id, "--json")
    assert json.loads(out)["state"] == "received"

    assert run(capsys, "users", "add", "mina", "--role", "moderator")[0] == 0
    status, out, _ = run(capsys, "review", "list", "--json")
    assert (status, json.loads(out)) == (0, [])
    status, _, err = run(capsys, "review", "approve", item_id, "--as", "mina")
    assert status == 1 and "not_awaiting_review" in err
    status, _, err = run(capsys, "review", "approve", item_id, "--as", "nobody")
    assert status == 1
    status, _, err = run(capsys, "retry", item_id)
    assert status == 1 and "not_failed" in err


def test_a_bad_box_is_refused_before_anything_is_opened(home: Path, capsys: Capture) -> None:
    status, _, err = run(capsys, "review", "redact", "itm_" + "a" * 26, "--as", "mina", "--box", "9,9,1,1")
    assert status == 2 and "bad_box" in err
    assert not (home / "home").exists()
