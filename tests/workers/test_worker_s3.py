"""The object store failing under the pipeline: S3 answering errors, then not answering at all.

A real S3 endpoint (moto's server) sits behind a small HTTP proxy the test switches between passing
requests on, answering 503 to everything, and holding requests past the client's read timeout. The
pipeline runs embedded with the real stages. While the store fails, each attempt is counted and the item
is parked with the store's stable code, visible and retryable; once it works again a retry finishes the
item, with every forward transition made once.
"""

from __future__ import annotations

import http.client
import io
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from db.fixtures import Database
from s3server import moto_server, new_bucket, s3_test_client
from sqlalchemy import select
from workers_support import FULL_PATH, make_runtime, runtime_env, transitions_of

from relay.db import audit
from relay.db.models import AuditEvent
from relay.db.repo import get_item
from relay.db.states import State
from relay.db.transitions import retry
from relay.errors import STORAGE_UNAVAILABLE
from relay.jobs import submit
from relay.samples.corpus import render_sample
from workers.broker import BrokerOptions
from workers.embedded import run

FAST = BrokerOptions(min_backoff_ms=20, max_backoff_ms=100)


class FaultProxy(BaseHTTPRequestHandler):
    mode: ClassVar[str] = "pass"  # "pass", "error" or "hang"
    upstream: ClassVar[str] = ""
    hang_seconds: ClassVar[float] = 3.0

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if self.mode == "error":
            payload = b"<Error><Code>ServiceUnavailable</Code><Message>down</Message></Error>"
            self.send_response(503)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        if self.mode == "hang":
            time.sleep(self.hang_seconds)  # past the client's read timeout
            self.close_connection = True
            return
        target = urlsplit(self.upstream)
        connection = http.client.HTTPConnection(target.hostname or "", target.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        connection.close()

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _handle

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[tuple[str, str]]:
    """(moto's URL, the proxy's URL)."""
    with moto_server() as server:
        FaultProxy.upstream = server.url
        FaultProxy.mode = "pass"
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), FaultProxy)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        host, port = httpd.server_address[:2]
        try:
            yield server.url, f"http://{host!s}:{port}"
        finally:
            FaultProxy.mode = "pass"
            httpd.shutdown()
            httpd.server_close()


def _letter() -> bytes:
    out = io.BytesIO()
    render_sample(1, 5, "printed").image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.slow
def test_store_errors_and_timeouts_park_the_item_retryable_and_lose_nothing(
    pg_db: Database, tmp_path: Path, proxy: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = pg_db  # the store is what fails here; one database is enough
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    moto_url, proxy_url = proxy
    bucket = new_bucket(s3_test_client(moto_url))
    env = runtime_env(
        db,
        tmp_path,
        RELAY_STORAGE_URL=f"s3://{bucket}/relay",
        RELAY_S3_ENDPOINT_URL=proxy_url,
        RELAY_S3_REGION="us-east-1",
        RELAY_STORAGE__CONNECT_TIMEOUT_SECONDS="1",
        RELAY_STORAGE__READ_TIMEOUT_SECONDS="1",
        RELAY_STORAGE__MAX_ATTEMPTS="1",
        RELAY_PIPELINE__MAX_ATTEMPTS="2",
    )
    rt = make_runtime(env)
    try:
        item_id = submit(rt, _letter(), actor="usr_test")
        for mode in ("error", "hang"):
            FaultProxy.mode = mode
            summary = run(rt, until_idle=True, workers=2, options=FAST)
            assert summary.idle
            with rt.readonly() as session:
                item = get_item(session, item_id)
                assert (item.state, item.failed_from, item.last_error_code) == (
                    State.FAILED,
                    State.RECEIVED,
                    STORAGE_UNAVAILABLE,
                )
            FaultProxy.mode = "pass"
            with rt.sessions.begin() as session:
                retry(session, item_id, actor="usr_test", enqueue=False)
        summary = run(rt, until_idle=True, workers=2, options=FAST)
        assert summary.counts == {State.AWAITING_REVIEW: 1}
        forward = [t for t in transitions_of(rt, item_id) if State.FAILED not in t]
        assert forward == FULL_PATH
        with rt.readonly() as session:
            codes = list(
                session.scalars(
                    select(AuditEvent.code).where(
                        AuditEvent.item_id == item_id, AuditEvent.action == audit.ATTEMPT_FAILED
                    )
                )
            )
        assert codes == [STORAGE_UNAVAILABLE] * 4  # two attempts in each outage, each counted once
    finally:
        rt.close()
