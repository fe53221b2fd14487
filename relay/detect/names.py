"""Person names: full names (surname + one or two syllables) and given names when the letter addresses
or introduces someone (사랑하는 철수야, 동생 순희는, 리영호 동무, 제 이름은 …, 어머니 박순옥 드림).

Each candidate word gets a score from evidence that is data in ``rules.toml``: a known surname,
given-name syllable weights, the list of common given names, Kiwi (proper noun, unknown word, or an
everyday word, which vetoes), and cue words around it. The score is graded like every finding:
redact, review or nothing. Two-syllable words need a cue: on their own they are far more often
proper nouns of other kinds (한강, 고려) than names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from relay.detect.confusables import ocr_variants
from relay.detect.damaged import near_syllable, role_index
from relay.detect.document import Doc, Span, hangul_only
from relay.detect.gazetteer import Gazetteers
from relay.detect.morph import Morpheme, analyse, may_read_alone_as
from relay.detect.normalize import is_hangul
from relay.detect.respaced import split_piece
from relay.detect.rules import OCR_SURNAME_RANK, Rules
from relay.detect.words import Evidence, TermSet, evidence, has_final, last_word, strip_particles
from relay.model import Finding, Kind, Severity

_SALUTATION_ENDINGS = ("에게", "께", "한테", "야", "아", "에게서")
_NOT_NAMES = (Kind.PLACE, Kind.ORG, Kind.UNIT)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # spaced offsets of the name itself
    end: int
    text: str
    ending: str  # particle after it, if any
    merged: bool  # built from two words ("리 영호")
    judge_start: int  # the part Kiwi should judge (the longer word of a merged name)
    judge_end: int
    glued_before: bool
    glued_after: bool
    slot_only: bool = False  # judged only by names._slot
    syllable_run: bool = False  # three one-syllable words ("최 명 선"): needs a cue or a slot


class _Cues:
    """Cue words from the gazetteers and rules, in compact form, built once per Rules."""

    def __init__(self, rules: Rules) -> None:
        gaz, cfg = rules.gazetteers, rules.config.names

        def terms(position: str, kinds: tuple[str, ...], exclude: bool = False) -> frozenset[str]:
            return frozenset(
                c.term.replace(" ", "")
                for c in gaz.name_context
                if c.position == position and (c.kind in kinds) != exclude
            )

        self.kinship = frozenset(gaz.kinship)
        ranks = frozenset(t for t, k in gaz.military.items() if k.startswith(("rank", "title")))
        self.before = terms("before", ("intro",), exclude=True) | self.kinship | frozenset(cfg.extra_before)
        self.intro_before = terms("before", ("intro",)) | frozenset(cfg.intro_before)
        self.after = terms("after", ("intro", "closing"), exclude=True) | ranks | self.kinship
        self.intro_after = terms("after", ("intro",)) | frozenset(cfg.intro_after)
        self.closings = terms("after", ("closing",)) | frozenset(cfg.closings)
        self.not_names = cfg.stop_words | self.kinship | self.before | self.after | self.closings
        self.not_names |= self.intro_before | frozenset(cfg.public_figures)
        # Words that say who someone is (교원, 담임, 상담 선생님): before a title, never a name.
        self.roles = cfg.role_words | cfg.title_modifiers
        self.prefixes = TermSet(t for t in self.before if len(t) > 1)
        # Cues that may stand glued before a name inside a longer run of words with the spaces lost
        # ("막내동생편승명이보고싶다", "소대장유춘운은"): kinship terms and titles or ranks.
        inner = {t for t in self.kinship | ranks if len(t) > 1}
        # ... and the words that say where someone is from or who is speaking ("출신제지용입니다",
        # "사람남민월,", "졸업생심혱림이다").
        inner |= {t for t in (*cfg.slot_origin_words, *cfg.slot_intro_before) if len(t) > 1}
        self.inner_prefixes = tuple(sorted(inner, key=len, reverse=True))
        self.inner_set = frozenset(inner)
        self.inner_lengths = tuple(sorted({len(t) for t in inner}))
        self.short_kinship = frozenset(t for t in self.kinship if len(t) == 1)
        self.kinship_set = TermSet(self.kinship)
        # Glued after a name: honorifics and ranks (철수씨, 리영호동무); one-syllable particles such as
        # 야 or 가 are endings, handled by particle stripping.
        self.suffixes = TermSet({t for t in self.after if len(t) > 1} | set(cfg.glued_titles))
        self.before_set = TermSet(self.before)
        self.intro_before_set = TermSet(self.intro_before)
        self.after_set = TermSet(self.after)
        self.intro_after_set = TermSet(self.intro_after)
        self.closings_set = TermSet(self.closings)


# The determiners that read as a surname when glued to the noun after them (이영상, 그사진).
_DETERMINERS = frozenset({"이", "그", "저"})
_COPULA_AFTER = ("다", "야", "예요", "에요", "입니", "이다", "이야", "이에요", "라고", "이라고", "이고")


# What follows the friendly 이 of a name (영남이가, 광철이랑), not a copula (학년이고요, 대장이다).
_FRIENDLY_I_PARTICLES = frozenset(
    {"", "가", "는", "도", "를", "랑", "와", "의", "한테", "에게", "하고", "만", "까지", "보다", "처럼", "네"}
)


class _Scorer:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cfg = doc.rules.config.names
        self.gaz = doc.rules.gazetteers
        self.cues = _cues(doc.rules)

    @property
    def lexicon_keys(self) -> frozenset[str]:
        """Gazetteer keys that are places, organisations or units: never a person's name."""
        return _lexicon_keys(self.doc.rules)

    def split(self, text: str) -> tuple[str, str] | None:
        """(surname, given) if ``text`` is a surname plus one or two syllables."""
        for n in (2, 1):
            surname, given = text[:n], text[n:]
            if surname in self.gaz.surnames and 1 <= len(given) <= 2:
                return surname, given
        return None

    def plausible(self, cand: _Candidate) -> bool:
        """Cheap checks before the cues are looked at: length, script, not a cue or stop word."""
        return (
            self.cfg.min_syllables <= len(cand.text) <= self.cfg.max_syllables
            and hangul_only(cand.text)
            and cand.text not in self.cues.not_names
            and cand.text not in self.cues.roles  # 상담 선생님, 반장 동무: who someone is, not a name
            and not self._ends_inside_particle(cand)
        )

    def _ends_inside_particle(self, cand: _Candidate) -> bool:
        """Kiwi reads a particle across the candidate's end ("주말마다 아들": 주말 + 마다, not 주말마 +
        다): a name ends before its particle, never inside it."""
        return any(
            m.tag.startswith("J") and m.start < cand.end < m.end
            for m in self.doc.morphemes_in(cand.end - 1, cand.end)
        )

    def score(
        self, cand: _Candidate, context: bool, intro: bool, strong: bool = False
    ) -> tuple[float, str] | None:
        """Score and rule id; ``strong`` marks a slot where only a name fits (before a closing at the
        end of a letter, after 이름은): there Kiwi's reading of the word as an everyday one is not
        believed, since unknown names are often read as words."""
        cfg, text = self.cfg, cand.text
        if not self.plausible(cand):
            return None
        if cand.merged and not strong and not self._merge_ok(cand, context or intro):
            return None
        if not (context or intro) and self._names_a_thing(cand):
            return None  # "보르시라는 빨간 국": what a thing is called
        if intro and not context and text in self.lexicon_keys:
            intro = False  # "나는 평양 병원 의사였던", "저는 강원도 평창": where one is from, not one's name
        vocative = cand.ending in cfg.vocatives
        # 영남이는, 광철이와: the friendly 이 after a consonant-final given name.
        suffix_i = cand.ending.startswith("이") and has_final(text[-1])
        if len(text) == 2 and not (context or intro or vocative or (suffix_i and not cand.merged)):
            return None
        parts = self.split(text)
        given = parts[1] if parts else text
        if len(given) > 2 or (not parts and given in self.cues.not_names):
            return None
        if parts and self.gaz.surnames.get(parts[0]) == OCR_SURNAME_RANK and not (context or intro or strong):
            return None  # 햔국말, 갸면: a look-alike of a surname needs a cue (킴나미 씀, 누나 션옥이)
        if parts and not (context or intro or strong) and self._everyday_compound(cand, parts[0]):
            return None
        if not (context or intro or strong) and _southern_spelling(text) and _known_word(text):
            return None  # 로동이, 력사를: an everyday word in North Korean spelling, no cue for a name
        merged_given = parts[1] if parts and cand.merged and not (context or intro or strong) else ""
        if merged_given and _southern_spelling(merged_given) and _known_word(merged_given):
            return None  # "이 로인이": a determiner and 노인 in North Korean spelling
        score = cfg.surname if parts else cfg.given_alone_penalty
        kiwi = self._kiwi(cand)
        # A damaged name is believed only in a word Kiwi reads as a proper noun or cannot read, never in
        # words OCR may have split; and when OCR could only have damaged a listed name, or a cue says a
        # name is there.
        repaired = self._repaired(given) if kiwi > 0 and not cand.merged else ""
        listed = bool(repaired) and bool(
            self.gaz.given_names.intersection((text[: len(text) - len(given)] + repaired, repaired))
        )
        called = vocative or (suffix_i and cand.ending[1:] in _FRIENDLY_I_PARTICLES)
        if not (listed or context or intro or called):
            repaired = ""
        weights = [self.gaz.given_syllables.get(ch, 0) for ch in repaired or given]
        score += cfg.given_per_weight * (sum(weights) / len(weights) - cfg.given_weight_pivot)
        score += cfg.unknown_syllable_penalty * weights.count(0)
        if repaired:
            score += cfg.damaged_syllable
        if given in self.gaz.given_names or text in self.gaz.given_names or listed:
            score += cfg.common_given
        score += max(kiwi, 0.0) + cfg.strong_slot if strong else kiwi
        if parts and len(given) == 2 and kiwi >= 0 and min(weights) >= cfg.slot_kin_min_weight:
            score += cfg.typical_full_name  # 국선일, 황보승혁: a name in shape and to Kiwi
        if text in self.lexicon_keys or text[:2] in self.lexicon_keys or text[:3] in self.lexicon_keys:
            score += cfg.place_word  # 영남, 서울역: a place or organisation unless the cues say otherwise
        score += (
            cfg.context * context + cfg.intro * intro + cfg.vocative * vocative + cfg.name_suffix * suffix_i
        )
        if suffix_i and not cand.merged and self._kiwi_name_suffix(cand):
            score += cfg.kiwi_name_suffix
        rule = "person.intro" if intro else "person.context" if context else "person.full_name"
        if vocative and not (intro or context):
            rule = "person.vocative"
        return score, rule

    def _repaired(self, given: str) -> str:
        """The given name OCR most likely damaged into ``given`` ("" if none): two syllables, one of them
        rare in names and one jamo off a syllable typical of them (첼 for 철, 흰 for 희, 뢩 for 령); a
        listed given name is preferred among the repairs, then the most typical syllable."""
        syllables = self.gaz.given_syllables
        odd = [i for i, ch in enumerate(given) if syllables.get(ch, 0) < self.cfg.name_shaped_min_weight]
        if len(given) != 2 or len(odd) != 1 or not hangul_only(given):
            return ""
        i = odd[0]
        repairs = [given[:i] + ch + given[i + 1 :] for ch in near_typical(self.doc.rules, given[i])]
        return next((r for r in repairs if r in self.gaz.given_names), repairs[0] if repairs else "")

    def _kiwi_name_suffix(self, cand: _Candidate) -> bool:
        """Kiwi reads the word as a proper noun ending where the candidate does, then the friendly 이
        as a suffix (혜령/NNP + 이/XSN + 도): it recognised a name called the familiar way."""
        morphs = self.doc.morphemes_in(cand.start, cand.end + 1)
        return any(
            (a.tag, b.tag, b.form) == ("NNP", "XSN", "이") and a.start >= cand.start and a.end == cand.end
            for a, b in pairwise(morphs)
        )

    def _everyday_compound(self, cand: _Candidate, surname: str) -> bool:
        """Kiwi reads the candidate as everyday words only, and either as a numeral (천오백) or, when the
        "surname" is a rare one, as a word it knows followed by a suffix or another word (대학 + 생,
        학교 + 종, 순대 + 한). A common surname before a known word stays a name (이상 + 철 may be
        이상철), and so does anything Kiwi calls a proper noun or does not know."""
        morphs = [m for m in self.doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
        if not morphs or morphs[0].start != cand.start or any(m.oov or m.tag == "NNP" for m in morphs):
            return False
        if all(m.tag == "NR" for m in morphs):
            return True
        rank = self.gaz.surnames.get(surname)
        if rank is not None and 0 < rank <= self.cfg.merge_max_rank:
            return False
        head = morphs[0]
        return len(morphs) > 1 and head.end - head.start >= 2 and head.tag in _EVERYDAY_TAGS

    def verb_then_bound_noun(self, cand: _Candidate) -> bool:
        """Kiwi reads the two pieces as a verb's adnominal form and a bound noun ("갈 거야": 가 + ㄹ +
        거, "할 수", "본 적"): the commonest way a sentence ends, not a split name."""
        morphs = [m for m in self.doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
        tags = [m.tag for m in morphs]
        return "ETM" in tags and tags[-1] == "NNB" and morphs[-1].end == cand.end

    def _merge_ok(self, cand: _Candidate, cued: bool = False) -> bool:
        """A name split by a space ("리 영호") starts with a common surname."""
        if len(cand.text) == 2:
            return True  # "철 만아": a given name split in two, judged with its cues
        parts = self.split(cand.text)
        if parts is not None and len(parts[0]) == 2:
            return True  # a two-syllable surname is no everyday syllable
        if parts is None:
            return False
        first = self.doc.text[cand.start : cand.end].split()[0]
        if len(first) >= 2 and _adnominal_word(first) and not self.gaz.listed_name(first):
            return False  # "강한 애야", "어릴 때": a verb's adnominal form and a noun, not a name split
        if parts[0] in _PRONOUNS and parts[1] in self.lexicon_keys:
            return False  # "나 부산에서": the writer and a place, not a surname and a given name
        if self.gaz.surnames.get(parts[0], 10**6) <= self.cfg.merge_max_rank:
            return True
        # A rarer surname (룡, 반) before a word Kiwi takes for a name or does not know: "룡 정옥".
        ev = evidence(self.doc, cand.judge_start, cand.judge_end)
        if len(parts[0]) == 1 and len(parts[1]) == 2 and cand.judge_end == cand.start + 2:
            return _split_last_syllable(self.doc, cand, cued)
        if len(parts[0]) != 1 or len(parts[1]) != 2 or cand.judge_start != cand.start + 2:
            return False
        if ev in (Evidence.PROPER, Evidence.UNKNOWN):
            return True
        # Two stray syllables after a surname Kiwi itself takes for a name ("룡 은설": 룡/NNP + 은 + 설).
        head = self.doc.morphemes_in(cand.start, cand.start + 1)
        return ev is Evidence.FRAGMENT and bool(head) and (head[0].tag == "NNP" or head[0].oov)

    def _kiwi(self, cand: _Candidate) -> float:
        cfg = self.cfg
        if cand.merged and len(cand.text) == 2:
            return 0.0  # two stray syllables: Kiwi reads them as anything
        ev = evidence(self.doc, cand.judge_start, cand.judge_end)
        if ev is not Evidence.PROPER and self._particle_opens_word(cand):
            ev = self._alone(cand)
        if ev is Evidence.PROPER:
            return cfg.kiwi_proper
        if ev in (Evidence.UNKNOWN, Evidence.FRAGMENT):
            return cfg.kiwi_unknown
        if ev is Evidence.PREDICATE and self._name_shaped(cand):
            return 0.0  # Kiwi cut an unknown name into a verb form ("용한결": 용하 + ㄴ + 결)
        if ev is Evidence.PREDICATE and self._proper_then_particle(cand):
            return 0.0  # 최철만을: Kiwi read 최철 as a name and its last syllable as the particle 만
        if ev in (Evidence.COMMON, Evidence.INSIDE) and self._split_after_surname(cand):
            return cfg.kiwi_unknown
        if ev in (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE):
            return cfg.kiwi_common
        if ev is Evidence.OTHER and not cand.merged and self._everyday_run(cand):
            return cfg.kiwi_common
        return 0.0

    def _split_after_surname(self, cand: _Candidate) -> bool:
        """ "박 순례여", "리 정화야": a surname set apart from a given name that is an everyday word
        (순례, 정화). Kiwi, reading the two joined, takes them for one name or a word it does not know;
        a determiner before a noun stays apart (이 정화 작업, 그 사진)."""
        text = cand.text
        if not (cand.merged and len(text) == 3 and self.doc.text[cand.start + 1] == " "):
            return False
        if (
            text[0] in _DETERMINERS
            or text[0] not in self.gaz.surnames
            or text[1:] not in self.gaz.given_names
        ):
            return False
        if _spaced_by_syllable(self.doc, cand.start):
            return False  # "너 를 두고 와 서 미안 하 다"
        morphs = analyse(text)
        return len(morphs) == 1 and (morphs[0].tag == "NNP" or morphs[0].oov)

    def _everyday_run(self, cand: _Candidate) -> bool:
        """Speech recognition runs a determiner into the noun after it: Kiwi reads the word as 이, 그
        or 저 and an everyday noun of two syllables or more (이영상: 이 + 영상, 그사진: 그 + 사진), and
        the "surname" is no name's. A name Kiwi does not know comes out as a proper noun or unknown.
        (A noun starting with a surname syllable is no such cue: 방학철 and 조미향 are names.)"""
        if self.doc.text.startswith(_COPULA_AFTER, cand.end):
            return False  # "나는 이재화다": who the writer is, a name, not "this" and a noun
        morphs = self.doc.morphemes_in(cand.start, cand.end)
        if len(morphs) != 2 or morphs[0].start != cand.start or morphs[-1].end != cand.end:
            return False
        first, second = morphs
        return (
            (first.tag, second.tag) == ("MM", "NNG")
            and first.form in _DETERMINERS
            and not second.oov
            and second.end - second.start >= 2
        )

    def _names_a_thing(self, cand: _Candidate) -> bool:
        """The word after "X(이)라는" (skipping one adnominal word: "빨간 국") is a noun Kiwi knows that is
        no word for a person: X names that thing."""
        called = re.match(r"(?:이)?라는\s", self.doc.text[cand.end : cand.end + 4])
        if called is None:
            return False
        words = self.doc.text[cand.end + called.end() :].split(maxsplit=2)[:2]
        cfg = self.doc.rules.config.names
        people = {*cfg.known_as_nouns, *cfg.name_labels} | self.cues.kinship | self.cues.roles
        for word in words:
            noun = strip_particles(word, self.doc)[0]
            if noun in people or any(noun.startswith(p) for p in people if len(p) >= 2):
                return False
            if _lone_tag(noun) == "NNG":
                return True
        return False

    def _particle_opens_word(self, cand: _Candidate) -> bool:
        """Kiwi took the first syllable of a spaced word for a particle of the word before ("총무
        로수빈은": 총무 + 로 + 수 + 빈): a North Korean surname (로, 리, 류) reads as one. A particle
        never opens a word written apart, so the sentence's reading says nothing of this word."""
        if cand.merged or cand.start == 0 or not self.doc.text[cand.start - 1].isspace():
            return False
        first = next((m for m in self.doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start), None)
        return first is not None and first.start == cand.start and first.tag.startswith("J")

    def _alone(self, cand: _Candidate) -> Evidence:
        """Kiwi's reading of the word with its ending, on its own."""
        morphs = analyse(cand.text + cand.ending)
        if not morphs or morphs[0].end != len(cand.text):
            return Evidence.OTHER
        if morphs[0].oov:
            return Evidence.UNKNOWN
        return Evidence.PROPER if morphs[0].tag == "NNP" else Evidence.COMMON

    def _proper_then_particle(self, cand: _Candidate) -> bool:
        """Kiwi reads the start of a full-name-shaped candidate as a proper noun or an unknown word of
        two syllables or more and the rest as particles only (최철 + 만)."""
        if len(cand.text) != 3 or not _full_name_shaped(self.doc, cand.text):
            return False
        morphs = [m for m in self.doc.morphemes_in(cand.start, cand.end) if m.end <= cand.end]
        if not morphs or morphs[0].start != cand.start or morphs[0].end - morphs[0].start < 2:
            return False
        if morphs[0].form in self.lexicon_keys:
            return False  # 한국만: a place and a particle
        return (morphs[0].tag == "NNP" or morphs[0].oov) and all(m.tag.startswith("J") for m in morphs[1:])

    def _name_shaped(self, cand: _Candidate) -> bool:
        """A surname plus given-name syllables that all occur in names, and Kiwi's analysis does not
        end in a verb ending inside the word: a name Kiwi misread rather than a verb."""
        parts = self.split(cand.text)
        if parts is None or len(cand.text) < 3:
            return False
        if any(self.gaz.given_syllables.get(ch, 0) < self.cfg.name_shaped_min_weight for ch in parts[1]):
            return False
        morphs = [m for m in self.doc.morphemes_in(cand.start, cand.end) if m.end <= cand.end]
        if len(morphs) == 1 and not morphs[0].oov and morphs[0].end - morphs[0].start == len(cand.text):
            return False  # one word Kiwi knows whole (천천히): not a name it cut up
        return (
            bool(morphs)
            and morphs[-1].tag.startswith(("NN", "MAG", "XR"))
            and not any(m.tag.startswith("J") for m in morphs if m.start >= cand.start)
        )


def _ends_in_place(doc: Doc, core: str) -> bool:
    """``core`` ends in a gazetteer name of two or three syllables that is no name (평양, 밀양, 함양)."""
    keys = _lexicon_keys(doc.rules)
    return core[-2:] in keys or (len(core) > 3 and core[-3:] in keys)


@lru_cache(maxsize=8)
def _lexicon_keys(rules: Rules) -> frozenset[str]:
    exact = rules.lexicon.exact
    return frozenset(k for k, es in exact.items() if any(e.kind in _NOT_NAMES for e in es))


@lru_cache(maxsize=8)
def _cues(rules: Rules) -> _Cues:
    return _Cues(rules)


def _candidates(doc: Doc, words: tuple[Span, ...], i: int, cues: _Cues) -> Iterable[_Candidate]:
    word = words[i]
    core, ending = strip_particles(word.text, doc)
    start, end = word.start, word.start + len(core)
    glued_before = glued_after = False
    for suffix in cues.suffixes.suffixes(core):  # 리영호동무(에게)
        if len(suffix) == 1 and _ends_in_place(doc, core):
            continue  # "고향평양을": 양 ends the city, it is no title (Miss) after a name
        if len(core) - len(suffix) >= 2:
            core, end, glued_after = core[: -len(suffix)], end - len(suffix), True
            break
    else:
        for suffix in cues.closings_set.suffixes(core):  # 리영호드림 (OCR dropped the space)
            if len(suffix) > 1 and len(core) - len(suffix) >= 2:
                core, end = core[: -len(suffix)], end - len(suffix)
                break
    for prefix in cues.prefixes.prefixes(core):  # 아들철수(야)
        if len(core) - len(prefix) >= 2:
            core, start, glued_before = core[len(prefix) :], start + len(prefix), True
            break
    # A kinship word glued to the surname after it, and the space between them moved into the name
    # ("에미허 순애는"): the surname alone is the first piece of a split name below, no name of its own.
    kin_surname = ""
    if not (ending or glued_before) and len(core) >= 3 and core[-1] in doc.rules.gazetteers.surnames:
        kin = max(cues.kinship_set.suffixes(core[:-1]), key=len, default="")
        kin_surname = core[-1] if len(kin) >= 2 else ""
    yield _Candidate(start, end, core, ending, False, start, end, glued_before, glued_after)
    if ending and len(core) <= 2 and len(ending) == 1 and not glued_after:
        # 하경만, 길은히: a full name whose last syllable reads as a particle; judged by its slot only.
        w_end = end + 1
        yield _Candidate(start, w_end, core + ending, "", False, start, w_end, glued_before, False, True)
    if not ending and not glued_before and not glued_after:
        yield from _misfit_particle_candidate(doc, word)
    yield from _inner_candidates(doc, word, cues)
    yield from _teknonym_run_candidates(doc, word, cues)
    # Spacing noise splits a name: "리 영호", "리영 호", "철 만아".
    if i + 1 < len(words) and not ending and doc.text[word.end : words[i + 1].start] == " ":
        nxt = words[i + 1]
        n_core, n_ending = strip_particles(nxt.text, doc)
        n_titled = False
        for suffix in cues.suffixes.suffixes(n_core):  # "진 호씨", "리 영호동무": a title glued on
            if 1 <= len(n_core) - len(suffix) <= 2 and not _known_word(n_core):  # not 아저씨, 아가씨
                n_core, n_titled = n_core[: -len(suffix)], True
                break
        if not n_ending and not n_titled:
            for suffix in cues.closings_set.suffixes(n_core):  # "산 현쥬드림": a closing glued on
                if len(suffix) > 1 and 1 <= len(n_core) - len(suffix) <= 2:
                    n_core = n_core[: -len(suffix)]
                    break
        if len(n_core) == 2 and n_core.endswith("이") and has_final(n_core[0]):
            n_core, n_ending = n_core[:1], "이" + n_ending  # "성 철이가": 철 + friendly 이
        double = (
            len(core) == 2
            and 1 <= len(n_core) <= 2
            and core in doc.rules.gazetteers.surnames
            and doc.rules.config.names.split_double_surnames
        )
        if double:  # "사공 화실", "독고 가민": the given name is the word Kiwi judges
            yield _Candidate(
                start,
                nxt.start + len(n_core),
                core + n_core,
                n_ending,
                True,
                nxt.start,
                nxt.start + len(n_core),
                False,
                False,
            )
        elif 2 <= len(core) + len(n_core) <= 4 and min(len(core), len(n_core)) == 1 and n_core:
            n_end = nxt.start + len(n_core)
            if len(core) == len(n_core):
                judge = (start, n_end)
            elif len(core) > len(n_core):
                judge = (start, end)
            else:
                judge = (nxt.start, n_end)
            yield _Candidate(start, n_end, core + n_core, n_ending, True, *judge, False, n_titled)
        if len(n_core) > 2 and not n_titled and len(core) == 1:
            # The space after the name's particle lost as well ("송 민철이가좋은"): the given name is the
            # word's first two syllables when a particle of subject, topic or object and more of the
            # sentence follow them (not 아 or 의: "몸 성히 돌아오너라", "한국 편의점").
            lead, after = _leading_particle(nxt.text[2:], doc)
            given = nxt.text[:2]
            if lead in _GLUED_NEXT_PARTICLES and after and is_hangul(after[0]) and hangul_only(given):
                n_end = nxt.start + 2
                yield _Candidate(start, n_end, core + given, lead, True, nxt.start, n_end, False, False)
        kin_split = kin_surname and 1 <= len(n_core) <= 2 and hangul_only(n_core)
        if kin_split and n_core not in doc.rules.particles:
            n_end = nxt.start + len(n_core)
            yield _Candidate(
                end - 1, n_end, kin_surname + n_core, n_ending, True, nxt.start, n_end, True, n_titled
            )
    yield from _syllable_run_candidate(doc, words, i)
    yield from _particle_split_candidate(doc, words, i)


# The particles after a given name that OCR glued to the next word (see _candidates).
_GLUED_NEXT_PARTICLES = frozenset(
    {"이", "가", "은", "는", "을", "를", "이가", "이는", "이를", "이도", "도", "랑", "이랑"}
)


# Particles whose form follows the final consonant before them, as names take them.
_MISFIT_PARTICLES = frozenset({"는", "가", "를", "은", "을", "아", "야", "와", "과"})


def _misfit_particle_candidate(doc: Doc, word: Span) -> Iterable[_Candidate]:
    """ "설준는", "철미아": OCR added or dropped the final consonant of a name's last syllable (설주는,
    철민아), so the particle after it no longer fits. The name before it is a candidate when its last
    syllable, with the final the particle asks for, is one jamo off a syllable typical of names."""
    text = word.text
    particle, core = text[-1:], text[:-1]
    if particle not in _MISFIT_PARTICLES or not 2 <= len(core) <= 3 or not hangul_only(core):
        return
    wants_final = particle in doc.rules.config.text.after_consonant
    if has_final(core[-1]) == wants_final:
        return  # it fits: strip_particles would have taken it
    if _known_word(core) or _lone_tag(text):
        return  # 아카시아, 시베리아: a word that ends in the particle's syllable
    weights = doc.rules.gazetteers.given_syllables
    least = doc.rules.config.names.name_shaped_min_weight
    if any(weights.get(ch, 0) < least for ch in core[1:-1]):
        return  # "나을랑가": no name has 을 inside it
    if any(has_final(ch) == wants_final for ch in near_typical(doc.rules, core[-1])):
        end = word.start + len(core)
        yield _Candidate(word.start, end, core, particle, False, word.start, end, False, False)


def _run_in_slot(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A surname and two syllables OCR spaced apart where only a name fits, whatever Kiwi makes of the
    pieces (한 말 = a determiner and a measure, 박 다 = a noun and an adverb): introduced ("농사짓는 한 말
    순 이유"), or after a kinship word with the friendly 이 only names take ("손녀 박 다 은이가")."""
    if not cand.syllable_run or _known_word(cand.text[1:]):
        return False  # "한 사 람 입니다": a determiner and an everyday word OCR split
    if _introduced(doc, cand, scorer):
        return True
    if _addressed_as_you(doc, cand):
        return True
    friendly = cand.ending.startswith("이") and len(cand.ending) > 1 and has_final(cand.text[-1])
    return friendly and _prev_word(doc, cand.start) in scorer.cues.kinship


# "최 명 수 너 살 아 있 는 거 알 고": the reader called by full name to open the sentence, then "you" as
# its subject; no particle after the name, as a vocative to an equal or a younger one often has none.
_YOU = frozenset({"너", "넌", "너는", "니", "니는", "네가", "니가", "당신", "자네"})


def _addressed_as_you(doc: Doc, cand: _Candidate) -> bool:
    """``cand`` opens its sentence with no particle, and "you" is the next word (see above)."""
    if cand.ending or not _sentence_start(doc, cand.start):
        return False
    word = doc.word_at(cand.end + 1) if doc.text[cand.end : cand.end + 1] == " " else None
    return word is not None and word.start == cand.end + 1 and word.text in _YOU


# Words before a spaced syllable that are a pronoun and its particle, not a surname and a syllable.
_PRONOUN_SUBJECTS = frozenset({"제가", "내가", "네가", "니가", "누가", "나가", "너가"})


def _particle_split_candidate(doc: Doc, words: tuple[Span, ...], i: int) -> Iterable[_Candidate]:
    """A full name OCR split after a second syllable that reads as a particle, before a title
    ("계가 금 선생님을": 계 + 가 as subject + 금): a surname and 가 or 이, then one syllable typical of
    names that is no adverb (꼭, 또, 더), then a title. Judged as a name merged across spaces, which
    before a title must be a full name (see :func:`_slot_shape`)."""
    if i + 2 >= len(words):
        return
    first, second, third = words[i], words[i + 1], words[i + 2]
    text = doc.text
    if len(first.text) != 2 or first.text[1] not in "가이" or len(second.text) != 1:
        return
    if text[first.end : second.start] != " " or text[second.end : third.start] != " ":
        return
    if first.text in _PRONOUN_SUBJECTS or first.text[0] not in doc.rules.gazetteers.surnames:
        return
    if not _title_is(third.text, doc):
        return
    if not _typical(doc.rules, first.text[1] + second.text):
        return
    if {m.tag for m in analyse(second.text)} & _NOT_NAME_TAGS:
        return
    name = first.text + second.text
    yield _Candidate(first.start, second.end, name, "", True, first.start, second.end, False, False)


def _syllable_run_candidate(doc: Doc, words: tuple[Span, ...], i: int) -> Iterable[_Candidate]:
    """A full name that OCR split into three one-syllable words ("최 명 선과 나는"): a common surname
    (rank within merge_max_rank, or a rarer one right after a kinship word) and two more single
    syllables, the last possibly with a particle.
    Only a cue or a slot makes it a name (see ``syllable_run``): on its own the shape is as often the
    pieces of words OCR split ("이 편 지", "민 증 번")."""
    if i + 2 >= len(words):
        return
    first, second, third = words[i], words[i + 1], words[i + 2]
    if len(first.text) != 1 or len(second.text) != 1:
        return
    if doc.text[first.end : second.start] != " " or doc.text[second.end : third.start] != " ":
        return
    rank = doc.rules.gazetteers.surnames.get(first.text)
    if rank is None or rank > _COMMON_SURNAME_RANK:
        return
    if rank > doc.rules.config.names.merge_max_rank and not _after_kinship_word(doc, first.start):
        return  # a rarer surname (탁, 봉) only right after a kinship word: "아 버 지 탁 재 순"
    last, ending = strip_particles(third.text, doc)
    if len(last) == 2 and last[1] == "이" and has_final(last[0]):
        last, ending = last[0], "이" + ending  # "김 룡 남이는": the friendly 이 after the name
    if len(last) != 1 or not hangul_only(first.text + second.text + last):
        return
    if _known_word(first.text + second.text):
        return  # "하 루 세 끼": an everyday word split up (하루), then its neighbour
    end = third.start + 1
    text = first.text + second.text + last
    yield _Candidate(first.start, end, text, ending, True, first.start, end, False, False, syllable_run=True)


def _after_kinship_word(doc: Doc, pos: int) -> bool:
    """A kinship word, perhaps split syllable by syllable ("아 버 지", "남 편"), ends right before spaced
    ``pos``."""
    before = doc.before(pos)
    return any(before.endswith(t) for t in _cues(doc.rules).kinship)


def _inner_candidates(doc: Doc, word: Span, cues: _Cues) -> Iterable[_Candidate]:
    """A name right after a kinship or rank cue inside a word, when OCR or spacing glued the words
    together: a surname and two syllables anywhere ("막내동생편승명이보고싶다", "우리소대장유춘운은"), or
    a two-syllable given name that ends the word before a particle ("누나은임이", "딸민경과")."""
    text = word.text
    surnames = doc.rules.gazetteers.surnames
    for at, at_start in _inner_cuts(text, cues):
        rest = text[at:]
        if (
            len(rest) >= 3
            and rest[0] in surnames
            and hangul_only(rest[:3])
            # a cue opening a word of exactly three more syllables: a name only if shaped like one
            # ("정치지도원마영훈"), not a compound ("동생분들")
            and not (
                at_start and len(rest) == 3 and not (_full_name_shaped(doc, rest) and not _known_word(rest))
            )
        ):
            ending, _ = _leading_particle(rest[3:], doc)
            start = word.start + at
            yield _Candidate(start, start + 3, rest[:3], ending, False, start, start + 3, True, False)
        if len(rest) >= 5 and rest[:2] in surnames and hangul_only(rest[:4]):
            # A two-syllable surname: the name takes four syllables ("아빠선우태석은아직"), and only
            # when a particle follows them is the cut sure; not when the given name is an everyday
            # word that is no listed name ("아빠동방예의지국을": 동방 + 예의).
            ending, _ = _leading_particle(rest[4:], doc)
            given = rest[2:4]
            if ending and (not _known_word(given) or given in doc.rules.gazetteers.given_names):
                start = word.start + at
                yield _Candidate(start, start + 4, rest[:4], ending, False, start, start + 4, True, False)
        ending, after = _leading_particle(rest[2:], doc)
        if len(rest) > 2 and ending and not after and hangul_only(rest[:2]):
            start = word.start + at
            yield _Candidate(start, start + 2, rest[:2], ending, False, start, start + 2, True, False)


def _teknonym_run_candidates(doc: Doc, word: Span, cues: _Cues) -> Iterable[_Candidate]:
    """A name opening a run of words OCR glued together, a kinship word and its particle right after it
    ("혁환아버지가일하던소파종합상점": 혁환 + 아버지 + 가 …): the name with the kinship word glued after it,
    as :func:`_candidates` makes it from a word that ends there. Judged as such a word is."""
    text = word.text
    for n in (2, 3):
        rest = text[n:]
        for kin in cues.kinship_set.prefixes(rest):
            ending, after = _leading_particle(rest[len(kin) :], doc)
            if len(kin) >= 2 and ending and after and hangul_only(text[:n]):
                end = word.start + n
                yield _Candidate(word.start, end, text[:n], "", False, word.start, end, False, True)
                break


# Every word of every reading of a page is searched for cues inside it, and the same words come back
# page after page: the cuts depend only on the word and the cues (one _Cues per Rules, see _cues).
@lru_cache(maxsize=1 << 14)
def _inner_cuts(text: str, cues: _Cues) -> tuple[tuple[int, bool], ...]:
    """``(position after a cue, whether a cue ending there starts the word)`` inside ``text``, in order."""
    cuts: dict[int, bool] = {}
    size = len(text)
    for pos in range(size):
        for n in cues.inner_lengths:
            if pos + n > size:
                break
            if text[pos : pos + n] in cues.inner_set:
                cuts[pos + n] = cuts.get(pos + n, False) or pos == 0
    if text[:1] in cues.short_kinship:
        cuts.setdefault(1, True)
    # A one-syllable kinship word after a joining particle, the spaces around it lost ("노기조와딸청원과"):
    # the word after it starts there as if the word started with it.
    for pos in range(2, size - 2):
        if text[pos] in cues.short_kinship and text[pos - 1] in _JOINING:
            cuts.setdefault(pos + 1, True)
    return tuple(sorted(cuts.items()))


# Particles that join two nouns ("아내와 딸", "엄마랑 형").
_JOINING = frozenset("와과랑")


def _leading_particle(rest: str, doc: Doc) -> tuple[str, str]:
    """The particle at the start of ``rest`` (longest listed), and what follows it."""
    for n in range(min(len(rest), 4), 0, -1):
        if rest[:n] in doc.rules.config.text.particles:
            return rest[:n], rest[n:]
    return "", rest


def _signing_tail_candidates(doc: Doc, scorer: _Scorer) -> Iterable[_Candidate]:
    """A full name glued to the end of the word before a closing that ends the letter, when OCR lost
    the space in front of it ("…소사구에서금향정 씀"): the last three syllables, a surname first."""
    cfg = scorer.cfg
    for i, word in enumerate(doc.words[:-1]):
        nxt = doc.words[i + 1]
        if len(word.text) <= 3 or nxt.start != word.end + 1 or nxt.text not in cfg.closings:
            continue
        if not _line_ends_after(doc, nxt.end):
            continue
        tail, head = word.text[-3:], word.text[:-3]
        # The space was lost after a particle ("…에서|금향정"); "여기까지" is one word, not 여 + 기까지.
        if not head.endswith(doc.rules.particles) or len(head) < 2:
            continue
        start = word.end - 3
        if scorer.split(tail) is None or _known_word(tail):
            continue
        if evidence(doc, start, word.end) in (Evidence.COMMON, Evidence.INSIDE):
            continue
        yield _Candidate(start, word.end, tail, "", False, start, word.end, True, False)


def _kiwi_candidates(doc: Doc, cues: _Cues) -> Iterable[_Candidate]:
    """Proper nouns and unknown words as Kiwi segments them: names glued to their neighbours when OCR
    dropped the spaces ("사랑하는철수야잘지내니", "혜림이가벌써")."""
    morphs = doc.morphemes
    for k, m in enumerate(morphs):
        if not (m.tag == "NNP" or (m.oov and m.tag == "NNG")):
            continue
        nxt = morphs[k + 1] if k + 1 < len(morphs) else None
        ending = nxt.form if nxt is not None and nxt.start == m.end and nxt.tag.startswith("J") else ""
        yield _Candidate(m.start, m.end, m.form, ending, False, m.start, m.end, False, False)


def _cue_before(before: str, terms: TermSet, doc: Doc, pos: int) -> bool:
    before = before.rstrip(":：,.-")
    for term in terms.suffixes(before):
        # A one-syllable cue (형, 딸) glued to the previous word is more often part of it, unless that
        # word ends in a particle joining two nouns (방병덕과딸: OCR lost the space after 과).
        if len(term) > 1:
            return True
        cue = pos - 1 - len(term)
        return doc.text[pos - 1 : pos] == " " and (doc.at_word_start(cue) or _joined_on(doc, cue, term))
    return False


def _joined_on(doc: Doc, pos: int, term: str) -> bool:
    """Kiwi reads ``term`` at ``pos`` as a noun of its own after a joining particle or a conjunction
    glued before it ("방병덕과딸", "아내와딸", "그리고딸")."""
    morphs = doc.morphemes_in(pos - 1, pos + len(term))
    joined = any(m.end == pos and m.tag in ("JC", "MAJ") for m in morphs)
    return joined and any(m.start == pos and m.end == pos + len(term) and m.tag == "NNG" for m in morphs)


def _cue_after(doc: Doc, pos: int, terms: TermSet, glued_ok: bool) -> bool:
    after = doc.after(pos)
    spaced = doc.text[pos : pos + 1] == " "
    word = doc.word_at(pos + 1 if spaced else pos)
    next_word = doc.text[word.start : word.end] if word is not None else ""
    for term in terms.prefixes(after):
        if next_word[len(term) : len(term) + 1] == "들" and next_word.startswith(term):
            continue  # "러시아 의사들도", "교회 선생님들": a group of them, not one person's title
        if len(term) > 1 and (spaced or glued_ok):
            return True
        # One syllable (씨, 가, 앞): only as a word of its own, or with particles after it.
        rest = next_word[len(term) :]
        if spaced and (not rest or rest in doc.rules.particles):
            return True
    return False


def _rest_of_line(doc: Doc, pos: int) -> str:
    """The original text from spaced offset ``pos`` to the end of its line, found without copying the
    rest of the text (these run for many candidates; that made them quadratic in the text's length)."""
    start = doc.spaced.ends[pos - 1] if pos > 0 else 0
    end = doc.original.find("\n", start)
    return doc.original[start : end if end >= 0 else len(doc.original)]


def _only_numbers_after(doc: Doc, pos: int) -> bool:
    """The rest of the line holds digits and signs but no words: "김은혜 드림 010 7789 2013", a
    signature followed by the writer's number."""
    line = _rest_of_line(doc, pos)
    return any(ch.isdigit() for ch in line) and not any(ch.isalpha() for ch in line)


def _line_ends_after(doc: Doc, pos: int) -> bool:
    line = _rest_of_line(doc, pos)
    # Letters of Hangul jamo alone (ㅎㅎ, ㅋㅋ, ㅠㅠ) are laughter and tears, not words; cleaning may have
    # made them conjoining jamo.
    return not any(ch.isalnum() and not _is_jamo(ch) for ch in line)


def _is_jamo(ch: str) -> bool:
    return "\u3131" <= ch <= "\u318e" or "\u1100" <= ch <= "\u11ff"


def _closing_after(doc: Doc, pos: int, cues: _Cues) -> bool:
    """A closing word (드림, 올림; OCR may split it: "올 림") at spaced ``pos``, ending its line."""
    after = doc.after(pos, 6)
    c = bisect.bisect_left(doc.compact_src, pos)
    for term in cues.closings_set.prefixes(after):
        if len(term) < 2 and doc.text[pos : pos + 1] != " ":
            continue
        end = doc.compact_src[c + len(term) - 1] + 1
        if _line_ends_after(doc, end) or _only_numbers_after(doc, end):
            return True
    # 올람, 욜림, 드럼: a two-syllable closing one jamo off, the last word of its line (after a space).
    word = doc.word_at(pos + 1) if doc.text[pos : pos + 1] == " " else None
    if word is not None and len(word.text) == 2 and _line_ends_after(doc, word.end):
        return any(
            len(t) == 2
            and sum(a != b for a, b in zip(word.text, t, strict=True)) == 1
            and all(a == b or _near_closing(a, b) for a, b in zip(word.text, t, strict=True))
            for t in doc.rules.config.names.closings
        )
    return False


def _near_closing(a: str, b: str) -> bool:
    return b in ocr_variants(a) or a in ocr_variants(b)


def _slot_grade(doc: Doc, cand: _Candidate, scorer: _Scorer) -> float:
    """Confidence for a candidate in a slot where only a name fits: review, unless the word is also
    shaped like a name (a surname and given syllables typical of names, or two such syllables) and
    Kiwi does not read it as an everyday word."""
    cfg, gaz = scorer.cfg, scorer.gaz
    text = cand.text
    parts = scorer.split(text)
    given = parts[1] if parts else text
    if not (hangul_only(text) and 2 <= len(text) <= 4) or len(given) not in (1, 2):
        return cfg.slot_review
    if parts is None and len(given) != 2:
        return cfg.slot_review
    if not _typical(doc.rules, given):
        return cfg.slot_review
    ev = evidence(doc, cand.judge_start, cand.judge_end)
    if not cand.merged and _double_cued_title(doc, cand, scorer, ev):
        return cfg.slot_name
    if not cand.merged and gaz.listed_name(text):
        return cfg.slot_name  # a listed given name (누리, 슬기) in a slot only a name fits
    if cand.merged or ev in _EVERYDAY:
        return cfg.slot_review
    return cfg.slot_name


def _double_cued_title(doc: Doc, cand: _Candidate, scorer: _Scorer, ev: Evidence) -> bool:
    """A word before a title that only follows names (동무, 동지, 아저씨), with a second cue: a kinship
    word right before it ("아버지 기만 동지는"), or the sentence starting with it and a comma after the
    title ("승민 동무, …", addressed). The word must be a listed given name (슬기, 누리) or one Kiwi does
    not know as an everyday word (시장, 직장 are: "어머니 시장 동무"), and with the sentence-start cue
    it must hold no verb form ("어린 동무," starts a sentence too)."""
    if cand.ending or not _title_is(_next_word(doc, cand.end), doc):
        return False
    if doc.text[cand.end : cand.end + 1] != " " and not cand.glued_after:
        return False
    named = scorer.gaz.listed_name(cand.text)
    if ev in (Evidence.COMMON, Evidence.INSIDE) and not named:
        return False  # 시장, 직장: "어머니 시장 동무"
    if _prev_word(doc, cand.start) in scorer.cues.kinship:
        return True
    word = doc.word_at(cand.start)
    if cand.glued_before and word is not None and doc.text[word.start : cand.start] in scorer.cues.kinship:
        return True  # "아버지만선 동지는": the kinship word glued on when OCR lost the space
    if not _sentence_start(doc, cand.start):
        return False
    if any(m.tag.startswith(("V", "E", "XS")) for m in doc.morphemes_in(cand.start, cand.end)):
        return False  # 어린 (어리 + ㄴ): a verb form, not a name Kiwi cut oddly (승민: 승미 + ㄴ)
    title = _AFTER_NAME.match(doc.text, cand.end)
    return title is not None and doc.text[title.end() : title.end() + 1] == ","


def _everyday_name_slot(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A given name that is also an everyday word (given_names_common.txt, everyday: 하늘, 보람, 여름)
    where only a name fits: called at the start of a sentence ("하늘아, …") or right after a kinship
    word before a subject or comitative particle ("딸 보람과", "누나 여름이"). A moderator decides."""
    text = cand.text
    if cand.merged or len(text) < 2 or text not in scorer.gaz.everyday_names:
        return False
    rest = doc.text[cand.end + len(cand.ending) : cand.end + len(cand.ending) + 2]
    if cand.ending in scorer.cfg.vocatives:  # "하늘아, …", "은혜야.. 엄마야", "은혜야 엄마가 …"
        return _sentence_start(doc, cand.start) and bool(re.match(r"\s|[,!.~…]|$", rest))
    if cand.ending not in scorer.cfg.slot_kin_endings or not re.match(r"\s|[,.!?]|$", rest):
        return False
    return _prev_word(doc, cand.start) in scorer.cues.kinship


# "딸 X과 함께": together with someone; 함께 or 같이 right after the particle.
_TOGETHER = re.compile(r"\s*(?:함께|같이)(?![가-힣])")


def _kin_company(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A word Kiwi knows as an everyday noun between a kinship word and "…과 함께" ("딸 청원과 함께", "아들
    상권이랑 같이"): the person the writer lives or goes with, named by a word that is also a noun. A
    moderator decides ("딸 사진과 함께" is a photo). Not a word for a group of people (부부, 식구), a role
    or a kinship word, or a number ("아들 둘과 함께")."""
    text, cfg = cand.text, scorer.cfg
    if cand.merged or not 2 <= len(text) <= 3 or cand.ending not in cfg.company_endings:
        return False
    if _TOGETHER.match(doc.text, cand.end + len(cand.ending)) is None:
        return False
    cues = scorer.cues
    if cand.glued_before:  # "노기조와딸청원과 함께": the kinship word glued on before it
        glued = doc.text[max(0, cand.start - 5) : cand.start]
        if next(cues.kinship_set.suffixes(glued), None) is None:
            return False
    elif _prev_word(doc, cand.start) not in cues.kinship:
        return False
    # A place's name is no exception (청원 is also a county): "딸 청원과 함께" goes with no town.
    if text in cues.kinship or text in cues.roles or text in cfg.kin_company_groups:
        return False
    if _lone_tag(text) == "NR":
        return False
    # Glued, the word is read inside a longer one (Kiwi took "노기조와딸청원" for one name): read it alone.
    # (A word Kiwi does not know at all is left to the scorer, then to _glued_kin_company.)
    if cand.glued_before:
        return _lone_tag(text) == "NNG"
    return evidence(doc, cand.judge_start, cand.judge_end) is Evidence.COMMON


def _glued_kin_company(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A word Kiwi does not know, glued after a kinship word, before "…과 함께" ("딸별아와 함께"): the
    slot of :func:`_kin_company`, for a name the scorer judged too unsure because Kiwi read it inside
    the whole glued word. Not the particle joining the kinship word to another ("남편과딸과": 과 + 딸),
    nor the end of a word that only starts like a kinship word ("형제님과", "형제들과": 형 + 제님)."""
    text, cues = cand.text, scorer.cues
    if not cand.glued_before or cand.merged or not 2 <= len(text) <= 3 or not hangul_only(text):
        return False
    if (
        cand.ending not in scorer.cfg.company_endings
        or _TOGETHER.match(doc.text, cand.end + len(cand.ending)) is None
    ):
        return False
    word = doc.word_at(cand.start)
    if word is None or doc.text[word.start : cand.start] not in cues.kinship:
        return False
    # The plural and the honorific suffix say the word is no name ("형제들과", "형제님과").
    whole = doc.text[word.start : cand.end].removesuffix("들").removesuffix("님")
    return (
        not _known_word(text)
        and not _known_word(whole)
        and not text.endswith(("님", "들"))
        and text[0] not in _JOINING
        and text[1:] not in cues.kinship
        and text not in scorer.cfg.kin_company_groups
    )


def _opening_kin_call(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """The word opening a line or sentence before a kinship word and a comma ("상권 동생, 잘 있나?",
    "련 동생,"): how a letter calls its reader, by a given name, here one Kiwi reads as an everyday noun
    or a one-syllable name. A moderator decides. A name Kiwi does not know is scored as usual; a role
    (군인 오빠,), a pronoun or determiner (내 동생,), an adnominal or an adverb (큰 형, 늘 형) says who,
    not which one."""
    text = cand.text
    if cand.merged or cand.ending or not 1 <= len(text) <= 2 or not hangul_only(text):
        return False
    # OCR may glue the kinship word on ("의삼동무,꼭 살아서"), then the name is judged by its syllables.
    space = "" if cand.glued_after else " "
    m = re.match(space + r"([가-힣]{1,4}?)님?\s*[,!]", doc.text[cand.end : cand.end + 8])
    if m is None or m.group(1) not in scorer.cues.kinship or not _sentence_start(doc, cand.start):
        return False
    cues = scorer.cues
    if text in cues.kinship or text in cues.roles or text in cues.not_names or text in _PRONOUNS:
        return False
    if cand.glued_after:
        tags = {mo.tag for mo in analyse(text)}
        return len(text) == 2 and _typical(doc.rules, text) and not tags & _SAYS_WHO_TAGS
    if len(text) == 2:
        return evidence(doc, cand.judge_start, cand.judge_end) is Evidence.COMMON
    weight = scorer.gaz.given_syllables.get(text, 0)
    tags = {mo.tag for mo in analyse(text)}
    return weight >= scorer.cfg.slot_kin_min_weight and not tags & _SAYS_WHO_TAGS


# What a name takes where it signs a letter after a kinship word, besides nothing: the friendly 이 or 가
# (longest first, so that 이가 is taken whole).
_KIN_SIGNED_ENDINGS = ("이가", "이", "가")
# Its own rule: the slot, not the word's shape, says it is a name, so the veto on everyday words that
# only look like names (relay.detect.not_names) does not apply.
_KIN_SIGNED = "person.kin_signed"
# What Kiwi may make of a name signed so: nouns, roots, a name suffix, the subject particles.
_SIGNED_NAME_TAGS = ("NN", "XR", "XSN", "JKS", "JX")


def _ends_in_kin(word: str, cues: _Cues) -> bool:
    """``word`` is a kinship word, or ends in one glued on by OCR ("경성군출신형") and is no word Kiwi
    knows whole (모형, 원형 end in 형)."""
    if word in cues.kinship:
        return True
    return next(cues.kinship_set.suffixes(word), None) is not None and not _known_word(word)


def _kin_signed(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """The last word of a letter, right after a kinship word on its line ("너를 걱정하는 누나 봄은이", "경성군
    출신 형 하진달래", or with OCR gluing the kinship word on: "경성군출신형 하진달래"): the writer signs
    with the word the reader calls them and their name, and only a name fits there, whatever everyday
    word it also is (봄은, 진달래). A moderator decides. Not a kinship word ("사랑하는 엄마 아빠"), a
    closing (형 드림), a role, or a word Kiwi reads as an adverb, pronoun or number ("우리 가족 모두")."""
    if not doc.words:
        return
    word, cues = doc.words[-1], scorer.cues
    if doc.spaced.ends[word.end - 1] < doc.content_end or not _ends_in_kin(_prev_word(doc, word.start), cues):
        return
    core = word.text
    for ending in _KIN_SIGNED_ENDINGS:
        # The friendly 이 follows a final consonant (봄은이); 가 a vowel or that 이 (철수가, 봄은이가).
        kept = core[: -len(ending)]
        if core.endswith(ending) and len(kept) >= 2 and (ending != "이" or has_final(kept[-1])):
            core = kept
            break
    everyday_name = core in scorer.gaz.everyday_names  # 하늘, 보람: a stop word, and a name there
    if not 2 <= len(core) <= 4 or (core in cues.not_names and not everyday_name):
        return
    if core in cues.roles or core in cues.closings:
        return
    # A word Kiwi knows whole is that word ("오빠 화이팅", "사랑하는 아들 사진" under a photograph), unless
    # it is also a listed given name (하늘, 보람); and the last word must be nouns alone, no predicate or
    # other particle ("내 새끼 같다", "동생이다", "누나 눈에는").
    if _lone_tag(core) and not everyday_name:
        return
    morphs = analyse(core)
    if morphs and morphs[0].end == 1 and core[0] in scorer.gaz.surnames:
        morphs = morphs[1:]  # the surname, whatever Kiwi calls it alone (하: an interjection)
    if any(not m.tag.startswith(_SIGNED_NAME_TAGS) for m in morphs):
        return
    yield doc.finding(
        Kind.PERSON,
        word.start,
        word.start + len(core),
        scorer.cfg.slot_review,
        _KIN_SIGNED,
        severity=Severity.REVIEW,
    )


# One syllable before a kinship word that says which one, not who: a determiner, an adverb, a pronoun, a
# verb or adjective (큰 형), a prefix (친 동생) or an interjection.
_SAYS_WHO_TAGS = frozenset({"MM", "MAG", "NP", "VA", "VV", "XPN", "IC"})


def _strong_context(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A name-shaped word where its cue leaves little doubt, believed over Kiwi's reading:

    - introduced ("저는 병주라고 합니다", "자란 손병주라고 해"): typical name syllables, and Kiwi does
      not know the word as an everyday one (학생, 간호사 are), or for pieces OCR split, as one word;
    - a full name OCR split into three syllables, in a slot only a name fits ("최 명 선과 나는");
    - a given name OCR split in two right after a kinship word ("형님 민 문 은", "동생 여 문은"): two
      typical name syllables that together make no word Kiwi knows (생 각, 얼 굴 are) or a listed
      given name (하 늘);
    - a kinship word or title glued after a word Kiwi calls a proper noun ("혁삼아버지가")."""
    cfg, gaz = scorer.cfg, scorer.gaz
    text = cand.text
    if not hangul_only(text) or text in scorer.cues.not_names or text in scorer.lexicon_keys:
        return False
    parts = scorer.split(text)
    given = parts[1] if parts and len(text) >= 3 else text
    if not _typical(doc.rules, given):
        return False
    ev = evidence(doc, cand.judge_start, cand.judge_end)
    listed = gaz.listed_name(text)
    if _introduced(doc, cand, scorer):
        if cand.merged:  # "저는 하 늘이라고": two pieces make no word Kiwi knows, or a listed name
            return listed or not _known_word(text)
        return ev not in (Evidence.COMMON, Evidence.INSIDE)
    if cand.syllable_run:  # "최 명 선과 나는": a surname and name syllables in a slot only a name fits
        return _full_name_shaped(doc, text) and not _known_word(text) and _slot(doc, cand, scorer)
    if cand.merged and len(text) == 2 and _prev_word(doc, cand.start) in scorer.cues.kinship:
        rest = doc.text[cand.end + len(cand.ending) : cand.end + len(cand.ending) + 1]
        if cand.ending not in ("", *cfg.slot_kin_endings) or not (rest == "" or rest in " ,.!?"):
            return False
        return not _known_word(text) or listed
    return cand.glued_after and not cand.merged and ev is Evidence.PROPER


def _introduced(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """An introduction closing its sentence: "나는 X이다.", "저는 X라고 합니다", "자란 X라고 해"."""
    cfg = scorer.cfg
    if cand.syllable_run and _known_word(cand.text[1:]):
        return False  # "한 사 람 입니다": a determiner and an everyday word OCR split
    prev = _prev_word(doc, cand.start)
    intro_prev = prev in cfg.slot_intro_before or prev.endswith(_long_intro_before(doc.rules))
    # "난 여명학교 다니는 변은지야": the speaker opens the sentence and a clause about them leads up to
    # the word; only a word Kiwi does not know whole counts there ("다니는 학생이야" is no name).
    described = (
        not intro_prev
        and (
            _adnominal_word(prev)
            or _came_from(doc, cand.start, prev)
            or _affiliation_before(doc, cand, scorer)
        )
        and _speaker_opens(doc, cand.start)
        and (_unknown_to_kiwi(doc, cand) or (cand.syllable_run and _unknown_text(cand.text[1:])))
    )
    if not (intro_prev or described):
        return False
    ending = cand.ending
    rest = doc.text[cand.end + len(ending) : cand.end + len(ending) + 12]
    split = _SPLIT_ENDING.match(rest)
    if ending and split and ending + split.group(1) in cfg.slot_intro_endings:
        ending, rest = ending + split.group(1), rest[split.end() :]  # "웅동선이 다.": OCR split 이다
    copula = _SPLIT_COPULA.match(rest)
    if not ending and copula and copula.group(1) in cfg.slot_intro_endings:
        ending, rest = copula.group(1), rest[copula.end() :]  # "한 말 순 이유 .": the copula spaced off
    if ending in _GOING_ON and _unknown_to_kiwi(doc, cand):
        return True  # "저는 편하늘이고요 …": the introduction goes on to say more
    closes = re.match(r"([.!?,]|$|합니다|해요|해\b|하오)", rest.replace(" ", ""))
    # A transcript has no punctuation: a copula that can only end a sentence ends it there too
    # ("청진에서 온 김은주예요 러시아 친구들은 …").
    run_on = ending in _FINAL_COPULAS and rest.startswith(" ")
    return ending in cfg.slot_intro_endings and (bool(closes) or run_on)


_FINAL_COPULAS = frozenset({"입니다", "이에요", "예요", "이올시다", "입네다", "이외다"})


@lru_cache(maxsize=8)
def _long_intro_before(rules: Rules) -> tuple[str, ...]:
    """The speaker words of two syllables or more that may end the word before an introduced name, for
    one str.endswith (this runs for nearly every candidate in a slot)."""
    return tuple(t for t in rules.config.names.slot_intro_before if len(t) > 1)


def _came_from(doc: Doc, pos: int, prev: str) -> bool:
    """The word before ``pos`` is 온 (came) after a place in 에서: "청진에서 온 김은주예요"."""
    if prev not in ("온", "왔던", "넘어온", "건너온"):
        return False
    before = doc.text[: pos - len(prev)].rstrip().split()
    return bool(before) and before[-1].endswith(("에서", "서"))


def _affiliation_before(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A full name (a common one-syllable surname and two given syllables that make no everyday word,
    not merged from pieces) right after a noun saying where the speaker belongs, the sentence closing
    with a copula: "저는 숙명여자대학교 경영학과 오하늘이에요" (the copula and the speaker's opening
    are checked by :func:`_introduced`)."""
    parts = scorer.split(cand.text)
    if cand.merged or len(cand.text) != 3 or parts is None or len(parts[0]) != 1 or not cand.ending:
        return False
    rank = scorer.gaz.surnames.get(parts[0])
    common = rank is not None and rank <= scorer.cfg.merge_max_rank
    return common and not _known_word(cand.text) and not _known_word(parts[1])


def _unknown_to_kiwi(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi knows no everyday word (or words) the candidate could be (대학생 and 학생 are)."""
    return _unknown_text(cand.text)


def _unknown_text(text: str) -> bool:
    """:func:`_unknown_to_kiwi` for a bare text."""
    if _known_word(text):
        return False
    # 로동자 is 노동자 in North Korean spelling: both spellings are tried.
    return not any(_everyday_compound(w) for w in (text, _southern_spelling(text)) if w)


@lru_cache(maxsize=20_000)
def _everyday_compound(word: str) -> bool:
    """Kiwi reads ``word`` as everyday nouns end to end (대학 + 생, 노동 + 자)."""
    morphs = analyse(word)
    return bool(
        morphs
        and not any(m.oov for m in morphs)
        and morphs[0].end - morphs[0].start >= 2
        and all(m.tag in ("NNG", "XSN", "NNB") for m in morphs)
    )


# The copula joining an introduction to what the speaker says next (저는 X이고요, 제가 X인데요).
_GOING_ON = frozenset({"이고요", "고요", "이구요", "구요", "이고", "인데요", "인데"})
_SPEAKERS = frozenset({"나는", "저는", "난", "전", "내가", "제가", "내는", "내래"})  # 내는, 내래: northern
_GLUED_SPEAKERS = ("나는", "저는", "내래", "내는")


@lru_cache(maxsize=20_000)
def _adnominal_word(word: str) -> bool:
    """Kiwi reads ``word`` alone as a verb or adjective in its adnominal form (다니는, 살던, 일한), a
    noun made a verb (일하는: 일 + 하 + 는) or a noun with the copula (기사였던, 학생인)."""
    if len(word) < 2:
        return False
    morphs = analyse(word)
    return (
        len(morphs) >= 2
        and not any(m.oov for m in morphs)
        and any(m.tag.startswith(_VERB_TAGS) or m.tag == "VCP" for m in morphs[:-1])
        and morphs[-1].tag == "ETM"
    )


def _speaker_opens(doc: Doc, pos: int, more: frozenset[str] = frozenset()) -> bool:
    """A word of the sentence before ``pos`` is the speaker (나는, 저는, 난, or one of ``more``): the
    sentence is about them."""
    i = pos - 1
    while i >= 0 and doc.text[i] not in ".!?\n":
        i -= 1
    words = doc.text[i + 1 : pos].split()
    # "나는함경남도…": the speaker opens a run of words whose spaces were lost.
    return any(w in _SPEAKERS or w in more or (len(w) > 4 and w.startswith(_GLUED_SPEAKERS)) for w in words)


_SPLIT_ENDING = re.compile(r" ([가-힣]{1,2})(?=[.!?,]|$)")
_SPACED_PARTICLE = re.compile(r" ([가-힣]{1,2})(?=[\s,.!?]|$)")
_SPLIT_COPULA = re.compile(r" ([가-힣]{1,3})\s*(?=[.!?,]|$)")


def _signed_everyday_name(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A listed given name that is also an everyday word (하늘, 보람) signing the letter: right before a
    closing (드림, 올림; glued on or not) that ends its line. Only a name signs a letter there, and the
    word is one that names people, so the everyday reading that keeps it off the stop list elsewhere
    does not apply."""
    if cand.ending or cand.merged or len(cand.text) < 2 or cand.text not in scorer.gaz.everyday_names:
        return False
    after = doc.after(cand.end, 4)
    if after.startswith("가") and not after.startswith(("가씀", "가보냄")):
        return False  # "진달래 가\n피였겠지": the subject's particle set apart at a line's end, no closing
    return _closing_after(doc, cand.end, scorer.cues)


# "김장 드림": a word that opens with one of the commonest surnames (rank in surnames.tsv) and goes
# on with a syllable very typical of given names (weight) signs as a name although Kiwi knows it as a
# noun (김장, 이슬); a rarer surname or a looser syllable is as likely a signing word (제자, 신부).
_SIGNED_SURNAME_RANK = 20
_SIGNED_GIVEN_WEIGHT = 4


def _signed_surname_word(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A two-syllable word alone on its line before a closing: the commonest surnames and a typical
    given syllable, not a kinship word or a role (아들, 전우, 반장 sign letters too). Review only."""
    text, gaz = cand.text, scorer.gaz
    if (
        cand.ending
        or cand.merged
        or len(text) != 2
        or not hangul_only(text)
        or not doc.is_line_start(cand.start)
    ):
        return False
    if text in scorer.cues.kinship or text in scorer.cues.roles:
        return False
    rank = gaz.surnames.get(text[0])
    if rank is None or rank > _SIGNED_SURNAME_RANK:
        return False
    typical = gaz.given_syllables.get(text[1], 0) >= _SIGNED_GIVEN_WEIGHT
    return typical and _closing_after(doc, cand.end, scorer.cues)


def _titled_word(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A word on the everyday-word stop list (여름, 하늘, 진달래) standing right before a title that
    only follows names (동무, 동지, 씨 …), with no particle between: used as a name. Role words,
    kinship and cue words (고향 동무, 친구 동무) are not."""
    cfg, cues = scorer.cfg, scorer.cues
    text = cand.text
    if cand.ending or cand.merged or cand.glued_after or text not in cfg.stop_words:
        return False
    if text in cfg.role_words or text in cues.kinship or text in cues.before or text in cues.after:
        return False
    if doc.text[cand.end : cand.end + 1] != " ":
        return False
    return _title_is(_next_word(doc, cand.end), doc)


def _signature(doc: Doc, cand: _Candidate) -> bool:
    """The writer's name signing the letter: the last word of the text, with nothing after it but
    punctuation, and before it on its line nothing, a comma or colon ("고향을 그리며, 석숙봄"), or a
    date ("2023. 11. 12. 옥채임")."""
    if cand.end <= 0 or cand.end > len(doc.text) or doc.spaced.ends[cand.end - 1] < doc.content_end:
        return False
    at = doc.spaced.starts[cand.start]
    line = doc.original[doc.original.rfind("\n", 0, at) + 1 : at].rstrip()
    if doc.is_line_start(cand.start) or not line:
        return True
    return line[-1] in ",:;" or not any(ch.isalpha() for ch in line) or bool(_DATE_LINE.fullmatch(line))


def _verb_said(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi reads the word, in its sentence, as a verb made a noun (기다림: 기다리 + ㅁ) or as a
    sentence with a polite ending (계세요: … + 세요): a letter's last line saying something, not a
    signature. A name Kiwi splits oddly keeps its one-jamo ending (석숙봄: … 보 + ㅁ, 옥채임)."""
    morphs = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
    if not morphs or morphs[-1].end != cand.end:
        return False
    last = morphs[-1]
    if last.tag == "EF" and len(last.form) >= 2:
        return True
    first = morphs[0]
    return (
        last.tag == "ETN" and first.start == cand.start and first.tag in ("VV", "VA") and len(first.form) >= 2
    )


# A line holding only a date, in any of the ways letters write one ("2024년5월5일", "음력 2월 18일",
# "주체113년 8훨17일"): digits, separators and the date words, a unit syllable possibly misread.
_DATE_LINE = re.compile(r"(?:[\d\s.,/\-]|음력|양력|주체|[년녈넌련월훨윌일알인힐]|생)+")


def _context(doc: Doc, cand: _Candidate, cues: _Cues) -> tuple[bool, bool, bool]:
    """(a cue word next to the candidate, an introduction, a slot where only a name fits)."""
    before = doc.before(cand.start)
    after_pos = cand.end + len(cand.ending)
    near_before = cand.glued_before or _cue_before(before, cues.before_set, doc, cand.start)
    # A place's particle (탁자위에, 집에서) ends a thing or a place: a person takes 에게, not 에, so the
    # word after it ("탁자위에 네 사진") says nothing about a name.
    located = cand.ending.startswith("에") and not cand.ending.startswith("에게")
    near_after = cand.glued_after or (
        not located and _cue_after(doc, after_pos, cues.after_set, glued_ok=not cand.ending)
    )
    # The ending itself may be the cue: 철수에게, 순옥이네 (not 야/아: those are vocatives, scored apart).
    bare = cand.ending[1:] if cand.ending.startswith("이") and len(cand.ending) > 1 else cand.ending
    near_after = near_after or (bare in cues.after and bare not in doc.rules.config.names.vocatives)
    closing = not cand.ending and _closing_after(doc, cand.end, cues)
    # Signing: a cue, but not a slot where only a name fits (a letter may end in "그리며, 사랑해").
    signed = not cand.ending and _signature(doc, cand)
    word = doc.word_at(cand.start)
    line_start = word is not None and word.start == cand.start and doc.is_line_start(cand.start)
    # ... or after a transcript's hesitation that opens the line ("음 세웅아 어 나 …")
    prev = _prev_word(doc, cand.start)
    if not line_start and prev in _HESITATIONS and word is not None and word.start == cand.start:
        line_start = doc.is_line_start(cand.start - len(prev) - 1)
    salutation = cand.ending in _SALUTATION_ENDINGS and line_start
    intro = _cue_before(before, cues.intro_before_set, doc, cand.start) and (
        not cand.ending
        or cand.ending in cues.intro_after
        or _cue_after(doc, after_pos, cues.intro_after_set, glued_ok=True)
    )
    if intro and not cand.ending and _object_of_verb(doc, cand):
        intro = False  # "나는 보르쉬 좋아해": what the speaker likes, not who the speaker is
    named = intro and any(
        t.startswith("이름") for t in cues.intro_before_set.suffixes(before.rstrip(":：,.-"))
    )
    # A full name signing the letter (surname and name-like syllables) is believed over Kiwi's reading
    # of it as a word (석숙봄: 석 + 숙 + 봄).
    signed_name = (
        signed
        and _full_name_shaped(doc, cand.text)
        and evidence(doc, cand.start, cand.end) is not Evidence.PREDICATE
    )
    cue = near_before or near_after or closing or signed or salutation
    return cue, intro, closing or named or signed_name or _role_then_name(doc, cand, prev)


@lru_cache(maxsize=8)
def _ranks(rules: Rules) -> frozenset[str]:
    """Military ranks and posts of name_context.tsv (분대장, 중대장, 상사), two syllables or more."""
    return frozenset(
        c.term
        for c in rules.gazetteers.name_context
        if c.kind == "rank" and len(c.term) >= 2 and c.term not in _NOT_POSTS
    )


# Ranks that are also what a person is, not a post over others: "그 포로라도" (even a prisoner).
_NOT_POSTS = frozenset({"포로", "병사", "군인", "전사"})


# Particles a person takes as the subject, topic, object or companion of a sentence.
_PERSON_PARTICLES = frozenset({"은", "는", "이", "가", "을", "를", "도", "과", "와", "에게", "한테", "께서"})


def _role_then_name(doc: Doc, cand: _Candidate, prev: str) -> bool:
    """A full name right after a military rank or post, written apart, with a person's particle ("우리
    분대장 설정봄은 아직"): the rank says who, the name which one, whatever words Kiwi reads in the name
    (설정 + 봄). Only a surname and two typical given syllables that Kiwi does not know whole."""
    return (
        not cand.merged
        and not cand.glued_before
        and cand.ending in _PERSON_PARTICLES
        and prev in _ranks(doc.rules)
        and doc.text[cand.start - 1 : cand.start] == " "
        and _full_name_shaped(doc, cand.text)
        and not _known_word(cand.text)
    )


def _object_of_verb(doc: Doc, cand: _Candidate) -> bool:
    """After a speaker word (나는, 저는), the word after the candidate (one space on) is a verb or
    adjective Kiwi knows, not a copula or a word of saying: the candidate is what the speaker does or
    likes ("나는 보르쉬 좋아해"), not who the speaker is."""
    if doc.text[cand.end : cand.end + 1] != " " or _prev_word(doc, cand.start) not in _SPEAKERS:
        return False
    start = cand.end + 1
    morphs = [m for m in doc.morphemes_in(start, start + 1) if m.start == start]
    if not morphs or morphs[0].oov:
        return False
    return morphs[0].tag in ("VV", "VA") and morphs[0].form not in ("하", "부르")


def _full_name_shaped(doc: Doc, text: str) -> bool:
    """A surname and a two-syllable given name whose syllables all occur in names."""
    gaz, cfg = doc.rules.gazetteers, doc.rules.config.names
    for n in (1, 2):
        surname, given = text[:n], text[n:]
        if surname in gaz.surnames and len(given) == 2:
            return all(gaz.given_syllables.get(ch, 0) >= cfg.name_shaped_min_weight for ch in given)
    return False


_SENTENCE_END = ".!?…"
_EVERYDAY = (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE)
_AFTER_NAME = re.compile(r"\s*([가-힣]+)")


def _char_before(doc: Doc, pos: int) -> str:
    """The last non-space character before ``pos`` ("" at the start), found without copying the text
    before it (this runs for every candidate; slicing made detection quadratic in the text's length)."""
    i = min(pos, len(doc.text)) - 1
    while i >= 0 and doc.text[i].isspace():
        i -= 1
    return doc.text[i] if i >= 0 else ""


def _sentence_start(doc: Doc, pos: int) -> bool:
    before = _char_before(doc, pos)
    if not before or before in _SENTENCE_END or doc.is_line_start(pos):
        return True
    # A transcript's hesitation opening the sentence ("음 세웅아", "어 영철아"): the word after it opens
    # the sentence all the same.
    prev = _prev_word(doc, pos)
    if prev in _HESITATIONS:
        start = pos - len(prev) - 1
        before = _char_before(doc, start)
        return not before or before in _SENTENCE_END or doc.is_line_start(start)
    return False


# Sounds of hesitation a transcript keeps (not 그, 저, 막: determiners and adverbs too).
_HESITATIONS = frozenset({"음", "어", "으", "에", "흠", "엉", "으음", "어어", "음음"})


# Titles that follow a name or a role, never a mere description ("군수 동무", not "메모 동무").
_NAME_ONLY_TITLES = ("동무", "동지", "씨", "님", "군", "양")
_KIN_COPULAS = ("이다", "이야", "란다", "이란다", "예요", "이에요", "입니다", "다", "야")


def _kin_says_who(doc: Doc, word: str, scorer: _Scorer) -> bool:
    """``word`` is a kinship word and a copula ("큰아버지다", "누나야"): the speaker saying who they
    are."""
    word = word.rstrip(".!?~,")
    kin = scorer.cues.kinship
    return any(word.endswith(c) and word[: -len(c)] in kin for c in _KIN_COPULAS if len(word) > len(c))


def _after_adnominal_clause(doc: Doc, pos: int) -> bool:
    """The word before ``pos`` ends in a verb's adnominal ending (팔던, 하던, 사는): "두부밥 팔던 향미
    아들", whom the clause describes."""
    if pos < 2 or doc.text[pos - 1] != " ":
        return False
    prev = [m for m in doc.morphemes_in(pos - 2, pos - 1) if m.end == pos - 1]
    return bool(prev) and prev[-1].tag == "ETM" and prev[-1].form in _ADNOMINAL


def _after_sentence_ending(doc: Doc, pos: int) -> bool:
    """Kiwi reads the word before ``pos``, alone, as ending a sentence (편지다, 아줌마야: … + EF); in
    the sentence it may not (편지 + 다 as an adverb), so the word is read on its own."""
    if pos == 0 or doc.text[pos - 1] != " ":
        return False
    prev = _prev_word(doc, pos)
    morphs = analyse(prev) if prev and hangul_only(prev) else []
    return bool(morphs) and morphs[-1].tag == "EF"


def _next_word(doc: Doc, pos: int) -> str:
    m = _AFTER_NAME.match(doc.text, pos)
    return m.group(1) if m else ""


def _word_is(word: str, terms: Iterable[str], doc: Doc) -> bool:
    """``word`` is one of ``terms``, possibly with a particle after it (동무는, 선생님께)."""
    return any(word == t or (word.startswith(t) and word[len(t) :] in doc.rules.particles) for t in terms)


def _title_is(word: str, doc: Doc) -> bool:
    """``word`` is a title that only follows names (slot_titles), as :func:`_word_is` reads it, or as
    OCR leaves it: a title of two syllables or more with a particle and the next words glued on when
    the spaces were lost ("아저씨가보고싶다"), and one of three syllables or more with one syllable
    misread ("이저씨가", "선생닙"). A title this long is no everyday word's start."""
    titles, untitled = _slot_titles(doc.rules)
    particles = doc.rules.particles
    # As _word_is(word, slot_titles, doc): a title that ``word`` starts with, nothing or a particle after.
    if (untitled and word in particles) or any(
        len(word) == len(t) or word[len(t) :] in particles for t in titles.prefixes(word)
    ):
        return True
    for title in _damaged_titles(doc.rules).prefixes(word):
        rest = word[len(title) :]
        if not rest or _leading_particle(rest, doc)[0]:
            return True
    return False


@lru_cache(maxsize=8)
def _slot_titles(rules: Rules) -> tuple[TermSet, bool]:
    """The slot titles as a TermSet, and whether one of them is empty (a TermSet leaves it out, yet
    _word_is would let any particle alone pass as it): :func:`_title_is` runs for nearly every
    candidate, and the titles that start a word are looked up by prefix, not tried one by one."""
    titles = rules.config.names.slot_titles
    return TermSet(titles), "" in titles


@lru_cache(maxsize=8)
def _damaged_titles(rules: Rules) -> TermSet:
    """Titles of two syllables or more, and those of three or more one OCR confusion off."""
    titles = {t for t in rules.config.names.slot_titles if len(t) >= 2}
    for t in [t for t in titles if len(t) >= 3]:
        for i, ch in enumerate(t):
            titles.update(t[:i] + alike + t[i + 1 :] for alike in ocr_variants(ch))
    return TermSet(titles)


def _prev_word(doc: Doc, pos: int) -> str:
    """The Hangul run ending right before the single space before ``pos`` ("" if there is none)."""
    if pos < 2 or pos > len(doc.text) or doc.text[pos - 1] != " ":
        return ""
    word = doc.word_at(pos - 2)
    return word.text if word is not None and word.end == pos - 1 else ""


def _damaged_role(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """An OCR-damaged role word, not a name: "읭사 선생님" (one jamo off 의사, in a syllable names do not
    use) or "의 사 선생님" (a role word split by a stray space)."""
    roles = role_index(doc.rules)
    prev = _prev_word(doc, cand.start)
    if prev and len(prev) <= 2 and (prev + cand.text) in roles.kinds:
        return True
    role = roles.near(cand.text) if len(cand.text) >= 2 else ""
    if not role:
        return False
    weights = scorer.gaz.given_syllables
    odd = [a for a, b in zip(cand.text, role, strict=True) if a != b]
    return all(weights.get(a, 0) < scorer.cfg.slot_kin_min_weight for a in odd)


# Particles after a one-syllable given name right after a kinship word (동생 상에게, 누나 희가): the
# subject and object ones, and those of address and possession.
_KIN_ONE_ENDINGS = (
    *("이", "가", "과", "와", "은", "는", "을", "를", "의", "도"),
    *("에게", "한테", "께", "에게서"),
)


def _slot(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A slot where only a name fits, whatever Kiwi makes of the word: before 동무/동지/선생님,
    addressed at the start of a sentence (X아,), "나는 X이다.", "X과 나는", "X, 주민등록번호", the
    last word of a closing line, or after a kinship word with a name-like word (누나 X가); never an
    OCR-damaged role word. (The fuzzy role check is the costly part, so it runs last.)"""
    return _slot_shape(doc, cand, scorer) and not _damaged_role(doc, cand, scorer)


def _slot_shape(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    cfg, cues = scorer.cfg, scorer.cues
    text = cand.text
    if not (1 <= len(text) <= 4 and hangul_only(text)) or text in cues.not_names or text in cues.roles:
        return False
    if len(text) == 1 and scorer.gaz.given_syllables.get(text, 0) < cfg.slot_kin_min_weight:
        return False
    pieces = doc.text[cand.start : cand.end].split(" ")
    if cand.merged and (pieces[0] in _DETERMINERS or pieces[0] in _PRONOUNS) and pieces[-1] in cues.not_names:
        return False  # "그 사람이다", "내 새끼": a determiner or a possessive and an everyday word
    after = cand.end + len(cand.ending)
    rest = doc.text[after : after + 12]
    if cand.slot_only:  # 하경만 closing a letter after a date, 두만 동무
        last = _char_before(doc, cand.start)  # the text before, stripped, ends in it
        if text[:-1] in cues.not_names:
            return False  # 아들아: a cue word and its particle
        head = text[:-1]
        if _lone_tag(head) in ("NP", "MAJ", "MAG", "IC") or (
            len(text) >= 3
            and _known_word(head)
            and head not in scorer.gaz.everyday_names
            and not _full_name_shaped(doc, text)
        ):
            return False  # 한때는: an everyday word and its particle, not a name ending in 는
        if (
            len(text) == 3
            and scorer.split(text) is not None
            and rest.startswith(" ")
            and (_next_word(doc, cand.end) in cfg.closings or _title_is(_next_word(doc, cand.end), doc))
            and not _predicate_or_subject(doc, cand, scorer)
        ):
            return True  # 손현아 드림, 맹향아 선생님: a full name ending in 아/야, then a closing or title
        if text[-1] in cfg.vocatives:
            return False
        if rest.startswith(" ") and _title_is(_next_word(doc, cand.end), doc):
            # not "까먹을 때마다 형님", nor "혼자 사는 삼촌", "남은 이모" (a verb's adnominal form)
            return not _noun_and_particle(doc, cand) and not _adnominal_form(doc, cand)
        if (
            _sentence_start(doc, cand.start)
            and scorer.split(text) is not None
            and _kin_apposition(doc, cand.end, scorer)
            and _name_like(doc, cand, scorer)
        ):
            return True  # "채해지, 우리 어머니": a full name whose last syllable reads as a particle
        if scorer.split(text) is not None and 3 <= len(text) <= 4 and _CLAUSE_END.match(doc.text, cand.end):
            prev = _prev_word(doc, cand.start)
            if prev in cfg.slot_intro_before or _appositive_after(doc, cand, scorer):
                return True  # "이름은 채지란,", "온성 사람 신정은,": the full name closes its clause
        return (
            len(text) == 3
            and scorer.split(text) is not None
            and _line_ends_after(doc, cand.end)
            and (last == "," or last.isdigit())
        )
    start = _sentence_start(doc, cand.start)
    # A clause opened after a comma ("량수진 아줌마야, 옥이 엄마 친구", "편지다, 철아.") or, in a
    # transcript without punctuation, after a sentence's ending ("편지다 철아") is where one is named or
    # called the same way as at a sentence's start.
    clause = start or _char_before(doc, cand.start) == ","
    if not cand.ending:
        nxt = _next_word(doc, cand.end)
        if nxt and _title_is(nxt, doc) and (cand.glued_after or rest.startswith(" ")):
            if cand.glued_after and _glued_title_word(doc, cand, scorer):
                return False  # 아저씨, 아가씨: the "title" is the end of an everyday word
            if _adnominal_form(doc, cand) or _connective_form(doc, cand):
                return False  # "친한 언니", "큰 형", "커서 선생님이": a verb form, no name
            if _not_a_name_before_title(doc, cand, scorer):
                return False  # "그러니까 오빠도", "다 오빠", "잘챙겨 형아", "군인이라 형"
            if _predicate_or_subject(doc, cand, scorer):
                return False  # "잘 못해 할머니한테", "주님의 평안이 형제님과": a clause's words, no name
            if cand.merged and _known_first_piece(doc, cand, scorer):
                return False  # "사진 속 형제님": a word and a word, not a name OCR split
            if cand.merged or cand.glued_after:  # 면 읭사 선생님, 호늘을날씨: only a full name
                return scorer.split(text) is not None and len(text) <= 3
            if (
                _lone_tag(text) == "NNG"
                and not scorer.gaz.listed_name(text)
                and not _word_is(nxt, _NAME_ONLY_TITLES, doc)
                and not _after_adnominal_clause(doc, cand.start)
            ):
                # "[메모 할머니가", "교회 형제님": a noun Kiwi knows whole describes whom the kinship
                # word or title names. Before 동무 or 씨 it is a name or a role ("군수 동무"), and after
                # a clause about the person ("국수를 팔던 경하 아주머니") a name, for review; so is one
                # of name-like syllables before an elder sibling (see _named_elder).
                return _named_elder(doc, cand, scorer, nxt)
            return len(text) > 1 or rest.startswith(" ")
        if (
            (clause or _after_adnominal_clause(doc, cand.start))
            and len(text) > 1
            and rest.startswith(" ")
            and _word_is(nxt, cfg.slot_teknonyms, doc)
        ):
            # "영철 어머니": a name before a teknonym; not an everyday word ("청년 어머니", "그래도 누나는")
            # unless it is one that names people (하늘 엄마).
            listed = scorer.gaz.listed_name(text)
            if not clause and not listed and _lone_tag(text) == "NNG":
                return False  # "잘 나온 사진 아들": after a clause, a noun Kiwi knows whole is no name
            typical = _typical(doc.rules, text)
            return listed or typical or evidence(doc, cand.judge_start, cand.judge_end) not in _EVERYDAY
        if (
            start
            and len(text) == 1
            and rest.startswith(" ")
            and _one_syllable_teknonym(doc, text, nxt, scorer)
        ):
            return True  # "병 아버지가 일하던": a one-syllable name (graded review by _slot_grade)
        if start and len(text) > 1 and _kin_apposition(doc, after, scorer) and _name_like(doc, cand, scorer):
            return True  # "X, 우리 어머니 …": the name, then who she is
        if len(text) > 1 and _appositive_after(doc, cand, scorer):
            return True  # "자성군 사람 X, …", "봉산 출신 누나 X"
        if start and len(text) > 1:
            comma = re.match(r"\s*,\s*", rest)
            nxt_id = _next_word(doc, after + comma.end()) if comma else nxt
            # Without a comma only a long cue (주민등록번호, 생년월일) counts: "새 번호" is no name.
            long_ok = not cand.merged and evidence(doc, cand.judge_start, cand.judge_end) not in _EVERYDAY
            if any(nxt_id.startswith(c) and (comma or (len(c) >= 4 and long_ok)) for c in cfg.slot_id_cues):
                return True
    if start and cand.ending in cfg.vocatives and re.match(r"\s*[,!]", rest):
        return True  # 철수야, / 춘아,
    if start and cand.ending in cfg.vocatives and _kin_says_who(doc, _next_word(doc, after), scorer):
        return True  # "광석아 큰아버지다", "금아 누나다": called out, then who is speaking
    if (
        not cand.merged
        and cand.ending in cfg.vocatives
        and re.match(r"\s*(?:[.!?~]|$)", rest)
        and (clause or _after_sentence_ending(doc, cand.start))
        and not any(m.tag.startswith("V") for m in analyse(text + cand.ending)[:1])
    ):
        return True  # "…편지다, 철아.": called out at the end (not "그래, 자야.": a verb)
    if (
        len(text) == 1
        and cand.ending == "이"
        and has_final(text)
        and rest.startswith(" ")
        and _one_syllable_teknonym(doc, text, _next_word(doc, after), scorer)
        and (clause or _after_sentence_ending(doc, cand.start))
    ):
        return True  # "…, 옥이 엄마 친구": a one-syllable name called the friendly way, then a teknonym
    prev = _prev_word(doc, cand.start)
    if _after_adnominal_word(doc, cand, scorer):
        return True  # 사는 탱석명도, 있던 천은지를
    if (
        len(text) == 1
        and not cand.ending
        and text not in cues.kinship
        and doc.is_line_start(cand.start)
        and rest.startswith(" ")
        and _closing_after(doc, cand.end, cues)
    ):
        return True  # "숙 올림": a one-syllable name signing the letter, on a line with the closing only
    if len(text) < 2:
        return (
            prev in cfg.slot_kin_one
            and cand.ending in _KIN_ONE_ENDINGS
            and scorer.gaz.given_syllables.get(text, 0) >= cfg.slot_kin_min_weight + 1
            and bool(re.match(r"\s|[,.!?]|$", rest))
        )
    if (
        start
        and cand.ending in ("과", "와", "이와", "이랑", "랑", "하고")
        and _next_word(doc, after)
        in (
            "나는",
            "저는",
            "내가",
            "제가",
        )
    ):
        return True  # 철수와 나는 … 동창이었다
    if _introduced(doc, cand, scorer):
        return True  # 나는 X이다. / 저는 X라고 합니다
    ev = evidence(doc, cand.judge_start, cand.judge_end)
    everyday = ev in _EVERYDAY
    if (
        not cand.ending
        and _line_ends_after(doc, cand.end)
        and (ev is not Evidence.PREDICATE if not cand.merged else scorer.split(text) is not None)
    ):
        last = _char_before(doc, cand.start)  # not the whole text before copied for one character
        if last == "," or last.isdigit():
            return True
    # "너의녀동생 은별이도": a kinship word at the end of the word before, a possessive glued to it
    kin_before = prev in cues.kinship or any(
        len(k) >= 2 and prev[: -len(k)].endswith(("의", "내", "제", "우리"))
        for k in cues.kinship_set.suffixes(prev)
    )
    if kin_before and (cand.ending in cfg.slot_kin_endings or not cand.ending):
        if not cand.ending and not _line_ends_after(doc, cand.end):
            # "딸 류하나 도": a full name with its particle spaced off, the given name listed or typical
            spaced = _SPACED_PARTICLE.match(rest)
            parts = scorer.split(text)
            if (
                spaced is None
                or spaced.group(1) not in cfg.slot_kin_endings
                or parts is None
                or len(text) != 3
            ):
                return False
            given = parts[1]
            typical = _typical(doc.rules, given)
            return scorer.gaz.listed_name(given) or typical
        if _friendly_one_syllable(cand) and _line_ends_after(doc, after):
            return True  # "사랑하는 누나 별이가": signed with the friendly 이 after a one-syllable name
        if _noun_and_particle(doc, cand):
            return False  # "누나 말로는": her word and a particle, "according to her"
        if not re.match(r"\s|[,.!?]|$", rest):
            return False
        listed = scorer.gaz.listed_name(text)  # 동생 샛별이는
        if not everyday or listed or _lone_tag(text) != "NNG":
            weights = [scorer.gaz.given_syllables.get(ch, 0) for ch in text[-2:]]
            return not everyday or listed or min(weights) >= cfg.slot_kin_min_weight
        # A noun Kiwi knows whole after a kinship word is the kin's leg or talk ("누나 다리가", "아빠
        # 얘기는"), however name-like its syllables, unless it takes the friendly 이 only names take
        # before a particle (동생 수정이가).
        weights = [scorer.gaz.given_syllables.get(ch, 0) for ch in text[-2:]]
        friendly = cand.ending.startswith("이") and len(cand.ending) > 1 and has_final(text[-1])
        return friendly and min(weights) >= cfg.slot_kin_min_weight
    return False


# Particles after a name's friendly 이 ("별이가", "꽃님이는"): a noun ending in 이 would take 가, not 이가.
_AFTER_FRIENDLY_I = frozenset({"가", "는", "도", "를", "랑", "와", "의", "한테", "에게", "네"})


def _friendly_one_syllable(cand: _Candidate) -> bool:
    """A one-syllable name ending in a consonant, the friendly 이 and a particle after it, as a whole
    word ("별이가"): a noun takes 이 and a second particle only in dialect ("눈이가 아프다"), so where
    a letter is signed (see the caller) the word is a name, whatever noun the syllable alone is (별,
    star). Not a word Kiwi knows with its 이 (길이 length, 높이 height)."""
    text = cand.text
    return (
        not cand.merged
        and len(text) == 2
        and text[1] == "이"
        and has_final(text[0])
        and cand.ending in _AFTER_FRIENDLY_I
        and not _known_word(text)
    )


# Kiwi's tags of words that are never names: adverbs, pronouns, numerals, determiners, conjunctions.
_NOT_NAME_TAGS = frozenset({"MAG", "NP", "NR", "MM", "MAJ", "IC"})
_PRONOUNS = frozenset({"나", "너", "저", "내", "네", "제", "니"})
_PRONOUNS_NORTHERN = frozenset({"내래", "니래", "너래"})  # 내가, 네가 in the north (나래 is a name)
_COUNTING = frozenset({"한", "두", "세", "네", "몇", "석", "넉"})
_FILLERS = frozenset({"어", "음", "으", "아", "에", "그", "저", "뭐", "흠", "엉", "응", "막", "좀", "야"})
_VERB_TAGS = ("VV", "VA", "VX", "XSV", "XSA")
_INTERJECTION = frozenset({"IC"})


def _spoken_or_predicate(doc: Doc, cand: _Candidate) -> bool:
    """Words that are no name whatever slot they stand in:

    - a run merged across spaces that holds a filler ("어 아들", "그 음": a transcript's hesitations;
      not any interjection Kiwi sees: "하 빈아" is 하빈 split by OCR), or a determiner before a bound
      noun ("한 분은");
    - a verb or adjective with a final or connecting ending ("잘 있어 오빠", "사진 보고 오빠",
      "미안하다"): Kiwi misreads unknown names as nouns or adnominal forms, seldom as a finished verb."""
    if _counted_or_plural(doc, cand):
        return True  # "스물여덟", "열일곱 살", "만원", "성도들"
    if cand.merged:
        pieces = doc.text[cand.start : cand.end].split()
        if any(p in _FILLERS for p in pieces):
            return True
        if len(cand.text) == 2 and pieces[0] in _PRONOUNS:
            return True  # "나 살아 있어", "나 새 신발": the speaker, then a word; no two-syllable name
        morphs = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
        if any(_known_tag(p) == "MAG" or _finished_predicate(p) for p in pieces) and not _called_apart(
            doc, cand, pieces
        ):
            return True  # "꼭 살아서", "반갑다 나": an adverb or a finished verb is no piece of a name
        if len(morphs) >= 2 and morphs[0].tag == "MM" and morphs[1].tag == "NNB":
            return True
        counted = any(p in _COUNTING or (p[:1] in _COUNTING and len(p) == 2) for p in pieces[1:])
        if counted and any(m.tag == "MM" and m.form in _COUNTING for m in morphs):
            return True  # "방 한칸", "방 두 칸": a thing and how many
    elif cand.text in _FILLERS and not cand.ending:
        return True
    else:
        core = strip_particles(cand.text, doc)[0]
        if len(core) >= 2 and may_read_alone_as(core, _INTERJECTION) and _lone_tag(core) == "IC":
            return True  # 아이고, 여보세요: an interjection
        if core in _PRONOUNS_NORTHERN:
            return True  # "내래 동무 얼굴은": I, with the northern subject ending 래
        gaz = doc.rules.gazetteers
        cues = _cues(doc.rules)
        if core in cues.after or core in cues.kinship:
            return True  # "전사동무에게": the cue word itself with its particle
        if cand.glued_after:
            run = re.match(r"[가-힣]+", doc.text[cand.start :])
            if run is not None and _known_word(strip_particles(run.group(), doc)[0]):
                return True  # "단골손님이": the glued "title" ends an everyday word
        if (
            len(core) >= 2  # "두만 동무": 두 + 만 is a name however Kiwi cuts it
            and _known_tag(core) in _NOT_NAME_TAGS
            and core not in gaz.given_names
            and core not in gaz.everyday_names
        ):
            # "지금 동무가", "누구도 동무를", "분명 동무를": 동무 as "you" after an adverb or pronoun
            return True
    if cand.ending in ("아", "야"):
        return False  # "하빈아,": a name called out, however Kiwi cuts it (하 + 비 + ㄴ + 아)
    end = cand.end + len(cand.ending)
    morphs = [m for m in doc.morphemes_in(cand.start, end) if m.start >= cand.start and m.end <= end]
    if not morphs or any(m.oov for m in morphs) or morphs[0].start != cand.start:
        return False
    if morphs[0].tag == "NNB" and all(m.tag.startswith("J") for m in morphs[1:]):
        return True  # "한 분은": a bound noun and its particle
    first = doc.text[cand.start : cand.end].split(" ")[0]
    surname_split = cand.merged and len(first) == 1 and first in doc.rules.gazetteers.surnames
    if (not cand.merged or surname_split) and any(m.tag == "VCP" for m in morphs):
        return False  # "빈나라예요" (비 + ㄴ + 나라 + 이 + 예요): a noun and the copula, whatever Kiwi cuts
    return (
        morphs[0].tag.startswith(_VERB_TAGS)
        or (len(morphs) >= 2 and morphs[1].tag.startswith(("XSV", "XSA")))
        if morphs[-1].tag in ("EF", "EC")
        else False
    )


def _called_apart(doc: Doc, cand: _Candidate, pieces: list[str]) -> bool:
    """A two-syllable name split by OCR and called out with 아/야 at the start of a line ("상 욱아 살아
    오라우"): Kiwi may read the lone last syllable as an adverb (욱), yet a surname-like syllable, one
    more and a vocative opening the letter call someone, as "꼭 살아서" (the adverb first) does not."""
    return (
        cand.ending in ("아", "야")
        and len(pieces) == 2
        and len(pieces[0]) == len(pieces[1]) == 1
        and pieces[0] in doc.rules.gazetteers.surnames
        and _known_tag(pieces[0]) != "MAG"
        and doc.is_line_start(cand.start)
    )


def _morphemes_within(doc: Doc, cand: _Candidate) -> list[Morpheme]:
    """Kiwi's morphemes of the sentence that lie wholly inside the candidate."""
    inside = doc.morphemes_in(cand.start, cand.end)
    return [m for m in inside if m.start >= cand.start and m.end <= cand.end]


def _counted_or_plural(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi reads the word as numbers (스물여덟), a number and its counter (만 + 원), or ending in the
    plural suffix (성도 + 들): none of them names one person."""
    morphs = _morphemes_within(doc, cand)
    if not morphs or any(m.oov for m in morphs) or morphs[0].start != cand.start:
        return False
    counted = all(m.tag == "NR" or (m.tag == "NNB" and m.end - m.start == 1) for m in morphs)
    if morphs[0].tag == "NR" and counted:
        # not 백 + 아름 (a surname and a name Kiwi reads as a number and a counter)
        return not _called_by_count(doc, cand, morphs)
    return len(morphs) >= 2 and morphs[-1].tag == "XSN" and morphs[-1].form == "들"


def _called_by_count(doc: Doc, cand: _Candidate, morphs: Sequence[Morpheme]) -> bool:
    """A given name Kiwi reads as a number and a counter (만호: 만 + 호, 영명: 영 + 명, 일범: 일 + 범) where
    no amount fits: called with a vocative (nobody calls out "ten thousand houses"), or right after a
    kinship word with a particle a name takes there ("동생 만호가"), its counter no unit of money, time
    or measure ("동생 만원을 줬다" is an amount)."""
    if len(morphs) < 2 or morphs[-1].tag != "NNB" or cand.merged:
        return False  # 하나, 스물여덟: a number alone ("소원은 하나야": one, not a call)
    cfg = doc.rules.config.names
    if cand.ending in cfg.vocatives:
        return True
    if morphs[-1].form in cfg.kin_amount_counters:
        return False
    kinship = _cues(doc.rules).kinship
    if cand.ending in cfg.slot_kin_endings and (
        _prev_word(doc, cand.start) in kinship or _glued_kin_before(doc, cand, kinship)
    ):
        return True  # "동생 만호가", "아들영호와 함께" (OCR glued the kinship word on)
    # "만호 아버지가 일하던": a child's name opening the sentence before a teknonym and its particle.
    after = _next_word(doc, cand.end)
    return (
        not cand.ending
        and doc.text[cand.end : cand.end + 1] == " "
        and _sentence_start(doc, cand.start)
        and any(after.startswith(t) and after[len(t) :] in doc.rules.particles for t in cfg.slot_teknonyms)
    )


# What a younger one calls an elder sibling or friend after the name: "우민 형", "진용 언니".
_ELDER_KIN = ("형님", "누님", "형", "언니", "오빠", "누나", "삼촌")
_OURS = frozenset({"우리", "저희", "제", "내", "나의", "우리의"})


def _named_elder(doc: Doc, cand: _Candidate, scorer: _Scorer, nxt: str) -> bool:
    """A word Kiwi knows as a noun, of two syllables typical of names, opening the sentence or after
    "our" before the word for an elder sibling or an uncle ("우리 우민 형은 아직", "진용 언니는", "우리
    선학 삼촌은"): how one calls an elder by name. Not a word that says which one (교회 언니, 동네 형,
    옆집 누나: role words and title modifiers). A moderator decides."""
    text = cand.text
    if len(text) != 2 or not _word_is(nxt, _ELDER_KIN, doc):
        return False
    if not (_sentence_start(doc, cand.start) or _prev_word(doc, cand.start) in _OURS):
        return False
    cues = scorer.cues  # roles: the role words and title modifiers
    if text in cues.roles or text in cues.not_names or text in cues.kinship:
        return False
    return _typical(doc.rules, text)


def _glued_kin_before(doc: Doc, cand: _Candidate, kinship: Collection[str]) -> bool:
    """The word holding ``cand`` starts with a kinship word right before it ("아들영호와")."""
    word = doc.word_at(cand.start)
    return cand.glued_before and word is not None and doc.text[word.start : cand.start] in kinship


@lru_cache(maxsize=20_000)
def _finished_predicate(word: str) -> bool:
    """Kiwi reads ``word`` alone as a verb or adjective ending in a final or connecting ending."""
    if len(word) < 2:
        return False  # one syllable alone: Kiwi makes a verb of anything (금: 긋 + 음)
    morphs = analyse(word)
    return (
        len(morphs) >= 2
        and not any(m.oov for m in morphs)
        and morphs[0].tag.startswith(_VERB_TAGS)
        and morphs[-1].tag in ("EF", "EC")
    )


def _glued_title_word(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """The candidate and the title glued to it make one word Kiwi knows or a kinship word (아저 + 씨)."""
    m = re.match(r"[가-힣]+", doc.text[cand.start :])
    if m is None or m.end() <= len(cand.text):
        return False
    word = strip_particles(m.group(), doc)[0]
    return word in scorer.cues.kinship or _known_word(word) or _known_word(m.group())


def _connective_form(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi reads the word, in its sentence, as a verb or adjective with a connective ending (커서:
    크 + 어서, "when I grow up")."""
    if cand.merged or cand.glued_before:
        return False
    morphs = _morphemes_within(doc, cand)
    return (
        bool(morphs)
        and morphs[0].start == cand.start
        and morphs[0].tag.startswith(("VV", "VA"))
        and morphs[-1].tag == "EC"
        and morphs[-1].end == cand.end
    )


def _known_first_piece(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """The first piece of a merged candidate is a word Kiwi knows of two syllables or more that is no
    surname (사진 of "사진 속"): a name split by OCR starts with its surname."""
    first = doc.text[cand.start : cand.end].split(" ")[0]
    return len(first) >= 2 and first not in scorer.gaz.surnames and _lone_tag(first) in ("NNG", "NNB")


def _noun_and_particle(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi reads the word, in its sentence, as an everyday noun it knows and particles only (때 +
    마다): no name with a particle."""
    morphs = _morphemes_within(doc, cand)
    return (
        len(morphs) >= 2
        and morphs[0].start == cand.start
        and morphs[0].tag in ("NNG", "NNB")
        and not morphs[0].oov
        and all(m.tag.startswith("J") for m in morphs[1:])
    )


def _adnominal_form(doc: Doc, cand: _Candidate) -> bool:
    """Kiwi reads the candidate as a verb or adjective ending in an adnominal ending (친한, 큰, 아는)."""
    last = doc.text.rfind(" ", cand.start, cand.end) + 1 or cand.start
    tail = [m for m in doc.morphemes_in(last, cand.end) if m.start >= last and m.end <= cand.end]
    if len(tail) >= 3 and tail[-1].tag == "ETM" and tail[-2].tag == "VCP" and not tail[0].oov:
        # "당신 편인 누나", "내 편인 언니", "고향 사람인 언니": a known noun in the copula's adnominal form
        return tail[0].start == last and tail[0].tag in _EVERYDAY_TAGS
    if cand.merged or cand.glued_before:
        return False  # "아버지만선": Kiwi cuts a glued run anyhow
    morphs = [m for m in doc.morphemes_in(cand.start, cand.end) if m.end <= cand.end]
    return (
        bool(morphs)
        and morphs[0].start == cand.start
        and morphs[0].tag.startswith(("VV", "VA", "VX"))
        and morphs[-1].tag == "ETM"
    )


def _one_syllable_teknonym(doc: Doc, text: str, nxt: str, scorer: _Scorer) -> bool:
    """A one-syllable word of a name's weight before a teknonym (아버지, 엄마), when the two do not make
    one word Kiwi knows: 양 아버지, 시 아버지 and 큰 아버지 are kinship words split by OCR, 병 아버지 is
    병's father."""
    weights = scorer.gaz.given_syllables
    if weights.get(text, 0) < scorer.cfg.slot_kin_min_weight + 1 or text in scorer.cues.roles:
        return False
    kin = next((t for t in scorer.cfg.slot_teknonyms if _word_is(nxt, (t,), doc)), "")
    return bool(kin) and not _known_word(text + kin) and text + kin not in scorer.cues.kinship


_ADNOMINAL = frozenset({"는", "던", "은", "ᆫ"})
_DETERMINERS = frozenset({"그", "이", "저", "요", "고", "조"})
_KIN_APPOSITION = re.compile(r"\s*,?\s*(?:우리|제|내|나의|저의)\s*([가-힣]+)")
_CLAUSE_END = re.compile(r"\s*(?:[,.!?]|$)")


def _kin_apposition(doc: Doc, pos: int, scorer: _Scorer) -> bool:
    """A kinship word with a possessive follows (", 우리 어머니", " 내 동생"): the word before names her."""
    m = _KIN_APPOSITION.match(doc.text, pos)
    if m is None:
        return False
    kin, _ = strip_particles(m.group(1), doc)
    return kin in scorer.cues.kinship


def _name_like(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """Kiwi does not read ``cand`` as an everyday word, or it is a surname and name syllables set off
    by a comma (그래서, 오늘 are not names; 채해지, 서 정훨 are)."""
    if cand.text in scorer.cues.not_names or cand.text in scorer.lexicon_keys:
        return False
    comma = doc.text[cand.end : cand.end + 1] == ","
    if comma and (scorer.split(cand.text) is not None or cand.merged):
        return True
    return evidence(doc, cand.judge_start, cand.judge_end) not in _EVERYDAY


def _appositive_after(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A name standing after the word that says where someone is from ("X 사람", "X 출신"), with or
    without a kinship word between, and closing its clause (a comma, the end of the sentence)."""
    if (cand.ending and not cand.slot_only) or not _CLAUSE_END.match(doc.text, cand.end):
        return False
    prev = _prev_word(doc, cand.start)
    if prev in scorer.cues.kinship:
        prev = _prev_word(doc, cand.start - len(prev) - 1)
    return prev in scorer.cfg.slot_origin_words


_EVERYDAY_TAGS = frozenset({"NNG", "NNB", "NP", "NR", "MAG", "MM"})


@lru_cache(maxsize=50_000)
def _known_tag(word: str) -> str:
    """Kiwi's tag for ``word`` alone when it reads it as one everyday word it knows (시간 NNG, 천천히
    MAG), else "". A word in North Korean spelling (로동, 래일, 력사, 녀자) counts as the word it is in
    South Korean spelling, which is all Kiwi knows: writers from the North keep the initial ㄹ and ㄴ."""
    for form in (word, _southern_spelling(word)):
        if not may_read_alone_as(form, _EVERYDAY_TAGS):
            continue  # not in Kiwi's dictionary as such a word: no need to ask Kiwi
        tag = _lone_tag(form)
        if tag in _EVERYDAY_TAGS:
            return tag
    return ""


# The initial-sound rule of South Korean spelling: ㄹ becomes ㄴ before ㅏㅐㅗㅚㅜㅡ and ㅇ before
# ㅑㅒㅕㅖㅛㅠㅣ; ㄴ becomes ㅇ before the latter (North: 로동 녀자 리해, South: 노동 여자 이해).
_Y_VOWELS = frozenset((2, 3, 6, 7, 12, 17, 20))  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def _southern_spelling(word: str) -> str:
    """``word`` with its first syllable in South Korean spelling, or "" when that changes nothing."""
    code = ord(word[0]) - 0xAC00 if word else -1
    if not 0 <= code < 11172:
        return ""
    initial, vowel = divmod(code, 588)[0], divmod(code, 588)[1] // 28
    if initial == 5:  # ㄹ
        initial = 11 if vowel in _Y_VOWELS else 2
    elif initial == 2 and vowel in _Y_VOWELS:  # ㄴ
        initial = 11
    else:
        return ""
    return chr(0xAC00 + initial * 588 + code % 588) + word[1:]


def _known_word(word: str) -> bool:
    """Kiwi reads ``word`` alone as one everyday word it knows (시간, 마을, 천천히)."""
    return bool(_known_tag(word))


@lru_cache(maxsize=20_000)
def _lone_tag(word: str) -> str:
    """Kiwi's tag for ``word`` read alone as one morpheme it knows (그래: IC, 너: NP), or ""."""
    morphs = analyse(word) if word else []
    if len(morphs) == 1 and not morphs[0].oov and morphs[0].end - morphs[0].start == len(word):
        return morphs[0].tag
    return ""


# For the other name detectors (relay/detect/whereabouts.py, relay/detect/titled.py).
known_word = _known_word
known_tag = _known_tag


def titled_word(doc: Doc, word: str) -> bool:
    """``word`` is a title, rank or kinship word after a name (선생이, 목사님께서, 할머니가, 군에게), for
    relay/detect/glued_names.py."""
    cues = _cues(doc.rules)
    core, _ = strip_particles(word, doc)
    return core in cues.after or any(len(t) >= 2 for t in cues.after_set.prefixes(word))


_UNREAD = (Evidence.PROPER, Evidence.UNKNOWN, Evidence.FRAGMENT)  # a name to Kiwi, or nothing it knows


def _split_last_syllable(doc: Doc, cand: _Candidate, cued: bool) -> bool:
    """ "왕미 란입니다", "편광 혁아": a surname and given syllable, then the name's last syllable OCR set
    apart. Kiwi reads the first word as a name or not at all (서대 회 무침: a fish it knows); both given
    syllables are typical of names; the word set apart is no word Kiwi knows (묵주 기도), no particle
    (형제 를) and no verb as Kiwi reads it there (천원 하는). Without a cue, the syllable set apart is
    no word alone (내레 회 한 접시) and the text is not spaced syllable by syllable (부 대생 활 이)."""
    gaz = doc.rules.gazetteers
    text = cand.text
    if not (len(text) == 3 and text[0] in gaz.surnames and cand.judge_end == cand.start + 2):
        return False
    if any(gaz.given_syllables.get(ch, 0) < doc.rules.config.names.slot_kin_min_weight for ch in text[1:]):
        return False
    if evidence(doc, cand.start, cand.start + 2) not in _UNREAD:
        return False
    second = doc.text[cand.start : cand.end + len(cand.ending)].split()[-1]
    if second in doc.rules.particles or (len(second) >= 2 and _known_word(second)):
        return False
    pos = cand.end - 1
    if any(m.start == pos < m.end and m.tag in ("VV", "VA", "VX") for m in doc.morphemes_in(pos, pos + 1)):
        return False
    if cued:
        return True
    return not (second == text[-1] and _known_word(second)) and not _spaced_by_syllable(doc, cand.start)


def _spaced_by_syllable(doc: Doc, pos: int) -> bool:
    """The two words before ``pos`` are single syllables: text spaced syllable by syllable ("너 를 두고
    와 서", "부 대생 활"), where any two pieces may meet as a split name."""
    before = last_word(doc.text, pos)
    if len(before) != 1 or not is_hangul(before):
        return False
    earlier = last_word(doc.text, pos - 1 - len(before)) if pos > len(before) else ""
    return len(earlier) == 1 and is_hangul(earlier)


def _damaged_everyday(doc: Doc, cand: _Candidate) -> bool:
    """A candidate without cues that is an OCR-damaged everyday word, not a name: Kiwi does not know
    the word (a name it knows, 주희 or 가실, stays a name) and one jamo off it is a word Kiwi knows
    (사간 ~ 시간, 요늘 ~ 오늘, 계철 ~ 계절); or an everyday word with a damaged particle glued on, the
    last syllable being no name syllable (시장애 ~ 시장에, 한국 헤 ~ 한국에)."""
    text = cand.text
    weights = doc.rules.gazetteers.given_syllables
    particles = frozenset(doc.rules.particles)
    last = text[-1:]
    head = _known_tag(text[:-1]) if len(text) >= 3 else ""
    inside = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
    split_off = bool(inside) and inside[0].end == cand.end - 1 and not inside[0].oov
    if (
        head
        and (weights.get(last, 0) < 2 or head not in ("NNG", "NNB") or split_off)
        and any(a in particles for a in (last, *ocr_variants(last)))
    ):
        return True  # 시장애 (Kiwi: 시장 + 애), 조금반 (조금 is an adverb: no name starts with one)
    if cand.merged:
        if _known_word(text):
            return True  # 천천 히: an everyday word split by a space
        first, _, second = doc.text[cand.start : cand.end].partition(" ")
        # 한국 에, 우라 집, 구혁 마다: an everyday word (or one a jamo off it), then a stray syllable
        if len(first) < 2 or len(second) != 1:
            return False
        tail = doc.morphemes_in(cand.end - 1, cand.end)
        if tail and tail[-1].tag.startswith("J") and tail[-1].start == cand.end - 1:
            return True  # 한국 에: Kiwi reads the stray syllable as a particle
        if _known_word(first) or first in _lexicon_keys(doc.rules):
            return True
        # "왕미 란": a surname and syllables all typical of names is a split name, whatever word it
        # resembles (왕비); "우라 집" (우리) has no name's syllables.
        return not _split_last_syllable(doc, cand, cued=False) and _everyday_lookalike(first)
    if len(text) >= 3:
        # 천전히, 지아철: three syllables are seldom one confusion away from a word by chance
        whole = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
        named = len(whole) == 1 and whole[0].tag == "NNP" and whole[0].end == cand.end
        return not named and _everyday_lookalike(text)
    morphs = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start >= cand.start]
    if len(morphs) != 1 or not morphs[0].oov or morphs[0].end != cand.end:
        return False  # a two-syllable name Kiwi knows (주희, 가실) has neighbours that are words
    return _everyday_lookalike(text)


def _friendly_i(cand: _Candidate) -> bool:
    """The friendly 이 of a name, then a case particle ("철룡이를", "영남이가", "순철이랑"): a word takes
    the particle itself (청룡을), so a word one jamo off an everyday one is a name here. Not where 이
    ends a word of its own (고양이를, 어린이가, or 고앙이를 one jamo off it)."""
    ending = cand.ending
    if cand.merged or len(ending) < 2 or not ending.startswith("이"):
        return False
    if ending[1:] not in _FRIENDLY_I_PARTICLES:
        return False
    word = cand.text + "이"
    return has_final(cand.text[-1]) and not _known_word(word) and not _everyday_lookalike(word)


@lru_cache(maxsize=50_000)
def _everyday_lookalike(text: str) -> bool:
    """One syllable of ``text`` one OCR confusion off makes a word Kiwi knows."""
    if len(text) < 2 or not hangul_only(text):
        return False
    for i, ch in enumerate(text):
        for alike in ocr_variants(ch):
            if _known_word(text[:i] + alike + text[i + 1 :]):
                return True
    return False


_OBJECT_ENDINGS = frozenset(
    {"이", "가", "은", "는", "을", "를", "도", "과", "와", "의", "에게", "한테", "이가"}
)


def _after_adnominal_word(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A full name as its own word right after a verb's adnominal form and before a particle ("사는
    탱석명도", "있던 천은지를"): a surname and two syllables that occur in names, which Kiwi does not
    know as one everyday word."""
    if len(cand.text) != 3 or cand.ending not in _OBJECT_ENDINGS:
        return False
    if cand.text in scorer.lexicon_keys or not _full_name_shaped(doc, cand.text):
        return False
    if _southern_spelling(cand.text) and not _unknown_text(cand.text):
        return False  # 로동자 (노동자): an everyday word in North Korean spelling
    head = [m for m in doc.morphemes_in(cand.start, cand.end) if m.start == cand.start]
    if head and not head[0].oov and head[0].tag in _EVERYDAY_TAGS and head[0].end - head[0].start >= 2:
        return False  # "읽는 동안만이라도": an everyday word of two syllables opens it, no surname
    if cand.merged and (scorer.split(cand.text) or ("", ""))[0] != doc.text[cand.start]:
        return False  # "승 창원": split after the surname only
    if not _after_adnominal_clause(doc, cand.start):
        return False
    ev = evidence(doc, cand.judge_start, cand.judge_end)
    if cand.merged:
        return ev not in _EVERYDAY  # "게 아직도": the given part alone must be no everyday word
    return ev not in (Evidence.COMMON, Evidence.INSIDE)


def _after_adnominal(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A full name glued after a verb's adnominal ending, then a particle or a title ("사는왕일환도",
    "살던리명수를", "만난남궁만진목사님이"): Kiwi must read the ending (는, 던, 은, ㄴ) inside the word,
    the rest must be a surname and one or two given syllables whose first morpheme is not longer than
    the surname (사람들, 세상: everyday words), and a particle or title must follow. Review, or redact
    if Kiwi calls it NNP."""
    for word in doc.words:
        for m in doc.morphemes_in(word.start, word.end):
            if m.tag != "ETM" or m.form not in _ADNOMINAL or not (word.start < m.end < word.end):
                continue
            rest = doc.text[m.end : word.end]
            core, ending = strip_particles(rest, doc)
            # A title glued on after the name counts as its ending ("만난남궁만진목사님이").
            title = next(
                (t for t in scorer.cues.suffixes.suffixes(core) if len(t) > 1 and len(core) - len(t) >= 3),
                "",
            )
            if title:
                core, ending = core[: -len(title)], title
            parts = scorer.split(core)
            if not ending or parts is None or len(core) < 3 or core in scorer.cues.not_names:
                break
            if not (len(core) <= scorer.cfg.max_syllables and hangul_only(core)):
                break
            inner = [x for x in doc.morphemes_in(m.end, m.end + len(core)) if x.start >= m.end]
            if not inner or inner[0].start != m.end:
                break
            proper = inner[0].tag == "NNP" and inner[0].end >= m.end + len(core)
            if not proper and (
                inner[0].end - inner[0].start > len(parts[0])
                or any(x.tag.startswith(("V", "E", "XS")) for x in inner if x.end <= m.end + len(core))
                or any(x.tag.startswith("J") for x in inner if x.end == m.end + len(core))
            ):
                break
            conf, severity = (0.8, Severity.REDACT) if proper else (scorer.cfg.slot_review, Severity.REVIEW)
            yield doc.finding(
                Kind.PERSON, m.end, m.end + len(core), conf, "person.after_adnominal", severity=severity
            )
            break


def _adnominal_glued_tail(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A full name after a verb's adnominal form whose particle has the next word glued on ("있던
    하정민을봤니?", "살던 천은지가왔다"): strip_particles cannot take the word apart, so the first three
    syllables and the particle after them are tried as the name and its ending, and judged by the
    slot after an adnominal form (:func:`_after_adnominal_word`)."""
    for word in doc.words:
        if len(word.text) < 5:
            continue
        ending, after = _leading_particle(word.text[3:], doc)
        if ending not in _OBJECT_ENDINGS:
            # the longest particle may be a copula taking more of the word (이래 of "박말순이래요"):
            # the shorter one the slot wants is tried as well
            tail = word.text[3:]
            ending = next((p for p in ("이가", "이", "가") if tail.startswith(p)), "")
            after = tail[len(ending) :]
        if ending not in _OBJECT_ENDINGS or not after:
            continue
        start = word.start
        cand = _Candidate(start, start + 3, word.text[:3], ending, False, start, start + 3, False, True)
        if _after_adnominal_word(doc, cand, scorer):
            yield doc.finding(
                Kind.PERSON, start, start + 3, _slot_grade(doc, cand, scorer), "person.after_adnominal"
            )


def _glued_adnominal_titled(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A full name with the spaces on both sides lost, between a verb's adnominal form and a title
    ("살던승다하아바이가", "만난남궁만진목사님이"), or before a title written apart ("담임이던공다실
    선생님"): Kiwi reads the whole word as one unknown noun, so the word is cut by hand. The title
    (name_context, ranks, kinship) is stripped from the end, and what is left must be a verb form ending
    in an adnominal ending (살던, 만난: Kiwi on that piece alone) and a surname with given syllables
    typical of names. Three cues agree, so it is redacted."""
    cues = scorer.cues
    for word in doc.words:
        text = word.text
        if (
            len(text) >= 5
            and doc.text[word.end : word.end + 1] == " "
            and _title_is(_next_word(doc, word.end), doc)
        ):
            # "담임이던공다실 선생님이": the space before the title kept, the one before the name lost.
            name_start = _adnominal_name(doc, scorer, text)
            if name_start is not None:
                start = word.start + name_start
                yield doc.finding(Kind.PERSON, start, word.end, 0.8, "person.after_adnominal")
                continue
        if len(text) < 7 or not hangul_only(text):
            continue
        # The title may end the word or be followed by a particle and the rest of the sentence.
        for end in range(7, len(text) + 1):
            rest = text[end:]
            if rest and not _leading_particle(rest, doc)[0]:
                continue
            title = next((t for t in cues.suffixes.suffixes(text[:end]) if len(t) > 1), "")
            if not title:
                continue
            name_start = _adnominal_name(doc, scorer, text[: end - len(title)])
            if name_start is not None:
                start = word.start + name_start
                yield doc.finding(
                    Kind.PERSON, start, word.start + end - len(title), 0.8, "person.after_adnominal"
                )
                break


def _adnominal_name(doc: Doc, scorer: _Scorer, body: str) -> int | None:
    """Where a full name starts in ``body`` = a verb's adnominal form + the name ("살던승다하")."""
    for size in (3, 4):
        prefix, name = body[:-size], body[-size:]
        if len(prefix) < 2 or len(name) != size or not _full_name_shaped(doc, name):
            continue
        if name in scorer.cues.not_names or name in scorer.lexicon_keys:
            continue
        morphs = analyse(prefix)
        if (
            len(morphs) >= 2
            and (morphs[0].tag.startswith("V") or any(m.tag == "VCP" for m in morphs[1:]))
            and morphs[-1].tag == "ETM"
            and morphs[-1].form in _ADNOMINAL
        ):
            return len(prefix)  # 살던, 만난; or a noun and the copula's (담임이던, 친구였던)
    return None


# "노은히와나는", "오민윤과나는흥전…": a name, a comitative particle and the writer, the spaces lost. Its own
# rule name, as it reads a sentence's first word only and so stays precise on letter-spaced lines read
# joined ([joined] in rules.toml): "엄 별 과 나는" is 엄별과나는 there.
WITH_ME = "person.with_me"
_GLUED_WITH_ME = re.compile(r"([가-힣]{2,4}?)(?:이랑|하고|과|와|랑)(?:나는|저는|내가|제가)")


def _glued_with_me(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """The slot "X와 나는 … 동창이었다" (names._slot_shape) with the spaces lost: one word opening a
    sentence. A surname with two syllables typical of names is redacted; a given name alone is left to
    review when its syllables are typical and Kiwi knows no such word."""
    cfg = scorer.cfg
    for word in doc.words:
        if not _sentence_start(doc, word.start):
            continue
        m = _GLUED_WITH_ME.match(word.text)  # the rest of the sentence may be glued on too
        if m is None:
            continue
        name = m.group(1)
        if name in scorer.cues.not_names or name in scorer.lexicon_keys or _known_word(name):
            continue
        start, end = word.start, word.start + len(name)
        if len(name) >= 3 and _full_name_shaped(doc, name):
            yield doc.finding(Kind.PERSON, start, end, cfg.slot_name, WITH_ME)
        elif len(name) == 2 and _typical(doc.rules, name):
            review = Severity.REVIEW
            yield doc.finding(Kind.PERSON, start, end, cfg.slot_review, WITH_ME, severity=review)


# The copula closing a self-introduction, with the forms of the north and of old people that the
# particle list lacks (경옥순이야요, 로창식이오, 편덕삼이라하오); 이/이라 only after a final consonant.
# After "X라는" a word for a person closes it ("부팔규라는 늙은이요", "김순남이라는 사람입니다").
_PERSON_WORDS = (
    "늙은이",
    "사람",
    "노인",
    "할머니",
    "할아버지",
    "아이",
    "녀자",
    "여자",
    "남자",
    "아낙",
    "로인",
)


@lru_cache(maxsize=64)
def _self_endings(endings: tuple[str, ...]) -> tuple[str, ...]:
    """The self-introduction endings (rules.toml self_endings), longest first."""
    return tuple(sorted(set(endings), key=len, reverse=True))


def _self_ending(doc: Doc, word: Span) -> str:
    """The introduction's ending ``word`` closes with, given what follows it, or ""."""
    cfg = doc.rules.config.names
    text, after = word.text, _next_word(doc, word.end)
    closes = re.match(r"\s*(?:[.!?,…]|$)", doc.text[word.end :]) is not None
    for ending in _self_endings(cfg.self_endings):
        if not text.endswith(ending) or len(text) == len(ending):
            continue
        # 이/이라 only after a final consonant; 입니다, 임다 (입니다 run together) after any syllable.
        after_final = has_final(text[-len(ending) - 1])
        if not ending.startswith(("입", "임")) and after_final != ending.startswith("이"):
            continue
        if ending in ("이라", "라"):
            ok = after in cfg.self_saying
        elif ending.endswith("는"):
            ok = after.startswith(_PERSON_WORDS)
        else:
            ok = closes
        return ending if ok else ""
    return ""


def _self_name(doc: Doc, scorer: _Scorer, word: Span, body: str) -> int | None:
    """Where a full name ends ``body`` after a clause about the speaker: the word before is a verb's
    adnominal form (살던, 일하는, 기사였던), or such a form is glued on when OCR lost the space."""
    for size in (3, 4):
        name = body[-size:]
        if len(name) != size or not (_full_name_shaped(doc, name) or _damaged_full_name(doc, name)):
            continue
        prefix = body[:-size]
        # Glued on, the adnominal form ends a longer run ("…룡해리에살던편덕삼이라하오").
        if prefix and not any(_adnominal_word(prefix[-k:]) for k in (2, 3, 4) if k <= len(prefix)):
            continue
        if not prefix and not _described_before(doc, scorer, word.start):
            continue
        return len(prefix)
    return None


def _damaged_full_name(doc: Doc, text: str) -> bool:
    """A surname and two given syllables, one of them one jamo off a syllable typical of names and
    itself in no name ("설맨혁" for 설민혁, "옥숸덕" for 옥순덕): a name OCR misread. Asked only where
    the sentence leaves room for nothing but the speaker's name."""
    gaz, cfg = doc.rules.gazetteers, doc.rules.config.names
    if len(text) != 3 or text[0] not in gaz.surnames:
        return False
    weights = [gaz.given_syllables.get(ch, 0) for ch in text[1:]]
    odd = [ch for ch, w in zip(text[1:], weights, strict=True) if w < cfg.name_shaped_min_weight]
    if len(odd) != 1 or max(weights) < cfg.name_shaped_min_weight:
        return False
    return any(near_syllable(odd[0], typical) for typical in _typical_syllables(doc.rules))


def _typical(rules: Rules, syllables: str) -> bool:
    """Every one of ``syllables`` is typical of given names (weight at least ``slot_kin_min_weight``)."""
    least, weights = rules.config.names.slot_kin_min_weight, rules.gazetteers.given_syllables
    return all(weights.get(ch, 0) >= least for ch in syllables)


@lru_cache(maxsize=1 << 12)
def near_typical(rules: Rules, syllable: str) -> tuple[str, ...]:
    """Syllables typical of given names one jamo off ``syllable``, most typical first."""
    weights = rules.gazetteers.given_syllables
    near = [ch for ch in _typical_syllables(rules) if ch != syllable and near_syllable(syllable, ch)]
    return tuple(sorted(near, key=lambda ch: -weights.get(ch, 0)))


@lru_cache(maxsize=4)
def _typical_syllables(rules: Rules) -> tuple[str, ...]:
    """Given-name syllables typical of names (weight at least ``slot_kin_min_weight``)."""
    least = rules.config.names.slot_kin_min_weight
    return tuple(ch for ch, w in rules.gazetteers.given_syllables.items() if w >= least)


def _not_a_name_before_title(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """The word before a title is an adverb, a conjunction, an interjection or a pronoun as Kiwi reads
    it alone ("그러니까 오빠도", "다 오빠"), or a predicate of three syllables or more that ends in a
    verbal ending ("잘챙겨 형아", "군인이라 형"): it says something, it names no one. Listed names and
    full names are kept (한결 is an adverb and a name)."""
    text = cand.text
    if cand.merged:
        # "어릴 때 오빠가": the first piece OCR would have split off is a verb's adnominal form
        first = doc.text[cand.start : cand.end].split()[0]
        return len(first) >= 2 and _adnominal_word(first)
    if scorer.gaz.listed_name(text) or _full_name_shaped(doc, text):
        return False
    if _lone_tag(text) in ("MAG", "MAJ", "IC", "NP", "MM", "NR"):
        return True
    if len(text) < 3 or not hangul_only(text):
        return False
    morphs = analyse(text)
    return (
        len(morphs) >= 2
        and not any(m.oov for m in morphs)
        and morphs[-1].tag.startswith("E")
        and any(m.tag.startswith(("VV", "VA", "VX", "VCP", "XSV", "XSA")) for m in morphs)
    )


def _predicate_or_subject(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """Kiwi reads the word before a title, in its sentence, as an adverb and a verb with its ending
    ("못해", "안가": a short predicate), or as an everyday noun it knows with a case particle after it
    ("평안이", "마음을"), the noun no listed name (보람이 형, 하늘이 누나 are names)."""
    morphs = _morphemes_within(doc, cand)
    if len(morphs) < 2 or morphs[0].start != cand.start or any(m.oov for m in morphs):
        return False
    first, last = morphs[0], morphs[-1]
    verb = any(m.tag.startswith(("VV", "VA", "VX")) for m in morphs)
    if first.tag == "MAG" and verb and last.tag.startswith("E"):
        return True
    return (
        first.tag == "NNG"
        and len(first.form) >= 2
        and all(m.tag in ("JKS", "JKO", "JKG", "JKB") for m in morphs[1:])
        and not scorer.gaz.listed_name(first.form)
        and first.form not in scorer.gaz.given_names
    )


def _described_before(doc: Doc, scorer: _Scorer, pos: int) -> bool:
    """The word before ``pos`` describes whom the next word names: a verb's adnominal form (살던,
    일하는; one syllable only as Kiwi reads it in the sentence: 온, 산) or a word of origin ("김책시 사람
    X임다")."""
    prev = _prev_word(doc, pos)
    return (
        _adnominal_word(prev)
        or (len(prev) == 1 and _after_adnominal_clause(doc, pos))
        or prev in scorer.cfg.slot_origin_words
        # "연길시에 사는 김춘화요": Kiwi may read 사는 alone as 사 + 는; the resident cues say it
        or prev in scorer.cfg.resident_cues
    )


def _described_speaker(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """The speaker named at the end of a sentence about them ("나는 … 쌀장사 하던 경옥순이야요", "저는
    … 일하는국영애예요", "나는 … 사는 부팔규라는 늙은이요"): the sentence has 나는/저는/내래 in it, a
    verb's adnominal form stands right before the word, and the word is a surname with two name
    syllables that Kiwi knows as no everyday word (학생, 로동자 are), then a copula closing it."""
    for word in doc.words:
        if len(word.text) < 3 or not hangul_only(word.text):
            continue
        ending = _self_ending(doc, word)
        if not ending:
            continue
        body = word.text[: -len(ending)]
        offset = _self_name(doc, scorer, word, body) if len(body) >= 3 else None
        # "하던 경 옥순이야요", "팔던 현 옥 단이야요": else OCR (or a careful hand) may have split it
        if offset is not None:
            at: int | None = word.start + offset
        elif len(body) == 1:
            at = _syllables_split_off(doc, scorer, word, body)
        else:
            at = _surname_split_off(doc, word, body)
        if at is None:
            continue
        start = at
        name = doc.text[start : word.start].replace(" ", "") + body if offset is None else body[offset:]
        if name in scorer.cues.not_names or name in scorer.lexicon_keys or not _unknown_text(name):
            continue
        if not _speaker_opens(doc, start, scorer.cfg.self_speakers):
            continue
        end = word.start + len(body)
        yield doc.finding(Kind.PERSON, start, end, scorer.cfg.slot_name, "person.slot")


def _surname_split_off(doc: Doc, word: Span, body: str) -> int | None:
    """Where the name starts when its surname stands alone just before ``word`` ("경 옥순", "서
    문혜린") and a verb's adnominal form before that: the pieces together make a full name."""
    prev_at = word.start - 2
    if prev_at < 1 or doc.text[prev_at + 1] != " " or doc.text[prev_at - 1] != " ":
        return None
    surname = doc.text[prev_at]
    if _known_word(body) or not _full_name_shaped(doc, surname + body):
        return None  # "박 사장이에요": a surname and a title
    if not _adnominal_word(_prev_word(doc, prev_at)):
        return None
    return prev_at


_TWO_SYLLABLES_BEFORE = re.compile(r"(?:^|(?<=\s))([가-힣]) ([가-힣]) $")


def _syllables_split_off(doc: Doc, scorer: _Scorer, word: Span, body: str) -> int | None:
    """Where the name starts when each of its syllables stands alone ("팔던 현 옥 단이야요"): the
    surname and the first given syllable are the two one-syllable words just before ``word``, and a
    verb's adnominal form (or a word of origin) stands before them."""
    m = _TWO_SYLLABLES_BEFORE.search(doc.text, max(0, word.start - 5), word.start)
    if m is None or not _full_name_shaped(doc, m.group(1) + m.group(2) + body):
        return None
    if _known_word(m.group(2) + body):
        return None  # "일하던 김 대 리야": a surname and a title (대리), not a name
    return m.start() if _described_before(doc, scorer, m.start()) else None


_SUBJECT_PARTICLES = ("이", "가", "은", "는", "도", "이가", "이는", "이도")
# Given-name syllable weight (0..5) both syllables of a bare subject must reach to be kept although
# they are one OCR confusion from an everyday word.
_BARE_TYPICAL = 4


def _bare_subjects(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A given name on its own as the subject opening a sentence ("평우가 지금도 …"): a two-syllable
    word that Kiwi does not know (or calls a proper noun), both syllables typical of names, then a
    subject particle. Without any cue this is only a guess, so it goes to review."""
    cfg, gaz = scorer.cfg, scorer.gaz
    for word in doc.words:
        if not _sentence_start(doc, word.start):
            continue
        core, ending = strip_particles(word.text, doc)
        if ending not in _SUBJECT_PARTICLES or len(core) != 2 or not hangul_only(core):
            continue
        if core in scorer.cues.not_names or core in scorer.cues.roles or core in scorer.lexicon_keys:
            continue
        if not _typical(doc.rules, core):
            continue
        if _southern_spelling(core) and _known_word(core):
            continue  # 로동은, 래일은: an everyday word in North Korean spelling (Kiwi calls it a name)
        end = word.start + len(core)
        morphs = [m for m in doc.morphemes_in(word.start, end) if m.start >= word.start]
        # 요늘은 (오늘 with one stroke more, a word Kiwi does not know) is no name; but most pairs of
        # syllables are one confusion from some word, and two syllables very typical of names (지택이,
        # 정건이) outweigh that (review only).
        typical = all(gaz.given_syllables.get(ch, 0) >= _BARE_TYPICAL for ch in core)
        alone = len(morphs) == 1 and morphs[0].oov and morphs[0].end == end
        if alone and not typical and _everyday_lookalike(core):
            continue
        if evidence(doc, word.start, word.start + len(core)) not in (
            Evidence.PROPER,
            Evidence.UNKNOWN,
            Evidence.FRAGMENT,
        ):
            continue
        yield doc.finding(
            Kind.PERSON,
            word.start,
            word.start + len(core),
            cfg.slot_review,
            "person.bare_subject",
            severity=Severity.REVIEW,
        )


# A full name split by the spacing after its second syllable, the third standing alone with the
# friendly 이, a particle or the copula after it ("네 아버지 심해 철이 병원에", "동기 엄지 현 이 다").
# The first two syllables often make an everyday word (심해 "deep sea", 엄지 "thumb"), so the name
# rules' reading of the pieces misses it.
_SPLIT_TAIL = re.compile(
    r"(?<![가-힣])(?P<head>[가-힣]{2}) (?P<tail>[가-힣])"
    r"(?= ?이(?:다|야|에요|예요|오|고|가|는|도|랑|를|한테|에게)?(?![가-힣]))"
)
# The word before such a name that says a person is named: a kinship word (through cues.kinship), a
# schoolmate's or comrade's word, the speaker, or a school year ("5학년").
_SPLIT_CUES = frozenset(
    {"동기", "동창", "친구", "선배", "후배", "짝꿍", "동무", "동지", "나", "내", "저는", "나는"}
)
_SCHOOL_YEAR = re.compile(r"(?:\d|[일이삼사오육])학년$")
# Kiwi's tags of a first piece that opens no name: adverbs, determiners, pronouns, numerals,
# particles, and a verb's connective or adnominal ending ("엄마 이제 돈이", "나 가서 밥이", "형 하고
# 준이"). A verb's final form may be a name's first syllables (심해: 심하 + 어).
_SPLIT_HEAD_NOT = ("MAG", "MAJ", "MM", "NP", "NR", "NNB", "J", "IC", "EC", "ETM", "XS")


def _split_after_cue(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """Review findings for :data:`_SPLIT_TAIL` after a cue word: the first syllable a listed surname,
    the two given syllables typical of names, the whole no word Kiwi knows."""
    cfg, gaz, cues = scorer.cfg, scorer.gaz, scorer.cues
    for m in _SPLIT_TAIL.finditer(doc.text):
        head, tail = m.group("head"), m.group("tail")
        prev = _prev_word(doc, m.start())
        if not (prev in cues.kinship or prev in _SPLIT_CUES or _SCHOOL_YEAR.search(prev)):
            continue
        if head[0] not in gaz.surnames:
            continue
        # With the bare 이 after it ("철이 병원에") the tail may be a word and the subject particle, or
        # a dialect word (고생 마이 했제): both given syllables must then be very typical of names.
        bare = not re.match(r" ?이[가-힣]", doc.text[m.end() :])
        least = _BARE_TYPICAL if bare else cfg.slot_kin_min_weight
        if any(gaz.given_syllables.get(ch, 0) < least for ch in head[1] + tail):
            continue
        whole = head + tail
        if whole in cues.not_names or whole in scorer.lexicon_keys or _known_word(whole):
            continue
        morphs = analyse(head)
        if not morphs or any(not x.oov and x.tag.startswith(_SPLIT_HEAD_NOT) for x in morphs):
            continue
        yield doc.finding(
            Kind.PERSON, m.start(), m.end(), cfg.slot_review, "person.split_tail", severity=Severity.REVIEW
        )


def find_names(doc: Doc) -> list[Finding]:
    """Person names in ``doc``."""
    if not doc.words:
        return []
    scorer = _Scorer(doc)
    cues = scorer.cues
    words = doc.words
    candidates = [c for i in range(len(words)) for c in _candidates(doc, words, i, cues)]
    candidates.extend(_kiwi_candidates(doc, cues))
    candidates.extend(_signing_tail_candidates(doc, scorer))
    found: list[Finding] = []
    for cand in candidates:
        if _spoken_or_predicate(doc, cand) and not _run_in_slot(doc, cand, scorer):
            continue
        if cand.merged and scorer.verb_then_bound_noun(cand):
            continue  # "잘할 거야", "갈 거야": how sentences end, not a split name
        if _signed_everyday_name(doc, cand, scorer):
            signed = doc.finding(Kind.PERSON, cand.start, cand.end, scorer.cfg.slot_name, "person.slot")
            if signed is not None:
                found.append(signed)
            continue
        if (
            _titled_word(doc, cand, scorer)
            or _everyday_name_slot(doc, cand, scorer)
            or _signed_surname_word(doc, cand, scorer)
            or _kin_company(doc, cand, scorer)
            or _opening_kin_call(doc, cand, scorer)
        ):
            # "아버지 여름 동지는": an everyday word used as a name before a title; a moderator decides.
            titled = doc.finding(Kind.PERSON, cand.start, cand.end, scorer.cfg.slot_review, "person.slot")
            if titled is not None:
                found.append(titled)
            continue
        if not scorer.plausible(cand) and not (len(cand.text) == 1 and hangul_only(cand.text)):
            continue
        context, intro, strong = _context(doc, cand, cues)
        scored = None if cand.slot_only else scorer.score(cand, context, intro, strong)
        if cand.syllable_run and scored is not None and scored[1] == "person.full_name":
            scored = None  # "이 편 지", "민 증 번": split words meet as often as a split name does
        if (scored is None or scored[0] < doc.rules.config.severity.redact_min) and (
            _slot(doc, cand, scorer)
            or _glued_kin_company(doc, cand, scorer)
            or (cand.syllable_run and _addressed_as_you(doc, cand) and _full_name_shaped(doc, cand.text))
            or (
                not cand.ending
                and _signature(doc, cand)
                and _full_name_shaped(doc, cand.text)
                and not _verb_said(doc, cand)
            )
        ):
            # A signature that Kiwi reads as a verb form ("석숙봄": 숙 + 보 + ㅁ) still goes to review;
            # a word shaped like a name in a slot only a name fits is redacted.
            grade = _slot_grade(doc, cand, scorer)
            if scored is None or grade > scored[0]:
                scored = (grade, "person.slot")
        if scored is not None and scored[0] < scorer.cfg.slot_name and _strong_context(doc, cand, scorer):
            scored = (scorer.cfg.slot_name, scored[1])
        if scored is None:
            continue
        score, rule = scored
        if not cand.ending and len(cand.text) >= 3 and _known_tag(cand.text) == "MAG":
            continue  # 정성껏, 간단히 before 씀: an adverb Kiwi knows whole (and no particle) is no name
        if rule == "person.full_name" and _damaged_everyday(doc, cand) and not _friendly_i(cand):
            if not _introduced(doc, cand, scorer):
                continue  # 사간이, 마울이: an everyday word with one jamo misread, no cue for a name
            # "나는 홍주진이다.": an introduction is a slot only a name fits, whatever word it resembles.
            score, rule = _slot_grade(doc, cand, scorer), "person.slot"
        finding = doc.finding(Kind.PERSON, cand.start, cand.end, score, rule)
        if finding is not None:
            found.append(finding)
    found.extend(f for f in _after_adnominal(doc, scorer) if f is not None)
    found.extend(f for f in _glued_adnominal_titled(doc, scorer) if f is not None)
    found.extend(f for f in _adnominal_glued_tail(doc, scorer) if f is not None)
    found.extend(f for f in _glued_with_me(doc, scorer) if f is not None)
    found.extend(f for f in _bare_subjects(doc, scorer) if f is not None)
    found.extend(f for f in _kin_signed(doc, scorer) if f is not None)
    found.extend(f for f in _split_after_cue(doc, scorer) if f is not None)
    found.extend(f for f in _spaced_cued_names(doc, scorer) if f is not None)
    found.extend(f for f in _masked_names(doc, scorer) if f is not None)
    found.extend(f for f in _spaced_masked_names(doc, scorer) if f is not None)
    found.extend(f for f in _kin_name_particle_tail(doc, scorer) if f is not None)
    found.extend(f for f in _letter_opening(doc, scorer) if f is not None)
    found.extend(f for f in _described_speaker(doc, scorer) if f is not None)
    found.extend(f for f in _family_of(doc, scorer) if f is not None)
    found.extend(f for f in _called_twice(doc, scorer) if f is not None)
    found.extend(f for f in _listed_with(doc, scorer, found) if f is not None)
    found.extend(f for f in _surname_before(doc, scorer, found) if f is not None)
    return found


# A list of words set off by commas ("철남이,영수,광혁이 다 …", "영철, 순희, 광민이가"), each perhaps after
# a kinship word ("아빠 정한길, 엄마 신미래"). Two items only with full names (_listed_with): "민미윤,
# 주민등록번호 …" is a name and the cue of what follows, not a list.
_LIST = re.compile(r"(?:[가-힣]{1,4} )?[가-힣]{2,5}(?:\s*,\s*(?:[가-힣]{1,4} )?[가-힣]{2,5})+")
# "김경식네", "순옥이네 집": someone's family or home, named by the person.
_FAMILY = re.compile(r"(?<![가-힣])([가-힣]{2,4})네(?=[가-힣]{0,2}(?![가-힣]))")


def _given_like(doc: Doc, core: str, scorer: _Scorer) -> bool:
    """``core`` could be a given name or a full name: Hangul, 2-4 syllables, no cue, role or place word,
    not a word Kiwi knows, and its given syllables all occur in names."""
    if not (2 <= len(core) <= 4 and hangul_only(core)):
        return False
    if core in scorer.cues.not_names or core in scorer.cues.roles or core in scorer.lexicon_keys:
        return False
    if scorer.gaz.listed_name(core):
        return True  # 꽃분, 보람: listed names, native ones too, whatever Kiwi makes of them
    if _known_word(core):
        return False
    parts = scorer.split(core)
    given = parts[1] if parts and len(core) >= 3 else core
    return all(scorer.gaz.given_syllables.get(ch, 0) >= scorer.cfg.slot_kin_min_weight - 1 for ch in given)


def _sure_or_review(scorer: _Scorer, sure: bool) -> tuple[float, Severity]:
    """A slot finding's grade: redacted when the word is sure to be a name, else for review."""
    return (scorer.cfg.slot_name, Severity.REDACT) if sure else (scorer.cfg.slot_review, Severity.REVIEW)


# "샛별아 샛별아", "철수야, 철수야!": someone called out twice.
_TWICE = re.compile(r"(?<![가-힣])([가-힣]{1,3})([아야])[\s,!.]{1,3}\1\2(?![가-힣])")


def _called_twice(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A word called out twice with 아/야 is someone's name, or a kinship word (엄마야 엄마야, skipped);
    a word that could be a given name is redacted, any other goes to review (a pet, a nickname)."""
    for m in _TWICE.finditer(doc.text):
        core = m.group(1)
        if core in scorer.cues.not_names or core in scorer.cues.kinship or core in scorer.cues.roles:
            continue
        conf, severity = _sure_or_review(scorer, _given_like(doc, core, scorer))
        for start in (m.start(1), m.end() - 1 - len(core)):
            yield doc.finding(
                Kind.PERSON, start, start + len(core), conf, "person.called_twice", severity=severity
            )


def _family_of(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A name with the family suffix 네 ("김경식네 막내", "순옥이네 집"): a full name or a given name with
    its friendly 이 is believed (redacted); a bare two-syllable word goes to review, as 네 also ends
    everyday words (동네, 우리네) and those Kiwi knows are skipped."""
    for m in _FAMILY.finditer(doc.text):
        core = m.group(1)
        ne = m.end(1)
        morphs = [x for x in doc.morphemes_in(ne, ne + 1) if x.start <= ne < x.end]
        if not morphs or not (morphs[0].tag == "XSN" or morphs[0].oov):
            continue  # 피곤하네요: the ending of a verb, not someone's family
        if core.endswith("이") and len(core) >= 3 and has_final(core[-2]):
            core = core[:-1]
        if not _given_like(doc, core, scorer):
            continue
        sure = (len(core) == 3 and scorer.split(core) is not None) or len(core) < len(m.group(1))
        conf, severity = _sure_or_review(scorer, sure)
        yield doc.finding(
            Kind.PERSON, m.start(1), m.start(1) + len(core), conf, "person.family", severity=severity
        )


def _listed_with(doc: Doc, scorer: _Scorer, found: list[Finding]) -> Iterable[Finding | None]:
    """Words listed by commas beside a name found are names too, if they could be ("철남이, 영수,
    광혁이"): the list is of people. They get the severity of the surest name in the list."""
    persons = [(*doc.spaced_range(f.start, f.end), f) for f in found if f.kind is Kind.PERSON]
    for m in _LIST.finditer(doc.text):
        anchors = [(s, e, f) for s, e, f in persons if s < m.end() and m.start() < e]
        if not anchors:
            continue
        best = max((f for _, _, f in anchors), key=lambda f: f.confidence)
        pair = m.group().count(",") == 1
        for item in re.finditer(r"[가-힣]+", m.group()):
            start = m.start() + item.start()
            if any(s < start + len(item.group()) and start < e for s, e, _ in anchors):
                continue
            core, _ = strip_particles(item.group(), doc)
            if core in scorer.cues.kinship:
                continue  # the kinship word before a listed name
            if pair and (len(core) < 3 or scorer.split(core) is None):
                continue  # two words joined by one comma: only a full name beside a name ("모태식, 명옥희")
            if pair and any(t.tag.startswith(("V", "E")) and not t.oov for t in analyse(core)):
                continue  # "만나자, …", "지내고, …": a verb, however name-like its syllables
            if _given_like(doc, core, scorer):
                yield doc.finding(
                    Kind.PERSON,
                    start,
                    start + len(core),
                    best.confidence,
                    "person.listed",
                    severity=best.severity,
                )


def _surname_before(doc: Doc, scorer: _Scorer, found: list[Finding]) -> Iterable[Finding | None]:
    """A given name found with a surname left standing before it, split off by OCR or the writer ("렴
    순희", "국 미향"): the surname goes with the name (a rare surname alone is not merged by the
    candidates, and leaving it legible leaves half the name)."""
    for f in [f for f in found if f.kind is Kind.PERSON]:
        start, end = doc.spaced_range(f.start, f.end)
        core, _ = strip_particles(doc.text[start:end], doc)
        # The given name may itself be split by OCR ("좌 순 덕", "빈 학 수"): its two syllables apart.
        spaced = len(core) == 3 and core[1] == " "
        if not (len(core) == 2 or spaced) or start < 1:
            continue
        # "렴 순희" (split off), or "로영길이가" (glued, Kiwi having read 로 as a particle)
        at = start - 2 if doc.text[start - 1] == " " else start - 1
        surname = doc.text[at] if at >= 0 else ""
        if at >= 1 and doc.text[at - 1].isalnum():
            continue  # the syllable ends a longer word ("우리 영희": 리 is no surname here)
        if at == start - 1 and not any(
            m.start == at and m.tag.startswith("J") for m in doc.morphemes_in(at, at + 1)
        ):
            continue  # glued on: only a surname Kiwi took for a particle (로영길이가: 로 + 영길이)
        word = doc.word_at(start + len(core) - 1)
        rest = doc.text[start + len(core) : word.end] if word is not None else ""
        last = core[-1] if spaced else core
        if (
            rest
            and strip_particles(last + rest, doc)[0] != last
            and next(scorer.cues.after_set.prefixes(rest), None) is None
        ):
            continue  # part of a longer word ("김성" of 김성철), not a name before a title (영숙아주머니)
        if surname not in scorer.gaz.surnames or surname in scorer.cues.roles:
            continue
        if scorer.gaz.surnames.get(surname) == OCR_SURNAME_RANK:
            continue
        if spaced and (surname in scorer.cues.kinship or core[0] in doc.rules.particles):
            continue  # "형 은 글 을", "형 이 기 다린": a kinship word and its particle, words split apart
        whole = doc.finding(Kind.PERSON, at, end, f.confidence, f.rule, severity=f.severity)
        if spaced and whole is not None and (split_piece(doc, f) or split_piece(doc, whole)):
            continue  # "지 금 은 아 침": syllables of everyday words, which the finding alone would show
        yield whole


# A full name that OCR or careless typing split anywhere ("류병 학", "로 은하", "지 룡 수", "임 철"),
# standing where only a person fits: after a kinship word, a role or a rank ("외삼 촌 변명 호 는",
# "검열관 지 룡 수 는"), after the speaker or a clause describing someone ("나 는 한명 구 입니다", "같이
# 일한 문 봉 학 이도"), or before the address of a letter ("손자 여명 수 에게"); and closed by what
# closes a name: a particle, the friendly 이, a copula, 에게, a title or a closing (씀, 드림).
_SPACED_TOKEN = re.compile(r"\S+")
_SPACED_ENDINGS = frozenset(
    {
        *("이", "가", "은", "는", "을", "를", "도", "랑", "이랑", "한테", "에게", "께", "의", "와", "과"),
        *("이는", "이가", "이도", "이를", "이한테", "이에게", "이와", "이하고", "하고"),
        *("이다", "입니다", "이오", "이요", "이라면", "이라고", "라고", "이란다", "란다", "이라는", "라는"),
        *("이고", "이었고", "이었다", "였다", "이에요", "예요", "이야", "야", "다", "이네", "이올시다"),
        *("입네다", "이외다", "이라오", "라오"),
    }
)
# A closing that needs no cue before the name: the address of a letter or the speaker's copula.
_SPACED_ADDRESS = frozenset({"에게", "께", "이에게", "앞", "보아라", "보아", "보시오", "보거라"})
_SPACED_SELF = frozenset(
    {"입니다", "이오", "이다", "이란다", "란다", "이올시다", "입네다", "이외다", "이라오"}
)
_SPACED_SPEAKERS = frozenset({"나는", "저는", "난", "내래", "내는", "할미는", "할매는", "할아비는"})
_SPACED_NOT_FIRST = frozenset(
    {
        *_PRONOUNS,
        *_COUNTING,
        *_FILLERS,
        "이",
        "그",
        "저",
        "요",
        "전",
        "난",
        "또",
        "다",
        "안",
        "못",
        "잘",
        "참",
        "꼭",
    }
)
_SPACED_ROLE_TAILS = ("원", "관", "대장", "소장", "판사", "검사", "반장", "조장")


def _spaced_prev_cue(doc: Doc, tokens: list[re.Match[str]], i: int, scorer: _Scorer) -> str:
    """What stands before tokens[i]: "kin" (kinship word, rank, role), "speaker", "clause" (a word
    ending as an adnominal form), or ""."""
    cues = scorer.cues
    prev = [t.group() for t in tokens[max(0, i - 3) : i]]
    if not prev:
        return ""
    last = prev[-1].rstrip(",")
    joined2 = "".join(prev[-2:])
    if last in _SPEAKERS or last in _SPACED_SPEAKERS or joined2 in _SPACED_SPEAKERS:
        return "speaker"
    for word in (last, joined2, "".join(prev[-3:])):
        if len(word) < 2:
            continue
        if word in cues.kinship:
            return "family"
        if word in cues.before or word in cues.roles:
            return "kin"
        if word in cues.after and len(word) > 1:
            return "kin"
        if len(word) >= 3 and word.endswith(_SPACED_ROLE_TAILS) and hangul_only(word):
            return "kin"
    if len(last) >= 2 and hangul_only(last) and (last[-1] in ("던", "는") or _final_n(last[-1])):
        if last not in cues.not_names and not _known_word(last):
            return "clause"
        morphs = analyse(last)
        if morphs and morphs[-1].tag == "ETM":
            return "clause"
    return ""


# Ranks of the surnames common enough to open a name the spacing cut apart with no other evidence (the
# OCR look-alikes widened into the list rank far below).
_COMMON_SURNAME_RANK = 100


def _common_surname(gaz: Gazetteers, surname: str) -> bool:
    rank = gaz.surnames.get(surname)
    return rank is not None and rank <= _COMMON_SURNAME_RANK


def _one_adverb(word: str) -> bool:
    """Whether Kiwi reads ``word`` whole as one adverb or conjunction it knows (함께, 다시, 그러나)."""
    morphs = analyse(word)
    if len(morphs) != 1 or morphs[0].oov:
        return False
    return morphs[0].tag in ("MAG", "MAJ") and morphs[0].end == len(word)


def _final_n(ch: str) -> bool:
    code = ord(ch) - 0xAC00
    return 0 <= code < 11172 and code % 28 == 4  # ㄴ


def _spaced_cued_names(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """Review findings for a name split by spaces in a slot only a person fits (see above)."""
    gaz, cfg = scorer.gaz, scorer.cfg
    tokens = list(_SPACED_TOKEN.finditer(doc.text))
    for i, first in enumerate(tokens):
        head = first.group()
        if len(head) > 3 or head in _SPACED_NOT_FIRST or not hangul_only(head):
            continue  # the cheap tests first: most words are longer than a surname and a syllable
        double = len(head) >= 2 and head[:2] in _DOUBLE
        surname = head[:2] if double else head[0]
        if not (_common_surname(gaz, surname) or (double and surname not in gaz.surnames)):
            continue
        if len(head) == 3 and not double:
            continue
        if head in _SPACED_PARTICLE_HEADS or (len(head) == 2 and not double and head[1] in _SPACED_HEAD_NOT):
            continue  # "지금 은 배 민", "세 명이 함께": a particle, or a word with one glued on
        prev = tokens[i - 1].group() if i else ""
        if prev + head in scorer.cues.kinship or (prev + head)[-3:] in scorer.cues.kinship:
            continue  # "이모 부 나이": the tail of a kinship word split off
        for n in (2, 3):
            if i + n > len(tokens):
                break
            parts = [t.group() for t in tokens[i : i + n]]
            last, ending = parts[-1], ""
            core = last
            for cut in range(1, len(last)):
                if last[cut:] in _SPACED_ENDINGS:
                    core, ending = last[:cut], last[cut:]
                    break
            if not core or not hangul_only(core) or not all(hangul_only(p) for p in parts[:-1]):
                continue
            if ending and _one_adverb(last):
                continue  # "위해 함께": an adverb read whole, not a given syllable and 께
            pieces = [*parts[:-1], core]
            if any(p in doc.rules.particles for p in pieces[1:]):
                continue  # "하 이 퐁", "나이 에": a particle split off, no piece of a name
            if any(len(p) > 2 for p in pieces[1:]) or (n == 3 and any(len(p) > 1 for p in pieces[1:])):
                continue
            pair = pieces[0] + pieces[1]
            if len(pair) == 2 and (pair in scorer.cues.not_names or _known_word(pair)):
                continue  # "젊은 동 무 배 는": 동무 split by the spacing, no surname
            name = "".join(pieces)
            given = name[len(surname) :]
            if not 1 <= len(given) <= 2 or len(name) > 4:
                continue
            nxt = tokens[i + n].group().rstrip(".,!?") if i + n < len(tokens) else ""
            nxt2 = tokens[i + n + 1].group().rstrip(".,!?") if i + n + 1 < len(tokens) else ""
            closing = ending or nxt
            titled = nxt in ("동생", "누나", "형", "언니", "오빠", "병사", "군", "씨", "님", "동무")
            closed = bool(
                ending
                or nxt in _SPACED_ENDINGS
                or nxt in scorer.cues.closings
                or nxt in _SPACED_ADDRESS
                or (nxt in scorer.cues.after and nxt not in scorer.cues.kinship)
                or titled
            )
            if not closed:
                continue
            if nxt == "이" and nxt2 in _SPACED_ENDINGS | {"다", "랑", "에게", "가", "는"}:
                closing = "이" + nxt2
            cue = _spaced_prev_cue(doc, tokens, i, scorer)
            address = closing in _SPACED_ADDRESS or (
                nxt2 in _SPACED_ADDRESS and nxt in ("동생", "병사", "군")
            )
            self_said = cue == "speaker" and (
                closing in _SPACED_SELF or closing.startswith(("이라고", "라고"))
            )
            if not (cue or address):
                continue
            strong = cue in ("kin", "family") or address or self_said or (cue and closing in _SPACED_SELF)
            least = cfg.slot_kin_min_weight if strong else 4
            if len(given) == 1:
                least = max(least, 4)
                if not (cue and (ending or nxt in ("이", "가", "는", "은", "에게"))):
                    continue
            if any(gaz.given_syllables.get(ch, 0) < least for ch in given):
                continue
            if name in scorer.cues.not_names or name in scorer.lexicon_keys or _known_word(name):
                continue
            if len(pieces[0]) == 1 and n == 2 and _known_word(pieces[1]):
                continue  # "좋은 한 사람": a determiner-like syllable and a word
            if len(head) == 2 and not double and (_known_word(head) or _spaced_everyday_head(head)):
                kin_word = cue == "family" and not ending  # "친구 고생 마이 했제": a word, then dialect
                if not (address or self_said or (cue and closing in _SPACED_SELF) or (kin_word and n == 2)):
                    continue  # "나만 배를", "가고 나는": an everyday word or a verb form first
            end = tokens[i + n - 1].start() + len(core)
            yield doc.finding(
                Kind.PERSON,
                first.start(),
                end,
                cfg.slot_review,
                "person.spaced_cued",
                severity=Severity.REVIEW,
            )
            break


_SPACED_PARTICLE_HEADS = frozenset({"은", "는", "가", "도", "을", "를", "의", "에", "와", "과", "만", "요"})
_SPACED_HEAD_NOT = frozenset({"이", "가", "는", "을", "를", "도", "만", "의", "에", "고", "서", "로"})
_SPACED_HEAD_TAGS = ("E", "J", "VV", "VA", "VX", "XS", "MAG", "MAJ", "MM", "NP", "NR", "NNB", "IC")


def _spaced_everyday_head(head: str) -> bool:
    """Kiwi reads the two syllables as a verb form, an adverb, a determiner and a measure…"""
    morphs = analyse(head)
    return bool(morphs) and any(not m.oov and m.tag.startswith(_SPACED_HEAD_TAGS) for m in morphs)


_DOUBLE = frozenset({"사공", "독고", "남궁", "제갈", "선우", "황보", "서문", "동방"})


# A name the writer blotted out in part, or OCR could not read whole, marked with a block, a circle or
# a star in place of the syllables ("큰딸 김■순이", "보위원 박철□", "김○○ 씨"): a surname standing at
# the start of a word, then one or two syllables or marks, at least one of them a mark.
_MASKS = "■□▪▫●○◯◎＊*×Ｘ☐"
_MASK_SET = frozenset(_MASKS)


def _masked_names(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """Review findings for a name written with some syllables masked (see above)."""
    text = doc.text
    if not any(m in text for m in _MASKS):
        return
    gaz, cues = scorer.gaz, scorer.cues
    done = -1
    for k, ch in enumerate(text):
        if ch not in _MASK_SET or k <= done:
            continue
        starts = sorted((k - 1, k - 2), key=lambda j: j > 0 and is_hangul(text[j - 1]))
        for start in starts:
            if start < 0 or not is_hangul(text[start]) or (start == k - 2 and not is_hangul(text[k - 1])):
                continue
            surname = text[start]
            if not _common_surname(gaz, surname) or surname in ("그", "저"):
                continue
            if start == k - 2 and _known_word(text[start:k]):
                continue  # "사진■■": a word, then marks
            before = text[:start]
            glued = bool(before) and (is_hangul(before[-1]) or before[-1] in _MASK_SET)
            # glued to a kinship word or a role ("마누라김■녀"), else inside a word
            if glued and not any(before.endswith(t) for t in cues.inner_prefixes):
                continue
            end = start + 1
            while end < len(text) and end - start < 3 and (text[end] in _MASK_SET or is_hangul(text[end])):
                end += 1
            while end < len(text) and text[end] in _MASK_SET:
                end += 1
            if end - start < 2:
                continue
            done = end
            yield doc.finding(
                Kind.PERSON, start, end, scorer.cfg.slot_review, "person.masked", severity=Severity.REVIEW
            )
            break


# The same masked name written one syllable apart, as handwriting read by OCR comes out ("남 편 송 철 □ 은",
# "나 는 … 최 성 □ 이 다"). Spaced text hides where words start, and OCR also leaves a block where it
# could not read a syllable of an everyday word ("대 에 서 □ 은 고 생", "기 □ 한 다"), so the name needs
# a cue on one side: a kinship word, a role or an introduction before it and a particle after it, or a
# copula, a title or a rank closing it ("□ 혁 이 다", "오 금 □ 중 사").
_MASK_WINDOW = 12
_MASK_COPULAS = ("이고", "이며", "이었", "였")  # "최 □ 철 이 고 ,", "곽 명 □ 이 었 다"
_SPACED_MASK_PARTICLES: tuple[str, ...] = (
    *("이는", "이가", "이도", "이랑", "이를", "이와", "이에게", "이한테", "이의"),
    *("은", "는", "이", "가", "을", "를", "도", "랑", "와", "과", "의", "에게", "한테", "께"),
)


# A question mark stands for a syllable too, where the writer did not know it or OCR could not read it
# ("최 순 ? 동 무", "차 ? 길 은", "주 병 ? 이 오"). As it mostly ends a question, it is read so only with
# a syllable right after it (inside the name, or the particle or title closing it, never a clause's end),
# and with the name's other syllables ones that names use.
_QUERY = "?"
_QUERY_MASKS = frozenset({*_MASKS, _QUERY})


def _spaced_masked_names(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """Review findings for a name with a masked syllable, its syllables set apart (see above)."""
    if not any(m in doc.text for m in _QUERY_MASKS):
        return
    compact, done = doc.compact, -1
    for k, ch in enumerate(compact):
        if k < done or not (ch in _MASK_SET or (ch == _QUERY and is_hangul(compact[k + 1 : k + 2] or " "))):
            continue
        if ch == _QUERY and _ends_a_question(doc, k):
            continue
        span = _spaced_masked_span(doc, scorer, k)
        if span is None:
            continue
        start, end = doc.spaced_span(*span)
        if " " not in doc.text[start:end]:
            continue  # written as one word: _masked_names reads it
        done = span[1]
        yield doc.finding(
            Kind.PERSON, start, end, scorer.cfg.slot_review, "person.masked_spaced", severity=Severity.REVIEW
        )


def _ends_a_question(doc: Doc, k: int) -> bool:
    """The question mark at compact ``k`` is glued to the syllable before it with a space after it ("다친
    데는 없소? 상처가"): how a question is written. A mask for a syllable is set apart as the syllables
    around it are ("최 순 ? 동 무") or glued inside the name ("차?길")."""
    at = doc.spaced_span(k, k + 1)[0]
    text = doc.text
    if not (at > 0 and is_hangul(text[at - 1]) and text[at + 1 : at + 2] in (" ", "\n")):
        return False
    # Unless a particle set apart closes the name ("아 들 문 진? 은 군 대 에"): then it stood for a syllable.
    following = text[at + 2 :].split(maxsplit=1)
    return not following or following[0] not in _SPACED_MASK_PARTICLES


def _spaced_masked_span(doc: Doc, scorer: _Scorer, k: int) -> tuple[int, int] | None:
    """Compact ``(start, end)`` of a surname and one or two syllables, the mask at ``k`` among them,
    with a cue on either side; the longest that fits."""
    compact, gaz = doc.compact, scorer.gaz
    query = compact[k] == _QUERY
    masks = _QUERY_MASKS if query else _MASK_SET
    for start, end in ((k - 2, k + 1), (k - 1, k + 2), (k - 1, k + 1)):
        if start < 0 or end > len(compact) or (end == k + 2 and compact[k + 1] == "이"):
            continue  # "정 □ 이 는": the friendly 이 after the name, not a syllable of it
        surname, given = compact[start], compact[start + 1 : end]
        if not _common_surname(gaz, surname) or surname in ("그", "저"):
            continue
        if not all(c in masks or is_hangul(c) for c in given):
            continue
        # After a cue word OCR may have damaged the other syllable too ("시어머니 안 갬 □ 님")
        typical = all(c in masks or gaz.given_syllables.get(c, 0) > 0 for c in given)
        least = scorer.cfg.slot_kin_min_weight
        if query and not all(c in masks or gaz.given_syllables.get(c, 0) >= least for c in given):
            continue  # "엄마 이 거? 이거 뭐야": a question, not a name
        cued = _masked_cued_before(doc, scorer, compact[max(0, start - _MASK_WINDOW) : start])
        if (cued or typical) and _masked_cued(doc, scorer, start, end, cued):
            return start, end
    return None


def _masked_cued_before(doc: Doc, scorer: _Scorer, before: str) -> bool:
    """A kinship word, a rank, a role or an introduction ends ``before`` (compact), perhaps with a comma
    after it ("누나다, 옥 ? 미")."""
    cfg, cues = scorer.cfg, scorer.cues
    before = before.rstrip(",")
    if any(before.endswith(t) for t in (*cues.inner_prefixes, *cues.intro_before, *cfg.masked_before)):
        return True
    if any(before.endswith(t) for t in cues.short_kinship):
        return True  # "딸 윤 □ 희 가": one syllable (longer ones are inner prefixes)
    # the writer as kin, then the name: "언 니 다 , 윤 ? 희", "형 이 야 , 김 □ 철"
    for copula in _KIN_COPULAS:
        stem = before.removesuffix(copula)
        if stem != before and any(stem.endswith(t) for t in cues.kinship):
            return True
    return any(before.endswith(t) for t in _masked_roles(doc.rules))


@lru_cache(maxsize=4)
def _masked_roles(rules: Rules) -> tuple[str, ...]:
    """Words for what someone does (군의관, 간호사) and for a comrade (전우, 동기) in Hangul."""
    roles = (r for r in rules.config.lettered.roles_before_latin if hangul_only(r))
    return tuple({*roles, *rules.config.names.split_name_roles})


def _masked_cued(doc: Doc, scorer: _Scorer, start: int, end: int, cued: bool) -> bool:
    """A particle, a copula, a title or a rank after the name, and a cue or a clause boundary before it
    (``cued``: a cue word) — or, with nothing before it, a copula, a title or a rank closing it."""
    compact, cfg, cues = doc.compact, scorer.cfg, scorer.cues
    # a few syllables each side: cue words are short, and a page may hold many masks
    before, after = compact[max(0, start - _MASK_WINDOW) : start], compact[end : end + _MASK_WINDOW]
    endings = (*cfg.slot_intro_endings, *cfg.self_endings, *_MASK_COPULAS)
    closes = any(after.startswith(t) for t in endings if len(t) > 1)
    vocative = after[:1] in cfg.vocatives and not is_hangul(after[1:2] or " ")
    titled = any(after.startswith(t) for t in cfg.glued_titles) or any(cues.suffixes.prefixes(after))
    strong = closes or vocative or titled
    particle = any(after.startswith(t) for t in _SPACED_MASK_PARTICLES)
    if cued:  # a particle or the end of the clause after it will do
        return strong or particle or not is_hangul(after[:1] or " ")
    if not before or not is_hangul(before[-1]):
        return strong or particle
    # a strong close, unless the surname ends an everyday word ("걱 정 □ 이 다")
    return strong and not _known_word(compact[start - 1 : start + 1])


# A full name after a kinship word or a role whose last syllable is also a particle, so the name rules
# cut it short ("할아바지 채덕만은": 만 "only"; "아내 변순야는": 야 the vocative; "외할머니 석분이는": the
# friendly 이 kept as written): the three syllables before the particle, when the first is a common
# surname, the other two typical of given names, and the three no word Kiwi knows.
_KIN_NAME_TAILS = frozenset({"만", "야", "이", "도", "나", "아", "요"})
_KIN_NAME_ENDINGS = frozenset(
    {
        "",
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "도",
        "의",
        "한테",
        "에게",
        "이는",
        "이가",
        "이도",
        "이었고",
        "이었다",
        "였고",
        "였다",
    }
)


def _kin_name_particle_tail(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    gaz, cues = scorer.gaz, scorer.cues
    tokens = list(_SPACED_TOKEN.finditer(doc.text))
    for i, tok in enumerate(tokens):
        word = tok.group().rstrip(".,!?")
        if len(word) < 3 or not hangul_only(word) or i == 0:
            continue
        name, ending = word[:3], word[3:]
        if name[2] not in _KIN_NAME_TAILS or ending not in _KIN_NAME_ENDINGS:
            continue
        prev = tokens[i - 1].group()
        prev2 = tokens[i - 2].group() + prev if i >= 2 else prev
        if not (prev in cues.kinship or prev2 in cues.kinship):
            continue
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if not ending and nxt not in ("이", "가", "은", "는", "도", "이는", "이가"):
            continue
        if not _common_surname(gaz, name[0]):
            continue
        least = scorer.cfg.slot_kin_min_weight
        if gaz.given_syllables.get(name[1], 0) < least or gaz.given_syllables.get(name[2], 0) < least - 1:
            continue
        if (
            name in cues.not_names
            or name in scorer.lexicon_keys
            or _known_word(name)
            or _known_word(name[:2])
        ):
            continue
        if _known_word(name[1:]):
            continue
        yield doc.finding(
            Kind.PERSON,
            tok.start(),
            tok.start() + 3,
            scorer.cfg.slot_review,
            "person.kin_tail",
            severity=Severity.REVIEW,
        )


# The first words of a letter: a given name, perhaps spaced syllable by syllable and with the friendly
# 이, then how a letter is addressed ("주혁 이 보아라", "은 혁 이 보아", "광 명 군 보시오", "경 호 에게").
_OPENING = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?P<name>[가-힣] ?[가-힣])(?: ?(?P<i>이))?"
    r" ?(?:(?P<kin>군|양|동무|동생|조카|손자|손녀|아들|딸) ?)?"
    r"(?:보 ?아 ?라|보아|보거라|보게|보시오|보 ?시오|에게|앞)(?![가-힣])"
)


def _letter_opening(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    cues = scorer.cues
    for m in _OPENING.finditer(doc.text):
        name = m.group("name").replace(" ", "")
        if m.group("i") and not has_final(name[-1]):
            continue  # the friendly 이 follows a final consonant only
        if not _typical(doc.rules, name):
            continue
        if name in cues.not_names or name in cues.kinship or name in scorer.lexicon_keys:
            continue
        if _known_word(name) and " " not in m.group("name") and not m.group("i"):
            continue
        if m.group("kin") and not m.group("i") and _adnominal_word(name):
            continue  # how the one written to is ("귀한 손자에게", "착한 딸 보아라"), not their name
        end = m.end("i") if m.group("i") else m.end("name")
        yield doc.finding(
            Kind.PERSON,
            m.start("name"),
            end,
            scorer.cfg.slot_review,
            "person.letter_opening",
            severity=Severity.REVIEW,
        )
