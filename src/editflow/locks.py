"""One lock per project, so that what must not run twice does not.

Two `build`s at once, two `import-review`s of one PO, a `tm rebuild` during a build: each would
read a file, work on it, and write it back over the other's work.  Commands that write a project's
shared files hold the project's lock, `.editflow/lock` in the project folder (outside a project, a
lock file beside the file written).  A second command waits for it up to a timeout, then stops
with a message saying what holds it; nothing is written meanwhile.

The lock is filelock's (an OS-level lock on the file, released by the OS when a process dies, so
a crashed or killed run never leaves the project locked), not a hand-rolled lock file.
"""

from __future__ import annotations

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
    """The lock guarding `target` (a project folder or a file): the project's, else one beside the file."""
    target = Path(target)
    root = find_root(target)
    if root is not None:
        return root / ".editflow" / "lock"
    folder = target if target.is_dir() else target.parent
    return folder / f".{target.name}.editflow-lock"


@contextmanager
def locked(target: Path, what: str, timeout: float | None = None) -> Iterator[Path]:
    """Hold the lock guarding `target` while `what` runs (e.g. "import-review of war.po").

    `timeout`: seconds to wait for another command to finish (default DEFAULT_TIMEOUT).
    """
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    path = lock_path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
