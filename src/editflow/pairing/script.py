"""`editflow pair`'s requests: parsed and checked all together, then applied together.

Paragraph references are 1-based per side as the PO numbers them now (`uk3`, `en5`); operations
on rows never reorder a side's paragraphs, so the numbers stay valid while the requests of one call
are applied one after the other.  Nothing is applied unless every request can be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editflow.model import Role
from editflow.pairing.model import Pairing, PairingError, Side
from editflow.pairing.ops import (
    choose_headline,
    link,
    pin,
    role_name,
    set_role,
    unpair,
    unpin,
)
from editflow.pairing.realign import RealignContext, realign

_REF = re.compile(r"^\s*(uk|en)\s*(\d+)\s*$", re.IGNORECASE)
_NUMS = re.compile(r"^\s*\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*\s*$")


def parse_ref(text: str, what: str) -> tuple[Side, int]:
    """"uk3" → ("uk", 3)."""
    m = _REF.match(text)
    if not m:
        raise PairingError(f"{what} {text!r}: name a paragraph as uk<number> or en<number> (e.g. uk3, en5)")
    side: Side = "uk" if m.group(1).lower() == "uk" else "en"
    return side, int(m.group(2))


def _numbers(text: str, spec: str) -> list[int]:
    if not text.strip():
        return []
    if not _NUMS.match(text):
        raise PairingError(f"--link {spec!r}: give paragraph numbers as 3 or 3,4 or 3-5 on each side of '='")
    out: list[int] = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        lo, hi = int(a), int(b or a)
        if hi < lo:
            raise PairingError(f"--link {spec!r}: {part.strip()} is not a range")
        out += range(lo, hi + 1)
    return out


def parse_link(spec: str) -> tuple[list[int], list[int]]:
    """"3,4=5" → ([3, 4], [5]): Ukrainian paragraphs = English paragraphs."""
    uk, sep, en = spec.partition("=")
    if not sep or not (uk.strip() or en.strip()):
        raise PairingError(f"--link {spec!r}: write UK=EN, e.g. 1=2, 3,4=5 or 3=5,6 (7= or =7: a paragraph "
                           f"with no counterpart)")
    return _numbers(uk, spec), _numbers(en, spec)


@dataclass
class Requests:
    links: list[tuple[list[int], list[int]]] = field(default_factory=list)
    unpairs: list[tuple[Side, int]] = field(default_factory=list)
    pins: list[tuple[Side, int]] = field(default_factory=list)
    unpins: list[tuple[Side, int]] = field(default_factory=list)
    roles: list[tuple[Side, int, Role]] = field(default_factory=list)
    headline: int | None = None
    realign: bool = False

    @property
    def changes(self) -> bool:
        return bool(self.links or self.unpairs or self.pins or self.unpins or self.roles
                    or self.headline is not None or self.realign)


def parse_requests(p: Pairing, *, links: tuple[str, ...] = (), unpairs: tuple[str, ...] = (),
                   pins: tuple[str, ...] = (), unpins: tuple[str, ...] = (), roles: tuple[str, ...] = (),
                   headline: str | None = None, realign: bool = False) -> Requests:
    """Every request parsed and checked against `p` before any is applied."""
    r = Requests(realign=realign)
    r.links = [parse_link(s) for s in links]
    r.unpairs = [parse_ref(s, "--unpair") for s in unpairs]
    r.pins = [parse_ref(s, "--pin") for s in pins]
    r.unpins = [parse_ref(s, "--unpin") for s in unpins]
    for spec in roles:
        ref, sep, name = spec.partition("=")
        if not sep:
            raise PairingError(f"--role {spec!r}: write PARAGRAPH=ROLE, e.g. en12=credit")
        side, n = parse_ref(ref, "--role")
        r.roles.append((side, n, role_name(name)))
    if headline is not None:
        side, n = parse_ref(headline, "--headline")
        if side != "en":
            raise PairingError(f"--headline {headline}: the headline published is an English paragraph (en<number>)")
        r.headline = n
    for uk, en in r.links:
        for n in uk:
            p.locate("uk", n)
        for n in en:
            p.locate("en", n)
    for side, n in [*r.unpairs, *r.pins, *r.unpins, *[(s, n) for s, n, _ in r.roles]]:
        p.locate(side, n)
    if r.headline is not None:
        p.locate("en", r.headline)
    _conflicts(p, r)
    return r


def _conflicts(p: Pairing, r: Requests) -> None:
    seen: dict[tuple[str, int], str] = {}
    for uk, en in r.links:
        label = f"--link {','.join(map(str, uk))}={','.join(map(str, en))}"
        for key in [("uk", n) for n in uk] + [("en", n) for n in en]:
            if key in seen:
                raise PairingError(f"{label} and {seen[key]} both take {key[0]}{key[1]}; give each paragraph one link")
            seen[key] = label
    for side, n in r.unpairs:
        if (side, n) in seen:
            raise PairingError(f"--unpair {side}{n} undoes {seen[(side, n)]}; give one of them")
    pinned = {(s, n) for s, n in r.pins}
    for side, n in r.unpins:
        if (side, n) in pinned:
            raise PairingError(f"--pin and --unpin both name {side}{n}; give one of them")


def apply_requests(p: Pairing, r: Requests, ctx: RealignContext | None = None, confirm: bool = False) -> Pairing:
    """The requests applied in order: links, unpairs, unpins, pins, roles, the headline, re-alignment."""
    for uk, en in r.links:
        p = link(p, uk, en, confirm=confirm)
    for side, n in r.unpairs:
        p = unpair(p, p.row_of(side, n), confirm=confirm)
    for side, n in r.unpins:
        p = unpin(p, p.row_of(side, n))
    for side, n in r.pins:
        p = pin(p, p.row_of(side, n))
    for side, n, role in r.roles:
        p = set_role(p, side, n, role)
    if r.headline is not None:
        p = choose_headline(p, r.headline)
    if r.realign:
        p = realign(p, ctx, confirm=confirm)
    return p


def changed_rows(before: Pairing, after: Pairing) -> list[int]:
    """Indexes of the rows of `after` that are not rows of `before` as they were."""
    old = set(before.rows)
    return [k for k, row in enumerate(after.rows) if row not in old]
