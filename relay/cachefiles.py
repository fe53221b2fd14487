"""Files that keep what a process derives from installed data, so the next process need not derive it.

A worker process, and every run of ``relay redact``, used to spend over a second reading Kiwi's whole
morpheme table before the first letter. What is derived that way comes from installed packages only,
never from a letter, so it may be kept in a file: under ``$RELAY_CACHE_DIR``, else
``$XDG_CACHE_HOME/relay``, else ``~/.cache/relay``.

A cache file is JSON (reading it runs no code), names what it was derived from (``key``: package
versions and the like) and is used only when that matches exactly. Writing goes to a temporary file
renamed into place, so a reader sees a whole file or none. Any failure to read or write (no home, a
read-only disk, a damaged file) falls back to deriving the value again: a cache makes a process faster,
never different.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# Read here, not by relay.settings: the detector runs without settings (relay detect, relay redact).
# The settings loader knows the name, so that it does not refuse it as an unknown RELAY_* variable.
CACHE_DIR_ENV = "RELAY_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder for cache files (see the module's docstring); None when no home can be found."""
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "relay"
    try:
        return Path.home() / ".cache" / "relay"
    except RuntimeError:  # no home directory for this user
        return None


def cached(
    name: str, key: str, build: Callable[[], T], encode: Callable[[T], object], decode: Callable[[object], T]
) -> T:
    """The value of ``build()``, read from the cache file ``name`` when it was written for ``key``.

    ``encode`` turns the value into JSON-able data and ``decode`` turns that data back (and raises on
    data of the wrong shape: the file is then built again)."""
    folder = cache_dir()
    path = folder / f"{name}.json" if folder is not None else None
    if path is not None:
        try:
            with path.open(encoding="utf-8") as fh:
                stored = json.load(fh)
            if isinstance(stored, dict) and stored.get("key") == key:
                return decode(stored["value"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.info("cache file %s not used (%s); building it again", name, type(exc).__name__)
    value = build()
    if path is not None:
        _write(path, {"key": key, "value": encode(value)})
    return value


def _write(path: Path, data: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, ValueError, TypeError) as exc:  # ValueError: text JSON cannot write as UTF-8
        log.info("cache file %s not written (%s)", path.name, type(exc).__name__)
