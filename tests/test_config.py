"""The plugin's typed configuration (engine/config.py): defaults for every option, and a wrong value named with the
option it belongs to."""

from __future__ import annotations

import pytest

from hiwar.engine.config import HiwarConfig


def validated(**options):
    config = HiwarConfig()
    config.load_dict(options)
    errors, _ = config.validate()
    return config, dict(errors)


def test_every_option_has_a_default():
    config, errors = validated()
    assert errors == {}
    assert (config.seeds, config.editorial, config.editions, config.languages_dir) == (
        "seeds",
        "editorial",
        ["ar", "en"],
        None,
    )
    assert (config.cache_dir, config.report, config.offline_dir, config.dist_dir) == (
        "build/cache",
        "build/report.txt",
        "",
        "",
    )
    assert config.parallel is True


@pytest.mark.parametrize(
    "option,value",
    [
        ("editions", "ar"),
        ("editions", ["ar", 5]),
        ("seeds", 5),
        ("parallel", "yes"),
        ("languages_dir", "/no/such/folder"),
    ],
)
def test_a_wrong_value_is_an_error_naming_its_option(option, value):
    _, errors = validated(**{option: value})
    assert list(errors) == [option]


def test_a_languages_folder_that_exists_is_taken(tmp_path):
    config, errors = validated(languages_dir=str(tmp_path), editions=["ar", "en", "fr"])
    assert errors == {} and config.languages_dir == str(tmp_path) and config.editions == ["ar", "en", "fr"]
