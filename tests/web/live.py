"""A real HTTP server for tests: relay's own loopback server (relay.web.local), re-exported here."""

from relay.web.local import LiveServer, live_server

__all__ = ["LiveServer", "live_server"]
