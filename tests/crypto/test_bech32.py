"""Bech32 as age uses it: BIP 173 checksum vectors, round trips, and every single-character error caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relay.crypto import bech32

# Valid Bech32 strings from BIP 173's test vectors.
VALID = [
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
]
# Invalid ones: no separator, empty hrp, character outside the alphabet, checksum too short,
# checksum computed over the upper-case hrp, mixed case, out-of-range character.
INVALID = ["pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "A1G7SGD8", "10a06t8", "1qzzfhee"]
INVALID += ["A12uEL5L", "de1lg7wt\xff", "a 12uel5l"]


@pytest.mark.parametrize("text", VALID)
def test_bip173_valid(text: str) -> None:
    hrp, data = bech32.decode(text)
    assert hrp == text.lower()[: text.lower().rfind("1")]
    assert bech32.encode(hrp, data) == text.lower()


@pytest.mark.parametrize("text", INVALID)
def test_bip173_invalid(text: str) -> None:
    with pytest.raises(bech32.Bech32Error):
        bech32.decode(text)


@given(st.sampled_from(["age", "age-secret-key-", "x"]), st.binary(max_size=64))
def test_round_trip(hrp: str, data: bytes) -> None:
    encoded = bech32.encode(hrp, data)
    assert bech32.decode(encoded) == (hrp, data)
    assert bech32.decode(encoded.upper()) == (hrp, data)


def test_every_single_character_substitution_is_detected() -> None:
    encoded = bech32.encode("age", bytes(range(32)))
    for position in range(len(encoded)):
        for replacement in "qpzry9x8gf2tvdw0s3jn54khce6mua7l":
            if replacement == encoded[position] or position < 4:
                continue
            mutated = encoded[:position] + replacement + encoded[position + 1 :]
            with pytest.raises(bech32.Bech32Error):
                bech32.decode(mutated)


def test_non_canonical_padding_is_rejected() -> None:
    # 32 bytes use 52 five-bit groups with 4 padding bits; setting one makes a second spelling.
    encoded = bech32.encode("age", bytes(32))
    data_part = encoded[4:-6]
    tweaked = data_part[:-1] + "p"  # 'p' = 1: a non-zero padding bit
    values = [bech32._CHARSET_INDEX[c] for c in tweaked]
    polymod = bech32._polymod([*bech32._hrp_expand("age"), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = "".join(bech32._CHARSET[(polymod >> (5 * (5 - i))) & 31] for i in range(6))
    with pytest.raises(bech32.Bech32Error, match="padding"):
        bech32.decode("age1" + tweaked + checksum)
