"""Kiwi morphological analysis as supporting evidence: proper nouns, unknown words, everyday words.

Kiwi is loaded lazily, once per process, on first use (under a second); nothing happens at import time.
Long texts are analysed in chunks cut at spaces so memory stays bounded on a hostile megabyte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import Any

from relay.cachefiles import cached

_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Morpheme:
    """One Kiwi token: ``[start, end)`` in the analysed text, its form, tag and out-of-vocabulary flag."""

    start: int
    end: int
    form: str
    tag: str
    oov: bool


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi  # imported here: loading the model is the expensive part

    # Without Kiwi's multi-word and typo dictionaries the model loads in a third of the CPU time
    # (0.8 s instead of 2.3 s, a cost every worker process pays at start), and the detector's findings
    # were the same on 3,100 texts (generated sentences and OCR'd pages; 4 differed in a confidence or
    # one review finding): OCR damage is handled by relay's own confusables, not Kiwi's typo model.
    return Kiwi(load_typo_dict=False, load_multi_dict=False)


def _chunks(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK)
        if end < len(text):
            cut = text.rfind(" ", pos + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


# Texts up to this long are remembered (see :func:`_analyse_short`); a page's own text is not.
SHORT_TEXT = 64


def analyse(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's morphemes for ``text`` with offsets into ``text``."""
    if len(text) <= SHORT_TEXT:
        return _analyse_short(text)
    return _analyse(text)


# The detectors ask Kiwi about the same short words and phrases again and again: the same word in every
# reading of a page (each spacing of it is detected anew), in several rules, and on the next page of a
# letter. Kiwi's answer depends only on the text (the model is loaded once and never changed), so it is
# remembered per exact string; the tuple of frozen morphemes is safe to share. Bounded: a few thousand
# distinct words a page, and a worker reads many pages.
@lru_cache(maxsize=1 << 15)
def _analyse_short(text: str) -> tuple[Morpheme, ...]:
    return _analyse(text)


def _analyse(text: str) -> tuple[Morpheme, ...]:
    kiwi = _kiwi()
    out: list[Morpheme] = []
    for base, chunk in _chunks(text):
        if not chunk.strip():
            continue
        for tok in kiwi.tokenize(chunk):
            start = base + int(tok.start)
            out.append(Morpheme(start, start + int(tok.len), str(tok.form), str(tok.tag), bool(tok.oov)))
    return tuple(out)


# Tags of words that take no ending (nouns, pronouns, numerals, adverbs, determiners, interjections):
# Kiwi writes such a morpheme as it stands in the text.
UNINFLECTED = frozenset({"NNG", "NNB", "NP", "NR", "MAG", "MAJ", "MM", "IC"})
_SYLLABLES = re.compile("[가-힣]+")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, frozenset[str]]:
    """The forms of Kiwi's dictionary morphemes with an :data:`UNINFLECTED` tag, and their tags.

    Reading Kiwi's table of some 400,000 morphemes takes over a second, which every worker process and
    every ``relay redact`` paid before its first letter; the result depends on the installed Kiwi and
    model only, so it is kept in a cache file (:mod:`relay.cachefiles`, about 2 MB, read in 0.05 s)."""
    import kiwipiepy
    import kiwipiepy_model

    key = (
        f"kiwipiepy {kiwipiepy.__version__}, model {kiwipiepy_model.__version__}, tags {sorted(UNINFLECTED)}"
    )
    return cached("kiwi-uninflected", key, _read_dictionary, _encode_dictionary, _decode_dictionary)


def _read_dictionary() -> dict[str, frozenset[str]]:
    kiwi = _kiwi()
    found: dict[str, set[str]] = {}
    for i in count():
        try:
            morph = kiwi.morpheme(i)
        except ValueError:  # past the end of the table
            break
        if morph.tag in UNINFLECTED:
            found.setdefault(str(morph.form), set()).add(str(morph.tag))
    return {form: frozenset(tags) for form, tags in found.items()}


def _encode_dictionary(forms: dict[str, frozenset[str]]) -> dict[str, str]:
    return {form: " ".join(sorted(tags)) for form, tags in forms.items()}


def _decode_dictionary(data: object) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise TypeError("not a table of forms")
    shared: dict[str, frozenset[str]] = {}  # a few dozen tag sets, each kept once
    out: dict[str, frozenset[str]] = {}
    for form, joined in data.items():
        if not isinstance(form, str) or not isinstance(joined, str):
            raise TypeError("not a table of forms")
        tags = shared.get(joined)
        if tags is None:
            tags = shared[joined] = frozenset(joined.split(" "))
            if not tags <= UNINFLECTED:
                raise ValueError("unknown tag")
        out[form] = tags
    return out


def may_read_alone_as(word: str, tags: frozenset[str]) -> bool:
    """False only when Kiwi surely does not read ``word`` alone as one morpheme it knows (not out of
    vocabulary) tagged one of ``tags``, without asking Kiwi.

    Such a morpheme of an :data:`UNINFLECTED` tag is a dictionary entry written as the word itself, so
    a word of Hangul syllables not listed with the tag cannot be one (checked on 240,000 words: the
    dictionary's own forms, the evaluation tables' words and their pieces, random syllables). Other
    tags and other words (spaces, Latin letters, jamo) may be; Kiwi is asked as before."""
    if not tags <= UNINFLECTED or _SYLLABLES.fullmatch(word) is None:
        return True
    listed = _dictionary().get(word)
    return listed is not None and not listed.isdisjoint(tags)


@lru_cache(maxsize=4096)
def analyse_cached(text: str) -> tuple[Morpheme, ...]:
    """:func:`analyse` for short stretches read again and again (a word or a phrase that a long letter
    repeats), remembered across calls (longer ones too, unlike :func:`analyse`)."""
    return analyse(text)


def space(text: str) -> str:
    """``text`` with the spaces Kiwi would write between its words added (those it has are kept), line
    by line and in chunks as :func:`analyse` reads it. Only spaces change: a chunk whose other
    characters Kiwi changed (it rewrites some, such as a zero-width space) is kept as it was."""
    kiwi = _kiwi()

    def spaced(chunk: str) -> str:
        out = str(kiwi.space(chunk, reset_whitespace=False))
        return out if "".join(out.split()) == "".join(chunk.split()) and "\n" not in out else chunk

    return "\n".join("".join(spaced(chunk) for _, chunk in _chunks(line)) for line in text.split("\n"))
