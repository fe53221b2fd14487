"""One phrase index over every gazetteer word (places, landmarks, named organisations and units, topics).

Matching is spacing-blind: keys and text are compared with whitespace removed, so "함경 북도 청 진시"
finds 함경북도 and 청진시. OCR-damaged words are found fuzzily: a one-syllable deletion index yields
candidates cheaply (청잔시 and 청진시 share 청시), and a jamo-level similarity decides, so a one-stroke
error (잔/진) scores high while an unrelated syllable does not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from relay.detect.gazetteer import Gazetteers, Place
from relay.detect.normalize import is_hangul, jamo
from relay.model import Kind

if TYPE_CHECKING:
    from relay.detect.rules import RulesConfig


_MAX_FUZZY_WINDOW = 8
# Hangul syllables (is_hangul's range), none or more: where a run of them from an offset ends.
_SYLLABLES = re.compile("[\uac00-\ud7a3]*")
# A longer name nearly as close as a shorter one from the same start is the one meant: "블라디보스토킈" is
# 블라디보스토크 misread at its last syllable, not its alias 블라디보스톡 with a syllable glued on (which
# scores a little higher on six syllables and leaves the seventh unredacted).
_LONGER_SLACK = 0.05


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer key stands for.

    ``weak`` entries (two-syllable stems and aliases such as 청진, 개성) are also everyday words or
    parts of them; the detector confirms them with Kiwi before reporting.
    """

    kind: Kind
    rule: str
    confidence: float
    weak: bool
    fuzzy: bool
    level: str = ""
    strict: bool = False  # also an everyday word (개성, 진주): needs Kiwi to call it a proper noun


@dataclass(frozen=True, slots=True)
class Match:
    """A key found in the compact text: ``[start, end)`` in compact offsets; similarity 1.0 when exact."""

    start: int
    end: int
    key: str
    entries: tuple[Entry, ...]
    similarity: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Keys (compact, lower-case) to entries, with the indexes the matchers use."""

    exact: Mapping[str, tuple[Entry, ...]]
    # First two characters (every key has two or more) -> key lengths, longest first: find_exact looks
    # up the two at each offset, and most pairs of a page begin no key, where the first character alone
    # (a common syllable) begins many.
    lengths_by_head: Mapping[str, tuple[int, ...]]
    deletions: Mapping[str, tuple[str, ...]]  # key with one syllable deleted -> fuzzy-eligible keys
    fuzzy_lengths: frozenset[int]
    jamo_keys: Mapping[str, str]
    # The first two characters of every key of ``deletions`` and ``jamo_keys``: see _heads_of.
    heads: frozenset[str]


# Every key is this long at least (_entries leaves shorter ones out): find_exact's index is by as many
# characters.
_KEY_MIN = 2


def key_of(text: str) -> str:
    """The lookup form of a phrase: no whitespace, lower case."""
    return "".join(text.split()).lower()


def _stem(name: str, suffixes: Iterable[str]) -> str:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return ""


_ALIAS_STEM_LEVELS = frozenset({"special_city", "city", "county", "district"})
_ALIAS_STEM_SYLLABLES = 2


def _place_entries(places: Iterable[Place], config: RulesConfig, kind: Kind) -> Iterable[tuple[str, Entry]]:
    pc = config.places
    fuzzy_min = config.fuzzy.min_syllables
    for place in places:
        rule = f"{kind.value}.{place.source}"
        scripts = pc.script_aliases.get(place.name, ())
        names = [(place.name, rule), *((a, rule + ".alias") for a in (*place.aliases, *scripts))]
        stem = _stem(place.name, pc.admin_suffixes) if place.level in pc.stem_levels else ""
        if stem and len(stem) >= pc.min_stem_syllables:
            names.append((stem, rule + ".stem"))
        # A former or other name of a Korean city or county with its suffix (은덕군, an old name of
        # 경흥군) is called by its stem as much as the current one ("은덕에서 왔다"). Two syllables only:
        # longer aliases are streets, new towns and spellings (서탑거리, 동탄신도시), not stems plus 시.
        own = place.source != "foreign_places" and place.level in _ALIAS_STEM_LEVELS
        for alias in place.aliases if own else ():
            alias_stem = _stem(alias, pc.admin_suffixes)
            new = alias_stem not in place.aliases and alias_stem != stem
            if len(alias_stem) == _ALIAS_STEM_SYLLABLES and new:
                names.append((alias_stem, rule + ".alias_stem"))
        for name, name_rule in names:
            key = key_of(name)
            if len(key) < 2:
                continue
            # The stem of another name is no name of its own in the gazetteer, where everyday words are
            # kept out of the aliases (새별 "morning star", 나선 "spiral"): it needs Kiwi or a cue, always.
            strict = (name_rule.endswith((".stem", ".alias")) and key in pc.stem_stop) or name_rule.endswith(
                ".alias_stem"
            )
            # Two Chinese characters (延吉, 成田) name a place as surely as a long Hangul name does.
            weak = (len(key) <= 2 and name not in scripts) or strict
            conf = pc.confidence_stem if weak else pc.confidence_entry
            fuzzy = len(key) >= fuzzy_min and all(is_hangul(c) for c in key) and not strict
            yield key, Entry(kind, name_rule, conf, weak, fuzzy, place.level, strict)


_MINISTRY_SYLLABLES = 3
# The landmark kind of an apartment brand (sk_landmarks.tsv).
APARTMENT = "apartment"


def _entries(config: RulesConfig, gaz: Gazetteers) -> Iterable[tuple[str, Entry]]:
    yield from _place_entries(gaz.places, config, Kind.PLACE)
    # An apartment brand alone (래미안, 푸르지오) is no place; places.py reads it with the name before it.
    landmarks = (p for p in gaz.landmarks if p.level != APARTMENT)
    yield from _place_entries(landmarks, config, Kind.PLACE)
    fuzzy_min = config.fuzzy.min_syllables
    conf = config.places.confidence_entry
    for name, org_kind in gaz.orgs_named:
        key = key_of(name)
        if len(key) >= 2:
            # A ministry of three syllables (로동성, 교육성, 보건성) is an everyday word and 성; one jamo
            # off it is that word and something else (로동시간, 보건소): matched exactly only.
            ministry = len(key) == _MINISTRY_SYLLABLES and key.endswith("성")
            # A temple of three syllables (안국사, 고운사) is one jamo from everyday phrases (한국사
            # "Korean history", 고운 사람): matched exactly only, like the ministries.
            temple = len(key) == _MINISTRY_SYLLABLES and org_kind == "religious"
            fuzzy = len(key) >= fuzzy_min and not ministry and not temple
            yield key, Entry(Kind.ORG, "org.named", conf, len(key) <= 2, fuzzy)
    generic = {key_of(t) for t in config.units.generic_named}
    for term, mkind in gaz.military.items():
        key = key_of(term)
        # Only named units identify; unit words, services and ranks feed the other detectors.
        if len(key) >= 2 and mkind.startswith("named") and key not in generic:
            yield key, Entry(Kind.UNIT, "unit.named", conf, len(key) <= 2, len(key) >= fuzzy_min + 1)
    for phrase, category in gaz.topics.items():
        key = key_of(phrase)
        if len(key) >= 2:
            safe = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "" for c in category.lower())
            entry = Entry(Kind.TOPIC, f"topic.{safe or 'phrase'}", 0.6, False, False)
            yield key, entry
            for variant in inflected(key):
                yield variant, entry


# Final consonants that verb endings fuse into an open stem's last syllable: 되 → 된/될/됨/됩니다/됐,
# 보내 → 보낸/보낼/보냄/보냅니다/보냈. (ㄴ, ㄹ, ㅁ, ㅂ, ㅆ as jongseong indices.)
_FUSED_FINALS = (4, 8, 16, 17, 20)


def inflected(key: str) -> list[str]:
    """Spellings of a topic stem with an ending fused into its last syllable ("포로가되" → "포로가된",
    "포로가될", …). Only for stems of three syllables or more ending in an open syllable: a shorter key
    would collide with unrelated words."""
    last = ord(key[-1]) - 0xAC00 if key else -1
    if len(key) < 3 or not 0 <= last < 11172 or last % 28 or key[-1] in _HOMOGRAPH_STEMS:
        return []
    out = [key[:-1] + chr(0xAC00 + last + final) for final in _FUSED_FINALS]
    if (last // 28) % 21 == _OE:  # 되 + 었 → 됐 (the vowel contracts too)
        out.append(key[:-1] + chr(0xAC00 + last - (_OE - _WAE) * 28 + 20))
    return out


_OE, _WAE = 11, 10  # medial vowel indices of ㅚ and ㅙ
# Stems whose fused forms are everyday words of their own: 오 → 온 ("whole", 온 가족), 올 ("this", 올해),
# so "한국에 오" would fire on "한국에 올해 …" and on every "한국에 온 뒤로" about the writer's own arrival.
_HOMOGRAPH_STEMS = frozenset("오")


def build_lexicon(config: RulesConfig, gaz: Gazetteers) -> Lexicon:
    """Index every gazetteer phrase for exact and fuzzy spacing-blind matching."""
    exact: dict[str, list[Entry]] = defaultdict(list)
    for key, entry in _entries(config, gaz):
        if entry not in exact[key]:
            exact[key].append(entry)
    lengths: dict[str, set[int]] = defaultdict(set)
    deletions: dict[str, set[str]] = defaultdict(set)
    for key, entries in exact.items():
        if len(key) < _KEY_MIN:
            raise ValueError(f"gazetteer key shorter than {_KEY_MIN} characters: {key!r}")
        lengths[key[:_KEY_MIN]].add(len(key))
        if any(e.fuzzy for e in entries):
            for i in range(len(key)):
                deletions[key[:i] + key[i + 1 :]].add(key)
    fuzzy_keys = {k for keys in deletions.values() for k in keys}
    heads = frozenset(k[:2] for k in (*deletions, *fuzzy_keys))
    # Plain dicts, read-only by their type (Mapping): the matchers look keys up a million times a
    # hundred pages, and a mappingproxy's get is a method call on the dict behind it, several times slower.
    return Lexicon(
        exact={k: tuple(v) for k, v in exact.items()},
        lengths_by_head={c: tuple(sorted(v, reverse=True)) for c, v in lengths.items()},
        deletions={k: tuple(sorted(v)) for k, v in deletions.items()},
        fuzzy_lengths=frozenset(len(k) for k in fuzzy_keys),
        jamo_keys={k: jamo(k) for k in fuzzy_keys},
        heads=heads,
    )


def find_exact(lex: Lexicon, text: str) -> list[Match]:
    """Every key occurring in ``text`` (compact, lower-case), longest first at each start."""
    found: list[Match] = []
    n = len(text)
    by_head = lex.lengths_by_head
    for i in range(n - 1):
        for length in by_head.get(text[i : i + _KEY_MIN], ()):
            if i + length <= n:
                key = text[i : i + length]
                entries = lex.exact.get(key)
                if entries is not None:
                    found.append(Match(i, i + length, key, entries, 1.0))
    return found


def _heads_of(window: str, heads: frozenset[str]) -> tuple[bool, bool, bool]:
    """Which lookups of :func:`_candidates` can find anything in a window of three characters or more.

    Every string it looks up (the window, or the window less one character) begins with the window's
    first two characters, unless the character taken out is the first (then it begins with the second
    and third) or the second (the first and third). A lookup whose first two characters begin no
    indexed key finds nothing, so most words are told so with three set probes instead of a dozen
    slices and lookups. The three depend only on a window's first three characters: the same for every
    window from one start."""
    return window[:2] in heads, window[1:3] in heads, window[0] + window[2] in heads


def _candidates(lex: Lexicon, window: str) -> set[str]:
    first_two, drop_first, drop_second = _heads_of(window, lex.heads)
    keys: set[str] = set(lex.deletions.get(window, ()) if first_two else ())  # the text lost a syllable
    last = len(window) - 1
    for j in range(len(window) if first_two else 2):
        if (j == 0 and not drop_first) or (j == 1 and not drop_second):
            continue
        shorter = window[:j] + window[j + 1 :]
        keys.update(lex.deletions.get(shorter, ()))  # one syllable misread
        if 0 < j < last and shorter in lex.jamo_keys:
            # The text gained a syllable inside the name. One gained at either end is the whole name
            # and a neighbour glued on (은통천군 in "고 향 은 통 천 군"): find_exact's, not a near miss.
            keys.add(shorter)
    return keys


NearKeys = Callable[[str], tuple[tuple[str, float], ...]]
# Per lexicon (held here, so that its id is not reused while it is a key): see _near_keys.
_NEAR_KEYS: dict[int, tuple[Lexicon, NearKeys]] = {}
_NEAR_LEXICONS = 4


def _near_keys(lex: Lexicon) -> NearKeys:
    """For a window of text: the keys one syllable from it and their jamo similarity to it, in sorted
    order. A set's iteration order of strings changes with the interpreter's hash seed, and ties between
    equal scores go to the first key: sorted, the same page gives the same findings in every process.

    Remembered per window: a page is read under several spacings whose compact text is the same (only
    the word starts differ), so the same windows come back in every reading, and a letter's words come
    back on its next page. The answer depends only on the window and the lexicon."""
    held = _NEAR_KEYS.get(id(lex))
    if held is not None and held[0] is lex:
        return held[1]

    @lru_cache(maxsize=1 << 16)
    def near(window: str) -> tuple[tuple[str, float], ...]:
        keys = _candidates(lex, window)
        if not keys:
            return ()
        wj = jamo(window)
        return tuple((key, Indel.normalized_similarity(wj, lex.jamo_keys[key])) for key in sorted(keys))

    if len(_NEAR_KEYS) >= _NEAR_LEXICONS:
        _NEAR_KEYS.clear()
    _NEAR_KEYS[id(lex)] = (lex, near)
    return near


def find_fuzzy(
    lex: Lexicon, text: str, starts: Iterable[int], min_similarity: float, particle_starts: frozenset[str]
) -> list[Match]:
    """Near misses of fuzzy-eligible keys in windows of ``text`` beginning at ``starts`` (word starts).

    Windows must be all Hangul: OCR damage to a Hangul name stays Hangul, and the restriction keeps
    the number of windows small. Exact keys are left to :func:`find_exact`.
    """
    found: list[Match] = []
    if not lex.fuzzy_lengths:
        return found
    # Long names are rare and nearly always found exactly; bounding the window keeps this linear.
    max_len = min(max(lex.fuzzy_lengths), _MAX_FUZZY_WINDOW) + 1
    near = _near_keys(lex)
    for i in starts:
        syllables = _SYLLABLES.match(text, i)
        run = min(syllables.end() if syllables else i, i + max_len)
        if run - i >= 3 and not any(_heads_of(text[i : i + 3], lex.heads)):
            continue  # no window from here has a key one syllable away: none would be found
        best: Match | None = None
        for end in range(i + 3, run + 1):
            window = text[i:end]
            if window in lex.exact or (window[:-1] in lex.exact and window[-1] in particle_starts):
                continue  # exact matches are find_exact's; a key plus a particle is not a near miss
            if len(window) >= 4 and window[1:] in lex.exact:
                # A name of three syllables or more with one glued before it (은통천군: 통천군 after
                # the particle of "고향은") is that name, not a misread of another (은천군).
                continue
            for key, score in near(window):
                longer = (
                    best is not None and len(key) > len(best.key) and score >= best.similarity - _LONGER_SLACK
                )
                if score >= min_similarity and (best is None or score > best.similarity or longer):
                    entries = tuple(e for e in lex.exact[key] if e.fuzzy)
                    best = Match(i, end, key, entries, score)
        if best is not None:
            found.append(best)
    return found
