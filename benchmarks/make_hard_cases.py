#!/usr/bin/env python3
"""Build a deterministic set of hard uk→en paragraph-alignment cases from the corpus.

Every case is one corpus document (>= 4 paragraphs) with 1-3 perturbations of
the kind an editorial desk sees: paragraphs split or merged in translation,
omissions and additions, editor's/translator's notes, bracketed in-text notes,
headline variants, bylines and photo credits, "Read more" teasers and web-page
boilerplate.  The source side is always Ukrainian and the target English,
whatever the document's original language.

Output (under benchmarks/.cache/hard/ by default; never inside the package):

    CASE.uk.txt  CASE.en.txt   paragraphs separated by one blank line
    CASE.gold.tsv              the gold beads, 'i,j<TAB>k' (0-based)
    manifest.tsv               case, doc, orig_lang, n_uk, n_en, ops

`ops` lists the operations separated by ';', each as NAME[xCOUNT][@BEADS]:
NAME is the operation (split1-2, usplit2-1, merge2-1, merge3-1, umerge1-2,
umerge1-3, omit1-0, add0-1, note0-1, ednote, headline0-1, headline1-0,
leadline0-1, headmerge2-1, byline0-1, byline1-0, teaser0-1, teaser1-0,
signature0-1, signature1-0, boilerplate0-1, boilerplate1-0),
COUNT the number of paragraphs added (headline, boilerplate), BEADS the 0-based
indexes of the affected lines of CASE.gold.tsv (for ednote: the beads whose
English paragraph got a bracketed note; boilerplate is always at the end and
has no BEADS), e.g. 'headline0-1x2@1,2;ednote@4,7;boilerplate1-0x3'.
score.py's --manifest reads the leading letters of each op (split, usplit,
merge, ..., headline), so it groups 2-1 with 3-1 and 0-1 with 1-0;
accuracy.py reports the full names.

Operations (1-3 per case, never two that would make the gold ambiguous, such
as a byline added on both sides):
  split1-2 / usplit2-1     an en / uk paragraph split at a sentence boundary
  merge2-1 / umerge1-2     two (sometimes three) consecutive en / uk paragraphs joined
  omit1-0 / add0-1         an en / uk paragraph deleted
  note0-1                  an editor's/translator's note paragraph added in en (a third of
                           them without a label: "For context: ...")
  ednote                   1-3 bracketed notes ' [Russians – ed.]' inside en paragraphs
                           (beads unchanged)
  headline0-1 / 1-0        1-2 headline variants next to the real headline (shortened
                           first sentence, optionally labelled 'SEO title:' etc.)
  leadline0-1              1-2 English headline variants made from the lead's first
                           sentence, half of the time above the real headline (words, not
                           position, tell which line translates the Ukrainian headline)
  headmerge2-1             the English headline glued to the lead paragraph (documents whose
                           first paragraph is a headline)
  byline0-1 / 1-0          byline, dateline or photo credit
  teaser0-1 / 1-0          'Read more: ' / 'Читайте також: ' + another document's first
                           sentence, mid-text
  signature0-1 / 1-0       an author's signature paragraph at the end on both sides (the
                           English one with "originally published on ... Translated by ..."),
                           then 1-4 lines of the site's page chrome copied with it on the
                           English / Ukrainian side: avatar caption, about-us line, social
                           prompts, comment-form lines (wording no role pattern was written for)
  boilerplate0-1 / 1-0     2-6 web-page furniture paragraphs at the end

    python benchmarks/make_hard_cases.py                 # 300 cases, seed 2024
    python benchmarks/make_hard_cases.py --cases 50 --seed 7 --out /tmp/hard
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

# --------------------------------------------------------------------------
# material written for the benchmark (not from the corpus)
# --------------------------------------------------------------------------

NOTES_EN = [
    "[Editor’s note: The figures were provided by the regional military administration and could not be independently verified.]",
    "Editor's Note: This story has been updated to include a statement from the Ministry of Defence.",
    "Translator’s note: The Ukrainian original uses a colloquial expression that has no direct English equivalent; we have rendered its meaning.",
    "[Translator's note: Quotations from Ukrainian officials have been translated by our staff.]",
    "Editor’s note: An earlier version of this article misstated the date of the meeting. It has been corrected.",
    "Editor's note: The names of some of the people interviewed have been changed for their safety.",
    "[Editor's note: This article was originally published in Ukrainian and has been translated and edited for clarity.]",
    "Translator’s note: Place names are given in their Ukrainian transliteration, following the national standard adopted in 2010.",
    "Editor’s Note: This story is developing and will be updated as more information becomes available.",
    "[Ed. note: The interview has been condensed and edited for length.]",
    "Editor's note: Casualty numbers cited in this report are preliminary and may change.",
    "Translator's note: Hryvnia amounts have been converted to US dollars at the National Bank's official rate on the day of publication.",
    "[Editor’s note: Our newsroom was unable to reach the company for comment before publication.]",
    "Editor’s note: This piece is part of a series on how communities are rebuilding after the occupation.",
    "Note from the editors: The opinions expressed in this column are the author's own.",
    "[Translator’s note: In Ukrainian, the word used here also means “homeland”.]",
    "Editor's note: Some details have been withheld at the request of the military for security reasons.",
    "Translator’s note: The abbreviation ZSU refers to the Armed Forces of Ukraine.",
    "[Editor's note: The Kyiv Independent could not independently confirm these claims.]",
    "Editor’s note: This article was produced with the support of a grant for independent regional media. The donor had no influence over its content.",
    "Correction: A previous version of this article gave the wrong title for the minister. We regret the error.",
    "Editor’s note: All times are given in Kyiv time (UTC+2).",
]

# Notes a translator adds without saying so: they read as text, only their
# missing Ukrainian counterpart gives them away.
NOTES_EN_PLAIN = [
    "For context: the Verkhovna Rada is Ukraine's unicameral parliament, with 450 seats.",
    "Oblast is the Ukrainian word for a region, the country's largest administrative unit.",
    "Hromada is a Ukrainian territorial community, the basic unit of local self-government since the 2020 reform.",
    "Shahed drones are Iranian-designed loitering munitions that Russia has launched at Ukrainian cities since 2022.",
    "The hryvnia is Ukraine's currency; at the time of writing, one US dollar bought about 41 hryvnias.",
    "Background: martial law has been in force in Ukraine since February 24, 2022, and is extended every 90 days.",
    "The State Emergency Service is Ukraine's civil protection agency, responsible for rescue work after strikes.",
    "A reminder for our readers: Ukrainian place names follow the official national transliteration.",
    "Diia is the government's app for public services; most Ukrainians use it for documents and benefits.",
]

EDNOTES_EN = [
    " [Russians – ed.]",
    " [the head of the Chechen Republic – ed.]",
    " [Ukraine’s parliament – ed.]",
    " [the Verkhovna Rada – ed.]",
    " [the Armed Forces of Ukraine – ed.]",
    " [Vladimir Putin – ed.]",
    " [the Russian occupiers – ed.]",
    " [a town in Donetsk region – ed.]",
    " [about $270 – ed.]",
    " [the Security Service of Ukraine, SBU – ed.]",
    " [Ukrainian Railways – ed.]",
    " [sic]",
    " [in 2022 – ed.]",
    " [the State Emergency Service – ed.]",
    " [i.e. the ministry – ed.]",
    " [the mayor of Kyiv – ed.]",
    " [the European Union – ed.]",
    " [Ukrainian: \u201cвишиванка\u201d – ed.]",
    " [Russian troops – Ed.]",
    " [the regional administration – trans.]",
]

BOILERPLATE_EN = [
    "Share This",
    "Facebook",
    "Twitter",
    "Telegram",
    "Share on WhatsApp",
    "Submit a Comment",
    "Your email address will not be published. Required fields are marked *",
    "Subscribe to our newsletter",
    "Related Posts",
    "Tags: Ukraine, war, politics",
    "Support independent journalism. Donate now",
    "© 2024 All rights reserved",
]

BOILERPLATE_UK = [
    "Поділитися",
    "Facebook",
    "Telegram",
    "Коментарі",
    "Залишити коментар",
    "Підписуйтесь на наш Telegram-канал",
    "Читайте нас у Google News",
    "Підтримайте незалежну журналістику",
    "Теги: Україна, війна, політика",
    "Передрук матеріалів дозволено лише з посиланням на джерело",
    "© 2024 Усі права захищено",
]

# Author signatures (invented people): the Ukrainian one, and the English one
# with the credit a republishing site adds.
SIGNATURES = [
    ("Сергій Коваль, Надзвичайний і Повноважний Посол України (2019–2023)",
     "Serhiy Koval, Ambassador Extraordinary and Plenipotentiary of Ukraine (2019–2023), originally posted on "
     "ZN.ua. Translated and edited by the Frontline Review team."),
    ("Олена Гнатюк, докторка історичних наук, професорка Києво-Могилянської академії",
     "Olena Hnatiuk, Doctor of History, professor at the Kyiv-Mohyla Academy. First published in Ukrainian "
     "by Ukrainska Pravda; translated by Iryna Savchuk."),
    ("Андрій Литвиненко, політичний оглядач",
     "Andriy Lytvynenko, political commentator. The column was originally published on LB.ua and translated "
     "by our team."),
    ("Марія Шевчишин, журналістка і волонтерка",
     "Mariia Shevchyshyn is a journalist and volunteer. Translated and edited by the Kyiv Review staff."),
    ("Тарас Бойчук, військовий експерт, полковник запасу",
     "Taras Boichuk, military analyst and reserve colonel; this op-ed first appeared on NV.ua. "
     "Translation: Olha Marchenko."),
    ("Ірина Мельничук, економістка Центру економічної стратегії",
     "Iryna Melnychuk, economist at the Centre for Economic Strategy. Originally published in Ukrainian "
     "by Ekonomichna Pravda."),
]

# What a web page puts after the signature: the author's avatar caption,
# the site's about-us line, social prompts, the comment form.  Deliberately
# not the wording of the aligner's boilerplate patterns.
CHROME_EN = [
    ["Avatar photo", "Author's photo", "{name}", "Photo of the author"],
    ["An independent media outlet covering Ukraine's politics, economy and society since 2014.",
     "Frontline Review is an independent English-language newsroom funded by its readers.",
     "We are a reader-supported publication telling Ukraine's story to the world."],
    ["Follow us on X, Facebook and Instagram", "Join our Telegram channel for daily updates",
     "Did you enjoy this article? Tell your friends about it"],
    ["Leave a Reply Cancel reply", "Save my name, email, and website in this browser for the next time I comment.",
     "Name *", "Email *"],
]
CHROME_UK = [
    ["Фото автора", "Аватар", "{name}"],
    ["Незалежне медіа про політику, економіку та суспільство України з 2014 року.",
     "Ми — незалежне видання, яке існує завдяки читачам."],
    ["Приєднуйтесь до нас у Facebook та Instagram", "Наш канал у Telegram — щоденні новини"],
    ["Залишити відповідь Скасувати відповідь", "Ваше ім'я *", "Зберегти моє ім'я та e-mail у цьому браузері"],
]

TEASER_EN = ["Read more: ", "Read also: ", "READ MORE: ", "Also read: ", "See also: "]
TEASER_UK = ["Читайте також: ", "Читайте також:", "ЧИТАЙТЕ ТАКОЖ: ", "Дивіться також: ", "Читайте більше: "]

HEADLINE_EN = ["", "", "Headline option 2: ", "SEO title: ", "Alt headline: ", "Alternative headline: ",
               "Suggested headline: "]
HEADLINE_UK = ["", "", "Варіант заголовка: ", "SEO-заголовок: ", "Заголовок 2: ", "Альтернативний заголовок: ",
               "Інший варіант: "]

NAMES_EN = ["Olena Kovalenko", "Taras Shevchuk", "Iryna Bondarenko", "Andriy Melnyk", "Kateryna Tkachenko",
            "Oleksandr Kravchenko", "Natalia Oliynyk", "Serhiy Lysenko", "Yulia Moroz", "Dmytro Savchenko"]
NAMES_UK = ["Олена Коваленко", "Тарас Шевчук", "Ірина Бондаренко", "Андрій Мельник", "Катерина Ткаченко",
            "Олександр Кравченко", "Наталія Олійник", "Сергій Лисенко", "Юлія Мороз", "Дмитро Савченко"]
CITIES = [("KYIV", "Київ"), ("LVIV", "Львів"), ("KHARKIV", "Харків"), ("ODESA", "Одеса"),
          ("DNIPRO", "Дніпро"), ("ZAPORIZHZHIA", "Запоріжжя"), ("BRUSSELS", "Брюссель"), ("WARSAW", "Варшава")]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_UK = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
             "жовтня", "листопада", "грудня"]
AGENCIES = [("Reuters", "Reuters"), ("Ukrinform", "Укрінформ"), ("Getty Images", "Getty Images"),
            ("AFP", "AFP"), ("UNIAN", "УНІАН"), ("the press service of the Ministry of Defence",
                                                  "пресслужба Міноборони")]

# --------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------

_ABBR = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "rep", "sen",
    "gov", "rev", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g",
    "approx", "mt", "ft", "ave", "dept", "fig", "vol", "op",
    "ім", "м", "вул", "ст", "р", "рр", "тис", "млн", "млрд", "грн", "т", "п", "с", "проф", "д", "див",
    "обл", "пров", "пл", "ін", "напр", "акад", "доц", "канд", "пп", "стор", "б", "ген",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*\s+(?=[\"“«(\[]?[A-ZА-ЯІЇЄҐ0-9])")


def sentence_starts(text: str) -> List[int]:
    """Offsets where a new sentence starts (after the first)."""
    out = []
    for mo in _BOUNDARY.finditer(text):
        before = text[: mo.start()]
        word = re.search(r"([\w.]+)$", before)
        w = word.group(1).lower() if word else ""
        if w in _ABBR or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(\w\.)+\w", w):
            continue
        out.append(mo.end())
    return out


def first_sentence(text: str) -> str:
    starts = sentence_starts(text)
    return text[: starts[0]].strip() if starts else text.strip()


def split_at_sentence(text: str, rng: random.Random, min_part: int = 20) -> Optional[List[str]]:
    cands = [k for k in sentence_starts(text)
             if len(text[:k].strip()) >= min_part and len(text[k:].strip()) >= min_part]
    if not cands:
        return None
    k = rng.choice(cands)
    return [text[:k].strip(), text[k:].strip()]


_TRAIL = re.compile(r"[\s.,:;!?…\-–—\"“”«»'’(\[]+$")


def shorten(sentence: str, k: int) -> str:
    words = sentence.split()
    out = " ".join(words[:k])
    return _TRAIL.sub("", out)


def normalise(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


# --------------------------------------------------------------------------
# the case model: a list of gold beads, each with its own paragraph texts
# --------------------------------------------------------------------------

class GB:
    """A gold bead: the Ukrainian and English paragraphs it holds."""
    __slots__ = ("uk", "en", "orig", "is_head")

    def __init__(self, uk, en, orig=False, is_head=False):
        self.uk, self.en = list(uk), list(en)
        self.orig = orig          # an untouched 1-1 bead from the corpus
        self.is_head = is_head    # the document's paragraph 0 (its headline or first paragraph)


class Case:
    def __init__(self, name: str, doc: str, uk: List[str], en: List[str], rng: random.Random, pool):
        self.name, self.doc, self.rng, self.pool = name, doc, rng, pool
        self.beads = [GB([u], [e], orig=True, is_head=(i == 0)) for i, (u, e) in enumerate(zip(uk, en))]
        self.uk0, self.en0 = uk[0], en[0]
        self.ops = []  # (name, count or None, [GB, ...])

    # -- helpers
    def head_index(self) -> int:
        return next(i for i, b in enumerate(self.beads) if b.is_head)

    def body_orig(self) -> List[int]:
        return [i for i, b in enumerate(self.beads) if b.orig and not b.is_head]

    def record(self, name, beads, count=None):
        self.ops.append((name, count, beads))


def op_split(case: Case, side: str) -> bool:
    rng = case.rng
    idx = case.body_orig()
    rng.shuffle(idx)
    for i in idx:
        b = case.beads[i]
        text = b.en[0] if side == "en" else b.uk[0]
        parts = split_at_sentence(text, rng)
        if parts:
            if side == "en":
                b.en = parts
            else:
                b.uk = parts
            b.orig = False
            case.record("split1-2" if side == "en" else "usplit2-1", [b])
            return True
    return False


def op_merge(case: Case, side: str) -> bool:
    rng = case.rng
    k = 3 if rng.random() < 0.2 else 2
    starts = []
    for i in range(len(case.beads) - k + 1):
        run = case.beads[i:i + k]
        if all(b.orig and not b.is_head for b in run):
            starts.append(i)
    if not starts and k == 3:
        k = 2
        starts = [i for i in range(len(case.beads) - 1)
                  if all(b.orig and not b.is_head for b in case.beads[i:i + 2])]
    if not starts:
        return False
    i = rng.choice(starts)
    run = case.beads[i:i + k]
    uk = [b.uk[0] for b in run]
    en = [b.en[0] for b in run]
    if side == "en":
        nb = GB(uk, [" ".join(en)])
        name = "merge%d-1" % k
    else:
        nb = GB([" ".join(uk)], en)
        name = "umerge1-%d" % k
    case.beads[i:i + k] = [nb]
    case.record(name, [nb])
    return True


def op_delete(case: Case, side: str) -> bool:
    idx = case.body_orig()
    if len(idx) < 2:
        return False
    b = case.beads[case.rng.choice(idx)]
    if side == "en":
        b.en = []
        name = "omit1-0"
    else:
        b.uk = []
        name = "add0-1"
    b.orig = False
    case.record(name, [b])
    return True


def op_ednote(case: Case) -> bool:
    rng = case.rng
    cands = [b for b in case.beads if any(len(t.split()) >= 6 for t in b.en)]
    if not cands:
        return False
    n = min(len(cands), rng.choice([1, 1, 2, 3]))
    chosen = rng.sample(cands, n)
    chosen.sort(key=case.beads.index)
    for b in chosen:
        p = rng.choice([k for k, t in enumerate(b.en) if len(t.split()) >= 6])
        text = b.en[p]
        # after a word (letters), not at the very end, not inside a number
        spots = [mo.end() for mo in re.finditer(r"[^\W\d_]{3,}(?= )", text) if mo.end() < len(text) - 10]
        if not spots:
            spots = [mo.start() for mo in re.finditer(r" ", text)][1:-1] or [len(text)]
        at = rng.choice(spots)
        b.en[p] = text[:at] + rng.choice(EDNOTES_EN) + text[at:]
    case.record("ednote", chosen)
    return True


def _insert(case: Case, pos: int, uk: List[str], en: List[str]) -> GB:
    nb = GB(uk, en)
    case.beads.insert(pos, nb)
    return nb


def op_note(case: Case) -> bool:
    rng = case.rng
    h = case.head_index()
    # anywhere: mostly in the body or at the end, sometimes right at the top
    pos = rng.randint(h + 1, len(case.beads)) if rng.random() < 0.9 else h
    notes = NOTES_EN_PLAIN if rng.random() < 0.33 else NOTES_EN
    nb = _insert(case, pos, [], [rng.choice(notes)])
    case.record("note0-1", [nb])
    return True


def op_teaser(case: Case, side: str) -> bool:
    rng = case.rng
    h = case.head_index()
    lo, hi = h + 2, len(case.beads) - 1
    if hi < lo:
        return False
    other = rng.choice([d for d in case.pool if d[0] != case.doc])
    if side == "en":
        text = rng.choice(TEASER_EN) + first_sentence(other[2])
        nb = _insert(case, rng.randint(lo, hi), [], [text])
    else:
        text = rng.choice(TEASER_UK) + first_sentence(other[1])
        nb = _insert(case, rng.randint(lo, hi), [text], [])
    case.record("teaser0-1" if side == "en" else "teaser1-0", [nb])
    return True


def op_byline(case: Case, side: str) -> bool:
    rng = case.rng
    kind = rng.choice(["by", "by", "dateline", "photo", "photo", "author2"])
    ci = rng.randrange(len(CITIES))
    day, month, year = rng.randint(1, 28), rng.randrange(12), rng.choice([2022, 2023, 2024])
    a, b2 = rng.sample(range(len(NAMES_EN)), 2)
    ag = rng.randrange(len(AGENCIES))
    if side == "en":
        text = {"by": "By %s" % NAMES_EN[a],
                "author2": "By %s and %s" % (NAMES_EN[a], NAMES_EN[b2]),
                "dateline": "%s, %s %d, %d" % (CITIES[ci][0], MONTHS_EN[month], day, year),
                "photo": rng.choice(["Photo: %s", "Photo credit: %s", "Photo: %s / Illustrative image"])
                % AGENCIES[ag][0]}[kind]
    else:
        text = {"by": "Автор: %s" % NAMES_UK[a],
                "author2": "%s, %s" % (NAMES_UK[a], CITIES[ci][1]),
                "dateline": "%s, %d %s %d року" % (CITIES[ci][1], day, MONTHS_UK[month], year),
                "photo": rng.choice(["Фото: %s", "Фото: %s / ілюстративне фото", "Світлина: %s"])
                % AGENCIES[ag][1]}[kind]
    h = case.head_index()
    if kind == "photo" and rng.random() < 0.6:
        pos = rng.randint(h + 1, len(case.beads))       # a photo credit anywhere in the text
    else:
        pos = h + 1 if rng.random() < 0.8 else h        # byline / dateline under (or above) the headline
    nb = _insert(case, pos, [text] if side == "uk" else [], [text] if side == "en" else [])
    case.record("byline0-1" if side == "en" else "byline1-0", [nb])
    return True


def op_headline(case: Case, side: str) -> bool:
    rng = case.rng
    head_text = case.en0 if side == "en" else case.uk0
    sent = first_sentence(head_text)
    templates = HEADLINE_EN if side == "en" else HEADLINE_UK
    n = rng.choice([1, 1, 2])
    variants = []
    seen = {normalise(head_text)}
    for _ in range(12):
        if len(variants) == n:
            break
        words = len(sent.split())
        if words > 6:   # really shorter than the sentence: 6-12 words
            short = shorten(sent, rng.randint(6, min(12, words - 1)))
            t = rng.choice(templates)
        else:           # a short headline already: keep it, but under a label
            short = shorten(sent, words)
            t = rng.choice([x for x in templates if x])
        if not t and normalise(short) in seen:
            t = rng.choice([x for x in templates if x])
        text = (t + short).strip()
        if len(short.split()) < 2 or normalise(text) in seen:
            continue
        seen.add(normalise(text))
        variants.append(text)
    if not variants:
        return False
    h = case.head_index()
    pos = h if rng.random() < 0.5 else h + 1     # above or below the real headline
    new = []
    for v in variants:
        new.append(_insert(case, pos + len(new), [v] if side == "uk" else [], [v] if side == "en" else []))
    case.record("headline0-1" if side == "en" else "headline1-0", new, count=len(new))
    return True


def _is_headline(text: str) -> bool:
    return len(text) <= 200 and not re.search(r"[.!?…:;][\"'»”’)\]]*$", text.strip())


def op_headmerge(case: Case) -> bool:
    """The English headline glued to the lead: the Ukrainian headline and lead become a 2-1 bead."""
    h = case.head_index()
    if h + 1 >= len(case.beads):
        return False
    head, lead = case.beads[h], case.beads[h + 1]
    if not (head.orig and lead.orig and _is_headline(head.en[0]) and len(lead.en[0].split()) >= 6):
        return False
    glue = case.rng.choice([" ", " ", ". ", " — "])
    nb = GB(head.uk + lead.uk, [head.en[0] + glue + lead.en[0]], is_head=True)
    case.beads[h:h + 2] = [nb]
    case.record("headmerge2-1", [nb])
    return True


def op_leadline(case: Case) -> bool:
    """English headline variants worded from the lead, half of the time above the real headline."""
    rng = case.rng
    h = case.head_index()
    head = case.beads[h]
    if h + 1 >= len(case.beads) or not _is_headline(head.en[0]) or not case.beads[h + 1].en:
        return False
    sent = first_sentence(case.beads[h + 1].en[0])
    words = len(sent.split())
    if words < 9:
        return False
    variants = []
    for _ in range(rng.choice([1, 1, 2])):
        short = shorten(" ".join(sent.split()[rng.randint(0, 2):]), rng.randint(6, min(12, words - 3)))
        text = (rng.choice(HEADLINE_EN) + short[:1].upper() + short[1:]).strip()
        if len(short.split()) >= 4 and text not in variants and normalise(text) != normalise(head.en[0]):
            variants.append(text)
    if not variants:
        return False
    pos = h if rng.random() < 0.5 else h + 1
    new = [_insert(case, pos + k, [], [v]) for k, v in enumerate(variants)]
    case.record("leadline0-1", new, count=len(new))
    return True


def op_signature(case: Case, side: str) -> bool:
    """An author's signature on both sides at the end, then the page chrome on one side."""
    rng = case.rng
    uk, en = rng.choice(SIGNATURES)
    sig = GB([uk], [en])
    case.beads.append(sig)
    name_en = en.split(",")[0].split(" is ")[0]
    name_uk = uk.split(",")[0]
    groups = CHROME_EN if side == "en" else CHROME_UK
    n = rng.randint(1, 4)
    start = rng.randint(0, len(groups) - n)
    new = []
    for g in groups[start:start + n]:
        text = rng.choice(g).format(name=name_en if side == "en" else name_uk)
        new.append(_insert(case, len(case.beads), [text] if side == "uk" else [], [text] if side == "en" else []))
    case.record("signature0-1" if side == "en" else "signature1-0", [sig] + new, count=n)
    return True


def op_boilerplate(case: Case, side: str) -> bool:
    rng = case.rng
    items = BOILERPLATE_EN if side == "en" else BOILERPLATE_UK
    n = rng.randint(2, 6)
    picked = sorted(rng.sample(range(len(items)), n))
    new = []
    for k in picked:
        text = items[k]
        new.append(_insert(case, len(case.beads), [text] if side == "uk" else [], [text] if side == "en" else []))
    case.record("boilerplate0-1" if side == "en" else "boilerplate1-0", new, count=n)
    return True


# op type -> (stage, function).  Stages: structure first, then text edits,
# then insertions, so that later ops never undo earlier ones.
OPS = {
    "headmerge2-1": (0, op_headmerge),
    "merge2-1": (0, lambda c: op_merge(c, "en")),
    "umerge1-2": (0, lambda c: op_merge(c, "uk")),
    "split1-2": (1, lambda c: op_split(c, "en")),
    "usplit2-1": (1, lambda c: op_split(c, "uk")),
    "omit1-0": (2, lambda c: op_delete(c, "en")),
    "add0-1": (2, lambda c: op_delete(c, "uk")),
    "ednote": (3, op_ednote),
    "teaser0-1": (4, lambda c: op_teaser(c, "en")),
    "teaser1-0": (4, lambda c: op_teaser(c, "uk")),
    "note0-1": (5, op_note),
    "byline0-1": (6, lambda c: op_byline(c, "en")),
    "byline1-0": (6, lambda c: op_byline(c, "uk")),
    "headline0-1": (7, lambda c: op_headline(c, "en")),
    "headline1-0": (7, lambda c: op_headline(c, "uk")),
    "leadline0-1": (7, op_leadline),
    "signature0-1": (8, lambda c: op_signature(c, "en")),
    "signature1-0": (8, lambda c: op_signature(c, "uk")),
    "boilerplate0-1": (9, lambda c: op_boilerplate(c, "en")),
    "boilerplate1-0": (9, lambda c: op_boilerplate(c, "uk")),
}

# pairs that would make the gold ambiguous (a uk byline and an en byline are
# translations of each other, so they should not both be null beads)
CONFLICTS = [("byline0-1", "byline1-0"), ("headline0-1", "headline1-0"),
             ("boilerplate0-1", "boilerplate1-0"), ("teaser0-1", "teaser1-0"),
             ("omit1-0", "add0-1"), ("headline0-1", "leadline0-1"), ("headline1-0", "leadline0-1"),
             ("signature0-1", "signature1-0"), ("signature0-1", "boilerplate0-1"),
             ("signature0-1", "boilerplate1-0"), ("signature1-0", "boilerplate0-1"),
             ("signature1-0", "boilerplate1-0")]


def _conflicts(a: str, chosen: List[str]) -> bool:
    return any((a, b) in CONFLICTS or (b, a) in CONFLICTS for b in chosen)


def build_case(name: str, doc: str, uk: List[str], en: List[str], rng: random.Random, pool) -> Case:
    case = Case(name, doc, uk, en, rng, pool)
    n_ops = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
    types = sorted(OPS)
    rng.shuffle(types)
    planned = []
    for t in types:
        if len(planned) == n_ops:
            break
        if not _conflicts(t, planned):
            planned.append(t)
    # apply in stage order; an op that cannot be applied is replaced by another
    pending = sorted(planned, key=lambda t: OPS[t][0])
    spare = [t for t in types if t not in planned]
    done = []
    for t in pending:
        if OPS[t][1](case):
            done.append(t)
    while len(done) < n_ops and spare:
        t = spare.pop(0)
        if _conflicts(t, done) or any(OPS[d][0] > OPS[t][0] for d in done):
            continue
        if OPS[t][1](case):
            done.append(t)
    return case


# --------------------------------------------------------------------------
# output and validation
# --------------------------------------------------------------------------

def flatten(case: Case):
    uk, en, gold = [], [], []
    for b in case.beads:
        s = list(range(len(uk), len(uk) + len(b.uk)))
        t = list(range(len(en), len(en) + len(b.en)))
        uk += b.uk
        en += b.en
        gold.append((tuple(s), tuple(t)))
    ops = []
    for name, count, beads in case.ops:
        pos = sorted(next(i for i, x in enumerate(case.beads) if x is b) for b in beads)
        s = name + ("x%d" % count if count is not None else "")
        if not name.startswith("boilerplate"):
            s += "@" + ",".join(map(str, pos))
        ops.append((pos[0], s))
    ops.sort()
    return uk, en, gold, [s for _, s in ops]


def validate(out: Path, rows, score) -> List[str]:
    problems = []
    for row in rows:
        name = row["case"]
        uk_path, en_path, gold_path = (out / (name + ".uk.txt"), out / (name + ".en.txt"),
                                       out / (name + ".gold.tsv"))
        gold = score.read_alignment(str(gold_path))
        problems += score.coverage_problems(gold, name)
        n_uk, n_en = score._count_paragraphs(str(uk_path)), score._count_paragraphs(str(en_path))
        for side, n, label in ((0, n_uk, "uk"), (1, n_en, "en")):
            idx = [i for b in gold for i in b[side]]
            if idx != list(range(n)):
                problems.append("%s: gold %s indexes are not 0..%d once each, in order" % (name, label, n - 1))
        if (n_uk, n_en) != (row["n_uk"], row["n_en"]):
            problems.append("%s: paragraph counts on disk %d/%d differ from the generator's %d/%d"
                            % (name, n_uk, n_en, row["n_uk"], row["n_en"]))
        for path in (uk_path, en_path):
            text = path.read_text(encoding="utf-8")
            blocks = text[:-1].split("\n\n") if text.endswith("\n") else [text]
            if any(not b.strip() or "\n" in b for b in blocks):
                problems.append("%s: empty paragraph or stray line break" % path.name)
        if not row["ops"]:
            problems.append("%s: no operation applied" % name)
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--corpus", default=str(_common.DEFAULT_CORPUS),
                    help="corpus directory (default: ../shared/corpus from the project root)")
    ap.add_argument("--bench", default=str(_common.DEFAULT_SHARED_BENCH),
                    help="shared bench directory with score.py (default ../shared/bench)")
    ap.add_argument("--out", default=str(_common.DEFAULT_HARD),
                    help="output directory (default benchmarks/.cache/hard)")
    ap.add_argument("--cases", type=int, default=300, help="number of cases (default 300)")
    ap.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    ap.add_argument("--min-paragraphs", type=int, default=4, help="use documents with at least this many paragraphs")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only the one-line summary")
    args = ap.parse_args(argv)
    return generate(args.corpus, args.out, args.cases, args.seed, args.min_paragraphs, args.bench, args.quiet)


def generate(corpus, out, n_cases=300, seed=2024, min_paragraphs=4, bench=_common.DEFAULT_SHARED_BENCH,
             quiet=False) -> int:
    corpus = _common.check_corpus(corpus)
    score = _common.load_score(bench)
    orig_lang = {}
    manifest = corpus / "manifest.tsv"
    if manifest.is_file():
        lines = manifest.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            cols = line.split("\t")
            orig_lang[cols[head.index("name")]] = cols[head.index("orig_lang")]
    docs = []
    for name in _common.corpus_names(corpus):
        uk = _common.read_paragraphs(corpus / (name + ".uk.txt"))
        en = _common.read_paragraphs(corpus / (name + ".en.txt"))
        if len(uk) != len(en):
            print("warning: %s: %d vs %d paragraphs, skipped" % (name, len(uk), len(en)), file=sys.stderr)
            continue
        docs.append((name, uk, en))
    pool = [(n, uk[0], en[0]) for n, uk, en in docs]  # teaser material: every doc's first paragraph
    eligible = [d for d in docs if len(d[1]) >= min_paragraphs]
    rng = random.Random(seed)
    if n_cases > len(eligible):
        # more cases than documents: documents are reused (with different draws)
        picks = [eligible[i % len(eligible)] for i in range(n_cases)]
    else:
        picks = sorted(rng.sample(eligible, n_cases), key=lambda d: d[0])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for p in list(out.glob("*.uk.txt")) + list(out.glob("*.en.txt")) + list(out.glob("*.gold.tsv")):
        p.unlink()
    rows = []
    for k, (doc, uk, en) in enumerate(picks):
        case_name = "h%03d_%s" % (k, doc)
        case_seed = int(hashlib.sha256(("%d:%s:%d" % (seed, doc, k)).encode()).hexdigest()[:16], 16)
        case = build_case(case_name, doc, uk, en, random.Random(case_seed), pool)
        u, e, gold, ops = flatten(case)
        _common.write_paragraphs(out / (case_name + ".uk.txt"), u)
        _common.write_paragraphs(out / (case_name + ".en.txt"), e)
        (out / (case_name + ".gold.tsv")).write_text(
            "".join(",".join(map(str, s)) + "\t" + ",".join(map(str, t)) + "\n" for s, t in gold),
            encoding="utf-8")
        rows.append({"case": case_name, "doc": doc, "orig_lang": orig_lang.get(doc, ""),
                     "n_uk": len(u), "n_en": len(e), "ops": ";".join(ops), "gold": gold})
    with open(out / "manifest.tsv", "w", encoding="utf-8") as fh:
        fh.write("case\tdoc\torig_lang\tn_uk\tn_en\tops\n")
        for r in rows:
            fh.write("%s\t%s\t%s\t%d\t%d\t%s\n" % (r["case"], r["doc"], r["orig_lang"], r["n_uk"], r["n_en"], r["ops"]))

    problems = validate(out, rows, score)
    summarise(rows, out, quiet)
    if problems:
        for p in problems[:30]:
            print("INVALID: " + p, file=sys.stderr)
        print("%d validation problems" % len(problems), file=sys.stderr)
        return 1
    return 0


def op_kind(op: str) -> str:
    """'merge3-1@4' -> 'merge3-1'; 'boilerplate0-1x3' -> 'boilerplate0-1'."""
    return re.sub(r"(x\d+)?(@[\d,]+)?$", "", op.strip())


def summarise(rows, out: Path, quiet: bool) -> None:
    by_op = Counter()
    n_ops = Counter()
    kinds = Counter()
    for r in rows:
        names = [op_kind(o) for o in r["ops"].split(";") if o]
        n_ops[len(names)] += 1
        for name in dict.fromkeys(names):
            by_op[name] += 1
        for s, t in r["gold"]:
            kinds["%d-%d" % (len(s), len(t))] += 1
    n_uk = sum(r["n_uk"] for r in rows)
    n_en = sum(r["n_en"] for r in rows)
    print("%d hard cases -> %s (%d uk / %d en paragraphs, %d gold beads); all golds valid"
          % (len(rows), out, n_uk, n_en, sum(kinds.values())))
    if quiet:
        return
    print("ops per case: " + ", ".join("%d: %d" % (k, v) for k, v in sorted(n_ops.items())))
    print("cases containing each op:")
    order = list(OPS) + ["merge3-1", "umerge1-3"]
    for name in sorted(by_op, key=lambda x: (order.index(x) if x in order else 99, x)):
        print("  %-16s %4d" % (name, by_op[name]))
    print("gold bead types: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    sys.exit(main())
