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
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any

import polib

from editflow.align import DOUBT_THRESHOLD
from editflow.align.constraints import Constraints
from editflow.history import BEFORE_PREFIX
from editflow.model import Role
from editflow.po import (
    ADDED_MSGID,
    SEP,
    EntryInfo,
    _bead_id,
    _now,
    english_edited,
    english_originals,
    entry_info,
    paragraph_ids,
    set_english_paragraphs,
    set_machine_fields,
    text_hash,
)

MATCH_THRESHOLD = 80.0
MIN_FUZZY_LENGTH = 30

# Header fields that describe this alignment; every other field is the desk's and is kept.
EDITFLOW_FIELDS = frozenset({
    "PO-Revision-Date", "X-Generator", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    "X-Editflow-Source", "X-Editflow-Source-SHA256", "X-Editflow-Target", "X-Editflow-Target-SHA256",
    "X-Editflow-Ratio", "X-Editflow-Doubt-Threshold", "X-Editflow-Lexicon", "X-Editflow-Paragraphs",
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
            "review record": "review records", "confirmed pair": "confirmed pairs", "pinned pair": "pinned pairs",
            "fuzzy flag": "fuzzy flags",
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

    def find_each(self, digests: list[str]) -> list[int] | None:
        """The run whose paragraphs have these hashes one by one (a machine line recording one per paragraph)."""
        if not digests or any(d in ("?", "*") for d in digests):
            return None
        ones = self.by_count.get(1)
        if ones is None:
            self.find(1, "")     # builds the index of single paragraphs (no paragraph hashes to "")
            ones = self.by_count[1]
        for start in ones.get(digests[0], ()):
            run = list(range(start, start + len(digests)))
            if run[-1] < len(self.doc) and not self.taken.intersection(run) and all(
                    text_hash(self.doc[j]) == d for j, d in zip(run, digests, strict=True)):
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


def _fits(info: EntryInfo, text: str) -> bool:
    """Whether `text` can stand as the English of the entry `info` describes and still split into its paragraphs."""
    count = len(info.tgt)
    return not text or count <= 1 or len(text.split(SEP)) == count


def _source_edited(entry: polib.POEntry, info: EntryInfo) -> bool:
    """The Ukrainian was changed inside the PO: the id editflow made from it no longer matches."""
    if not info.src or not entry.msgctxt:
        return False
    base = entry.msgctxt.split("-", 1)[0]
    return _bead_id(_parts(entry.msgid, len(info.src)) or [entry.msgid], added=False) != base


# --------------------------------------------------------------------------- a person's pairing decisions

FORBIDDEN_FIELD = "X-Editflow-Forbidden-Links"   # written by editflow.pairing: "ukpid=enpid …"


@dataclass
class _Decided:
    """The old PO's paragraphs as the alignment editor (editflow.pairing) left them."""
    uk: list[_Para] = field(default_factory=list)
    en: list[_Para] = field(default_factory=list)
    ids: dict[str, list[str]] = field(default_factory=lambda: {"uk": [], "en": []})
    roles: dict[str, list[tuple[Role, bool]]] = field(default_factory=lambda: {"uk": [], "en": []})
    en_orig: list[str | None] = field(default_factory=list)
    pins: list[tuple[str, list[int], list[int]]] = field(default_factory=list)   # (entry id, uk paras, en paras)
    forbidden: list[tuple[str, str]] = field(default_factory=list)


def _decided(old: polib.POFile) -> _Decided:
    d = _Decided()
    threshold = _float(old.metadata.get("X-Editflow-Doubt-Threshold"), DOUBT_THRESHOLD)
    for k, entry in enumerate(e for e in old if not e.obsolete):
        info = entry_info(entry)
        if info is None:
            continue
        uk = _parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src))
        originals = english_originals(entry, info)
        t_count = len(originals)
        en = entry.msgstr.split(SEP) if t_count > 1 else ([entry.msgstr] if t_count else [])
        if len(en) != t_count:
            en, originals = [], []
        first = (len(d.uk), len(d.en))
        for side, texts, roles, marks in (("uk", uk, info.src_roles, info.src_set), ("en", en, info.tgt_roles,
                                                                                      info.tgt_set)):
            paras = d.uk if side == "uk" else d.en
            for pos, (t, pid) in enumerate(zip(texts, paragraph_ids(entry, info, side, len(texts), k), strict=True)):
                paras.append(_Para(k, pos, t, _norm(t)))
                d.ids[side].append(pid)
                d.roles[side].append((roles[pos] if pos < len(roles) else "body",
                                      pos < len(marks) and marks[pos]))
        d.en_orig += originals
        pinned = "fuzzy" not in entry.flags and (info.pinned or info.confidence < threshold)
        if pinned and (uk or en):
            d.pins.append((_id(entry, k), list(range(first[0], len(d.uk))), list(range(first[1], len(d.en)))))
    for item in old.metadata.get(FORBIDDEN_FIELD, "").split():
        a, sep, b = item.partition("=")
        if sep:
            d.forbidden.append((a, b))
    return d


def _match_decided(d: _Decided, src: list[_Para], tgt: list[_Para], threshold: float) -> None:
    """Old paragraphs to new: English first by the hash of its text as aligned, then both sides by text."""
    by_hash: dict[str, deque[int]] = defaultdict(deque)
    for j, q in enumerate(tgt):
        by_hash[text_hash(q.text)].append(j)
    for i, orig in enumerate(d.en_orig):
        queue = by_hash.get(orig) if orig else None
        while queue:
            j = queue.popleft()
            if tgt[j].match is None:
                d.en[i].match, d.en[i].exact = j, True
                tgt[j].match, tgt[j].exact = i, True
                break
    _match(d.uk, src, threshold)
    _match(d.en, tgt, threshold)


@dataclass
class Decisions:
    """What a re-alignment of changed inputs must keep of a person's pairing decisions in the old PO."""
    constraints: Constraints
    src_roles: dict[int, Role]     # new Ukrainian paragraph index → the role a person set
    tgt_roles: dict[int, Role]


def carried_decisions(old: polib.POFile, source: Sequence[str], target: Sequence[str],
                      threshold: float = MATCH_THRESHOLD) -> Decisions:
    """The old PO's pins, forbidden links and person-set roles, on the new input paragraphs.

    A pin is kept where all its paragraphs are still there (same text, else a fuzzy match as for
    everything else this module carries) in the same order; a pin that would cross another kept
    pin is left out.  `carry_over` then reports what was not kept.
    """
    d = _decided(old)
    src = [_Para(-1, k, t, _norm(t)) for k, t in enumerate(source)]
    tgt = [_Para(-1, k, t, _norm(t)) for k, t in enumerate(target)]
    _match_decided(d, src, tgt, threshold)
    pins: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for _entry, uk, en in d.pins:
        ms = [d.uk[i].match for i in uk]
        mt = [d.en[j].match for j in en]
        if None in ms or None in mt:
            continue
        ss, tt = tuple(x for x in ms if x is not None), tuple(x for x in mt if x is not None)
        if any(b != a + 1 for a, b in pairwise(ss)) or any(b != a + 1 for a, b in pairwise(tt)):
            continue
        pins.append((ss, tt))
    kept: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for s, t in sorted((pin for pin in pins if pin[0] and pin[1]), key=lambda st: st[0][0]):
        if all((s[0] > ks[-1] and t[0] > kt[-1]) or (s[-1] < ks[0] and t[-1] < kt[0]) for ks, kt in kept):
            kept.append((s, t))
    kept += [pin for pin in pins if not (pin[0] and pin[1])]
    pid_index = {("uk", pid): d.uk[i].match for i, pid in enumerate(d.ids["uk"])}
    pid_index |= {("en", pid): d.en[j].match for j, pid in enumerate(d.ids["en"])}
    forbidden = []
    for a, b in d.forbidden:
        i, j = pid_index.get(("uk", a)), pid_index.get(("en", b))
        if i is not None and j is not None:
            forbidden.append((i, j))
    roles: dict[str, dict[int, Role]] = {"uk": {}, "en": {}}
    for side, paras in (("uk", d.uk), ("en", d.en)):
        for q, (role, by_person) in zip(paras, d.roles[side], strict=True):
            if by_person and q.match is not None:
                roles[side][q.match] = role
    return Decisions(Constraints(tuple(kept), tuple(forbidden)), roles["uk"], roles["en"])


def _carry_decisions(old: polib.POFile, entries: list[polib.POEntry], report: RefreshReport,
                     threshold: float) -> None:
    """Paragraph ids, person-set roles and pins onto the new entries holding the same paragraphs."""
    d = _decided(old)
    if not d.pins and not any(by for side in d.roles.values() for _r, by in side) \
            and not any(e.comment and "ids=" in e.comment for e in old if not e.obsolete):
        return
    src: list[_Para] = []
    tgt: list[_Para] = []
    infos: list[EntryInfo] = []
    for n, entry in enumerate(entries):
        info = entry_info(entry)
        if info is None:
            info = EntryInfo((), (), 1.0, [], [])
        infos.append(info)
        for pos, t in enumerate(_parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src))):
            src.append(_Para(n, pos, t, _norm(t)))
        for pos, t in enumerate(_parts(entry.msgstr, len(info.tgt))):
            tgt.append(_Para(n, pos, t, _norm(t)))
    _match_decided(d, src, tgt, threshold)
    ids: dict[tuple[int, str, int], str] = {}
    marks: dict[tuple[int, str, int], Role] = {}
    for side, paras, new in (("uk", d.uk, src), ("en", d.en, tgt)):
        for i, q in enumerate(paras):
            role, by_person = d.roles[side][i]
            if q.match is None:
                if by_person:
                    report.not_carried.append(f"the role {role} of {side} ¶{i + 1} (“{_snip(q.text, 40)}”): "
                                              f"the paragraph is not in the inputs any more")
                continue
            at = (new[q.match].entry, side, new[q.match].pos)
            ids[at] = d.ids[side][i]
            if by_person:
                marks[at] = role
    for n, (entry, info) in enumerate(zip(entries, infos, strict=True)):
        if entry_info(entry) is None:
            continue
        fields: dict[str, str | None] = {}
        if any((n, side, pos) in marks for side, count in (("uk", len(info.src)), ("en", len(info.tgt)))
               for pos in range(count)):
            def roles(side: str, have: list[Role], count: int, n: int = n) -> str:
                return ",".join(marks.get((n, side, pos), have[pos] if pos < len(have) else "body")
                                + ("!" if (n, side, pos) in marks else "") for pos in range(count))
            fields["roles"] = f"{roles('uk', info.src_roles, len(info.src))}|{roles('en', info.tgt_roles, len(info.tgt))}"
        uk_ids = [ids.get((n, "uk", pos), "") for pos in range(len(info.src))]
        en_ids = [ids.get((n, "en", pos), "") for pos in range(len(info.tgt))]
        defaults = (paragraph_ids(entry, EntryInfo((), (), 1.0, [], []), "uk", len(info.src), n),
                    paragraph_ids(entry, EntryInfo((), (), 1.0, [], []), "en", len(info.tgt), n))
        uk_ids = [x or dflt for x, dflt in zip(uk_ids, defaults[0], strict=True)]
        en_ids = [x or dflt for x, dflt in zip(en_ids, defaults[1], strict=True)]
        if (uk_ids, en_ids) != defaults:
            fields["ids"] = f"{','.join(uk_ids)}|{','.join(en_ids)}"
        if fields:
            set_machine_fields(entry, fields)
    for old_id, uk, en in d.pins:
        homes = {src[m].entry for i in uk if (m := d.uk[i].match) is not None}
        homes |= {tgt[m].entry for j in en if (m := d.en[j].match) is not None}
        mapped = all(d.uk[i].match is not None for i in uk) and all(d.en[j].match is not None for j in en)
        if mapped and len(homes) == 1:
            n = homes.pop()
            info = infos[n]
            if len(info.src) == len(uk) and len(info.tgt) == len(en):
                entry = entries[n]
                set_machine_fields(entry, {"pin": "1"})
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                if not any(c.old == old_id and c.what == "confirmed pair" for c in report.carried):
                    report.carried.append(Carried("pinned pair", old_id, [_id(entry, n)]))
                continue
        report.not_carried.append(f"the pin on {old_id} (uk ¶{_nums(uk)} ↔ en ¶{_nums(en)}): its paragraphs "
                                  f"{'are not all in the inputs any more' if not mapped else 'are paired otherwise now'}")


def _nums(ks: list[int]) -> str:
    return ",".join(str(k + 1) for k in ks) or "—"


# --------------------------------------------------------------------------- the merge

def carry_over(old: polib.POFile, new: polib.POFile, *, po_name: str = "the PO", same_article: bool = True,
               discard_edits: bool = False, threshold: float = MATCH_THRESHOLD) -> tuple[polib.POFile, RefreshReport]:
    """`new` (a fresh alignment's PO) with everything people wrote in `old` carried over; see the module doc.

    `new` is changed in place and returned.  `same_article=False` (a PO naming other inputs,
    replaced under --force) keeps hand-added entries as obsolete rather than live, unless most of
    its entries found their paragraphs (the same article under new file names).  `discard_edits`
    carries nothing and lists what was dropped.
    """
    merge = _Merge(old, new, po_name, threshold)
    for oi in range(len(merge.olds)):
        merge.carry(oi, discard_edits)
    if not same_article and merge.olds:
        # A PO that names other input files is still this article's when most of its entries found
        # their paragraphs (the inputs were renamed or moved); then what was added by hand stays live.
        same_article = sum(1 for o in merge.olds if o.targets) >= len(merge.olds) / 2
    if not discard_edits:
        _carry_decisions(old, merge.new_entries, merge.report, threshold)
    live = merge.place_added(same_article, discard_edits)
    new[:] = live + merge.obsolete_entries(live, discard_edits)
    if not discard_edits:
        for key, value in old.metadata.items():
            if key not in EDITFLOW_FIELDS:
                new.metadata[key] = value
        if old.header:
            new.header = old.header
        new.metadata_is_fuzzy = old.metadata_is_fuzzy
    return new, merge.report


class _Merge:
    """One refresh: the paragraphs of both POs, which old entry went where, and the report."""

    def __init__(self, old: polib.POFile, new: polib.POFile, po_name: str, threshold: float) -> None:
        self.old = old
        self.report = RefreshReport(po_name)
        self.new_entries = [e for e in new if not e.obsolete]
        self.new_infos: list[EntryInfo] = []
        self.new_src: list[_Para] = []
        self.new_tgt: list[_Para] = []
        self.src_of: dict[int, list[int]] = defaultdict(list)   # new entry → its paragraphs, each side
        self.tgt_of: dict[int, list[int]] = defaultdict(list)
        self._read_new()
        self.threshold_old = _float(old.metadata.get("X-Editflow-Doubt-Threshold"), DOUBT_THRESHOLD)
        self.olds: list[_Old] = []
        self.added: list[tuple[int, polib.POEntry]] = []        # (position among the old live entries, entry)
        self.old_src: list[_Para] = []
        self.old_tgt: list[_Para] = []
        self._read_old()
        _match(self.old_src, self.new_src, threshold)
        _match(self.old_tgt, self.new_tgt, threshold)
        self.sources: dict[int, list[int]] = defaultdict(list)  # new entry → old entries with a paragraph in it
        self._place()
        self.kept: list[tuple[polib.POEntry, Unplaced]] = []

    # -- reading ----------------------------------------------------------
    def _read_new(self) -> None:
        for n, entry in enumerate(self.new_entries):
            info = entry_info(entry)
            assert info is not None, "a fresh alignment's entries all carry the machine line"
            self.new_infos.append(info)
            for pos, t in enumerate(_parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src))):
                self.src_of[n].append(len(self.new_src))
                self.new_src.append(_Para(n, pos, t, _norm(t)))
            for pos, t in enumerate(_parts(entry.msgstr, len(info.tgt))):
                self.tgt_of[n].append(len(self.new_tgt))
                self.new_tgt.append(_Para(n, pos, t, _norm(t)))

    def _read_old(self) -> None:
        runs = _Runs([p.text for p in self.new_tgt])
        for k, entry in enumerate(e for e in self.old if not e.obsolete):
            info = entry_info(entry)
            if info is None:
                if entry.msgid or entry.msgctxt:
                    self.added.append((k, entry))
                continue
            o = _Old(entry, _id(entry, k), info, k)
            o.edited = english_edited(entry, info)
            for t in _parts("" if entry.msgid == ADDED_MSGID else entry.msgid, len(info.src)):
                o.src.append(len(self.old_src))
                self.old_src.append(_Para(len(self.olds), len(o.src) - 1, t, _norm(t)))
            hashes = info.en_hashes
            o.run = (None if not o.edited else runs.find_each(hashes) if hashes is not None
                     else runs.find(len(info.tgt), info.en_hash))
            if o.run is not None:
                # The translation file still has this entry's English as editflow wrote it: those
                # paragraphs are this entry's, exactly, whatever the PO now says.
                for pos, j in enumerate(o.run):
                    o.tgt.append(len(self.old_tgt))
                    text = self.new_tgt[j].text
                    self.old_tgt.append(_Para(len(self.olds), pos, text, _norm(text), match=j, exact=True))
                    self.new_tgt[j].match, self.new_tgt[j].exact = len(self.old_tgt) - 1, True
            else:
                texts = (entry.msgstr.split(SEP) if entry.msgstr else []) if o.edited \
                    else _parts(entry.msgstr, len(info.tgt))
                for pos, t in enumerate(texts):
                    o.tgt.append(len(self.old_tgt))
                    self.old_tgt.append(_Para(len(self.olds), pos, t, _norm(t)))
            self.olds.append(o)

    def _place(self) -> None:
        for oi, o in enumerate(self.olds):
            src = _matched(self.old_src, o.src)
            tgt = _matched(self.old_tgt, o.tgt)
            o.targets = sorted({self.new_src[j].entry for j in src} | {self.new_tgt[j].entry for j in tgt})
            for n in o.targets:
                self.sources[n].append(oi)
            exact = (all(self.old_src[i].exact for i in o.src) and all(self.old_tgt[i].exact for i in o.tgt)
                     and (not o.edited or o.run is not None))
            self.report.moves[o.id] = Moved(o.id, self.ids(o.targets), exact and bool(o.targets))

    def ids(self, ns: list[int]) -> list[str]:
        return [_id(self.new_entries[n], n) for n in ns]

    def same_pair(self, oi: int) -> bool:
        """The old entry's paragraphs, and only they, make up one new entry: the pair is the same."""
        o = self.olds[oi]
        if len(o.targets) != 1 or self.sources[o.targets[0]] != [oi]:
            return False
        n = o.targets[0]
        src, tgt = _matched(self.old_src, o.src), _matched(self.old_tgt, o.tgt)
        return (len(src) == len(o.src) and sorted(src) == self.src_of[n]
                and len(tgt) == len(o.tgt) and sorted(tgt) == self.tgt_of[n])

    # -- carrying one old entry ---------------------------------------------
    def carry(self, oi: int, discard_edits: bool) -> None:
        o = self.olds[oi]
        entry, info = o.entry, o.info
        comments = _comment_lines(entry)
        fuzzy = "fuzzy" in entry.flags
        decided = fuzzy != (info.confidence < self.threshold_old)
        decision = "fuzzy flag" if fuzzy else "confirmed pair"
        other_flags = [f for f in entry.flags if f != "fuzzy"]
        src_edit = _source_edited(entry, info) and not any(self.old_src[i].exact for i in o.src)
        kinds = list(dict.fromkeys(_comment_kind(c) for c in comments))
        human = kinds + [decision] * decided + ["flag"] * bool(other_flags) \
            + ["English edited in the PO"] * o.edited + ["Ukrainian edited in the PO"] * src_edit
        if not human:
            return
        if discard_edits:
            self.report.dropped += [Carried(w, o.id, []) for w in human]
            return
        if not o.targets:
            self.kept.append((entry, Unplaced("", o.id, human, "its paragraphs are in neither input file any more")))
            return
        new_ids = self.ids(o.targets)
        # Comments, markers and the review record go, in their order, with every entry that holds
        # one of its paragraphs.
        for n in o.targets:
            _add_comments(self.new_entries[n], comments)
        self.report.carried += [Carried(kind, o.id, new_ids) for kind in kinds]
        problems: list[tuple[str, str]] = []
        if decided or other_flags:
            problems += self._carry_flags(oi, fuzzy, decided, other_flags)
        if o.edited:
            problem = self._carry_edit(oi)
            if problem:
                problems.append(("English edited in the PO", problem))
        if src_edit:
            problems.append(("Ukrainian edited in the PO", "the Ukrainian comes from the original file; "
                                                           "edit the original to change it"))
        if problems:
            self.kept.append((entry, Unplaced("", o.id, [w for w, _ in problems], "; ".join(r for _, r in problems))))

    def _carry_flags(self, oi: int, fuzzy: bool, decided: bool, other_flags: list[str]) -> list[tuple[str, str]]:
        """A flag decision is about one pair: it holds only where the pair is still the same paragraphs."""
        o = self.olds[oi]
        new_ids = self.ids(o.targets)
        if self.same_pair(oi):
            target = self.new_entries[o.targets[0]]
            target.flags = [f for f in target.flags if f != "fuzzy"] + (["fuzzy"] if fuzzy else [])
            target.flags += [f for f in other_flags if f not in target.flags]
            if decided:
                self.report.carried.append(Carried("fuzzy flag" if fuzzy else "confirmed pair", o.id, new_ids))
            if other_flags:
                self.report.carried.append(Carried("flag", o.id, new_ids))
            return []
        if decided:
            what = "fuzzy flag" if fuzzy else "confirmation"
            self.report.not_carried.append(f"{o.id}'s {what} (the pair changed; now {', '.join(new_ids)})")
        return [("flag", "its flags were set on a pair that changed")] if other_flags else []

    def _carry_edit(self, oi: int) -> str:
        """Put the English edited in the PO onto the new entries; the reason it could not be, or ""."""
        o = self.olds[oi]
        if o.run is not None:
            return self._replace_run(o)
        # The translation file changed these paragraphs since editflow wrote the entry.
        mine = [self.old_tgt[i] for i in o.tgt]
        if mine and all(p.exact for p in mine):
            return ""  # the translator carried the edit into the translation file: nothing is lost
        n = o.targets[0]
        entry, info = self.new_entries[n], self.new_infos[n]
        if len(o.targets) != 1 or self.sources[n] != [oi]:
            return ("the translation file changed this English too, and the pairing changed around it: "
                    "both versions are in the PO (this obsolete entry holds the PO's)")
        if not _fits(info, o.entry.msgstr):
            return "the edited English no longer fits the new pairing's paragraphs"
        translation = entry.msgstr
        # The same words in other paragraphs (a reviewer's Enter in a cell) are an edit too.
        if _norm(translation) == _norm(o.entry.msgstr) and translation.count(SEP) == o.entry.msgstr.count(SEP):
            return ""
        entry.msgstr = o.entry.msgstr
        count = len(o.entry.msgstr.split(SEP)) if o.entry.msgstr else 0
        if count > max(len(info.tgt), 1):
            set_english_paragraphs(self.new_entries, entry, count, "paragraphs split in the PO")
        if translation:
            self.report.conflicts.append(Conflict(_id(entry, n), o.id, o.entry.msgstr, translation))
        self.report.carried.append(Carried("English edited in the PO", o.id, [_id(entry, n)]))
        return ""

    def _replace_run(self, o: _Old) -> str:
        """The translation file still says what editflow wrote: the PO's edit stands in place of exactly
        those paragraphs, wherever they are now."""
        assert o.run is not None
        text = o.entry.msgstr
        homes = sorted({self.new_tgt[j].entry for j in o.run})
        pieces = [text] if len(homes) == 1 else text.split(SEP)
        if len(homes) > 1 and len(pieces) != len(o.run):
            return "its paragraphs are now in different entries, and the edit changed how many there are"
        changes: dict[int, str] = {}
        for n in homes:
            entry = self.new_entries[n]
            parts = entry.msgstr.split(SEP) if len(self.tgt_of[n]) > 1 else [entry.msgstr]
            if len(parts) != len(self.tgt_of[n]):
                return "another edit already changed the paragraphs of the entry that now holds it"
            mine = [self.new_tgt[j].pos for j in o.run if self.new_tgt[j].entry == n]
            if len(homes) == 1:
                merged = parts[:mine[0]] + ([text] if text else []) + parts[mine[-1] + 1:]
            else:
                merged = list(parts)
                for pos, j in zip(mine, [j for j in o.run if self.new_tgt[j].entry == n], strict=True):
                    merged[pos] = pieces[o.run.index(j)]
            value = SEP.join(merged)
            if not _fits(self.new_infos[n], value):
                return "the edited English no longer fits the new pairing's paragraphs"
            changes[n] = value
        for n, value in changes.items():
            self.new_entries[n].msgstr = value
        self.report.carried.append(Carried("English edited in the PO", o.id, self.ids(homes)))
        return ""

    # -- entries added by hand, obsolete entries ------------------------------
    def place_added(self, same_article: bool, discard_edits: bool) -> list[polib.POEntry]:
        """The live entries: the new ones, each followed by the hand-added entries that followed its
        paragraphs; an added entry whose text is now in an input file is folded into that entry."""
        placed_after: dict[int, list[polib.POEntry]] = defaultdict(list)
        old_pos = {o.k: oi for oi, o in enumerate(self.olds)}
        keys: set[tuple[str | None, str]] = {(e.msgctxt, e.msgid) for e in self.new_entries}
        for k, entry in self.added:
            if discard_edits:
                self.report.dropped.append(Carried("added entry", _id(entry, k), []))
                continue
            twin = _twin(entry, self.new_entries)
            if twin is not None:
                _add_comments(self.new_entries[twin], _comment_lines(entry))
                self.report.carried.append(Carried("added entry (now in the input files)", _id(entry, k),
                                                   self.ids([twin])))
                continue
            if not same_article:
                self.kept.append((entry, Unplaced("", _id(entry, k), ["added entry"],
                                                  "it was added to a PO of other input files")))
                continue
            anchor = -1
            for k2 in range(k - 1, -1, -1):
                before = old_pos.get(k2)
                if before is not None and self.olds[before].targets:
                    anchor = max(self.olds[before].targets)
                    break
            copy = _copy(entry)
            if (copy.msgctxt, copy.msgid) in keys:
                copy.msgctxt = _unique(f"{copy.msgctxt or 'added'}-added", copy.msgid, keys)
            keys.add((copy.msgctxt, copy.msgid))
            placed_after[anchor].append(copy)
            self.report.carried.append(Carried("added entry", _id(entry, k), [_id(copy, 0)]))
        live: list[polib.POEntry] = list(placed_after.get(-1, []))
        for n, entry in enumerate(self.new_entries):
            live.append(entry)
            live += placed_after.get(n, [])
        return live

    def obsolete_entries(self, live: list[polib.POEntry], discard_edits: bool) -> list[polib.POEntry]:
        """The old file's obsolete entries, then the ones this refresh keeps; every (msgctxt, msgid) unique."""
        keys: set[tuple[str | None, str]] = {(e.msgctxt, e.msgid) for e in live}
        out: list[polib.POEntry] = []
        if discard_edits:
            self.report.dropped += [Carried("obsolete entry", _id(e, k), []) for k, e in enumerate(self.old)
                                    if e.obsolete]
            return out
        for e in self.old:
            if e.obsolete:
                copy = _copy(e)
                if (copy.msgctxt, copy.msgid) in keys:
                    copy.msgctxt = _unique(f"{copy.msgctxt or 'kept'}-obsolete", copy.msgid, keys)
                keys.add((copy.msgctxt, copy.msgid))
                out.append(copy)
        day = _now()[:10]
        for entry, u in self.kept:
            copy = _copy(entry)
            copy.obsolete = True
            if (copy.msgctxt, copy.msgid) in keys:
                copy.msgctxt = _unique(f"{copy.msgctxt or 'entry'}-kept", copy.msgid, keys)
            keys.add((copy.msgctxt, copy.msgid))
            copy.tcomment = "\n".join([f"{KEPT_NOTE} {day}, not placed in the new alignment: {u.reason}",
                                       *_comment_lines(entry)])
            u.entry = copy.msgctxt or copy.msgid[:30]
            self.report.obsolete.append(u)
            out.append(copy)
        return out


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
