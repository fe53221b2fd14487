"""relay's one error tree.

::

    RelayError                      anything relay raises on purpose (exit status 1)
    ├── InputRejected               the input is not acceptable (exit status 2); ``code`` is stable
    └── ConfigError                 a settings, rules or gazetteer file is missing or broken

Messages say what failed and what to do. They never quote document content: an exception may end up in a
log, a queue message or a dead-letter store, and none of those may hold a name from a letter.
``code`` values are stable strings, safe to store and to match on.
"""

from __future__ import annotations


class RelayError(Exception):
    """Base of every error relay raises on purpose."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InputRejected(RelayError):
    """The input file (or text) cannot be accepted. The command exits with status 2."""

    code = "input_rejected"


class ConfigError(RelayError):
    """A configuration file (settings, detection rules, gazetteers) is missing or invalid."""

    code = "config_invalid"


# Stable codes for rejected input. Kept in one place so that stored states and tests agree.
EMPTY = "empty_file"
TOO_LARGE = "too_large"
UNSUPPORTED_TYPE = "unsupported_type"
TRUNCATED = "truncated"
CORRUPT = "corrupt"
DECOMPRESSION_BOMB = "decompression_bomb"
TOO_MANY_PIXELS = "too_many_pixels"
TOO_MANY_PAGES = "too_many_pages"
POLYGLOT = "polyglot"
PDF_ACTIVE_CONTENT = "pdf_active_content"
PDF_ENCRYPTED = "pdf_encrypted"
BAD_OUTPUT = "bad_output"
BAD_TEXT = "bad_text"
