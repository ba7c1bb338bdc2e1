"""An edition: one language's rendering of the site (Arabic at the root, English under /en/)."""
from __future__ import annotations

from dataclasses import dataclass

from hiwar.model.dates import PartialDate

ARABIC_MONTHS = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
                 "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
                 "كانون الأول/ديسمبر")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")


@dataclass(frozen=True)
class Edition:
    lang: str
    dir: str
    words_per_minute: int
    labels: dict[str, str]
    months: tuple[str, ...]

    def format_date(self, date: PartialDate | None) -> str:
        if date is None:
            return self.labels["date_unknown"]
        parts = [str(date.day)] if date.day else []
        if date.month:
            parts.append(self.months[date.month - 1])
        parts.append(str(date.year))
        return " ".join(parts)

    def reading_time(self, minutes: int) -> str:
        return self.labels["reading_time"].format(minutes=minutes)


ARABIC = Edition(
    lang="ar", dir="rtl", words_per_minute=180, months=ARABIC_MONTHS,
    labels={
        "home_title": "الحوار الاستراتيجي العراقي الأمريكي: مقالات وتحليلات",
        "home_intro": "مقالات تحليلية عربية عن الحوار الاستراتيجي بين العراق والولايات المتحدة (2020–2024)، "
                      "مع ترجمتها الإنجليزية. الأحدث أولاً.",
        "date_unknown": "تاريخ غير معروف",
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
    lang="en", dir="ltr", words_per_minute=230, months=ENGLISH_MONTHS,
    labels={
        "home_title": "The US–Iraq Strategic Dialogue: Articles and Analysis",
        "home_intro": "Arabic analysis articles on the strategic dialogue between Iraq and the United States "
                      "(2020–2024), with English translations. Newest first.",
        "date_unknown": "Date unknown",
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
