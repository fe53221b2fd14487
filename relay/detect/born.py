"""The subject of a birth: "하늘이 1981년에 태어났다", "경민은 평양에서 출생했다".

Whoever a letter says was born is a person, and when that subject is neither a kinship word nor a
pronoun or a generic noun (아이, 그녀, 사람들), it is most likely a name, everyday word or not. Review
only: the subject may be an animal or a nickname, which a moderator tells at a glance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.rules import Rules
from relay.detect.salutation import flag_names, generic_words
from relay.model import Finding

# The subject (two to four syllables and its particle) at the start of a word, then, within the same
# sentence (a full stop followed by a space ends it; one between digits does not), a past form of
# 태어나다 or 출생 (the present, "새싹이 태어난다", speaks of no one in particular).
# (태여났다 is the North Korean spelling.)
_BORN_AFTER = r"(?=(?:(?!\.\s|\.$)[^!?\n]){0,30}?(?:태[어여]났|태[어여]난(?!다)|태[어여]나신|출생))"
_BORN = re.compile(r"(?:^|(?<=[\s,.!?\"'(]))([가-힣]{2,4}?)(?:이|가|은|는|이는|이가)" + _BORN_AFTER)
# A subject OCR split after its first syllable ("하 늘이"): the particle must end the word, and the
# first syllable must not be a determiner or pronoun standing on its own ("그 애가", "첫 아이가").
_BORN_SPLIT = re.compile(
    r"(?:^|(?<=[\s,.!?\"'(]))([가-힣] [가-힣]{1,2}?)(?:이|가|은|는)(?![가-힣])" + _BORN_AFTER
)


@lru_cache(maxsize=4)
def _not_names(rules: Rules) -> frozenset[str]:
    return generic_words(rules) | frozenset(rules.config.names.born_not_names)


def find_born(doc: Doc) -> list[Finding]:
    """Review findings for the named subject of a birth."""
    not_first = doc.rules.config.names.born_not_first
    split = (m for m in _BORN_SPLIT.finditer(doc.text) if m.group(1)[0] not in not_first)
    return flag_names(doc, [*_BORN.finditer(doc.text), *split], _not_names(doc.rules), "person.born")
