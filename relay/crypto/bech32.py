"""Bech32 (BIP 173), the encoding of age's ``age1…`` recipients and ``AGE-SECRET-KEY-1…`` identities.

Only what age needs: encode/decode a human-readable part plus a byte string. age uses the original
Bech32 checksum (not Bech32m) and does not apply BIP 173's 90-character limit, so neither do we.
"""

from __future__ import annotations

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_INDEX = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_CHECKSUM_LEN = 6


class Bech32Error(ValueError):
    """The string is not valid Bech32 (bad character, mixed case, bad checksum or bad padding)."""


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = ((checksum & 0x1FFFFFF) << 5) ^ value
        for i, gen in enumerate(_GENERATOR):
            if (top >> i) & 1:
                checksum ^= gen
    return checksum


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(data: bytes | list[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup a sequence of ``from_bits``-wide values into ``to_bits``-wide ones."""
    acc = 0
    bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & max_value)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & max_value)
    # Decoding must be canonical: leftover bits are at most 4 and all zero, so one string means one key.
    elif bits >= from_bits or (acc << (to_bits - bits)) & max_value:
        raise Bech32Error("non-zero or excess padding bits")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Bech32-encode ``data`` under the human-readable part ``hrp``, in lower case."""
    hrp = hrp.lower()
    values = _regroup(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *values, *([0] * _CHECKSUM_LEN)]) ^ 1
    checksum = [(polymod >> (5 * (_CHECKSUM_LEN - 1 - i))) & 31 for i in range(_CHECKSUM_LEN)]
    return hrp + "1" + "".join(_CHARSET[v] for v in values + checksum)


def decode(text: str) -> tuple[str, bytes]:
    """Decode a Bech32 string into ``(hrp, data)``; the hrp is returned in lower case.

    Raises :class:`Bech32Error` for mixed case, characters outside the alphabet, a bad checksum or
    non-canonical padding. The message never repeats the input (it may be a secret key).
    """
    if text.lower() != text and text.upper() != text:
        raise Bech32Error("mixed case")
    if any(not 33 <= ord(c) <= 126 for c in text):
        raise Bech32Error("character out of range")
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1 or separator + 1 + _CHECKSUM_LEN > len(text):
        raise Bech32Error("missing separator or checksum")
    hrp, rest = text[:separator], text[separator + 1 :]
    try:
        values = [_CHARSET_INDEX[c] for c in rest]
    except KeyError:
        raise Bech32Error("character outside the Bech32 alphabet") from None
    if _polymod([*_hrp_expand(hrp), *values]) != 1:
        raise Bech32Error("bad checksum")
    return hrp, bytes(_regroup(values[:-_CHECKSUM_LEN], 5, 8, pad=False))
