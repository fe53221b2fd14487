"""Korean names written in other scripts: romanised ("Kim Chol Ho", "Ri Yong-ho"), in Cyrillic ("ЛИ ЁН
ХО", "Пак Мен Су", as Russian and Ukrainian papers write a prisoner's name) and in Chinese characters
("金英哲").

A surname from the lists in ``[names]`` of rules.toml, next to one or two tokens shaped like romanised
Korean syllables (or Cyrillic ones of the same length), in either order, is a full name: a Western word
seldom fits both. Three or four Chinese characters opening with a common surname character are a
name as well; letters in Korean use Chinese characters for little else.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.rules import Rules
from relay.model import Finding, Kind

# One romanised Korean syllable (McCune-Reischauer and Revised Romanization, with the usual
# spellings of names): an optional initial, a vowel, an optional final.
_SYLLABLE = (
    r"(?:ch'|k'|t'|p'|kk|tt|pp|ss|jj|ch|sh|[bcdghjklmnprstwy])?"
    r"(?:yeo|yae|wae|wa|wo|we|wi|ae|ai|eo|eu|ui|oe|oo|ee|ya|yo|yu|ye|ŏ|ŭ|ö|ü|a|e|i|o|u)"
    r"(?:ng|n|m|l|k|p|t|r)?"
)
# A given name: one or two syllables, as one token ("Cholho"), hyphenated ("Chol-ho") or two tokens.
_GIVEN = rf"(?:{_SYLLABLE}(?:[-']?{_SYLLABLE})?)"
_CYR_GIVEN = r"[А-ЯЁа-яё]{1,5}(?:-[А-ЯЁа-яё]{1,5})?"


# Short English words shaped like romanised syllables or surnames; a name holds none of them.
_ENGLISH_WORDS = frozenset(
    {
        *("a", "an", "the", "it", "is", "in", "on", "of", "to", "my", "me", "you", "we", "he", "she"),
        *("his", "her", "i", "oh", "go", "so", "no", "do", "be", "by", "at", "as", "up", "us", "or"),
        *("and", "let", "get", "god", "love", "home", "day", "boy", "man", "one", "new", "all", "are"),
        *("was", "way", "say", "see"),
    }
)


@lru_cache(maxsize=4)
def _english_words(rules: Rules) -> frozenset[str]:
    """_ENGLISH_WORDS less those that are surnames too (Go, Oh, So, An, Do)."""
    return _ENGLISH_WORDS - {s.lower() for s in rules.config.names.latin_surnames}


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> tuple[re.Pattern[str], ...]:
    cfg = rules.config.names
    latin = "|".join(sorted((re.escape(s) for s in cfg.latin_surnames), key=len, reverse=True))
    cyr = "|".join(sorted((re.escape(s) for s in cfg.cyrillic_surnames), key=len, reverse=True))
    hanja = "".join(sorted(cfg.hanja_surnames))
    edge, end = r"(?<![A-Za-zÀ-ž])", r"(?![A-Za-zÀ-ž])"
    cedge, cend = r"(?<![А-ЯЁа-яё])", r"(?![А-ЯЁа-яё])"
    out = []
    if latin:
        out.append(re.compile(rf"{edge}(?:{latin})[ ,]+{_GIVEN}(?: {_SYLLABLE})?{end}", re.IGNORECASE))
        out.append(re.compile(rf"{edge}{_GIVEN}(?:[ -]{_SYLLABLE})? (?:{latin}){end}", re.IGNORECASE))
        # A Western given name before a Korean surname, the Korean sentence going on right after it
        # ("Grace Choi예요", "Daniel Park 씨가"): how defectors who took an English name write it.
        out.append(re.compile(rf"{edge}[A-Z][a-z]{{2,12}} (?:{latin}){end}(?= ?[가-힣])"))
    if cyr:
        out.append(
            re.compile(rf"{cedge}(?:{cyr})[ ,]+{_CYR_GIVEN}(?: [А-ЯЁа-яё]{{1,5}})?{cend}", re.IGNORECASE)
        )
    if hanja:
        out.append(re.compile(rf"(?<![\u4e00-\u9fff])[{hanja}][\u4e00-\u9fff]{{1,3}}(?![\u4e00-\u9fff])"))
    return tuple(out)


def find_lettered_names(doc: Doc) -> list[Finding]:
    """Person findings for Korean names written in Latin, Cyrillic or Chinese characters."""
    text = doc.text
    if not re.search(r"[A-Za-zА-ЯЁа-яё\u4e00-\u9fff]", text):
        return []  # Hangul and digits only: nothing to look for
    found = []
    for pattern in _patterns(doc.rules):
        for m in pattern.finditer(text):
            tokens = [tok for tok in re.split(r"[ ,]+", m.group()) if tok]
            if (
                tokens[0][0].isalpha()
                and tokens[0][0].lower() != tokens[0][0].upper()
                and not all(tok[0].isupper() for tok in tokens)
            ):
                continue  # names are capitalised: "Kim Chol", "KIM CHOL", not "song book"
            if any(tok.lower() in _english_words(doc.rules) for tok in tokens):
                continue  # "Let It Go", "Oh My God": English words that look like syllables
            f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    return found
