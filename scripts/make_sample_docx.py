#!/usr/bin/env python3
"""Build the .docx files of the bundled sample project.

The texts live in this script (the .docx files are generated, not edited by
hand), so a change to a sample article is a reviewable diff here.  Run from
anywhere:

    python3 -m venv /tmp/sdvenv && /tmp/sdvenv/bin/pip install -q python-docx
    /tmp/sdvenv/bin/python scripts/make_sample_docx.py

Writes, relative to the project root:

    originals/zaporizhzhia-npp-blackout.uk.docx
    translations/zaporizhzhia-npp-blackout.en.docx
    originals/kyiv-rashism-exhibition.uk.docx   (its translation is a .txt file)

Styles: headline "Title", section heading "Heading 2", pull quote "Quote",
everything else "Normal"; one 3×2 table (row by row, each cell one paragraph).
No empty paragraphs are written, so the paragraph numbers in
originals/README.md count exactly the paragraphs built here, in this order.
The output is not byte-for-byte deterministic (core properties carry
timestamps); the text and structure are.
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    from docx import Document
    from docx.shared import Pt
except ImportError:  # pragma: no cover - helper script
    sys.exit("python-docx is required: pip install python-docx")

ROOT = Path(__file__).resolve().parent.parent

# A block is (style, text) or ("table", [[cell, cell], ...]).
TITLE, BODY, H2, QUOTE, TABLE = "Title", "Normal", "Heading 2", "Quote", "table"


ZNPP_UK = [
    (TITLE, "Запорізька АЕС удесяте від початку вторгнення залишилася без зовнішнього живлення"),
    (BODY, "Автор: Олена Кравчук"),
    (BODY, "Київ, 12 березня 2025 р."),
    (BODY, "Фото: пресслужба НАЕК «Енергоатом»"),
    (BODY,
     "Окупована Запорізька АЕС у ніч на середу, 12 березня, повністю втратила зовнішнє "
     "живлення. Про це повідомили в НАЕК «Енергоатом», зазначивши, що станція опинилася в "
     "режимі блекауту вже вдесяте від початку повномасштабного вторгнення."),
    (BODY,
     "За даними компанії, о 02:47 через російський обстріл знеструмилася остання робоча "
     "лінія 750 кВ. Резервна лінія 330 кВ не працює з 1 березня: окупаційна адміністрація "
     "не допускає до неї ремонтників."),
    (BODY,
     "Усі шість енергоблоків ЗАЕС перебувають у стані холодного зупину (стан, за якого "
     "ланцюгову реакцію зупинено, а температура теплоносія нижча за 100 °C – прим. ред.), "
     "тож реактори не виробляють електроенергії. Проте станція постійно потребує живлення "
     "для охолодження активних зон реакторів і басейнів витримки відпрацьованого палива: "
     "зараз насоси систем безпеки працюють від 20 резервних дизель-генераторів. За оцінкою "
     "«Енергоатому», пального на майданчику вистачить щонайменше на десять днів, однак "
     "постачання нових партій з окупованих територій повністю залежить від росіян."),
    (H2, "Реакція МАГАТЕ"),
    (BODY,
     "У МАГАТЕ підтвердили, що експерти агентства, які постійно перебувають на Запорізькій "
     "АЕС, зафіксували відключення лінії та запуск дизель-генераторів. В агентстві закликали "
     "утримуватися від будь-яких військових дій поблизу станції."),
    (QUOTE,
     "«Кожен блекаут на Запорізькій АЕС – це рулетка з ядерною безпекою всього континенту. "
     "Росія вже понад три роки тримає станцію в заручниках і використовує її як інструмент "
     "шантажу», – заявив колишній інспектор Держатомрегулювання Юрій Сидоренко."),
    (BODY,
     "Російські війська захопили станцію 4 березня 2022 року, за тиждень після початку "
     "повномасштабного вторгнення 24 лютого 2022 року. Відтоді на ній працює персонал, "
     "якого змусили підписати контракти з «Росатомом»."),
    (BODY, "Станція в цифрах:"),
    (TABLE, [
        ["Блекаутів ЗАЕС з 2022 року", "10"],
        ["Резервних дизель-генераторів", "20"],
        ["Запас дизельного пального, днів", "щонайменше 10"],
    ]),
    (BODY,
     "Українська сторона наголошує, що для стабільного живлення Запорізької АЕС потрібні "
     "щонайменше дві незалежні лінії. Пошкоджену лінію 750 кВ можна відновити за кілька "
     "днів, якщо окупанти допустять ремонтників."),
    (BODY,
     "Читайте також: Як живе Енергодар під окупацією: розповіді людей, які виїхали з міста"),
]

ZNPP_EN = [
    (TITLE, "Zaporizhzhia Nuclear Power Plant loses off-site power for 10th time since full-scale invasion"),
    (BODY, "By Olena Kravchuk"),
    (BODY, "KYIV, March 12, 2025"),
    (BODY, "Photo: Energoatom press service"),
    (BODY,
     "The Russian-occupied Zaporizhzhia NPP completely lost off-site power overnight on "
     "Wednesday, March 12, Ukraine’s state nuclear operator Energoatom reported, adding that "
     "it was the tenth blackout at the plant since the start of the full-scale invasion."),
    (BODY,
     "According to the company, the last operating 750 kV line was disconnected at 2:47 a.m. "
     "due to Russian shelling. The backup 330 kV line has been out of service since March 1, "
     "as the occupation authorities have not allowed repair crews to access it."),
    (BODY,
     "All six power units of the Zaporizhzhia NPP are in cold shutdown [a state in which the "
     "chain reaction has been stopped and the coolant temperature is below 100°C – ed.], so "
     "the reactors are not generating electricity. However, the plant constantly needs power "
     "to cool the reactor cores and the spent fuel pools, and the pumps of its safety systems "
     "are currently running on 20 backup diesel generators."),
    (BODY,
     "Energoatom estimates that there is enough fuel on site for at least ten days, but "
     "deliveries of new batches from the occupied territories depend entirely on the Russians."),
    (H2, "IAEA response"),
    (BODY,
     "The IAEA confirmed that its experts, who are permanently stationed at the Zaporizhzhia "
     "NPP, had recorded the disconnection of the line and the start-up of the diesel "
     "generators. The agency called for restraint from any military activity near the plant."),
    (QUOTE,
     "“Every blackout at the Zaporizhzhia NPP is a game of roulette with the nuclear safety of "
     "the entire continent. For more than three years, Russia has been holding the plant "
     "hostage and using it as a tool of blackmail,” said Yurii Sydorenko, a former inspector "
     "at the State Nuclear Regulatory Inspectorate."),
    (BODY,
     "Russian troops seized the plant on March 4, 2022, a week after the start of the "
     "full-scale invasion on February 24, 2022. Since then, it has been run by personnel who "
     "were forced to sign contracts with Rosatom [Russia’s state nuclear energy corporation "
     "– ed.]."),
    (BODY, "The plant in figures:"),
    (TABLE, [
        ["ZNPP blackouts since 2022", "10"],
        ["Backup diesel generators", "20"],
        ["Diesel fuel reserve, days", "at least 10"],
    ]),
    (BODY,
     "Ukraine stresses that at least two independent lines are needed for a stable power "
     "supply to the Zaporizhzhia NPP. The damaged 750 kV line could be repaired within a few "
     "days if the occupiers let repair crews in."),
]

EXHIBITION_UK = [
    (TITLE, "«Анатомія рашизму»: виставку про злочини окупантів у Києві продовжили до кінця літа"),
    (BODY, "Текст: Софія Левченко, фото: Олексій Бондар"),
    (BODY,
     "Виставку «Анатомія рашизму» в Національному музеї історії України у Другій світовій "
     "війні в Києві продовжили до 31 серпня. В експозиції – понад 600 предметів, зібраних на "
     "деокупованих територіях Київщини, Харківщини та Херсонщини."),
    (BODY,
     "Виставку підготували спільно з Офісом Генерального прокурора та Збройними силами "
     "України. Частину експонатів передали військові, які брали участь у звільненні Ізюма та "
     "Херсона."),
    (QUOTE,
     "«Ми не хотіли робити музей жахів. Ми хотіли показати, як працює рашизм: від "
     "пропагандистської листівки до катівні в підвалі. Це ідеологія, і в неї є цілком "
     "конкретні виконавці», – розповіла кураторка виставки Марта Гнатишин."),
    (H2, "Що можна побачити"),
    (BODY,
     "Перший зал присвячено пропаганді: тут зібрано підручники, які окупанти завозили до "
     "шкіл, плакати й прапори, зняті з адміністративних будівель. Окремий стенд пояснює, як "
     "ідеологія рашизму виросла з культу «великої перемоги» у Другій світовій війні."),
    (BODY,
     "У другому залі – речі з катівень, які рашисти облаштували в Ізюмі, Балаклії та "
     "Херсоні: саморобні кайданки, протигази, які використовували під час катувань, "
     "календарі, видряпані на стінах."),
    (BODY,
     "Окрема частина експозиції присвячена Харкову. Тут представлено уламки ракет і шахедів, "
     "якими росіяни обстрілюють місто, а також щоденник 11-річної харків’янки, яка понад два "
     "місяці прожила з родиною на станції метро."),
    (BODY, "Екскурсії для відвідувачів проводять ветерани ЗСУ, які пройшли російський полон."),
    (BODY,
     "За словами організаторів, від дня відкриття 10 травня виставку відвідали понад 4 500 "
     "людей, серед них – іноземні дипломати та журналісти. Майже 40% квитків купили люди "
     "віком до 25 років."),
    (BODY,
     "Після Києва виставку планують показати у Варшаві, Берліні та Вільнюсі, щоб іноземці "
     "побачили, з чим саме воює Україна, – не лише з російською армією, а й з рашизмом як "
     "ідеологією."),
    (BODY,
     "Дістатися до музею можна від станції метро «Арсенальна» пішки (близько 20 хвилин) або "
     "тролейбусом № 38 до зупинки «Музей історії України у Другій світовій війні»."),
    (BODY,
     "Нагадаємо, 2 травня 2023 року Верховна Рада ухвалила постанову, якою засудила рашизм як "
     "тоталітарну та людиноненависницьку ідеологію."),
]

DOCS = [
    # (path, language, core title, core author, blocks)
    ("originals/zaporizhzhia-npp-blackout.uk.docx", "uk-UA",
     ZNPP_UK[0][1], "Олена Кравчук", ZNPP_UK),
    ("translations/zaporizhzhia-npp-blackout.en.docx", "en-US",
     ZNPP_EN[0][1], "Olena Kravchuk", ZNPP_EN),
    ("originals/kyiv-rashism-exhibition.uk.docx", "uk-UA",
     EXHIBITION_UK[0][1], "Софія Левченко", EXHIBITION_UK),
]


def build(blocks, title: str, author: str, language: str):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.language = language
    props.subject = "editflow sample article"
    for style, content in blocks:
        if style == TABLE:
            table = doc.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            doc.add_paragraph(content, style=style)
    return doc


def main() -> int:
    for rel, language, title, author, blocks in DOCS:
        out = ROOT / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        build(blocks, title, author, language).save(out)
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
