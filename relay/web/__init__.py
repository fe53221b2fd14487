"""relay's HTTP app (Starlette, served by uvicorn through ``relay serve``).

Today it carries the partner API (:mod:`relay.web.partner_api`); a later issue grows it into the web
interface for every role. Build it with :func:`relay.web.app.create_app`.
"""

from __future__ import annotations

from relay.web.app import create_app
from relay.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
