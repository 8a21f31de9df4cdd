"""Writing outputs so that nothing is ever half-written, and colleagues can still read them."""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
from pathlib import Path

from editflow.errors import InputError

# `expect` for a file that must not exist yet.
ABSENT = ""


class ChangedOnDisk(InputError):
    """The file was changed by someone else between editflow reading it and writing it back."""


def fingerprint(path: Path) -> str:
    """SHA-256 of the file's bytes as they are now; ABSENT when there is no file."""
    try:
        return fingerprint_bytes(Path(path).read_bytes())
    except FileNotFoundError:
        return ABSENT


def fingerprint_bytes(data: bytes) -> str:
    """The `fingerprint` of a file holding `data` (for a caller that has read the file already)."""
    return hashlib.sha256(data).hexdigest()

# tempfile.mkstemp creates its file 0600 whatever the umask, and a rename keeps
# that mode: every output would be private to its writer, which makes a shared
# desk folder unusable.  The temporary file is therefore created here with
# 0666, so that the umask (or the folder's default ACL) gives it exactly the
# mode a normally created file gets.
_NEW_FILE_MODE = 0o666
_ATTEMPTS = 100


def _token() -> str:
    return secrets.token_hex(4)


def _create_temp(directory: Path, name: str) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        tmp = directory / f".{name}.{_token()}.tmp"
        try:
            return os.open(tmp, flags, _NEW_FILE_MODE), tmp
        except FileExistsError:
            continue  # another writer's temp file: never touched
    raise FileExistsError(f"no free temporary name in {directory}")


def atomic_write(path: Path, data: str | bytes, encoding: str = "utf-8", *, expect: str | None = None) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash, Ctrl-C or full disk leaves the old file (or no file), never a
    truncated one.  A new file gets the mode the umask gives any new file; a
    replaced file keeps its mode.  When `path` is a symbolic link, its target
    is replaced and the link kept.

    `expect`: the `fingerprint` of the file when the caller read it (ABSENT: it
    did not exist).  If the file on disk is no longer that, someone saved it in
    the meantime (a translator in Poedit while `build` re-aligned it): nothing
    is replaced and ChangedOnDisk says so.  The check runs once the new text is
    on disk beside it, so the window left is the rename itself.
    """
    shown = path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    if path.is_symlink():
        # Replacing the link itself would cut the output off from where the desk shares it.
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        existing_mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        existing_mode = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(directory, path.name)
    except OSError as e:
        raise InputError(shown, f"cannot write here ({e.strerror or e})", "choose another output path") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if existing_mode is not None:
            os.chmod(tmp, existing_mode)
        if expect is not None and fingerprint(path) != expect:
            raise ChangedOnDisk(shown, "was changed on disk while editflow worked on it (saved in another "
                                       "program or by another editflow command); nothing was overwritten",
                                "run the command again to work on the file as it is now")
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise InputError(shown, f"could not be written ({e.strerror or e})",
                             "check the free disk space and permissions; the old file is unchanged") from None
        raise
