"""A text prepared once for all detectors: its views, words and Kiwi morphemes.

Detectors work in the coordinates of the single-spaced view (``spaced``) or the compact view; every
finding goes back to offsets of the text they read (``original``: the given text cleaned, whitespace
runs folded, so that its offsets and the spaced view's agree) through :meth:`Doc.finding`, and from
there to the text exactly as given through :meth:`Doc.to_given`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from relay.detect.hanja import read_hanja
from relay.detect.lexicon import Match, find_exact, find_fuzzy
from relay.detect.morph import Morpheme, analyse
from relay.detect.normalize import View, folded, is_hangul, single_spaced
from relay.detect.numerals import fix_ocr_digits, spoken_numbers
from relay.detect.rules import Rules
from relay.model import Finding, Kind, Severity

_HANGUL_RUN = re.compile("[가-힣]+")


@dataclass(frozen=True, slots=True)
class Span:
    """A Hangul run in the spaced view: ``[start, end)`` and its text."""

    start: int
    end: int
    text: str


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _lowered(text: str) -> str:
    """``text`` with :func:`_lower` applied to each character, in one call where that is the same: when
    no character lower-cases to two (İ) the lengths agree, and apart from a final sigma, which
    ``str.lower`` writes ς by its place in a word, each character comes out as it does alone."""
    low = text.lower()
    if len(low) == len(text) and "Σ" not in text:
        return low
    return "".join([_lower(ch) for ch in text])


class Doc:
    """Views of one text. Built per call to :func:`relay.detect.detect`; Kiwi runs only if needed."""

    def __init__(self, text: str, rules: Rules) -> None:
        # The detectors read the text cleaned and with its whitespace runs folded (see ``folded``), and
        # their findings hold offsets into that (``original``): many of them index the spaced view with
        # a finding's offsets, which is only right where the two agree. :meth:`to_given` maps findings
        # back to the text as given.
        given = folded(text)
        self._given: View | None = None if given.text == text else given
        self.given = text
        text = given.text
        self.original = text
        self.rules = rules
        # Cleaned already: cleaning again is not always a no-op (jamo it left as they were).
        cleaned = View(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
        read = read_hanja(cleaned, rules.hanja, rules.han_names)
        self.spaced: View = single_spaced(read)
        # Kept only when the Hanja reading changed something: see unread_text.
        self._unread: View | None = cleaned if read.text != cleaned.text else None
        self.text: str = self.spaced.text
        # compact: the spaced view without spaces, lower-cased, with its map to spaced offsets.
        keep = [i for i, ch in enumerate(self.text) if ch != " "]
        self.compact_src: tuple[int, ...] = tuple(keep)
        self.compact: str = _lowered(self.text.replace(" ", ""))
        self.words: tuple[Span, ...] = tuple(
            Span(m.start(), m.end(), m.group()) for m in _HANGUL_RUN.finditer(self.text)
        )
        self._word_starts = [w.start for w in self.words]
        self._morphemes_in: dict[tuple[int, int], tuple[Morpheme, ...]] = {}
        starts = self.spaced.starts
        self._line_starts = frozenset(
            i
            for i in range(1, len(self.text))
            if self.text[i - 1] == " " and "\n" in text[starts[i - 1] : starts[i]]
        )

    @cached_property
    def unread_text(self) -> str:
        """``text`` with its Hanja as written, not read as Hangul (same length, same offsets): for the
        rules that read place and organisation names in characters (大阪市 生野區, 北朝鮮難民救援基金)."""
        if self._unread is None:
            return self.text
        unread = single_spaced(self._unread).text
        return unread if len(unread) == len(self.text) else self.text

    @cached_property
    def content_end(self) -> int:
        """Offset in the original text just after its last letter or digit (0 if it has none)."""
        text = self.original
        for i in range(len(text) - 1, -1, -1):
            if text[i].isalnum():
                return i + 1
        return 0

    @cached_property
    def numbers(self) -> View:
        """The number view (OCR look-alikes fixed, spoken numbers as digits), lower-cased."""
        cfg = self.rules.config.numbers
        view = spoken_numbers(fix_ocr_digits(self.spaced, cfg), cfg, self.rules.particles)
        # Once more after the spoken numbers: a transcript of a page OCR had read keeps the look-alike
        # glued to digits read out ("+86 l삼구 …" is +86 139 …), a run of digits only once they are digits.
        view = fix_ocr_digits(view, cfg)
        # map_chars with _lower, which gives one character for each: the same offsets, kept as they are
        # instead of copied piece by piece.
        return View(_lowered(view.text), view.starts, view.ends)

    @cached_property
    def exact_matches(self) -> tuple[Match, ...]:
        """Gazetteer keys found exactly in the compact view."""
        return tuple(find_exact(self.rules.lexicon, self.compact))

    @cached_property
    def _place_ends(self) -> dict[int, list[int]]:
        ends: dict[int, list[int]] = {}
        for m in self.exact_matches:
            if any(e.kind is Kind.PLACE for e in m.entries):
                start, end = self.spaced_span(m.start, m.end)
                ends.setdefault(start, []).append(end)
        return ends

    @cached_property
    def _matches_by_end(self) -> dict[int, list[Match]]:
        by_end: dict[int, list[Match]] = {}
        for m in self.exact_matches:
            by_end.setdefault(self.spaced_span(m.start, m.end)[1], []).append(m)
        return by_end

    def exact_matches_ending(self, end: int) -> Sequence[Match]:
        """The :attr:`exact_matches` whose spaced span ends at ``end``, in their order: a rule that
        asks this for every word need not scan the page's matches each time."""
        return self._matches_by_end.get(end, ())

    def places_starting(self, start: int) -> list[int]:
        """Ends of the gazetteer place keys that start at spaced offset ``start``."""
        return self._place_ends.get(start, [])

    @cached_property
    def fuzzy_matches(self) -> tuple[Match, ...]:
        """Near misses of gazetteer keys, in windows starting at word starts of the compact view."""
        # The compact offsets of the words' starts: a Hangul syllable with none before it in the spaced
        # view (the compact view is that view without spaces, its syllables as they are).
        src = self.compact_src
        starts = [bisect.bisect_left(src, w.start) for w in self.words]
        cfg = self.rules.config.fuzzy
        particle_starts = frozenset(p[0] for p in self.rules.particles)
        return tuple(
            find_fuzzy(self.rules.lexicon, self.compact, starts, cfg.review_similarity, particle_starts)
        )

    def before(self, pos: int, n: int = 12) -> str:
        """Up to ``n`` non-space characters before spaced offset ``pos`` (compact, lower-case)."""
        c = bisect.bisect_left(self.compact_src, pos)
        return self.compact[max(0, c - n) : c]

    def after(self, pos: int, n: int = 12) -> str:
        """Up to ``n`` non-space characters from spaced offset ``pos`` on (compact, lower-case)."""
        c = bisect.bisect_left(self.compact_src, pos)
        return self.compact[c : c + n]

    def spaced_index(self, original: int) -> int:
        """The spaced offset of the character at (or first after) ``original`` offset."""
        if self._spaced_is_original:
            # Each offset its own: the bisection's answer, without the search.
            return min(max(original, 0), len(self.text) - 1)
        return min(bisect.bisect_left(self.spaced.starts, original), len(self.text) - 1)

    @cached_property
    def _spaced_is_original(self) -> bool:
        # Nearly always so: the spaced view keeps the original's offsets unless a Hanja reading changed
        # the length of something (see __init__).
        starts = self.spaced.starts
        return starts == tuple(range(len(starts)))

    def spaced_range(self, start: int, end: int) -> tuple[int, int]:
        """Spaced offsets for original ``[start, end)`` (a finding's span, say), ``end > start``."""
        return self.spaced_index(start), self.spaced_index(end - 1) + 1

    def is_line_start(self, pos: int) -> bool:
        """True if spaced offset ``pos`` begins the text or a line of the original."""
        return pos == 0 or pos in self._line_starts

    def at_word_start(self, pos: int) -> bool:
        """True if spaced offset ``pos`` starts a Hangul run."""
        return pos == 0 or not is_hangul(self.text[pos - 1])

    @cached_property
    def numbers_compact(self) -> View:
        """The number view without spaces: "제 5 2 5 군 부대" and "주 체87년" as written."""
        view = self.numbers
        # What derive makes of the view's characters but the spaces, one by one: indexed directly.
        keep = [i for i, ch in enumerate(view.text) if ch != " "]
        starts, ends = view.starts, view.ends
        return View(
            view.text.replace(" ", ""), tuple([starts[i] for i in keep]), tuple([ends[i] for i in keep])
        )

    @cached_property
    def morphemes(self) -> tuple[Morpheme, ...]:
        """Kiwi's analysis of the spaced view."""
        return analyse(self.text)

    @cached_property
    def _morph_starts(self) -> list[int]:
        return [m.start for m in self.morphemes]

    def morphemes_starting(self, pos: int) -> tuple[int, ...]:
        """Indices in :attr:`morphemes` of the morphemes starting at spaced offset ``pos``, in order."""
        return self._morphemes_by_start.get(pos, ())

    @cached_property
    def _morphemes_by_start(self) -> dict[int, tuple[int, ...]]:
        # Asked once for every finding on the page (not_names): scanning all the morphemes each time
        # made that quadratic in the text's length.
        found: dict[int, list[int]] = {}
        for k, m in enumerate(self.morphemes):
            found.setdefault(m.start, []).append(k)
        return {start: tuple(ks) for start, ks in found.items()}

    def morphemes_in(self, start: int, end: int) -> list[Morpheme]:
        """Morphemes overlapping spaced ``[start, end)``."""
        # The detectors ask about the same spans many times (a candidate name, then its word, by several
        # rules): three calls in four repeat one made before on this text. A new list each time, as
        # callers may change theirs.
        key = (start, end)
        found = self._morphemes_in.get(key)
        if found is None:
            found = self._morphemes_in[key] = self._find_morphemes(start, end)
        return list(found)

    def _find_morphemes(self, start: int, end: int) -> tuple[Morpheme, ...]:
        morphs = self.morphemes
        starts = self._morph_starts
        # From the morpheme before the first that starts at ``start`` or later: several may start at one
        # offset (크 and 어서 of 커서 both at its first syllable), and bisect_right would skip all but the
        # last of them.
        i = max(0, bisect.bisect_left(starts, start) - 1)
        if self._morph_starts_sorted:
            # Up to the first morpheme from ``i`` on that starts at ``end`` or later, found by bisection.
            return tuple(m for m in morphs[i : bisect.bisect_left(starts, end, i)] if m.end > start)
        out: list[Morpheme] = []
        while i < len(morphs) and morphs[i].start < end:
            if morphs[i].end > start:
                out.append(morphs[i])
            i += 1
        return tuple(out)

    @cached_property
    def _morph_starts_sorted(self) -> bool:
        # Kiwi gives its tokens in order, but the bisection above is only right if they are.
        return self._morph_starts == sorted(self._morph_starts)

    def word_at(self, pos: int) -> Span | None:
        """The Hangul run containing spaced offset ``pos``."""
        if 0 <= pos < len(self._word_by_offset):
            return self._word_by_offset[pos]
        return None

    @cached_property
    def _word_by_offset(self) -> list[Span | None]:
        # The word at each spaced offset, looked up directly: the detectors ask word_at some two thousand
        # times a page, and a list of a page's length is cheap to fill once.
        out: list[Span | None] = [None] * len(self.text)
        for w in self.words:
            out[w.start : w.end] = [w] * (w.end - w.start)
        return out

    def word_index(self, pos: int) -> int:
        """Index of the first word starting at or after spaced offset ``pos``."""
        return bisect.bisect_left(self._word_starts, pos)

    def spaced_span(self, cstart: int, cend: int) -> tuple[int, int]:
        """Spaced offsets for compact ``[cstart, cend)``."""
        return self.compact_src[cstart], self.compact_src[cend - 1] + 1

    def severity(self, confidence: float) -> Severity | None:
        """Redact, review or drop (None), by the configured thresholds."""
        cfg = self.rules.config.severity
        if confidence >= cfg.redact_min:
            return Severity.REDACT
        if confidence >= cfg.review_min:
            return Severity.REVIEW
        return None

    def to_given(self, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        """``findings`` (offsets into ``original``) as offsets into the text as given."""
        given = self._given
        if given is None:
            return tuple(findings)
        return tuple(replace(f, start=given.starts[f.start], end=given.ends[f.end - 1]) for f in findings)

    def from_given(self, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        """``findings`` with offsets into the text as given, as offsets into ``original``: each covers
        the characters of ``original`` read from the given characters it covers."""
        given = self._given
        if given is None:
            return tuple(findings)
        out: list[Finding] = []
        for f in findings:
            start = bisect.bisect_right(given.ends, f.start)
            end = bisect.bisect_left(given.starts, f.end)
            if end > start:
                out.append(replace(f, start=start, end=end))
        return tuple(out)

    def finding(
        self,
        kind: Kind,
        start: int,
        end: int,
        confidence: float,
        rule: str,
        *,
        view: View | None = None,
        severity: Severity | None = None,
    ) -> Finding | None:
        """A finding for ``[start, end)`` of ``view`` (default: spaced), graded unless ``severity`` is
        given; None when the confidence is too low or the span is empty."""
        if end <= start:
            return None
        confidence = max(0.0, min(1.0, confidence))
        grade = severity or self.severity(confidence)
        if grade is None:
            return None
        o_start, o_end = (view or self.spaced).span(start, end)
        return Finding(kind, grade, round(confidence, 4), o_start, o_end, rule)


def hangul_only(text: str) -> bool:
    """True if ``text`` is non-empty and all Hangul syllables."""
    # One regex call instead of a Python call per character (is_hangul's range, 가..힣): the detectors
    # ask this some two thousand times a page.
    return _HANGUL_RUN.fullmatch(text) is not None
