"""End to end: approved items → seal_for_partner → ``relay serve``'s app on loopback → ``relay pull``.

The happy path runs embedded (SQLite + files) and distributed (PostgreSQL + moto S3). The bad inputs
(wrong age key, a flipped byte anywhere, a truncated download, a replayed/expired/revoked token, a
replayed bundle, a signature by another key, a changed signing key) must each end in a clear error with
nothing of the bundle written and nothing acknowledged. A "compromised server" is simulated with real
parts: the object store and the bundle's row are rewritten consistently, so the server serves the bad
bytes in good faith and only the partner's checks stand between them and the items. Damage in transit
is simulated by an ASGI wrapper around the real app.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from bundle.fixtures import add_partner, approved_item, write_identity_file
from sqlalchemy import select, update

from relay.bundle.signature import bundle_comment
from relay.cli import main
from relay.crypto import SigningKey, X25519Identity, sign_file
from relay.db import State, partners, repo
from relay.db.coltypes import utcnow
from relay.db.models import AuditEvent, Bundle
from relay.pullclient import PIN_FILE
from relay.runtime import Runtime
from relay.sealer import seal_for_partner
from relay.signing import signing_public_key
from relay.web import create_app
from web.live import live_server

ITEM_DATA = (b"\x89PNG first redacted letter", b"\x89PNG second redacted letter " * 1000)


@dataclass
class Partner:
    partner_id: str
    token: str
    identity_file: Path
    dest: Path


@dataclass
class World:
    rt: Runtime
    url: str
    tmp: Path
    app: Any

    def partner(self, name: str, *, expires_in: timedelta = timedelta(days=1)) -> Partner:
        identity = X25519Identity.generate()
        partner_id = add_partner(self.rt, [identity], name)
        token = f"tok-{name.replace(' ', '-')}-{os.urandom(16).hex()}"
        with self.rt.sessions.begin() as session:
            partners.issue_token(
                session, partner_id, partners.hash_token(token), utcnow() + expires_in, actor="test"
            )
        home = self.tmp / name.replace(" ", "_")
        home.mkdir()
        (home / "inbox").mkdir()
        return Partner(partner_id, token, write_identity_file(home / "key.txt", [identity]), home / "inbox")

    def seal(self, partner: Partner, *data: bytes) -> tuple[str, list[str]]:
        """Approve items for the partner, seal and stage them; returns the bundle ID and item IDs."""
        item_ids = [approved_item(self.rt, partner.partner_id, d) for d in data]
        staged = seal_for_partner(self.rt, partner.partner_id, actor="test")
        assert len(staged) == 1
        return staged[0].bundle_id, item_ids

    def states(self, item_ids: list[str]) -> set[State]:
        with self.rt.readonly() as session:
            return {repo.get_item(session, i).state for i in item_ids}


@pytest.fixture
def world(bundle_rt: Runtime, tmp_path: Path) -> Iterator[World]:
    app = create_app(bundle_rt)
    with live_server(app) as live:
        yield World(bundle_rt, live.url, tmp_path, app)


def run_pull(
    capsys: pytest.CaptureFixture[str], url: str, partner: Partner, *extra: str, token: str | None = None
) -> tuple[int, str, str]:
    capsys.readouterr()
    token_file = partner.dest.parent / "token"
    token_file.write_text((token if token is not None else partner.token) + "\n")
    status = main(
        [
            "pull",
            "--server",
            url,
            "--token-file",
            str(token_file),
            "--identity",
            str(partner.identity_file),
            "--to",
            str(partner.dest),
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    return status, out, err


def left_behind(dest: Path) -> set[str]:
    """What is in the partner's folder besides the pinned key: must be nothing after a refusal."""
    return {p.name for p in dest.iterdir()} - {PIN_FILE}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def written_items(folder: Path) -> set[str]:
    return {sha(p.read_bytes()) for p in (folder / "items").iterdir()}


def stored(rt: Runtime, key: str) -> bytes:
    buffer = io.BytesIO()
    rt.objects.get(key, buffer)
    return buffer.getvalue()


def serve_instead(rt: Runtime, bundle_id: str, content: bytes, signature: str) -> None:
    """A compromised server: the bundle's row now points at other bytes and another signature."""
    with rt.readonly() as session:
        partner_id = partners.get_bundle(session, bundle_id).partner_id
    key = f"bundles/{partner_id}/{bundle_id}.evil-{os.urandom(4).hex()}.tar.age"
    put = rt.objects.put(key, io.BytesIO(content))
    rt.objects.put(key + ".minisig", io.BytesIO(signature.encode()))
    with rt.sessions.begin() as session:
        session.execute(
            update(Bundle)
            .where(Bundle.id == bundle_id)
            .values(object_key=key, sha256=put.sha256, size=put.size)
        )


def original(rt: Runtime, bundle_id: str) -> tuple[bytes, str]:
    with rt.readonly() as session:
        key = partners.get_bundle(session, bundle_id).object_key
    assert key is not None
    return stored(rt, key), stored(rt, key + ".minisig").decode()


# --- the happy path ----------------------------------------------------------------------------------------


def test_seal_serve_pull_writes_the_items_and_acknowledges(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    assert world.states(item_ids) == {State.STAGED}

    status, out, err = run_pull(capsys, world.url, alice)
    assert status == 0, err
    assert bundle_id in out and "2 item(s)" in out
    folder = alice.dest / bundle_id
    assert written_items(folder) == {sha(d) for d in ITEM_DATA}
    assert (folder / "manifest.json").is_file()
    assert left_behind(alice.dest) == {bundle_id}  # no temporary files left
    assert world.states(item_ids) == {State.DELIVERED}
    # Trust on first use: relay's key is pinned, and said so.
    assert (alice.dest / PIN_FILE).read_text() == signing_public_key(world.rt).to_text()
    assert signing_public_key(world.rt).key_id_hex in err
    assert alice.token not in out + err

    status, out, err = run_pull(capsys, world.url, alice)  # nothing new: nothing to do
    assert status == 0 and "0 bundle(s) pulled, 0 not" in err


def test_a_partner_never_gets_another_partners_bundles(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, bob = world.partner("alice"), world.partner("bob")
    alice_bundle, alice_items = world.seal(alice, ITEM_DATA[0])
    _, bob_items = world.seal(bob, ITEM_DATA[1])

    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 0, err
    assert left_behind(alice.dest) == {alice_bundle}
    assert written_items(alice.dest / alice_bundle) == {sha(ITEM_DATA[0])}
    assert world.states(bob_items) == {State.STAGED}
    assert world.states(alice_items) == {State.DELIVERED}

    # Bob's key with Alice's token still fetches only Alice's (nothing left) and never Bob's.
    status, _, err = run_pull(capsys, world.url, bob, token=alice.token)
    assert status == 0
    assert left_behind(bob.dest) == set()
    assert world.states(bob_items) == {State.STAGED}


def test_an_explicit_signer_key(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    _, item_ids = world.seal(alice, ITEM_DATA[0])
    key_file = alice.dest.parent / "relay.pub"
    key_file.write_text(signing_public_key(world.rt).to_text())
    status, _, err = run_pull(capsys, world.url, alice, "--signer-key", str(key_file))
    assert status == 0, err
    assert not (alice.dest / PIN_FILE).exists()
    assert world.states(item_ids) == {State.DELIVERED}


def test_pull_through_presigned_urls(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """With --presigned, bundles come straight from S3 (distributed); the file store falls back to the
    server (embedded). Either way the same checks run and the items arrive."""
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    status, _, err = run_pull(capsys, world.url, alice, "--presigned")
    assert status == 0, err
    assert written_items(alice.dest / bundle_id) == {sha(d) for d in ITEM_DATA}
    assert world.states(item_ids) == {State.DELIVERED}
    with world.rt.readonly() as session:
        query = select(AuditEvent.action).where(AuditEvent.bundle_id == bundle_id)
        actions = set(session.scalars(query))
    if world.rt.settings.storage.backend == "s3":
        assert "bundle_url_issued" in actions and "bundle_downloaded" not in actions
    else:
        assert "bundle_downloaded" in actions and "bundle_url_issued" not in actions


def test_a_presigned_download_is_checked_like_any_other(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    content, signature = original(world.rt, bundle_id)
    tampered = bytearray(content)
    tampered[len(tampered) // 3] ^= 0x04
    serve_instead(world.rt, bundle_id, bytes(tampered), signature)
    status, _, err = run_pull(capsys, world.url, alice, "--presigned")
    assert_refused(world, alice, item_ids, status, err, "bundle_signature_invalid")


# --- refusals: nothing written, nothing acknowledged ---------------------------------------------------


def assert_refused(
    world: World,
    partner: Partner,
    item_ids: list[str],
    status: int,
    err: str,
    code: str,
    *,
    expected: int = 2,
) -> None:
    assert status == expected, err
    assert f"({code})" in err, err
    assert left_behind(partner.dest) == set()
    assert world.states(item_ids) == {State.STAGED}
    assert partner.token not in err


def test_wrong_age_key(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    _, item_ids = world.seal(alice, *ITEM_DATA)
    write_identity_file(alice.identity_file, [X25519Identity.generate()])
    status, _, err = run_pull(capsys, world.url, alice)
    assert_refused(world, alice, item_ids, status, err, "bundle_not_for_us")


@pytest.mark.parametrize("where", [0, 30, 120, "middle", -17, -1])
def test_a_flipped_byte_anywhere_in_the_bundle(
    world: World, capsys: pytest.CaptureFixture[str], where: int | str
) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    content, signature = original(world.rt, bundle_id)
    at = len(content) // 2 if where == "middle" else int(where)
    tampered = bytearray(content)
    tampered[at] ^= 0x01
    serve_instead(world.rt, bundle_id, bytes(tampered), signature)
    status, _, err = run_pull(capsys, world.url, alice)
    assert_refused(world, alice, item_ids, status, err, "bundle_signature_invalid")


def test_a_truncated_bundle(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    content, signature = original(world.rt, bundle_id)
    serve_instead(world.rt, bundle_id, content[: len(content) - 100], signature)
    status, _, err = run_pull(capsys, world.url, alice)
    assert_refused(world, alice, item_ids, status, err, "bundle_signature_invalid")


def test_a_signature_by_another_key(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    content, _ = original(world.rt, bundle_id)
    with world.rt.readonly() as session:
        created = partners.get_bundle(session, bundle_id).created_at
    path = alice.dest.parent / "copy.age"
    path.write_bytes(content)
    forged = sign_file(path, SigningKey.generate(), bundle_comment(bundle_id, alice.partner_id, created))
    serve_instead(world.rt, bundle_id, content, forged)
    status, _, err = run_pull(capsys, world.url, alice)
    assert_refused(world, alice, item_ids, status, err, "bundle_signature_invalid")


def test_a_replayed_bundle_under_a_new_id(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """An old bundle (delivered already) served again as if it were a new one is refused."""
    alice = world.partner("alice")
    old_bundle, _ = world.seal(alice, ITEM_DATA[0])
    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 0, err
    new_bundle, new_items = world.seal(alice, ITEM_DATA[1])
    serve_instead(world.rt, new_bundle, *original(world.rt, old_bundle))
    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 2, err
    assert "(bundle_signature_invalid)" in err
    assert left_behind(alice.dest) == {old_bundle}
    assert world.states(new_items) == {State.STAGED}


def test_relays_key_changing_after_it_was_pinned(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    _, item_ids = world.seal(alice, ITEM_DATA[0])
    (alice.dest / PIN_FILE).write_text(SigningKey.generate().public_key().to_text())
    status, _, err = run_pull(capsys, world.url, alice)
    assert_refused(world, alice, item_ids, status, err, "signer_key_changed")


def test_a_signer_key_that_is_not_relays(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    alice = world.partner("alice")
    _, item_ids = world.seal(alice, ITEM_DATA[0])
    key_file = alice.dest.parent / "other.pub"
    key_file.write_text(SigningKey.generate().public_key().to_text())
    status, _, err = run_pull(capsys, world.url, alice, "--signer-key", str(key_file))
    assert_refused(world, alice, item_ids, status, err, "bundle_signature_invalid")


@pytest.mark.parametrize("how", ["expired", "revoked", "unknown"])
def test_a_refused_token(world: World, capsys: pytest.CaptureFixture[str], how: str) -> None:
    alice = world.partner(
        "alice", expires_in=timedelta(seconds=-1) if how == "expired" else timedelta(days=1)
    )
    _, item_ids = world.seal(alice, ITEM_DATA[0])
    token = alice.token
    if how == "revoked":  # a token that worked, replayed after its revocation
        assert run_pull(capsys, world.url, alice)[0] == 0
        _, item_ids = world.seal(alice, ITEM_DATA[1])
        with world.rt.sessions.begin() as session:
            assert partners.revoke_token(session, partners.hash_token(token), actor="test")
        for p in alice.dest.iterdir():
            if p.name != PIN_FILE:
                p.rename(alice.dest.parent / p.name)
    if how == "unknown":
        token = "tok-" + os.urandom(24).hex()
    status, _, err = run_pull(capsys, world.url, alice, token=token)
    assert_refused(world, alice, item_ids, status, err, "token_refused")


# --- damage in transit: an ASGI wrapper around the real app ------------------------------------------------


def hostile(app: Any, *, on_content: Callable[[bytes], bytes] | None = None, fail_ack: bool = False) -> Any:
    """The real app, with the bundle bytes rewritten on the way out (``on_content`` gets the whole body
    and returns what is sent, under the original Content-Length) or the ack answered with a 500."""

    async def wrapped(scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if fail_ack and path.endswith("/ack"):
            await send({"type": "http.response.start", "status": 500, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        if on_content is None or not path.endswith("/content"):
            await app(scope, receive, send)
            return
        body = bytearray()

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                capture.start = message  # type: ignore[attr-defined]
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if not message.get("more_body", False):
                    await send(capture.start)  # type: ignore[attr-defined]
                    await send({"type": "http.response.body", "body": on_content(bytes(body))})

        await app(scope, receive, capture)

    return wrapped


def flip_middle(data: bytes) -> bytes:
    out = bytearray(data)
    out[len(out) // 2] ^= 0x80
    return bytes(out)


@pytest.mark.parametrize(
    ("damage", "code", "expected"),
    [
        (flip_middle, "download_mismatch", 2),  # same length, other bytes: the listed SHA-256 catches it
        (lambda data: data[: len(data) // 3], "download_incomplete", 1),  # the connection ends early
    ],
)
def test_damage_in_transit(
    world: World,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[bytes], bytes],
    code: str,
    expected: int,
) -> None:
    alice = world.partner("alice")
    _, item_ids = world.seal(alice, *ITEM_DATA)
    with live_server(hostile(world.app, on_content=damage)) as evil:
        status, _, err = run_pull(capsys, evil.url, alice)
    assert_refused(world, alice, item_ids, status, err, code, expected=expected)
    # The same bundle, undamaged, still arrives: the failure left nothing in the way.
    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 0, err
    assert world.states(item_ids) == {State.DELIVERED}


def test_a_lost_acknowledgement_is_sent_by_the_next_pull(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, *ITEM_DATA)
    with live_server(hostile(world.app, fail_ack=True)) as flaky:
        status, _, err = run_pull(capsys, flaky.url, alice)
    assert status == 1 and "(ack_failed)" in err
    assert written_items(alice.dest / bundle_id) == {sha(d) for d in ITEM_DATA}
    assert world.states(item_ids) == {State.STAGED}

    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 0, err
    assert world.states(item_ids) == {State.DELIVERED}
    assert left_behind(alice.dest) == {bundle_id}
    assert written_items(alice.dest / bundle_id) == {sha(d) for d in ITEM_DATA}


def test_a_folder_in_the_way_is_not_taken_for_the_bundle(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = world.partner("alice")
    bundle_id, item_ids = world.seal(alice, ITEM_DATA[0])
    (alice.dest / bundle_id).mkdir()
    (alice.dest / bundle_id / "manifest.json").write_text("{}")
    status, _, err = run_pull(capsys, world.url, alice)
    assert status == 2 and "(bundle_already_present)" in err
    assert world.states(item_ids) == {State.STAGED}
    assert left_behind(alice.dest) == {bundle_id}


def test_plain_http_to_another_machine_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    identity = write_identity_file(tmp_path / "key.txt", [X25519Identity.generate()])
    (tmp_path / "inbox").mkdir()
    partner = Partner("ptn_" + "a" * 26, "tok-" + "b" * 40, identity, tmp_path / "inbox")
    status, _, err = run_pull(capsys, "http://relay.example.org", partner)
    assert status == 2 and "(bad_server_url)" in err
    assert partner.token not in err
