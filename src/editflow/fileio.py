"""Writing outputs so that nothing is ever half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from editflow.errors import InputError


def atomic_write(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash, Ctrl-C or full disk leaves the old file (or no file), never a
    truncated one.
    """
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise InputError(path, f"cannot write here ({e.strerror})", "choose another output path") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise InputError(path, f"could not be written ({e.strerror or e})",
                             "check the free disk space and permissions; the old file is unchanged") from None
        raise
