"""The languages of the site: every seed is written in the source language; each edition is one language.

The conversion is handed the tuple of edition languages, the source language first; this is the default.
"""

from __future__ import annotations

SOURCE_LANGUAGE = "ar"
EDITION_LANGUAGES = ("ar", "en")


def translation_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The editions that need a translation: every language but the source's."""
    return tuple(lang for lang in languages if lang != SOURCE_LANGUAGE)
