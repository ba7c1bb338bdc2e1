"""One spelling convention for the English edition: British, with -ise, and straight quotation marks
(editorial/README.md, "English spelling").

Every English text of the edition is read: the translations (editorial/NAME.en.txt) and every English field of
every editorial YAML file (a value under an `en` key, or a `match_en` list: titles, date evidence, summaries,
names, notes, tags, glossary, events). None may contain a US spelling from the lists below, an -ize/-yze form
(the convention writes -ise/-yse), a full stop after Mr, Mrs, Ms or Dr, or a curly quotation mark or apostrophe
(the convention writes " and ').
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

EDITORIAL = Path(__file__).resolve().parent.parent / "editorial"

# Established proper names keep the spelling their bearers use; they are taken out of a text before it is checked.
PROPER_NAMES = (
    "Popular Mobilization Forces",
    "Popular Mobilization Commission",
    "Popular Mobilization Units",
    "World Health Organization",
    "Department of Defense",
    "Secretary of Defense",
    "Israel Defense Forces",
)

# US spellings and the British form the edition writes instead (whole words, any letter case).
US_SPELLINGS = {
    # -or / -our
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "neighbor": "neighbour",
    "neighbors": "neighbours",
    "neighboring": "neighbouring",
    "neighborhood": "neighbourhood",
    "neighborhoods": "neighbourhoods",
    "color": "colour",
    "colors": "colours",
    "favor": "favour",
    "favors": "favours",
    "favored": "favoured",
    "favorable": "favourable",
    "favorite": "favourite",
    "honor": "honour",
    "honors": "honours",
    "honored": "honoured",
    "labor": "labour",
    "rumor": "rumour",
    "rumors": "rumours",
    "harbor": "harbour",
    "vigor": "vigour",
    "armor": "armour",
    "armored": "armoured",
    "endeavor": "endeavour",
    "endeavors": "endeavours",
    "humor": "humour",
    "valor": "valour",
    "candor": "candour",
    "fervor": "fervour",
    "savior": "saviour",
    # -er / -re
    "center": "centre",
    "centers": "centres",
    "centered": "centred",
    "theater": "theatre",
    "theaters": "theatres",
    "kilometer": "kilometre",
    "kilometers": "kilometres",
    "liter": "litre",
    "liters": "litres",
    "fiber": "fibre",
    "caliber": "calibre",
    "somber": "sombre",
    "specter": "spectre",
    "maneuver": "manoeuvre",
    "maneuvers": "manoeuvres",
    # -ense / -ence
    "defense": "defence",
    "defenses": "defences",
    "offense": "offence",
    "offenses": "offences",
    "pretense": "pretence",
    # -og / -ogue, -am / -amme
    "catalog": "catalogue",
    "dialog": "dialogue",
    "analog": "analogue",
    "program": "programme",
    "programs": "programmes",
    # doubled and single l
    "traveled": "travelled",
    "traveling": "travelling",
    "traveler": "traveller",
    "travelers": "travellers",
    "canceled": "cancelled",
    "canceling": "cancelling",
    "labeled": "labelled",
    "labeling": "labelling",
    "modeled": "modelled",
    "signaled": "signalled",
    "signaling": "signalling",
    "fueled": "fuelled",
    "fueling": "fuelling",
    "leveled": "levelled",
    "channeled": "channelled",
    "counseled": "counselled",
    "counselor": "counsellor",
    "marvelous": "marvellous",
    "jewelry": "jewellery",
    "fulfill": "fulfil",
    "fulfills": "fulfils",
    "fulfillment": "fulfilment",
    "enrollment": "enrolment",
    "installment": "instalment",
    "skillful": "skilful",
    "willful": "wilful",
    # others
    "gray": "grey",
    "mold": "mould",
    "plow": "plough",
    "toward": "towards",
    "afterward": "afterwards",
    "gotten": "got",
    "percent": "per cent",
}

# The -ize/-yze family the edition writes with -ise/-yse (organise, realise, stabilisation, analyse), found by
# pattern; words that end in -ize in every spelling are not part of it.
IZE = re.compile(r"\b[a-z]+(?:iz|yz)(?:e|es|ed|ing|ation|ations|er|ers)\b", re.IGNORECASE)
IZE_IN_BOTH = {
    "size",
    "sizes",
    "sized",
    "sizing",
    "oversized",
    "undersized",
    "downsize",
    "downsized",
    "downsizing",
    "prize",
    "prizes",
    "prized",
    "seize",
    "seizes",
    "seized",
    "seizing",
    "capsize",
    "capsized",
    "maize",
    "baize",
}
TITLE_WITH_STOP = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.")
US_WORDS = re.compile(r"\b(?:" + "|".join(sorted(US_SPELLINGS, key=len, reverse=True)) + r")\b", re.IGNORECASE)

# Typographic quotation marks, and the accents typed for an apostrophe, with the straight mark the edition writes.
STRAIGHT_FORM = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
}
CURLY_MARK = re.compile("[" + re.escape("".join(STRAIGHT_FORM)) + "]")
# Arabic quoted verbatim in «…» is the seed's text as printed, its own “…” included.
ARABIC_QUOTATION = re.compile(r"«[^«»]*»")


def english_fields(data, where: str):
    """(place, text) for every English value of a parsed YAML document."""
    if isinstance(data, dict):
        for key, value in data.items():
            place = f"{where}.{key}"
            if key == "en" or str(key).endswith("_en"):
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str):
                        yield place, text
            else:
                yield from english_fields(value, place)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from english_fields(item, f"{where}[{index}]")


def english_texts():
    """(place, text) for every English text of the edition."""
    for path in sorted(EDITORIAL.glob("*.en.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{number}", line
    for path in sorted(EDITORIAL.glob("*.yml")):
        yield from english_fields(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


def british_ise(word: str) -> str:
    """organization → organisation, analyze → analyse: the last z of the suffix becomes s."""
    head, z, tail = word.rpartition("z")
    return head + ("S" if z.isupper() else "s") + tail


def us_spellings(text: str) -> list[str]:
    """The US spellings (and US abbreviation stops) in a text, with the British form to write instead."""
    for name in PROPER_NAMES:
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    found = [f"{m.group()} → {US_SPELLINGS[m.group().lower()]}" for m in US_WORDS.finditer(text)]
    found += [
        f"{m.group()} → {british_ise(m.group())}" for m in IZE.finditer(text) if m.group().lower() not in IZE_IN_BOTH
    ]
    found += [f"{m.group()} → {m.group()[:-1]}" for m in TITLE_WITH_STOP.finditer(text)]
    return found


def curly_marks(text: str) -> list[str]:
    """The quotation marks and apostrophes of a text that are not straight, with the straight mark to write."""
    text = ARABIC_QUOTATION.sub(" ", text)
    return [f"{m.group()} → {STRAIGHT_FORM[m.group()]}" for m in CURLY_MARK.finditer(text)]


def test_the_edition_has_english_texts_to_check():
    places = [place for place, _ in english_texts()]
    assert any(place.endswith(".en.txt:1") for place in places), "no translation found"
    assert any(".en" in place for place in places), "no English field found in the editorial YAML files"


def test_no_us_spelling_in_any_english_text():
    wrong = [f"{place}: {', '.join(found)}" for place, text in english_texts() if (found := us_spellings(text))]
    assert not wrong, "US spellings in the English edition (see editorial/README.md):\n" + "\n".join(wrong)


def test_every_quotation_mark_and_apostrophe_is_straight():
    wrong = [f"{place}: {', '.join(found)}" for place, text in english_texts() if (found := curly_marks(text))]
    assert not wrong, "curly quotation marks in the English edition (see editorial/README.md):\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his meeting with \u201cBiden\u201d", ['\u201c → "', '\u201d → "']),
        ("Al-Kadhimi\u2019s visit", ["\u2019 → '"]),
        ("\u2018domestic dues\u2019", ["\u2018 → '", "\u2019 → '"]),
        ("Iraq`s and Iran\u00b4s", ["` → '", "\u00b4 → '"]),
        ("his meeting with \"Biden\"; al-Kadhimi's visit; 'domestic dues'", []),
        ("The original has «سيزور “واشنطن”», 'will visit Washington'", []),
        ("«سيزور “واشنطن”» and \u201cWashington\u201d", ['\u201c → "', '\u201d → "']),
    ],
)
def test_the_check_finds_curly_marks_and_spares_straight_ones_and_quoted_arabic(text, expected):
    assert curly_marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's subversive behavior", ["behavior → behaviour"]),
        ("to its Arab neighborhood", ["neighborhood → neighbourhood"]),
        ("the terrorist organization ISIS", ["organization → organisation"]),
        ("they analyzed and mobilized", ["analyzed → analysed", "mobilized → mobilised"]),
        ("Dr. Ahmed Anwar", ["Dr. → Dr"]),
        ("the Popular Mobilization Forces (PMF) organise", []),
        ("the size of the prize they seized", []),
        ("Iran's subversive behaviour; the organisation; stabilising; Dr Ahmed Anwar", []),
    ],
)
def test_the_check_finds_us_spellings_and_spares_british_ones_and_proper_names(text, expected):
    assert us_spellings(text) == expected
