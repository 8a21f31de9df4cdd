"""Deterministic .docx saving: the same content gives the same bytes, whenever it is saved."""

from __future__ import annotations

import time
import zipfile
from datetime import datetime, timezone

import docx
import polib

from editflow.export._package import docx_bytes, export_moment, save_docx


def _doc() -> "docx.document.Document":
    d = docx.Document()
    d.add_paragraph("Kyiv reopened the school.")
    return d


def test_same_content_same_bytes_across_time(monkeypatch) -> None:
    """Saved an hour apart by the clock (a frozen clock moved on, not a sleep), the bytes are the same."""
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
    now = [1_700_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    first = docx_bytes(_doc(), moment)
    now[0] += 3600  # zip timestamps have 2-second resolution: an hour is many ticks of "now"
    assert docx_bytes(_doc(), moment) == first


def test_zip_members_and_core_properties_carry_the_moment(tmp_path) -> None:
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
    out = tmp_path / "a.docx"
    save_docx(_doc(), out, moment)
    with zipfile.ZipFile(out) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 3, 1, 9, 30, 0)}
    props = docx.Document(str(out)).core_properties
    assert props.created.replace(tzinfo=None) == datetime(2026, 3, 1, 9, 30) and props.modified == props.created
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_moment_prefers_source_date_epoch(monkeypatch) -> None:
    po = polib.POFile()
    po.metadata = {"PO-Revision-Date": "2026-11-25 20:17+0000"}
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert export_moment(po) == datetime(2026, 11, 25, 20, 17, tzinfo=timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert export_moment(po) == datetime(1970, 1, 1, tzinfo=timezone.utc)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    po.metadata = {"PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE"}  # the gettext placeholder
    assert export_moment(po) == datetime(2000, 1, 1, tzinfo=timezone.utc)
