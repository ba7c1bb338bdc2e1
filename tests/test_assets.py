"""The bundled font (site/assets.py): Noto Naskh Arabic from the pinned npm package, each weight one woff2 holding
the Arabic blocks and Latin, its licence beside it, the same bytes from the same package, and not made again while
it is up to date."""

from __future__ import annotations

import os

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT
from hiwar.site.assets import FONT_PACKAGE, build_assets


@pytest.fixture(scope="module")
def fonts(tmp_path_factory):
    if not (ROOT / FONT_PACKAGE).is_dir():
        pytest.fail(f"{FONT_PACKAGE} is missing: `make build` installs the npm packages")
    out = tmp_path_factory.mktemp("assets")
    return out, build_assets(out, ROOT)


def test_each_weight_is_one_woff2_covering_arabic_and_latin_with_its_licence(fonts):
    _, written = fonts
    assert [path.name for path in written] == [
        "noto-naskh-arabic-400.woff2",
        "noto-naskh-arabic-700.woff2",
        "LICENSE-NotoNaskhArabic-OFL.txt",
    ]
    for path in written[:2]:
        font = TTFont(path)
        assert font.flavor == "woff2"
        covered = set(font.getBestCmap())
        assert {ord("ب"), ord("ة"), ord("ڤ"), ord("،"), ord("؟"), ord("A"), ord("z"), ord("é"), ord("¶")} <= covered
        # cut down to what the site needs: presentation forms come from shaping, Arabic Extended-B is not used
        assert not covered & (set(range(0xFE70, 0xFEFF)) | set(range(0x0870, 0x08A0)))
    assert "SIL Open Font License" in written[2].read_text(encoding="utf-8")


def test_a_font_carries_the_packages_dates_not_the_builds_so_the_same_package_gives_the_same_bytes(fonts):
    _, written = fonts
    source = TTFont(ROOT / FONT_PACKAGE / "files" / "noto-naskh-arabic-arabic-400-normal.woff2")["head"]
    built = TTFont(written[0])["head"]
    assert (built.created, built.modified) == (source.created, source.modified)


def test_a_font_is_not_made_again_while_it_is_newer_than_its_sources(fonts, monkeypatch):
    out, written = fonts
    os.utime(written[0], ns=(4 * 10**18, 4 * 10**18))  # newer than anything in node_modules
    os.utime(written[1], ns=(4 * 10**18, 4 * 10**18))
    from hiwar.site import assets

    monkeypatch.setattr(assets, "_merged_subset", lambda sources, target: pytest.fail(f"{target.name} made again"))
    build_assets(out, ROOT)
