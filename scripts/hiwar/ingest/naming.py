"""What a seed's file name gives: the article's id (its URL slug) and the names of its editorial files.

The slug rule (documented in editorial/README.md): the name without `.txt`, NFKC-normalised and
lower-cased; letters (with their marks), digits, `_` and `-` are kept, every other run of characters
becomes one `-`, and so does a run of `-`; `-` and `_` are trimmed at both ends; at most SLUG_MAX
characters. `000_683b6dac8a733867.txt` → `000_683b6dac8a733867`; `Kadhimi in Washington!.txt` →
`kadhimi-in-washington`. Links and page paths are made from the slug only, never from the file name.
"""

from __future__ import annotations

import re
import unicodedata

from hiwar.model.languages import translation_languages

SEED_SUFFIX = ".txt"
METADATA_SUFFIX = ".yml"
SHARED_FILES = ("tags.yml", "events.yml", "names.yml", "glossary.yml")  # editorial files that belong to no one article
NAME_MAX_BYTES = 255  # the longest file name ext4, XFS, APFS and NTFS all take (in UTF-8 bytes, or fewer)
SLUG_MAX = 80
# An id MkDocs gives a meaning of its own: articles/index.md would be the page of the articles/ folder itself.
RESERVED_IDS = ("index",)

HYPHEN_RUN = re.compile("-{2,}")


def _kept_in_slug(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch in "-_" or category[0] in "LM" or category == "Nd"


def slug(stem: str) -> str:
    """The article id and URL path segment made from a seed's name without `.txt` ("" when nothing is left)."""
    text = unicodedata.normalize("NFKC", stem).lower()
    text = "".join(ch if _kept_in_slug(ch) else "-" for ch in text)
    text = HYPHEN_RUN.sub("-", text).strip("-_")
    return text[:SLUG_MAX].rstrip("-_")


def metadata_name(stem: str) -> str:
    return f"{stem}{METADATA_SUFFIX}"


def translation_name(stem: str, lang: str) -> str:
    return f"{stem}.{lang}{SEED_SUFFIX}"


def editorial_names(stem: str, languages: tuple[str, ...]) -> list[str]:
    """The editorial files a seed may have: its metadata, then a translation per non-source edition language."""
    return [metadata_name(stem), *(translation_name(stem, lang) for lang in translation_languages(languages))]


def seed_name_problem(name: str, languages: tuple[str, ...]) -> str | None:
    """Why a seed's (valid, .txt) file name cannot be used, or None."""
    stem = name[: -len(SEED_SUFFIX)]
    article_id = slug(stem)
    if not article_id:
        return "its name gives an empty article id (the URL is made from the letters and digits of the name); rename it"
    if article_id in RESERVED_IDS:
        return (
            f'its name gives the article id "{article_id}", the name MkDocs keeps for a folder\'s own page; rename it'
        )
    for derived in editorial_names(stem, languages):
        size = len(derived.encode("utf-8"))
        if size > NAME_MAX_BYTES:
            return (
                f"its name is too long ({len(name.encode('utf-8'))} bytes): its editorial file "
                f"NAME{derived[len(stem) :]} would be {size} bytes, over the {NAME_MAX_BYTES} a file name may have; "
                "shorten it"
            )
        if derived in SHARED_FILES:
            return f"its metadata would be editorial/{derived}, the shared file of that name; rename the seed"
    return None


def translation_language(name: str, languages: tuple[str, ...]) -> str | None:
    """The edition language of an editorial translation file's name (NAME.<lang>.txt), or None."""
    for lang in translation_languages(languages):
        if name.endswith(f".{lang}{SEED_SUFFIX}") and len(name) > len(lang) + len(SEED_SUFFIX) + 1:
            return lang
    return None


def looks_editorial(name: str, languages: tuple[str, ...]) -> bool:
    """True for names of the kinds an article's editorial files have: NAME.yml and NAME.<lang>.txt."""
    return name.endswith(METADATA_SUFFIX) or translation_language(name, languages) is not None


def stem_of_editorial(name: str, languages: tuple[str, ...]) -> str:
    lang = translation_language(name, languages)
    suffix = f".{lang}{SEED_SUFFIX}" if lang else METADATA_SUFFIX
    return name[: -len(suffix)]
