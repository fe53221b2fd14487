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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from relay.detect.damaged import role_index
from relay.detect.document import Doc, Span, hangul_only
from relay.detect.rules import Rules
from relay.detect.words import Evidence, TermSet, evidence, has_final, strip_particles
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
        self.prefixes = TermSet(t for t in self.before if len(t) > 1)
        # Cues that may stand glued before a name inside a longer run of words with the spaces lost
        # ("막내동생편승명이보고싶다", "소대장유춘운은"): kinship terms and titles or ranks.
        inner = {t for t in self.kinship | ranks if len(t) > 1}
        self.inner_prefixes = tuple(sorted(inner, key=len, reverse=True))
        self.inner_set = frozenset(inner)
        self.inner_lengths = tuple(sorted({len(t) for t in inner}))
        self.short_kinship = frozenset(t for t in self.kinship if len(t) == 1)
        # Glued after a name: honorifics and ranks (철수씨, 리영호동무); one-syllable particles such as
        # 야 or 가 are endings, handled by particle stripping.
        self.suffixes = TermSet({t for t in self.after if len(t) > 1} | set(cfg.glued_titles))
        self.before_set = TermSet(self.before)
        self.intro_before_set = TermSet(self.intro_before)
        self.after_set = TermSet(self.after)
        self.intro_after_set = TermSet(self.intro_after)
        self.closings_set = TermSet(self.closings)


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
        if cand.merged and not strong and not self._merge_ok(cand):
            return None
        vocative = cand.ending in cfg.vocatives
        # 영남이는, 광철이와: the friendly 이 after a consonant-final given name.
        suffix_i = cand.ending.startswith("이") and has_final(text[-1])
        if len(text) == 2 and not (context or intro or vocative or (suffix_i and not cand.merged)):
            return None
        parts = self.split(text)
        given = parts[1] if parts else text
        if len(given) > 2 or (not parts and given in self.cues.not_names):
            return None
        score = cfg.surname if parts else cfg.given_alone_penalty
        weights = [self.gaz.given_syllables.get(ch, 0) for ch in given]
        score += cfg.given_per_weight * (sum(weights) / len(weights) - cfg.given_weight_pivot)
        score += cfg.unknown_syllable_penalty * weights.count(0)
        if given in self.gaz.given_names or text in self.gaz.given_names:
            score += cfg.common_given
        kiwi = self._kiwi(cand)
        score += max(kiwi, 0.0) + cfg.strong_slot if strong else kiwi
        if parts and len(given) == 2 and kiwi >= 0 and min(weights) >= cfg.slot_kin_min_weight:
            score += cfg.typical_full_name  # 국선일, 황보승혁: a name in shape and to Kiwi
        if text in self.lexicon_keys or text[:2] in self.lexicon_keys or text[:3] in self.lexicon_keys:
            score += cfg.place_word  # 영남, 서울역: a place or organisation unless the cues say otherwise
        score += (
            cfg.context * context + cfg.intro * intro + cfg.vocative * vocative + cfg.name_suffix * suffix_i
        )
        rule = "person.intro" if intro else "person.context" if context else "person.full_name"
        if vocative and not (intro or context):
            rule = "person.vocative"
        return score, rule

    def _merge_ok(self, cand: _Candidate) -> bool:
        """A name split by a space ("리 영호") starts with a common surname."""
        if len(cand.text) == 2:
            return True  # "철 만아": a given name split in two, judged with its cues
        parts = self.split(cand.text)
        return parts is not None and self.gaz.surnames.get(parts[0], 10**6) <= self.cfg.merge_max_rank

    def _kiwi(self, cand: _Candidate) -> float:
        cfg = self.cfg
        if cand.merged and len(cand.text) == 2:
            return 0.0  # two stray syllables: Kiwi reads them as anything
        ev = evidence(self.doc, cand.judge_start, cand.judge_end)
        if ev is Evidence.PROPER:
            return cfg.kiwi_proper
        if ev in (Evidence.UNKNOWN, Evidence.FRAGMENT):
            return cfg.kiwi_unknown
        if ev is Evidence.PREDICATE and self._name_shaped(cand):
            return 0.0  # Kiwi cut an unknown name into a verb form ("용한결": 용하 + ㄴ + 결)
        if ev in (Evidence.COMMON, Evidence.INSIDE, Evidence.PREDICATE):
            return cfg.kiwi_common
        return 0.0

    def _name_shaped(self, cand: _Candidate) -> bool:
        """A surname plus given-name syllables that all occur in names, and Kiwi's analysis does not
        end in a verb ending inside the word: a name Kiwi misread rather than a verb."""
        parts = self.split(cand.text)
        if parts is None or len(cand.text) < 3:
            return False
        if any(self.gaz.given_syllables.get(ch, 0) < self.cfg.name_shaped_min_weight for ch in parts[1]):
            return False
        morphs = [m for m in self.doc.morphemes_in(cand.start, cand.end) if m.end <= cand.end]
        return (
            bool(morphs)
            and morphs[-1].tag.startswith(("NN", "MAG", "XR"))
            and not any(m.tag.startswith("J") for m in morphs if m.start >= cand.start)
        )


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
    yield _Candidate(start, end, core, ending, False, start, end, glued_before, glued_after)
    if ending and len(core) <= 2 and len(ending) == 1 and not glued_after:
        # 하경만, 길은히: a full name whose last syllable reads as a particle; judged by its slot only.
        w_end = end + 1
        yield _Candidate(start, w_end, core + ending, "", False, start, w_end, glued_before, False, True)
    yield from _inner_candidates(doc, word, cues)
    # Spacing noise splits a name: "리 영호", "리영 호", "철 만아".
    if i + 1 < len(words) and not ending and doc.text[word.end : words[i + 1].start] == " ":
        nxt = words[i + 1]
        n_core, n_ending = strip_particles(nxt.text, doc)
        if len(n_core) == 2 and n_core.endswith("이") and has_final(n_core[0]):
            n_core, n_ending = n_core[:1], "이" + n_ending  # "성 철이가": 철 + friendly 이
        if 2 <= len(core) + len(n_core) <= 4 and min(len(core), len(n_core)) == 1 and n_core:
            n_end = nxt.start + len(n_core)
            if len(core) == len(n_core):
                judge = (start, n_end)
            elif len(core) > len(n_core):
                judge = (start, end)
            else:
                judge = (nxt.start, n_end)
            yield _Candidate(start, n_end, core + n_core, n_ending, True, *judge, False, False)


def _inner_candidates(doc: Doc, word: Span, cues: _Cues) -> Iterable[_Candidate]:
    """A name right after a kinship or rank cue inside a word, when OCR or spacing glued the words
    together: a surname and two syllables anywhere ("막내동생편승명이보고싶다", "우리소대장유춘운은"), or
    a two-syllable given name that ends the word before a particle ("누나은임이", "딸민경과")."""
    text = word.text
    surnames = doc.rules.gazetteers.surnames
    cuts: dict[int, bool] = {}  # position after a cue -> whether a cue ending there starts the word
    size = len(text)
    for pos in range(size):
        for n in cues.inner_lengths:
            if pos + n > size:
                break
            if text[pos : pos + n] in cues.inner_set:
                cuts[pos + n] = cuts.get(pos + n, False) or pos == 0
    if text[:1] in cues.short_kinship:
        cuts.setdefault(1, True)
    for at, at_start in sorted(cuts.items()):
        rest = text[at:]
        if (
            len(rest) >= 3
            and rest[0] in surnames
            and hangul_only(rest[:3])
            and not (at_start and len(rest) == 3)
        ):
            ending, _ = _leading_particle(rest[3:], doc)
            start = word.start + at
            yield _Candidate(start, start + 3, rest[:3], ending, False, start, start + 3, True, False)
        ending, after = _leading_particle(rest[2:], doc)
        if len(rest) > 2 and ending and not after and hangul_only(rest[:2]):
            start = word.start + at
            yield _Candidate(start, start + 2, rest[:2], ending, False, start, start + 2, True, False)


def _leading_particle(rest: str, doc: Doc) -> tuple[str, str]:
    """The particle at the start of ``rest`` (longest listed), and what follows it."""
    for n in range(min(len(rest), 4), 0, -1):
        if rest[:n] in doc.rules.config.text.particles:
            return rest[:n], rest[n:]
    return "", rest


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
        # A one-syllable cue (형, 딸) glued to the previous word is more often part of it.
        return len(term) > 1 or (doc.text[pos - 1 : pos] == " " and doc.at_word_start(pos - 1 - len(term)))
    return False


def _cue_after(doc: Doc, pos: int, terms: TermSet, glued_ok: bool) -> bool:
    after = doc.after(pos)
    spaced = doc.text[pos : pos + 1] == " "
    word = doc.word_at(pos + 1 if spaced else pos)
    next_word = doc.text[word.start : word.end] if word is not None else ""
    for term in terms.prefixes(after):
        if len(term) > 1 and (spaced or glued_ok):
            return True
        # One syllable (씨, 가, 앞): only as a word of its own, or with particles after it.
        rest = next_word[len(term) :]
        if spaced and (not rest or rest in doc.rules.particles):
            return True
    return False


def _line_ends_after(doc: Doc, pos: int) -> bool:
    rest = doc.original[doc.spaced.ends[pos - 1] :] if pos > 0 else doc.original
    line = rest.split("\n", 1)[0]
    return not any(ch.isalnum() for ch in line)


def _closing_after(doc: Doc, pos: int, cues: _Cues) -> bool:
    """A closing word (드림, 올림; OCR may split it: "올 림") at spaced ``pos``, ending its line."""
    after = doc.after(pos, 6)
    c = bisect.bisect_left(doc.compact_src, pos)
    for term in cues.closings_set.prefixes(after):
        if len(term) < 2 and doc.text[pos : pos + 1] != " ":
            continue
        end = doc.compact_src[c + len(term) - 1] + 1
        if _line_ends_after(doc, end):
            return True
    return False


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
    if any(gaz.given_syllables.get(ch, 0) < cfg.slot_kin_min_weight for ch in given):
        return cfg.slot_review
    if cand.merged or evidence(doc, cand.judge_start, cand.judge_end) in _EVERYDAY:
        return cfg.slot_review
    return cfg.slot_name


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
    return _word_is(_next_word(doc, cand.end), cfg.slot_titles, doc)


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
    return line[-1] in ",:;" or not any(ch.isalpha() for ch in line)


def _context(doc: Doc, cand: _Candidate, cues: _Cues) -> tuple[bool, bool, bool]:
    """(a cue word next to the candidate, an introduction, a slot where only a name fits)."""
    before = doc.before(cand.start)
    after_pos = cand.end + len(cand.ending)
    near_before = cand.glued_before or _cue_before(before, cues.before_set, doc, cand.start)
    near_after = cand.glued_after or _cue_after(doc, after_pos, cues.after_set, glued_ok=not cand.ending)
    # The ending itself may be the cue: 철수에게, 순옥이네 (not 야/아: those are vocatives, scored apart).
    bare = cand.ending[1:] if cand.ending.startswith("이") and len(cand.ending) > 1 else cand.ending
    near_after = near_after or (bare in cues.after and bare not in doc.rules.config.names.vocatives)
    closing = not cand.ending and _closing_after(doc, cand.end, cues)
    # Signing: a cue, but not a slot where only a name fits (a letter may end in "그리며, 사랑해").
    signed = not cand.ending and _signature(doc, cand)
    word = doc.word_at(cand.start)
    line_start = word is not None and word.start == cand.start and doc.is_line_start(cand.start)
    salutation = cand.ending in _SALUTATION_ENDINGS and line_start
    intro = _cue_before(before, cues.intro_before_set, doc, cand.start) and (
        not cand.ending
        or cand.ending in cues.intro_after
        or _cue_after(doc, after_pos, cues.intro_after_set, glued_ok=True)
    )
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
    return cue, intro, closing or named or signed_name


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


def _sentence_start(doc: Doc, pos: int) -> bool:
    # The last non-space character before ``pos``, found without copying the text before it (this
    # runs for every candidate; slicing made detection quadratic in the text's length).
    i = min(pos, len(doc.text)) - 1
    while i >= 0 and doc.text[i].isspace():
        i -= 1
    return i < 0 or doc.text[i] in _SENTENCE_END or doc.is_line_start(pos)


def _next_word(doc: Doc, pos: int) -> str:
    m = _AFTER_NAME.match(doc.text, pos)
    return m.group(1) if m else ""


def _word_is(word: str, terms: Iterable[str], doc: Doc) -> bool:
    """``word`` is one of ``terms``, possibly with a particle after it (동무는, 선생님께)."""
    return any(word == t or (word.startswith(t) and word[len(t) :] in doc.rules.particles) for t in terms)


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


def _slot(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    """A slot where only a name fits, whatever Kiwi makes of the word: before 동무/동지/선생님,
    addressed at the start of a sentence (X아,), "나는 X이다.", "X과 나는", "X, 주민등록번호", the
    last word of a closing line, or after a kinship word with a name-like word (누나 X가); never an
    OCR-damaged role word. (The fuzzy role check is the costly part, so it runs last.)"""
    return _slot_shape(doc, cand, scorer) and not _damaged_role(doc, cand, scorer)


def _slot_shape(doc: Doc, cand: _Candidate, scorer: _Scorer) -> bool:
    cfg, cues = scorer.cfg, scorer.cues
    text = cand.text
    if not (1 <= len(text) <= 4 and hangul_only(text)) or text in cues.not_names or text in cfg.role_words:
        return False
    if len(text) == 1 and scorer.gaz.given_syllables.get(text, 0) < cfg.slot_kin_min_weight:
        return False
    after = cand.end + len(cand.ending)
    rest = doc.text[after : after + 12]
    if cand.slot_only:  # 하경만 closing a letter after a date, 두만 동무
        before = doc.text[: cand.start].rstrip()
        if text[:-1] in cues.not_names or text[-1] in cfg.vocatives:
            return False  # 아들아: a cue word and its particle
        if rest.startswith(" ") and _word_is(_next_word(doc, cand.end), cfg.slot_titles, doc):
            return True
        return (
            len(text) == 3
            and scorer.split(text) is not None
            and _line_ends_after(doc, cand.end)
            and (before.endswith(",") or (bool(before) and before[-1].isdigit()))
        )
    start = _sentence_start(doc, cand.start)
    if not cand.ending:
        nxt = _next_word(doc, cand.end)
        if nxt and _word_is(nxt, cfg.slot_titles, doc) and (cand.glued_after or rest.startswith(" ")):
            if cand.merged or cand.glued_after:  # 면 읭사 선생님, 호늘을날씨: only a full name
                return scorer.split(text) is not None and len(text) <= 3
            return len(text) > 1 or rest.startswith(" ")
        if start and len(text) > 1 and rest.startswith(" ") and _word_is(nxt, cfg.slot_teknonyms, doc):
            return True
        if start and len(text) > 1:
            comma = re.match(r"\s*,\s*", rest)
            nxt_id = _next_word(doc, after + comma.end()) if comma else nxt
            # Without a comma only a long cue (주민등록번호, 생년월일) counts: "새 번호" is no name.
            long_ok = not cand.merged and evidence(doc, cand.judge_start, cand.judge_end) not in _EVERYDAY
            if any(nxt_id.startswith(c) and (comma or (len(c) >= 4 and long_ok)) for c in cfg.slot_id_cues):
                return True
    if start and cand.ending in cfg.vocatives and re.match(r"\s*[,!]", rest):
        return True  # 철수야, / 춘아,
    prev = _prev_word(doc, cand.start)
    if len(text) < 2:
        return (
            prev in cfg.slot_kin_one
            and cand.ending in ("이", "가", "과", "와", "은", "는")
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
    intro_prev = prev in cfg.slot_intro_before or any(
        len(t) > 1 and prev.endswith(t) for t in cfg.slot_intro_before
    )
    closes = re.match(r"([.!?,]|$|합니다|해요|해\b|하오)", rest.replace(" ", ""))
    if intro_prev and cand.ending in cfg.slot_intro_endings and closes:
        return True  # 나는 X이다. / 저는 X라고 합니다
    ev = evidence(doc, cand.judge_start, cand.judge_end)
    everyday = ev in _EVERYDAY
    if (
        not cand.ending
        and _line_ends_after(doc, cand.end)
        and (ev is not Evidence.PREDICATE if not cand.merged else scorer.split(text) is not None)
    ):
        before = doc.text[: cand.start].rstrip()
        if before.endswith(",") or (before and before[-1].isdigit()):
            return True
    if prev in cues.kinship and (cand.ending in cfg.slot_kin_endings or not cand.ending):
        if not cand.ending and not _line_ends_after(doc, cand.end):
            return False
        if not re.match(r"\s|[,.!?]|$", rest):
            return False
        weights = [scorer.gaz.given_syllables.get(ch, 0) for ch in text[-2:]]
        return not everyday or min(weights) >= cfg.slot_kin_min_weight
    return False


_ADNOMINAL = frozenset({"는", "던", "은", "ᆫ"})


def _after_adnominal(doc: Doc, scorer: _Scorer) -> Iterable[Finding | None]:
    """A full name glued after a verb's adnominal ending, then a particle ("사는왕일환도",
    "살던리명수를"): Kiwi must read the ending (는, 던, 은, ㄴ) inside the word, the rest must be a
    surname and one or two given syllables whose first morpheme is not longer than the surname
    (사람들, 세상: everyday words), and a particle must follow. Review, or redact if Kiwi calls it NNP."""
    for word in doc.words:
        for m in doc.morphemes_in(word.start, word.end):
            if m.tag != "ETM" or m.form not in _ADNOMINAL or not (word.start < m.end < word.end):
                continue
            rest = doc.text[m.end : word.end]
            core, ending = strip_particles(rest, doc)
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


_SUBJECT_PARTICLES = ("이", "가", "은", "는", "도", "이가", "이는", "이도")


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
        if core in scorer.cues.not_names or core in cfg.role_words or core in scorer.lexicon_keys:
            continue
        if any(gaz.given_syllables.get(ch, 0) < cfg.slot_kin_min_weight for ch in core):
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


def find_names(doc: Doc) -> list[Finding]:
    """Person names in ``doc``."""
    if not doc.words:
        return []
    scorer = _Scorer(doc)
    cues = scorer.cues
    words = doc.words
    candidates = [c for i in range(len(words)) for c in _candidates(doc, words, i, cues)]
    candidates.extend(_kiwi_candidates(doc, cues))
    found: list[Finding] = []
    for cand in candidates:
        if _titled_word(doc, cand, scorer):
            # "아버지 여름 동지는": an everyday word used as a name before a title; a moderator decides.
            titled = doc.finding(Kind.PERSON, cand.start, cand.end, scorer.cfg.slot_review, "person.slot")
            if titled is not None:
                found.append(titled)
            continue
        if not scorer.plausible(cand) and not (len(cand.text) == 1 and hangul_only(cand.text)):
            continue
        context, intro, strong = _context(doc, cand, cues)
        scored = None if cand.slot_only else scorer.score(cand, context, intro, strong)
        if (scored is None or scored[0] < doc.rules.config.severity.redact_min) and (
            _slot(doc, cand, scorer)
            or (not cand.ending and _signature(doc, cand) and _full_name_shaped(doc, cand.text))
        ):
            # A signature that Kiwi reads as a verb form ("석숙봄": 숙 + 보 + ㅁ) still goes to review;
            # a word shaped like a name in a slot only a name fits is redacted.
            grade = _slot_grade(doc, cand, scorer)
            if scored is None or grade > scored[0]:
                scored = (grade, "person.slot")
        if scored is None:
            continue
        score, rule = scored
        finding = doc.finding(Kind.PERSON, cand.start, cand.end, score, rule)
        if finding is not None:
            found.append(finding)
    found.extend(f for f in _after_adnominal(doc, scorer) if f is not None)
    found.extend(f for f in _bare_subjects(doc, scorer) if f is not None)
    return found
