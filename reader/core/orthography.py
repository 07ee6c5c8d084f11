"""Pinyin spelt by the national standard GB/T 16159-2012 (Basic rules of Hanyu Pinyin orthography).

The readings of a word come from three places (the glossary, CC-CEDICT, pypinyin), each with
its own habits: CC-CEDICT capitalises months and writes 中美 as two names, pypinyin marks the
sandhi tone of 一, the glossary was typed by hand. ``spell`` is the one step all of them pass
through after the readings are chosen, so the same word is always written the same way. It
takes the word's characters and a draft reading (syllables with spaces, hyphens or nothing
between them) and applies the standard's rules that can be decided from the characters:

* citation tones, no sandhi: 一 is yī, 不 is bù (6.5: 标原调，不标变调); 〇 is líng;
* numerals apart from the measure word or noun that follows (6.1.5.3: liǎng gè rén, èrshíwǔ
  rì), whole numbers from 11 to 99 joined and digit strings read digit by digit; 第 takes a
  hyphen before its numeral (6.1.5.2: dì-yī, dì-shísān); months are nouns, lower case;
* 这/那/哪 and 各/每/某 apart from the noun or measure word after them (6.1.6.2-3: zhè rén,
  gè guó, měi nián), but 这些, 这样, 某些 … are words;
* single-syllable prefixes and suffixes join their word (6.1.2.5: fēijīnshǔ, kēxuéxìng);
* four-character idioms that divide 2+2 take a hyphen (6.1.9: fēngpíng-làngjìng); those
  that do not (总而言之) are written whole;
* one-syllable names side by side are a coordinate abbreviation, hyphenated (中俄 Zhōng-É).

A draft it cannot align with the characters (wrong syllable count) is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Bump when the rules change: caches holding spelt pinyin are then rebuilt.
ORTHOGRAPHY_VERSION = "3"

_TONES = {
    "ā": "a", "á": "a", "ǎ": "a", "à": "a",
    "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i",
    "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u",
    "ǖ": "ü", "ǘ": "ü", "ǚ": "ü", "ǜ": "ü",
}  # fmt: skip
_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")
_FINALS = sorted(
    [
        "a",
        "o",
        "e",
        "ê",
        "i",
        "u",
        "ü",
        "ai",
        "ei",
        "ao",
        "ou",
        "an",
        "en",
        "ang",
        "eng",
        "ong",
        "er",
        "ia",
        "ie",
        "iao",
        "iu",
        "ian",
        "in",
        "iang",
        "ing",
        "iong",
        "ua",
        "uo",
        "uai",
        "ui",
        "uan",
        "un",
        "uang",
        "ueng",
        "üe",
        "ue",
        "üan",
        "ün",
    ],
    key=len,
    reverse=True,
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3007]")
_LETTERS = re.compile(r"[^\W\d_]+")

_DIGITS = frozenset("〇零一二三四五六七八九两")
_NUMERALS = _DIGITS | frozenset("十百千万亿")
_MEASURES = frozenset("个种次项轮年月日天位名条件类只张份批届号周岁倍")
_DEMONSTRATIVES = frozenset("这那哪")
_DEMONSTRATIVE_WORDS = frozenset("些么样般里边个会儿")  # 这些, 这样 … are words (6.1.6.2)
_DETERMINERS = frozenset("各每某")
#: Words that begin with one of these but are not "determiner + noun": conjunctions and
#: pronouns of their own.
_WHOLE_WORDS = frozenset({"某些", "各自", "各位", "每每", "某某", "每当", "哪怕"})
#: 无 is left out: as often a verb ("without": 无化学武器世界 wú huàxué wǔqì shìjiè) as a
#: prefix, and the characters cannot tell which.
_PREFIXES = frozenset("非反超副总可")
_SUFFIXES = frozenset("性化者员家们")
#: The standard's examples of idioms that do not divide 2+2, and the pattern most of them
#: share (a function word second: 总而言之, 不亦乐乎).
_WHOLE_IDIOMS = frozenset({"不亦乐乎", "总而言之", "爱莫能助", "一衣带水"})
_WHOLE_IDIOM_SECOND = frozenset("而亦之")
_MONTH = re.compile(r"^(?:[一二三四五六七八九十]|十[一二])月$")


def spell(hanzi: str, draft: str, is_idiom: Callable[[str], bool] | None = None) -> str:
    """``draft`` (the chosen reading of ``hanzi``) written by the standard's rules.

    ``is_idiom`` says whether a four-character word is a set idiom (CC-CEDICT marks them);
    without it, only a four-syllable unit already written as one word is taken for one."""
    characters = [c for c in hanzi if _HAN.match(c)]
    parsed = _parse(draft)
    if parsed is None or len(parsed[0]) != len(characters) or not characters:
        return draft
    syllables, seps = parsed
    _citation_tones(characters, syllables)
    if _MONTH.match(hanzi):
        syllables[:] = [s.lower() for s in syllables]
    _numerals(characters, syllables, seps)
    _determiners(characters, syllables, seps)
    _affixes(characters, seps)
    _idioms(hanzi, characters, syllables, seps, is_idiom)
    _coordinate_names(hanzi, syllables, seps)
    return _render(syllables, seps)


def syllables_of(hanzi: str, reading: str) -> list[str] | None:
    """One syllable per Chinese character of ``hanzi``, read off ``reading``; None when
    they do not fit. Lets a caller say how one character of a word is read in it."""
    parsed = _parse(reading)
    count = len(_HAN.findall(hanzi))
    return parsed[0] if parsed is not None and len(parsed[0]) == count else None


# -- reading the draft -----------------------------------------------------------------------


def _parse(draft: str) -> tuple[list[str], list[str]] | None:
    """Syllables, and what stands between each pair ("" when written together)."""
    syllables: list[str] = []
    seps: list[str] = []
    position = 0
    for match in _LETTERS.finditer(draft):
        between = draft[position : match.start()]
        chunk = _syllabify(match.group())
        if chunk is None:
            return None
        if syllables:
            seps.append("" if between in {"'", "’"} else between)
        elif between.strip():
            return None
        syllables.extend(chunk)
        seps.extend([""] * (len(chunk) - 1))
        position = match.end()
    if draft[position:].strip():
        return None
    return syllables, seps


def _syllabify(chunk: str) -> list[str] | None:
    """Split a written word into syllables; after the first, a syllable starts with a
    consonant (the apostrophe marks the others), which removes the ambiguity."""
    plain = "".join(_TONES.get(c, c) for c in chunk.lower()).replace("v", "ü")

    def split(start: int) -> list[int] | None:
        if start == len(plain):
            return []
        for size in range(min(6, len(plain) - start), 0, -1):
            if _is_syllable(plain[start : start + size], first=start == 0):
                rest = split(start + size)
                if rest is not None:
                    return [start + size, *rest]
        return None

    ends = split(0)
    if ends is None:
        return None
    starts = [0, *ends[:-1]]
    return [chunk[s:e] for s, e in zip(starts, ends, strict=True)]


def _is_syllable(text: str, first: bool) -> bool:
    for initial in _INITIALS:
        if text.startswith(initial) and text[len(initial) :] in _FINALS:
            return True
    return first and text in _FINALS


# -- the rules -------------------------------------------------------------------------------


def _citation_tones(characters: list[str], syllables: list[str]) -> None:
    for index, char in enumerate(characters):
        citation = {"一": "yī", "不": "bù", "〇": "líng"}.get(char)
        current = syllables[index]
        if char == "不" and current.lower() not in {"bú", "bù"}:
            continue  # a neutral bu (打不得) is the word's own tone, not sandhi
        if citation:
            syllables[index] = _same_case(current, citation)


def _numerals(characters: list[str], syllables: list[str], seps: list[str]) -> None:
    index = 0
    while index < len(characters):
        if characters[index] not in _NUMERALS:
            index += 1
            continue
        end = index
        while end < len(characters) and characters[end] in _NUMERALS:
            end += 1
        run = characters[index:end]
        measure = end < len(characters) and characters[end] in _MEASURES
        if measure and _MONTH.match("".join(characters[index : end + 1])):
            measure = False  # 六月 is a noun (June), not six of anything
        ordinal = index > 0 and characters[index - 1] == "第"
        if ordinal or measure or (len(run) == len(characters) and run[0] in _DIGITS | {"十"}):
            _number(run, index, seps)
        if ordinal and seps[index - 1] == "":
            seps[index - 1] = "-"
        if measure:
            if index > 0 and not ordinal and seps[index - 1] == "":
                seps[index - 1] = " "
            _apart(end - 1, syllables, seps)
            if characters[end] == "个":
                syllables[end] = _same_case(syllables[end], "gè")
        index = end


def _number(run: list[str], start: int, seps: list[str]) -> None:
    """Within a numeral: 11-99 together; thousands, hundreds and the rest apart
    (sānqiān wǔbǎi liùshísì); a string of digits (二〇一六) digit by digit."""
    if len(run) < 2:
        return
    if all(c in _DIGITS for c in run):
        for offset in range(len(run) - 1):
            seps[start + offset] = " "
        return
    for offset, char in enumerate(run[:-1]):
        if seps[start + offset] in {"", " "}:
            seps[start + offset] = " " if char in "千百亿万" else ""


def _determiners(characters: list[str], syllables: list[str], seps: list[str]) -> None:
    for index in _unit_starts(seps):
        if index + 1 >= len(characters) or seps[index] != "":
            continue
        char, following = characters[index], characters[index + 1]
        pair = char + following
        if pair in _WHOLE_WORDS:
            continue
        if (char in _DEMONSTRATIVES and following not in _DEMONSTRATIVE_WORDS) or (
            char in _DETERMINERS
        ):
            seps[index] = " "
            if following == "个":
                syllables[index + 1] = _same_case(syllables[index + 1], "gè")


def _affixes(characters: list[str], seps: list[str]) -> None:
    """A prefix or suffix written as a word of its own joins its neighbour."""
    for index in range(len(characters)):
        alone = (index == 0 or seps[index - 1] != "") and (
            index == len(characters) - 1 or seps[index] != ""
        )
        if not alone:
            continue
        if characters[index] in _PREFIXES and index < len(seps) and seps[index] == " ":
            seps[index] = ""
        elif characters[index] in _SUFFIXES and index > 0 and seps[index - 1] == " ":
            seps[index - 1] = ""


def _idioms(
    hanzi: str,
    characters: list[str],
    syllables: list[str],
    seps: list[str],
    is_idiom: Callable[[str], bool] | None,
) -> None:
    if len(hanzi) == 4 and len(characters) == 4 and is_idiom is not None:
        # The caller knows (CC-CEDICT's mark): a word it does not mark is no idiom, however
        # the draft writes it (国际社会 guójìshèhuì from CC-CEDICT is not guójì-shèhuì).
        if is_idiom(hanzi):
            seps[:] = ["", "-", ""] if _divides(characters) else ["", "", ""]
        return
    for start in _unit_starts(seps):
        end = start
        while end < len(seps) and seps[end] == "":
            end += 1
        unit = characters[start : end + 1]
        if (
            len(unit) == 4
            and _divides(unit)
            and not syllables[start][:1].isupper()
            and unit[0] not in _PREFIXES
            and unit[-1] not in _SUFFIXES
            and not set(unit) & _NUMERALS
        ):
            seps[start + 1] = "-"


def _coordinate_names(hanzi: str, syllables: list[str], seps: list[str]) -> None:
    """One-syllable names side by side are a coordinate abbreviation: 中俄 Zhōng-É, and
    also at the head of a longer word, 亚太地区 Yà-Tài dìqū (as 中美关系 Zhōng-Měi guānxì):
    CC-CEDICT and the glossary write such heads as separate capitalised syllables."""
    if len(hanzi) != len(syllables):
        return
    run = 0
    while (
        run < len(syllables)
        and syllables[run][:1].isupper()
        and (run == len(seps) or seps[run] == " ")
    ):
        run += 1
    if run > 1:
        seps[: run - 1] = ["-"] * (run - 1)


def _divides(characters: list[str]) -> bool:
    text = "".join(characters)
    return text not in _WHOLE_IDIOMS and characters[1] not in _WHOLE_IDIOM_SECOND


# -- helpers ---------------------------------------------------------------------------------


def _unit_starts(seps: list[str]) -> list[int]:
    """Where each written word starts (after a space, a hyphen or punctuation)."""
    return [0] + [index + 1 for index, sep in enumerate(seps) if sep != ""]


def _apart(index: int, syllables: list[str], seps: list[str]) -> None:
    """Write a space after syllable ``index``; inside a capitalised name the word that
    starts there is capitalised too (Dì-yī Cì)."""
    if index >= len(seps) or seps[index] not in {"", "-"}:
        return
    seps[index] = " "
    start = max(i for i in [0, *[j + 1 for j, s in enumerate(seps[:index]) if s == " "]])
    if syllables[start][:1].isupper():
        syllables[index + 1] = syllables[index + 1][:1].upper() + syllables[index + 1][1:]


def _same_case(current: str, citation: str) -> str:
    return citation[:1].upper() + citation[1:] if current[:1].isupper() else citation


def _render(syllables: list[str], seps: list[str]) -> str:
    out = syllables[0]
    for sep, syllable in zip(seps, syllables[1:], strict=True):
        if sep == "" and syllable[:1].lower() in "aāáǎàoōóǒòeēéěè":
            sep = "'"
        out += sep + syllable
    return out
