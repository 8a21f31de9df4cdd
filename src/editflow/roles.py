"""Paragraph roles read off the text: headline variants, bylines, teasers,
whole-paragraph editor's notes, web boilerplate; and inline editor's notes.

Readers set the structural roles they can see in the file (a .docx Title
style, a Markdown heading); this module adds what only the wording shows.
The aligner uses the roles to price omissions and additions (web furniture
is cheap to leave unpaired, a body paragraph is not) and the summary uses
them to explain doubtful pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from editflow.inline import plain
from editflow.model import Paragraph, Role

# Web-page furniture copied along with an article.  Matched against the
# whole (short) paragraph, so "Share" inside a sentence never counts.
_BOILERPLATE = re.compile(
    r"""^(?:
        share(?:\s+(?:this|on\s+\w+|article|story))?|
        facebook|twitter|x|telegram|linkedin|whatsapp|viber|reddit|pinterest|instagram|youtube|tiktok|
        e-?mail|print|copy\s+link|comments?(?:\s*\(\d+\))?:?|\d+\s+comments?|
        print(?:able)?\s+version|send\s+to\s+a\s+friend|версія\s+для\s+друку|надіслати\s+другу|друкувати|
        (?:advertising|реклама)\s+(?:on\s+the\s+site|на\s+сайті)\b.*|
        (?:submit|post|leave)\s+a\s+(?:comment|reply)|leave\s+a\s+reply|cancel\s+reply|
        your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*|
        (?:you\s+must\s+be\s+(?:logged|signed)\s+in|(?:please\s+)?(?:log|sign)\s*in)\s+to\s+
            (?:(?:post|leave|write|add|submit)\s+(?:a\s+)?(?:comment|reply)|comment|reply)\b[^.]*|
        only\s+(?:registered|logged[\s-]in|signed[\s-]in)\s+(?:users|members|readers)\s+can\s+comment.*|
        comments\s+are\s+closed.*|(?:name|e-?mail|website|comment)\s*\*|
        notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments)).*|
        save\s+my\s+name,?\s+e-?mail.*|this\s+site\s+uses\s+akismet.*|
        (?:subscribe|sign\s+up)\b.*|follow\s+us\b.*|
        advertisement|sponsored|related(?:\s+(?:articles|posts|news|stories))?|tags?:.*|
        (?:©|\(c\)|copyright)\s*.*|all\s+rights\s+reserved.*|all\s+rights\s+to\s+(?:the\s+)?materials\b.*|
        (?:усі|всі)\s+права\s+на\s+матеріали\b.*|
        (?:any\s+)?(?:use|reuse|republication|reproduction)\s+of\s+(?:this|these|our)\s+materials?\b.*|
        (?:при|у\s+разі)\s+використанн\w+\s+(?:матеріал\w*|інформаці\w*)\b.*|
        (?:enjoy|like|liked)\s+this\s+(?:newsletter|issue|email)\b.*|подобається\s+(?:розсилка|випуск|лист)\b.*|
        cookies?\b.*|accept(?:\s+all)?(?:\s+cookies)?|
        support\s+(?:independent|our)\s+journalism.*|donate\b.*|reprint(?:ing)?\b.*|
        підтримайте\b.*|передрук\b.*|використання\s+матеріалів\b.*|
        поділитися|поширити|поділитись|коментар(?:і|ів)?(?:\s*\(\d+\))?:?|реклама|
        (?:підписуйтес[ья]|підпишіться|стежте|слідкуйте)\b.*|
        читайте\s+нас\s+у\b.*|теги?:.*|мітки:.*|
        (?:залишити|написати|додати)\s+коментар.*|
        (?:щоб\s+(?:залишити|написати|додати)\s+коментар|(?:ви\s+повинні|потрібно|необхідно)\s+(?:увійти|
            авторизуватися|зареєструватися)|увійдіть|авторизуйтеся)\b[^.]*(?:коментар|увійдіть|увійти|
            авторизуйтеся|авторизуватися|зареєструйтеся)[^.]*|
        коментувати\s+можуть\s+лише.*|коментарі\s+закрито.*|
        усі\s+права\s+захищено.*|всі\s+права\s+захищено.*|
        (?:reading\s+time|read\s+time|час\s+читання|читати)\s*:?\s*\d+(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?)\.?|
        (?:page|сторінка|стор\.)\s+\d+(?:\s+(?:of|з|із)\s+\d+)?|
        embargo(?:ed)?\s*(?:until|till|before|to|:)\s*\d.*|(?:not\s+for\s+(?:publication|release)|under\s+embargo)\s+(?:before|until)\b.*|
        .*\bне\s+(?:публікувати|оприлюднювати)\s+до\b.*|для\s+публікації\s*:\s*не\s+раніше\b.*|
        (?:length|обсяг)\s*:\s*[\d\s,.\u00a0]+\s*(?:characters|chars|words|знак\w*|символ\w*|слів)\b.*|
        (?:for\s+the\s+(?:desk|editors?)|для\s+редакції)\s*:.*|
        (?:you\s+have|ви\s+маєте)\s+(?:access|доступ)\b.*\b(?:premium|преміум)\b.*|
        .*\b(?:is\s+not|does\s+not\s+constitute)\s+(?:an?\s+)?(?:investment|financial|legal)\s+advice\b.*|
        .*\bне\s+є\s+(?:інвестиційн\w+|фінансов\w+|юридичн\w+)\s+(?:рекомендаці\w+|порад\w+|консультаці\w+)\b.*|
        \d[\d\s\u00a0]*(?:[,.]\d{3})*\s(?:views?|перегляд(?:и|ів)?)\b.*|
        (?:(?:views?|переглядів|перегляди|comments?|коментар\w*|likes?|вподобан\w*|shares?|поширен\w*)\s*:?\s*
            \d[\d\s\u00a0]*(?:[,.]\d{3})*\s*)+|
        (?:spotted|noticed|found|see)\s+(?:a\s+)?(?:mistake|typo|an?\s+error)\b.*|
        (?:помітили|знайшли|бачите)\s+помилку\b.*|якщо\s+ви\s+помітили\s+помилку\b.*|
        if\s+you\s+(?:spot|notice|find|see)\s+(?:a\s+)?(?:mistake|typo|an?\s+error)\b.*|
        (?:the\s+)?contents?\s+(?:of\s+this\s+\w+\s+)?(?:are|is)\s+the\s+sole\s+responsibility\b.*|
        зміст\s+(?:цього\s+)?\w+\s+є\s+(?:виключною\s+)?відповідальністю\b.*|
        \d+(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?\.?)(?:\s*(?:read|reading|читання|на\s+читання))?|
        (?:total\s+comments|всього\s+коментарів|коментарів)\s*:\s*\d+|
        (?:table\s+of\s+)?contents|зміст|on\s+this\s+page|на\s+цій\s+сторінці|
        (?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b.*|(?:ми|цей\s+сайт|сайт)\s+використов\w+\s+(?:файли\s+)?cookies?\b.*|
        (?:the\s+)?[^.!?]{0,40}\bnewsletter|розсилка\b.*|.*\b(?:no\s+spam|без\s+спаму)\b.*|
        .*\b(?:unsubscribe\s+at\s+any\s+time|можна\s+відписатися)\b.*|
        read\s+(?:also|more)|see\s+also|most\s+read|popular(?:\s+(?:now|posts|news))?|
        from\s+wiki\w+,\s+the\s+free\b.*|матеріал\s+з\s+вікі\w+.*|
        (?:partner|sponsored)\s+(?:content|material|post)|партнерськ\w+\s+(?:матеріал|контент)|
        (?:listen|слухати|прослухати)(?:\s+(?:to\s+)?(?:this\s+)?(?:article|story|новину|матеріал))?\s*[·:|-]?\s*\d{1,2}:\d{2}|
        (?:читати|read)\s+\d+\s*(?:хв|min)\.?.*|
        discussion(?:\s*\(?\d+\)?)?|обговорення(?:\s*\(?\d+\)?)?|about\s+the\s+author|про\s+автора|
        (?:[←«‹<]\s*)?(?:back\s+to\s+.{1,40}|all\s+(?:blog\s+)?(?:posts|news|articles)|(?:назад|повернутися)\b.{0,40}|
            (?:усі|всі)\s+(?:статті|новини|публікації|матеріали)\b.{0,30})|
        читайте\s+(?:також|ще)|дивіться\s+також|схожі\s+(?:новини|матеріали|публікації)|більше\s+новин|
        популярне|найчитаніше
    )[.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)

_TEASER = re.compile(
    r"^(?:read\s+(?:more|also)|see\s+also|related|also\s+read|more\s+on\s+this|"
    r"also\s+see|don[’']t\s+miss|recommended|"
    r"читайте\s+(?:також|більше)|дивіться\s+також|більше\s+на\s+тему|по\s+темі)\s*[:.—–-]",
    re.IGNORECASE,
)

_BYLINE_LABEL = re.compile(
    r"^(?:by\s+\w[\w.'’-]*(?:\s+(?:and\s+)?\w[\w.'’-]*){0,5}\s*(?:[,|·—–]\s*.*)?|"
    r"\(?(?:(?:additional\s+)?reporting|writing|editing)\s+by\b.*|\(?репортаж\s+\w+.*|"
    r"(?:photo|image|video|photos|source|text(?:\s+and\s+photos?)?|author|authors|translated\s+by|translation|words|"
    r"reporting\s+by|edited\s+by|host|hosts|presenter|moderator)\s*:.*|"
    r"(?:prepared|written|compiled)\s+by\s+\w.*|(?:матеріал\s+)?підготува(?:в|ла|ли)\s+\w.*|"
    r"(?:фото|світлина|відео|джерело|текст(?:\s+(?:і|та|й)\s+фото)?|автор(?:ка|и)?|переклад|ілюстрація|"
    r"редактор(?:ка)?|ведуч(?:ий|а|і)|модератор(?:ка)?)\s*:.*)$",
    re.IGNORECASE,
)
# An author and a date on one line, as a site's byline shows them: "Andrii Kovalenko — January 15,
# 2025, 14:05", "By Vasyl Popovych | 18.04.2025 - 11:42", "Марія Гнатюк, 14.03.2025".
_DATE_TEXT = (r"(?:\d{1,2}(?:\.\d{1,2}\.|/\d{1,2}/|-\d{1,2}-)\d{2,4}|\d{4}-\d{2}-\d{2}|"
              r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:[A-Z][a-z]{2,8}|[а-яіїєґ]{3,12})\.?\s+\d{4}(?:\s*(?:р\.|року))?)")
_NAME_DATE = re.compile(
    r"^(?:(?:by|автор(?:ка)?:?|text:|текст:)\s+)?"
    r"[A-ZА-ЯІЇЄҐ][\w'’.-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w'’.-]+){0,3}"
    r"\s*[,|—–·/-]\s*" + _DATE_TEXT + r"(?:\s*[,|—–·/-]?\s*\d{1,2}:\d{2})?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ' -]{2,}\s*,\s*.{3,40}\d{4}.*|"   # KYIV, March 3, 2024
    r"[А-ЯІЇЄҐ][а-яіїєґ'’-]+,\s*\d{1,2}\s+[а-яіїєґ]+\s+\d{4}.*|"     # Київ, 12 березня 2025
    r"[A-Z][a-z]+,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}).*)$"  # Kyiv, March 3, 2024
)

_NOTE_START = re.compile(
    r"^[\[(]?\s*(?:editor[’'`]?s?\s+note|ed\.?\s+note|translator[’'`]?s?\s+note|"
    r"note\s+from\s+the\s+(?:editor|translator)s?|update|clarification|correction|"
    r"примітка(?:\s+(?:редакції|перекладача|ред\.))?|від\s+редакції|прим\.\s*ред|"
    # "Updated on 13 November: …", "Оновлено 13 листопада: …": a dated correction.
    r"updated(?=\s*:|[^:.]{0,25}\d[^:.]{0,10}:)|оновлено(?=\s*:|[^:.]{0,25}\d[^:.]{0,10}:)|"
    r"(?:this\s+|the\s+)?interview\s+(?:has\s+been|was|is)\s+(?:condensed|edited|abridged|shortened)|"
    # Who paid for it: "This investigation was produced as part of … with the support of …".
    r"this\s+(?:investigation|article|story|material|publication|report)\s+(?:was|has\s+been)\s+"
    r"(?:produced|prepared|created|made|published)\s+(?:as\s+part\s+of|with\s+the\s+(?:financial\s+)?support)|"
    r"(?:це\s+)?(?:розслідування|матеріал|публікаці[яю]|стаття)\s+(?:було\s+)?(?:підготовлен|створен|опублікован)\w*"
    r"\s+(?:в\s+межах|у\s+межах|за\s+(?:фінансової\s+)?підтримки)|"
    r"інтерв[ʼ'’]?ю\s+(?:було\s+)?(?:скорочен|відредагован)\w*)\b",
    re.IGNORECASE,
)

_HEADLINE_LABEL = re.compile(
    r"^(?:(?:alt(?:ernative)?|seo|social(?:\s+media)?|web|print|online|facebook|twitter)[\s-]+"
    r"(?:headline|title|hed)|"
    r"(?:suggested|proposed|working|draft|possible|another|other|new|short)\s+(?:headline|title|hed)|"
    r"headline\s+(?:option|variant|\d)|option\s+\d|variant\s+\d|title\s+\d|"
    r"(?:інший|ще\s+один)\s+варіант|варіант\s+\d|(?:пропонований|робочий|короткий)\s+заголовок|"
    r"(?:варіант|версія)\s+заголовка|заголовок\s+\d|(?:альтернативний|інший)\s+заголовок|"
    r"(?:seo|сео|соц)[\s-]*заголовок|заголовок\s+для\s+\w+)\b[^:]*:",
    re.IGNORECASE,
)

# Inline editor's/translator's notes: "[Russians – ed.]", "[... — transl.]",
# "(прим. ред.)", "[... – ред.]".  Their text is an addition of the
# translation, so it must not count towards the length model or the checks.
INLINE_NOTE = re.compile(
    r"\s?\[[^\[\]]{1,300}?\s[–—-]{1,2}\s*(?:ed|eds|transl|trans|tr|ред|перекл|авт)\.?\s*\]"
    r"|\s?\((?:прим(?:ітка)?\.?\s*(?:ред|перекл|авт)\.?[^()]{0,200}|ed\.\s*note[^()]{0,200})\)"
    r"|\s?\[(?:editor[’']?s note|ed\. note|translator[’']?s note)[^\[\]]{0,300}\]",
    re.IGNORECASE,
)

_SENT_END = re.compile(r"[.!?…:;][\"'»”’)\]]*$")

# An author's signature at the end of a column: a name, then who they are
# ("Андрій Литвиненко, політичний оглядач"; "Mariia Shevchyshyn is a
# journalist"), often with the republisher's credit in it ("… originally
# posted on ZN.ua. Translated and edited by …").
_NAME_START = re.compile(
    r"^[A-ZА-ЯІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w'’.-]+){1,2}"
    r"(?:\s*,\s*|\s+(?:is|was)\s+(?:a|an|the)\s+|\s+[—–]\s+)\S")
_CREDIT_MARK = re.compile(
    r"\b(?:(?:originally|first)\s+(?:posted|published|appeared)|translated(?:\s+and\s+edited)?\s+(?:by|from)|"
    r"translation\s*(?:by|:)|(?:вперше\s+)?опубліковано|переклад(?:ено)?\s*(?::|з\b))",
    re.IGNORECASE)
# Where the end of an article may stand: its last paragraphs; what a web
# page adds after it (an avatar caption, the site's about-us line, social
# prompts, the comment form) is short.
_SIGNATURE_TAIL, _CHROME_MAX = 8, 200


def strip_inline_notes(text: str) -> str:
    if "[" not in text and "(" not in text:
        return text
    return INLINE_NOTE.sub("", text)


_DASHED = re.compile(r"^[-–—]+\s*(.*?)\s*[-–—]+$")


def is_boilerplate(text: str) -> bool:
    # An advert slot's label between dashes ("- Реклама -", "— Advertisement —") is the label.
    t = _DASHED.sub(r"\1", text.strip())
    if len(t) <= 120 and (_BOILERPLATE.match(t) or _SHARE_BAR.match(t)):
        return True
    # A row of furniture items: "Views: 1032 | Print version | Send to a friend".
    if len(t) <= 200 and ("|" in t or " · " in t):
        items = [item.strip() for item in re.split(r"\s*[|·]\s*", t) if item.strip()]
        if len(items) > 1 and all(_BOILERPLATE.match(item) for item in items):
            return True
    # An icon before it ("⏱ 6 min read", "👁 1 284 views").
    bare = _ICONS.sub("", t)
    if bare != t and 0 < len(bare) <= 120 and (_BOILERPLATE.match(bare) or _SHARE_BAR.match(bare)):
        return True
    # A copyright line runs on: "Copyright © 2025 …, All rights reserved. You are receiving this email …".
    if len(t) <= 400 and (_COPYRIGHT.match(t) or _RIGHTS.match(t)):
        return True
    # A comment form's notice runs on ("You must be logged in to post a comment. Please log in or
    # register."): its first sentence says what it is.
    first = _FIRST_SENTENCE.match(t)
    return (len(t) <= 200 and first is not None and bool(_COMMENT_WORD.search(first.group(1)))
            and bool(_BOILERPLATE.match(first.group(1))))


_ICONS = re.compile(r"^[^\w\s«\"“„'‘(\[©]+\s*")
_RIGHTS = re.compile(r"^(?:all\s+rights\s+(?:reserved|to\s+(?:the\s+)?materials)|(?:усі|всі)\s+права\s+"
                     r"(?:захищено|застережено|на\s+матеріали))", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|\w)", re.IGNORECASE)
# "Share: Facebook Telegram Copy link", "Поділитися: …": a share bar with its label.
_SHARE_BAR = re.compile(r"^(?:share(?:\s+(?:this|on))?|поділитися|поділитись|поширити)\s*:.*$", re.IGNORECASE)
_FIRST_SENTENCE = re.compile(r"^(.{3,120}?[.!])\s+\S")
_COMMENT_WORD = re.compile(r"comment|reply|log\s*in|sign\s*in|коментар|увійд|увійти|авториз", re.IGNORECASE)


_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|опубліковано|оновлено)\s*:?\s*)?(?:[A-Za-zА-ЯІЇЄҐа-яіїєґ]{2,12},?\s+)?" + _DATE_TEXT
    + r"(?:\s*(?:,|о|at|[|—–·/-])?\s*\d{1,2}:\d{2})?$", re.IGNORECASE)


def is_date_line(text: str) -> bool:
    """A line that is only a date (a weekday, a time, "Published:" at most beside it): "Mar 18, 2025",
    "14.03.2025", "Вівторок, 4 червня 2025, 10:05"."""
    t = text.strip()
    return len(t) <= 60 and bool(_DATE_LINE.match(t))


def is_teaser(text: str) -> bool:
    return len(text) <= 300 and bool(_TEASER.match(text.strip()))


def is_byline(text: str) -> bool:
    t = text.strip()
    if len(t) > 120:
        return False
    if _BYLINE_LABEL.match(t):
        # "By the end of the year ..." is a sentence, not a byline.
        head = re.split(r"\s+[|·—–]\s+", t, maxsplit=1)[0]   # the names before "| date"
        return not (t[:3].lower() == "by " and (len(head.split()) > 7 or t[3:4].islower()))
    # An author line without a label: "Андрій Литвиненко, Київ", "Olena Kovalenko, reporter".
    if len(t.split()) <= 6 and not _SENT_END.search(t) and is_signature(t):
        return True
    return bool(_DATELINE.match(t) or _NAME_DATE.match(t)) or is_date_line(t)


def is_signature(text: str) -> bool:
    """An author's signature line: a name, who they are, perhaps the republisher's credit."""
    t = text.strip()
    if len(t) > 300 or not _NAME_START.match(t):
        return False
    return len(t.split()) <= 14 or bool(_CREDIT_MARK.search(t))


def is_note(text: str) -> bool:
    t = text.strip()
    if _NOTE_START.match(t):
        return True
    # A paragraph that is nothing but a bracketed note.
    return t.startswith("[") and t.endswith("]") and bool(INLINE_NOTE.fullmatch(t) or
                                                             re.search(r"\b(?:ed|ред)\.\s*\]$", t))


def is_labelled_variant(text: str) -> bool:
    """A headline variant that says so ("Headline option 2: …", "SEO title: …")."""
    return bool(_HEADLINE_LABEL.match(text.strip()))


def looks_like_headline(text: str) -> bool:
    """Short, one line, no sentence-final punctuation: how headlines look."""
    t = text.strip()
    if _HEADLINE_LABEL.match(t):
        return True
    return 0 < len(t) <= 160 and len(t.split()) <= 22 and not _SENT_END.search(t)


# The desk's credit for the translation or the republication: "Translated and edited by …",
# "Translation: …", "Переклад: …", "Originally published by …".  A credit, not a byline (the
# publication keeps it last) and never a headline variant, however short it is.
_CREDIT_LINE = re.compile(
    r"^(?:(?:translated|edited|adapted)(?:\s*(?:and|&|,)\s*(?:translated|edited|adapted|abridged))*\s+(?:by|from)\b|"
    r"translation(?:\s*(?:and|&)\s*(?:editing|adaptation))?\s*(?:by\b|from\b|:)|translator\s*:|"
    r"(?:originally|first)\s+(?:published|appeared|posted)\b|(?:re)?published\s+(?:with|by)\s+(?:permission|arrangement)|"
    r"this\s+(?:article|story|piece|text|material)\s+(?:was|is|has\s+been)\s+(?:\w+\s+){0,3}"
    r"(?:translated|published|republished)\b|"
    r"переклад(?:ено)?(?:\s+(?:і|та)\s+редагування)?\s*(?::|з\s)|переклал[аи]?\s|перекладач(?:ка)?\s*:|"
    r"(?:вперше\s+)?опубліковано\s|першоджерело\s*:)",
    re.IGNORECASE)


def is_credit_line(text: str) -> bool:
    """The desk's attribution of the translation or the first publication (see _CREDIT_LINE)."""
    t = text.strip()
    return 0 < len(t) <= 250 and bool(_CREDIT_LINE.match(t))


def text_role(text: str) -> Role | None:
    """The role the wording alone implies, or None for ordinary text."""
    if is_boilerplate(text):
        return "boilerplate"
    if is_note(text):
        return "note"
    if is_teaser(text):
        return "teaser"
    if is_credit_line(text):
        return "credit"
    if is_byline(text):
        return "byline"
    return None


def assign_roles(paragraphs: Sequence[Paragraph], boilerplate: Sequence[re.Pattern[str]] = ()) -> None:
    """Refine paragraph roles in place.

    `boilerplate`: a newsroom's own patterns for web furniture (from
    `[roles] boilerplate` in editflow.toml), searched in each paragraph.

    Structural roles from the reader (title, heading, quote, footnote, table)
    are kept, except that text-implied roles (boilerplate, note, teaser,
    byline) win over "body".  Headline variants: the run of headline-like
    paragraphs at the top of the document (bylines may sit among them) is
    the title followed by its variants.

    The wording is read without inline tags (editflow.inline): `<i>Photo: …</i>` is a credit too.
    """
    if any("<" in p.text or "&" in p.text for p in paragraphs):
        views = [Paragraph(plain(p.text), p.role, p.location) for p in paragraphs]
        _assign_roles(views, boilerplate)
        for p, view in zip(paragraphs, views, strict=True):
            p.role = view.role
        return
    _assign_roles(paragraphs, boilerplate)


def _assign_roles(paragraphs: Sequence[Paragraph], boilerplate: Sequence[re.Pattern[str]]) -> None:
    for p in paragraphs:
        if p.role in ("body", "table"):
            role = text_role(p.text)
            if not role and boilerplate and any(rx.search(p.text.strip()) for rx in boilerplate):
                role = "boilerplate"
            if role:
                p.role = role
    for p in paragraphs:  # a labelled variant is a variant wherever it stands
        if p.role in ("body", "heading") and _HEADLINE_LABEL.match(p.text.strip()):
            p.role = "headline"
    _mark_page_chrome(paragraphs)
    top: list[Paragraph] = []
    following: Paragraph | None = None
    for p in paragraphs:
        if p.role in ("byline", "boilerplate", "credit"):
            continue
        if p.role in ("title", "headline") or (p.role in ("body", "heading") and looks_like_headline(p.text)):
            top.append(p)
            continue
        following = p
        break
    # Headline variants are a short run of headline-like lines before real
    # body text; a transcript or chat without punctuation is not a stack of
    # headlines, and a single short first line is just the title.
    if not top or (len(top) > 4 and not any(p.role == "headline" for p in top)):
        return
    if following is None or not _SENT_END.search(following.text.strip()):
        top = top[:1]
    has_title = any(p.role == "title" for p in top)
    # The title is the first headline that no label marks as a variant.
    first = next((p for p in top if p.role == "title"), None) or next(
        (p for p in top if not _HEADLINE_LABEL.match(p.text.strip())), top[0])
    if not has_title and first.role in ("body", "heading"):
        first.role = "title"
    for p in top:
        if p is not first and p.role in ("body", "heading", "title"):
            p.role = "headline"


def _mark_page_chrome(paragraphs: Sequence[Paragraph]) -> None:
    """An author's signature ends the article; the short lines a web page adds after it are boilerplate.

    The signature must stand among the last paragraphs, in the second half,
    and everything after it must be short, so that a name opening a body
    paragraph ("Олена Коваленко, мешканка Харкова, розповіла …") never cuts
    an article short.  A credit line alone does not end an article: it may
    stand anywhere ("This article was first published by …").
    """
    n = len(paragraphs)
    end = None
    # The earliest signature of the tail: a site's about-us line may read
    # like one too ("Frontline Review is an independent newsroom").
    for k in range(n - 1, max(n - 1 - _SIGNATURE_TAIL, -1), -1):
        p = paragraphs[k]
        t = p.text.strip()
        if p.role in ("body", "byline", "heading") and is_signature(t):
            end = k
        elif len(t) > _CHROME_MAX:
            break
    if end is None or end < max(2, n // 2):  # a byline under the headline is not the end
        return
    paragraphs[end].role = "byline"
    for p in paragraphs[end + 1:]:
        if p.role in ("body", "heading", "title", "headline"):
            p.role = "boilerplate"
