"""Locale-aware reading of the figures in one paragraph, Ukrainian or English.

`extract_uk(text)` and `extract_en(text)` return the `Quantity`s a reader
would see, each with its exact span: `2,5 млн` is one quantity worth
2,500,000, `24 лютого 2022 року` is one date (its day and year are not
separate numbers), `о 14:30` is a time, `С-300` a designation whose digits
are compared as a code.  Each side is read by its own conventions (see
`digits`), numbers in words too (`чотирнадцяти` ↔ `fourteen`), so that a
figure written as digits on one side finds its counterpart in words on the
other.  Which quantities may be *reported* is the numbers check's business
(`editflow.checks.numbers`); this package only reads.

One module per reader, run by `reader.extract` most specific first:

    codes      telephone numbers, designations (С-300, F-16), list numbering
    dates      dates in either order and language; months
    times      times of day, 12- and 24-hour
    digits     figures written with digits, by locale; multipliers, percent, hedges
    units      the unit after a figure (km, °C, mph ...)
    fractions  1/3, a third, дві третини
    roman      centuries in Roman numerals
    words_uk   Ukrainian numerals in any case form (pymorphy3)
    words_en   English numbers in words
"""

from editflow.numbers.quantity import Date, Kind, Quantity, sig_digits
from editflow.numbers.reader import extract, extract_en, extract_uk
from editflow.numbers.words_uk import uk_numeral

__all__ = ["Date", "Kind", "Quantity", "extract", "extract_en", "extract_uk", "sig_digits", "uk_numeral"]
