"""Applying the regular-expression rules of ``rules.toml`` (``[[pattern]]``) to the number view."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.normalize import View
from relay.detect.prefilter import Needs, may_match, needs_all
from relay.detect.rules import Rules
from relay.model import Finding, Kind

# Words a messenger rule may capture that are not an account name ("카톡 아이디 kakao").
_GENERIC_HANDLES = frozenset(
    {"id", "kakao", "talk", "line", "com", "net", "telegram", "wechat", "the", "and"}
)


def _date_ok(year: str | None, month: str, day: str) -> bool:
    m, d = int(month), int(day)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    return year is None or len(year) != 4 or 1900 <= int(year) <= 2099


# Characters OCR prints for Latin letters it cannot read in a Korean model: symbols and stray jamo.
_ODD = re.compile(r"[A-Za-z@_$<>^~\\|『』「」\u1100-\u11ff\u3131-\u318e]")
_SEPARATORS = frozenset("@._")


def _garbled(text: str) -> bool:
    """True if ``text`` reads like an e-mail address or account name OCR could not read: enough
    characters that are neither Hangul syllables nor sentence punctuation, one of them a letter, a
    symbol or a stray jamo, and an address separator (@ . _) among them."""
    chars = [ch for ch in text if not ch.isspace() and not ("가" <= ch <= "힣")]
    core = [ch for ch in chars if ch not in ",!?…\"'"]
    return len(core) >= 5 and bool(_ODD.search(text)) and any(ch in _SEPARATORS for ch in core)


def _garbled_id(text: str) -> bool:
    """:func:`_garbled`, or an account name without any separator (most are letters and digits, read
    as digits and jamo: "ㄱ01ㅇ5738"): five such characters, one odd, and at least three digits. Only
    after a messenger's cue word, which says an account name follows."""
    core = [ch for ch in text if not ch.isspace() and not ("가" <= ch <= "힣") and ch not in ",!?…\"'"]
    digits = sum(ch.isdigit() for ch in core)
    return _garbled(text) or (len(core) >= 5 and bool(_ODD.search(text)) and digits >= 3)


def _garbled_short(text: str) -> bool:
    """A few characters that are no Hangul syllable, one of them odd (a letter, symbol or jamo): all
    OCR kept of an account name after its cue ("아이 디 는 ^. 너 ㅋ"). Review only."""
    core = [ch for ch in text if not ch.isspace() and not ("가" <= ch <= "힣") and ch not in ",!?…\"'"]
    return len(core) >= 2 and bool(_ODD.search(text))


_SYMBOLS = re.compile(r"[$<>^~\\|『』「」]")


def _garbled_token(text: str) -> bool:
    """A stricter :func:`_garbled` for a word with no cue before it: six or more such characters, and
    an @ or _ or at least two symbols (not letters: "Hello, I love you."; not jamo: "ㅋㅋㅋ..."), and
    at least two digits or Latin letters, which are what an address is made of and what OCR keeps of it
    (an emoticon is symbols alone: "~~(^_^)/")."""
    core = [ch for ch in text if not ("가" <= ch <= "힣") and ch not in ",!?…\"'"]
    strong = "@" in core or "_" in core or len(_SYMBOLS.findall(text)) >= 2
    alnum = sum(ch.isascii() and ch.isalnum() for ch in core)
    return len(core) >= 6 and strong and alnum >= 2 and any(ch in _SEPARATORS for ch in core)


# Korean words glued to an unreadable address by lost spaces ("…1970므로찾으면나온다."): a run of this
# many Hangul syllables is text, not a misread Latin letter (those come out as symbols, digits, jamo
# and single syllables).
_KOREAN_RUN = re.compile("[가-힣]{4,}")


_TOKEN_RULE = "contact.garbled_token"


def _garbled_pieces(
    doc: Doc, view: View, kind: Kind, confidence: float, rule_id: str, m: re.Match[str]
) -> Iterable[Finding]:
    """A validated unreadable-address match without the Korean words glued to it by lost spaces.

    The match is cut at every run of four or more Hangul syllables after its first unreadable
    character. The first piece (with the cue word, if the rule has one) keeps the rule; the pieces
    after a cut are findings of their own when they still read as an unreadable address on their own
    (the stricter ``garbled_token`` check, graded like that rule). A match with no cue word also
    begins after the Korean words glued before its first unreadable character."""
    text = view.text
    start, end = m.span()
    garbled_from = m.start("g") if "g" in m.re.groupindex else start
    garbled_from = min(max(garbled_from, start), end)  # -1 when the group took no part
    first_odd = next(
        (i for i in range(garbled_from, end) if not ("가" <= text[i] <= "힣") and not text[i].isspace()), None
    )
    if first_odd is None:
        first_odd = garbled_from
    if garbled_from == start:
        for before in _KOREAN_RUN.finditer(text, start, first_odd):
            start = before.end()
    else:
        # The cue word ("카톡 아이디는", "이메일은") says what follows; it names no one and is left
        # readable: the fill takes the unreadable address after it.
        start = garbled_from
    cuts = [(r.start(), r.end()) for r in _KOREAN_RUN.finditer(text, first_odd, end)]
    pieces: list[tuple[int, int]] = []
    for cut_start, cut_end in cuts:
        pieces.append((start, cut_start))
        start = cut_end
    pieces.append((start, end))
    token = next((r for r in doc.rules.patterns if r.id == _TOKEN_RULE), None)
    for n, (a, b) in enumerate(pieces):
        while b > a and text[b - 1] == " ":
            b -= 1
        while a < b and text[a] == " ":
            a += 1
        if b <= a:
            continue
        if n == 0:
            found = doc.finding(kind, a, b, confidence, rule_id, view=view)
        elif token is not None and _garbled_token(text[a:b]):
            found = doc.finding(token.kind, a, b, token.confidence, token.id, view=view)
        else:
            continue
        if found is not None:
            yield found


def _valid(check: str | None, m: re.Match[str]) -> bool:
    """The named checks a pattern can ask for; unknown names cannot get here (the config is validated)."""
    if check is None:
        return True
    if check == "date_ymd":
        return _date_ok(m.group(1), m.group(2), m.group(3))
    if check == "date_md":
        return _date_ok(None, m.group(1), m.group(2))
    if check == "rrn":
        return _date_ok(None, m.group(2), m.group(3))
    if check == "garbled":
        return _garbled(m.group("g"))
    if check == "garbled_id":
        return _garbled_id(m.group("g"))
    if check == "garbled_short":
        return _garbled_short(m.group("g"))
    if check == "garbled_token":
        return _garbled_token(m.group())
    handle = re.split(r"[\s:=@]+", m.group())[-1].lower()
    return handle not in _GENERIC_HANDLES


def _value_span(m: re.Match[str]) -> tuple[int, int]:
    """Where the value group (``v``, ``v2``, …) that took part in the match starts and ends; (-1, -1)
    if none did."""
    return next((m.span(g) for g in m.re.groupindex if g[:1] == "v" and m.start(g) >= 0), (-1, -1))


def _with_glued_word(doc: Doc, view: View, finding: Finding, match_start: int) -> Finding:
    """``finding`` from the start of its word in the original text, not before the match: a detail
    glued to its cue ("번 호는809472480") is told apart from it only in the text; on the page the cut
    would fall by character widths, so the fill takes the word."""
    floor, _ = view.span(match_start, match_start + 1)
    start, original = finding.start, doc.original
    while start > floor and not original[start - 1].isspace():
        start -= 1
    return replace(finding, start=start)


def find_patterns(doc: Doc, kinds: Collection[Kind]) -> Iterable[Finding]:
    """Findings of every ``[[pattern]]`` rule whose kind is in ``kinds``, on the number view and, for
    rules marked ``compact``, also on it without spaces (OCR spacing noise)."""
    yield from _run(doc, doc.numbers, kinds, compact=False)
    yield from _run(doc, doc.numbers_compact, kinds, compact=True)


# The compact number view has no spaces, so every reading of a page (they differ in spaces only) has
# the same one, mostly: its matches are remembered per exact text. Matches are immutable and hold
# their own copy of an equal text, so a reading may use another's. Bounded: a page's compact rules.
@lru_cache(maxsize=512)
def _compact_matches(regex: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    return tuple(regex.finditer(text))


# What each rule's regex needs in a text before it can match (see relay.detect.prefilter), per
# configuration, in the order of its rules: looked up by the rules, hashed by identity, instead of by
# each compiled regex, whose hash walks its whole compiled code (six passes over every rule a page made
# that a hot spot of its own). Bounded: a configuration or two (tests load others).
@lru_cache(maxsize=8)
def _rules_needs(rules: Rules) -> tuple[Needs, ...]:
    return needs_all([rule.regex for rule in rules.patterns])


def _run(doc: Doc, view: View, kinds: Collection[Kind], *, compact: bool) -> Iterable[Finding]:
    text = view.text
    for rule, need in zip(doc.rules.patterns, _rules_needs(doc.rules), strict=True):
        if rule.kind not in kinds or (compact and not rule.compact):
            continue
        if not may_match(need, text):
            continue  # the text lacks what every match holds: the search would find nothing
        for m in _compact_matches(rule.regex, text) if compact else rule.regex.finditer(text):
            start, end = m.span()
            # Trailing spaces a pattern swallowed are not part of the detail.
            while end > start and text[end - 1] == " ":
                end -= 1
            if (
                end > start
                and rule.validate in ("garbled", "garbled_id", "garbled_short", "garbled_token")
                and _valid(rule.validate, m)
            ):
                yield from _garbled_pieces(doc, view, rule.kind, rule.confidence, rule.id, m)
                continue
            if end > start and _valid(rule.validate, m):
                # A cue word before the value ("주민등록번호", "군번") names no one: the finding is the
                # value alone (groups v, v2, …: one per alternative), and the cue stays readable.
                # A cue after the value ("… 예금주", "… 계좌로") stays readable the same way.
                value, value_end = _value_span(m)
                if value >= 0:
                    end = min(end, value_end)
                finding = doc.finding(rule.kind, max(start, value), end, rule.confidence, rule.id, view=view)
                if finding is not None and value > start:
                    finding = _with_glued_word(doc, view, finding, m.start())
                if finding is not None:
                    yield finding
