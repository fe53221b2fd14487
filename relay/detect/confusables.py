"""Syllables OCR confuses: a stroke added or lost turns ㅓ into ㅕ (선 -> 션), ㅢ into ㅣ (희 -> 히),
ㄱ into ㅋ (김 -> 킴). Name evidence that is keyed by syllable (surnames, given-name syllable weights)
is widened with these look-alikes, weaker than the real syllables, so a damaged name still looks like
a name while an everyday word stays vetoed by Kiwi as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_BASE = 0xAC00
_LAST = 0xD7A3
# Medial vowel indexes (ㅏ0 ㅐ1 ㅑ2 ㅒ3 ㅓ4 ㅔ5 ㅕ6 ㅖ7 ㅗ8 ㅛ12 ㅜ13 ㅠ17 ㅡ18 ㅢ19 ㅣ20) that differ by
# one short stroke.
_STROKE_VOWELS = ((0, 2), (1, 3), (4, 6), (5, 7), (8, 12), (13, 17))
_WEAK_VOWELS = ((19, 20),)  # ㅢ read as ㅣ (희 -> 히)
# Initial consonant indexes (ㄱ0 ㄷ3 ㅈ12 ㅊ14 ㅋ15 ㅌ16): one stroke more or less.
_STROKE_INITIALS = ((0, 15),)


def _parts(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - _BASE if len(syllable) == 1 else -1
    if not 0 <= code <= _LAST - _BASE:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _compose(initial: int, medial: int, final: int) -> str:
    return chr(_BASE + initial * 588 + medial * 28 + final)


def _swap(value: int, pairs: Iterable[tuple[int, int]]) -> Iterable[int]:
    for a, b in pairs:
        if value == a:
            yield b
        elif value == b:
            yield a


def look_alikes(syllable: str, *, weak_vowels: bool = False, initials: bool = True) -> set[str]:
    """Syllables one OCR stroke away from ``syllable`` (empty for anything not a Hangul syllable)."""
    parts = _parts(syllable)
    if parts is None:
        return set()
    initial, medial, final = parts
    vowels = _STROKE_VOWELS + (_WEAK_VOWELS if weak_vowels else ())
    out = {_compose(initial, m, final) for m in _swap(medial, vowels)}
    if initials:
        out.update(_compose(i, medial, final) for i in _swap(initial, _STROKE_INITIALS))
    out.discard(syllable)
    return out


def widen_weights(weights: Mapping[str, int]) -> dict[str, int]:
    """``weights`` plus every look-alike of a listed syllable that is not itself listed, one point
    lighter (syllables of weight 1 lend nothing)."""
    out = dict(weights)
    derived: dict[str, int] = {}
    for syllable, weight in weights.items():
        if weight < 2:
            continue
        for alike in look_alikes(syllable, weak_vowels=True):
            if alike not in weights:
                derived[alike] = max(derived.get(alike, 0), weight - 1)
    out.update(derived)
    return out


def widen_surnames(ranks: Mapping[str, int], max_rank: int, rare_rank: int) -> dict[str, int]:
    """``ranks`` plus look-alikes of one-syllable surnames at least as common as ``max_rank``, as
    rare surnames (``rare_rank``): they give a full name its surname but never start a split one."""
    out = dict(ranks)
    for surname, rank in ranks.items():
        if len(surname) != 1 or rank > max_rank:
            continue
        for alike in look_alikes(surname):
            out.setdefault(alike, rare_rank)
    return out


# Broader confusions for telling an OCR-damaged everyday word from a name (요늘 ~ 오늘, 마울 ~ 마을,
# 계철 ~ 계절): vowels that differ by a stroke or a bar, initials that differ by a stroke, and a final
# consonant lost or gained.
_BROAD_VOWELS = (
    (0, 2), (0, 4), (0, 20), (2, 6), (4, 6), (1, 3), (1, 5), (5, 7), (3, 7),
    (8, 12), (8, 13), (13, 17), (13, 18), (8, 18), (12, 17), (19, 20), (18, 20),
)  # fmt: skip
_BROAD_INITIALS = ((0, 15), (3, 16), (3, 5), (7, 17), (7, 6), (12, 14), (11, 18), (9, 12))
_COMMON_FINALS = (0, 4, 8, 16, 21)  # none, ㄴ, ㄹ, ㅁ, ㅇ


def ocr_variants(syllable: str) -> set[str]:
    """Syllables OCR could have turned into ``syllable`` (or the reverse), broadly: one vowel or initial
    confusion, or a common final consonant dropped, added or swapped."""
    parts = _parts(syllable)
    if parts is None:
        return set()
    initial, medial, final = parts
    out = {_compose(initial, m, final) for m in _swap(medial, _BROAD_VOWELS)}
    out.update(_compose(i, medial, final) for i in _swap(initial, _BROAD_INITIALS))
    if final in _COMMON_FINALS:
        out.update(_compose(initial, medial, f) for f in _COMMON_FINALS)
    out.discard(syllable)
    return out
