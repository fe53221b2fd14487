"""``relay serve`` as a real process: it starts the app on the address given and answers the API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from s3server import free_port

from web.conftest import add_partner, open_runtime, put_bundle

_START_TIMEOUT = 60.0


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def served(home: Path) -> Iterator[str]:
    """``relay serve`` on a free loopback port, over an embedded RELAY_HOME."""
    env = {**os.environ, "RELAY_HOME": str(home)}
    env.pop("RELAY_CONFIG", None)
    for _ in range(3):  # another process may take the free port first: then try another
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "relay.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            if _wait_until_up(process, url):
                yield url
                return
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)
    raise RuntimeError("relay serve did not start")


def _wait_until_up(process: subprocess.Popen[bytes], url: str) -> bool:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            httpx.get(url + "/", timeout=1)
            return True
        except httpx.TransportError:
            time.sleep(0.05)
    return False


def test_relay_serve_answers_the_partner_api(served: str, home: Path) -> None:
    with open_runtime(home) as rt:  # the same embedded home the server opened
        alice = add_partner(rt, "Alice Org")
        bundle = put_bundle(rt, alice.partner_id)
    listing = httpx.get(f"{served}/api/v1/partner/bundles", headers=alice.headers, timeout=30)
    assert listing.status_code == 200
    assert [b["id"] for b in listing.json()["bundles"]] == [bundle.bundle_id]
    content = httpx.get(
        f"{served}/api/v1/partner/bundles/{bundle.bundle_id}/content", headers=alice.headers, timeout=30
    )
    assert content.content == bundle.content
    assert "server" not in content.headers  # no version banner
    assert httpx.get(f"{served}/api/v1/partner/bundles", timeout=30).status_code == 401


def test_relay_serve_refuses_a_bad_port(tmp_path: Path) -> None:
    env = {**os.environ, "RELAY_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", "serve", "--port", "70000"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--port" in done.stderr
