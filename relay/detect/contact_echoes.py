"""An account name found once is redacted wherever else the letter repeats it.

A transcript says an account name twice, the second time with no cue before it ("카톡은 아이디가 함흥맘 오삼
이다 함흥맘 오삼 그렇게 찾으면 된다"): the messenger's name gives the rules their evidence once, and the
repeat, a word and digit names, is nothing to them on its own. So every ``redact`` messenger, e-mail or
URL finding is looked for again in the same text, spaces ignored (OCR and speakers space it differently),
where it starts a word and ends one or takes an ending. The cue words a finding may have taken in
(아이디가, 계정은) are left out of what is looked for; a lone syllable said after the name (an ending or a
digit name set apart, "함흥맘 오삼 이") is looked for without it too. Short names are not echoed: a word
of three letters or fewer may be anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relay.detect.document import Doc
from relay.detect.normalize import is_hangul
from relay.model import Finding, Kind, Severity

RULE = "contact.echo"
_KINDS = frozenset({Kind.MESSENGER, Kind.EMAIL, Kind.URL})
MIN_KEY = 4
# Cue words a finding may begin with, glued to a particle or not.
_CUE = re.compile(r"^(?:아이디|계정|닉네임|대화명)(?:은|는|이|가|:)?")
# What may follow a repeated account name in the same word: the copula and the particles.
_ENDINGS = (
    "이에요",
    "예요",
    "이야",
    "야",
    "이고",
    "고",
    "이다",
    "다",
    "입니다",
    "으로",
    "로",
    "이라고",
    "라고",
    "을",
    "를",
    "이요",
    "요",
)


def _keys(text: str) -> list[str]:
    words = text.split()
    if words:
        words[0] = _CUE.sub("", words[0])
    words = [w for w in words if w]
    keys = ["".join(words).lower()]
    if len(words) > 1 and len(words[-1]) == 1:
        keys.append("".join(words[:-1]).lower())
    return [k for k in keys if len(k) >= MIN_KEY]


def _ends_word(doc: Doc, end: int) -> bool:
    text = doc.text
    if end >= len(text) or not (is_hangul(text[end]) or text[end].isalnum()):
        return True
    return any(
        text.startswith(e, end) and (end + len(e) >= len(text) or not is_hangul(text[end + len(e)]))
        for e in _ENDINGS
    )


def _starts_word(doc: Doc, start: int) -> bool:
    return start == 0 or not (is_hangul(doc.text[start - 1]) or doc.text[start - 1].isalnum())


def echo_contacts(doc: Doc, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` plus a finding at every other mention of an account name, e-mail address or URL
    found once with its cue (see the module's docstring)."""
    found = list(findings)
    sources = [f for f in found if f.kind in _KINDS and f.severity is Severity.REDACT]
    if not sources:
        return found
    taken = [(f.start, f.end) for f in found if f.kind in _KINDS]
    for f in sources:
        for key in _keys(doc.original[f.start : f.end]):
            at = doc.compact.find(key)
            while at >= 0:
                start, end = doc.spaced_span(at, at + len(key))
                if _starts_word(doc, start) and _ends_word(doc, end):
                    echo = doc.finding(f.kind, start, end, f.confidence, RULE, severity=Severity.REDACT)
                    if echo is not None and not any(s < echo.end and echo.start < e for s, e in taken):
                        found.append(echo)
                        taken.append((echo.start, echo.end))
                at = doc.compact.find(key, at + 1)
    return found
