"""The offline edition as one zip: same files, same bytes (entries in name order, fixed timestamps).

Written here rather than with `zipfile`, for one reason: `zipfile` cannot take an entry's compressed bytes from
elsewhere, and compressing the whole offline edition again after one edited article was a third of a rebuild. Each
file's compressed form is kept in the build's store by the blob it was made from (`derived`, checked like every
blob), so a rebuild compresses only the files that changed, on every core (zlib works outside the interpreter lock).
The format is PKWARE's APPNOTE: local headers, central directory, and the ZIP64 records when there are more than
65,535 entries or the archive passes 4 GiB. `zipfile` reads what this writes (tests/test_archive.py), and so do
unzip and the browsers' and systems' archive tools. The zip never reads a published folder: its files come from the
offline edition's tree.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from hiwar.outputs.contract import Context, Derivations, Files, Output, Scope, Target, inputs_digest
from hiwar.outputs.store import Store

# Every entry's time: zip cannot store dates before 1980; any fixed value keeps builds identical.
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
DOS_DATE = (FIXED_TIME[0] - 1980) << 9 | FIXED_TIME[1] << 5 | FIXED_TIME[2]
DOS_TIME = FIXED_TIME[3] << 11 | FIXED_TIME[4] << 5 | FIXED_TIME[5] // 2
# Deflate level 3: measured on a 300-article offline edition (81 MB), 0.86 s and 23.9 MB against 1.85 s and 21.8 MB
# at the default level 6.
LEVEL = 3
KIND = f"zip-entry/deflate-{LEVEL}/zlib-{zlib.ZLIB_RUNTIME_VERSION}"  # another zlib may compress otherwise
BATCH = 64  # files compressed together (in threads) before they are written in order
NAME = "hiwar-offline.zip"
TOP = "hiwar-offline"

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_END64 = struct.Struct("<IQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<IIQI")
_PACKED = struct.Struct("<IQ")  # a compressed entry in the store: CRC-32 and size of the file, then raw deflate
_UTF8_NAME = 0x0800
_UNIX = 3 << 8
_U16, _U32 = 0xFFFF, 0xFFFFFFFF


@dataclass(frozen=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate


@dataclass(frozen=True, slots=True)
class _Listed:
    """What the central directory says of an entry written: not its bytes (at 10,000 articles, 0.6 GB kept)."""

    name: bytes
    crc: int
    compressed: int
    size: int
    offset: int


def write_zip(
    tree: Mapping[str, str],
    store: Store,
    derived: Derivations,
    out: BinaryIO,
    top: str,
    progress: Callable[[int], None] = lambda count: None,
) -> int:
    """Every file of `tree` (path -> blob) under `top/`, in name order."""
    central = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for entry in _entries(sorted(tree.items()), store, derived, top, pool):
            central.append(_Listed(entry.name, entry.crc, len(entry.data), entry.size, out.tell()))
            flags = _UTF8_NAME if not entry.name.isascii() else 0
            out.write(
                _LOCAL.pack(
                    0x04034B50,
                    20,
                    flags,
                    8,
                    DOS_TIME,
                    DOS_DATE,
                    entry.crc,
                    len(entry.data),
                    entry.size,
                    len(entry.name),
                    0,
                )
            )
            out.write(entry.name)
            out.write(entry.data)
            progress(1)
    _write_central(out, central)
    return len(central)


def _entries(files: list[tuple[str, str]], store: Store, derived: Derivations, top: str, pool) -> Iterator[_Entry]:
    for start in range(0, len(files), BATCH):
        batch = files[start : start + BATCH]
        packed = [_known(digest, store, derived) for _, digest in batch]
        fresh = [i for i, known in enumerate(packed) if known is None]
        contents = {i: _content(store, batch[i][1]) for i in fresh}
        for i, made in zip(fresh, pool.map(_pack, [contents[i] for i in fresh])):
            derived[f"{KIND}:{batch[i][1]}"] = store.put(made)
            packed[i] = made
        for (path, _), data in zip(batch, packed):
            crc, size = _PACKED.unpack_from(data)
            if size >= _U32:
                raise OSError(f"{path}: a file of 4 GiB or more; the offline edition holds pages and small assets only")
            yield _Entry(f"{top}/{path}".encode("utf-8"), crc, size, data[_PACKED.size :])


def _known(digest: str, store: Store, derived: Derivations) -> bytes | None:
    made = derived.get(f"{KIND}:{digest}")
    return store.get(made) if made is not None else None


def _content(store: Store, digest: str) -> bytes:
    data = store.get(digest)
    if data is None:
        raise FileNotFoundError(f"a file of the offline edition ({digest[:12]}…) is missing from the build's store")
    return data


def _pack(content: bytes) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return _PACKED.pack(zlib.crc32(content), len(content)) + compressor.compress(content) + compressor.flush()


def _write_central(out: BinaryIO, central: list[_Listed]) -> None:
    start = out.tell()
    for entry in central:
        offset = entry.offset
        extra = b""
        stored_offset = offset
        if offset >= _U32:
            extra = struct.pack("<HHQ", 0x0001, 8, offset)
            stored_offset = _U32
        flags = _UTF8_NAME if not entry.name.isascii() else 0
        out.write(
            _CENTRAL.pack(
                0x02014B50,
                _UNIX | 45,
                45 if offset >= _U32 else 20,
                flags,
                8,
                DOS_TIME,
                DOS_DATE,
                entry.crc,
                entry.compressed,
                entry.size,
                len(entry.name),
                len(extra),
                0,
                0,
                0,
                0o100644 << 16,
                stored_offset,
            )
        )
        out.write(entry.name)
        out.write(extra)
    end = out.tell()
    count, size = len(central), end - start
    if count >= _U16 or start >= _U32 or size >= _U32:
        out.write(_END64.pack(0x06064B50, _END64.size - 12, _UNIX | 45, 45, 0, 0, count, count, size, start))
        out.write(_LOCATOR64.pack(0x07064B50, 0, end, 1))
    out.write(_END.pack(0x06054B50, 0, 0, min(count, _U16), min(count, _U16), min(size, _U32), min(start, _U32), 0))


class OfflineZip(Output):
    """`dist/hiwar-offline.zip`: the offline edition, to unzip anywhere and open from disk."""

    name = "offline-zip"
    target = Target.DIST
    scope = Scope.SITE

    def inputs(self, context: Context) -> str:
        return inputs_digest(KIND, TOP, context.trees[Target.OFFLINE])

    def produce(self, context: Context, files: Files) -> None:
        tree = context.trees[Target.OFFLINE]
        made = context.store.temporary(".zip")
        with context.progress.stage("offline zip", total=len(tree), unit="files") as stage, made.open("wb") as out:
            write_zip(tree, context.store, context.derived, out, TOP, progress=stage.advance)
        files.add_file(NAME, made)
