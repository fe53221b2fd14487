"""What the two foreign-name rules share: the shape of a capitalised Latin or Cyrillic name word, and
whether Kiwi reads a Hangul word as one morpheme of its own (a transcribed foreign name) or not.

``foreign_names`` finds a foreign name by its own shape (a listed given name, a surname ending);
``foreign_signed`` by where it stands (before a closing, ending a dateline, after "by"). Both read
the same words the same way, from here.
"""

from __future__ import annotations

from relay.detect.morph import Morpheme, analyse_cached

# Upper- and lower-case letters of the Latin alphabets of Europe and of Cyrillic.
UPPER = "A-ZÀ-ÖØ-ÞĀĆČĎĘĚŁŃŇŒŘŚŠŤŮŹŻŽА-ЯЁІЇЄҐ"
LOWER = "a-zß-öø-ÿāćčďęěłńňœřśšťůźżžėįа-яёіїєґ"
# A capitalised word: an Irish or Scots prefix (O'Connor, OConnor as speech recognition writes it,
# McKenzie, MacLeod) perhaps, and a hyphenated second part (Sae-Lim, Smith-Jones, Jean-Luc).
PART = rf"(?:O['’]?|Mc|Mac)?[{UPPER}][{LOWER}'’]+"
WORD = rf"{PART}(?:-{PART})?"
# Not inside a longer word of these scripts.
EDGE = rf"(?<![{UPPER}{LOWER}'’])"
END = rf"(?![{UPPER}{LOWER}'’])"


def lone_morpheme(word: str) -> Morpheme | None:
    """Kiwi's one morpheme for the whole of ``word``, or None when it reads ``word`` as several."""
    morphs = analyse_cached(word)
    if len(morphs) == 1 and morphs[0].end == len(word):
        return morphs[0]
    return None
