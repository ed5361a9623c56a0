"""Attribution (who said what): pronoun speakers, peers, refused future or negated saying, and
wrong options that said much the same. Sentences written for these tests."""

from __future__ import annotations

import random

from quizapp.engine.attribution import _pool, _speakers, generate_attribution
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse

STORY = """Harbour plan divides council

Harbour Trust chairman Peter Walsh said the new marina would bring 400 jobs to the town.
Councillor Margaret Bell said the marina would ruin the old fishing quarter.
"The fishing families have been here for three hundred years and deserve better," Mrs Bell said.
"We have listened to every objection and changed the design twice since the spring," he said.
Lord Hartley, who chairs the regional board, said the council must decide by March.
"I was never consulted about the harbour dredging at any stage of the process," Lord Hartley said.
Local trader Simon Price said he welcomed the plan.
"""


def _quotes(text: str):
    doc = analyse(text)
    return doc, [c for c in extract_claims(doc) if c.quote is not None]


def test_peer_is_a_speaker_by_title_and_name() -> None:
    doc = analyse(STORY)
    assert "Lord Hartley" in _speakers(doc)
    assert "Peter Walsh" in _pool(doc)


def test_quote_after_named_speaker_keeps_full_name_key() -> None:
    doc, quotes = _quotes(STORY)
    peer = [c for c in quotes if "dredging" in c.text]
    assert peer, "the peer's quote is a quoted remark"
    drafts = generate_attribution(doc, peer[0], random.Random(1), 0)
    assert drafts and drafts[0].key == "Lord Hartley"
    assert "Lord Hartley" not in {d for d, _ in drafts[0].distractors}


def test_unresolvable_pronoun_speaker_is_no_quote() -> None:
    # "he" after a sentence whose subject is a woman: the rules find no one name
    _, quotes = _quotes(STORY)
    assert not any("listened to every objection" in c.text for c in quotes)


def test_pronoun_speaker_resolved_by_previous_subject() -> None:
    text = """Mayor defends budget

Mayor Andrew Collins said the city would cut parking charges next year.
"We have balanced the books without closing a single library in the whole city," he said.
Opposition leader Susan Reid said the budget relied on one-off land sales.
Treasurer Brian Moss said the council had reserves for two more years.
"""
    doc, quotes = _quotes(text)
    library = [c for c in quotes if "library" in c.text]
    assert library and library[0].quote is not None
    assert library[0].quote[1].endswith("Collins")


def test_future_and_negated_saying_refused() -> None:
    text = """Talks resume

Union leader David Marsh said the strike would go ahead on Friday.
"The members have voted and the strike goes ahead on Friday as planned," Marsh will say.
"The offer on the table is the best the company has made in ten years," Marsh did not say.
Manager Helen Ward said talks would resume on Monday.
"""
    _, quotes = _quotes(text)
    assert not any("voted" in c.text or "offer on the table" in c.text for c in quotes)


def test_ally_saying_the_same_is_no_wrong_option() -> None:
    text = """Hospital closure row

Health minister Alan Grant said the old hospital would close in June.
Doctor Kevin Shaw said closing the hospital would put patients in danger.
Nurse Laura Hughes said closing the hospital would put patients in serious danger.
"Closing this hospital puts patients in danger and the minister knows it," Dr Shaw said.
Campaigner Fiona Dale said the campaign would go to court.
Alan Grant said the new hospital would open in May.
"""
    doc, quotes = _quotes(text)
    shaw = [c for c in quotes if "knows it" in c.text]
    assert shaw
    for d in generate_attribution(doc, shaw[0], random.Random(1), 0):
        assert "Laura Hughes" not in {name for name, _ in d.distractors}


ORGS = """Rail fares row

Northline said fares on its busiest routes would rise by 4% in January.
Southway said fares would stay frozen until the spring.
Eastrail said it would add 200 new carriages next year.
"Passengers should not pay more for trains that still run late most mornings," Travelwatch said.
Northline and Southway both run services into the capital.
Travelwatch has criticised Northline and Eastrail before.
Southway and Eastrail have also faced complaints from Travelwatch.
"""


def test_organisation_speaker_and_organisation_options() -> None:
    doc, quotes = _quotes(ORGS)
    org = [c for c in quotes if "run late" in c.text]
    assert org and org[0].quote_label == "ORG"
    drafts = generate_attribution(doc, org[0], random.Random(1), 0)
    assert drafts and drafts[0].key == "Travelwatch"
    assert drafts[0].stem.startswith("Which organisation")
    wrong = {name for name, _ in drafts[0].distractors}
    assert wrong and wrong <= {"Northline", "Southway", "Eastrail"}


def test_organisation_reported_speech() -> None:
    doc = analyse(ORGS)
    claims = [c for c in extract_claims(doc) if c.text.startswith("Southway said")]
    assert claims
    drafts = generate_attribution(doc, claims[0], random.Random(1), 0)
    assert drafts and drafts[0].key == "Southway"
    assert "which organisation said that fares would stay frozen" in drafts[0].stem


def test_courtesy_title_key_is_the_full_name() -> None:
    text = """School meals plan

Education Minister Karen Doyle said every primary pupil would get a free lunch from September.
Ms Doyle said the scheme would cost the council 8m pounds a year.
"Every child deserves one hot meal a day, whatever their parents earn," Ms Doyle said.
Opposition leader Graham Pike said the money should go to teachers' pay.
Headteacher Gordon Lyle said the kitchens were not ready for the change.
Graham Pike said the council had not costed the plan properly.
Gordon Lyle said more staff would be needed in every school.
"""
    doc, quotes = _quotes(text)
    hot = [c for c in quotes if "hot meal" in c.text]
    assert hot
    drafts = generate_attribution(doc, hot[0], random.Random(1), 0)
    assert drafts and drafts[0].key == "Karen Doyle"


def test_pronoun_quote_counts_as_a_second_mention_of_the_source() -> None:
    text = """Bridge tolls scrapped

Transport secretary Philip Graves said the tolls on the Severn crossing would end in May.
Engineer Nicola Stone said the toll booths would be taken down over two weekends.
Council leader Derek Hale said the lost income would hit local road repairs.
Nicola Stone said the bridge would stay open while the booths came down.
Derek Hale said the council would ask for compensation.
Former minister Alan Booth said the decision was long overdue.
"The tolls were a tax on the people of South Wales and should have gone years ago," he said.
"""
    doc, quotes = _quotes(text)
    tolls = [c for c in quotes if "tax on the people" in c.text]
    assert tolls and tolls[0].quote is not None
    drafts = generate_attribution(doc, tolls[0], random.Random(1), 0)
    assert drafts and drafts[0].key == "Alan Booth"
    # the evidence names the speaker: it runs from the sentence that introduces him
    assert "Alan Booth" in drafts[0].evidence.text and "he said" in drafts[0].evidence.text


def test_speaker_who_also_said_or_agreed_is_no_wrong_option() -> None:
    text = """Factory closure

Union official Peter Ross said the factory closure would cost 300 jobs in the town.
"Closing the plant now throws away thirty years of skill for a quick saving," Mr Ross said.
Local MP Janet Fraser also said the closure was a mistake.
Company chairman Robert Kemp said the plant had lost money for five years.
Robert Kemp said the company would help staff find new work.
Mayor Colin Ferris said the council would talk to other employers.
Colin Ferris said the town had survived closures before.
Peter Ross said the union would ballot members next week.
"""
    doc, quotes = _quotes(text)
    plant = [c for c in quotes if "quick saving" in c.text]
    assert plant
    drafts = generate_attribution(doc, plant[0], random.Random(1), 0)
    for d in drafts:
        assert "Janet Fraser" not in {name for name, _ in d.distractors}


def test_person_tagged_as_organisation_is_no_organisation_option() -> None:
    from quizapp.engine.attribution import _person_like

    doc = analyse(ORGS)
    assert not _person_like(doc, "Travelwatch")
    assert _person_like(doc, "Karen Doyle")


NAMED_LAST = """Brewery expands

Ironbridge Brewery said it would open a second site in Leeds next spring.
Managing director Fiona Marsh said the new site would double output within two years.
"We cannot brew enough beer at the old site to meet demand," said Fiona Marsh, the boss.
Rival brewer Duncan Hale said the market for craft beer was already crowded.
"Half the new breweries opened in the last five years have already closed their doors," Hale said.
Trade body chief Gordon Pryce said pubs were buying more local beer.
Gordon Pryce told reporters that pub sales of local beer rose by a fifth last year.
Marsh noted that the second site would create sixty new jobs in the city.
"""


def test_speaker_named_last_and_by_surname() -> None:
    doc, quotes = _quotes(NAMED_LAST)
    keys = {}
    for c in quotes:
        for d in generate_attribution(doc, c, random.Random(1), 0):
            keys[c.text[:20]] = d.key
            wrong = {name for name, _ in d.distractors}
            assert d.key not in wrong and len(wrong) >= 2
    assert keys.get('"We cannot brew enou') == "Fiona Marsh"
    assert keys.get('"Half the new brewer') == "Duncan Hale"


def test_told_reporters_and_noted_are_asked_as_said() -> None:
    doc = analyse(NAMED_LAST)
    stems = {}
    for c in extract_claims(doc):
        for d in generate_attribution(doc, c, random.Random(1), 0):
            stems[d.key] = d.stem
    assert stems.get("Gordon Pryce", "").startswith("According to the article, who said that")
    assert "who said that the second site would create sixty new jobs" in stems.get(
        "Fiona Marsh", ""
    )


def test_organisation_tagged_as_a_person_is_no_person_option() -> None:
    doc = analyse(NAMED_LAST)
    from quizapp.engine.attribution import _pool

    assert not any(p.endswith("Brewery") for p in _pool(doc))


def test_organisation_the_headline_names_is_no_key() -> None:
    text = ORGS.replace("Rail fares row", "Southway freezes rail fares")
    doc = analyse(text)
    claims = [c for c in extract_claims(doc) if c.text.startswith("Southway said")]
    assert claims
    assert generate_attribution(doc, claims[0], random.Random(1), 0) == []
