"""``relay pull`` against a server that lies: crafted listings, redirects, oversized answers.

The fake server is a real HTTP server on loopback (a small Starlette app under uvicorn), so the client
is exercised exactly as it is in the field. Whatever the server says, nothing may be written outside the
destination folder, the token may go nowhere but the server named, and nothing is acknowledged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from relay.cli import main
from relay.crypto import SigningKey, X25519Identity
from relay.pullclient import PIN_FILE
from web.live import live_server

TOKEN = "relay_pt_" + "x" * 43
GOOD_ID = "bdl_" + "a" * 26


@dataclass
class Fake:
    """What the fake server answers, and what it saw."""

    listing: object = field(default_factory=lambda: {"bundles": [], "more": False})
    content: bytes = b""
    redirect_to: str | None = None
    presigned: object = None
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)
    key: SigningKey = field(default_factory=SigningKey.generate)

    def app(self) -> Starlette:
        async def any_route(request: Request) -> Response:
            self.seen.append((request.method, request.url.path, request.headers.get("authorization")))
            path = request.url.path
            if self.redirect_to is not None:
                return RedirectResponse(self.redirect_to + path, status_code=307)
            if path.endswith("/signing-key"):
                return PlainTextResponse(self.key.public_key().to_text())
            if path.endswith("/bundles"):
                if isinstance(self.listing, bytes):
                    return Response(self.listing, media_type="application/json")
                return JSONResponse(self.listing)
            if path.endswith("/url"):
                if self.presigned is None:
                    return JSONResponse({"error": {"code": "x", "message": "x"}}, status_code=501)
                return JSONResponse(self.presigned)
            if path.endswith("/content"):
                return Response(self.content, media_type="application/octet-stream")
            return JSONResponse({"error": {"code": "not_found", "message": "not found"}}, status_code=404)

        return Starlette(routes=[Route("/{path:path}", any_route, methods=["GET", "POST"])])


@dataclass
class Partner:
    root: Path
    dest: Path
    identity: Path


@pytest.fixture
def partner(tmp_path: Path) -> Partner:
    dest = tmp_path / "inbox"
    dest.mkdir()
    identity = tmp_path / "key.txt"
    identity.write_text(X25519Identity.generate().to_string() + "\n")
    (tmp_path / "token").write_text(TOKEN)
    return Partner(tmp_path, dest, identity)


@pytest.fixture
def fake() -> Iterator[tuple[Fake, str]]:
    state = Fake()
    with live_server(state.app()) as live:
        yield state, live.url


def pull(partner: Partner, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(
        [
            "pull",
            "--server",
            url,
            "--token-file",
            str(partner.root / "token"),
            "--identity",
            str(partner.identity),
            "--to",
            str(partner.dest),
        ]
    )
    return status, capsys.readouterr().err


def everything_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize(
    "bad_id",
    [
        "../../escape",
        "../" + GOOD_ID,
        GOOD_ID + "/../../escape",
        "/tmp/" + GOOD_ID,
        GOOD_ID + "\n",
        GOOD_ID.upper(),
    ],
)
def test_a_crafted_bundle_id_writes_nothing_anywhere(
    fake: tuple[Fake, str], partner: Partner, capsys: pytest.CaptureFixture[str], bad_id: str
) -> None:
    state, url = fake
    state.listing = {"bundles": [{"id": bad_id, "sha256": "0" * 64, "size": 10}], "more": False}
    before = everything_under(partner.root)
    status, err = pull(partner, url, capsys)
    assert status == 1, err
    assert "(bad_server_response)" in err
    assert everything_under(partner.root) - before == {f"inbox/{PIN_FILE}"}
    assert not any(method == "POST" for method, _, _ in state.seen)  # nothing acknowledged


@pytest.mark.parametrize(
    "listing",
    [
        b"not json",
        b'{"bundles": "many"}',
        b'{"bundles": [{"id": "' + GOOD_ID.encode() + b'", "sha256": "zz", "size": 1}]}',
        b'{"bundles": [{"id": "' + GOOD_ID.encode() + b'", "sha256": "' + b"0" * 64 + b'", "size": -1}]}',
        b'{"bundles": [' + b'{"x": "' + b"y" * 1000 + b'"},' * 10_000 + b"{}]}",  # > 8 MiB
    ],
)
def test_a_malformed_listing_is_refused(
    fake: tuple[Fake, str], partner: Partner, capsys: pytest.CaptureFixture[str], listing: bytes
) -> None:
    state, url = fake
    state.listing = listing
    status, err = pull(partner, url, capsys)
    assert status == 1, err
    assert "(bad_server_response)" in err
    assert {p.name for p in partner.dest.iterdir()} == {PIN_FILE}


def test_more_bytes_than_listed_are_refused_while_streaming(
    fake: tuple[Fake, str], partner: Partner, capsys: pytest.CaptureFixture[str]
) -> None:
    state, url = fake
    state.content = b"A" * 5000
    listed = hashlib.sha256(state.content[:100]).hexdigest()
    state.listing = {"bundles": [{"id": GOOD_ID, "sha256": listed, "size": 100}], "more": False}
    status, err = pull(partner, url, capsys)
    assert status == 2, err
    assert "(download_mismatch)" in err
    assert {p.name for p in partner.dest.iterdir()} == {PIN_FILE}
    assert not any(method == "POST" for method, _, _ in state.seen)


def test_a_redirect_is_not_followed_so_the_token_stays_home(
    partner: Partner, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = Fake()
    redirector = Fake()
    with live_server(elsewhere.app()) as other, live_server(redirector.app()) as live:
        redirector.redirect_to = other.url
        status, err = pull(partner, live.url, capsys)
    assert status == 1, err
    assert "(server_error)" in err
    assert elsewhere.seen == []  # the other server never heard from the client, token or not
    assert redirector.seen[0][2] == f"Bearer {TOKEN}"
    assert TOKEN not in err


def pull_presigned(partner: Partner, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(
        [
            "pull",
            "--server",
            url,
            "--token-file",
            str(partner.root / "token"),
            "--identity",
            str(partner.identity),
            "--to",
            str(partner.dest),
            "--presigned",
        ]
    )
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    ("offer", "code"),
    [
        ({"url": "http://store.example.org/b/k?X-Amz-Signature=x"}, "bad_server_response"),  # plain http
        ({"url": "https://user:pw@store.example.org/b/k"}, "bad_server_response"),
        ({"url": "file:///etc/passwd"}, "bad_server_response"),
        ({"url": "https://store.example.org/b/k", "sha256": "1" * 64}, "download_mismatch"),
        ({"url": "https://store.example.org/b/k", "size": 11}, "download_mismatch"),
        ({"uri": "https://store.example.org/b/k"}, "bad_server_response"),
    ],
)
def test_a_suspicious_presigned_url_is_not_fetched(
    fake: tuple[Fake, str],
    partner: Partner,
    capsys: pytest.CaptureFixture[str],
    offer: dict[str, object],
    code: str,
) -> None:
    state, url = fake
    listed = {"id": GOOD_ID, "sha256": "0" * 64, "size": 10}
    state.listing = {"bundles": [listed], "more": False}
    state.presigned = {"sha256": listed["sha256"], "size": listed["size"], **offer}
    status, err = pull_presigned(partner, url, capsys)
    assert status in (1, 2), err
    assert f"({code})" in err
    assert {p.name for p in partner.dest.iterdir()} == {PIN_FILE}
    assert not any(path.endswith("/ack") for _, path, _ in state.seen)


def test_the_token_is_not_sent_to_a_presigned_url(
    partner: Partner, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Fake()
    server = Fake()
    store.content = b"ciphertext " * 10
    with live_server(store.app()) as store_live, live_server(server.app()) as live:
        listed = {
            "id": GOOD_ID,
            "sha256": hashlib.sha256(store.content).hexdigest(),
            "size": len(store.content),
        }
        server.listing = {"bundles": [listed], "more": False}
        server.presigned = {**listed, "url": f"{store_live.url}/bucket/{GOOD_ID}/content?X-Amz-Signature=x"}
        status, _ = pull_presigned(partner, live.url, capsys)
    # The fake server has no signature for it, so the pull stops there; what matters is who got what.
    assert status != 0
    assert [(m, p) for m, p, _ in store.seen] == [("GET", f"/bucket/{GOOD_ID}/content")]
    assert store.seen[0][2] is None  # no Authorization header went to the object store
    assert {p.name for p in partner.dest.iterdir()} == {PIN_FILE}
