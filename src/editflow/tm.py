"""Translation memory: every aligned pair of every article, and its sentence pairs, in SQLite inside the project.

The memory lives in `.editflow/tm.sqlite` and is a cache of the PO files: it
can always be rebuilt from them (`editflow tm rebuild`), so it is not
committed.  An article's units are replaced whenever its PO changes (the PO's
SHA-256 is recorded), so the memory never holds a pairing the translator has
since corrected; a pair whose two texts are unchanged keeps the date it first
entered the memory.

    from editflow.tm import TranslationMemory
    with TranslationMemory.open(Path(".editflow/tm.sqlite")) as tm:
        tm.update_from_po(Path("translations/war.po"))
        hits = tm.search("Росіяни атакували Харків", limit=5)

Two levels: every PO entry with both a Ukrainian and an English side is a
paragraph unit, and its sentence pairs (editflow.align.sentences: the bead's
sentences aligned inside it, each with its confidence) are sentence units.
A pair the aligner doubted (a fuzzy entry nobody has confirmed) is kept,
marked doubtful, as is a sentence pair the sentence alignment doubted
(SENTENCE_DOUBT_THRESHOLD); the cross-article checks and the project's
lexicon read only the confident paragraph pairs, a TMX export
(editflow.export.tmx) leaves the doubtful ones out unless asked (and says how
many), and search marks them.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from editflow.errors import EditflowError, InputError
from editflow.inline import plain
from editflow.textnorm import normalize

if TYPE_CHECKING:
    from editflow.align.sentences import SentenceAligner

TM_DIR = ".editflow"
TM_NAME = "tm.sqlite"
# 2: confidence, doubt and creation date per unit; the sentences table (a memory of
# schema 1 is upgraded in place and its articles re-read on the next update).
SCHEMA_VERSION = 2
LEVELS = ("sentence", "paragraph")

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
    source_key TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 1.0,
    doubtful INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS units_slug ON units(slug);
CREATE INDEX IF NOT EXISTS units_key ON units(source_key);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    unit INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_key TEXT NOT NULL,
    confidence REAL NOT NULL,
    doubtful INTEGER NOT NULL,
    created TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sentences_unit ON sentences(unit);
CREATE INDEX IF NOT EXISTS sentences_slug ON sentences(slug);
CREATE INDEX IF NOT EXISTS sentences_key ON sentences(source_key);
"""

# Schema 1 had no confidence, doubt or date per unit and no sentences.
_MIGRATE_FROM_1 = """
ALTER TABLE units ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
ALTER TABLE units ADD COLUMN doubtful INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN created TEXT NOT NULL DEFAULT '';
UPDATE articles SET po_sha256 = '';
"""


def tm_path(root: Path) -> Path:
    return Path(root) / TM_DIR / TM_NAME


def source_key(text: str) -> str:
    """The Ukrainian side normalised for exact lookups: without inline tags, NFC, one apostrophe, spaces
    collapsed, lower case."""
    return " ".join(normalize(plain(text)).split()).lower()


def now_stamp() -> str:
    """The current UTC time as TMX writes dates (SOURCE_DATE_EPOCH, when set, for reproducible outputs)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y%m%dT%H%M%SZ", t)


@dataclass(frozen=True)
class Unit:
    slug: str      # the article
    entry: str     # the PO entry id (msgctxt)
    source: str
    target: str
    confidence: float = 1.0   # the aligner's: the paragraph pair's, or the sentence pair's within it
    doubtful: bool = False    # a fuzzy PO entry, or a sentence pair below the sentence doubt threshold
    created: str = ""         # when the pair entered the memory (TMX date form), "" if unknown
    sentence: int = 0         # 0: the paragraph pair; k: the k-th sentence pair of that entry

    @property
    def level(self) -> str:
        return "sentence" if self.sentence else "paragraph"

    @property
    def tuid(self) -> str:
        return f"{self.slug}/{self.entry}" + (f"/{self.sentence}" if self.sentence else "")


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float   # 0-100, rapidfuzz similarity of the Ukrainian sides


@dataclass(frozen=True)
class Counts:
    articles: int
    paragraphs: int
    sentences: int
    doubtful_paragraphs: int
    doubtful_sentences: int


def po_units(po_path: Path, slug: str | None = None) -> list[Unit]:
    """The paragraph units of one PO file: every entry with both sides; fuzzy ones marked doubtful."""
    return _read_po(po_path, slug)[0]


def _read_po(po_path: Path, slug: str | None = None) -> tuple[list[Unit], float | None]:
    """(paragraph units, the document's length ratio from the header, when editflow wrote it)."""
    from editflow.po import ADDED_MSGID, entry_info, load_po

    po = load_po(po_path)
    slug = slug or Path(po_path).stem
    out = []
    for i, e in enumerate(po):
        if e.obsolete or e.msgid == ADDED_MSGID:
            continue
        if not e.msgid.strip() or not e.msgstr.strip():
            continue
        info = entry_info(e)
        out.append(Unit(slug, e.msgctxt or str(i), e.msgid, e.msgstr,
                        confidence=info.confidence if info is not None else 1.0, doubtful="fuzzy" in e.flags))
    try:
        ratio: float | None = float(po.metadata.get("X-Editflow-Ratio", ""))
    except ValueError:
        ratio = None
    return out, ratio


def sentence_units(units: Sequence[Unit], aligner: SentenceAligner, ratio: float | None = None) -> list[list[Unit]]:
    """The sentence pairs of each paragraph unit of one article (its paragraphs split at the PO's
    blank lines); `ratio`: the document's length ratio (the PO header's)."""
    from editflow.align.sentences import SENTENCE_DOUBT_THRESHOLD
    from editflow.po import SEP

    aligned = aligner.align_many([(u.source.split(SEP), u.target.split(SEP)) for u in units], ratio)
    out = []
    for unit, pairs in zip(units, aligned, strict=True):
        both = [p for p in pairs if p.src and p.tgt]
        out.append([Unit(unit.slug, unit.entry, p.source, p.target, confidence=p.confidence,
                         doubtful=unit.doubtful or p.confidence < SENTENCE_DOUBT_THRESHOLD, sentence=k)
                    for k, p in enumerate(both, start=1)])
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
        self._aligner: SentenceAligner | None = None

    @classmethod
    def open(cls, path: Path) -> TranslationMemory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Another process writing the memory (a build) holds SQLite's lock: wait for it
            # this long before giving up with a message, not a traceback.
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
            conn.execute("PRAGMA foreign_keys = ON")
            row = _schema_of(conn)
            if row is None or row == str(SCHEMA_VERSION):
                conn.executescript(_SCHEMA)
                if row is None:
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                    conn.commit()
            elif row == "1":
                _migrate_from_1(conn)
            else:
                conn.close()
                raise InputError(path, f"translation memory has schema {row}, this editflow reads {SCHEMA_VERSION}",
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

    def _default_aligner(self) -> SentenceAligner:
        if self._aligner is None:
            from editflow.align.lexicon import starter_lexicon
            from editflow.align.sentences import SentenceAligner

            self._aligner = SentenceAligner(starter_lexicon())
        return self._aligner

    def is_current(self, po_path: Path, slug: str | None = None) -> bool:
        """Whether the memory holds this PO as it is now (`update_from_po` would do nothing)."""
        row = self.conn.execute("SELECT po_sha256 FROM articles WHERE slug = ?",
                                (slug or Path(po_path).stem,)).fetchone()
        return row is not None and row[0] == _sha256(po_path)

    def update_from_po(self, po_path: Path, slug: str | None = None, aligner: SentenceAligner | None = None,
                       now: str | None = None) -> bool:
        """Bring one article's units up to date; False when the PO has not changed since.

        `aligner`: the sentence aligner (the lexicon and glossary the caller chose);
        default the starter lexicon's.  `now`: the date new pairs enter with (TMX form).
        """
        slug = slug or Path(po_path).stem
        digest = _sha256(po_path)
        row = self.conn.execute("SELECT po_sha256 FROM articles WHERE slug = ?", (slug,)).fetchone()
        if row is not None and row[0] == digest:
            return False
        units, ratio = _read_po(po_path, slug)
        aligner = aligner or self._default_aligner()
        sentences = sentence_units(units, aligner, ratio)
        stamp = now or now_stamp()
        # A pair already in the memory with the same two texts entered it then, not now.
        was = dict(((src, tgt), created) for src, tgt, created in self.conn.execute(
            "SELECT source, target, created FROM units WHERE slug = ?", (slug,)))
        was_s = dict(((src, tgt), created) for src, tgt, created in self.conn.execute(
            "SELECT source, target, created FROM sentences WHERE slug = ?", (slug,)))
        with self.conn:  # one transaction: an interrupted update leaves the old units
            self.conn.execute("DELETE FROM sentences WHERE slug = ?", (slug,))
            self.conn.execute("DELETE FROM units WHERE slug = ?", (slug,))
            self.conn.execute("INSERT OR REPLACE INTO articles (slug, po_path, po_sha256) VALUES (?, ?, ?)",
                              (slug, str(po_path), digest))
            for u, sents in zip(units, sentences, strict=True):
                cur = self.conn.execute(
                    "INSERT INTO units (slug, entry, source, target, source_key, confidence, doubtful, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (u.slug, u.entry, u.source, u.target, source_key(u.source), u.confidence, int(u.doubtful),
                     was.get((u.source, u.target), stamp)))
                self.conn.executemany(
                    "INSERT INTO sentences (unit, slug, seq, source, target, source_key, confidence, doubtful, "
                    "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(cur.lastrowid, s.slug, s.sentence, s.source, s.target, source_key(s.source), s.confidence,
                      int(s.doubtful), was_s.get((s.source, s.target), stamp)) for s in sents])
        return True

    def forget_missing(self, slugs: Iterable[str]) -> int:
        """Drop articles that no longer exist; returns how many were dropped."""
        keep = set(slugs)
        gone = [s for (s,) in self.conn.execute("SELECT slug FROM articles") if s not in keep]
        with self.conn:
            for s in gone:
                self.conn.execute("DELETE FROM sentences WHERE slug = ?", (s,))
                self.conn.execute("DELETE FROM units WHERE slug = ?", (s,))
                self.conn.execute("DELETE FROM articles WHERE slug = ?", (s,))
        return len(gone)

    # -- reading -----------------------------------------------------------

    def units(self, level: str = "paragraph", doubtful: bool = False) -> Iterator[Unit]:
        """The memory's pairs of one level in article and text order; `doubtful`: the doubtful ones too."""
        where = "" if doubtful else "WHERE doubtful = 0"
        if level == "paragraph":
            yield from (_unit(r) for r in self.conn.execute(
                "SELECT slug, entry, source, target, confidence, doubtful, created FROM units "
                f"{where} ORDER BY slug, id"))
        elif level == "sentence":
            where = "" if doubtful else "WHERE s.doubtful = 0"
            yield from (_unit(r, r[7]) for r in self.conn.execute(
                "SELECT s.slug, u.entry, s.source, s.target, s.confidence, s.doubtful, s.created, s.seq "
                f"FROM sentences s JOIN units u ON s.unit = u.id {where} ORDER BY s.slug, u.id, s.seq"))
        else:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")

    def count(self) -> tuple[int, int]:
        """(articles, confident paragraph pairs)."""
        a = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        u = self.conn.execute("SELECT COUNT(*) FROM units WHERE doubtful = 0").fetchone()[0]
        return a, u

    def counts(self) -> Counts:
        one = self.conn.execute
        return Counts(one("SELECT COUNT(*) FROM articles").fetchone()[0],
                      one("SELECT COUNT(*) FROM units").fetchone()[0],
                      one("SELECT COUNT(*) FROM sentences").fetchone()[0],
                      one("SELECT COUNT(*) FROM units WHERE doubtful = 1").fetchone()[0],
                      one("SELECT COUNT(*) FROM sentences WHERE doubtful = 1").fetchone()[0])

    def exact(self, source: str) -> list[Unit]:
        """Earlier confident translations of the same Ukrainian paragraph (normalised)."""
        return self.exact_many([source]).get(source_key(source), [])

    def exact_many(self, sources: Iterable[str]) -> dict[str, list[Unit]]:
        """Earlier confident translations of each paragraph, keyed by `source_key`: one query per 500 texts."""
        keys = sorted({source_key(s) for s in sources})
        out: dict[str, list[Unit]] = {}
        for start in range(0, len(keys), 500):  # SQLite caps the number of parameters
            chunk = keys[start:start + 500]
            rows = self.conn.execute(
                "SELECT source_key, slug, entry, source, target, confidence, doubtful, created FROM units "
                f"WHERE doubtful = 0 AND source_key IN ({','.join('?' * len(chunk))}) ORDER BY slug, id", chunk)
            for key, *unit in rows:
                out.setdefault(key, []).append(_unit(unit))
        return out

    def search(self, text: str, limit: int = 10, min_score: float = 60.0, level: str | None = None) -> list[Hit]:
        """Earlier translations whose Ukrainian side resembles `text`, best first: sentences and paragraphs.

        The score is the edit-distance similarity of the normalised Ukrainian
        sides (rapidfuzz's ratio, 0-100); a unit that contains the query (a
        sentence looked up in a longer paragraph) scores 90% of its best
        partial match instead, so whole matches still rank first.  A paragraph
        of one sentence is one hit, not two.  `level`: only sentences or only
        paragraphs (default both).  Doubtful pairs are found too, marked.
        """
        import numpy as np
        from rapidfuzz import fuzz, process

        rows: list[tuple[Unit, str]] = []
        if level in (None, "paragraph"):
            rows += [(_unit(r), r[7]) for r in self.conn.execute(
                "SELECT slug, entry, source, target, confidence, doubtful, created, source_key FROM units")]
        if level in (None, "sentence"):
            same = " WHERE NOT (s.source = u.source AND s.target = u.target)" if level is None else ""
            rows += [(_unit(r, r[7]), r[8]) for r in self.conn.execute(
                "SELECT s.slug, u.entry, s.source, s.target, s.confidence, s.doubtful, s.created, s.seq, "
                f"s.source_key FROM sentences s JOIN units u ON s.unit = u.id{same}")]
        if level not in (None, *LEVELS):
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
        if not rows:
            return []
        keys = [k for _, k in rows]
        query = source_key(text)
        whole = process.cdist([query], keys, scorer=fuzz.ratio, dtype=np.float32)[0]
        part = process.cdist([query], keys, scorer=fuzz.partial_ratio, dtype=np.float32)[0]
        longer = np.array([len(k) > len(query) for k in keys])
        score = np.maximum(whole, np.where(longer, 0.9 * part, 0.0))
        # Ties: confident before doubtful, then the shorter unit (a sentence before its paragraph).
        order = sorted((i for i in range(len(keys)) if score[i] >= min_score),
                       key=lambda i: (-score[i], rows[i][0].doubtful, len(keys[i]), i))
        return [Hit(rows[i][0], round(float(score[i]), 1)) for i in order[:limit]]


def _unit(row: Sequence[Any], sentence: int = 0) -> Unit:
    """A Unit from a row of (slug, entry, source, target, confidence, doubtful, created, …)."""
    return Unit(row[0], row[1], row[2], row[3], float(row[4]), bool(row[5]), row[6], int(sentence))


def _schema_of(conn: sqlite3.Connection) -> str | None:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return None if row is None else str(row[0])


def _migrate_from_1(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2 in one transaction: the new columns and table, every article to be re-read.

    The pairs of a schema-1 memory have no known date: they keep none ("" →
    no creationdate in a TMX) rather than the day of the upgrade.
    """
    conn.execute("BEGIN")
    try:
        for stmt in _MIGRATE_FROM_1.strip().split(";"):
            if stmt.strip():
                conn.execute(stmt)
        for stmt in _SCHEMA.strip().split(";"):
            if stmt.strip():
                conn.execute(stmt)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def update_from_project(mem: TranslationMemory, root: Path, aligner: SentenceAligner | None = None) -> tuple[int, int]:
    """Every translations/*.po of the project into the memory, articles whose PO is gone dropped:
    (articles updated, articles dropped)."""
    pos = sorted((Path(root) / "translations").glob("*.po"))
    updated = sum(mem.update_from_po(p, aligner=aligner) for p in pos)
    return updated, mem.forget_missing(p.stem for p in pos)
