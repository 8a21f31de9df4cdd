"""Sentence alignment inside a paragraph pair (editflow.align.sentences): 1-1, 1-2, 2-1, omissions, confidence."""

from __future__ import annotations

import pytest

from editflow.align.lexicon import starter_lexicon
from editflow.align.sentences import SENTENCE_DOUBT_THRESHOLD, SentenceAligner, bead_sentences, paired

UK = [
    "Школу № 251 на Оболоні відкрили після відбудови.",
    "На урочисту лінійку прийшли понад 600 учнів та їхні батьки.",
    "Відбудова тривала майже два роки й коштувала 148 мільйонів гривень.",
    "Міський голова Віталій Кличко подякував будівельникам.",
]
EN = [
    "School No. 251 in Obolon has reopened after reconstruction.",
    "More than 600 pupils and their parents attended the opening ceremony.",
    "The reconstruction took almost two years and cost 148 million hryvnias.",
    "Mayor Vitali Klitschko thanked the builders.",
]
# The document's length ratio, as the PO header gives it.
RATIO = sum(map(len, EN)) / sum(map(len, UK))


@pytest.fixture(scope="module", params=["starter lexicon", "no lexicon"])
def aligner(request: pytest.FixtureRequest) -> SentenceAligner:
    return SentenceAligner(starter_lexicon() if request.param == "starter lexicon" else None)


def beads(aligner: SentenceAligner, uk: list[str], en: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(p.src, p.tgt) for p in aligner.align_sentences(uk, en, RATIO)]


def test_one_to_one_with_confidences(aligner: SentenceAligner) -> None:
    pairs = aligner.align([" ".join(UK)], [" ".join(EN)])
    assert [(p.src, p.tgt) for p in pairs] == [((i,), (i,)) for i in range(4)]
    assert [p.source for p in pairs] == UK and [p.target for p in pairs] == EN
    assert all(p.confidence >= SENTENCE_DOUBT_THRESHOLD for p in pairs)


def test_split_in_translation(aligner: SentenceAligner) -> None:
    uk = ["«Ми повернулися додому», — сказала директорка школи Олена Мельник, додавши, що в новому корпусі "
          "обладнали укриття на 900 місць.", UK[3]]
    en = ['"We have come home," said the school\'s principal, Olena Melnyk.',
          "She added that the new building has a shelter for 900 people.", EN[3]]
    assert beads(aligner, uk, en) == [((0,), (0, 1)), ((1,), (2,))]


def test_merged_in_translation(aligner: SentenceAligner) -> None:
    uk = [UK[0], "Відбудова тривала майже два роки.", "Вона коштувала 148 мільйонів гривень."]
    en = [EN[0], "The reconstruction took almost two years and cost 148 million hryvnias."]
    pairs = aligner.align_sentences(uk, en)
    assert [(p.src, p.tgt) for p in pairs] == [((0,), (0,)), ((1, 2), (1,))]
    assert pairs[1].source == "Відбудова тривала майже два роки. Вона коштувала 148 мільйонів гривень."
    assert pairs[1].kind == "2-1"


def test_a_sentence_left_out_is_not_forced_into_a_neighbour(aligner: SentenceAligner) -> None:
    # (With the document's ratio: the bead's own is skewed by the sentence left out.)
    omitted = ("Раніше мешканці району збирали підписи за те, щоб школу відновили саме на старому місці, "
               "а не перенесли до іншого мікрорайону.")
    uk = [UK[0], omitted, UK[2]]
    en = [EN[0], EN[2]]
    assert beads(aligner, uk, en) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    # An English sentence with no Ukrainian counterpart likewise.
    added = "The school, built in 1975, was one of the largest in the district before the war began."
    assert beads(aligner, [UK[0], UK[2]], [EN[0], added, EN[2]]) == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def test_sides_of_one_sentence_make_one_pair_of_the_whole(aligner: SentenceAligner) -> None:
    pairs = aligner.align_sentences([UK[2]], EN[1:3])
    assert [(p.src, p.tgt, p.confidence) for p in pairs] == [((0,), (0, 1), 1.0)]
    assert pairs[0].target == EN[1] + " " + EN[2]
    assert aligner.align_sentences([], EN[:1])[0].tgt == (0,) and not paired(aligner.align_sentences(UK[:2], []))


def test_a_bead_of_two_paragraphs_splits_each_paragraph() -> None:
    # A paragraph break ends a sentence even without a full stop (a headline glued to its lead).
    assert bead_sentences(["Заголовок без крапки", "Перше речення. Друге."]) == [
        "Заголовок без крапки", "Перше речення.", "Друге."]
    al = SentenceAligner(starter_lexicon())
    pairs = al.align(["Кличко подякував будівельникам", " ".join(UK[:2])],
                     ["Klitschko thanks builders. " + " ".join(EN[:2])])
    assert [(p.src, p.tgt) for p in pairs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_doubt_is_low_confidence_where_the_order_is_unclear() -> None:
    # Two sentences each side with no anchor and swapped lengths: the aligner cannot be sure.
    al = SentenceAligner(None)
    pairs = al.align_sentences(["Так.", "Ні, це не так, і ніхто в цьому не сумнівається."],
                               ["No, that is not so, and nobody doubts it at all.", "Yes."])
    assert min(p.confidence for p in pairs) < SENTENCE_DOUBT_THRESHOLD


def test_formatted_paragraphs_split_on_their_words_and_keep_their_tags() -> None:
    # An italic run across a sentence boundary is closed and opened again; a '.' inside a tag's
    # address is no boundary; an escaped '<' stays escaped; the model reads the words, the pairs keep the tags.
    uk = ("Школу <i>відкрили. На лінійку</i> прийшли <a href=\"https://kyiv.ua/a.b\">понад 600 учнів</a>. "
          "Кличко написав &lt;b> будівельникам.")
    en = ("The school <i>reopened. The ceremony</i> drew <a href=\"https://kyiv.ua/a.b\">600 pupils</a>. "
          "Klitschko wrote &lt;b> to the builders.")
    assert bead_sentences([uk]) == [
        "Школу <i>відкрили.</i>",
        "<i>На лінійку</i> прийшли <a href=\"https://kyiv.ua/a.b\">понад 600 учнів</a>.",
        "Кличко написав &lt;b> будівельникам.",
    ]
    pairs = paired(SentenceAligner(starter_lexicon()).align([uk], [en]))
    assert [(p.src, p.tgt) for p in pairs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert pairs[1].target == "<i>The ceremony</i> drew <a href=\"https://kyiv.ua/a.b\">600 pupils</a>."
