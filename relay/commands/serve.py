"""``relay serve``: run relay's HTTP app (today the partner API) with uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Any

from relay.commands import open_runtime

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


def register(subparsers: Any) -> None:
    """Add ``relay serve`` to the ``relay`` command."""
    p = subparsers.add_parser(
        "serve",
        help="serve relay's HTTP API (partners pull sealed bundles from it)",
        description="Serve relay's HTTP app: the partner API under /api/v1/partner (list staged bundles, "
        "download them streamed or through a presigned S3 URL valid for at most 15 minutes, acknowledge "
        "receipt; every request needs a partner token in the Authorization header). It listens on "
        "127.0.0.1 by default; put it behind a TLS-terminating reverse proxy to reach partners, since "
        "tokens must never cross a network in the clear.",
    )
    p.set_defaults(func=cmd_serve)
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})")
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})"
    )


def _is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    """Open the runtime and serve until interrupted."""
    import uvicorn

    from relay.errors import InputRejected
    from relay.web import create_app

    if not 0 < args.port < 65536:
        raise InputRejected("--port must be 1-65535", code="bad_argument")
    if not _is_loopback(args.host):
        print(
            "relay: warning: listening beyond this machine over plain HTTP; put a TLS-terminating proxy "
            "in front, or tokens cross the network in the clear (relay pull refuses plain http anyway)",
            file=sys.stderr,
        )
    from relay.web.config import WebConfig

    with open_runtime(args) as rt:
        web = rt.settings.web
        app = create_app(
            rt,
            WebConfig(
                presign_seconds=web.presign_seconds,
                failed_auth_limit=web.failed_auth_limit,
                failed_auth_window_seconds=web.failed_auth_window_seconds,
                list_limit=web.list_limit,
            ),
        )
        print(f"relay: serving on http://{args.host}:{args.port} (Ctrl-C to stop)", file=sys.stderr)
        # server_header off: no version banner for scanners. Proxy headers are trusted from the
        # loopback address only (uvicorn's default), so a client cannot fake its address to dodge the
        # failed-token lock-out.
        uvicorn.run(app, host=args.host, port=args.port, server_header=False, log_level="info")
    return 0
