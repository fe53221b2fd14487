"""Tests of relay.store and relay.keys (a package, so that ``tests/`` helpers such as s3server import)."""
