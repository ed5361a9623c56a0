"""A person the model tags in some sentences and misses in others (generator 2.16.0).

The small model tagged a footballer's surname as a person in two sentences of a report about
him and missed it in four (one of them his full name in the lead, another where it read the
surname as an adverb), so the story seemed to have no main person: "The French star ..."
stayed unresolved, and a blank on his name in the lead took six other questions with it as
give-aways. Sentences written for the test; mentions are set by hand where the model's own
tags would make the test depend on the model.
"""

from __future__ import annotations

import sys

import quizapp.engine.select  # noqa: F401 - the module, not the function the package exports
from quizapp.engine.document import analyse
from quizapp.engine.nlp import Mention, recover_mentions

select_module = sys.modules["quizapp.engine.select"]

TEXT = """Cup final ahead

Anton Vorbusly insists his side can win the cup on Sunday.
The veteran striker was dropped by Rovers in 2019.
Vorbusly scored twice against United last week.
His coach, Tom Hale (Rovers), praised the team.
Vorbusly fans travelled in large numbers.
The Vorbusly family watched from the stand.
Rovers lost to the Vorbusly in March.
The Vorbusly Foundation paid for the coaches.
"""


def _tagged_once(doc_text: str) -> tuple[list[Mention], int]:
    """One tagged mention of the surname: the one in the third sentence."""
    at = doc_text.index("Vorbusly scored")
    return [Mention(at, at + len("Vorbusly"), "Vorbusly", "PERSON", "PERSON")], at


def test_untagged_occurrences_of_a_tagged_name_are_recovered_with_the_first_name() -> None:
    doc = analyse(TEXT)
    mentions, at = _tagged_once(doc.view)
    found = recover_mentions(doc.view, doc.sentences, mentions, doc.lower_words)
    texts = {(m.text, m.label) for m in found if m.start != at}
    assert ("Anton Vorbusly", "PERSON") in texts
    assert all(m.raw_label == "" for m in found if m.start != at)


def test_a_modifier_a_name_after_the_or_part_of_a_longer_name_is_not_a_person() -> None:
    doc = analyse(TEXT)
    mentions, at = _tagged_once(doc.view)
    found = recover_mentions(doc.view, doc.sentences, mentions, doc.lower_words)
    starts = {m.start for m in found}
    assert doc.view.index("Anton Vorbusly") in starts  # the guards leave a plain mention
    assert doc.view.index("Vorbusly fans") not in starts
    assert doc.view.index("Vorbusly family") not in starts
    assert doc.view.index("Vorbusly in March") not in starts
    assert doc.view.index("Vorbusly Foundation") not in starts


def test_a_first_name_tagged_on_its_own_is_not_covered_twice() -> None:
    doc = analyse(TEXT)
    mentions, _ = _tagged_once(doc.view)
    anton = doc.view.index("Anton")
    mentions.insert(0, Mention(anton, anton + len("Anton"), "Anton", "PERSON", "PERSON"))
    found = recover_mentions(doc.view, doc.sentences, mentions, doc.lower_words)
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))


def test_a_name_in_brackets_or_written_in_lower_case_elsewhere_is_not_recovered() -> None:
    text = (
        TEXT + "Hale said the side was ready.\nRovers said so too.\nRovers fans hale the winners.\n"
    )
    doc = analyse(text)
    rovers = doc.view.index("Rovers in 2019")
    hale = doc.view.index("Tom Hale") + len("Tom ")
    mentions = [
        Mention(rovers, rovers + len("Rovers"), "Rovers", "PERSON", "PERSON"),
        Mention(hale, hale + len("Hale"), "Hale", "PERSON", "PERSON"),
    ]
    found = recover_mentions(doc.view, doc.sentences, mentions, doc.lower_words)
    starts = {m.start for m in found}
    assert doc.view.index("Rovers said") in starts  # "Rovers" itself is recovered
    assert doc.view.index("(Rovers)") + 1 not in starts
    assert doc.view.index("Hale said") not in starts


def test_a_person_named_in_full_once_is_topic_in_every_form() -> None:
    text = """Vorbusly returns

Anton Vorbusly signed a new contract on Monday.
Vorbusly scored twice on Saturday.
Vorbusly missed a penalty last month.
Vorbusly trains with the reserves.
"""
    doc = analyse(text)
    for s in doc.sentences:  # the tags as the article's own, whatever the model made of them
        body = doc.view[s.start : s.end]
        name = "Anton Vorbusly" if body.startswith("Anton") else "Vorbusly"
        s.mentions = [Mention(s.start, s.start + len(name), name, "PERSON", "PERSON")]
    doc.mentions[:] = [m for s in doc.sentences for m in s.mentions]
    topic = select_module._topic_names(doc)
    assert "anton vorbusly" in topic
    assert "vorbusly" in topic


def test_one_surname_for_two_people_is_no_topic_of_either() -> None:
    text = """Sisters meet

Serena Halvorsk beat Venus Halvorsk on Monday.
Halvorsk served well.
Halvorsk won the first set.
Halvorsk took the title.
Halvorsk thanked the crowd.
"""
    doc = analyse(text)
    for s in doc.sentences:
        body = doc.view[s.start : s.end]
        if body.startswith("Serena"):
            venus = s.start + body.index("Venus")
            s.mentions = [
                Mention(s.start, s.start + len("Serena Halvorsk"), "Serena Halvorsk", "PERSON"),
                Mention(venus, venus + len("Venus Halvorsk"), "Venus Halvorsk", "PERSON"),
            ]
        else:
            s.mentions = [Mention(s.start, s.start + len("Halvorsk"), "Halvorsk", "PERSON")]
    doc.mentions[:] = [m for s in doc.sentences for m in s.mentions]
    topic = select_module._topic_names(doc)
    assert "venus halvorsk" not in topic
    assert "serena halvorsk" not in topic
    assert "halvorsk" in topic
