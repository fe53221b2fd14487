"""Detection on an OCR'd page, read with more than one word spacing.

Korean word spacing on a scan is a guess: tesseract splits words into syllables, and the gaps between
its boxes (:mod:`relay.spacing`) separate words from syllables only roughly (measured on rendered
letters, about a quarter of true spaces fall below the join threshold and a tenth of the gaps inside
words above it). A wrong join glues a name to the word before it ("있는함서옥"), a wrong split cuts a
name in two; either can hide it from the detector. So the detector reads the page under several
spacings (the respaced text, tesseract's own words, and a stricter and a looser join), and every
finding of every reading counts: the readings differ only in spaces, so each finding maps back onto
the respaced text character for character. Extra readings can only add findings (more redaction or
review), never remove one. Pieces of one address found apart on a line, with only a number or a
short suffix between them, are joined into one address (:func:`_address_bridges`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from relay.detect.carry import carry
from relay.detect.document import Doc
from relay.detect.engine import detect, detect_doc, merge
from relay.detect.normalize import is_hangul
from relay.detect.pieces import demote_word_pieces
from relay.detect.rules import Rules, load_rules
from relay.model import Finding, Kind, PageText, Severity, syllable_confidence
from relay.spacing import SpacingConfig, respace

# Join thresholds of the extra readings (share of the line's word height; see SpacingConfig). None is
# tesseract's own spacing.
ALTERNATE_SPACINGS: tuple[float | None, ...] = (None, 0.4)


def detect_page(
    read: PageText,
    rules: Rules | None = None,
    *,
    spacing: SpacingConfig | None = None,
    alternates: Sequence[float | None] = ALTERNATE_SPACINGS,
) -> tuple[PageText, tuple[Finding, ...]]:
    """The page respaced (as :func:`relay.spacing.respace` does) and the findings of every reading,
    as offsets into that respaced page's ``text_and_offsets()`` text."""
    rules = rules or load_rules()
    page = respace(read, spacing)
    text, _ = page.text_and_offsets()
    # One Doc for the page's own spacing: its morphemes serve detection and the last check below.
    doc = Doc(text, rules)
    findings = list(detect_doc(doc)) if text.strip() else []
    chars = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in chars)
    for join_gap in alternates:
        other = read if join_gap is None else respace(read, SpacingConfig(join_gap=join_gap))
        other_text, _ = other.text_and_offsets()
        if not squeezed or other_text == text or "".join(other_text.split()) != squeezed:
            continue  # nothing to read, or not the same characters (never for respace's output)
        # The letter-spaced lines of these readings (all of tesseract's own) are not read once more
        # with Kiwi's spacing as well: the page's own spacing is such a reading already, and on printed
        # bench pages that cost a fifth more detection time a page.
        found = detect_doc(Doc(other_text, rules), kiwi_spacing=False)
        findings.extend(carry(found, other_text, chars))
    for start, end, unglued in _unglued_lines(text, findings):
        inside = [i for i in range(start, end) if not text[i].isspace()]
        findings.extend(carry(detect(unglued, rules), unglued, inside))
    heads = _particle_heads(rules)
    merged = merge([_without_particle_head(text, f, heads) for f in findings]) if findings else ()
    merged = merge([*merged, *_address_bridges(text, merged)]) if merged else ()
    # Each reading demoted the person findings that cut a word Kiwi knows, but a reading that split
    # the word ("전사여 러분께") has no word to cut; the page's own spacing is judged once more.
    if any(f.kind is Kind.PERSON and f.severity is Severity.REDACT for f in merged):
        merged = doc.to_given(merge(demote_word_pieces(doc, doc.from_given(merged))))
    printed = read.syllable_confidence() >= PRINT_PAGE_CONFIDENCE
    placed = tuple(_in_print(page, f, printed, rules.particles) for f in merged)
    return page, placed if printed else _misread_guesses(page, placed)


# OCR glues a word to the number-like detail after it ("동생 여 다진은주체68년3월 8일생"), and the glued
# word hides a name or a place from every reading. One more reading puts a space before each such
# detail the others found, where a Hangul syllable touches it.
_ANCHORS = frozenset({Kind.DATE, Kind.PHONE, Kind.ID_NUMBER, Kind.UNIT, Kind.ADDRESS})


def _unglued_lines(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for each line of ``text`` holding a redacted number-like detail glued to
    a Hangul syllable before it, the line with a space put before each such detail. Only those lines
    are read again: what hides the name is on its own line, and a page has few of them."""
    anchors = (f for f in findings if f.kind in _ANCHORS and f.severity is Severity.REDACT)
    cuts = sorted({f.start for f in anchors if f.start > 0 and is_hangul(text[f.start - 1])})
    out: list[tuple[int, int, str]] = []
    at = 0
    while at < len(cuts):
        start = text.rfind("\n", 0, cuts[at]) + 1
        end = text.find("\n", cuts[at])
        end = len(text) if end < 0 else end
        mine = [c for c in cuts[at:] if c < end]
        at += len(mine)
        pieces = [text[a:b] for a, b in zip([start, *mine], [*mine, end], strict=True)]
        out.append((start, end, " ".join(pieces)))
    return out


# A reading with tesseract's own spacing splits words into syllables ("에 서 블 라 디 보 스 토 크"), and
# a match there can start on the particle that ends the word before ("에서 블라디보스토크", "은 경기도",
# "가 사리원시"). In the page's spacing that particle is the tail of another word, followed by a space
# inside the finding: it is cut off, so that the fill does not black out the end of the word before.
# 도 is not taken for a particle here: it ends every province's name.
_NOT_HEADS = frozenset({"도"})


@lru_cache(maxsize=8)
def _particle_heads(rules: Rules) -> frozenset[str]:
    return frozenset(p for p in rules.particles if p not in _NOT_HEADS)


def _without_particle_head(text: str, finding: Finding, heads: frozenset[str]) -> Finding:
    """``finding`` without a particle it starts on that ends the word before it (see above)."""
    start = finding.start
    if finding.kind is Kind.TOPIC or start == 0 or text[start - 1].isspace():
        return finding
    gap = start
    while gap < finding.end and not text[gap].isspace():
        gap += 1
    if gap >= finding.end or text[start:gap] not in heads:
        return finding
    while gap < finding.end and text[gap].isspace():
        gap += 1
    return replace(finding, start=gap) if gap < finding.end else finding


# An address is often found in pieces (a region, a road, a flat number) with a building number or a
# short road suffix between them that no rule claimed ("무지개로10 길 377, 111동"): what lies between two
# redacted pieces of one address on one line is part of it when it is at most ``BRIDGE_TOKENS`` words,
# each holding a digit or at most ``BRIDGE_CHARS`` characters. A road's name counts as short too, and
# syllables OCR spaced apart count as the one word they were ("중 앙 대 로 148"). An address may also
# run on to the next line when its first piece ends its line ("… 안산시 단원구" / "중 앙 대 로 148 휴먼시아
# 118동 1603호"): writers break lines where the paper ends, not where the address does.
BRIDGE_KINDS = frozenset({Kind.ADDRESS, Kind.PLACE})
BRIDGE_TOKENS = 2
BRIDGE_CHARS = 2
COMPLEX_CHARS = 8


def _bridgeable(tokens: Sequence[str], next_piece: str) -> bool:
    """Whether the words between two address pieces belong to the address: at most ``BRIDGE_TOKENS``
    words holding a digit or at most ``BRIDGE_CHARS`` characters; and, before a flat number ("106동
    1603호"), one more word of at most ``COMPLEX_CHARS`` characters, the name of the housing complex
    ("142-2 휴먼시아 106동 1603호"), which names a building as well as its number does."""

    def short(t: str) -> bool:
        return any(ch.isdigit() for ch in t) or len(t) <= BRIDGE_CHARS or _ROAD.fullmatch(t) is not None

    tokens = _syllables_joined(tokens)

    if len(tokens) <= BRIDGE_TOKENS and all(short(t) for t in tokens):
        return True
    return (
        bool(tokens)
        and next_piece[:1].isdigit()
        and len(tokens) <= BRIDGE_TOKENS + 1
        and len(tokens[-1]) <= COMPLEX_CHARS
        and all(short(t) for t in tokens[:-1])
    )


_ROAD = re.compile(r"[가-힣]{1,5}(?:대로|로|길)")


def _syllables_joined(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with every run of two or more one-syllable Hangul tokens joined into one word."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and is_hangul(token):
            run.append(token)
            continue
        if len(run) > 1:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return out


def _one_line(between: str) -> bool:
    """What lies between two address pieces stays on their line, or the first piece ends its line and
    the second is on the next."""
    if "\n" not in between:
        return True
    head, _, tail = between.partition("\n")
    return not head.strip() and "\n" not in tail


def _address_bridges(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Address findings spanning two redacted pieces (address or place, one of them an address) and
    what lies between them, where that is little enough (see ``BRIDGE_TOKENS``) on one line."""
    pieces = sorted(
        (f for f in findings if f.kind in BRIDGE_KINDS and f.severity is Severity.REDACT),
        key=lambda f: (f.start, f.end),
    )
    bridges: list[Finding] = []
    last: Finding | None = None  # of the pieces so far, the one that ends furthest on
    for piece in pieces:
        if last is not None and piece.start > last.end and Kind.ADDRESS in (last.kind, piece.kind):
            between = text[last.end : piece.start]
            tokens = between.split()
            if _one_line(between) and _bridgeable(tokens, text[piece.start : piece.end]):
                confidence = min(last.confidence, piece.confidence)
                bridges.append(
                    Finding(
                        Kind.ADDRESS, Severity.REDACT, confidence, last.start, piece.end, "address.bridge"
                    )
                )
        if last is None or piece.end > last.end or (piece.end == last.end and piece.kind is Kind.ADDRESS):
            last = piece
    return bridges


# An unreadable address (a Korean model prints Latin letters as symbols and digits) is only a guess on
# its own, so the detector asks for review. Inside a line whose other words were read confidently, it
# is Latin text in a well-read letter (print), not damaged Korean: then it is redacted as well. So is a
# long run of digits that no rule explained (id.unknown_digits): in well-read print it is what a Korean
# model makes of an e-mail address, a link or an account name ("급한 일이 있으면 ]\011*ㄷ19920044.0001ㅇ로"),
# and the fill takes the whole run of characters that are not Hangul syllables around it, since the
# digits are only part of the misread address.
GARBLED_RULES = frozenset({"contact.garbled_token", "id.unknown_digits"})
WIDENED_RULES = frozenset({"id.unknown_digits"})
PRINT_CONFIDENCE = 0.85
PRINT_MIN_CHARS = 4


def _in_print(page: PageText, finding: Finding, printed: bool, particles: tuple[str, ...]) -> Finding:
    """A garbled address or digit run as redact in print (see ``GARBLED_RULES``); ``printed`` says
    the whole page reads like print (:meth:`PageText.syllable_confidence` of tesseract's own words)."""
    if finding.rule not in GARBLED_RULES or finding.severity is not Severity.REVIEW:
        return finding
    promoted = _in_print_line(page, finding, printed)
    if promoted is finding:
        return promoted
    text, _ = page.text_and_offsets()
    start, end = finding.start, finding.end
    if finding.rule in WIDENED_RULES:
        while start > 0 and _garbled_char(text[start - 1]):
            start -= 1
        while end < len(text) and _garbled_char(text[end]):
            end += 1
    # A Latin address holds no Hangul syllable: syllables after it that start with a particle are the
    # words glued on ("…@26\247에우리", "…@00.00으로"); others may be a letter misread ("…_00파에").
    tail = end
    while tail - start > 1 and is_hangul(text[tail - 1]):
        tail -= 1
    if tail < end and text[tail:end].startswith(particles):
        end = tail
    return replace(promoted, start=start, end=end)


def _garbled_char(ch: str) -> bool:
    """Part of a misread Latin run: not a space and not a Hangul syllable (jamo and signs are)."""
    return not ch.isspace() and not is_hangul(ch)


def _in_print_line(page: PageText, finding: Finding, printed: bool) -> Finding:
    """``finding`` as redact when the rest of its line was read confidently, or the whole page was
    (a line whose spaces were all lost has no other word to judge by), else as it was."""
    _, offsets = page.text_and_offsets()
    lines = {li for li, _, start, end in offsets if start < finding.end and end > finding.start}
    chars, weighted = syllable_confidence(
        page.lines[li].words[wi]
        for li, wi, start, end in offsets
        if li in lines and not (start < finding.end and end > finding.start)
    )
    if chars >= PRINT_MIN_CHARS and weighted / chars >= PRINT_CONFIDENCE:
        return replace(finding, severity=Severity.REDACT)
    return replace(finding, severity=Severity.REDACT) if printed else finding


# A guess from a word's shape or its neighbours (a name by its cue words or syllables, a place one
# jamo away from a gazetteer entry) made on words that tesseract read poorly, on a page that does not
# read like print, is as likely a misread everyday word as a detail: on rendered handwriting most such
# fills covered ink of no detail. It is reviewed instead: those words fall in review regions anyway (a
# moderator reads them), and the region takes the same boxes the fill would have, so nothing found is
# left uncovered. Rules that read a detail's own form (numbers, dates, gazetteer names spelled right,
# slots only a name fits) keep redacting.
GUESS_RULES = (
    "person.full_name",
    "person.intro",
    "person.vocative",
    "person.echo",
    "place.fuzzy.",
    "place.unknown_suffix",
)
# A name found by a cue word next to it is a guess of that kind only when it is short or made of
# pieces OCR split ("나 련학", "온 동"): a whole full name after a title or a kinship word ("담임이던
# 공유국 선생님") is as telling on a poorly read line as anywhere.
CONTEXT_RULE = "person.context"
CONTEXT_GUESS_SYLLABLES = 2
MISREAD_CONFIDENCE = 0.8


def _is_guess(text: str, finding: Finding) -> bool:
    """Whether ``finding`` is a guess from shape or neighbours (``GUESS_RULES``, ``CONTEXT_RULE``)."""
    if finding.rule.startswith(GUESS_RULES):
        return True
    if finding.rule != CONTEXT_RULE:
        return False
    found = text[finding.start : finding.end].strip()
    return " " in found or sum(map(is_hangul, found)) <= CONTEXT_GUESS_SYLLABLES


def _misread_guesses(page: PageText, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """``findings`` with each guess (see ``GUESS_RULES``) on words read with a mean syllable confidence
    below ``MISREAD_CONFIDENCE`` as review."""
    text, offsets = page.text_and_offsets()
    out: list[Finding] = []
    for finding in findings:
        if finding.severity is Severity.REDACT and _is_guess(text, finding):
            words = (
                page.lines[li].words[wi]
                for li, wi, start, end in offsets
                if start < finding.end and end > finding.start
            )
            chars, weighted = syllable_confidence(words)
            if chars and weighted / chars < MISREAD_CONFIDENCE:
                finding = replace(finding, severity=Severity.REVIEW)
        out.append(finding)
    return tuple(out)


# The page as a whole reads like print: the mean confidence of its Hangul syllables as tesseract read
# them (before respacing, which joins words and lowers their confidence). Measured on rendered letters
# (bench seeds 104-140): printed pages 0.92-0.94, handwritten ones 0.38-0.90.
PRINT_PAGE_CONFIDENCE = 0.91
