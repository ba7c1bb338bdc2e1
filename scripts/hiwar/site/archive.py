"""The offline edition as one zip: same input, same bytes (sorted entries, fixed timestamps)."""
from __future__ import annotations

import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980; any fixed value keeps builds identical


def zip_site(site: Path, target: Path, top: str, progress=lambda count: None) -> int:
    """Write every file of `site` under `top/` in `target`, replacing any other *-offline.zip beside it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob("*-offline.zip"):
        if stale != target:
            stale.unlink()
    partial = target.with_name(f".{target.name}.partial")
    files = sorted(p for p in site.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
            progress(1)
    partial.replace(target)
    return len(files)
