"""Word-level helpers shared by the detectors: particle stripping and Kiwi's evidence about a span."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.morph import Morpheme
from relay.detect.normalize import is_hangul
from relay.detect.rules import Rules

_S_BASE = 0xAC00
# Verbs, adjectives, copulas, endings, adverbs, determiners, interjections: nothing a name is made of.
_PREDICATE_TAGS = (
    "VV",
    "VA",
    "VX",
    "VCP",
    "VCN",
    "XSV",
    "XSA",
    "EP",
    "EF",
    "EC",
    "ETM",
    "ETN",
    "MAG",
    "MAJ",
    "IC",
)


class TermSet:
    """Words looked up as prefixes or suffixes of a text: one set probe per distinct length instead of
    a loop over hundreds of cue words (the detector's hot path)."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(t for t in terms if t)
        self.lengths = tuple(sorted({len(t) for t in self.terms}, reverse=True))
        # The same words are probed again and again (every reading of a page asks about its words):
        # the answers are remembered per word, up to _MEMO words each way.
        self._suffixes: dict[str, tuple[str, ...]] = {}
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def __contains__(self, text: object) -> bool:
        return text in self.terms

    def suffixes(self, text: str) -> Iterator[str]:
        """Terms that ``text`` ends with, longest first."""
        found = self._suffixes.get(text)
        if found is None:
            found = tuple([text[-n:] for n in self.lengths if n <= len(text) and text[-n:] in self.terms])
            _remember(self._suffixes, text, found)
        return iter(found)

    def prefixes(self, text: str) -> Iterator[str]:
        """Terms that ``text`` starts with, longest first."""
        found = self._prefixes.get(text)
        if found is None:
            found = tuple([text[:n] for n in self.lengths if n <= len(text) and text[:n] in self.terms])
            _remember(self._prefixes, text, found)
        return iter(found)


_MEMO = 1 << 15


def _remember(memo: dict[str, tuple[str, ...]], text: str, found: tuple[str, ...]) -> None:
    if len(memo) >= _MEMO:
        memo.clear()  # a hostile text of endless distinct words must not grow it without bound
    memo[text] = found


class SpanIndex:
    """Short spans, looked up by position without scanning them all (a megabyte has thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._ends: dict[int, int] = {}
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self._ends[start] = max(end, self._ends.get(start, end))
        self._longest = max(self._longest, end - start)

    def covers(self, start: int, end: int) -> bool:
        """True if one span contains ``[start, end)``."""
        return any(self._ends.get(s, -1) >= end for s in range(start - self._longest, start + 1))

    def overlaps(self, start: int, end: int) -> bool:
        """True if a span overlaps ``[start, end)``."""
        return any(self._ends.get(s, -1) > start for s in range(start - self._longest, end))


class Evidence(Enum):
    """What Kiwi says about a span of the spaced text."""

    PROPER = "proper"  # a proper noun (NNP) starts exactly there
    UNKNOWN = "unknown"  # out of vocabulary
    FRAGMENT = "fragment"  # broken into single syllables: Kiwi did not recognise a word
    COMMON = "common"  # an everyday word, exactly
    INSIDE = "inside"  # part of a longer everyday word
    PREDICATE = "predicate"  # contains a verb, adjective or ending: not a noun at all
    OTHER = "other"  # several known morphemes (a word plus endings)


@lru_cache(maxsize=8)
def _particles(rules: Rules) -> TermSet:
    return TermSet(rules.particles)


def has_final(syllable: str) -> bool:
    """True if a Hangul syllable ends in a consonant (받침): 철 yes, 수 no."""
    return is_hangul(syllable) and (ord(syllable) - _S_BASE) % 28 != 0


def particle_fits(core: str, particle: str, doc: Doc) -> bool:
    """Whether ``particle`` may follow ``core``: 은/이/을 after a consonant, 는/가/를 after a vowel."""
    return _fits(core, particle, doc.rules)


def _fits(core: str, particle: str, rules: Rules) -> bool:
    cfg = rules.config.text
    if not core:
        return False
    if particle in cfg.after_consonant:
        return has_final(core[-1])
    if particle in cfg.after_vowel:
        return not has_final(core[-1])
    return True


def strip_particles(word: str, doc: Doc, min_core: int = 1) -> tuple[str, str]:
    """``(core, ending)``: the longest fitting particle removed once, then a name suffix 이 (영남이는)."""
    return _strip_particles(word, doc.rules, min_core)


# The detectors ask for the same words' particles many times over a page and its readings (about ten
# thousand calls a page); the answer depends only on the word and the rules.
@lru_cache(maxsize=1 << 16)
def _strip_particles(word: str, rules: Rules, min_core: int) -> tuple[str, str]:
    core, ending = word, ""
    for particle in _particles(rules).suffixes(word):
        if len(word) - len(particle) >= min_core:
            candidate = word[: -len(particle)]
            if _fits(candidate, particle, rules):
                core, ending = candidate, particle
                break
    # 영남이는, 정현이가: a consonant-final given name takes a friendly 이 before particles.
    if len(core) >= 3 and core.endswith("이") and has_final(core[-2]):
        core, ending = core[:-1], "이" + ending
    return core, ending


def last_word(text: str, pos: int) -> str:
    """The last word of ``text[:pos]`` ("" if none), as ``text[:pos].split()[-1]`` gives it, found
    without splitting all the text before (once a finding, that was quadratic in the text's length)."""
    end = min(pos, len(text)) if pos >= 0 else max(0, len(text) + pos)  # where text[:pos] ends
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def evidence(doc: Doc, start: int, end: int) -> Evidence:
    """Kiwi's view of spaced ``[start, end)``."""
    morphs = doc.morphemes_in(start, end)
    if not morphs:
        return Evidence.UNKNOWN
    if any(m.tag.startswith(_PREDICATE_TAGS) and not m.oov for m in morphs):
        return Evidence.PREDICATE
    if any(m.tag.startswith("J") and m.start >= start and m.end <= end for m in morphs):
        return Evidence.PREDICATE  # Kiwi reads a particle inside: "여기서" is 여기 + 서
    first = morphs[0]
    if len(morphs) == 1 or (first.start <= start and first.end >= end):
        if first.tag == "NNP" and first.start == start:
            return Evidence.PROPER
        if first.oov:
            return Evidence.UNKNOWN
        if first.start == start and first.end == end:
            return Evidence.COMMON
        return Evidence.INSIDE if first.end - first.start > end - start else Evidence.OTHER
    if first.tag == "NNP" and first.start == start:
        return Evidence.PROPER
    if any(m.oov for m in morphs):
        return Evidence.UNKNOWN
    inside = [m for m in morphs if m.start >= start and m.end <= end]
    if len(inside) == len(morphs) and all(m.end - m.start == 1 for m in inside):
        return Evidence.FRAGMENT
    return Evidence.OTHER


def fuzzy_ok(doc: Doc, start: int, end: int) -> bool:
    """A near miss of a gazetteer word is only believable where Kiwi does not see ordinary words:
    OCR damage makes unknown words or stray syllables ("청잔시", "정 차총국"), while "우리 학교" is
    two words Kiwi knows."""
    if len(doc.text[start:end].replace(" ", "")) >= 5:
        return True  # a near miss of a long name does not happen by chance; Kiwi cannot read damage
    ev = evidence(doc, start, end)
    if ev in (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE):
        return False
    if ev is Evidence.OTHER:
        morphs = [m for m in doc.morphemes_in(start, end) if m.start >= start and m.end <= end]
        return any((m.end - m.start == 1 and not _bound_word(doc, m)) or m.tag == "NNP" for m in morphs)
    return True


# Bound nouns of time written as a word of their own after a noun ("방문 시", "면담 중", "출소 후"). Not
# 살 ("age"), which Kiwi reads for the verb 살다 after a town ("무산 살 때").
_TIME_BOUND_NOUNS = frozenset({"시", "중", "후", "전"})


def _bound_word(doc: Doc, m: Morpheme) -> bool:
    """``m`` is a bound noun Kiwi knows right after a digit ("3주 사이"), or one of time written as a word
    of its own ("방문 시"): a number's counter or the grammar's "at the time of", no stray syllable of OCR
    damage."""
    if m.tag != "NNB" or m.oov:
        return False
    before = doc.text[m.start - 1 : m.start]
    return before.isdigit() or ((not before or before.isspace()) and m.form in _TIME_BOUND_NOUNS)


def alternation(words: Iterable[str], *, loose_spaces: bool = False) -> str:
    """A regex alternation of ``words``, longest first (so that a longer word wins over its prefix).

    With ``loose_spaces``, a space inside a word matches any run of spaces or none, as OCR and
    speech recognition drop and double them.
    """
    words = list(words)
    if not loose_spaces and words and all(w and all(map(_caseless, w)) for w in words):
        return trie_alternation(words)
    escaped = (re.escape(w) for w in words)
    if loose_spaces:
        escaped = (e.replace(r"\ ", r"\s*") for e in escaped)
    return "|".join(sorted(escaped, key=len, reverse=True))


def _caseless(ch: str) -> bool:
    """A character no flag (IGNORECASE) makes match anything but itself: Hangul, Chinese, digits, space."""
    return "가" <= ch <= "힣" or "\u4e00" <= ch <= "\u9fff" or ch in "0123456789 "


# Python's regex engine tries an alternation's branches one by one at every position of the text, and
# the gazetteers make alternations of hundreds of words. The same words as a trie ("가(?:나|다|)" for
# 가나, 가다, 가) try each first character once. It matches exactly as the list, longest first, does:
# the words that match at one position are prefixes of one another, and the trie tries the longer
# continuation before the shorter one (the empty branch last), so the spans come in the same order.
# Only for words of caseless characters (under IGNORECASE "K" and "k" would both match and break that
# order) and exact spaces (with loose spaces two words that are no prefixes of each other may match).
_TrieNode = dict[str, "_TrieNode"]
_END = ""  # the key marking that a word ends at a node (no word character is empty)


def trie_alternation(words: Iterable[str], gap: str = "") -> str:
    """An alternation of ``words`` as a trie (see above), ``gap`` (a regex) between any two characters.

    With a ``gap`` (OCR splitting a word between syllables, titled.loose_syllables) it matches as the
    list of ``gap``-joined words, longest first, only if the gap matches nothing a word's character
    does (whitespace between Hangul syllables): then each word matches one way only, as the text's
    spaces decide, and the prefix argument above holds as without gaps."""
    root: _TrieNode = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return "|".join(_branches(root, gap))


def _branches(node: _TrieNode, gap: str) -> list[str]:
    """The alternatives under ``node``: one a next character, longest continuation tried first."""
    out = []
    for ch, child in sorted(node.items()):
        if ch == _END:
            continue
        below = _branches(child, gap)
        if not below:
            out.append(re.escape(ch))
            continue
        rest = gap + (below[0] if len(below) == 1 else "(?:" + "|".join(below) + ")")
        if _END in child:  # the word may end here: tried after every longer one
            rest = "(?:" + rest + "|)"
        out.append(re.escape(ch) + rest)
    return out
