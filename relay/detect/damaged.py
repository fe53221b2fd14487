"""OCR-damaged suffix words: a school, workplace or district whose suffix lost a stroke ("소계탼광",
"수산사업송", "연세대학쿄", "라진구엳") still names an organisation or a place when the stem before it
does (a gazetteer place, a proper noun, a word Kiwi does not know).

A suffix is matched syllable by syllable: at most one syllable (two in suffixes of four or more) may
differ, each by one jamo (탄 ~ 탼, 소 ~ 송, 교 ~ 쿄). Fuzzy evidence is only ever a review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz.distance import Indel

from relay.detect.document import Doc, Span, hangul_only
from relay.detect.lexicon import key_of
from relay.detect.morph import analyse
from relay.detect.normalize import jamo
from relay.detect.places import RANKS, country_in_general, cue_targets
from relay.detect.rules import Rules
from relay.detect.words import Evidence, SpanIndex, evidence, strip_particles
from relay.model import Finding, Kind

_STRONG = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)
_WILD = "*"
_MAX_WORD = 24
# "X협동농장 마을에서": the village of a farm, before a particle.
VILLAGE = re.compile(" ?[마먀바][을울흘](?=$|[^가-힣]|에|애|이|의|을|은|로|앞|까지|도|과|와)")
_COPULA = frozenset("입이였")
_GLUED_PARTICLES = frozenset("가는은를을에의도와과")


class SuffixIndex:
    """Suffix words looked up by a candidate with one syllable replaced by a wildcard."""

    def __init__(self, suffixes: Iterable[tuple[str, Kind]]) -> None:
        self.kinds: dict[str, Kind] = {}
        self.wild: dict[str, list[str]] = {}
        self.wild2: dict[str, list[str]] = {}
        self._memo: dict[str, str] = {}
        # (length, position, syllable) of each suffix's first three syllables: see _near.
        self._heads: set[tuple[int, int, str]] = set()
        for suffix, kind in suffixes:
            if len(suffix) < 2 or not hangul_only(suffix) or suffix in self.kinds:
                continue
            self.kinds[suffix] = kind
            self._heads.update((len(suffix), i, ch) for i, ch in enumerate(suffix[:3]))
            for j in range(len(suffix)):
                self.wild.setdefault(suffix[:j] + _WILD + suffix[j + 1 :], []).append(suffix)
            if len(suffix) >= 4:
                for i in range(len(suffix)):
                    for j in range(i + 1, len(suffix)):
                        probe = suffix[:i] + _WILD + suffix[i + 1 : j] + _WILD + suffix[j + 1 :]
                        self.wild2.setdefault(probe, []).append(suffix)
        self.lengths = tuple(sorted({len(s) for s in self.kinds}, reverse=True))

    def near(self, text: str) -> str:
        """The suffix word ``text`` is a damaged copy of ("" if none); exact copies are not near."""
        if text in self.kinds or len(text) > self.lengths[0]:
            return ""
        hit = self._memo.get(text)
        if hit is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            hit = self._memo[text] = self._near(text)
        return hit

    def _near(self, text: str) -> str:
        # A copy with one or two syllables damaged keeps at least one of the first three (the first two
        # with one damaged) as they are: when no suffix of its length has any of them in its place, no
        # probe below can find one. Most words are told so with three set probes instead of dozens.
        n, heads = len(text), self._heads
        # The three probes written out (a generator's frames cost more than the probes); a text shorter
        # than three gives "" for the syllables it lacks, which no suffix has.
        if (
            (n, 0, text[:1]) not in heads
            and (n, 1, text[1:2]) not in heads
            and (n, 2, text[2:3]) not in heads
        ):
            return ""
        for j in range(len(text)):
            for suffix in self.wild.get(text[:j] + _WILD + text[j + 1 :], ()):
                if near_syllable(text[j], suffix[j]):
                    return suffix
        if len(text) >= 4:  # two damaged syllables in a long suffix (련햡기엄소)
            for i in range(len(text)):
                for j in range(i + 1, len(text)):
                    probe = text[:i] + _WILD + text[i + 1 : j] + _WILD + text[j + 1 :]
                    for suffix in self.wild2.get(probe, ()):
                        if near_syllable(text[i], suffix[i]) and near_syllable(text[j], suffix[j]):
                            return suffix
        return ""


@lru_cache(maxsize=4096)
def near_syllable(a: str, b: str) -> bool:
    """One jamo apart: a changed letter costs two Indel edits, a lost or added final one."""
    return Indel.distance(jamo(a), jamo(b)) <= 2


# Endings of some groups' names that are everyday words themselves (새날동행, 북향나눔): glued to a
# name they are found exactly; a near miss of one is the everyday word next to them (동생, 나누며).
_EVERYDAY_ENDINGS = frozenset({"동행", "나눔"})


@lru_cache(maxsize=8)
def suffix_index(rules: Rules) -> SuffixIndex:
    """Org suffixes from ``orgs.tsv`` and the multi-syllable administrative suffixes."""
    org = (
        (s, Kind.ORG)
        for s, k in rules.gazetteers.org_suffixes.items()
        if k != "company" and s not in _EVERYDAY_ENDINGS
    )
    admin = ((s, Kind.PLACE) for s in rules.config.places.admin_suffixes if len(s) >= 2)
    return SuffixIndex([*admin, *org])


@lru_cache(maxsize=8)
def titles(rules: Rules) -> frozenset[str]:
    """Ranks, titles and role words (military.tsv ranks, name_context.tsv titles and ranks,
    names.role_words): words for a person's post, which end like organisations (지도원 ~ 지도국) but
    name none."""
    ranks = {t for t, k in rules.gazetteers.military.items() if k == "rank"}
    posts = {c.term for c in rules.gazetteers.name_context if c.kind in ("title", "rank")}
    return frozenset(ranks | posts | set(rules.config.names.role_words))


def _candidates(doc: Doc) -> Iterable[tuple[Span, str, int]]:
    """Each word, and the word with a short next word glued on (OCR splits "탄 광"): its text and
    how many of its characters belong to the first word."""
    words = doc.words
    for i, w in enumerate(words):
        if len(w.text) > _MAX_WORD:
            continue  # no name runs this long; a hostile run must not cost quadratic time
        yield w, w.text, len(w.text)
        if i + 1 < len(words):
            nxt = words[i + 1]
            if nxt.start == w.end + 1 and len(nxt.text) <= 4:
                yield w, w.text + nxt.text, len(w.text)


def _offset(doc: Doc, w: Span, first: int, k: int) -> int:
    """Spaced offset of character ``k`` of a candidate made of ``w`` (``first`` chars) and the next word."""
    return w.start + k if k <= first else w.end + 1 + (k - first)


def _stem_ok(doc: Doc, stem: str, start: int, end: int, *, long: bool) -> float | None:
    cfg = doc.rules.config
    if (
        len(stem) < 2
        or stem in cfg.places.unknown_stem_stop
        or stem in cfg.names.stop_words
        or stem in cfg.orgs.company_stem_stop
    ):
        return None
    if any(e <= end for e in doc.places_starting(start)):
        return cfg.orgs.confidence_place_stem
    if _ends_in_long_particle(stem):
        return None  # 주님께서당신을: a phrase whose spaces were lost, not a name before 서당/당
    if stem in locality_stems(doc.rules):
        return cfg.orgs.confidence_place_stem  # 유선탄공: a locality's bare stem (유선동), as in orgs.py
    if not long and stem[-1] in _GLUED_PARTICLES and len(stem) == 2:
        return None  # 배가공팡서: a word and its particle glued to a damaged everyday word
    ev = evidence(doc, start, end)
    if ev is Evidence.UNKNOWN:  # inside a damaged word Kiwi gave up on: ask about the stem alone
        ev = _alone(stem)
    if ev in _STRONG:
        return cfg.orgs.confidence_proper_stem
    # 수산사업송: a long suffix follows everyday words too (as in orgs.py); a short one (신발공쟝) not.
    if long and ev in (Evidence.COMMON, Evidence.OTHER):
        return cfg.orgs.confidence_word_stem
    return None


@lru_cache(maxsize=8)
def locality_stems(rules: Rules) -> frozenset[str]:
    """Bare stems (two syllables or more) of the Korean places and their aliases, without those the
    rules call everyday words (places.stem_stop, places.unknown_stem_stop)."""
    pc = rules.config.places
    suffixes = sorted(pc.admin_suffixes, key=len, reverse=True)
    stems: set[str] = set()
    for place in rules.gazetteers.places:
        if place.source == "foreign_places":
            continue
        for name in (place.name, *place.aliases):
            cut = next((name[: -len(x)] for x in suffixes if name.endswith(x) and len(name) > len(x)), name)
            if len(cut) >= pc.min_stem_syllables and hangul_only(cut):
                stems.add(cut)
    return frozenset(stems - pc.stem_stop - pc.unknown_stem_stop)


@lru_cache(maxsize=4096)
def _ends_in_long_particle(stem: str) -> bool:
    """Kiwi reads ``stem`` alone as ending in a particle of two syllables or in 께 (께서, 에게, 에서,
    한테): no organisation's name ends so, a phrase does ("주님께서", "엄마한테")."""
    morphs = analyse(stem)
    if len(morphs) < 2 or morphs[-1].end != len(stem) or not morphs[-1].tag.startswith("J"):
        return False
    return morphs[-1].end - morphs[-1].start >= 2 or morphs[-1].form == "께"


@lru_cache(maxsize=4096)
def _alone(stem: str) -> Evidence:
    """Kiwi's view of ``stem`` analysed by itself: 신발 is an everyday word, 소계 is not."""
    morphs = analyse(stem)
    if len(morphs) == 1 and morphs[0].end - morphs[0].start == len(stem):
        m = morphs[0]
        if m.oov:
            return Evidence.UNKNOWN
        if m.tag == "NNP":
            return Evidence.PROPER
        return Evidence.COMMON if m.tag.startswith("N") else Evidence.OTHER
    if all(m.end - m.start == 1 for m in morphs):
        return Evidence.FRAGMENT
    if any(m.tag.startswith("V") or m.tag.startswith("E") for m in morphs):
        return Evidence.PREDICATE
    return Evidence.OTHER


# Syllables from which a near miss of a suffix that Kiwi knows as an everyday noun is that noun (보호사 for
# 보호소); two-syllable ones (고지 for 기지) are too often the damage itself.
_OWN_WORD = 3


def _verb_form(word: str) -> bool:
    """Kiwi reads ``word`` as a verb's or adjective's stem and its endings only ("있는", "없던")."""
    morphs = analyse(word)
    return (
        len(morphs) >= 2
        and morphs[0].start == 0
        and morphs[0].tag in ("VV", "VA", "VX")
        and not any(m.oov for m in morphs)
        and all(m.tag.startswith(("E", "VV", "VA", "VX")) for m in morphs[1:])
    )


# Asked about the same word for each suffix length and end tried in it (find_damaged): remembered. The
# answer depends only on the word (Kiwi's model never changes); the words are short (_MAX_WORD).
@lru_cache(maxsize=4096)
def everyday_with_grammar(word: str) -> bool:
    """Kiwi reads ``word`` as everyday nouns or numerals it knows and then only the copula, endings or
    particles ("고등학생인데", "여든하나인데"): a word of the language with its grammar, whose last
    syllables are one jamo off an organisation's suffix by chance, not a damaged name."""
    morphs = analyse(word)
    content = [m for m in morphs if not m.tag.startswith(("J", "E", "VCP"))]
    grammar = [m for m in morphs if m.tag.startswith(("J", "E", "VCP"))]
    one_noun = (
        len(content) == 1 and content[0].tag == "NNG" and content[0].end - content[0].start >= _OWN_WORD
    )
    numerals = bool(content) and all(m.tag == "NR" for m in content)
    return (
        (one_noun or numerals)
        and bool(grammar)
        and all(not m.oov for m in morphs)
        and content[0].start == 0
        and any(m.end - m.start >= 2 for m in content)
        and max(m.end for m in content) <= min(m.start for m in grammar)
    )


def find_damaged(doc: Doc) -> list[Finding]:
    """Organisations and districts whose suffix word is OCR-damaged; reviews only."""
    index = suffix_index(doc.rules)
    review = doc.rules.config.severity.redact_min - 0.05
    particles = doc.rules.particles
    channels = doc.rules.config.orgs.channels
    found: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for w, cand, first in _candidates(doc):
        n = len(cand)
        for e in range(n, 2, -1):
            rest = cand[e:]
            # After the suffix: nothing, a damaged particle (엥서) or a particle with the next word glued on.
            if e < first < n or (len(rest) > 2 and not rest.startswith(particles)):
                continue
            hit = False
            for size in index.lengths:
                k = e - size
                if k < 2 or k > first or (k == first < n):
                    continue  # glued: the suffix must straddle the space OCR put in ("탄 광")
                piece = cand[k:e]
                # An exact suffix with a damaged particle after it ("사업소엥서"); a clean one is orgs.py's.
                suffix = index.near(piece)
                if e > first and suffix:
                    continue  # across a space only an exact suffix (탄 광): 생갹은 했 is no 은행
                if (
                    not suffix
                    and piece in index.kinds
                    and (e > first or (rest and not rest.startswith(particles)))
                ):
                    suffix = piece  # split by OCR ("탄 광") or a damaged particle after it
                if not suffix or cand[:e] in titles(doc.rules) or any(c in cand[:e] for c in channels):
                    continue  # 정치지도원: a rank or title, not a damaged 지도국; 대한적십자사 (channels)
                if everyday_with_grammar(cand):
                    continue  # "여든하나인데": numerals and the copula, not a damaged 하나원
                if _kin_word(doc, cand[:e]):
                    continue  # "아바지가": a kinship word and its particle, not a damaged 아바지사
                if _grammar_at(cand[:first], k) or (
                    k < first < e and _two_words(cand[:first], cand[first:], e - first)
                ):
                    continue  # "제일이지비": the copula, no 기지; "일본에도 당신을": two words, no 도당
                if suffix != piece and index.kinds[suffix] is Kind.ORG and _copula_at(cand, k):
                    continue  # "제일이지비": a noun and the copula's ending (이지), not a damaged 기지
                if suffix != piece and len(piece) >= _OWN_WORD and _alone(piece) is Evidence.COMMON:
                    continue  # 요양보호사: 보호사 (a carer) is a word of its own, not a damaged 보호소
                start, end = w.start, _offset(doc, w, first, e)
                conf = _stem_ok(doc, cand[:k], w.start, w.start + k, long=len(suffix) >= 3)
                if conf is None or (start, end) in seen:
                    continue
                seen.add((start, end))
                kind = index.kinds[suffix]
                rule = "org.damaged_suffix" if kind is Kind.ORG else "place.damaged_suffix"
                village = VILLAGE.match(doc.text, end) if kind is Kind.ORG else None
                end = village.end() if village is not None else end
                f = doc.finding(kind, start, end, min(conf, review) - 0.1, rule)
                if f is not None:
                    found.append(f)
                hit = True
                break
            if hit:
                break
    return found


@lru_cache(maxsize=4096)
def _grammar_at(word: str, k: int) -> bool:
    """Kiwi reads ``word`` alone with the copula or a particle starting at character ``k`` ("제일이지비":
    제일 + 이 + 지): a suffix read from there is the grammar after a noun, for no name ends in it."""
    # The morpheme must be the syllable as written: 제팔군다 is 구 + 이 contracted in 군, no copula alone.
    return any(
        m.start == k and word[m.start : m.end] == m.form and (m.tag == "VCP" or m.tag.startswith("J"))
        for m in analyse(word)
    )


@lru_cache(maxsize=4096)
def _two_words(first: str, second: str, inside: int) -> bool:
    """Kiwi reads ``first`` alone as ending in a particle and ``second`` alone as opening with a word it
    knows running past the ``inside`` characters a suffix took from it ("일본에도" and "당신을", where 도당
    straddles the space): two whole words, no name that OCR split."""
    a, b = analyse(first), analyse(second)
    return (
        bool(a)
        and bool(b)
        and a[-1].end == len(first)
        and a[-1].tag.startswith("J")
        and b[0].start == 0
        and not b[0].oov
        and b[0].end > inside
    )


def _copula_at(word: str, k: int) -> bool:
    """Kiwi reads ``word`` as a noun it knows, then the copula (이) at offset ``k`` and its ending."""
    morphs = analyse(word)
    return any(
        m.tag == "VCP"
        and m.start == k
        and any(n.end == k and n.tag.startswith("NN") and not n.oov for n in morphs)
        for m in morphs
    )


def _kin_word(doc: Doc, word: str) -> bool:
    """``word``, its particle taken off, is a kinship word (아바지가, 오마니는): no organisation."""
    compact = "".join(word.split())
    kinship = doc.rules.gazetteers.kinship
    return compact in kinship or strip_particles(compact, doc)[0] in kinship


class StemIndex:
    """Two-syllable gazetteer place keys (stems, aliases) by one wildcarded syllable."""

    def __init__(self, keys: Iterable[tuple[str, bool]]) -> None:
        self.province: dict[str, bool] = {}
        self.wild: dict[str, list[str]] = {}
        for key, province in keys:
            if key in self.province:
                self.province[key] = self.province[key] or province
                continue
            self.province[key] = province
            for j in range(2):
                self.wild.setdefault(key[:j] + _WILD + key[j + 1 :], []).append(key)

    def near(self, text: str, known: Mapping[str, object]) -> str:
        """The key ``text`` is a one-jamo damaged copy of ("" if none, or if ``text`` is itself a
        gazetteer word, e.g. a stem too everyday to be indexed: 강서 is not a damaged 광서)."""
        if len(text) != 2 or text in self.province or text in known:
            return ""
        for j in range(2):
            for key in self.wild.get(text[:j] + _WILD + text[j + 1 :], ()):
                if near_syllable(text[j], key[j]):
                    return key
        return ""

    def near_twice(self, text: str) -> str:
        """The key both syllables of ``text`` are one jamo off (a scan: only at home-town cues)."""
        for key in self.province:
            if all(a != b and near_syllable(a, b) for a, b in zip(text, key, strict=True)):
                return key
        return ""


def _common_everyday(core: str) -> bool:
    """Kiwi reads ``core`` alone as a common noun, verb or ending (not a proper noun, not unknown)."""
    return _alone(core) in (Evidence.COMMON, Evidence.PREDICATE, Evidence.OTHER)


@lru_cache(maxsize=8)
def stem_index(rules: Rules) -> StemIndex:
    """Two-syllable place keys that are not everyday words (strict entries are left out)."""
    keys: list[tuple[str, bool]] = []
    for key, entries in rules.lexicon.exact.items():
        places = [e for e in entries if e.kind is Kind.PLACE and not e.strict]
        if len(key) == 2 and hangul_only(key) and places:
            home = ("place.nk_places", "place.sk_places")
            keys.append((key, any(e.level == "province" and e.rule.startswith(home) for e in places)))
    return StemIndex(keys)


def _stem_key(doc: Doc, core: str) -> bool:
    """``core`` is a gazetteer stem or alias of a city, county, district or smaller division (strict
    ones too: 송림, 선봉), and not one of the words that are never names of places."""
    if core in doc.rules.config.names.stop_words or core in doc.rules.config.places.unknown_stem_stop:
        return False
    return any(
        e.kind is Kind.PLACE and e.level not in ("province", "country") and e.rule.startswith("place.")
        for e in doc.rules.lexicon.exact.get(core, ())
    )


@lru_cache(maxsize=8)
def _regions(rules: Rules) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Gazetteer places by every key they are called by (name, aliases and their stems), and each
    place's parent: what a place lies inside."""
    suffixes = rules.config.places.admin_suffixes
    by_key: dict[str, set[str]] = {}
    parent: dict[str, str] = {}
    for place in rules.gazetteers.places:
        parent.setdefault(place.name, place.parent)
        for name in (place.name, *place.aliases):
            for key in (name, _strip_suffix(name, suffixes)):
                if len(key) >= 2:
                    by_key.setdefault(key_of(key), set()).add(place.name)
    return {k: frozenset(v) for k, v in by_key.items()}, parent


def _strip_suffix(name: str, suffixes: Iterable[str]) -> str:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _inside(rules: Rules, inner: str, outer: str) -> bool:
    """A place called ``inner`` lies inside one called ``outer`` (keys of :func:`_regions`)."""
    by_key, parent = _regions(rules)
    outers = by_key.get(outer, frozenset())
    for name in by_key.get(inner, ()):
        seen = 0
        while name and seen < _MAX_DEPTH:
            name, seen = parent.get(name, ""), seen + 1
            if name in outers:
                return True
    return False


_MAX_DEPTH = 6


def _town_before_village(doc: Doc) -> Iterable[Finding | None]:
    """A town's name that is also an everyday word (나선 "spiral", 운전, 세포), right before a place
    inside that town, fillers aside (``places.village_fillers``: "우리가 나선 그 원정리 다리"): a town
    and its village, as an address is written. Review."""
    conf = doc.rules.config.severity.redact_min - 0.15
    fillers = doc.rules.config.places.village_fillers
    words = doc.words
    for i, w in enumerate(words):
        core, ending = strip_particles(w.text, doc)
        if ending or not _stem_key(doc, core):
            continue
        j = i + 1
        while j < len(words) and words[j].text in fillers and j - i <= 2:
            j += 1
        if j >= len(words):
            continue
        nxt = strip_particles(words[j].text, doc)[0]
        # "원 정리": OCR split the village's name; its pieces joined are tried too.
        joined = words[j].text + strip_particles(words[j + 1].text, doc)[0] if j + 1 < len(words) else ""
        if any(_inside(doc.rules, key_of(x), key_of(core)) for x in (nxt, joined) if x):
            yield doc.finding(Kind.PLACE, w.start, w.end, conf, "place.town_before_village")


def _glued_phrase_end(doc: Doc, core: str) -> int:
    """Length of the words OCR glued before a place stem at the end of ``core`` ("둘이은덕": 2,
    "아직무산": 2), when they end in a particle or an ending, or are an adverb (which no place name
    holds); 0 if none."""
    for k in range(2, len(core) - 1):
        if _stem_key(doc, core[k:]):
            parts = analyse(core[:k])
            if parts and parts[-1].end == k and parts[-1].tag.startswith(_PHRASE_ENDS):
                return k
    return 0


# Kiwi's tags for what ends the words glued before a place: particles, endings, adverbs (아직, 그리고).
_PHRASE_ENDS = ("J", "EC", "EF", "ETM", "MAG", "MAJ")


def _plain(doc: Doc, core: str) -> bool:
    """True if Kiwi reads ``core`` alone as an everyday word or a predicate, or an everyday noun and
    its particle ("고향 말로", "고향 집도": the particles strip_particles leaves on a one-syllable noun):
    no OCR-damaged name."""
    return (
        _alone(core) in (Evidence.COMMON, Evidence.PREDICATE, Evidence.OTHER)
        or core in doc.rules.config.names.stop_words
        or core in doc.rules.config.places.not_near_misses
        or _noun_and_particle(core)
    )


@lru_cache(maxsize=4096)
def _noun_and_particle(core: str) -> bool:
    """Kiwi reads ``core`` alone as an everyday noun it knows and a particle (말 + 로, 집 + 도)."""
    morphs = analyse(core)
    return (
        len(morphs) == 2
        and morphs[0].tag in ("NNG", "NNB")
        and not morphs[0].oov
        and morphs[1].tag.startswith("J")
        and morphs[0].end == morphs[1].start
        and morphs[1].end == len(core)
    )


@lru_cache(maxsize=8)
def name_index(rules: Rules) -> SuffixIndex:
    """Full gazetteer names of Korean places below a province (구로구, 논현동, 봉담읍), three syllables or
    more, for one-jamo damaged copies."""
    names = {
        p.name
        for p in rules.gazetteers.places
        if p.source != "foreign_places" and RANKS.get(p.level, 0) >= 1 and len(p.name) >= _MIN_CHAIN_NAME
    }
    return SuffixIndex((n, Kind.PLACE) for n in sorted(names) if hangul_only(n))


_MIN_CHAIN_NAME = 3


def _rank(rules: Rules, key: str) -> int:
    """The highest administrative rank (0 = province) a gazetteer entry for ``key`` has, or -1."""
    levels = [
        RANKS[e.level]
        for e in rules.lexicon.exact.get(key, ())
        if e.kind is Kind.PLACE and not e.strict and e.level in RANKS
    ]
    return min(levels) if levels else -1


def _glued_damaged_chain(doc: Doc) -> Iterable[Finding | None]:
    """A city glued to a smaller division whose name OCR damaged by one jamo ("인천논현돵에서",
    "서울구로궤의"): neither piece starts or ends where Kiwi's words do and the second is no gazetteer
    key, but a known place followed by a near copy of a full name of a lower rank leaves no room for
    anything else. Reviews."""
    index = name_index(doc.rules)
    conf = doc.rules.config.severity.redact_min - 0.15
    for word in doc.words:
        core, _ = strip_particles(word.text, doc)
        if not hangul_only(core):
            continue
        for k in range(2, len(core) - _MIN_CHAIN_NAME + 1):
            upper = _rank(doc.rules, core[:k])
            name = index.near(core[k:]) if upper >= 0 else ""
            if name and _name_ranks(doc.rules).get(name, -1) > upper:
                yield doc.finding(Kind.PLACE, word.start, word.start + k, conf, "place.glued_damaged_chain")
                yield doc.finding(
                    Kind.PLACE, word.start + k, word.start + len(core), conf, "place.glued_damaged_chain"
                )
                break


@lru_cache(maxsize=8)
def _name_ranks(rules: Rules) -> dict[str, int]:
    """The lowest administrative rank (largest number) of the gazetteer places of each name."""
    ranks: dict[str, int] = {}
    for p in rules.gazetteers.places:
        ranks[p.name] = max(ranks.get(p.name, -1), RANKS.get(p.level, -1))
    return ranks


def find_damaged_places(doc: Doc) -> list[Finding]:
    """Two-syllable stems one jamo off a gazetteer key ("혱샨", "항남 태탄"), confirmed by a home-town
    cue, a cue word after it, or a place next to it; and short province forms before an unknown
    county ("평남 평원"). Reviews only."""
    index = stem_index(doc.rules)
    pc = doc.rules.config.places
    cues = tuple(key_of(c) for c in pc.damaged_stem_cues)
    targets = SpanIndex(cue_targets(doc))
    conf = doc.rules.config.severity.redact_min - 0.15
    words = doc.words
    cores: list[tuple[int, int, str, str]] = []  # start, end, core, exact-or-near key
    for w in words:
        core, _ = strip_particles(w.text, doc)
        key = core if core in index.province else index.near(core, doc.rules.lexicon.exact)
        if not key and len(core) == 3 and core[2] in _COPULA:  # 혱샨입니다, 혱샨이었다
            core = core[:2]
            key = core if core in index.province else index.near(core, doc.rules.lexicon.exact)
        if core in pc.generic_countries:
            key = ""  # 남한, 중국: the country itself, not a near miss of a town's stem
        cores.append((w.start, w.start + len(core), core, key))
    found: list[Finding] = []
    strong = tuple(key_of(c) for c in pc.strong_stem_cues)
    for start, end, core, _ in cores:
        # 세포에 계신다, 위원 사람들은: a stem Kiwi reads as an everyday word, with a cue only a place takes.
        # "둘이은덕에서 왔다": OCR glued the words before on; the stem after a particle is the place.
        start = start + _glued_phrase_end(doc, core)
        core = doc.text[start:end]
        glued_cue = next(
            (
                c
                for c in pc.cue_only_stems
                if core.startswith(c) and core != c and doc.text[start + len(c)] != " "
            ),
            "",
        )
        if glued_cue and doc.after(start + len(glued_cue), 8).startswith(strong):
            core, end = glued_cue, start + len(glued_cue)  # "수자전투 때": OCR glued the cue on
        exact = _stem_key(doc, core) or core in pc.cue_only_stems
        # A country every such letter names (남한, 중국) is no near miss of a town: it is that country.
        near = (
            not exact
            and core not in pc.generic_countries
            and bool(index.near(core, doc.rules.lexicon.exact))
            and not _plain(doc, core)
        )
        if len(core) >= 2 and (exact or near) and doc.after(end, 8).startswith(strong):
            rule = "place.stem_strong_cue" if exact else "place.damaged_stem_strong_cue"
            f = doc.finding(Kind.PLACE, start, end, conf, rule)
            if f is not None:
                found.append(f)
    for i, (start, end, core, key) in enumerate(cores):
        exact = bool(key) and core == key
        if not key and len(core) == 2 and targets.overlaps(start, end) and core not in pc.generic_countries:
            key = index.near_twice(core)  # 고향은 혱샨: two damaged syllables, but a home-town cue
        if not key or (_plain(doc, core) and not exact):
            continue
        after = doc.after(end, 8)
        prev = cores[i - 1] if i > 0 and cores[i - 1][1] + 1 == start else None
        nxt = cores[i + 1] if i + 1 < len(cores) and end + 1 == cores[i + 1][0] else None
        if exact:
            # 초산까지, 부전 집에서: a stem Kiwi took for an everyday word, with a place cue after it.
            if after.startswith(cues) and not _common_everyday(core):
                f = doc.finding(Kind.PLACE, start, end, conf, "place.stem_cue")
                if f is not None:
                    found.append(f)
            continue
        confirmed = (
            targets.overlaps(start, end)
            or after.startswith(cues)
            or any(e >= end for e in doc.places_starting(start))
            or (prev is not None and prev[3] != "" and index.province.get(prev[3], False))
            or (nxt is not None and bool(doc.places_starting(nxt[0])))
            or (index.province[key] and nxt is not None and nxt[3] != "")
        )
        if confirmed:
            if nxt is not None and index.province[key] and (nxt[3] or doc.places_starting(nxt[0])):
                end = nxt[1]  # 함뷱 무산: the county goes with its province
            f = doc.finding(Kind.PLACE, start, end, conf, "place.damaged_stem")
            if f is not None:
                found.append(f)
    # 창원지, 청진싱: a two-syllable gazetteer stem and a one-syllable suffix one jamo off 시/군/구.
    one = [x for x in pc.admin_suffixes if len(x) == 1]
    for i, (start, end, core, _) in enumerate(cores):
        if len(core) != 3 or core[:2] not in index.province or core[2] in one:
            continue
        # "강원돼 원산시": before the next place of a chain, a verb's reading (강원 + 되어) is no reading.
        nxt_start = cores[i + 1][0] if i + 1 < len(cores) else -1
        chained = end + 1 == nxt_start and bool(doc.places_starting(nxt_start))
        if not any(near_syllable(core[2], x) for x in one) or (
            not chained and _alone(core) in (Evidence.COMMON, Evidence.PREDICATE)
        ):
            continue
        f = doc.finding(Kind.PLACE, start, end, conf, "place.damaged_suffix")
        if f is not None:
            found.append(f)
    # 평남 평원, 함북 연사: a short province form, then a word Kiwi does not know.
    for i, (start, end, core, key) in enumerate(cores[:-1]):
        if not key or not index.province.get(key, False) or end != words[i].end:
            continue
        n_start, n_end, n_core, n_key = cores[i + 1]
        if core != key and not n_key:
            continue  # a damaged province form needs a place after it (항남 태탄)
        if n_start != words[i].end + 1 or not 2 <= len(n_core) <= 3 or not hangul_only(n_core):
            continue
        if n_core in pc.unknown_stem_stop or (_plain(doc, n_core) and not _stem_key(doc, n_core)):
            continue  # 황북 송림, 평남 개천: a county stem that is also a word still follows a province
        if _verb_form(n_core):
            continue  # "경기 있는 날": a verb after a word that is also a province (a match), no county
        f = doc.finding(Kind.PLACE, start, n_end, conf, "place.province_pair")
        if f is not None:
            found.append(f)
    found.extend(f for f in _town_before_village(doc) if f is not None)
    found.extend(f for f in _glued_damaged_chain(doc) if f is not None)
    found.extend(f for f in _damaged_division_after_place(doc) if f is not None)
    # 평남수천, 함북무샨: a short province form glued to a county stem one jamo off (the space lost).
    for start, end, core, _ in cores:
        head, rest = core[:2], core[2:]
        if not index.province.get(head, False) or len(rest) != 2 or not hangul_only(core):
            continue
        if rest in pc.unknown_stem_stop or not index.near(rest, doc.rules.lexicon.exact):
            continue
        f = doc.finding(Kind.PLACE, start, end, conf, "place.province_pair")
        if f is not None:
            found.append(f)
    return [f for f in found if not country_in_general(doc, f, found)]


# Divisions a chain of places ends in: a 동, 리 or 읍 after its city, district or county ("강계시
# 연풍동", "철원 동송읍").
_SMALL_DIVISIONS = ("동", "리", "읍")
_DIVISION_WORD = 3  # syllables: a two-syllable stem and the suffix (연풍동, 회상동)
# Last syllables that are no damage: the suffixes themselves, and 로 of a road's name (둔산로, 율곡로), one
# jamo from 리 but an address's part, which relay.detect.addresses reads.
_NOT_DAMAGED = frozenset((*_SMALL_DIVISIONS, "로"))


def _damaged_division_after_place(doc: Doc) -> Iterable[Finding | None]:
    """A 동, 리 or 읍 whose suffix OCR damaged by one jamo ("강계시 연풍됑", "철원 동송으"), right after a
    gazetteer place: the stem is a gazetteer stem or a word Kiwi does not know as an everyday one (친구도
    after 서울 is a friend), and no verb ("평양 오셔도"). Review."""
    ends = {
        doc.spaced_span(m.start, m.end)[1]
        for m in doc.exact_matches
        if any(e.kind is Kind.PLACE and not e.strict for e in m.entries)
    }
    # A stem written with its division's suffix ("정평구 광덕릐": 정평 and 구), or a county one jamo off a
    # gazetteer one ("무신군 칠성라"): the division after it is as much that place's.
    suffixes = doc.rules.config.places.admin_suffixes
    ends |= {e + 1 for e in ends if doc.text[e : e + 1] in suffixes}
    ends |= {
        end
        for m in doc.fuzzy_matches
        if len(m.key) >= _DIVISION_WORD
        and m.key[-1] in suffixes
        and doc.text[(end := doc.spaced_span(m.start, m.end)[1]) - 1] == m.key[-1]
        and any(e.kind is Kind.PLACE and not e.strict for e in m.entries)
    }
    # "화천군 상서면 산양라": a township or district named right after a gazetteer place (its own stem
    # unknown to the gazetteer) carries the chain on to the village after it.
    # After such a township the village's stem may be an everyday word too (산양 "goat", 신흥): the
    # place, township and village in a row say what it is.
    middle = doc.rules.config.places.chain_middle_suffixes
    deep: set[int] = set()
    for w in doc.words:
        if w.start - 1 in ends and doc.text[w.start - 1] in " \n" and w.text.endswith(middle):
            stem = w.text[: -len(next(m for m in middle if w.text.endswith(m)))]
            if len(stem) >= 2 and stem not in doc.rules.config.places.unknown_stem_stop:
                ends.add(w.end)
                deep.add(w.end)
    conf = doc.rules.config.severity.redact_min - 0.15
    for w in doc.words:
        word = w.text[:_DIVISION_WORD] if _division_tail(doc, w, w.text[_DIVISION_WORD:]) else w.text
        if len(word) != _DIVISION_WORD or w.start - 1 not in ends or doc.text[w.start - 1] not in " \n":
            continue
        stem, last = word[:2], word[2]
        if last in _NOT_DAMAGED or not any(near_syllable(last, x) for x in _SMALL_DIVISIONS):
            continue
        if evidence(doc, w.start, w.start + len(stem)) in (Evidence.PREDICATE, Evidence.INSIDE):
            continue  # "평양 오셔도", "씻지도": a verb, its ending one jamo from 동
        third = w.start + len(stem)
        # "상서면 사람도": after a township an everyday stem may name the village, but not one Kiwi
        # reads with its particle.
        particle = last in doc.rules.particles and any(
            m.tag.startswith("J") for m in doc.morphemes_in(third, third + 1)
        )
        if stem in doc.rules.config.places.unknown_stem_stop or not (
            _stem_key(doc, stem) or not _plain(doc, stem) or (w.start - 1 in deep and not particle)
        ):
            continue
        yield doc.finding(Kind.PLACE, w.start, w.start + len(word), conf, "place.damaged_division")


# The copula after a village's name ("칠성리입니다", "칠성리였어"), besides the particles.
# Older and northern writers close with 이오 and 이요 ("성진동이오"), speakers go on with 인데, 이고.
_DIVISION_COPULA = (
    *("입니다", "이에요", "이예요", "예요", "이다", "였", "이었", "이야", "야"),
    *("이오", "이요", "이고", "인데", "이라"),
)


def _division_tail(doc: Doc, w: Span, tail: str) -> bool:
    """``tail`` after the first three syllables of word ``w`` is a particle or the copula (not empty: the
    word is then whole), and Kiwi reads no particle or ending in the third syllable ("만원이나": 이나)."""
    if not tail or not (tail in doc.rules.particles or tail.startswith(_DIVISION_COPULA)):
        return False
    third = w.start + _DIVISION_WORD - 1
    return not any(m.tag.startswith(("J", "E", "VCP")) for m in doc.morphemes_in(third, third + 1))


@lru_cache(maxsize=8)
def unit_index(rules: Rules) -> SuffixIndex:
    """Unit words (저격려단, 경보병대대, 부대) ending in one of ``units.damaged_unit_ends`` for damaged
    copies."""
    ends = rules.config.units.damaged_unit_ends
    mil = (t for t, k in rules.gazetteers.military.items() if k == "unit_word")
    words = {w for w in (*rules.config.units.unit_words, *mil) if len(w) >= 2 and w[-1] in ends}
    return SuffixIndex((w, Kind.UNIT) for w in sorted(words))


def find_damaged_units(doc: Doc) -> list[Finding]:
    """A whole word that is a damaged unit word ("져격려단", "경보병데대", "국경켱바 대"): a review.
    Two-syllable ones (부댕, 군달) also need a unit word or a unit cue next to them: alone, one jamo
    from 부대 is 부디 and from 소대 is 소재."""
    index = unit_index(doc.rules)
    cues = tuple(key_of(c) for c in doc.rules.config.units.damaged_cues)
    conf = doc.rules.config.severity.redact_min - 0.15
    found: list[Finding] = []
    prev_unit = False
    particles = doc.rules.particles
    tails = doc.rules.config.units.damaged_unit_tails
    for w, cand, first in _candidates(doc):
        glued = len(cand) > first
        if not glued:
            core = strip_particles(cand, doc)[0]
            prev_unit, was_unit = core in index.kinds or core.endswith(tails), prev_unit
        else:
            was_unit = prev_unit
        # From the longest unit word's length down: a longer piece is passed over below anyway, and
        # where the glued candidate would stop at one (e <= first) it stops at this first one too.
        n = min(len(cand), index.lengths[0]) if index.lengths else len(cand)
        for e in range(n, 1, -1):
            rest = cand[e:]
            if glued and e <= first:
                break
            if len(rest) > 2 and not rest.startswith(particles):
                continue
            core = cand[:e]
            if e > index.lengths[0]:
                continue  # longer than any unit word
            word = index.near(core)
            if not word or (len(word) == 2 and _alone(core) in (Evidence.COMMON, Evidence.PREDICATE)):
                continue  # Kiwi reads damage to long words as anything (져격려단 = 지어 격려 단)
            end = _offset(doc, w, first, e)
            if len(word) == 2 and not (was_unit or doc.after(end, 6).startswith(cues)):
                continue
            f = doc.finding(Kind.UNIT, w.start, end, conf, "unit.damaged_word")
            if f is not None:
                found.append(f)
                if not glued:
                    prev_unit = True
            break
    return found


@lru_cache(maxsize=8)
def role_index(rules: Rules) -> SuffixIndex:
    """Role words (의사, 반장) that stand before a title in place of a name."""
    return SuffixIndex((w, Kind.PERSON) for w in rules.config.names.role_words if len(w) >= 2)


def everyday_damaged(doc: Doc, core: str) -> bool:
    """True if ``core`` is an everyday word before a damaged short suffix (신발공쟝): a cue such as
    "X에서 일했다" must not make it a workplace."""
    index = suffix_index(doc.rules)
    if index.kinds.get(index.near(core)) is Kind.ORG:
        return True  # 회샤, 학쿄: a bare suffix word, damaged (회사에 다닌다 names no firm)
    for size in index.lengths:
        if size >= len(core):
            continue
        piece, stem = core[-size:], core[:-size]
        suffix = index.near(piece) or (piece if piece in index.kinds else "")
        if suffix and len(suffix) < 3 and _alone(stem) is Evidence.COMMON:
            return True
    return False
