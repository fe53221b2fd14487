"""Lock out client addresses that keep presenting bad tokens.

A token is 32+ random bytes, so guessing one is hopeless anyway; the lock-out keeps a scanner from
filling logs and database with lookups, and makes a leaked-but-revoked token noisy rather than cheap to
retry. State is per process and in memory: several ``relay serve`` processes each count on their own.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

# Bounded so a flood from many addresses cannot grow memory without limit: the oldest are forgotten.
MAX_TRACKED = 10_000


@dataclass
class _Window:
    started: float
    failures: int = 0


@dataclass
class FailureLimiter:
    """Counts failures per key (a client address) in fixed windows. Thread-safe."""

    limit: int
    window_seconds: float
    clock: Callable[[], float] = time.monotonic
    _windows: OrderedDict[str, _Window] = field(default_factory=OrderedDict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def retry_after(self, key: str) -> int | None:
        """Seconds until ``key`` may try again, or None if it is not locked out."""
        with self._lock:
            window = self._current(key)
            if window is None or window.failures < self.limit:
                return None
            return max(1, int(window.started + self.window_seconds - self.clock()) + 1)

    def failed(self, key: str) -> None:
        """Count one failure for ``key``."""
        with self._lock:
            window = self._current(key)
            if window is None:
                window = self._windows[key] = _Window(self.clock())
                while len(self._windows) > MAX_TRACKED:
                    self._windows.popitem(last=False)
            window.failures += 1

    def _current(self, key: str) -> _Window | None:
        window = self._windows.get(key)
        if window is not None and self.clock() - window.started >= self.window_seconds:
            del self._windows[key]
            return None
        return window
