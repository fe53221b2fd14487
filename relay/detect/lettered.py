"""Korean names written in other scripts: romanised ("Kim Chol Ho", "Ri Yong-ho"), in Cyrillic ("ЛИ ЁН
ХО", "Пак Мен Су", as Russian and Ukrainian papers write a prisoner's name) and in Chinese characters
("金英哲").

A surname from the lists in ``[names]`` of rules.toml, next to one or two tokens shaped like romanised
Korean syllables (or Cyrillic ones of the same length), in either order, is a full name: a Western word
seldom fits both. Three or four Chinese characters opening with a common surname character are a
name as well; letters in Korean use Chinese characters for little else.

Koreans abroad (고려인 in Central Asia and Ukraine, Korean Americans, defectors who took a new name)
often bear a Western given name with a Korean surname: "Виктор Ким", "Олена Пак", "Grace Kim", and in
Hangul "빅토르 김", "박 알렉산드르". A capitalised Western word beside a Korean surname, or a Western
given name from the list below beside a Hangul surname, is a full name. A capitalised Latin or
Cyrillic name before an honorific or before (이)라는 and a word for a person ("Oleksandr Petrenko 씨",
"Mykola라는 우크라 형") names that person whatever their origin.
"""

from __future__ import annotations

import re
from functools import lru_cache

from relay.detect.document import Doc
from relay.detect.names import known_word
from relay.detect.rules import Rules
from relay.detect.titled import alternation
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


# Western given names as written in Hangul, the ones Koreans abroad bear (Russian, Ukrainian and other
# Soviet names of 고려인, English and church names of Korean Americans and converts). Names that are
# also everyday Korean words or their stems (유리 "glass", 안나 "not out", 지나 "passing", 로만) are
# left out: next to a surname that is also a word (이 유리 "this glass") they would flag benign text.
_HANGUL_WESTERN_GIVEN = frozenset(
    {
        *("알렉산드르", "알렉산더", "올렉산드르", "알렉세이", "올렉시", "아나톨리", "안드레이", "안드리"),
        *("안톤", "아르톰", "아르툠", "보리스", "보흐단", "바딤", "발레리", "발렌틴", "바실리", "빅토르"),
        *("비탈리", "블라디미르", "볼로디미르", "블라디슬라프", "뱌체슬라프", "겐나디", "게나디"),
        *("게오르기", "그리고리", "데니스", "드미트리", "드미트로", "예브게니", "이고르", "일리야", "이반"),
        *("콘스탄틴", "레오니드", "미하일", "미하일로", "니콜라이", "미콜라", "올레그", "올레흐", "파벨"),
        *("표트르", "페트로", "루슬란", "세르게이", "세르히", "스타니슬라프", "스테판", "티무르", "표도르"),
        *("야코프", "타라스", "에두아르드", "아르카디", "유리이", "예고르", "키릴", "로디온", "아르세니"),
        *("발렌티나", "알렉산드라", "알료나", "안젤리카", "빅토리야", "빅토리아", "갈리나", "다리야"),
        *("예카테리나", "카테리나", "옐레나", "엘레나", "올레나", "옐리자베타", "지나이다", "이리나"),
        *("류드밀라", "라리사", "리디야", "마리나", "나데즈다", "나탈리야", "나탈리아", "나타샤", "올가"),
        *("올랴", "폴리나", "스베틀라나", "소피야", "타티야나", "타티아나", "타냐", "율리야", "옥사나"),
        *("류보프", "타마라", "안나스타시야", "아나스타시야", "크세니야", "에브게니야", "마르가리타"),
        *("베로니카", "알비나", "엘비라", "잔나", "루스탐", "자밀라", "딜노자", "굴나라", "아이굴"),
        *("알리셰르", "샤흐조드", "그레이스", "제임스", "데이비드", "데이빗", "마이클", "다니엘", "사무엘"),
        *("조셉", "피터", "토마스", "앤드류", "크리스", "크리스토퍼", "케빈", "에릭", "브라이언", "제니퍼"),
        *("제니", "사라", "레이첼", "스텔라", "엘리자베스", "캐서린", "줄리아", "에스더", "한나", "레베카"),
        *("리사", "수잔", "헬렌", "루시", "에밀리", "클레어", "올리비아", "소피아", "제시카", "애슐리"),
        *("매튜", "조슈아", "조나단", "벤자민", "티모시", "스티븐", "리처드", "로버트", "윌리엄", "찰스"),
        *("헨리", "요셉", "요한", "바오로", "베드로", "미카엘", "안드레아", "마리아", "루치아", "세실리아"),
        *("모니카", "아녜스", "아가다", "카타리나", "데레사", "안토니오", "프란치스코", "스테파노"),
        *("라파엘", "가브리엘", "요안나", "막달레나", "엘리사벳", "루시아", "글라라", "수산나", "마르타"),
        *("요아킴", "도미니코", "베네딕타", "크리스티나", "임마누엘", "바르나바", "디모테오"),
        "세바스티아노",
    }
)
# Names a man or woman in religion takes, before the title that goes with them: "마리 요안나 수녀",
# "안나 수녀님". There a name that is also a Korean word (안나, 유리) is the name; beside a surname it is
# not (이 유리 "this glass"). 마리 only opens two names: "한 마리" counts cattle.
_RELIGIOUS_GIVEN = _HANGUL_WESTERN_GIVEN | {"안나", "로사", "비오", "루카", "유리"}
RELIGIOUS_GIVEN = frozenset(_RELIGIOUS_GIVEN - {"유리", "안나"})
_RELIGIOUS_TITLES = ("수녀", "수사", "신부", "수녀님", "수사님", "신부님", "원장수녀", "자매님", "형제님")


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
    # A romanised given name alone, its two syllables hyphenated, with a Korean vocative or particle
    # glued on ("Yun-a야", "Chol-ho가"): the hyphen is how Korean names are romanised.
    out.append(
        re.compile(
            rf"{edge}[A-Z]{_SYLLABLE}-{_SYLLABLE}(?=(?:야|아|씨|님|이|가|는|은|한테|에게|랑|이랑|하고)(?![가-힣]))"
        )
    )
    if hanja:
        out.append(re.compile(rf"(?<![\u4e00-\u9fff])[{hanja}][\u4e00-\u9fff]{{1,3}}(?![\u4e00-\u9fff])"))
    # A Japanese name: a surname in Chinese characters and a given name in kana, perhaps ending in a
    # character (高山ヨシ子, 田中 はるみ): kana in a Korean letter spell little else.
    out.append(re.compile(r"[\u4e00-\u9fff]{1,3} ?[\u3041-\u30ff]{1,5}[\u4e00-\u9fff]?(?![\u3041-\u30ff])"))
    return tuple(out)


# English words that open a greeting before a Korean form of address; no one's name.
_GREETINGS = frozenset(
    {
        "hello",
        "hi",
        "dear",
        "thanks",
        "thank",
        "sorry",
        "happy",
        "merry",
        "good",
        "best",
        "love",
        "bye",
        "welcome",
    }
    | {"please", "congratulations", "hey", "my", "our", "to", "from", "with", "mr", "mrs", "ms", "miss"}
)
_CYR = "А-ЯЁа-яёІіЇїЄєҐґ"
_WESTERN_CYR_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,14}"
_WESTERN_CYR = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,14}"


@lru_cache(maxsize=4)
def _western_patterns(rules: Rules) -> tuple[re.Pattern[str], ...]:
    """A capitalised Western given name beside a Korean surname in Cyrillic ("Виктор Ким", "Ким
    Виктор", "Олена Пак") or in Latin letters before more of the Korean sentence ("Grace Kim, 한국
    이름은"); a capitalised Latin or Cyrillic name of one or two words before an honorific or before
    (이)라는 and a word for a person."""
    cfg = rules.config.names
    latin = alternation(cfg.latin_surnames)
    cyr = alternation(cfg.cyrillic_surnames)
    nouns = alternation(cfg.known_as_nouns)
    edge, end = r"(?<![A-Za-zÀ-ž])", r"(?![A-Za-zÀ-ž])"
    cedge, cend = rf"(?<![{_CYR}])", rf"(?![{_CYR}])"
    word = rf"(?:[A-Z][a-zà-ž'’]{{2,14}}|{_WESTERN_CYR})"
    return (
        re.compile(rf"{cedge}(?:{_WESTERN_CYR}\s(?:{cyr})|(?:{cyr})\s{_WESTERN_CYR}){cend}"),
        re.compile(rf"{edge}[A-Z][a-z]{{2,12}}\s(?:{latin}){end}(?=[\s,.]*[가-힣])"),
        re.compile(
            rf"(?<![A-Za-zÀ-ž{_CYR}]){word}(?: {word})?"
            rf"(?=\s?(?:씨|님|선생|목사|신부|수녀|기자|교수|박사)|(?:이)?라는\s?(?:[가-힣]{{1,6}}\s)?(?:{nouns})(?=$|[^가-힣]|[은는이가을를도의와과]))"
        ),
    )


# Words for what someone does, before the name of a foreigner who does it ("의사 Olena Marchuk한테서",
# "case manager Noppadon Sae-Lim,"): with two capitalised words after such a word, the words name a person.
_ROLES_BEFORE_LATIN = (
    *("의사", "간호사", "간호원", "변호사", "교수", "기자", "박사", "통역사", "통역관", "상담사", "상담원"),
    *("담당자", "담당관", "직원", "간사", "활동가", "선교사", "목사", "신부", "수녀", "코디네이터", "매니저"),
    *("사회복지사", "연구원", "조사관", "영사", "대사", "외교관", "군의관", "심문관", "조사원", "자원봉사자"),
    *("manager", "officer", "worker", "coordinator", "doctor", "Dr.", "Dr", "nurse", "lawyer", "attorney"),
    *("interpreter", "translator", "journalist", "reporter", "pastor", "priest", "Father", "Sister"),
    *("volunteer", "researcher", "consul", "director", "Prof.", "Professor", "Mr.", "Mrs.", "Ms."),
)
_LATIN_WORD = r"[A-Z][a-zà-ž'’]{1,14}(?:-[A-Z][a-zà-ž'’]{1,14})?"
_ROLE_LATIN = re.compile(
    rf"(?<![A-Za-z가-힣])(?:{alternation(_ROLES_BEFORE_LATIN)}) ?"
    rf"(?P<name>{_LATIN_WORD} {_LATIN_WORD}|{_WESTERN_CYR_NAME} {_WESTERN_CYR_NAME})"
    r"(?=[,.;:!?)]|\s(?![A-Za-z])|$|(?:이|가|은|는|의|와|과|도|씨|님|께|께서|한테|한테서|에게|에게서|랑|이랑|하고)(?![가-힣]))"
)
# A name in Latin letters glossed in Hangul, or the other way round, one Hangul word for each Latin
# one: "Yamaguchi Haruto(야마구치 하루토)라고 합니다". Only a name is spelt out in both scripts so.
_LATIN_RUN = rf"{_LATIN_WORD}(?: {_LATIN_WORD}){{0,2}}"
_HANGUL_RUN = r"[가-힣]{2,6}(?: [가-힣]{1,6}){0,2}"
_GLOSSED = re.compile(
    rf"(?<![A-Za-z])(?P<latin>{_LATIN_RUN}) ?\((?P<hangul>{_HANGUL_RUN})\)"
    rf"|(?<![가-힣])(?P<hangul2>{_HANGUL_RUN}) ?\((?P<latin2>{_LATIN_RUN})\)"
)
# Last words of the names of organisations, places and things, never of a person.
_NOT_PERSON_LAST = frozenset(
    {
        *("watch", "asia", "network", "center", "centre", "international", "foundation", "church"),
        *("university", "inc", "group", "association", "society", "union", "council", "committee"),
        *("bank", "times", "news", "project", "fund", "institute", "school", "college", "hospital"),
        *("clinic", "city", "street", "road", "avenue", "park", "station", "airport", "mission"),
        *("ministries", "office", "house", "service", "services", "agency", "alliance", "coalition"),
        *("nations", "rights", "aid", "relief", "press", "post", "herald", "today", "company"),
    }
)
_GLOSS_AFTER = re.compile(
    r"(?:이라고|라고|입니다|이에요|예요|이오|이라오|라오|이란|란|이라는|라는)(?![가-힣])"
    r"|[은는이가와과의] | ?씨| ?님"
)


# Capitalised English words saying what someone is (a people, a faith, a role), not who.
_WHAT_ONE_IS = frozenset(
    {
        *("korean", "american", "canadian", "australian", "british", "english", "german", "french"),
        *("russian", "ukrainian", "chinese", "japanese", "christian", "catholic", "buddhist"),
        *("protestant", "student", "teacher", "volunteer", "nurse", "doctor", "pastor", "soldier"),
        # nor when: "it's Monday, 오늘은 …"
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas"),
        *("january", "february", "march", "april", "may", "june", "july", "august", "september"),
        *("october", "november", "december", "today", "okay", "fine", "here", "home", "back", "sorry"),
        *("america", "korea", "china", "japan", "russia", "ukraine", "canada", "england", "seoul"),
    }
)


@lru_cache(maxsize=4)
def _western_after_cue(rules: Rules) -> re.Pattern[str]:
    """A capitalised Latin or Cyrillic name (group 1) after a kinship word, with a Korean particle
    glued on ("손자 Денис가", "딸 Sophie는"), or after the speaker, then the copula ("저는 Emily
    Hartwell이에요"): only a person is both a grandson and called so, or introduced so."""
    kin = alternation(t for t in rules.gazetteers.kinship if t.isalpha())
    word = rf"(?:[A-Z][a-zà-ž'’]{{2,14}}|{_WESTERN_CYR})"
    particle = r"(?:이|가|은|는|을|를|와|과|도|의|에게|한테|랑|이랑)"
    copula = r"(?:이에요|예요|입니다|이야|야|이다|이라고|라고|이고|이오)"
    return re.compile(
        rf"(?<![가-힣])(?:(?:{kin}) ({word}(?: {word})?){particle}"
        rf"|(?:저는|나는|제 이름은|이름은) ({word}(?: {word})?){copula}"
        # "Hey 오빠, it's Grace, 한국 이름 …": the speaker introduced in English, the Korean going on
        rf"|(?<![A-Za-z])(?:[Ii]t[’']?s|I[’']?m|[Tt]his is|[Mm]y name is) ({word})"
        rf"(?=\s*[,.!]|\s+[가-힣]|\s*$))"
        rf"(?![A-Za-z{_CYR}])"
    )


@lru_cache(maxsize=4)
def _hangul_western(rules: Rules) -> re.Pattern[str]:
    """A Western given name in Hangul beside a common one-syllable surname ("박 알렉산드르", "빅토르
    김이에요"), or one or two of them before a title in religion ("마리 요안나 수녀")."""
    surnames = alternation(
        s
        for s, rank in rules.gazetteers.surnames.items()
        if len(s) == 1 and 0 < rank <= rules.config.names.merge_max_rank
    )
    given = alternation(_HANGUL_WESTERN_GIVEN)
    after = r"(?=$|[^가-힣]|[은는이가을를의도와과께씨님]|예요|이에요|입니다|이다|이야)"
    religious = alternation(_RELIGIOUS_GIVEN)
    titles = alternation(_RELIGIOUS_TITLES)
    in_religion = (
        rf"(?:마리 ?(?:{religious})|(?:{religious})(?: ?(?:{religious}))?)"
        rf"(?= ?(?:{titles})(?:[^가-힣]|$|[이은는께가도의와과입였]|로|에게))"
    )
    return re.compile(
        rf"(?<![가-힣])(?:(?:(?:{surnames})\s(?:{given})|(?:{given})\s(?:{surnames})){after}|{in_religion})"
    )


# Japanese women's given names in Hangul, all ending in 코 (子): the stems before it. Zainichi
# families and women born under Japanese rule bear them ("어머니 가네다 하나코는"); 코 alone (nose) or
# after an everyday word (주먹코, 돼지코) is not among them.
_JAPANESE_KO_STEMS = (
    *("하나", "요시", "미치", "가즈", "게이", "유", "에이", "사치", "후미", "기미", "도시", "히로", "마사"),
    *("노리", "아키", "료", "준", "교", "미", "나오", "마리", "에미", "유리", "사요", "지요", "기요"),
    *("나미", "아사", "다카", "하루", "나쓰", "후유", "요", "쓰네", "야스", "가쓰", "시즈", "미야", "지에"),
    *("마치", "에쓰", "데루", "미쓰", "요시에", "스미", "미사", "도모", "사다", "히사", "후사", "나가"),
)
_JAPANESE_KO = re.compile(
    rf"(?<![가-힣])(?:([가-힣]{{2,4}}) )?((?:{alternation(_JAPANESE_KO_STEMS)})코)"
    r"(?=$|[^가-힣]|(?:[는가를의와도]|에게|한테|씨|상|님|라는)(?![가-힣]))"
)


def _japanese_names(doc: Doc) -> list[Finding]:
    """A Japanese woman's name in Hangul: the given name, with the word before it as her surname
    when Kiwi knows that word as no everyday one (가네다 yes, 우리 no)."""
    found = []
    for m in _JAPANESE_KO.finditer(doc.text):
        start = m.start(1) if m.group(1) and not known_word(m.group(1)) else m.start(2)
        f = doc.finding(Kind.PERSON, start, m.end(2), 0.8, "person.lettered")
        if f is not None:
            found.append(f)
    return found


def find_lettered_names(doc: Doc) -> list[Finding]:
    """Person findings for Korean names written in Latin, Cyrillic or Chinese characters, and Japanese
    names in Hangul."""
    text = doc.text
    found = [
        f
        for m in _hangul_western(doc.rules).finditer(text)
        if (f := doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")) is not None
    ]
    if "코" in text:
        found += _japanese_names(doc)
    if not re.search(r"[A-Za-zА-ЯЁа-яё\u3041-\u30ff\u4e00-\u9fff]", text):
        return found  # Hangul and digits only: nothing more to look for
    for m in _western_after_cue(doc.rules).finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        if m.group(group).split()[0].lower() in _WHAT_ONE_IS:
            continue  # "저는 Korean이에요": what the speaker is, not who
        f = doc.finding(Kind.PERSON, m.start(group), m.end(group), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    found += _role_and_glossed(doc)
    for pattern in _western_patterns(doc.rules):
        for m in pattern.finditer(text):
            if m.group().split()[0].lower() in _GREETINGS:
                continue  # "Hello 님들", "Dear 선생님"
            f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
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
            head, _, tail = m.group().partition("-")
            if tail and head.lower() == tail.lower():
                continue  # "Yo-yo", "Bye-bye": a word said twice, no romanised name
            if m.group() in doc.rules.config.names.hanja_not_names:
                continue  # "韓國", "许多": everyday words in Chinese characters
            f = doc.finding(Kind.PERSON, m.start(), m.end(), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    return found


def _role_and_glossed(doc: Doc) -> list[Finding]:
    """A foreign name of two capitalised words after a word for what someone does, and a name spelt
    in Latin letters and glossed in Hangul (or the reverse) before a word that says it is one."""
    text = doc.text
    found = []
    for m in _ROLE_LATIN.finditer(text):
        words = m.group("name").lower().split()
        if words[0] in _WHAT_ONE_IS or words[0] in _GREETINGS or words[-1] in _NOT_PERSON_LAST:
            continue
        f = doc.finding(Kind.PERSON, m.start("name"), m.end("name"), 0.85, "person.lettered")
        if f is not None:
            found.append(f)
    for m in _GLOSSED.finditer(text):
        latin, hangul = ("latin", "hangul") if m.group("latin") else ("latin2", "hangul2")
        if len(m.group(latin).split()) != len(m.group(hangul).split()):
            continue  # one Hangul word for each Latin one: a transliteration
        words = m.group(latin).lower().split()
        if words[0] in _WHAT_ONE_IS or words[-1] in _NOT_PERSON_LAST:
            continue
        if _GLOSS_AFTER.match(text, m.end()) is None:
            continue
        if any(known_word(w) for w in m.group(hangul).split()):
            continue  # "서울(Seoul)": a word glossed, no name
        for group in (latin, hangul):
            f = doc.finding(Kind.PERSON, m.start(group), m.end(group), 0.85, "person.lettered")
            if f is not None:
                found.append(f)
    return found
