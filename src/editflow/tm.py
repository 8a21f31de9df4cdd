"""Translation memory: every aligned pair of every article, in SQLite inside the project.

The memory lives in `.editflow/tm.sqlite` and is a cache of the PO files: it
can always be rebuilt from them (`editflow tm rebuild`), so it is not
committed.  An article's units are replaced whenever its PO changes (the PO's
SHA-256 is recorded), so the memory never holds a pairing the translator has
since corrected.

    from editflow.tm import TranslationMemory
    with TranslationMemory.open(Path(".editflow/tm.sqlite")) as tm:
        tm.update_from_po(Path("translations/war.po"))
        hits = tm.search("Росіяни атакували Харків", limit=5)

Only real pairs go in: entries with both a Ukrainian and an English side,
the English not empty, not an alignment the aligner itself doubted (fuzzy).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from editflow import __version__
from editflow.errors import EditflowError, InputError
from editflow.fileio import atomic_write
from editflow.textnorm import normalize

TM_DIR = ".editflow"
TM_NAME = "tm.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    slug TEXT PRIMARY KEY,
    po_path TEXT NOT NULL,
    po_sha256 TEXT NOT NULL,
    revised TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL REFERENCES articles(slug) ON DELETE CASCADE,
    entry TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS units_slug ON units(slug);
CREATE INDEX IF NOT EXISTS units_key ON units(source_key);
"""


def tm_path(root: Path) -> Path:
    return Path(root) / TM_DIR / TM_NAME


def source_key(text: str) -> str:
    """The Ukrainian side normalised for exact lookups: NFC, one apostrophe, spaces collapsed, lower case."""
    return " ".join(normalize(text).split()).lower()


@dataclass(frozen=True)
class Unit:
    slug: str      # the article
    entry: str     # the PO entry id (msgctxt)
    source: str
    target: str


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float   # 0-100, rapidfuzz similarity of the Ukrainian sides


def po_units(po_path: Path, slug: str | None = None) -> list[Unit]:
    """The translation units of one PO file."""
    from editflow.po import ADDED_MSGID, load_po

    po = load_po(po_path)
    slug = slug or Path(po_path).stem
    out = []
    for i, e in enumerate(po):
        if e.obsolete or "fuzzy" in e.flags or e.msgid == ADDED_MSGID:
            continue
        if not e.msgid.strip() or not e.msgstr.strip():
            continue
        out.append(Unit(slug, e.msgctxt or str(i), e.msgid, e.msgstr))
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


BUSY_TIMEOUT = 30.0  # seconds


def _is_busy(e: sqlite3.OperationalError) -> bool:
    text = str(e).lower()
    return "locked" in text or "busy" in text


def _busy(path: Path) -> EditflowError:
    return EditflowError(f"{path}: the translation memory is busy in another process (a build?) and stayed so "
                         f"for {BUSY_TIMEOUT:.0f} s; nothing was changed. Try again when it has finished")


class TranslationMemory:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path) -> TranslationMemory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Another process writing the memory (a build) holds SQLite's lock: wait for it
            # this long before giving up with a message, not a traceback.
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                conn.commit()
            elif row[0] != str(SCHEMA_VERSION):
                conn.close()
                raise InputError(path, f"translation memory has schema {row[0]}, this editflow reads {SCHEMA_VERSION}",
                                 "delete it and run 'editflow tm rebuild' (it is rebuilt from the PO files)")
        except sqlite3.OperationalError as e:
            if _is_busy(e):
                raise _busy(path) from None
            raise InputError(path, f"not a usable translation memory ({e})",
                             "delete it and run 'editflow tm rebuild'") from None
        except sqlite3.DatabaseError as e:
            raise InputError(path, f"not a usable translation memory ({e})",
                             "delete it and run 'editflow tm rebuild'") from None
        except OSError as e:
            raise InputError(path, f"cannot open the translation memory ({e.strerror})") from None
        return cls(conn, path)

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
        if isinstance(e, sqlite3.OperationalError) and _is_busy(e):
            raise _busy(self.path) from None

    def close(self) -> None:
        self.conn.close()

    # -- writing -----------------------------------------------------------

    def update_from_po(self, po_path: Path, slug: str | None = None) -> bool:
        """Bring one article's units up to date; False when the PO has not changed since."""
        slug = slug or Path(po_path).stem
        digest = _sha256(po_path)
        row = self.conn.execute("SELECT po_sha256 FROM articles WHERE slug = ?", (slug,)).fetchone()
        if row is not None and row[0] == digest:
            return False
        units = po_units(po_path, slug)
        with self.conn:  # one transaction: an interrupted update leaves the old units
            self.conn.execute("DELETE FROM units WHERE slug = ?", (slug,))
            self.conn.execute("INSERT OR REPLACE INTO articles (slug, po_path, po_sha256) VALUES (?, ?, ?)",
                              (slug, str(po_path), digest))
            self.conn.executemany(
                "INSERT INTO units (slug, entry, source, target, source_key) VALUES (?, ?, ?, ?, ?)",
                [(u.slug, u.entry, u.source, u.target, source_key(u.source)) for u in units])
        return True

    def forget_missing(self, slugs: Iterable[str]) -> int:
        """Drop articles that no longer exist; returns how many were dropped."""
        keep = set(slugs)
        gone = [s for (s,) in self.conn.execute("SELECT slug FROM articles") if s not in keep]
        with self.conn:
            for s in gone:
                self.conn.execute("DELETE FROM units WHERE slug = ?", (s,))
                self.conn.execute("DELETE FROM articles WHERE slug = ?", (s,))
        return len(gone)

    # -- reading -----------------------------------------------------------

    def units(self) -> Iterator[Unit]:
        yield from (Unit(*r) for r in self.conn.execute(
            "SELECT slug, entry, source, target FROM units ORDER BY slug, id"))

    def count(self) -> tuple[int, int]:
        """(articles, units)."""
        a = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        u = self.conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        return a, u

    def exact(self, source: str) -> list[Unit]:
        """Earlier translations of the same Ukrainian text (normalised)."""
        return self.exact_many([source]).get(source_key(source), [])

    def exact_many(self, sources: Iterable[str]) -> dict[str, list[Unit]]:
        """Earlier translations of each text, keyed by `source_key`: one query per 500 texts."""
        keys = sorted({source_key(s) for s in sources})
        out: dict[str, list[Unit]] = {}
        for start in range(0, len(keys), 500):  # SQLite caps the number of parameters
            chunk = keys[start:start + 500]
            rows = self.conn.execute(
                "SELECT source_key, slug, entry, source, target FROM units WHERE source_key IN "
                f"({','.join('?' * len(chunk))}) ORDER BY slug, id", chunk)
            for key, *unit in rows:
                out.setdefault(key, []).append(Unit(*unit))
        return out

    def search(self, text: str, limit: int = 10, min_score: float = 60.0) -> list[Hit]:
        """Earlier translations whose Ukrainian side resembles `text`, best first.

        The score is the edit-distance similarity of the normalised Ukrainian
        sides (rapidfuzz's ratio, 0-100); a paragraph that contains the query
        (a sentence looked up in a longer paragraph) scores 90% of its best
        partial match instead, so whole-paragraph matches still rank first.
        """
        import numpy as np
        from rapidfuzz import fuzz, process

        rows = self.conn.execute("SELECT slug, entry, source, target, source_key FROM units").fetchall()
        if not rows:
            return []
        keys = [r[4] for r in rows]
        query = source_key(text)
        whole = process.cdist([query], keys, scorer=fuzz.ratio, dtype=np.float32)[0]
        part = process.cdist([query], keys, scorer=fuzz.partial_ratio, dtype=np.float32)[0]
        longer = np.array([len(k) > len(query) for k in keys])
        score = np.maximum(whole, np.where(longer, 0.9 * part, 0.0))
        order = sorted((i for i in range(len(keys)) if score[i] >= min_score), key=lambda i: (-score[i], i))
        return [Hit(Unit(*rows[i][:4]), round(float(score[i]), 1)) for i in order[:limit]]


def tmx_text(units: Iterable[Unit], created: str = "20000101T000000Z") -> str:
    """TMX 1.4b: one <tu> per unit, Ukrainian source, English target, the article as a property."""
    from xml.sax.saxutils import escape, quoteattr

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="editflow" creationtoolversion={quoteattr(__version__)} '
        f'datatype="plaintext" segtype="paragraph" adminlang="en" srclang="uk" o-tmf="editflow" '
        f'creationdate="{created}"/>',
        "  <body>",
    ]
    for u in units:
        out.append(f"    <tu tuid={quoteattr(f'{u.slug}/{u.entry}')}>")
        out.append(f"      <prop type=\"x-article\">{escape(u.slug)}</prop>")
        for lang, seg in (("uk", u.source), ("en", u.target)):
            out.append(f'      <tuv xml:lang="{lang}"><seg>{escape(_xml_chars(seg))}</seg></tuv>')
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


def _xml_chars(text: str) -> str:
    # XML 1.0 forbids most control characters; a PO may carry them from a pasted web page.
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


def write_tmx(units: Iterable[Unit], out: Path, created: str = "20000101T000000Z") -> int:
    units = list(units)
    atomic_write(Path(out), tmx_text(units, created))
    return len(units)
