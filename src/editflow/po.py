"""The PO working file: one entry per bead, lossless in both directions.

Layout of an entry:

    #. 1-2 (split in translation) · confidence 0.62 · length ratio 2.4
    #. editflow: src=3 tgt=3,4 conf=0.6200 roles=body|body,body
    #: ../originals/war.uk.txt:12 ../translations/war.en.txt:14 ../translations/war.en.txt:16
    #, fuzzy
    msgctxt "9f2c41d0"
    msgid "…Ukrainian paragraph…"
    msgstr ""
    "…first English paragraph…\\n"
    "\\n"
    "…second English paragraph…"

`msgctxt` is a stable id: a hash of the Ukrainian text of the bead (of the
English text for an addition), so re-aligning after a change elsewhere keeps
every other entry's id.  Multi-paragraph sides are joined with a blank line.
A bead with no Ukrainian side (an addition) cannot have an empty msgid (that
is the PO header), so it carries a fixed placeholder and the machine line
says `src=` (empty); rebuilding never reads the placeholder as text.
The header names both inputs with their SHA-256 so a stale PO is detected.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import polib

from editflow import __version__
from editflow.errors import InputError
from editflow.fileio import atomic_write
from editflow.model import Alignment, Bead, Document, Paragraph, Role, role_of
from editflow.po_validate import ParsedEntry, POFormatError, validate_po
from editflow.readers.paragraphs import HEADER as PARAGRAPHS_HEADER

ADDED_MSGID = "[editflow: no Ukrainian counterpart]"
SEP = "\n\n"
_MACHINE = re.compile(r"(?:^|\n)editflow:\s*(.*)", re.S)

KIND_LABELS = {
    "1-1": "1-1", "1-2": "1-2 (split in translation)", "2-1": "2-1 (merged in translation)",
    "2-2": "2-2", "1-3": "1-3 (split in translation)", "3-1": "3-1 (merged in translation)",
    "1-0": "1-0 (omitted in translation)", "0-1": "0-1 (added in translation)",
}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def text_hash(text: str) -> str:
    """Short hash of a side's text as written, so that edits made in the PO can be told apart."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _bead_id(texts: list[str], added: bool) -> str:
    key = ("+" if added else "") + SEP.join(" ".join(t.split()) for t in texts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def _ref_unsafe(ch: str) -> bool:
    # White space separates `#:` references and a newline would end the comment
    # or the header field; polib re-wraps long `#:` lines by turning "-" into
    # "*" and back (so a "*" would come back as "-"); "%" is the escape itself;
    # controls, format characters and noncharacters are invisible or illegal in XML.
    return (ch in "%*" or ch.isspace()
            or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
            or 0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE)


def encode_ref(name: str) -> str:
    """A file name as the PO writes it in `#:` references and header fields.

    The characters that would break either (white space, newlines, quotes are
    fine) are percent-encoded as UTF-8 bytes, like a URL; everything else,
    Ukrainian letters included, stays readable.  `decode_ref` reverses it.
    """
    if not any(_ref_unsafe(ch) for ch in name):
        return name
    return "".join("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")) if _ref_unsafe(ch) else ch
                   for ch in name)


def decode_ref(ref: str) -> str:
    """The file name a `#:` reference or header field of editflow's names (see `encode_ref`)."""
    return unquote(ref, errors="surrogateescape") if "%" in ref else ref


def input_ref(doc: Document, po_dir: Path) -> str:
    """How a PO in `po_dir` names an input file (relative, so the project folder may move), encoded by
    `encode_ref`; a page fetched from an address is named by its address."""
    if doc.url:
        return doc.url
    if doc.path is None:
        return "<input>"
    try:
        name = Path(os.path.relpath(Path(doc.path).resolve(), po_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        name = Path(doc.path).as_posix()
    return encode_ref(name)


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", t)


def alignment_to_po(al: Alignment, po_path: Path) -> polib.POFile:
    po_dir = Path(po_path).parent
    po = polib.POFile(wrapwidth=78)
    src, tgt = al.source, al.target
    po.metadata = {
        "Project-Id-Version": encode_ref(Path(po_path).stem),
        "PO-Revision-Date": _now(),
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"editflow {__version__}",
        "X-Source-Language": "uk",
        "X-Editflow-Source": input_ref(src, po_dir),
        "X-Editflow-Source-SHA256": src.sha256,
        "X-Editflow-Target": input_ref(tgt, po_dir),
        "X-Editflow-Target-SHA256": tgt.sha256,
        "X-Editflow-Ratio": f"{al.ratio:.4f}",
        "X-Editflow-Doubt-Threshold": f"{al.doubt_threshold:.2f}",
        # Which lexicon scored the pairs, for people to see: a new lexicon alone never re-aligns.
        "X-Editflow-Lexicon": al.lexicon or "none",
        # How each side's paragraphs were told apart, so that a refresh and a build read them the same way.
        PARAGRAPHS_HEADER: f"uk={src.paragraphing} en={tgt.paragraphing}",
    }
    seen: dict[str, int] = {}
    src_ref, tgt_ref = input_ref(src, po_dir), input_ref(tgt, po_dir)
    for bead in al.beads:
        s_texts = [src.paragraphs[i].text for i in bead.src]
        t_texts = [tgt.paragraphs[j].text for j in bead.tgt]
        bid = _bead_id(s_texts or t_texts, added=not s_texts)
        seen[bid] = seen.get(bid, 0) + 1
        if seen[bid] > 1:
            bid = f"{bid}-{seen[bid]}"
        roles = "|".join([",".join(src.paragraphs[i].role for i in bead.src),
                          ",".join(tgt.paragraphs[j].role for j in bead.tgt)])
        human = f"{KIND_LABELS.get(bead.kind, bead.kind)} · confidence {bead.confidence:.2f}"
        if bead.reasons:
            human += " · " + "; ".join(bead.reasons)
        machine = (f"editflow: src={','.join(map(str, bead.src))} tgt={','.join(map(str, bead.tgt))} "
                   f"conf={bead.confidence:.4f} roles={roles} en={text_hash(SEP.join(t_texts))}")
        occ = [(src_ref, src.paragraphs[i].location or str(i)) for i in bead.src]
        occ += [(tgt_ref, tgt.paragraphs[j].location or str(j)) for j in bead.tgt]
        entry = polib.POEntry(
            msgctxt=bid,
            msgid=SEP.join(s_texts) if s_texts else ADDED_MSGID,
            msgstr=SEP.join(t_texts),
            comment=human + "\n" + machine,
            occurrences=occ,
            flags=["fuzzy"] if bead.confidence < al.doubt_threshold else [],
        )
        po.append(entry)
    return po


def write_po(al: Alignment, po_path: Path, *, expect: str | None = None) -> polib.POFile:
    """Write the PO of `al`; `expect`: the file's fingerprint when it was read (see fileio.atomic_write)."""
    po = alignment_to_po(al, po_path)
    atomic_write(Path(po_path), str(po) + "\n", expect=expect)
    return po


@dataclass
class EntryInfo:
    """What the machine comment line of an entry says.

    Fields the alignment editor (editflow.pairing) adds, each optional so that older POs read as
    before: `pin=1` (a person confirmed the pair), a role ending in `!` (set by a person),
    `ids=` (the paragraphs' stable ids, when they are not the ones the entry's msgctxt gives) and
    `en=` with one hash per English paragraph (`?`: not known, the neighbouring `?` paragraphs
    were edited as one text; `*`: not known, edited on its own).
    """
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    src_roles: list[Role]
    tgt_roles: list[Role]
    en_hash: str = ""  # hash of the English side when editflow wrote it (the whole side, or see en_hashes)
    pinned: bool = False
    src_set: list[bool] = field(default_factory=list)   # per Ukrainian paragraph: its role set by a person
    tgt_set: list[bool] = field(default_factory=list)
    src_ids: list[str] = field(default_factory=list)    # stable paragraph ids, when written
    tgt_ids: list[str] = field(default_factory=list)

    @property
    def en_hashes(self) -> list[str] | None:
        """One token per English paragraph when the line records them so (see the class doc), else None."""
        tokens = self.en_hash.split(",") if self.en_hash else []
        if len(tokens) > 1 or (len(tokens) == 1 and tokens[0] in ("?", "*")):
            return tokens
        return None


_PID_UNSAFE = re.compile(r"[^0-9A-Za-z_.]")


def pid_base(entry_id: str) -> str:
    """The stem of the paragraph ids an entry id gives (no hyphen: PO writers wrap comment lines at hyphens)."""
    return _PID_UNSAFE.sub("_", entry_id) or "p"


def default_pid(entry_id: str, side: str, position: int) -> str:
    """The stable id of the paragraph at 1-based `position` on `side` ("uk"/"en") of entry `entry_id`,
    when the machine line writes none (`ids=`): every paragraph of a PO has one (editflow.pairing)."""
    return f"{pid_base(entry_id)}.{side[0]}{position}"


def paragraph_ids(entry: polib.POEntry, info: EntryInfo, side: str, count: int, index: int = 0) -> list[str]:
    """The stable ids of the entry's `count` paragraphs on `side`: as written, else the defaults.
    `index`: the entry's position among the live entries (the id of an entry without msgctxt)."""
    written = info.src_ids if side == "uk" else info.tgt_ids
    if len(written) == count:
        return list(written)
    entry_id = entry.msgctxt or f"n{index + 1}"
    return [default_pid(entry_id, side, k + 1) for k in range(count)]


def english_parts(entry: polib.POEntry, info: EntryInfo | None) -> list[str]:
    """The entry's English paragraphs as the PO holds them now (its blank lines, when an edit moved them)."""
    if not entry.msgstr:
        return []
    if info is None:
        return [entry.msgstr]
    count = len(info.tgt) or 1
    parts = entry.msgstr.split(SEP) if count > 1 else [entry.msgstr]
    return parts if len(parts) == count else entry.msgstr.split(SEP)


def entry_paragraph_ids(entry: polib.POEntry, index: int) -> tuple[list[str], list[str]]:
    """The stable ids of the entry's Ukrainian and English paragraphs (`index`: its place among the live entries)."""
    info = entry_info(entry)
    if info is None:
        entry_id = entry.msgctxt or f"n{index + 1}"
        uk = [default_pid(entry_id, "uk", 1)] if entry.msgid and entry.msgid != ADDED_MSGID else []
        return uk, [default_pid(entry_id, "en", 1)] if entry.msgstr else []
    return (paragraph_ids(entry, info, "uk", len(info.src), index),
            paragraph_ids(entry, info, "en", len(english_parts(entry, info)), index))


def set_machine_fields(entry: polib.POEntry, fields: dict[str, str | None]) -> None:
    """Set (or, with None, remove) fields of the entry's machine line, keeping the others in their order."""
    m = _MACHINE.search(entry.comment or "")
    if m is None:
        return
    out: list[str] = []
    seen: set[str] = set()
    for f in m.group(1).split():
        name = f.split("=", 1)[0]
        if name in fields:
            seen.add(name)
            if fields[name] is not None:
                out.append(f"{name}={fields[name]}")
        else:
            out.append(f)
    out += [f"{k}={v}" for k, v in fields.items() if k not in seen and v is not None]
    entry.comment = (entry.comment or "")[:m.start()] + ("\n" if m.start() else "") + "editflow: " + " ".join(out)


def english_originals(entry: polib.POEntry, info: EntryInfo) -> list[str | None]:
    """Per English paragraph of the entry as it is now: the hash of its text as aligned, None when unknown.

    From per-paragraph hashes when the machine line has them and the paragraphs still number as
    many; from the whole side's hash otherwise: every paragraph as aligned when the side is
    unchanged, none known when it was edited.
    """
    count = (len(info.tgt) or 1) if entry.msgstr else 0
    parts = entry.msgstr.split(SEP) if count > 1 else ([entry.msgstr] if count else [])
    tokens = info.en_hashes
    if tokens is not None and len(tokens) == len(parts):
        return [t if t not in ("?", "*") else None for t in tokens]
    if info.en_hash and tokens is None and text_hash(entry.msgstr) == info.en_hash:
        return [text_hash(t) for t in parts]
    return [None] * len(parts)


def english_edited(entry: polib.POEntry, info: EntryInfo) -> bool:
    """Whether the entry's English differs from what editflow aligned (any paragraph of it)."""
    if not info.en_hash:
        return False
    tokens = info.en_hashes
    if tokens is None:
        return text_hash(entry.msgstr) != info.en_hash
    parts = entry.msgstr.split(SEP) if entry.msgstr else []
    if len(parts) != len(tokens):
        return True
    return any(t in ("?", "*") or text_hash(part) != t for t, part in zip(tokens, parts, strict=True))


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip() != "")


def entry_info(entry: polib.POEntry) -> EntryInfo | None:
    # The machine line is the last comment line and may have been re-wrapped
    # by a PO editor, so read everything after "editflow:" as one line.
    m = _MACHINE.search(entry.comment or "")
    if not m:
        return None
    fields = dict(f.split("=", 1) for f in m.group(1).split() if "=" in f)
    try:
        roles = [*fields.get("roles", "|").split("|", 1), ""]
        src_roles = [r for r in roles[0].split(",") if r]
        tgt_roles = [r for r in roles[1].split(",") if r]
        ids = [*fields.get("ids", "|").split("|", 1), ""]
        return EntryInfo(
            src=_ints(fields.get("src", "")), tgt=_ints(fields.get("tgt", "")),
            confidence=float(fields.get("conf", "1")),
            src_roles=[role_of(r.rstrip("!")) for r in src_roles],
            tgt_roles=[role_of(r.rstrip("!")) for r in tgt_roles],
            en_hash=fields.get("en", ""),
            pinned=fields.get("pin", "") == "1",
            src_set=[r.endswith("!") for r in src_roles], tgt_set=[r.endswith("!") for r in tgt_roles],
            src_ids=[x for x in ids[0].split(",") if x], tgt_ids=[x for x in ids[1].split(",") if x],
        )
    except ValueError:
        return None


def load_po(path: Path) -> polib.POFile:
    """Read a PO file strictly: a structurally broken one is refused with its line (po_validate)."""
    path = Path(path)
    return parse_po(read_po_bytes(path), path)


def read_po_bytes(path: Path) -> bytes:
    """The bytes of the PO at `path`; a missing or unreadable file is refused saying what to do."""
    if not path.is_file():
        raise InputError(path, "PO file not found", "run 'editflow align' first")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})", "check its permissions") from None


def parse_po(data: bytes, path: Path | str = "<po>") -> polib.POFile:
    """The PO in `data`, validated first and then read by polib, which must agree with the validator."""
    checked = validate_po(data, path)
    # polib splits text given as a string with str.splitlines(), which also breaks lines at
    # U+2028, U+0085 and other characters a string may hold; a PO line ends at "\n" only.
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in checked.text.split("\n")]
    parser: Any = polib._POFileParser(checked.text, encoding="utf-8")
    parser.fhandle = lines  # the parser iterates fhandle, a file or (here) a list of lines
    try:
        po = parser.parse()
    except (OSError, ValueError) as e:
        raise POFormatError(path, parser.current_line, f"editflow's PO library cannot read this line ({e})") from None
    po.wrapwidth = 78
    po.encoding = "utf-8"
    _agree(po, checked.entries, path)
    return po


def _agree(po: polib.POFile, parsed: list[ParsedEntry], path: Path | str) -> None:
    """Refuse a file polib would read differently from gettext (the validator), rather than change its text."""
    ours = [e for e in parsed if not e.is_header]
    theirs = list(po)
    for k, mine in enumerate(ours):
        entry = theirs[k] if k < len(theirs) else None
        if entry is None or _strings(entry) != (
                mine.obsolete, mine.msgctxt, mine.msgid or "", mine.msgid_plural or "", mine.msgstr or "",
                dict(mine.msgstr_plural), mine.previous_msgctxt, mine.previous_msgid, mine.previous_msgid_plural):
            raise POFormatError(path, mine.line, "editflow's PO library would read this entry differently from "
                                                 "gettext, changing its text",
                                "rewrite the entry as Poedit or msgcat would save it; editflow has not changed "
                                "the file")
    if len(theirs) != len(ours):
        extra = theirs[len(ours)]
        raise POFormatError(path, extra.linenum or 0, "editflow's PO library would read an entry that gettext "
                                                      "does not see", "fix the entry; editflow has not changed the file")


def _strings(e: polib.POEntry) -> tuple[object, ...]:
    plural = {int(k): v for k, v in (e.msgstr_plural or {}).items()}
    return (bool(e.obsolete), e.msgctxt, e.msgid, e.msgid_plural or "", e.msgstr or "", plural,
            e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural)


def _split(text: str, count: int, path: Path, entry: polib.POEntry, side: str) -> list[str]:
    if count == 0:
        return []
    parts = text.split(SEP) if count > 1 else [text]
    if count == 1 and not text:
        parts = []
    if len(parts) != count:
        raise InputError(path, f"entry {entry.msgctxt or entry.msgid[:30]!r}: the {side} side should hold "
                               f"{count} paragraph(s) separated by a blank line, found {len(parts)}",
                         "restore the blank lines or re-align")
    return parts


def po_to_documents(po: polib.POFile, path: Path = Path("<po>")) -> tuple[Document, Document, list[Bead]]:
    """Rebuild both texts, paragraph for paragraph, and the beads, from a PO working file."""
    src: list[Paragraph] = []
    tgt: list[Paragraph] = []
    beads: list[Bead] = []
    for entry in po:
        if entry.obsolete:
            continue
        info = entry_info(entry)
        if info is None:  # a PO made elsewhere: one entry, one paragraph each side
            s_texts = [entry.msgid] if entry.msgid and entry.msgid != ADDED_MSGID else []
            t_texts = [entry.msgstr] if entry.msgstr else []
            s_roles, t_roles, conf = [], [], 1.0
        else:
            s_texts = _split(entry.msgid, len(info.src), path, entry, "Ukrainian")
            # An omission the translator has since translated in the PO: its
            # text is a new English paragraph, not something to drop.
            # An English side emptied in the PO (the translator withdrew it) has
            # no paragraphs left, whatever the bead once held.
            t_count = (len(info.tgt) or 1) if entry.msgstr else 0
            t_texts = _split(entry.msgstr, t_count, path, entry, "English")
            s_roles, t_roles, conf = info.src_roles, info.tgt_roles, info.confidence
        s_idx = tuple(range(len(src), len(src) + len(s_texts)))
        t_idx = tuple(range(len(tgt), len(tgt) + len(t_texts)))
        for k, t in enumerate(s_texts):
            src.append(Paragraph(t, s_roles[k] if k < len(s_roles) else "body"))
        for k, t in enumerate(t_texts):
            tgt.append(Paragraph(t, t_roles[k] if k < len(t_roles) else "body"))
        if s_idx or t_idx:
            beads.append(Bead(s_idx, t_idx, conf))
    md = po.metadata
    return (Document(src, lang="uk", sha256=md.get("X-Editflow-Source-SHA256", "")),
            Document(tgt, lang="en", sha256=md.get("X-Editflow-Target-SHA256", "")), beads)


def edited_entries(po: polib.POFile) -> list[str]:
    """Ids of the entries whose English was changed in the PO after editflow wrote it."""
    out = []
    for entry in po:
        info = entry_info(entry)
        if info is None or not info.en_hash or entry.obsolete:
            continue
        if english_edited(entry, info):
            out.append(entry.msgctxt or entry.msgid[:30])
    return out


_QUOTED = re.compile(r'^"(.*)"$')


def read_header(path: Path) -> dict[str, str]:
    """The header fields of the PO at `path`, read without parsing the entries.

    `editflow status` wants a few header fields of hundreds of POs; parsing
    every entry with polib would be most of its time.  {} when the file
    cannot be read or has no header entry.
    """
    pieces: list[str] = []
    state = "before"   # → "msgid" → "msgstr": where in the header entry the reader is
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for raw in fh:
                line = raw.strip()
                if state == "before":
                    if line and not line.startswith("#"):
                        if line != 'msgid ""':
                            return {}   # the first entry is a real one: no header
                        state = "msgid"
                elif state == "msgid":
                    if line == 'msgstr ""':
                        state = "msgstr"
                    elif line != '""':
                        return {}
                else:
                    m = _QUOTED.match(line)
                    if m is None:
                        break
                    pieces.append(m.group(1))
    except (OSError, UnicodeDecodeError):
        return {}
    out: dict[str, str] = {}
    for line in polib.unescape("".join(pieces)).split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            out[name.strip()] = value.strip()
    return out


def stale_inputs(po: polib.POFile, po_path: Path) -> list[str]:
    """Inputs named in the PO header whose contents changed since it was made."""
    out = []
    base = Path(po_path).parent
    for key in ("Source", "Target"):
        rel = po.metadata.get(f"X-Editflow-{key}")
        digest = po.metadata.get(f"X-Editflow-{key}-SHA256")
        if not rel or not digest or "://" in rel:
            continue  # a page fetched from an address is not fetched again to see whether it changed
        p = base / decode_ref(rel)
        if not p.is_file():
            out.append(f"{rel} (missing)")
        elif sha256_file(p) != digest:
            out.append(rel)
    return out


def entry_note(entry: polib.POEntry) -> str:
    """The human line of the entry's `#.` comment (kind, confidence, reasons), whole.

    editflow writes it as one line, which PO writers wrap at 78 columns (polib with no mark of
    the wrap), so every `#.` line before the machine line is a piece of it.  An entry without the
    machine line (a PO made elsewhere) keeps its comment lines as they are.
    """
    comment = entry.comment or ""
    m = _MACHINE.search(comment)
    if m is None:
        return comment.strip("\n")
    return " ".join(ln.strip() for ln in comment[:m.start()].split("\n") if ln.strip())


def set_english_paragraphs(po: Iterable[polib.POEntry], entry: polib.POEntry, count: int, reason: str) -> None:
    """Make the entry's machine and human lines say its English has `count` paragraphs now.

    For an English side re-paragraphed after alignment (a reviewer's Enter in a cell): the
    paragraphs the entry had keep their indexes and roles, a new one takes its neighbour's (the
    index of the paragraph it was split from: it has no place of its own in the translation file);
    the hash of the English as aligned stays, so the entry still counts as edited in the PO.
    `po`: the entries the entry stands among (for the index of an omission translated after all).
    """
    info = entry_info(entry)
    m = _MACHINE.search(entry.comment or "")
    if info is None or m is None or count == len(info.tgt):
        return
    tgt = list(info.tgt[:count])
    if not tgt and count:   # an omission translated in review: after the English before it
        last = 0
        for e in po:
            if e is entry:
                break
            other = entry_info(e) if not e.obsolete else None
            last = max((*other.tgt, last)) if other is not None else last
        tgt = [last]
    tgt += [tgt[-1]] * (count - len(tgt)) if tgt else []
    marked_src = [r + "!" * (k < len(info.src_set) and info.src_set[k]) for k, r in enumerate(info.src_roles)]
    marked_tgt = [r + "!" * (k < len(info.tgt_set) and info.tgt_set[k]) for k, r in enumerate(info.tgt_roles)]
    roles: list[str] = marked_tgt[:count] or [r.rstrip("!") for r in info.src_roles[-1:]] or ["body"]
    roles += [roles[-1]] * (count - len(roles))
    # Fields this function does not change are kept as written, in their order.
    fields = [f"tgt={','.join(map(str, tgt))}" if f.startswith("tgt=")
              else f"roles={','.join(marked_src)}|{','.join(roles)}" if f.startswith("roles=")
              else f for f in m.group(1).split()]
    kind = f"{len(info.src)}-{count}"
    human = f"{kind} · confidence {info.confidence:.2f} · {reason}"
    entry.comment = f"{human}\neditflow: {' '.join(fields)}"
