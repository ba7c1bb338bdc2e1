"""The site's fingerprint (build/fingerprint.py): what every page is also made of. The same inputs give the same
fingerprint; a change to any of them (configuration, templates and hand-written files, settings, the site code, the
theme's version) gives another, so no page of an earlier build is reused."""

from __future__ import annotations

import pytest

from hiwar.build import fingerprint
from hiwar.build.fingerprint import site_fingerprint


@pytest.fixture
def project(tmp_path, monkeypatch):
    code = tmp_path / "code"
    code.mkdir()
    (code / "pages.py").write_text("PAGES = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "SITE_CODE", [code])
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "header.html").write_text("<header>", encoding="utf-8")
    return tmp_path


def fingerprint_of(project, settings=("https://hiwar.example.org/", "ar,en")) -> str:
    return site_fingerprint(project / "mkdocs.yml", [project / "overrides", project / "languages"], list(settings))


def test_the_same_inputs_give_the_same_fingerprint(project):
    assert fingerprint_of(project) == fingerprint_of(project)
    assert len(fingerprint_of(project)) == 64


@pytest.mark.parametrize(
    "change",
    [
        lambda p: (p / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8"),
        lambda p: (p / "overrides" / "partials" / "header.html").write_text("<header data-x>", encoding="utf-8"),
        lambda p: (p / "overrides" / "partials" / "footer.html").write_text("<footer>", encoding="utf-8"),
        lambda p: (p / "overrides" / "partials" / "header.html").rename(p / "overrides" / "header.html"),
        lambda p: (p / "languages").mkdir() or (p / "languages" / "fr.yml").write_text("a: b\n", encoding="utf-8"),
        lambda p: (p / "code" / "pages.py").write_text("PAGES = 2\n", encoding="utf-8"),
    ],
    ids=["configuration", "template", "template added", "template moved", "language table added", "site code"],
)
def test_a_change_to_any_input_of_every_page_gives_another_fingerprint(project, change):
    before = fingerprint_of(project)
    change(project)
    assert fingerprint_of(project) != before


def test_settings_and_the_themes_version_are_inputs_too(project, monkeypatch):
    before = fingerprint_of(project)
    assert fingerprint_of(project, ("https://other.example.org/", "ar,en")) != before
    assert fingerprint_of(project, ("https://hiwar.example.org/", "ar,en,fr")) != before
    versions = fingerprint.version
    monkeypatch.setattr(fingerprint, "version", lambda name: "99.0" if name == "mkdocs-material" else versions(name))
    assert fingerprint_of(project) != before


def test_compiled_python_files_are_not_inputs(project):
    before = fingerprint_of(project)
    (project / "code" / "__pycache__").mkdir()
    (project / "code" / "__pycache__" / "pages.cpython-311.pyc").write_bytes(b"\0compiled")
    assert fingerprint_of(project) == before
