"""An archive larger than a page should hold: the home page and the index of names stay short,
and every article is still reachable (by year, and from a page per name)."""

from __future__ import annotations

from conftest import FIXTURES, content, html, make_project, mkdocs_build

ARTICLES = 24  # more than the home page (20) and the index (5 per name) list


def _archive(base, offline=False):
    """A site of ARTICLES articles, one a day in March 2021, all mentioning the same people."""
    seeds = base / "seeds"
    seeds.mkdir()
    text = (FIXTURES / "new_seed" / "kadhimi_heads_to_washington.txt").read_text(encoding="utf-8")
    for n in range(ARTICLES):
        (seeds / f"article_{n:02d}.txt").write_text(
            f"الحوار الاستراتيجي: المقال {n + 1}\n{n + 1:02d}/03/2021\n\n{text}", encoding="utf-8"
        )
    result = mkdocs_build(make_project(base, seeds), base / "site", offline=offline)
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_home_and_index_stay_short_and_link_to_everything(tmp_path):
    site = _archive(tmp_path)

    home = content(html(site / "index.html"))
    listed = home.select("h2 a:not(.headerlink)")
    assert len(listed) == 20
    assert listed[0]["href"] == "articles/article_23/"  # newest first
    more = home.find("a", string=f"كل المقالات ({ARTICLES}) حسب السنة والموضوع")
    assert more["href"] == "topics/#by-year"
    by_year = content(html(site / "topics" / "index.html")).find(id="by-year").find_next("ul")
    assert [(a.get_text(), a.parent.get_text()) for a in by_year.select("a")] == [("2021", f"2021 ({ARTICLES})")]
    year_page = content(html(site / "topics" / "years" / "2021" / "index.html"))
    assert len(year_page.select("ul li")) == ARTICLES

    index = content(html(site / "en" / "people" / "index.html"))
    entry = index.find(id="mustafa-al-kadhimi")
    assert len(entry.find_next_sibling("ul").select("li")) == 5
    all_link = entry.find_next_sibling("p").a
    assert (all_link.get_text(), all_link["href"]) == (
        f"All {ARTICLES} articles that mention it",
        "mustafa-al-kadhimi/",
    )
    name_page = content(html(site / "en" / "people" / "mustafa-al-kadhimi" / "index.html"))
    assert "Mustafa al-Kadhimi" in name_page.find("h1").get_text()
    items = name_page.select("li")
    assert len(items) == ARTICLES
    assert items[0].select("a")[0]["href"] == "../../articles/article_23/"
    # no English text yet, so no ¶ to link to; the Arabic name page links to the ¶ that mention the name
    assert len(items[0].select("a")) == 1
    arabic = content(html(site / "people" / "mustafa-al-kadhimi" / "index.html")).select("li")
    assert arabic[0].select("a")[1]["href"].startswith("../../articles/article_23/#p-")


def test_the_links_to_all_articles_work_from_the_offline_edition(tmp_path):
    site = _archive(tmp_path, offline=True)
    more = content(html(site / "index.html")).find("a", string=f"كل المقالات ({ARTICLES}) حسب السنة والموضوع")
    target, anchor = more["href"].split("#")
    assert (target, anchor) == ("topics/index.html", "by-year")
    assert html(site / target).find(id=anchor) is not None
    index = content(html(site / "en" / "people" / "index.html"))
    link = index.find(id="mustafa-al-kadhimi").find_next_sibling("p").a["href"]
    assert link == "mustafa-al-kadhimi/index.html" and (site / "en" / "people" / link).exists()
