"""Make the saved web pages of benchmarks/data/pages/ from the articles in articles/.

The ten articles (<slug>.<lang>.truth.tsv: role<TAB>text, one true paragraph a line) are
invented local news written for this benchmark, each in Ukrainian and in English.  Each is set
in the markup of one of five site templates written to look like what desks save from the
browser: a Ukrainian regional news portal, a WordPress blog, an old table-layout CMS in
Windows-1251 (one page declaring no encoding at all), an English newspaper, and a minified
single-line page of a modern front end (one saved as a single-file .mhtml archive).  Around the
article each page has the furniture extraction must leave out: menus, breadcrumbs, share bars,
cookie notices, "read also" teasers inside the text, subscription boxes, adverts, related and
most-read lists, tag clouds, comment forms and footers.

Beside every page, its <slug>.<lang>.truth.tsv holds its true paragraphs, from which the page was made.
Run from the project root: .venv/bin/python benchmarks/make_pages.py   (the output is committed)
"""

from __future__ import annotations

import html
import quopri
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "pages"

Para = tuple[str, str]  # (role, text)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def read_article(slug: str, lang: str) -> list[Para]:
    out = []
    for line in (HERE / f"{slug}.{lang}.truth.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            role, text = line.split("\t", 1)
            out.append((role, text))
    return out


L = {
    "uk": {
        "menu": ["Головна", "Новини", "Політика", "Економіка", "Суспільство", "Культура", "Спорт", "Погода"],
        "cookie": "Ми використовуємо файли cookie, щоб сайт працював краще.", "accept": "Прийняти",
        "share": ["Поділитися", "Facebook", "Telegram", "Viber", "X"],
        "read_also": "Читайте також:", "teaser": "У Вінниці запрацював новий центр надання адмінпослуг",
        "subscribe": "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини регіону",
        "ad": "Реклама", "related": "Новини за темою",
        "related_items": ["Уряд продовжив програму «єОселя» ще на рік", "На Волині відкрили сучасний спортивний комплекс",
                          "У Житомирі ремонтують набережну Тетерева", "Вчені з Харкова розробили новий протез руки"],
        "tags": "Теги:", "tag_items": ["інфраструктура", "громади", "відновлення"],
        "comments": "Коментарі", "login": "Щоб залишити коментар, увійдіть через Facebook або Google.",
        "send": "Надіслати", "footer": ["© 2025 Регіональні новини. Усі права захищено.",
                                        "Використання матеріалів дозволяється за умови посилання на сайт.",
                                        "Контакти редакції", "Реклама на сайті"],
        "site": "Регіональні новини", "breadcrumb": ["Головна", "Новини", "Регіони"],
        "popular": "Найпопулярніше", "search": "Пошук", "recent": "Останні записи", "archive": "Архіви",
        "leave": "Залишити коментар", "must_login": "Ви повинні увійти, щоб залишити коментар.",
        "powered": "Працює на WordPress", "more": "Більше новин",
    },
    "en": {
        "menu": ["Home", "News", "Politics", "Business", "Society", "Culture", "Sport", "Opinion"],
        "cookie": "We use cookies to improve your experience on our site.", "accept": "Accept all",
        "share": ["Share", "Facebook", "Twitter", "LinkedIn", "Email"],
        "read_also": "Read more:", "teaser": "Vinnytsia opens a new administrative services centre",
        "subscribe": "Sign up for our daily newsletter and get the day's news from Ukraine in your inbox",
        "ad": "Advertisement", "related": "Related stories",
        "related_items": ["Government extends the eOselia mortgage programme for another year",
                          "Volyn opens a modern sports complex", "Zhytomyr repairs the Teteriv embankment",
                          "Kharkiv scientists develop a new prosthetic hand"],
        "tags": "Topics:", "tag_items": ["Infrastructure", "Communities", "Reconstruction"],
        "comments": "Comments", "login": "You must be logged in to post a comment.",
        "send": "Post comment", "footer": ["© 2025 Ukraine Regional Review. All rights reserved.",
                                           "Terms of use", "Privacy policy", "Contact the newsroom"],
        "site": "Ukraine Regional Review", "breadcrumb": ["Home", "News", "Regions"],
        "popular": "Most read", "search": "Search", "recent": "Recent Posts", "archive": "Archives",
        "leave": "Leave a Reply", "must_login": "You must be logged in to post a comment.",
        "powered": "Proudly powered by WordPress", "more": "More news",
    },
}


def title_of(paras: list[Para]) -> str:
    return next(t for r, t in paras if r == "title")


def byline_of(paras: list[Para]) -> str:
    return next((t for r, t in paras if r == "byline"), "")


def body_of(paras: list[Para]) -> list[Para]:
    return [(r, t) for r, t in paras if r not in ("title", "byline")]


# ---------------------------------------------------------------------------
# Template 1: a Ukrainian regional news portal (div soup, teasers inside the text)
# ---------------------------------------------------------------------------

def portal(paras: list[Para], lang: str) -> str:
    t = L[lang]
    menu = "\n".join(f'        <li class="menu-item"><a href="/{i}">{esc(m)}</a></li>' for i, m in enumerate(t["menu"]))
    body = []
    for n, (role, text) in enumerate(body_of(paras)):
        if role == "heading":
            body.append(f"      <h2>{esc(text)}</h2>")
        elif role == "quote":
            body.append(f"      <blockquote>\n        <p>{esc(text)}</p>\n      </blockquote>")
        elif role == "note":
            body.append(f'      <p><em>{esc(text)}</em></p>')
        else:
            body.append(f"      <p>{esc(text)}</p>")
        if n == 1:
            body.append(f'      <p class="read-also"><strong>{esc(t["read_also"])}</strong> '
                        f'<a href="/news/4512">{esc(t["teaser"])}</a></p>')
        if n == 3:
            body.append(f'      <div class="subscribe-box"><a href="https://t.me/example">{esc(t["subscribe"])}</a></div>')
            body.append(f'      <div class="adv-block"><span class="adv-label">{esc(t["ad"])}</span>'
                        '<ins class="adsbygoogle"></ins></div>')
    related = "\n".join(f'        <li><a href="/news/{i}">{esc(x)}</a><span class="date">12.03.2025</span></li>'
                        for i, x in enumerate(t["related_items"]))
    tags = " ".join(f'<a href="/tag/{i}">{esc(x)}</a>' for i, x in enumerate(t["tag_items"]))
    share = "\n".join(f'        <a class="share-btn" href="#">{esc(s)}</a>' for s in t["share"])
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title_of(paras))} | {esc(t["site"])}</title>
  <meta property="og:title" content="{html.escape(title_of(paras))}">
  <link rel="stylesheet" href="/static/css/main.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="single-news">
  <div id="cookie-notice" class="cookie-bar">
    <p>{esc(t["cookie"])}</p>
    <button class="cookie-accept">{esc(t["accept"])}</button>
  </div>
  <header class="site-header">
    <div class="logo"><a href="/">{esc(t["site"])}</a></div>
    <nav class="main-nav">
      <ul>
{menu}
      </ul>
    </nav>
    <form class="search-form"><input type="text" name="q"><button>{esc(t["search"])}</button></form>
  </header>
  <div class="breadcrumbs"><a href="/">{esc(t["breadcrumb"][0])}</a> / <a href="/news">{esc(t["breadcrumb"][1])}</a> / <span>{esc(t["breadcrumb"][2])}</span></div>
  <div class="container">
    <div class="news-item">
      <h1 class="news-title">{esc(title_of(paras))}</h1>
      <div class="article-author">{esc(byline_of(paras))}</div>
      <div class="share-panel">
{share}
      </div>
      <div class="news-text">
{chr(10).join(body)}
      </div>
      <div class="news-tags"><span>{esc(t["tags"])}</span> {tags}</div>
    </div>
    <section class="related-news">
      <h3>{esc(t["related"])}</h3>
      <ul>
{related}
      </ul>
    </section>
    <section id="comments" class="comments-block">
      <h3>{esc(t["comments"])}</h3>
      <div class="comments-login">{esc(t["login"])}</div>
      <form class="comment-form"><textarea></textarea><button type="submit">{esc(t["send"])}</button></form>
    </section>
  </div>
  <footer class="site-footer">
{chr(10).join(f"    <p>{esc(x)}</p>" for x in t["footer"])}
  </footer>
  <script src="/static/js/app.js"></script>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Template 2: a WordPress blog (entry-content, sharedaddy, comment form, sidebar widgets)
# ---------------------------------------------------------------------------

def wordpress(paras: list[Para], lang: str) -> str:
    t = L[lang]
    body = []
    for role, text in body_of(paras):
        if role == "heading":
            body.append(f'<h3 class="wp-block-heading">{esc(text)}</h3>')
        elif role == "quote":
            body.append(f'<blockquote class="wp-block-quote"><p>{esc(text)}</p></blockquote>')
        elif role == "note":
            body.append(f'<div class="editor-note"><p>{esc(text)}</p></div>')
        else:
            body.append(f"<p>{esc(text)}</p>")
    recent = "".join(f'<li><a href="/p/{i}">{esc(x)}</a></li>' for i, x in enumerate(t["related_items"][:3]))
    share = "".join(f'<li class="share-{s.lower()}"><a class="share-{s.lower()} sd-button" href="#"><span>{esc(s)}</span></a></li>'
                    for s in t["share"][1:])
    menu = "".join(f'<li id="menu-item-{i}" class="menu-item"><a href="/{i}/">{esc(m)}</a></li>'
                   for i, m in enumerate(t["menu"][:5]))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{esc(title_of(paras))} &#8211; {esc(t["site"])}</title>
<link rel='stylesheet' id='twentytwenty-style-css' href='/wp-content/themes/twentytwenty/style.css' media='all' />
<script type="text/javascript" src="/wp-includes/js/jquery/jquery.min.js" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#site-content">Skip to the content</a>
<header id="site-header" class="header-footer-group">
  <div class="header-titles"><div class="site-title"><a href="/">{esc(t["site"])}</a></div></div>
  <nav class="primary-menu-wrapper" aria-label="Horizontal"><ul class="primary-menu reset-list-style">{menu}</ul></nav>
</header>
<main id="site-content">
<article class="post-1187 post type-post status-publish format-standard hentry category-news" id="post-1187">
  <header class="entry-header has-text-align-center">
    <div class="entry-categories"><a href="/category/news/" rel="category tag">{esc(t["menu"][1])}</a></div>
    <h1 class="entry-title">{esc(title_of(paras))}</h1>
    <div class="post-meta-wrapper post-meta-single-top">
      <ul class="post-meta"><li class="post-author meta-wrapper"><span class="meta-text"><a href="/author/desk/">{esc(byline_of(paras))}</a></span></li></ul>
    </div>
  </header>
  <div class="post-inner thin">
    <div class="entry-content">
{chr(10).join(body)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>{share}</ul></div></div></div>
<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper'><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="loading">Loading...</span></div></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>{esc(t["related"])}</em></h3>{"".join(f'<div class="jp-relatedposts-post"><h4><a href="/r/{i}">{esc(x)}</a></h4></div>' for i, x in enumerate(t["related_items"][1:]))}</div>
    </div>
  </div>
  <div class="post-meta-wrapper post-meta-single post-meta-single-bottom"><ul class="post-meta"><li class="post-tags meta-wrapper"><span class="meta-text">{" ".join(f'<a href="/tag/{x}/" rel="tag">{esc(x)}</a>' for x in t["tag_items"])}</span></li></ul></div>
  <div class="comments-wrapper section-inner">
    <div id="respond" class="comment-respond">
      <h2 id="reply-title" class="comment-reply-title">{esc(t["leave"])}</h2>
      <p class="must-log-in">{esc(t["must_login"])}</p>
    </div>
  </div>
</article>
</main>
<aside class="sidebar widget-area">
  <div class="widget widget_search"><form role="search" class="search-form"><label><span class="screen-reader-text">{esc(t["search"])}</span><input type="search" class="search-field" /></label></form></div>
  <div class="widget widget_recent_entries"><h2 class="widget-title">{esc(t["recent"])}</h2><ul>{recent}</ul></div>
  <div class="widget widget_archive"><h2 class="widget-title">{esc(t["archive"])}</h2><ul><li><a href="/2025/03/">March 2025</a></li><li><a href="/2025/02/">February 2025</a></li></ul></div>
</aside>
<footer id="site-footer" class="header-footer-group"><div class="footer-credits"><p class="footer-copyright">&copy; 2025 <a href="/">{esc(t["site"])}</a></p><p class="powered-by-wordpress"><a href="https://wordpress.org/">{esc(t["powered"])}</a></p></div></footer>
<script src="/wp-content/plugins/jetpack/_inc/build/sharedaddy/sharing.min.js"></script>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Template 3: an old table-layout CMS in Windows-1251, paragraphs separated by <br><br>
# ---------------------------------------------------------------------------

def old_cms(paras: list[Para], lang: str, declare: bool = True) -> str:
    t = L[lang]
    parts = []
    for role, text in body_of(paras):
        if role == "heading":
            parts.append(f"<b>{esc(text)}</b>")
        elif role == "quote":
            parts.append(f'<blockquote>{esc(text)}</blockquote>')
        elif role == "note":
            parts.append(f"<i>{esc(text)}</i>")
        else:
            parts.append(esc(text))
    # Blockquotes are blocks; everything else runs on with <br><br> between paragraphs.
    text = ""
    for piece in parts:
        if piece.startswith("<blockquote>"):
            text += piece + "\n"
        else:
            text += piece + "<br><br>\n"
    left = "".join(f'<tr><td class="menu"><a href="/{i}.html">{esc(m)}</a></td></tr>' for i, m in enumerate(t["menu"]))
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' if declare else ""
    return f"""<html>
<head>
{meta}
<title>{esc(t["site"])} :: {esc(title_of(paras))}</title>
<link rel="stylesheet" href="/style.css" type="text/css">
</head>
<body bgcolor="#ffffff" topmargin="0" leftmargin="0">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top"><img src="/img/logo.gif" alt="{esc(t["site"])}"> <font size="1">{esc(t["breadcrumb"][0])} | {esc(t["search"])}</font></td></tr>
<tr>
<td width="180" valign="top"><table width="180">{left}</table>
<br><div class="banner"><a href="/adv.html"><img src="/b/468x60.gif" alt="banner"></a></div>
</td>
<td valign="top" class="content">
<h1>{esc(title_of(paras))}</h1>
<p class="author"><i>{esc(byline_of(paras))}</i></p>
<div class="newstext">
{text}</div>
<p class="print"><a href="?print=1">Версія для друку</a> | <a href="mailto:?subject=news">Надіслати другові</a></p>
<table class="other-news"><tr><td><b>{esc(t["more"])}:</b></td></tr>
{"".join(f'<tr><td><a href="/n{i}.html">{esc(x)}</a></td></tr>' for i, x in enumerate(t["related_items"]))}
</table>
</td></tr>
<tr><td colspan="2" class="bottom"><font size="1">{esc(t["footer"][0])}<br>{esc(t["footer"][1])}</font></td></tr>
</table>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Template 4: an English-style newspaper (standfirst-free, figure, inline related aside, newsletter)
# ---------------------------------------------------------------------------

def newspaper(paras: list[Para], lang: str) -> str:
    t = L[lang]
    body = []
    for n, (role, text) in enumerate(body_of(paras)):
        if role == "heading":
            body.append(f'<h2 class="dcr-heading">{esc(text)}</h2>')
        elif role == "quote":
            body.append(f'<blockquote class="dcr-quote"><p>{esc(text)}</p></blockquote>')
        elif role == "note":
            body.append(f'<aside class="article-note" data-component="editors-note"><p>{esc(text)}</p></aside>')
        else:
            body.append(f'<p class="dcr-paragraph">{esc(text)}</p>')
        if n == 0:
            body.append('<figure class="element-image"><img src="/img/main.jpg" alt=""><figcaption>'
                        '<span class="caption">Photo: press service</span></figcaption></figure>')
        if n == 2:
            body.append(f'<aside class="rich-link"><p class="rich-link__label">{esc(t["read_also"])}</p>'
                        f'<a class="rich-link__link" href="/world/123">{esc(t["teaser"])}</a></aside>')
    nav = "".join(f'<li><a class="nav-link" href="/{m.lower()}">{esc(m)}</a></li>' for m in t["menu"])
    most = "".join(f'<li class="most-viewed__item"><span class="num">{i + 1}</span><a href="/mv/{i}">{esc(x)}</a></li>'
                   for i, x in enumerate(t["related_items"]))
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(title_of(paras))} | {esc(t["site"])}</title>
<meta property="og:title" content="{html.escape(title_of(paras))}">
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{html.escape(title_of(paras))}"}}</script>
</head>
<body>
<a class="skip" href="#maincontent">Skip to main content</a>
<div class="top-bar"><a href="/support" class="support-cta">Support independent journalism</a> <a href="/signin">Sign in</a></div>
<header class="masthead"><a class="logo" href="/">{esc(t["site"])}</a>
<nav aria-label="Sections"><ul class="nav">{nav}</ul></nav></header>
<main id="maincontent">
<article class="article">
<div class="article-header">
<div class="section-label"><a href="/regions">{esc(t["breadcrumb"][2])}</a></div>
<h1 class="headline">{esc(title_of(paras))}</h1>
<address class="byline" aria-label="Contributor info"><a rel="author" href="/profile/x">{esc(byline_of(paras))}</a></address>
<div class="share-bar" data-component="share"><a href="#" aria-label="Share on Facebook">Facebook</a><a href="#" aria-label="Share on Twitter">Twitter</a><a href="#">Email</a></div>
</div>
<div class="article-body" itemprop="articleBody">
{chr(10).join(body)}
</div>
<div class="submeta"><span class="submeta__label">{esc(t["tags"])}</span><ul class="keywords">{"".join(f'<li><a href="/t/{x}">{esc(x)}</a></li>' for x in t["tag_items"])}</ul></div>
<div class="newsletter-signup"><h3>{esc(t["subscribe"])}</h3><form><input type="email" placeholder="Email"><button>Sign up</button></form><p class="privacy">We will not share your email address.</p></div>
</article>
<section class="most-viewed" aria-label="{esc(t["popular"])}"><h2>{esc(t["popular"])}</h2><ol>{most}</ol></section>
</main>
<footer class="footer"><ul class="footer-links">{"".join(f"<li><a href='#'>{esc(x)}</a></li>" for x in t["footer"][1:])}</ul><p class="copyright">{esc(t["footer"][0])}</p></footer>
<div class="consent-banner" role="dialog"><p>{esc(t["cookie"])}</p><button>{esc(t["accept"])}</button><button>Manage preferences</button></div>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Template 5: a minified single-line page of a modern front end (BEM classes, data attributes)
# ---------------------------------------------------------------------------

def modern(paras: list[Para], lang: str) -> str:
    t = L[lang]
    body = []
    for n, (role, text) in enumerate(body_of(paras)):
        if role == "heading":
            body.append(f'<h2 class="article__subtitle" id="h-{n}">{esc(text)}</h2>')
        elif role == "quote":
            body.append(f'<blockquote class="article__quote"><p class="article__quote-text">{esc(text)}</p></blockquote>')
        elif role == "note":
            body.append(f'<div class="article__ednote"><p>{esc(text)}</p></div>')
        else:
            body.append(f'<p class="article__text">{esc(text)}</p>')
        if n == 4:
            body.append(f'<div class="article__read-more card"><span class="card__label">{esc(t["read_also"])}</span>'
                        f'<a class="card__link" href="/n/77">{esc(t["teaser"])}</a></div>')
    nav = "".join(f'<a class="header__nav-link" href="/{i}">{esc(m)}</a>' for i, m in enumerate(t["menu"]))
    share = "".join(f'<button class="share__button" aria-label="{esc(s)}"><svg viewBox="0 0 24 24"><path d="M0 0"/></svg>'
                    f'<span class="share__label">{esc(s)}</span></button>' for s in t["share"][1:4])
    feed = "".join(f'<li class="feed__item"><time class="feed__time">1{i}:30</time><a class="feed__link" href="/f/{i}">{esc(x)}</a></li>'
                   for i, x in enumerate(t["related_items"]))
    page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title_of(paras))}</title>'
            f'<meta property="og:title" content="{html.escape(title_of(paras))}"><link rel="preload" href="/_next/static/main.js" as="script">'
            '<style>.article{max-width:720px}.header{display:flex}</style></head><body><div id="__next">'
            f'<header class="header"><a class="header__logo" href="/">{esc(t["site"])}</a><nav class="header__nav">{nav}</nav>'
            f'<button class="header__search" aria-label="{esc(t["search"])}"><svg viewBox="0 0 1 1"></svg></button></header>'
            '<div class="layout"><main class="layout__main"><article class="article">'
            f'<div class="article__header"><h1 class="article__title">{esc(title_of(paras))}</h1>'
            f'<div class="article__meta"><span class="article__author">{esc(byline_of(paras))}</span></div>'
            f'<div class="share">{share}</div></div>'
            f'<div class="article__body">{"".join(body)}</div>'
            f'<div class="article__footer"><div class="subscribe"><p class="subscribe__text">{esc(t["subscribe"])}</p>'
            '<a class="subscribe__btn" href="https://t.me/example">Telegram</a></div></div></article></main>'
            f'<aside class="layout__aside"><div class="feed"><h3 class="feed__title">{esc(t["popular"])}</h3><ul class="feed__list">{feed}</ul></div></aside></div>'
            f'<footer class="footer"><p class="footer__copy">{esc(t["footer"][0])}</p><p class="footer__legal">{esc(t["footer"][1])}</p></footer>'
            f'<div class="cookie-consent"><p>{esc(t["cookie"])}</p><button class="cookie-consent__ok">{esc(t["accept"])}</button></div>'
            '</div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}}}</script></body></html>')
    return page


def as_mhtml(page: str, url: str) -> bytes:
    """The page as Chrome's "Web page, single file": a MIME archive, quoted-printable HTML."""
    boundary = "----MultipartBoundary--k3f9Qm2Lx7Tz0bWvYc8RnHjD1aE5sPuG----"
    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: page\r\n"
            "Date: Wed, 12 Mar 2025 15:04:11 -0000\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
            f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n"
            + body.replace("\n", "\r\n") +
            f"\r\n\r\n--{boundary}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: cid:css-1@mhtml.blink\r\n\r\n.article {{ max-width: 720px; }}\r\n\r\n--{boundary}--\r\n"
            ).encode("ascii")


Template = Callable[[list[Para], str], str]
# (slug, lang) → template, and how the page is saved.
PLAN: list[tuple[str, str, str, str]] = [
    ("cherkasy-bridge", "uk", "portal", "html"), ("cherkasy-bridge", "en", "newspaper", "html"),
    ("lviv-tram", "uk", "wordpress", "html"), ("lviv-tram", "en", "modern", "html"),
    ("odesa-grain", "uk", "old_cms", "html"), ("odesa-grain", "en", "wordpress", "html"),
    ("kharkiv-school", "uk", "modern", "html"), ("kharkiv-school", "en", "newspaper", "html"),
    ("poltava-drought", "uk", "portal", "html"), ("poltava-drought", "en", "modern", "mhtml"),
    ("frankivsk-grants", "uk", "wordpress", "html"), ("frankivsk-grants", "en", "newspaper", "html"),
    ("dnipro-ct", "uk", "old_cms_undeclared", "html"), ("dnipro-ct", "en", "wordpress", "html"),
    ("chernihiv-library", "uk", "modern", "mhtml"), ("chernihiv-library", "en", "newspaper", "html"),
    ("zakarpattia-floods", "uk", "portal", "html"), ("zakarpattia-floods", "en", "modern", "html"),
    ("kyiv-metro", "uk", "old_cms", "html"), ("kyiv-metro", "en", "wordpress", "html"),
]


def page_bytes(slug: str, lang: str, template: str, saved: str) -> bytes:
    paras = read_article(slug, lang)
    if template.startswith("old_cms"):
        # The old CMS writes Windows-1251; one of its pages does not say so.
        return old_cms(paras, lang, declare=template == "old_cms").encode("cp1251")
    maker: Template = {"portal": portal, "wordpress": wordpress, "newspaper": newspaper, "modern": modern}[template]
    page = maker(paras, lang)
    if saved == "mhtml":
        return as_mhtml(page, f"https://news.example/{lang}/{slug}")
    return page.encode("utf-8")


def main() -> None:
    for slug, lang, template, saved in PLAN:
        name = f"{slug}.{lang}.{saved}"
        (HERE / name).write_bytes(page_bytes(slug, lang, template, saved))
        (HERE / f"{slug}.{lang}.truth.tsv").write_bytes((HERE / f"{slug}.{lang}.truth.tsv").read_bytes())
        print(f"{name:40} {template}")


if __name__ == "__main__":
    main()
