"""One lock per project, so that what must not run twice does not.

Two `build`s at once, two `import-review`s of one PO, a `tm rebuild` during a build: each would
read a file, work on it, and write it back over the other's work.  Commands that write a project's
shared files hold the project's lock, `.editflow/lock` in the project folder (outside a project, a
lock named after the file in the user's own lock folder, so that no lock file is left among the
user's files).  A second command waits for it up to a timeout, then stops
with a message saying what holds it; nothing is written meanwhile.

The lock is filelock's (an OS-level lock on the file, released by the OS when a process dies, so
a crashed or killed run never leaves the project locked), not a hand-rolled lock file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from editflow.config import find_root
from editflow.errors import EditflowError

# Long enough for a short command (an import, a dismissal) to finish; a build can take longer,
# and then the user is told to wait rather than left staring at a silent terminal.
DEFAULT_TIMEOUT = 30.0


class Busy(EditflowError):
    """Another editflow command holds the lock."""


def lock_path(target: Path) -> Path:
    """The lock guarding `target` (a project folder or a file): the project's, else one for the file
    in `user_lock_folder()`, named by a hash of its resolved path (two commands on one file, by
    whatever path they name it, share it)."""
    target = Path(target)
    root = find_root(target)
    if root is not None:
        return root / ".editflow" / "lock"
    key = hashlib.sha256(str(target.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return user_lock_folder() / f"{key}.lock"


def user_lock_folder() -> Path:
    """This user's folder for the locks of files outside a project: $XDG_RUNTIME_DIR/editflow, else
    editflow-<uid> in the temporary folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "editflow"
    user = str(os.getuid()) if hasattr(os, "getuid") else (os.environ.get("USERNAME") or "user")
    return Path(tempfile.gettempdir()) / f"editflow-{user}"


@contextmanager
def locked(target: Path, what: str, timeout: float | None = None) -> Iterator[Path]:
    """Hold the lock guarding `target` while `what` runs (e.g. "import-review of war.po").

    `timeout`: seconds to wait for another command to finish (default DEFAULT_TIMEOUT).
    """
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    path = lock_path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.parent == user_lock_folder() and hasattr(os, "getuid") \
                and path.parent.lstat().st_uid != os.getuid():
            # In a shared temporary folder, a folder of that name someone else made is not ours to use.
            raise EditflowError(f"{path.parent}: the lock folder belongs to another user; remove it, or set "
                                f"XDG_RUNTIME_DIR to a folder of your own")
    except OSError as e:
        raise EditflowError(f"{path.parent}: cannot create the lock folder ({e.strerror or e})") from None
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(f"{target}: another editflow command is working on this project (lock {path}); "
                   f"{what} waited {timeout:.0f} s. Try again when it has finished") from None
    try:
        yield path
    finally:
        lock.release()
