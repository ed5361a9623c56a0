"""What the article page and every evidence quote show of the article's own layout marks."""

from __future__ import annotations

from quizapp.services.article_layout import article_blocks
from quizapp.services.quizzes import evidence_in_paragraph


def test_evidence_in_a_list_item_is_shown_without_its_mark() -> None:
    text = "The works begin in May.\n- The first section opens in June next year.\nMore later."
    sentence = "The first section opens in June next year."
    start = text.index(sentence)
    assert evidence_in_paragraph(text, start, start + len(sentence)) == ("", sentence, "")
    # A span that starts on the mark itself is cut after it.
    assert evidence_in_paragraph(text, start - 2, start + len(sentence))[1] == sentence
    numbered = "Steps:\n2. Officials will count the votes again.\n"
    begin = numbered.index("Officials")
    assert evidence_in_paragraph(numbered, begin, begin + 10)[0] == ""


def test_evidence_in_a_plain_paragraph_keeps_its_context() -> None:
    text = "Intro line.\nThe council met on Monday. It approved the plan by 28 votes.\n"
    sentence = "It approved the plan by 28 votes."
    start = text.index(sentence)
    before, evidence, after = evidence_in_paragraph(text, start, start + len(sentence))
    assert (before, evidence, after) == ("The council met on Monday. ", sentence, "")
    # "-3 degrees" opens a paragraph as a figure, not a list mark (no space after the dash).
    cold = "-3 degrees was the low on Friday.\n"
    assert evidence_in_paragraph(cold, 0, 10)[1] == "-3 degrees"


def test_markdown_headings_are_shown_without_their_marks() -> None:
    text = (
        "# City council approves the tram line\n"
        "The city council approved the new tram line on Tuesday after a long debate.\n"
        "## The vote\n"
        "Councillors voted 28 to 19 in favour of the plan, which costs 40 million euros.\n"
    )
    blocks = article_blocks(text, title="Tram line")
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "The vote" in headings and not any(h.startswith("#") for h in headings)
