"""What the build derives from code and installed files alone (templates compiled, the theme's style sheets read, the
font converted for the e-books), kept for the next process where Python keeps its own compiled modules
(`sys.pycache_prefix`: PYTHONPYCACHEPREFIX, which the Makefile sets), so that every build does not make it again.

Never in the build folder: nothing here is read from where the build writes. Every entry is under this package's code
digest (a code change starts afresh; the folders of earlier code are removed) and under its key, which names
everything else it is made of. An entry's first bytes are the digest of the rest: a damaged or cut-short entry is made
again. Where Python keeps no such folder, or it cannot be written, the caller makes the value every time."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2

PACKAGE = Path(__file__).resolve().parent.parent
NAME = "hiwar-derived"


@functools.cache
def code_digest() -> str:
    """This package's code and data (the folding rules, the language tables)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yml") and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(PACKAGE)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def _folder() -> Path | None:
    if not sys.pycache_prefix:
        return None
    return Path(sys.pycache_prefix, NAME, code_digest()[:32])


def _path(kind: str, key: str) -> Path | None:
    folder = _folder()
    return None if folder is None else folder / kind / hashlib.sha256(key.encode()).hexdigest()


def get(kind: str, key: str) -> bytes | None:
    path = _path(kind, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, value = data[:32], data[32:]
    return value if hashlib.sha256(value).digest() == digest else None


def put(kind: str, key: str, value: bytes) -> None:
    path = _path(kind, key)
    if path is None:
        return
    _forget_earlier_code()
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(hashlib.sha256(value).digest() + value)
        os.replace(partial, path)  # whole or not at all, also when two processes write the same entry
    except OSError:  # a folder that cannot be written: made again next time
        with contextlib.suppress(OSError):
            partial.unlink()


def bytes_of(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    value = get(kind, key)
    if value is None:
        value = make()
        put(kind, key, value)
    return value


@functools.cache
def _forget_earlier_code() -> None:
    folder = _folder()
    if folder is None or not folder.parent.is_dir():
        return
    for earlier in folder.parent.iterdir():
        if earlier != folder:
            shutil.rmtree(earlier, ignore_errors=True)


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates (Jinja's bytecode cache) by template: in memory for the process, and for the next process
    here, under the template environment's settings that compiled code depends on. Jinja compares each template's source
    with the one compiled: an edited template is compiled again."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = _kept_key(bucket)
        code = self._code.get(key)
        if code is None:
            code = get(TEMPLATES, key)
            if code is not None:
                self._code[key] = code
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the template's source changed since

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key, code = _kept_key(bucket), bucket.bytecode_to_string()
        self._code[key] = code
        put(TEMPLATES, key, code)


TEMPLATES = "templates"


def _kept_key(bucket: jinja2.bccache.Bucket) -> str:
    return f"{_compile_settings(bucket.environment)}:{bucket.key}"


def _compile_settings(env: jinja2.Environment) -> str:
    """A digest of what a template's compiled code depends on besides its source (which Jinja compares itself): the
    versions, the syntax, the extensions, how output is escaped and finalized, the policies, and which filters and tests exist and
    what each is passed (decided when compiling)."""

    def named(value: object) -> str:
        return value if isinstance(value, str) else getattr(value, "__qualname__", repr(value))

    settings = [
        jinja2.__version__,
        sys.version,
        *(named(getattr(env, name)) for name in _SYNTAX),
        sorted(env.extensions),
        named(env.autoescape),
        named(env.finalize),
        sorted((name, named(value)) for name, value in env.policies.items()),
        sorted((name, _passed(func)) for name, func in env.filters.items()),
        sorted((name, _passed(func)) for name, func in env.tests.items()),
    ]
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:32]


_SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _passed(func: object) -> str:
    passed = getattr(func, "jinja_pass_arg", None)
    return f"{passed}:{inspect.iscoroutinefunction(func)}"


COMPILED_TEMPLATES = CompiledTemplates()
