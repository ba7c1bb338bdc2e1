"""An edition: one language's rendering of the site (Arabic at the root, English under /en/)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hiwar.model.dates import DateValue
from hiwar.site.dateformat import format_date, load_dates, precision_label


@dataclass(frozen=True)
class Edition:
    lang: str
    dir: str
    words_per_minute: int
    labels: dict[str, str]
    dates: Mapping = field(init=False, repr=False)  # the `dates:` section of languages/<lang>.yml

    def __post_init__(self):
        object.__setattr__(self, "dates", load_dates(self.lang))

    def format_date(self, date: DateValue | None) -> str:
        return format_date(date, self.dates)

    def date_precision(self, date: DateValue | None) -> str | None:
        return precision_label(date, self.dates)

    def reading_time(self, minutes: int) -> str:
        return self.labels["reading_time"].format(minutes=minutes)


ARABIC = Edition(
    lang="ar", dir="rtl", words_per_minute=180,
    labels={
        "home_title": "الحوار الاستراتيجي العراقي الأمريكي: مقالات وتحليلات",
        "home_intro": "مقالات تحليلية عربية عن الحوار الاستراتيجي بين العراق والولايات المتحدة (2020–2024)، "
                      "مع ترجمتها الإنجليزية. الأحدث أولاً.",
        "all_articles": "كل المقالات ({count}) حسب السنة والموضوع",
        "reading_time": "{minutes} دقائق للقراءة",
        "summary": "ملخص",
        "automatic": "تلقائي",
        "paragraph": "الفقرة",
        "by": "بقلم",
        "publisher": "الناشر",
        "published": "تاريخ النشر",
        "read_in_other": "Read in English",
        "untitled": "مقال بلا عنوان",
        "untranslated": "لم تُترجم هذه الفقرة بعد.",
        "untranslated_heading": "عنوان لم يُترجم بعد",
        "parallel_link": "قراءة متوازية: النص العربي والترجمة الإنجليزية جنباً إلى جنب",
        "parallel_title": "قراءة متوازية",
        "back_to_article": "العودة إلى المقال",
        "status_title": "حالة الترجمة",
        "status_intro": "حالة الترجمة الإنجليزية لكل مقال: كاملة أو جزئية أو غير متاحة بعد.",
        "status_article": "المقال",
        "status_state": "الحالة",
        "status_paragraphs": "الفقرات المترجمة",
        "status_complete": "كاملة",
        "status_partial": "جزئية",
        "status_missing": "غير متاحة بعد",
    },
)

ENGLISH = Edition(
    lang="en", dir="ltr", words_per_minute=230,
    labels={
        "home_title": "The US–Iraq Strategic Dialogue: Articles and Analysis",
        "home_intro": "Arabic analysis articles on the strategic dialogue between Iraq and the United States "
                      "(2020–2024), with English translations. Newest first.",
        "all_articles": "All {count} articles, by year and topic",
        "reading_time": "{minutes} min read",
        "summary": "Summary",
        "automatic": "automatic",
        "paragraph": "Paragraph",
        "by": "By",
        "publisher": "Publisher",
        "published": "Published",
        "read_in_other": "اقرأ بالعربية",
        "untitled": "Untitled article",
        "translation_pending": "Translation in preparation",
        "translation_pending_text": "The English translation of this article is in preparation. "
                                    "The original Arabic text is available now:",
        "read_original": "Read the original in Arabic",
        "untranslated": "This paragraph is not translated yet.",
        "untranslated_heading": "Heading not translated yet",
        "parallel_link": "Read side by side: the Arabic original and the English translation",
        "parallel_title": "Side by side",
        "back_to_article": "Back to the article",
        "status_title": "Translation status",
        "status_intro": "How much of each article is translated into English: complete, partial or missing.",
        "status_article": "Article",
        "status_state": "Status",
        "status_paragraphs": "Paragraphs translated",
        "status_complete": "complete",
        "status_partial": "partial",
        "status_missing": "missing",
    },
)

EDITIONS = (ARABIC, ENGLISH)
