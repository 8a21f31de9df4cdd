"""Digits that are not amounts: telephone numbers, designations (С-300, F-16), list numbering."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.numbers.quantity import Quantity
from editflow.numbers.text import CYR

# Telephone numbers: compared by their digits, never as amounts.
_PHONE = re.compile(
    r"(?=[+(0])(?:(?<![\w+])\+[0-9](?:[ \u00a0\-()]?[0-9]){8,13}(?![0-9])"
    r"|(?<![\w])\(0[0-9]{2,4}\)[ \u00a0]?[0-9]{2,3}[ \-][0-9]{2}[ \-][0-9]{2}(?![0-9])"
    r"|(?<![\w])0[0-9]{2}[ \-][0-9]{3}[ \-][0-9]{2}[ \-][0-9]{2}(?![0-9])"
    r"|(?<![\w.,])0[0-9]{2,4}(?:[ \-][0-9]{3,4}){2}(?![0-9]))"
)
# A designation: letters, an optional hyphen, digits (С-300, Су-25, Shahed-136,
# MH17, COVID-19, F-16).  The letters differ between the scripts; the digits
# must not.
_CODE = re.compile(
    rf"(?=[A-ZА-ЯІЇЄҐ])(?<![\w])([A-ZА-ЯІЇЄҐ][A-Za-z{CYR}]{{0,9}})[-‐‑]?([0-9]+(?:[.,][0-9]+)?)(?![0-9])"
    rf"(?:[-‐‑]?[A-Za-z{CYR}]{{1,3}}[0-9]*\b)?")
_LIST_NUMBER = re.compile(r"^\s*([0-9]{1,2})[.)](?=\s)", re.MULTILINE)
# Abbreviations that take a number ("No 5", "ст. 12"): attached to it they still make a number.
_NOT_A_DESIGNATION = {"no", "nr", "p", "pp", "art", "ст", "п", "пп", "вул", "буд", "кв", "рис", "розд"}


def phones(text: str) -> Iterator[Quantity]:
    """Telephone numbers, as codes of their last nine digits (the country code may be dropped)."""
    for m in _PHONE.finditer(text):
        yield Quantity(m.start(), m.end(), m.group(), "code", digits=re.sub(r"\D", "", m.group())[-9:])


def designations(text: str, lang: str) -> Iterator[Quantity]:
    """С-300, Су-25, MH17, F-16: codes compared by their digits."""
    for m in _CODE.finditer(text):
        prefix = m.group(1).lower()
        if (lang == "uk" and prefix in ("№", "n")) or prefix in _NOT_A_DESIGNATION:
            continue
        yield Quantity(m.start(), m.end(), m.group(), "code", digits=m.group(2).lstrip("0") or "0")


def list_numbers(text: str) -> Iterator[Quantity]:
    """"1." or "2)" opening a line: list numbering, never a figure of the text."""
    for m in _LIST_NUMBER.finditer(text):
        yield Quantity(m.start(1), m.end(1), m.group(1), "number", values=(float(m.group(1)),), listnum=True)
