"""The editions' processes (build/site.py): an edition built in a process of its own hands its part to the site's
build, and, in a preview, what its parent keeps for the next build: the values it asked of the memo, the problems it
met and the blobs it found whole, so that the next edition's process neither makes nor hashes them again."""

from __future__ import annotations

import pytest

from hiwar.build.edition import EditionPart
from hiwar.build.options import BuildOptions
from hiwar.build.site import SiteBuild, _can_fork
from hiwar.outputs.store import digest_of
from hiwar.site.editions import load_editions

EDITIONS = load_editions(["ar", "en"])


def options(tmp_path, serving: bool) -> BuildOptions:
    return BuildOptions(
        project=tmp_path,
        config_file=tmp_path / "mkdocs.yml",
        docs_dir=tmp_path / "docs",
        theme_dirs=(),
        site_dir=tmp_path / "site",
        site_url="",
        seeds=tmp_path / "seeds",
        editorial=tmp_path / "editorial",
        editions=("ar", "en"),
        languages_dir=None,
        assets_dir=tmp_path / "assets",
        cache_dir=tmp_path / "build" / "cache",
        report=tmp_path / "build" / "report.txt",
        offline_dir=None,
        dist_dir=None,
        parallel=True,
        serving=serving,
    )


@pytest.mark.skipif(not _can_fork(), reason="editions are built in processes of their own only where Linux forks")
@pytest.mark.parametrize("serving", [True, False], ids=["preview", "build"])
def test_what_an_editions_process_learnt_reaches_the_site_build(tmp_path, serving):
    site = SiteBuild(options(tmp_path, serving), EDITIONS)
    known = site.store.put(b"<p>made before the fork</p>")
    before = set(site.store.verified)

    def build_edition(edition):  # in the edition's own process
        site.store.verified.discard(known)
        assert site.store.has(known)  # hashed again here: found whole
        made = site.store.put(edition.lang.encode())
        site.memo.get("value", "key", lambda: ["made", "in", edition.lang])
        site.problems.append(f"{edition.lang}: a problem")
        site.edition_done(EditionPart(edition.lang, files={"x.html": made}))

    site.start_other_editions(build_edition)
    site._wait_for_editions()
    assert site.parts["en"].files == {"x.html": digest_of(b"en")}
    if serving:
        assert site.store.verified >= before | {digest_of(b"en")}
        assert site.problems == ["en: a problem"]
        assert site.memo.get("value", "key", lambda: None) == ["made", "in", "en"]
    else:  # a build is the last of its process: nothing is kept for a next one
        assert site.problems == [] and site.memo.get("value", "key", lambda: None) is None
