"""Saving .docx files so that the same PO gives the same bytes, and never half a file.

python-docx stamps every zip member with the current time and the core
properties with "now"; both are replaced by one fixed moment: the
`SOURCE_DATE_EPOCH` environment variable when set (the reproducible-builds
convention), else the PO's `PO-Revision-Date`, else the PO's
`POT-Creation-Date`, else 2000-01-01.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.fileio import atomic_write

if TYPE_CHECKING:
    import polib

_FALLBACK = datetime(2000, 1, 1, tzinfo=UTC)


def _parse_po_date(value: str) -> datetime | None:
    # PO dates look like "2026-11-25 20:17+0000"; hand-edited ones vary.
    for fmt in ("%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M"):
        try:
            d = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return d if d.tzinfo else d.replace(tzinfo=UTC)
    return None


def export_moment(po: polib.POFile | None = None) -> datetime:
    """The one timestamp written into an export (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    if po is not None:
        for key in ("PO-Revision-Date", "POT-Creation-Date"):
            d = _parse_po_date(po.metadata.get(key, ""))
            if d is not None:
                return d.astimezone(UTC)
    return _FALLBACK


class _FixedTimeZip:
    """python-docx's physical package writer interface, writing members with one fixed timestamp.

    python-docx would stamp each member with "now" and compress it; writing
    through this instead gives deterministic bytes with a single compression
    pass (saving and re-zipping cost twice as much).
    """

    def __init__(self, stream: io.BytesIO, stamp: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self._stamp = stamp

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def docx_bytes(document: Any, moment: datetime) -> bytes:
    """The document's bytes with core-property dates and zip member times fixed to `moment`."""
    from docx.opc.pkgwriter import PackageWriter

    naive = moment.astimezone(UTC).replace(tzinfo=None)
    props = document.core_properties
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    props.revision = 1
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    # Any: it stands in for python-docx's PhysPkgWriter by its two methods, write and close.
    writer: Any = _FixedTimeZip(out, max(naive, datetime(1980, 1, 1)).timetuple()[:6])
    # The steps of PackageWriter.write, with our member writer instead of its zip file.
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return out.getvalue()


def save_docx(document: Any, path: Path, moment: datetime) -> None:
    """Write the document deterministically and atomically (temp file, then rename)."""
    atomic_write(Path(path), docx_bytes(document, moment))
