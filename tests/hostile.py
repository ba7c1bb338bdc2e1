"""A project whose every input field holds a given string, and what tests read of the site built from it.

`Fields` names every place untrusted text goes: the lines of two seeds (one edited, one left to automatic values),
their file names, every field of NAME.yml, the translation's lines, and every field of tags.yml, names.yml,
events.yml and glossary.yml. `write_project` lays the fields out in real files around fixed text that gives every
feature of the site something to show (a byline, a date line, headings, lists, a glossed term, a name in the index,
an event in the timeline, an editor's note marked at its phrase), so that the same project with benign strings in
the same places is the yardstick a hostile one is measured against.
"""

from __future__ import annotations

import dataclasses
import html.parser
import json
import os
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from conftest import ROOT, make_project

# Fixed words the fields are placed around: each makes a feature appear whatever the field holds.
NAME_WORD = "زيدونيوس"  # a name of names.yml (its variant), so the index lists it
GLOSS_WORD = "البرلمانيوس"  # a term of glossary.yml, glossed at its first use
GLOSS_WORD_EN = "parliamentarius"
EVENT_WORDS = ("الاجتماعيوس", "الثلاثيوس")  # an event of events.yml: mentioned when both are in one sentence
TAG_WORD = "السياديوس"  # a topic of tags.yml (the edited seed also names it in NAME.yml)
# Three paragraphs that say different things (a paragraph repeating another is left out as a pull-quote).
FILLERS = (
    "عقدت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة عبر الاتصال المرئي، وناقش الجانبان "
    "مستقبل القوات الأمريكية في العراق وسبل تعزيز التعاون الاقتصادي والثقافي بين البلدين.",
    "وأكد الطرفان أن مهمة القوات تحولت إلى التدريب والمشورة، وأن الحكومة العراقية مسؤولة عن حماية المنشآت "
    "والبعثات الدبلوماسية على أراضيها، في ظل ضغوط سياسية متزايدة داخل البرلمان.",
    "ويرى مراقبون أن نتائج الجولة ستبقى رهينة التوازن بين بغداد وطهران وواشنطن، وأن الانتخابات المقبلة قد تغير "
    "حسابات القوى السياسية تجاه الوجود الأجنبي.",
)
FILLER = FILLERS[0]
FILLERS_EN = (
    "The third round of the strategic dialogue between Iraq and the United States was held by video link, and the "
    "two sides discussed the future of US forces in Iraq and ways to strengthen cooperation.",
    "Both sides stressed that the forces' mission had turned to training and advice, and that the Iraqi government "
    "is responsible for protecting the facilities and diplomatic missions on its soil.",
    "Observers believe the results of the round will depend on the balance between Baghdad, Tehran and Washington, "
    "and that the coming elections may change the calculations of the political forces.",
)
FILLER_EN = FILLERS_EN[0]
DATE_LINE = "03/05/2021"

# Characters no file name can hold (the file system refuses them).
NOT_IN_FILE_NAMES = "/\0"
# Line breaks of a seed or a translation (seed.py LINE_BREAKS): in a line's field they would start another line.
LINE_BREAKS = "\r\n\x85\u2028\u2029"


@dataclass(frozen=True)
class Fields:
    # the edited seed (A): its lines, and its translation's
    a_name: str
    a_title_line: str
    a_byline: str
    a_paragraph: str
    a_heading: str
    a_item: str
    a_note_at: str  # a phrase of ¶1, where the editor's note is marked (in the seed and in NAME.yml)
    a_en_title_line: str
    a_en_paragraph: str
    a_en_heading: str
    a_en_item: str
    a_en_note_at: str
    # NAME.yml of A
    title_ar: str
    title_en: str
    evidence_ar: str
    evidence_en: str
    author_ar: str
    author_en: str
    publisher_ar: str
    publisher_en: str
    summary_ar: str
    summary_en: str
    entity_ar: str
    entity_en: str
    entity_variant: str
    note_ar: str
    note_en: str
    # the seed left to automatic values (B): no NAME.yml, no translation
    b_name: str
    b_title_line: str
    b_byline: str
    b_date_line: str  # after the date
    b_paragraph: str
    b_heading: str
    b_item: str
    b_teaser: str  # a "read also" line the reader leaves out (in build/report.txt)
    # shared editorial files
    tag_ar: str
    tag_en: str
    tag_match: str
    name_ar: str
    name_en: str
    name_variant: str
    name_ambiguous: str
    event_ar: str
    event_en: str
    event_match: str
    office_ar: str  # an office term's labels (named where a page explains an automatic date)
    office_en: str
    office_match: str
    office_former: str
    gloss_ar: str
    gloss_en: str
    gloss_match: str
    gloss_match_en: str
    definition_ar: str
    definition_en: str


FIELD_NAMES = [f.name for f in dataclasses.fields(Fields)]


def benign() -> Fields:
    """Plain words in every field: Arabic where Arabic goes, English in English fields, a word in file names."""
    values = {}
    for name in FIELD_NAMES:
        english = "_en_" in name or name.endswith("_en")
        values[name] = "plain words" if english else "كلمات عادية"
    values.update(a_name="aalpha", b_name="beta", b_date_line="", a_byline="علي حسن", b_byline="سعيد جابر")
    return Fields(**values)


def one_line(text: str) -> str:
    """A field that is one line of a line-based file (a seed or its translation): its line breaks as spaces."""
    return "".join(" " if ch in LINE_BREAKS else ch for ch in seed_text(text))


def seed_text(text: str) -> str:
    """A field as seed text: without NUL, which makes a seed a binary file (refused, tests/test_bad_input.py)."""
    return text.replace("\0", "")


def a_seed_name(fields: Fields) -> str:
    return fields.a_name + ".txt"


def b_seed_name(fields: Fields) -> str:
    return fields.b_name + ".txt"


def seed_a(f: Fields) -> str:
    lines = [
        f"مستقبل {f.a_title_line} الحوار",  # a title line: short, and no sentence end whatever the field holds
        f"بقلم {f.a_byline}",
        DATE_LINE,
        f"{FILLER} قال {NAME_WORD} إن {GLOSS_WORD} ناقش {TAG_WORD} {f.a_paragraph} وأضاف {f.a_note_at} في "
        f"{EVENT_WORDS[0]} {EVENT_WORDS[1]} أمس.",
        f"دوافع {f.a_heading}",
        FILLERS[1],
        f"  • بند {f.a_item} أول",
        "  • بند ثان في القائمة",
        FILLERS[2],
    ]
    return "\n\n".join(one_line(line) for line in lines) + "\n"


def translation_a(f: Fields) -> str:
    lines = [
        f"The future of the dialogue {f.a_en_title_line}",
        f"By {f.a_byline}",
        "3 May 2021",
        f"{FILLER_EN} {GLOSS_WORD_EN} said {f.a_en_paragraph} and added {f.a_en_note_at} yesterday.",
        f"Motives {f.a_en_heading}",
        FILLERS_EN[1],
        f"  • Item {f.a_en_item} one",
        "  • A second item in the list",
        FILLERS_EN[2],
    ]
    return "\n\n".join(one_line(line) for line in lines) + "\n"


def metadata_a(f: Fields) -> dict:
    return {
        "title": {"ar": f.title_ar, "en": f.title_en},
        "date": {"value": "2021-05-03", "evidence": {"ar": f.evidence_ar, "en": f.evidence_en}},
        "author": {"ar": f.author_ar, "en": f.author_en},
        "publisher": {"ar": f.publisher_ar, "en": f.publisher_en},
        "summary": {"ar": f.summary_ar, "en": f.summary_en},
        "tags": ["hostile-topic"],
        "entities": [
            {"kind": "person", "ar": f.entity_ar, "en": f.entity_en, "variants": [NAME_WORD, f.entity_variant]}
        ],
        "notes": [
            {
                "kind": "editor",
                "paragraph": 1,
                "at": {"ar": f.a_note_at, "en": f.a_en_note_at},
                "text": {"ar": f.note_ar, "en": f.note_en},
            }
        ],
    }


def seed_b(f: Fields) -> str:
    lines = [
        f"قراءة في {f.b_title_line} نتائج الحوار",
        f"بقلم {f.b_byline}",
        f"{DATE_LINE}{f.b_date_line}",
        f"{FILLER} {f.b_paragraph} {NAME_WORD} {GLOSS_WORD}.",
        f"اقرأ أيضاً: {f.b_teaser}",
        f"الخلاصة {f.b_heading}",
        FILLERS[1],
        f"  • بند {f.b_item}",
        f"    • بند فرعي {f.b_item}",
        FILLERS[2],
    ]
    return "\n\n".join(seed_text(line) for line in lines) + "\n"


# Plain seeds that name the name of names.yml too: mentioned by more articles than the index lists, it gets a page.
PLAIN_SEEDS = {
    f"zz-plain-{n}.txt": f"مقال عادي رقم {n}\n\n{FILLERS[n % 3]} وقال {NAME_WORD} إن الحوار مستمر.\n" for n in range(4)
}


def shared_files(f: Fields) -> dict[str, dict]:
    return {
        "tags.yml": {"hostile-topic": {"ar": f.tag_ar, "en": f.tag_en, "match": [TAG_WORD, f.tag_match]}},
        "names.yml": {
            "names": [
                {
                    "id": "hostile-name",
                    "kind": "person",
                    "ar": f.name_ar,
                    "en": f.name_en,
                    "variants": [NAME_WORD, f.name_variant],
                    "ambiguous": [f.name_ambiguous],
                }
            ]
        },
        "events.yml": {
            "events": [
                {
                    "id": "hostile-event",
                    "date": "2021-05-02",
                    "ar": f.event_ar,
                    "en": f.event_en,
                    "match": [list(EVENT_WORDS), [f.event_match]],
                    "round": True,
                }
            ],
            "terms": [
                {
                    "id": "hostile-office",
                    "from": "2021-01-20",
                    "to": "2025-01-20",
                    "ar": f.office_ar,
                    "en": f.office_en,
                    "match": [f.office_match],
                    "former": [f.office_former],
                }
            ],
        },
        "glossary.yml": {
            "terms": [
                {
                    "id": "hostile-gloss",
                    "ar": f.gloss_ar,
                    "en": f.gloss_en,
                    "match": [GLOSS_WORD, f.gloss_match],
                    "match_en": [GLOSS_WORD_EN, f.gloss_match_en],
                    "definition": {"ar": f.definition_ar, "en": f.definition_en},
                }
            ]
        },
    }


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)


def write_inputs(base: Path, f: Fields) -> tuple[Path, Path]:
    """seeds/ and editorial/ folders under base holding the fields."""
    seeds, editorial = base / "seeds", base / "editorial"
    seeds.mkdir()
    editorial.mkdir()
    a_stem = a_seed_name(f)[:-4]
    _write(seeds / a_seed_name(f), seed_a(f))
    _write(seeds / b_seed_name(f), seed_b(f))
    for name, text in PLAIN_SEEDS.items():
        _write(seeds / name, text)
    _write(editorial / f"{a_stem}.yml", dump(metadata_a(f)))
    _write(editorial / f"{a_stem}.en.txt", translation_a(f))
    for name, data in shared_files(f).items():
        _write(editorial / name, dump(data))
    return seeds, editorial


def _write(path: Path, text: str) -> None:
    # os.fsencode: a name may hold bytes that are not UTF-8 (surrogate escapes), as a file system hands them over.
    with open(os.fsencode(path), "wb") as stream:
        stream.write(text.encode("utf-8"))


def write_project(base: Path, f: Fields) -> Path:
    """A copy of the site's configuration (conftest.make_project) around the fields' seeds and editorial files."""
    inputs = base / "inputs"
    inputs.mkdir()
    seeds, editorial = write_inputs(inputs, f)
    project = make_project(base, seeds)
    for name in os.listdir(os.fsencode(editorial)):
        shutil.copy(os.fsencode(editorial) + b"/" + name, os.fsencode(project / "editorial") + b"/" + name)
    return project


# ---- reading what was built --------------------------------------------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "srcdoc",
    "poster",
    "data",
    "codebase",
    "cite",
    "background",
    "xlink:href",
    "srcset",
    "ping",
    "manifest",
    "icon",
}
SAFE_SCHEMES = {"http", "https", "mailto"}


class Structure(html.parser.HTMLParser):
    """The elements and (element, attribute) pairs of pages, and every URL-valued attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        self.urls: list[tuple[str, str, str]] = []  # (element, attribute, value as the browser reads it)
        self.handlers: list[tuple[str, str, str]] = []
        self.page = ""

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        for name, value in attrs:
            self.pairs.add((tag, name))
            if name.startswith("on"):
                self.handlers.append((self.page, tag, name))
            if name in URL_ATTRIBUTES:
                self.urls.append((self.page, f"{tag}[{name}]", value or ""))

    handle_startendtag = handle_starttag

    def read(self, page: Path, root: Path) -> None:
        self.page = page.relative_to(root).as_posix()
        self.reset()
        self.feed(page.read_text(encoding="utf-8"))
        self.close()


def structure(site: Path) -> Structure:
    seen = Structure()
    for page in sorted(site.rglob("*.html")):
        seen.read(page, site)
    return seen


def scheme(url: str) -> str | None:
    """The scheme a browser reads in an attribute value (the URL standard: edge C0 controls and spaces stripped, tabs
    and newlines removed anywhere), or None for a relative URL."""
    cleaned = "".join(
        ch
        for ch in url.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13"
            "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
        )
        if ch not in "\t\n\r"
    )
    head, colon, _ = cleaned.partition(":")
    if not colon or not head or not head[0].isascii() or not head[0].isalpha():
        return None
    if not all(ch.isascii() and (ch.isalnum() or ch in "+-.") for ch in head):
        return None  # a colon after a "/", "?" or "#": part of a relative URL
    return head.lower()


def unsafe_urls(seen: Structure) -> list[tuple[str, str, str]]:
    """URLs with a scheme other than http(s) or mailto, and any srcdoc at all (a document in an attribute)."""
    found = []
    for page, where, value in seen.urls:
        if where.endswith("[srcdoc]"):
            found.append((page, where, value))
        elif where.endswith("[srcset]"):
            candidates = [c.strip().split(" ")[0] for c in value.split(",") if c.strip()]
            found += [(page, where, c) for c in candidates if scheme(c) not in (None, *SAFE_SCHEMES)]
        elif scheme(value) not in (None, *SAFE_SCHEMES):
            found.append((page, where, value))
    return found


def files_under(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple]:
    """Every entry under root (links not followed), with what it is: a file's bytes, a link's target, a folder."""
    found = {}
    for folder, dirs, names in os.walk(os.fsencode(root)):
        here = Path(os.fsdecode(folder))
        if any(here == s or s in here.parents for s in skip):
            dirs[:] = []
            continue
        for name in dirs + names:
            path = os.path.join(folder, name)
            key = os.fsdecode(os.path.relpath(path, os.fsencode(root)))
            if Path(os.fsdecode(path)) in skip:
                continue
            if os.path.islink(path):
                found[key] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                found[key] = ("folder",)
            else:
                with open(path, "rb") as stream:
                    found[key] = ("file", stream.read())
    return found


def outside_snapshot() -> dict[str, tuple]:
    """What a build must never write into: this repository's sources, its assets and its docs (a project made by
    make_project links to them)."""
    found = {}
    for top in (
        "README.md",
        "mkdocs.yml",
        "Makefile",
        "docs",
        "overrides",
        "seeds",
        "editorial",
        "scripts/hiwar",
        "build/assets",
    ):
        path = ROOT / top
        if path.is_file():
            found[top] = (path.stat().st_size, path.stat().st_mtime_ns)
        else:
            for file in path.rglob("*"):
                if "__pycache__" not in file.parts:
                    stat = file.lstat()
                    found[file.relative_to(ROOT).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def problem_lines(stderr: str) -> list[str]:
    """The problems a failed build reported (MkDocs prints them as `ERROR    -  FILE: what is wrong`)."""
    return [line.split("-  ", 1)[1] for line in stderr.splitlines() if line.startswith("ERROR")]


UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def printable(line: str) -> bool:
    return not any(unicodedata.category(ch) in UNPRINTABLE for ch in line)


def feed(site: Path, prefix: str = "") -> dict:
    return json.loads((site / prefix / "feed.json").read_text(encoding="utf-8"))


def article_dirs(site: Path, prefix: str = "") -> list[Path]:
    return sorted(p for p in (site / prefix / "articles").iterdir() if p.is_dir())


def url_of(site: Path, page: Path) -> str:
    return urlsplit(page.relative_to(site).as_posix()).path


# ---- the EPUB editions (site/downloads/hiwar-<lang>.epub) -------------------------------------------------------------
EPUB_XML = (".xhtml", ".opf", ".xml")


def _local(name: str) -> str:
    """An element's or attribute's name with its namespace as a prefix a reader recognises (epub:type, xml:lang)."""
    prefixes = {
        "http://www.idpf.org/2007/ops": "epub:",
        "http://www.w3.org/XML/1998/namespace": "xml:",
        "http://purl.org/dc/elements/1.1/": "dc:",
    }
    if name.startswith("{"):
        uri, local = name[1:].split("}", 1)
        return prefixes.get(uri, "") + local
    return name


def epub_structure(site: Path) -> Structure:
    """The elements, (element, attribute) pairs and URL attributes of every XML document of every book, each
    document parsed as XML (lxml: a book a reader can open is well-formed)."""
    from lxml import etree

    seen = Structure()
    for book in sorted((site / "downloads").glob("*.epub")):
        with zipfile.ZipFile(book) as opened:
            assert opened.namelist()[0] == "mimetype"
            for name in opened.namelist():
                if not name.endswith(EPUB_XML):
                    continue
                root = etree.fromstring(opened.read(name))
                page = f"{book.name}/{name}"
                for element in root.iter(etree.Element):
                    tag = _local(element.tag)
                    seen.elements.add(tag)
                    for attribute, value in element.attrib.items():
                        attribute = _local(attribute)
                        seen.pairs.add((tag, attribute))
                        if attribute.startswith("on"):
                            seen.handlers.append((page, tag, attribute))
                        if attribute in URL_ATTRIBUTES:
                            seen.urls.append((page, f"{tag}[{attribute}]", value))
    return seen


def epub_articles(site: Path, lang: str) -> dict[str, "object"]:
    """The article documents of an edition's book, by their title as a reader reads it (runs of spaces as one)."""
    from lxml import etree

    found = {}
    with zipfile.ZipFile(site / "downloads" / f"hiwar-{lang}.epub") as opened:
        for name in opened.namelist():
            if "/article-" in name:
                root = etree.fromstring(opened.read(name))
                title = root.find(".//{http://www.w3.org/1999/xhtml}h1")
                found[" ".join("".join(title.itertext()).split())] = root
    return found
