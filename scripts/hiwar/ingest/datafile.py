"""Editorial data files (YAML): read safely, dates kept as text, errors naming the file."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hiwar.problems import InputError


class EditorialLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when it is there
    """Safe YAML, with dates kept as text: PyYAML would crash on 2021-02-30 before we could name the field."""


EditorialLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, source: str) -> Any:
    """An editorial YAML file, dates kept as text; an InputError naming the file when it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorialLoader)  # noqa: S506 (a SafeLoader)
    except UnicodeDecodeError:
        raise InputError(source, "is not UTF-8 text; save it as UTF-8") from None
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise InputError(source, f"is not valid YAML ({where}{getattr(err, 'problem', None) or err})") from None
