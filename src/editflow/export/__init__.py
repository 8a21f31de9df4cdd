"""Word documents made from the PO working file: publication, bilingual review, redline.

Modules: `publication` (the English article, publication-ready), `review`
(the bilingual review table with findings as comments), `review_import`
(the reviewer's work back into the PO), `redline` (the reviewer's changes as
tracked changes), `_package` (deterministic, atomic saving shared by all).
"""
