"""Running every detector over one text and merging what they found."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from relay.detect.addresses import extend_addresses
from relay.detect.amounts import drop_amounts
from relay.detect.born import find_born
from relay.detect.called import find_called
from relay.detect.contact_echoes import echo_contacts
from relay.detect.damaged import find_damaged, find_damaged_places, find_damaged_units
from relay.detect.document import Doc
from relay.detect.echoes import echo_names
from relay.detect.foreign_names import find_foreign_names
from relay.detect.glued_names import find_glued_names
from relay.detect.in_general import drop_said_in_general
from relay.detect.joined import find_in_joined_lines
from relay.detect.lettered import find_lettered_names
from relay.detect.named_groups import extend_named_groups, find_named_groups
from relay.detect.names import find_names
from relay.detect.nicknames import find_nicknames
from relay.detect.not_names import drop_everyday_words
from relay.detect.numbers import find_numbers
from relay.detect.orgs import find_orgs
from relay.detect.pieces import demote_word_pieces
from relay.detect.places import find_places
from relay.detect.repeated_names import find_repeated_names
from relay.detect.respaced import drop_split_words
from relay.detect.role_names import find_role_names
from relay.detect.rules import Rules, load_rules
from relay.detect.salutation import find_salutations
from relay.detect.skeleton import find_skeleton_places
from relay.detect.spelled_handles import find_spelled_handles
from relay.detect.titled import find_slot_names
from relay.detect.topics import find_topics
from relay.detect.units import find_units
from relay.detect.unspaced_orgs import find_unspaced_orgs
from relay.detect.whereabouts import find_whereabouts
from relay.model import Finding, Severity

Detector = Callable[[Doc], Iterable[Finding]]

DETECTORS: tuple[Detector, ...] = (
    find_names,
    find_places,
    find_units,
    find_numbers,
    find_orgs,
    find_unspaced_orgs,
    find_topics,
    find_damaged,
    find_damaged_places,
    find_damaged_units,
    find_skeleton_places,
    find_salutations,
    find_born,
    find_whereabouts,
    find_slot_names,
    find_lettered_names,
    find_called,
    find_named_groups,
    find_foreign_names,
    find_role_names,
    find_spelled_handles,
    find_repeated_names,
    find_glued_names,
    find_nicknames,
)


def _guess(f: Finding) -> bool:
    """A review finding that is a guess about where a detail lies: a near miss of a gazetteer name or
    a token that only looks like an unreadable address (rule ids ``*.fuzzy.*``, ``*garbled*``)."""
    return f.severity is Severity.REVIEW and (".fuzzy." in f.rule or "garbled" in f.rule)


def merge(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Overlapping findings of the same kind become one: the union span, redact if any part is, the
    highest confidence and the rule that gave it. Sorted by start, then end, then kind.

    A guess (:func:`_guess`) never widens a redact finding: a near miss of the place beside it
    (은통천군 for 통천군 after the particle of "고향은") or an unreadable token with the words glued to
    it ("메일은005007_4%2@…이다.") would carry the fill over the words around the detail. It stays a
    review finding of its own, unless a redact finding holds it whole. Other review findings do
    widen an overlapping redact one: that is a sure part confirming them ("함남" confirms the pair
    "함남 정평" a weaker rule found)."""
    found = list(findings)
    sure = _merge([f for f in found if not _guess(f)])
    guesses = [
        f
        for f in _merge([f for f in found if _guess(f)])
        if not any(r.kind is f.kind and r.start <= f.start and f.end <= r.end for r in sure)
    ]
    return tuple(sorted([*sure, *guesses], key=lambda f: (f.start, f.end, f.kind.value)))


def _merge(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Overlapping findings of the same kind as one (see :func:`merge`)."""
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.kind.value, []).append(f)
    merged: list[Finding] = []
    for group in by_kind.values():
        group.sort(key=lambda f: (f.start, f.end))
        current = group[0]
        for f in group[1:]:
            if f.start < current.end:
                best = max(current, f, key=lambda x: (x.severity is Severity.REDACT, x.confidence))
                severity = (
                    Severity.REDACT if Severity.REDACT in (current.severity, f.severity) else Severity.REVIEW
                )
                current = Finding(
                    current.kind, severity, best.confidence, current.start, max(current.end, f.end), best.rule
                )
            else:
                merged.append(current)
                current = f
        merged.append(current)
    return tuple(sorted(merged, key=lambda f: (f.start, f.end, f.kind.value)))


def detect(text: str, rules: Rules | None = None) -> tuple[Finding, ...]:
    """Identifying details in ``text``, as findings with offsets into ``text`` exactly as given.

    ``rules`` defaults to the repository's configuration (loaded once). Never raises on odd input
    (empty, control characters, unpaired surrogates): offsets always fall inside ``text``.
    """
    if not isinstance(text, str):
        raise TypeError("detect() takes a str")
    if not text or text.isspace():
        return ()
    return detect_doc(Doc(text, rules if rules is not None else load_rules()))


def detect_doc(doc: Doc, *, kiwi_spacing: bool = True) -> tuple[Finding, ...]:
    """:func:`detect` on a text already prepared as a :class:`Doc` (not empty or blank), for a caller
    that needs the same views and morphemes afterwards. ``kiwi_spacing=False`` skips the reading of
    letter-spaced lines with Kiwi's spacing (:mod:`relay.detect.joined`), for a caller that reads the
    same characters under a better spacing anyway."""
    found = _findings(doc)
    return doc.to_given(merge([*found, *find_in_joined_lines(doc, _findings, kiwi_spacing=kiwi_spacing)]))


def _findings(doc: Doc) -> tuple[Finding, ...]:
    """Every detector's findings in ``doc``, vetoed and merged, in offsets of ``doc.original``."""
    found = extend_addresses(doc, [f for detector in DETECTORS for f in detector(doc)])
    found = extend_named_groups(doc, found)
    found = drop_said_in_general(doc, drop_everyday_words(doc, drop_split_words(doc, found)))
    found = drop_amounts(doc, found)
    return merge(echo_contacts(doc, echo_names(doc, demote_word_pieces(doc, found))))
