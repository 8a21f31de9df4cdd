"""Refreshing a PO working file without losing what people wrote in it.

When an article is aligned again (`editflow align` over an existing PO, or `build` after an input
changed), the new alignment gives fresh entries; this module carries over, from the PO as it was,
everything a person put there:

- translator comments, `# editflow: ignore …` markers, and the review record and reviewers'
  comments that `import-review` wrote (all `# ` lines);
- a flag decision: `fuzzy` cleared by a translator who confirmed a doubtful pair (or set on a pair
  editflow trusted), and any other flag;
- English edited in the PO (the entry's text differs from the hash editflow recorded of it);
- entries a translator added by hand (no editflow machine line);
- the header fields editflow does not own (Last-Translator, Language-Team, X-Poedit-…,
  the imported-review record) and the header comment.

Everything goes to the entry that now holds the *same paragraphs*, never to an entry at the same
position: a paragraph is the same when its text is equal once white space is normalised, else
when it is the closest unclaimed paragraph with a rapidfuzz `fuzz.ratio` of at least
`MATCH_THRESHOLD` (80) and both are at least `MIN_FUZZY_LENGTH` (30) characters long.  Measured
on the shared corpus (`benchmarks/refresh_threshold.py`): 6 of 35,356 pairs of distinct
paragraphs of one document (both that long) reach 80, all hashtag lines and markup, while 91.4%
of 6,255 paragraphs with three words replaced still do.  Fuzzy matching only ever pairs paragraphs that
found no exact counterpart.

An entry whose paragraphs were split or merged hands its comments to every entry that now holds
one of them.  A paragraph also edited in the PO whose text the translation file changed too is a
conflict: the PO's version is kept and the conflict reported.  Whatever cannot be placed (its
paragraphs are gone, or an edit no longer fits the new pairing) is kept as an obsolete entry
(`#~`, as gettext's msgmerge keeps them) and named in the report.

`carry_over` is pure: it takes the old and the new POFile and returns the merged one and a
`RefreshReport`; writing is the caller's (editflow.workfile).
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import asdict, dataclass, field
from typing import Any

import polib

from editflow.align import DOUBT_THRESHOLD
from editflow.history import BEFORE_PREFIX
from editflow.po import ADDED_MSGID, SEP, EntryInfo, _bead_id, _now, entry_info, text_hash

MATCH_THRESHOLD = 80.0
MIN_FUZZY_LENGTH = 30

# Header fields that describe this alignment; every other field is the desk's and is kept.
EDITFLOW_FIELDS = frozenset({
    "PO-Revision-Date", "X-Generator", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    "X-Editflow-Source", "X-Editflow-Source-SHA256", "X-Editflow-Target", "X-Editflow-Target-SHA256",
    "X-Editflow-Ratio", "X-Editflow-Doubt-Threshold",
})
KEPT_NOTE = "kept by editflow"  # the first words of the comment on an obsolete entry editflow wrote

_IGNORE = re.compile(r"editflow:\s*ignore\b", re.IGNORECASE)
_REVIEW = re.compile(rf"^(reviewed:|review \(|{re.escape(BEFORE_PREFIX)})")


# --------------------------------------------------------------------------- the report

@dataclass
class Moved:
    """Where one old entry's paragraphs are now."""
    old: str
    new: list[str]
    exact: bool          # every paragraph found with the same text (white space aside), its English as it was


@dataclass
class Carried:
    what: str            # "translator comment", "ignore marker", "review record", "confirmed pair", ...
    old: str             # the old entry's id
    new: list[str]       # the entries it went to


@dataclass
class Conflict:
    """A paragraph edited in the PO that the translation file changed as well: the PO's version was kept."""
    entry: str
    old: str
    po_text: str
    translation_text: str


@dataclass
class Unplaced:
    """An old entry kept as an obsolete entry, because part of what people wrote in it found no place."""
    entry: str           # the obsolete entry's msgctxt in the new PO
    old: str
    what: list[str]
    reason: str


@dataclass
class RefreshReport:
    po: str
    carried: list[Carried] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    obsolete: list[Unplaced] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)    # decisions about pairs that no longer exist
    dropped: list[Carried] = field(default_factory=list)    # what --discard-edits threw away
    moves: dict[str, Moved] = field(default_factory=dict)
    dismissals_rekeyed: int = 0                              # filled in by checks.suppress.carry_dismissed
    dismissals_lost: list[str] = field(default_factory=list)
    dismissals_problem: str = ""                              # why they could not be looked at, if so

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.carried:
            out[c.what] = out.get(c.what, 0) + 1
        return out

    @property
    def kept_anything(self) -> bool:
        """Whether there is anything to tell: something kept, in conflict, dropped or not carried."""
        return bool(self.carried or self.conflicts or self.obsolete or self.not_carried or self.dropped
                    or self.dismissals_rekeyed or self.dismissals_lost or self.dismissals_problem)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["moves"] = {k: asdict(v) for k, v in self.moves.items()}
        d["counts"] = self.counts()
        return d

    def summary(self) -> str:
        """One line, for build's table."""
        parts = []
        counts = self.counts()
        if counts:
            parts.append("kept " + ", ".join(f"{n} {_plural(w, n)}" for w, n in counts.items()))
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} {_plural('conflict', len(self.conflicts))} (PO's version kept)")
        if self.obsolete:
            parts.append(f"{len(self.obsolete)} kept as obsolete (#~): " + ", ".join(u.entry for u in self.obsolete[:4])
                         + (" …" if len(self.obsolete) > 4 else ""))
        if self.dropped:
            parts.append(f"dropped {len(self.dropped)} edit(s) (--discard-edits)")
        if self.dismissals_lost:
            parts.append(f"{len(self.dismissals_lost)} dismissed finding(s) not carried")
        if self.dismissals_problem:
            parts.append("dismissed findings left under their old keys")
        return "re-aligned; " + "; ".join(parts) if parts else "re-aligned"

    def format(self) -> str:
        """What `editflow align` prints after its summary."""
        lines: list[str] = []
        counts = self.counts()
        if counts:
            lines.append(f"kept from the previous {self.po}: "
                         + ", ".join(f"{n} {_plural(w, n)}" for w, n in counts.items()))
        if self.dismissals_rekeyed:
            lines.append(f"dismissed findings carried to the new entries: {self.dismissals_rekeyed}")
        for c in self.conflicts:
            lines.append(f"conflict in {c.entry}: the translation file changed English that was also edited in the "
                         f"PO; kept the PO's version")
            lines.append(f"  PO:          “{_snip(c.po_text)}”")
            lines.append(f"  translation: “{_snip(c.translation_text)}”")
        for u in self.obsolete:
            lines.append(f"kept as obsolete (#~) in {self.po}: {u.entry} ({', '.join(u.what)}): {u.reason}")
        for note in self.not_carried:
            lines.append(f"not carried: {note}")
        for key in self.dismissals_lost:
            lines.append(f"not carried: dismissed finding {key} (its text changed; it will be reported again)")
        if self.dismissals_problem:
            lines.append(f"dismissed findings left under their old keys: {self.dismissals_problem}")
        if self.dropped:
            what: dict[str, int] = defaultdict(int)
            for d in self.dropped:
                what[d.what] += 1
            lines.append(f"dropped (--discard-edits) from {self.po}: "
                         + ", ".join(f"{n} {_plural(w, n)}" for w, n in what.items()))
        return "\n".join(lines)


_PLURALS = {"translator comment": "translator comments", "ignore marker": "ignore markers",
            "review record": "review records", "confirmed pair": "confirmed pairs", "fuzzy flag": "fuzzy flags",
            "flag": "flags", "English edited in the PO": "English edits made in the PO",
            "Ukrainian edited in the PO": "Ukrainian edits made in the PO", "added entry": "added entries",
            "added entry (now in the input files)": "added entries (now in the input files)",
            "conflict": "conflicts", "obsolete entry": "obsolete entries"}


def _plural(what: str, n: int) -> str:
    return what if n == 1 else _PLURALS.get(what, what)


def _snip(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _norm(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- paragraphs of entries

@dataclass
class _Para:
    entry: int           # index of the entry in its PO's list
    pos: int             # position among that entry's paragraphs of this side
    text: str
    norm: str
    match: int | None = None    # index of the matched paragraph on the other PO's list
    exact: bool = False


@dataclass
class _Old:
    entry: polib.POEntry
    id: str
    info: EntryInfo
    k: int                                            # position among the old PO's live entries
    src: list[int] = field(default_factory=list)     # indexes into the old Ukrainian paragraphs
    tgt: list[int] = field(default_factory=list)     # into the old English paragraphs
    edited: bool = False
    run: list[int] | None = None                      # the new English paragraphs it was written from, when found
    targets: list[int] = field(default_factory=list)  # new entries holding its paragraphs


def _parts(text: str, count: int) -> list[str]:
    if count == 0 or not text:
        return []
    parts = text.split(SEP) if count > 1 else [text]
    return parts if len(parts) == count else [text]


def _id(entry: polib.POEntry, index: int) -> str:
    return entry.msgctxt or f"entry {index + 1}"


def _match(old: list[_Para], new: list[_Para], threshold: float) -> None:
    """Pair paragraphs by text: equal once white space is normalised, then the closest above the threshold."""
    free: dict[str, deque[int]] = defaultdict(deque)
    for j, p in enumerate(new):
        if p.match is None:
            free[p.norm].append(j)
    for i, p in enumerate(old):
        if p.match is not None:
            continue
        queue = free.get(p.norm)
        if queue:
            j = queue.popleft()
            p.match, p.exact = j, True
            new[j].match, new[j].exact = i, True
    rest_old = [i for i, p in enumerate(old) if p.match is None and len(p.norm) >= MIN_FUZZY_LENGTH]
    rest_new = [j for j, p in enumerate(new) if p.match is None and len(p.norm) >= MIN_FUZZY_LENGTH]
    if not rest_old or not rest_new:
        return
    from rapidfuzz import fuzz, process

    scores = process.cdist([old[i].norm for i in rest_old], [new[j].norm for j in rest_new],
                           scorer=fuzz.ratio, score_cutoff=threshold)
    candidates = sorted(((float(scores[a][b]), a, b) for a in range(len(rest_old)) for b in range(len(rest_new))
                         if scores[a][b] >= threshold), key=lambda t: (-t[0], t[1], t[2]))
    for _score, a, b in candidates:
        i, j = rest_old[a], rest_new[b]
        if old[i].match is None and new[j].match is None:
            old[i].match, new[j].match = j, i


def _matched(paras: list[_Para], indexes: list[int]) -> list[int]:
    return [m for m in (paras[i].match for i in indexes) if m is not None]


class _Runs:
    """The English of the new alignment by the hash of every run of `count` consecutive paragraphs."""

    def __init__(self, tgt_doc: list[str]) -> None:
        self.doc = tgt_doc
        self.by_count: dict[int, dict[str, list[int]]] = {}
        self.taken: set[int] = set()

    def find(self, count: int, digest: str) -> list[int] | None:
        """The run whose joined text has this hash (the text editflow wrote) and no other entry claimed."""
        if count == 0:
            return None
        if count not in self.by_count:
            index: dict[str, list[int]] = defaultdict(list)
            for start in range(len(self.doc) - count + 1):
                index[text_hash(SEP.join(self.doc[start:start + count]))].append(start)
            self.by_count[count] = index
        for start in self.by_count[count].get(digest, ()):
            run = list(range(start, start + count))
            if not self.taken.intersection(run):
                self.taken.update(run)
                return run
        return None


def _comment_lines(entry: polib.POEntry) -> list[str]:
    return [ln for ln in (entry.tcomment or "").split("\n") if ln.strip()]


def _comment_kind(line: str) -> str:
    if _IGNORE.search(line):
        return "ignore marker"
    if _REVIEW.match(line.strip()):
        return "review record"
    return "translator comment"


def _add_comments(entry: polib.POEntry, lines: list[str]) -> list[str]:
    have = {_norm(x) for x in _comment_lines(entry)}
    added = []
    for ln in lines:
        if _norm(ln) not in have:
            have.add(_norm(ln))
            added.append(ln)
    if added:
        entry.tcomment = "\n".join(_comment_lines(entry) + added)
    return added


def _fits(entry: polib.POEntry, info: EntryInfo, text: str) -> bool:
    """Whether `text` can stand as this entry's English and still split into its paragraphs."""
    count = len(info.tgt)
    return not text or count <= 1 or len(text.split(SEP)) == count


def _source_edited(entry: polib.POEntry, info: EntryInfo) -> bool:
    """The Ukrainian was changed inside the PO: the id editflow made from it no longer matches."""
    if not info.src or not entry.msgctxt:
        return False
    base = entry.msgctxt.split("-", 1)[0]
    return _bead_id(_parts(entry.msgid, len(info.src)) or [entry.msgid], added=False) != base


# --------------------------------------------------------------------------- the merge

def carry_over(old: polib.POFile, new: polib.POFile, *, po_name: str = "the PO", same_article: bool = True,
               discard_edits: bool = False, threshold: float = MATCH_THRESHOLD) -> tuple[polib.POFile, RefreshReport]:
    """`new` (a fresh alignment's PO) with everything people wrote in `old` carried over; see the module doc.

    `new` is changed in place and returned.  `same_article=False` (a PO naming other inputs,
    replaced under --force) keeps hand-added entries as obsolete rather than live, unless most of
    its entries found their paragraphs (the same article under new file names).  `discard_edits` carries
    nothing and lists what was dropped.
    """
    report = RefreshReport(po_name)
    live_old = [(k, e) for k, e in enumerate(e for e in old if not e.obsolete)]
    new_entries = [e for e in new if not e.obsolete]
    new_infos = [entry_info(e) for e in new_entries]

    # Paragraphs of the new alignment, and its English in document order (for the hash search).
    new_src: list[_Para] = []
    new_tgt: list[_Para] = []
    tgt_doc: list[str] = []
    for n, (entry, info) in enumerate(zip(new_entries, new_infos, strict=True)):
        assert info is not None, "a fresh alignment's entries all carry the machine line"
        for pos, t in enumerate(_parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src))):
            new_src.append(_Para(n, pos, t, _norm(t)))
        for pos, t in enumerate(_parts(entry.msgstr, len(info.tgt))):
            new_tgt.append(_Para(n, pos, t, _norm(t)))
            tgt_doc.append(t)

    threshold_old = _float(old.metadata.get("X-Editflow-Doubt-Threshold"), DOUBT_THRESHOLD)
    olds: list[_Old] = []
    added: list[tuple[int, polib.POEntry]] = []      # (position among the old live entries, entry)
    old_src: list[_Para] = []
    old_tgt: list[_Para] = []
    runs = _Runs(tgt_doc)
    for k, entry in live_old:
        info = entry_info(entry)
        if info is None:
            if entry.msgid or entry.msgctxt:
                added.append((k, entry))
            continue
        o = _Old(entry, _id(entry, k), info, k)
        o.edited = bool(info.en_hash) and text_hash(entry.msgstr) != info.en_hash
        for t in _parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src)):
            o.src.append(len(old_src))
            old_src.append(_Para(len(olds), len(o.src) - 1, t, _norm(t)))
        if o.edited:
            o.run = runs.find(len(info.tgt), info.en_hash)
            if o.run is not None:
                # The translation file still has this entry's English as editflow wrote it: those
                # paragraphs are this entry's, exactly.
                for pos, j in enumerate(o.run):
                    o.tgt.append(len(old_tgt))
                    old_tgt.append(_Para(len(olds), pos, tgt_doc[j], _norm(tgt_doc[j]), match=j, exact=True))
                    new_tgt[j].match, new_tgt[j].exact = len(old_tgt) - 1, True
            else:
                texts = entry.msgstr.split(SEP) if entry.msgstr else []
                for pos, t in enumerate(texts):
                    o.tgt.append(len(old_tgt))
                    old_tgt.append(_Para(len(olds), pos, t, _norm(t)))
        else:
            for pos, t in enumerate(_parts(entry.msgstr, len(info.tgt))):
                o.tgt.append(len(old_tgt))
                old_tgt.append(_Para(len(olds), pos, t, _norm(t)))
        olds.append(o)

    _match(old_src, new_src, threshold)
    _match(old_tgt, new_tgt, threshold)

    sources: dict[int, list[int]] = defaultdict(list)   # new entry → old entries with a paragraph in it
    for oi, o in enumerate(olds):
        hits = {new_src[j].entry for j in _matched(old_src, o.src)} | {new_tgt[j].entry for j in _matched(old_tgt, o.tgt)}
        o.targets = sorted(hits)
        for n in o.targets:
            sources[n].append(oi)
        exact = (all(old_src[i].exact for i in o.src) and all(old_tgt[i].exact for i in o.tgt)
                 and (not o.edited or o.run is not None))
        report.moves[o.id] = Moved(o.id, [_id(new_entries[n], n) for n in o.targets], exact and bool(o.targets))

    src_of: dict[int, list[int]] = defaultdict(list)
    tgt_of: dict[int, list[int]] = defaultdict(list)
    for j, p in enumerate(new_src):
        src_of[p.entry].append(j)
    for j, p in enumerate(new_tgt):
        tgt_of[p.entry].append(j)

    def same_pair(oi: int, n: int) -> bool:
        """The old entry's paragraphs, and only they, make up new entry `n`: the same pair."""
        o = olds[oi]
        if o.targets != [n] or sources[n] != [oi]:
            return False
        return (sorted(_matched(old_src, o.src)) == src_of[n] and len(_matched(old_src, o.src)) == len(o.src)
                and sorted(_matched(old_tgt, o.tgt)) == tgt_of[n] and len(_matched(old_tgt, o.tgt)) == len(o.tgt))

    kept_obsolete: list[tuple[polib.POEntry, Unplaced]] = []

    def unplaced(o_entry: polib.POEntry, oid: str, what: list[str], reason: str) -> None:
        kept_obsolete.append((o_entry, Unplaced("", oid, what, reason)))

    for oi, o in enumerate(olds):
        entry, info = o.entry, o.info
        comments = _comment_lines(entry)
        fuzzy = "fuzzy" in entry.flags
        decided = fuzzy != (info.confidence < threshold_old)
        other_flags = [f for f in entry.flags if f != "fuzzy"]
        human: list[str] = sorted({_comment_kind(c) for c in comments})
        if decided:
            human.append("confirmed pair" if not fuzzy else "fuzzy flag")
        if other_flags:
            human.append("flag")
        if o.edited:
            human.append("English edited in the PO")
        src_edit = _source_edited(entry, info) and not any(old_src[i].exact for i in o.src)
        if src_edit:
            human.append("Ukrainian edited in the PO")
        if not human:
            continue
        if discard_edits:
            report.dropped += [Carried(w, o.id, []) for w in human]
            continue
        targets = [new_entries[n] for n in o.targets]
        new_ids = [_id(new_entries[n], n) for n in o.targets]
        if not targets:
            unplaced(entry, o.id, human, "its paragraphs are in neither input file any more")
            continue
        # Comments, markers and the review record go with every entry that holds one of its paragraphs.
        by_kind: dict[str, list[str]] = defaultdict(list)
        for line in comments:
            by_kind[_comment_kind(line)].append(line)
        for kind, lines in by_kind.items():
            for target in targets:
                _add_comments(target, lines)
            report.carried.append(Carried(kind, o.id, new_ids))
        problems: list[tuple[str, str]] = []
        # A flag decision is about one pair: it holds only where the pair is still the same paragraphs.
        if decided or other_flags:
            if len(o.targets) == 1 and same_pair(oi, o.targets[0]):
                target = targets[0]
                target.flags = [f for f in target.flags if f != "fuzzy"] + (["fuzzy"] if fuzzy else [])
                for f in other_flags:
                    if f not in target.flags:
                        target.flags.append(f)
                if decided:
                    report.carried.append(Carried("confirmed pair" if not fuzzy else "fuzzy flag", o.id, new_ids))
                if other_flags:
                    report.carried.append(Carried("flag", o.id, new_ids))
            elif decided:
                what = "confirmation" if not fuzzy else "fuzzy flag"
                report.not_carried.append(f"{o.id}'s {what} (the pair changed; now {', '.join(new_ids)})")
            if other_flags and not (len(o.targets) == 1 and same_pair(oi, o.targets[0])):
                problems.append(("flag", "its flags were set on a pair that changed"))
        if o.edited:
            problem = _carry_edit(o, oi, new_entries, new_infos, new_tgt, tgt_of, old_tgt, sources, report)
            if problem:
                problems.append(("English edited in the PO", problem))
        if src_edit:
            problems.append(("Ukrainian edited in the PO", "the Ukrainian comes from the original file; "
                                                           "edit the original to change it"))
        if problems:
            unplaced(entry, o.id, [w for w, _ in problems], "; ".join(r for _, r in problems))

    # A PO that names other input files is still this article's when most of its entries found their
    # paragraphs (the inputs were renamed or moved); then what was added by hand stays live.
    if not same_article and olds:
        same_article = sum(1 for o in olds if o.targets) >= len(olds) / 2
    # Entries a translator added: kept where they stood (after the entry that preceded them), or
    # folded into the entry that now holds the same text.
    placed_after: dict[int, list[polib.POEntry]] = defaultdict(list)
    old_pos = {o.k: oi for oi, o in enumerate(olds)}
    new_keys: set[tuple[str | None, str]] = {(e.msgctxt, e.msgid) for e in new_entries}
    for k, entry in added:
        human = ["added entry"]
        if discard_edits:
            report.dropped.append(Carried("added entry", _id(entry, k), []))
            continue
        twin = _twin(entry, new_entries)
        if twin is not None:
            target = new_entries[twin]
            _add_comments(target, _comment_lines(entry))
            report.carried.append(Carried("added entry (now in the input files)", _id(entry, k),
                                          [_id(target, twin)]))
            continue
        if not same_article:
            unplaced(entry, _id(entry, k), human, "it was added to a PO of other input files")
            continue
        anchor = -1
        for k2 in range(k - 1, -1, -1):
            before = old_pos.get(k2)
            if before is not None and olds[before].targets:
                anchor = max(olds[before].targets)
                break
        copy = _copy(entry)
        if (copy.msgctxt, copy.msgid) in new_keys:
            copy.msgctxt = _unique(f"{copy.msgctxt or 'added'}-added", copy.msgid, new_keys)
        new_keys.add((copy.msgctxt, copy.msgid))
        placed_after[anchor].append(copy)
        report.carried.append(Carried("added entry", _id(entry, k), [_id(copy, 0)]))

    merged_entries: list[polib.POEntry] = list(placed_after.get(-1, []))
    for n, entry in enumerate(new_entries):
        merged_entries.append(entry)
        merged_entries += placed_after.get(n, [])

    # Obsolete entries: the old file's, then the ones this refresh keeps; every (msgctxt, msgid) unique.
    keys: set[tuple[str | None, str]] = {(e.msgctxt, e.msgid) for e in merged_entries}
    obsolete_out: list[polib.POEntry] = []
    if discard_edits:
        report.dropped += [Carried("obsolete entry", _id(e, k), []) for k, e in enumerate(old) if e.obsolete]
    else:
        for e in old:
            if e.obsolete:
                copy = _copy(e)
                if (copy.msgctxt, copy.msgid) in keys:
                    copy.msgctxt = _unique(f"{copy.msgctxt or 'kept'}-obsolete", copy.msgid, keys)
                keys.add((copy.msgctxt, copy.msgid))
                obsolete_out.append(copy)
    day = _now()[:10]
    for o_entry, u in kept_obsolete:
        copy = _copy(o_entry)
        copy.obsolete = True
        if (copy.msgctxt, copy.msgid) in keys:
            copy.msgctxt = _unique(f"{copy.msgctxt or 'entry'}-kept", copy.msgid, keys)
        keys.add((copy.msgctxt, copy.msgid))
        note = f"{KEPT_NOTE} {day}, not placed in the new alignment: {u.reason}"
        copy.tcomment = "\n".join([note, *_comment_lines(o_entry)])
        u.entry = copy.msgctxt or copy.msgid[:30]
        report.obsolete.append(u)
        obsolete_out.append(copy)

    new[:] = merged_entries + obsolete_out
    if not discard_edits:
        for key, value in old.metadata.items():
            if key not in EDITFLOW_FIELDS:
                new.metadata[key] = value
        if old.header:
            new.header = old.header
        new.metadata_is_fuzzy = old.metadata_is_fuzzy
    return new, report


def _carry_edit(o: _Old, oi: int, new_entries: list[polib.POEntry], new_infos: list[EntryInfo | None],
                new_tgt: list[_Para], tgt_of: dict[int, list[int]], old_tgt: list[_Para],
                sources: dict[int, list[int]], report: RefreshReport) -> str:
    """Put the English edited in the PO onto the new entries; the reason it could not be, or ""."""
    text = o.entry.msgstr
    if o.run is not None:
        # The translation file still says what editflow wrote: the PO's edit stands, in place of
        # exactly those paragraphs, wherever they are now.
        homes = sorted({new_tgt[j].entry for j in o.run})
        if len(homes) == 1:
            n = homes[0]
            entry, info = new_entries[n], new_infos[n]
            assert info is not None
            parts = entry.msgstr.split(SEP) if len(tgt_of[n]) > 1 else [entry.msgstr]
            if len(parts) != len(tgt_of[n]):
                return "another edit already changed the paragraphs of the entry that now holds it"
            first = min(new_tgt[j].pos for j in o.run)
            merged = parts[:first] + ([text] if text else []) + parts[first + len(o.run):]
            value = SEP.join(merged)
            if _fits(entry, info, value):
                entry.msgstr = value
                report.carried.append(Carried("English edited in the PO", o.id, [_id(entry, n)]))
                return ""
            return "the edited English no longer fits the new pairing's paragraphs"
        pieces = text.split(SEP)
        if len(pieces) != len(o.run):
            return "its paragraphs are now in different entries, and the edit changed how many there are"
        for piece, j in zip(pieces, o.run, strict=True):
            n = new_tgt[j].entry
            entry = new_entries[n]
            parts = entry.msgstr.split(SEP) if len(tgt_of[n]) > 1 else [entry.msgstr]
            if len(parts) != len(tgt_of[n]):
                return "another edit already changed the paragraphs of the entry that now holds it"
            parts[new_tgt[j].pos] = piece
            entry.msgstr = SEP.join(parts)
        report.carried.append(Carried("English edited in the PO", o.id,
                                      [_id(new_entries[n], n) for n in homes]))
        return ""
    # The translation file changed these paragraphs since editflow wrote the entry.
    mine = [old_tgt[i] for i in o.tgt]
    if mine and all(p.exact for p in mine):
        return ""  # the translator carried the edit into the translation file: nothing is lost
    if not o.targets:
        return "its paragraphs are in neither input file any more"
    n = o.targets[0]
    entry, info = new_entries[n], new_infos[n]
    assert info is not None
    if len(o.targets) != 1 or sources[n] != [oi]:
        return ("the translation file changed this English too, and the pairing changed around it: "
                "both versions are in the PO (this obsolete entry holds the PO's)")
    if not _fits(entry, info, text):
        return "the edited English no longer fits the new pairing's paragraphs"
    translation = entry.msgstr
    if _norm(translation) == _norm(text):
        return ""
    entry.msgstr = text
    if translation:
        report.conflicts.append(Conflict(_id(entry, n), o.id, text, translation))
    report.carried.append(Carried("English edited in the PO", o.id, [_id(entry, n)]))
    return ""


def _twin(entry: polib.POEntry, new_entries: list[polib.POEntry]) -> int | None:
    """The new entry that holds the same text as a hand-added one (its paragraphs reached the input files)."""
    src, tgt = _norm("" if entry.msgid == ADDED_MSGID else entry.msgid), _norm(entry.msgstr)
    for n, e in enumerate(new_entries):
        if _norm(e.msgstr) == tgt and (not src or _norm(e.msgid) == src) and (tgt or src):
            return n
    return None


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr, msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural), occurrences=list(entry.occurrences), comment=entry.comment,
        tcomment=entry.tcomment, flags=list(entry.flags), obsolete=entry.obsolete,
        previous_msgctxt=entry.previous_msgctxt, previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural)


def _unique(base: str, msgid: str, keys: set[tuple[str | None, str]]) -> str:
    candidate, k = base, 1
    while (candidate, msgid) in keys:
        k += 1
        candidate = f"{base}-{k}"
    return candidate


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value else default
    except ValueError:
        return default
