"""relay's HTTP app served on this machine's loopback interface, in a thread: for the demo and tests."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

START_TIMEOUT_SECONDS = 30.0


@dataclass
class LiveServer:
    """A running server: ``url`` is its base URL (``http://127.0.0.1:<port>``)."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread


@contextlib.contextmanager
def live_server(app: ASGIApp, *, access_log: bool = True) -> Iterator[LiveServer]:
    """Serve ``app`` on 127.0.0.1 for the duration of the ``with`` block."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # bound here, so no other process can take the port meanwhile
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, lifespan="off", log_config=None, access_log=access_log)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the local HTTP server did not start")
            time.sleep(0.01)
        yield LiveServer(f"http://127.0.0.1:{port}", server, thread)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
