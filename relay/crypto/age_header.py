"""The textual age v1 header: stanzas, the MAC line, strict parsing and canonical writing.

The header is parsed from an untrusted file, so every rule of the format is enforced here rather than
"repaired": LF-only line endings, canonical unpadded base64, 64-column body lines ending in a short
line, arguments of visible ASCII separated by single spaces. A header that breaks a rule is rejected
with :class:`AgeHeaderInvalid` before any key is tried.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from relay.errors import AgeHeaderInvalid, AgeUnsupported

VERSION_LINE = b"age-encryption.org/v1\n"
STANZA_PREFIX = b"-> "
MAC_PREFIX = b"---"
BODY_COLUMNS = 64
MAC_LEN = 32
# A header is a few hundred bytes per recipient. The cap stops a hostile file from making us buffer
# an unbounded "header" (one endless line) in memory; 1 MiB is thousands of recipients.
MAX_HEADER_BYTES = 1 << 20
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"

_B64_RE = re.compile(rb"[A-Za-z0-9+/]*")
_ARG_RE = re.compile(rb"[\x21-\x7e]+")


def b64encode_raw(data: bytes) -> bytes:
    """Standard base64 without ``=`` padding, as age writes it."""
    return base64.b64encode(data).rstrip(b"=")


def b64decode_canonical(text: bytes) -> bytes:
    """Decode unpadded base64, rejecting padding, foreign characters and non-canonical encodings.

    Canonical means the unused low bits of the last character are zero: otherwise two different
    strings would decode to the same bytes, and the header MAC would not pin down the header.
    """
    if len(text) % 4 == 1 or _B64_RE.fullmatch(text) is None:
        raise ValueError("invalid unpadded base64")
    decoded = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    if b64encode_raw(decoded) != text:
        raise ValueError("non-canonical base64")
    return decoded


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: a type, its arguments and a binary body."""

    type: bytes
    args: tuple[bytes, ...]
    body: bytes

    def to_bytes(self) -> bytes:
        """The stanza as it appears in the header, body wrapped at 64 columns, ending in a short line."""
        encoded = b64encode_raw(self.body)
        # A body whose encoding fills whole lines still needs a final (empty) short line.
        lines = [encoded[i : i + BODY_COLUMNS] for i in range(0, len(encoded) + 1, BODY_COLUMNS)]
        return b" ".join((b"->", self.type, *self.args)) + b"\n" + b"".join(line + b"\n" for line in lines)


@dataclass(frozen=True)
class Header:
    """A parsed header. ``mac_input`` is the exact bytes the MAC covers (through ``---``)."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    mac_input: bytes


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    """HMAC-SHA256 over the header, keyed by HKDF(file key, info "header")."""
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=b"header").derive(file_key)
    return hmac.new(mac_key, mac_input, hashlib.sha256).digest()


def serialize_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    """The complete header (version line, stanzas, MAC line) for ``stanzas`` under ``file_key``."""
    mac_input = VERSION_LINE + b"".join(s.to_bytes() for s in stanzas) + MAC_PREFIX
    return mac_input + b" " + b64encode_raw(header_mac(file_key, mac_input)) + b"\n"


class _LineReader:
    """Reads LF-terminated lines from the source, keeping the total under MAX_HEADER_BYTES."""

    def __init__(self, src: BinaryIO) -> None:
        self._src = src
        self.consumed = bytearray()

    def line(self) -> bytes:
        budget = MAX_HEADER_BYTES - len(self.consumed)
        if budget <= 0:
            raise AgeHeaderInvalid("age header is larger than relay accepts (1 MiB)")
        line = self._src.readline(budget)
        self.consumed += line
        if not line.endswith(b"\n"):
            if len(line) == budget:
                raise AgeHeaderInvalid("age header is larger than relay accepts (1 MiB)")
            raise AgeHeaderInvalid("age header is truncated")
        return line[:-1]


def _check_version(reader: _LineReader) -> None:
    first = reader.line()
    if first + b"\n" == VERSION_LINE:
        return
    # Armored files may start with blank lines; look past them only to give the right error.
    while first.strip() == b"" and len(reader.consumed) < 4096:
        first = reader.line()
    if first.strip().startswith(ARMOR_BEGIN):
        raise AgeUnsupported("the file is ASCII-armored age; relay reads binary age files only")
    raise AgeHeaderInvalid("not an age v1 file: the version line is missing or unknown")


def _parse_stanza(reader: _LineReader, line: bytes) -> Stanza:
    words = line[len(STANZA_PREFIX) :].split(b" ")
    if not all(_ARG_RE.fullmatch(word) for word in words):
        raise AgeHeaderInvalid("age stanza has an empty argument or a character outside visible ASCII")
    encoded = bytearray()
    while True:
        body_line = reader.line()
        if len(body_line) > BODY_COLUMNS:
            raise AgeHeaderInvalid("age stanza body line is longer than 64 columns")
        encoded += body_line
        if len(body_line) < BODY_COLUMNS:
            break
    try:
        body = b64decode_canonical(bytes(encoded))
    except ValueError:
        raise AgeHeaderInvalid("age stanza body is not canonical unpadded base64") from None
    return Stanza(type=words[0], args=tuple(words[1:]), body=body)


def read_header(src: BinaryIO) -> Header:
    """Read and strictly parse the header from ``src``, leaving ``src`` at the payload nonce.

    Raises :class:`AgeHeaderInvalid` (or :class:`AgeUnsupported` for armor) on any violation.
    """
    reader = _LineReader(src)
    _check_version(reader)
    stanzas: list[Stanza] = []
    while True:
        line = reader.line()
        if line.startswith(STANZA_PREFIX):
            stanzas.append(_parse_stanza(reader, line))
        elif line.startswith(MAC_PREFIX):
            break
        else:
            raise AgeHeaderInvalid("age header line is neither a stanza nor the MAC line")
    if not stanzas:
        raise AgeHeaderInvalid("age header has no recipient stanza")
    encoded_mac = line[len(MAC_PREFIX) :]
    if not encoded_mac.startswith(b" "):
        raise AgeHeaderInvalid("age header MAC line is malformed")
    try:
        mac = b64decode_canonical(encoded_mac[1:])
    except ValueError:
        raise AgeHeaderInvalid("age header MAC is not canonical unpadded base64") from None
    if len(mac) != MAC_LEN:
        raise AgeHeaderInvalid("age header MAC has the wrong length")
    # The MAC covers the header up to and including "---", not the space and MAC that follow.
    mac_input = bytes(reader.consumed[: len(reader.consumed) - len(line) - 1]) + MAC_PREFIX
    return Header(stanzas=tuple(stanzas), mac=mac, mac_input=mac_input)
