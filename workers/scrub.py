"""Keeping document content out of everything the broker stores and everything the workers log.

An exception raised deep inside a stage may quote what it was working on: a decoder's message, a SQL
statement with its parameters, a chained exception's text. dramatiq copies ``traceback.format_exc()`` into
a retried message's options (so into Redis or RabbitMQ, and into their dead-letter stores) and logs failed
messages with their full traceback. Three layers keep that out:

- :func:`summary` describes an exception by its type names, relay's stable codes and the code locations
  it passed through: never a message, never a local variable.
- :class:`ContentScrubber` (middleware) replaces the ``traceback`` option with that summary before any
  message is encoded for the broker, and refuses to enqueue a message whose arguments are not IDs.
- :func:`install_log_scrubber` replaces the exception info of every log record with the same summary.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Callable
from typing import Any, Final

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware, MiddlewareError

from relay.errors import RelayError

# Option keys dramatiq (or a middleware of ours) fills with text about a failure.
_FAILURE_OPTIONS: Final = ("traceback",)
# Where the summary of the last failure is kept on a message until it is enqueued again.
SUMMARY_OPTION: Final = "relay_error"
REMOVED: Final = "(removed: no failure summary was recorded)"
# What a message may carry as arguments: IDs (relay.db.ids) and nothing else.
_ID_RE: Final = re.compile(r"[a-z]{3}_[a-z2-7]{26}")
_CODE_RE: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")
_MAX_FRAMES: Final = 30
_MAX_CHAIN: Final = 5


class ContentInMessage(MiddlewareError, ValueError):
    """A message was about to carry something other than IDs to the broker; it was not sent.

    A MiddlewareError because dramatiq logs and swallows any other exception raised by a before_enqueue
    hook, and would then send the message anyway.
    """


def code_of(exc: BaseException) -> str | None:
    """relay's stable code of ``exc`` (a RelayError) if it looks like a code; never free text.

    Other libraries' ``code`` attributes (SQLAlchemy's documentation keys, OS error numbers) are not
    relay's codes and are left out.
    """
    code = exc.code if isinstance(exc, RelayError) else None
    return code if isinstance(code, str) and _CODE_RE.fullmatch(code) else None


def _describe(exc: BaseException) -> str:
    code = code_of(exc)
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    return f"{name} (code {code})" if code else name


def summary(exc: BaseException) -> str:
    """A content-free description of ``exc``: types, codes and frames (file, line, function) of its chain.

    Source lines are left out too: they are code, not content, but a frame's line is read from disk and a
    deployment's files are not ours to vouch for.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < _MAX_CHAIN:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__, limit=_MAX_FRAMES)
        where = "; ".join(f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in frames)
        parts.append(f"{_describe(current)} at [{where}]" if where else _describe(current))
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return " <- ".join(parts)


def check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Raise ContentInMessage unless the arguments are IDs only (positional, no keywords)."""
    if kwargs or not all(isinstance(arg, str) and _ID_RE.fullmatch(arg) for arg in args):
        # The value is not repeated: it is exactly what must not travel.
        raise ContentInMessage("queue messages carry IDs only; this one was not sent")


def scrub_options(options: dict[str, Any]) -> None:
    """Replace failure text in a message's options with the recorded summary (in place)."""
    for key in _FAILURE_OPTIONS:
        if key in options:
            options[key] = options.get(SUMMARY_OPTION) or REMOVED


class ContentScrubber(Middleware):
    """Keeps failure text and non-ID arguments out of messages. Put it *after* Retries in the list.

    dramatiq runs ``after_*`` hooks in reverse order, so placed after Retries this one sees a failed
    message first and records the summary; Retries then writes its traceback and re-enqueues, and
    ``before_enqueue`` (which runs before the message is encoded, on every broker) swaps the traceback for
    the summary. ``after_nack`` does the same for the stub broker's in-memory dead letters.
    """

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        if exception is not None:
            message.options[SUMMARY_OPTION] = summary(exception)
            scrub_options(message.options)

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        scrub_options(message.options)

    def before_enqueue(
        self, broker: dramatiq.Broker, message: dramatiq.Message[Any], delay: int | None
    ) -> None:
        check_args(tuple(message.args), dict(message.kwargs))
        scrub_options(message.options)

    def after_nack(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        scrub_options(message.options)


_install_lock = threading.Lock()
_installed = False


def install_log_scrubber() -> None:
    """Make every log record of this process carry a content-free summary instead of its traceback.

    Done through the record factory, so it holds for loggers and handlers configured later (dramatiq's
    command line sets up its own) and for records from any library. Idempotent.
    """
    global _installed
    with _install_lock:
        if _installed:
            return
        previous: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            scrub_record(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed = True


def scrub_record(record: logging.LogRecord) -> None:
    """Replace ``record``'s exception info (and any text cached from it) with :func:`summary`."""
    exc_info = record.exc_info
    if exc_info and exc_info[1] is not None:
        # '%' is doubled so the appended text cannot disturb the record's own %-formatting.
        extra = summary(exc_info[1]).replace("%", "%%")
        record.msg = f"{record.msg} [{extra}]"
    record.exc_info = None
    record.exc_text = None
