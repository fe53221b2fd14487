"""A full name glued to the word before it when OCR lost the space: "일하는빈한솔입니다",
"상담팀염숴진이에요", "간사용수빈의 전화", "교회박우셉 목사님".

The name scorer (relay/detect/names.py) takes words as OCR spaced them, and a name glued behind an
everyday word is no candidate there. Here a word is cut where a word Kiwi knows ends (a noun, a verb's
adnominal form, a noun with its particle) and what follows is a surname, two syllables typical of given
names (one of them perhaps damaged by a jamo) and a particle or copula fitting them that ends the word.
Kiwi, reading the whole word, must agree that something there is no word it knows: a proper noun or an
unknown word covering the three syllables, or single syllables ("집안정원이" is 집안 + 정원 to it,
and stays clean).

Something must say a name is there: an introduction ("…입니다", "…이에요"), a slot only a name fits,
which is redacted; or the genitive or 라고 after the name, or a title, rank or kinship word right after
the word ("…류성민 군에게", "…배명수 선생이"), which leave the finding to a moderator.
"""

from __future__ import annotations

from relay.detect.document import Doc, hangul_only
from relay.detect.morph import analyse
from relay.detect.names import known_word, near_typical, titled_word
from relay.detect.words import strip_particles
from relay.model import Finding, Kind, Severity

CONFIDENCE = 0.8
REVIEW_CONFIDENCE = 0.6
_MIN_HEAD = 2
# Endings that close an introduction: the word before them is what the speaker is called.
_INTRO = frozenset(
    {"입니다", "이에요", "이예요", "예요", "이다", "다", "이야", "야", "이오", "이요", "이랍니다"}
)
# Particles that tie a name to what follows as a name: "X의 휴대전화", "X라고".
_NAMING = frozenset({"의", "이라고", "라고", "이라는", "라는"})
# How a word Kiwi knows may end before a glued name: a noun, a verb's adnominal form, a particle.
_HEAD_TAGS = ("NNG", "NNB", "NP", "ETM", "JKB", "JKS", "JKO", "JKG", "JX", "XSN")


def find_glued_names(doc: Doc) -> list[Finding]:
    """Full names glued behind an everyday word."""
    gaz = doc.rules.gazetteers
    least = doc.rules.config.names.slot_kin_min_weight
    found: list[Finding] = []
    words = doc.words
    for i, word in enumerate(words):
        text = word.text.rstrip(".,!?~")
        if len(text) < _MIN_HEAD + 3 or not hangul_only(text):
            continue
        for k in range(_MIN_HEAD, len(text) - 2):
            name = text[k : k + 3]
            odd = [ch for ch in name[1:] if gaz.given_syllables.get(ch, 0) < least]
            if name[0] not in gaz.surnames or len(odd) > 1 or (odd and not near_typical(doc.rules, odd[0])):
                continue  # one syllable may be a typical one OCR damaged by a jamo (염숴진 for 염수진)
            core, ending = strip_particles(text[k:], doc)
            if core != name or known_word(name) or not _known_head(text[:k]):
                continue
            if not _unread_there(text, k):
                continue
            intro = ending in _INTRO
            after = words[i + 1].text if i + 1 < len(words) else ""
            if not (intro or ending in _NAMING or (not ending and titled_word(doc, after))):
                continue  # "간호조무사 공부", "국제인도법에": nothing says a name is there
            finding = doc.finding(
                Kind.PERSON,
                word.start + k,
                word.start + k + 3,
                CONFIDENCE if intro else REVIEW_CONFIDENCE,
                "person.glued_before",
                severity=Severity.REDACT if intro else Severity.REVIEW,
            )
            if finding is not None:
                found.append(finding)
            break
    return found


def _known_head(head: str) -> bool:
    """Kiwi reads ``head`` alone as words it knows, ending as a word before a name may."""
    morphs = analyse(head)
    return bool(morphs) and not any(m.oov for m in morphs) and morphs[-1].tag in _HEAD_TAGS


def _unread_there(text: str, k: int) -> bool:
    """Kiwi, reading the whole word, finds a proper noun or a word it does not know over the name, or
    breaks the name into single syllables (곽 + 민 + 서): no word it knows is there."""
    morphs = analyse(text)
    if any((m.oov or m.tag == "NNP") and m.start <= k and m.end >= k + 3 for m in morphs):
        return True
    inside = [m for m in morphs if m.end > k and m.start < k + 3]
    return bool(inside) and all(
        m.start >= k and m.end <= k + 3 and m.end - m.start <= 1 and m.tag.startswith("NN") for m in inside
    )
