"""The publication's core properties: title, author, subject, keywords (the glossary's
renderings found in the English) and the identifier by which a later export knows the file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    from editflow.glossary import Glossary



def header_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,;]", value or "") if v.strip()]


def glossary_keywords(text: str, glossary: Glossary | None) -> list[str]:
    """English renderings of the glossary's terms that occur in the text, in order of appearance."""
    if glossary is None:
        return []
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    for term in glossary.terms:
        for en in term.en:
            low = en.lower()
            # A substring test first: compiling a pattern for each of a large glossary's renderings
            # cost seconds an article, and almost none of them occur.
            if low not in lowered:
                continue
            m = re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", lowered)
            if m:
                found.append((m.start(), en))
                break
    seen: set[str] = set()
    out = []
    for _, en in sorted(found):
        if en.lower() not in seen:
            seen.add(en.lower())
            out.append(en)
    return out


def set_properties(document: Any, *, title: str, author: str, subject: str, keywords: list[str],
                   comments: str, identifier: str) -> None:
    from editflow.export._package import xml_safe

    props = document.core_properties
    # Everything a template may carry about itself is replaced.  The title is
    # the headline's text, which may hold what XML cannot (the body keeps it).
    props.title = xml_safe(title[:255])
    props.author = xml_safe(author[:255])
    props.subject = xml_safe(subject[:255])
    props.keywords = xml_safe(", ".join(keywords)[:255])
    props.comments = xml_safe(comments[:255])
    props.category = ""
    props.content_status = ""
    props.version = ""
    props.language = "en-US"
    props.identifier = identifier
    props.last_modified_by = "editflow"
