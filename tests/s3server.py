"""A real S3 endpoint for tests: moto's server in a subprocess, on 127.0.0.1 and a free port.

``with moto_server() as server:`` starts it, waits until it answers HTTP, and stops it on exit;
``server.url`` is the endpoint and ``server.stop()`` stops it early (to test an S3 outage mid-test).
``s3_test_client(url)`` gives a client with dummy credentials and short, bounded timeouts and retries.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from relay.store.s3 import make_s3_client

_START_TIMEOUT = 30.0
_ATTEMPTS = 3


@dataclass
class MotoServer:
    """A running moto server process."""

    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        """Stop the server (idempotent)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it afterwards)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def moto_server() -> Iterator[MotoServer]:
    """Run moto's S3 server for the duration of the ``with`` block."""
    server = _start()
    try:
        yield server
    finally:
        server.stop()


def _start() -> MotoServer:
    # Another process may grab the free port before moto binds it: then try a new one.
    for _ in range(_ATTEMPTS):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        server = MotoServer(f"http://127.0.0.1:{port}", process)
        if _wait_until_up(server):
            return server
        server.stop()
    raise RuntimeError("moto server did not start")


def _wait_until_up(server: MotoServer) -> bool:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(server.url + "/", timeout=1) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    return False


def s3_test_client(url: str, *, max_attempts: int = 2, timeout: float = 2.0) -> Any:
    """A boto3 S3 client for ``url`` with dummy credentials and short timeouts."""
    return make_s3_client(
        endpoint_url=url,
        region="us-east-1",
        connect_timeout=timeout,
        read_timeout=timeout,
        max_attempts=max_attempts,
        credentials=("testing", "testing"),
    )


def new_bucket(client: Any) -> str:
    """Create a bucket with a fresh name, so tests sharing one server never see each other's objects."""
    name = f"relay-test-{uuid.uuid4().hex[:16]}"
    client.create_bucket(Bucket=name)
    return name
