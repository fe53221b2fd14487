"""``relay partners``, ``relay bundle`` and ``relay signing-key`` through the real command line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle.fixtures import approved_item, item_state, open_runtime
from relay.cli import main
from relay.crypto import MinisignPublicKey, X25519Identity
from relay.db import State, partners
from relay.runtime import Runtime
from relay.signing import signing_public_key


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """RELAY_HOME for the commands, created by a first Runtime (as ``relay`` would on first use)."""
    path = tmp_path / "home"
    monkeypatch.setenv("RELAY_HOME", str(path))
    with open_runtime(path):
        pass
    yield path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_partners_add_and_list(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = [str(X25519Identity.generate().recipient()) for _ in range(2)]
    status, out, _ = run(
        capsys, "partners", "add", "Seoul Partner", "--recipient", keys[0], "--recipient", keys[1]
    )
    assert status == 0
    partner_id = out.strip()
    assert partner_id.startswith("ptn_")
    status, out, _ = run(capsys, "partners", "list")
    assert status == 0
    assert out == f"{partner_id}\tSeoul Partner\t{keys[0]},{keys[1]}\ttokens=0\n"


def test_a_bad_recipient_registers_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = str(X25519Identity.generate().recipient())
    status, _, err = run(capsys, "partners", "add", "P", "--recipient", good, "--recipient", "age1notakey")
    assert status == 1 and "crypto_key_invalid" in err
    assert run(capsys, "partners", "list")[1] == ""


def test_a_taken_name_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = str(X25519Identity.generate().recipient())
    assert run(capsys, "partners", "add", "P", "--recipient", key)[0] == 0
    status, _, err = run(capsys, "partners", "add", "P", "--recipient", key)
    assert status == 1 and "name_taken" in err


def test_add_recipient_to_a_partner(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = (str(X25519Identity.generate().recipient()) for _ in range(2))
    run(capsys, "partners", "add", "P", "--recipient", first)
    assert run(capsys, "partners", "add-recipient", "P", "--recipient", second)[0] == 0
    assert f"{first},{second}" in run(capsys, "partners", "list")[1]


def test_tokens_are_printed_once_stored_hashed_and_revocable(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "partners", "add", "P", "--recipient", str(X25519Identity.generate().recipient()))
    status, out, err = run(capsys, "partners", "token", "P", "--days", "30")
    token = out.strip()
    assert status == 0 and token.startswith("relay_pt_") and token not in err
    with open_runtime(home) as rt, rt.readonly() as session:
        assert partners.partner_for_token(session, partners.hash_token(token)) is not None
        assert partners.partner_for_token(session, token) is None  # the token itself is not stored
    assert "tokens=1" in run(capsys, "partners", "list")[1]
    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    assert run(capsys, "partners", "revoke-token", "-")[0] == 0
    with open_runtime(home) as rt, rt.readonly() as session:
        assert partners.partner_for_token(session, partners.hash_token(token)) is None
    assert run(capsys, "partners", "revoke-token", token)[0] == 1


@pytest.mark.parametrize("days", ["0", "-3", "400"])
def test_token_lifetimes_are_bounded(home: Path, capsys: pytest.CaptureFixture[str], days: str) -> None:
    run(capsys, "partners", "add", "P", "--recipient", str(X25519Identity.generate().recipient()))
    assert run(capsys, "partners", "token", "P", "--days", days)[0] == 2


def test_unknown_partners_are_reported(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "partners", "token", "nobody")[0] == 1
    assert run(capsys, "bundle", "ptn_" + "a" * 26)[0] == 1
    assert run(capsys, "bundle")[0] == 2


def test_bundle_seals_and_prints_locations(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "partners", "add", "P", "--recipient", str(X25519Identity.generate().recipient()))
    partner_id = out.strip()
    rt: Runtime
    with open_runtime(home) as rt:
        item = approved_item(rt, partner_id)
    status, out, err = run(capsys, "bundle", "P")
    assert status == 0 and "1 bundle(s) staged" in err
    [line] = out.splitlines()
    assert line.startswith(str(home / "objects" / "bundles" / partner_id / "bdl_")) and line.endswith(
        ".tar.age~obj"
    )
    assert Path(line).is_file()
    with open_runtime(home) as rt:
        assert item_state(rt, item) is State.STAGED
    assert run(capsys, "bundle", "--all") == (0, "", "relay: 0 bundle(s) staged\n")


def test_signing_key_prints_the_public_key(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "signing-key")
    assert status == 0 and out.startswith("untrusted comment: minisign public key ")
    with open_runtime(home) as rt:
        assert MinisignPublicKey.from_text(out) == signing_public_key(rt)
    assert run(capsys, "signing-key")[1] == out
