#!/usr/bin/env python3
"""Build the saved web pages of the bundled sample project.

The texts live in this script, so a change to the sample article is a reviewable diff here.
Run from anywhere with any Python 3.11+ (standard library only):

    python3 scripts/make_sample_pages.py

Writes, relative to the project root:

    originals/odesa-ports-grain-record.uk.html
    translations/odesa-ports-grain-record.en.html

One invented outlet's Ukrainian and English pages as a browser saves them: the article among a
site's furniture (menu, breadcrumbs, view counter, share bars, an inline "read also" teaser, a
photo caption, tags, a subscription box, related articles, comments, footer, cookie bar), which
editflow's reader has to leave out.  originals/README.md numbers the paragraphs it reads.
"""
from pathlib import Path

SITE = {
    "uk": dict(lang="uk", site="Південний кур'єр", home="https://pivdennyi-kurier.od.ua/",
               menu=["Новини", "Одеса", "Економіка", "Війна", "Культура", "Спорт", "Фото"],
               crumbs=["Головна", "Економіка"], share="Поділитися:", tags="Теги:",
               tag_list=["Одеса", "порти", "зерновий коридор", "шахеди"],
               related="Читайте також", related_items=[
                   "Чорноморськ прийняв перше за місяць судно-газовоз",
                   "Як змінився фрахт у Чорному морі: пояснюють брокери",
                   "У Південному добудують новий зерновий термінал"],
               teaser=("Читайте також:", "Скільки коштує застрахувати судно до Одеси"),
               caption="Завантаження зерна в порту Чорноморськ. Фото: Андрій Гуменюк",
               comments="Коментарі (2)",
               comment_items=[("Сергій", "16.05.2025 10:14", "Тримаємося, Одесо!"),
                              ("Марина", "16.05.2025 11:02", "Дякую за новину, все чітко.")],
               comment_form="Щоб залишити коментар, увійдіть або зареєструйтеся.",
               subscribe="Підписуйтеся на наш Telegram-канал, щоб першими дізнаватися новини Одещини.",
               footer="© 2025 Південний кур'єр. Усі права захищено. Використання матеріалів — лише з гіперпосиланням.",
               cookie="Ми використовуємо файли cookie, щоб сайт працював краще.", cookie_ok="Гаразд",
               views="Переглядів: 3 412", lang_switch="EN"),
    "en": dict(lang="en", site="Southern Courier", home="https://pivdennyi-kurier.od.ua/en/",
               menu=["News", "Odesa", "Economy", "War", "Culture", "Sport", "Photo"],
               crumbs=["Home", "Economy"], share="Share:", tags="Tags:",
               tag_list=["Odesa", "ports", "grain corridor", "Shahed drones"],
               related="Read more", related_items=[
                   "Chornomorsk receives its first gas carrier in a month",
                   "How Black Sea freight has changed: brokers explain",
                   "A new grain terminal to be completed in Pivdennyi"],
               teaser=("Read more:", "What it costs to insure a ship bound for Odesa"),
               caption="Loading grain at the port of Chornomorsk. Photo: Andrii Humeniuk",
               comments="Comments (1)",
               comment_items=[("Mark", "16.05.2025 12:40", "Great reporting, thank you.")],
               comment_form="You must be logged in to post a comment.",
               subscribe="Subscribe to our Telegram channel to be the first to know the news from the Odesa region.",
               footer="© 2025 Southern Courier. All rights reserved. Republishing only with a hyperlink.",
               cookie="We use cookies to make the site work better.", cookie_ok="OK",
               views="3,412 views", lang_switch="UA"),
}

ARTICLE = {
    "uk": dict(
        url="https://pivdennyi-kurier.od.ua/economy/2025/05/16/odeski-porty-rekord-zerna",
        title="Одеські порти попри атаки шахедів відвантажили рекордні 4,2 млн тонн зерна за місяць",
        author="Олена Ковальчук", date="16 травня 2025, 09:40",
        paras=[
            ("p", "Порти Великої Одеси у квітні відвантажили 4,2 млн тонн агропродукції — найбільше з початку "
                  "роботи українського морського коридору. Про це повідомила Одеська обласна військова адміністрація."),
            ("p", "За місяць порти Одеса, Чорноморськ і Південний прийняли понад 60 суден під завантаження. "
                  "Ще 14 суден чекали на рейді."),
            ("teaser", ""),
            ("p", "У ніч на 15 травня 2025 року рашисти знову атакували портову інфраструктуру Одеси шахедами. "
                  "Сили ППО збили 19 із 21 дрона, повідомили <a href=\"https://t.me/kpszsu\">Повітряні сили</a>."),
            ("h2", "Що пошкоджено"),
            ("figure", ""),
            ("p", "Уламки впали на території одного з терміналів: пошкоджено зерносховище та дві вантажівки. "
                  "Постраждав 52-річний охоронець, його госпіталізували."),
            ("blockquote", "«Порт працює. Жодне судно не змінило графік, завантаження відновили вже до обіду», — "
                           "сказав начальник обласної військової адміністрації."),
            ("p", "За його словами, ремонт пошкодженого сховища триватиме близько двох тижнів."),
            ("h2", "Страхування і фрахт"),
            ("p", "Вартість страхування суден, що заходять до українських портів, за рік знизилася майже вдвічі — "
                  "до 1% від вартості судна. Експерти пояснюють це <em>стабільною роботою коридору</em>."),
            ("p", "Найбільше зерна у квітні вирушило до Єгипту, Іспанії та Туреччини. Частка кукурудзи становила 58%."),
            ("note", "Примітка редакції: новину оновлено о 14:20 — додано дані про постраждалого."),
        ]),
    "en": dict(
        url="https://pivdennyi-kurier.od.ua/en/economy/2025/05/16/odesa-ports-record-grain",
        title="Odesa ports ship a record 4.2 million tonnes of grain in a month despite Shahed attacks",
        author="Olena Kovalchuk", date="May 16, 2025, 11:15",
        paras=[
            ("p", "The ports of Greater Odesa shipped 4.2 million tonnes of agricultural products in April, the most "
                  "since the Ukrainian sea corridor began operating, the Odesa Oblast Military Administration said."),
            ("p", "Over the month, the ports of Odesa, Chornomorsk and Pivdennyi [also known as Yuzhne – ed.] took in "
                  "more than 60 vessels for loading. Another 14 ships waited in the roads."),
            ("teaser", ""),
            ("p", "On the night of May 15, 2025, Russian forces again attacked the port infrastructure of Odessa with "
                  "Shahed drones. Air defense shot down 19 of the 21 drones, the "
                  "<a href=\"https://t.me/kpszsu\">Air Force</a> reported."),
            ("h2", "What was damaged"),
            ("figure", ""),
            ("p", "Debris fell on one of the terminals, damaging a grain store and two trucks. A 52-year-old security "
                  "guard was injured and taken to hospital."),
            ("blockquote", "“The port is working. Not a single ship has changed its schedule, and loading resumed "
                           "before noon,” the head of the Oblast Military Administration said."),
            ("p", "He said repairs to the damaged store would take about two weeks."),
            ("h2", "Insurance and freight"),
            ("p", "The cost of insuring ships calling at Ukrainian ports has almost halved in a year, to 1% of a "
                  "vessel’s value."),
            ("p", "Experts attribute this to <em>the corridor’s stable operation</em>."),
            ("p", "Most of the grain shipped in April went to Egypt, Spain and Turkey. Maize accounted for 58%."),
            ("note", "Editor’s note: this story was updated at 14:20 with details of the injured guard."),
        ]),
}


def page(lang: str) -> str:
    s, a = SITE[lang], ARTICLE[lang]
    menu = "\n".join(f'          <li class="menu-item"><a href="{s["home"]}{i}/">{m}</a></li>' for i, m in enumerate(s["menu"]))
    crumbs = " <span class=\"sep\">/</span> ".join(f'<a href="{s["home"]}">{c}</a>' for c in s["crumbs"])
    body = []
    for kind, text in a["paras"]:
        if kind == "p":
            body.append(f"        <p>{text}</p>")
        elif kind == "h2":
            body.append(f"        <h2>{text}</h2>")
        elif kind == "blockquote":
            body.append(f"        <blockquote class=\"wp-block-quote\"><p>{text}</p></blockquote>")
        elif kind == "note":
            body.append(f"        <p class=\"editor-note\"><em>{text}</em></p>")
        elif kind == "teaser":
            label, title = s["teaser"]
            body.append(f'        <div class="read-also"><strong>{label}</strong> '
                        f'<a href="{s["home"]}economy/2025/05/10/strakhuvannia/">{title}</a></div>')
        elif kind == "figure":
            body.append('        <figure class="article-image"><img src="/uploads/2025/05/port-grain-1200.jpg" '
                        f'alt="" width="1200" height="800"><figcaption>{s["caption"]}</figcaption></figure>')
    related = "\n".join(f'        <li><a href="{s["home"]}economy/2025/05/{10 + i}/{i}/">{t}</a> '
                        f'<span class="date">{14 - i}.05.2025</span></li>' for i, t in enumerate(s["related_items"]))
    comments = "\n".join(f'        <li class="comment"><div class="comment-author">{n}</div>'
                         f'<div class="comment-date">{d}</div><div class="comment-text"><p>{t}</p></div></li>'
                         for n, d, t in s["comment_items"])
    tags = ", ".join(f'<a href="{s["home"]}tag/{i}/" rel="tag">{t}</a>' for i, t in enumerate(s["tag_list"]))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{a["title"]} | {s["site"]}</title>
  <meta property="og:title" content="{a["title"]}">
  <meta property="og:url" content="{a["url"]}">
  <link rel="canonical" href="{a["url"]}">
  <link rel="stylesheet" href="/static/css/main.4f2a91.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());</script>
  <style>.read-also{{border-left:3px solid #0057b7;padding-left:12px}} .cookie-bar{{position:fixed;bottom:0}}</style>
</head>
<body class="single single-post">
  <a class="skip-link" href="#content">{"Перейти до змісту" if lang == "uk" else "Skip to content"}</a>
  <header class="site-header">
    <div class="site-branding"><a class="site-logo" href="{s["home"]}">{s["site"]}</a></div>
    <nav class="main-navigation">
      <ul class="menu">
{menu}
      </ul>
    </nav>
    <div class="lang-switch"><a href="#">{s["lang_switch"]}</a></div>
  </header>
  <main id="content" class="site-main">
    <div class="breadcrumbs">{crumbs}</div>
    <article class="post">
      <header class="entry-header">
        <h1 class="entry-title">{a["title"]}</h1>
        <div class="entry-meta"><span class="author">{a["author"]}</span>, <time datetime="2025-05-16">{a["date"]}</time></div>
        <div class="post-views">{s["views"]}</div>
      </header>
      <div class="share-bar top"><span>{s["share"]}</span> <a href="https://www.facebook.com/sharer/sharer.php?u={a["url"]}">Facebook</a> <a href="https://t.me/share/url?url={a["url"]}">Telegram</a> <a href="https://x.com/intent/tweet?url={a["url"]}">X</a></div>
      <div class="entry-content">
{chr(10).join(body)}
      </div>
      <div class="entry-tags">{s["tags"]} {tags}</div>
      <div class="share-bar bottom"><span>{s["share"]}</span> <a href="https://www.facebook.com/sharer/sharer.php?u={a["url"]}">Facebook</a> <a href="https://t.me/share/url?url={a["url"]}">Telegram</a></div>
      <div class="subscribe-box"><p>{s["subscribe"]}</p><a class="button" href="https://t.me/pivdennyi_kurier">Telegram</a></div>
    </article>
    <section class="related-posts">
      <h3>{s["related"]}</h3>
      <ul>
{related}
      </ul>
    </section>
    <section id="comments" class="comments-area">
      <h3 class="comments-title">{s["comments"]}</h3>
      <ol class="comment-list">
{comments}
      </ol>
      <div id="respond" class="comment-respond"><p class="must-log-in">{s["comment_form"]}</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>{s["footer"]}</p></footer>
  <div class="cookie-bar"><p>{s["cookie"]}</p><button type="button">{s["cookie_ok"]}</button></div>
  <script src="/static/js/main.9c1e07.js" defer></script>
</body>
</html>
"""


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    (root / "originals" / "odesa-ports-grain-record.uk.html").write_text(page("uk"), encoding="utf-8")
    (root / "translations" / "odesa-ports-grain-record.en.html").write_text(page("en"), encoding="utf-8")
