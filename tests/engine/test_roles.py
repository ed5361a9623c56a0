"""Generator 2.8.0: person wrong options respect the role the stem gives the key (its group,
its job, its sex); a country blank that is a named person's side is not asked."""

from __future__ import annotations

from quizapp.engine.distractors import fits_job, placed_in, stated_jobs, stem_group, stem_job
from quizapp.engine.document import analyse
from quizapp.engine.quality import gendered, names_the_country

SQUAD = """Harbour name three new caps in training squad

Harbour scrum-half Kevin Doyle is one of three new faces in the national training squad.
Doyle is joined by Harbour colleagues Peter Walsh and Martin Nolan along with Valley's Sean Byrne.
Dermot Kearney of Capital also returns after injury.

P Walsh (Harbour), M Nolan (Harbour), G Brennan (Harbour), D Kearney (Capital), T Fallon (Valley).
"""

FILM = """Critics divided over new western

Film critic Jonathan Hale called the western a triumph in his review on Friday.
Director Paul Grant said he was delighted, and actress Helen Marsh thanked the cast.
Critic Edward Lamb was less kind, and reporter Simon Price asked the director about the budget.
Guitarist Mark Dobbs wrote the score with drummer Tony Keane.
"""


def test_a_group_in_the_stem_is_read_from_the_words_before_the_blank() -> None:
    assert stem_group("Fill in the blank: Doyle is joined by Harbour colleagues ") == "Harbour"
    assert stem_group("Fill in the blank: Rovers' team-mate ") == "Rovers"
    assert stem_group("Fill in the blank: Harbour scrum-half ") is None


def test_a_name_the_article_places_in_the_stems_group_is_not_a_wrong_answer() -> None:
    doc = analyse(SQUAD)
    # a squad list in brackets, "Harbour colleagues X" and "Harbour scrum-half X" all place
    assert placed_in(doc, "Gerry Brennan", "Harbour")
    assert placed_in(doc, "Martin Nolan", "Harbour")
    assert placed_in(doc, "Kevin Doyle", "Harbour")
    # another team's players are clearly wrong there, and stay
    assert not placed_in(doc, "Dermot Kearney", "Harbour")
    assert not placed_in(doc, "Sean Byrne", "Harbour")


def test_a_job_in_the_stem_is_the_word_before_the_blank() -> None:
    assert stem_job("Fill in the blank: Film critic ") == "critic"
    assert stem_job("Fill in the blank: Guitarist ") == "guitarist"
    assert stem_job("Fill in the blank: Tory leader ") == "leader"
    # no job: a name, a list, or a word that only ends like one
    assert stem_job("Fill in the blank: Doyle and ") is None
    assert stem_job("Fill in the blank: the former ") is None
    assert stem_job("Fill in the blank: He spoke to Mr ") is None


def test_a_person_of_another_world_of_jobs_cannot_hold_the_stems_job() -> None:
    doc = analyse(FILM)
    assert "director" in stated_jobs(doc, "Paul Grant")
    assert "actress" in stated_jobs(doc, "Helen Marsh")
    # the film's own director and actress, or a reporter, are no critics
    assert not fits_job(doc, "critic", "Paul Grant")
    assert not fits_job(doc, "critic", "Helen Marsh")
    assert not fits_job(doc, "critic", "Simon Price")
    # another critic is; so is a person the article gives no job
    assert fits_job(doc, "critic", "Edward Lamb")
    assert fits_job(doc, "critic", "Jonathan Hale")
    # band-mates in other jobs share a world: a drummer may stand for a guitarist
    assert fits_job(doc, "guitarist", "Tony Keane")
    # a job of unknown world rules nobody out
    assert fits_job(doc, "gardener", "Paul Grant")


def test_mixed_doubles_fixes_the_partners_sex() -> None:
    # "Novak and _____ won the mixed doubles" offered a woman beside a woman
    assert gendered("Fill in the blank: Novak and _____ won the mixed doubles on Sunday.")
    assert not gendered("Fill in the blank: Novak and _____ won the doubles on Sunday.")


def test_a_country_blank_that_is_a_named_persons_side_is_not_asked() -> None:
    # the person's own name, and the names beside it, tell his country
    assert names_the_country(
        "Fill in the blank: Former _____ centre Jean Moreau says the coach must recall Luc Petit.",
        "France",
    )
    assert not names_the_country("Fill in the blank: _____ beat Wales on Saturday.", "France")


REVIEWS = """Critics divided over new western

Film critic Jonathan Hale called the western a triumph in his review on Friday.
Director Paul Grant said the western had taken four years to make.
Actress Helen Marsh thanked the crew of the western at the premiere.
Critic Edward Lamb called the western slow in his own review on Saturday.
Critic Ruth Allen praised the western's music in a review on Sunday.
Jonathan Hale has reviewed films for the paper since 1990.
Paul Grant will start work on a new film in the spring.
Helen Marsh is to star in a stage play next year.
Edward Lamb also reviewed a comedy on Saturday.
Ruth Allen writes for a rival paper.
"""


def _recall(text: str, prefix: str) -> list:
    import random

    from quizapp.engine.claims import extract_claims
    from quizapp.engine.recall import generate_recall

    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith(prefix))
    return generate_recall(doc, claim, random.Random(0), 0)


def test_a_critic_blank_never_offers_the_films_director_or_actress() -> None:
    (draft,) = [d for d in _recall(REVIEWS, "Critic Ruth Allen") if d.key == "Ruth Allen"]
    assert draft.stem.startswith("Fill in the blank: Critic _____")
    offered = {w for w, _ in draft.distractors}
    assert offered and not {"Paul Grant", "Helen Marsh"} & offered


SQUAD_FULL = """Harbour name three new caps in training squad

Harbour scrum-half Kevin Doyle is one of three new faces in the national training squad.
Doyle is joined by Harbour colleagues Peter Walsh and Martin Nolan with Valley flanker Sean Byrne.
Gerry Brennan, the Harbour wing, is also in the squad after a fine season.
Capital centre Dermot Kearney returns after a long injury.
Valley lock Tom Fallon keeps his place after a strong autumn.
Gerry Brennan scored twice for Harbour on Saturday.
Dermot Kearney missed the autumn games with a knee injury.
Tom Fallon has won ten caps.
Peter Walsh is the youngest player in the squad.
"""


def test_a_group_blank_never_offers_another_member_of_the_group() -> None:
    assert stem_group("Fill in the blank: Doyle is joined by Harbour colleagues Peter Walsh and ")
    doc = analyse(SQUAD_FULL)
    assert placed_in(doc, "Gerry Brennan", "Harbour")  # "Gerry Brennan, the Harbour wing"
    drafts = _recall(SQUAD_FULL, "Doyle is joined")
    # the Harbour blanks have no wrong answer left; nor, since roles9, has the Valley
    # flanker: the stem names his team, and only one other Valley man (Tom Fallon) is left
    # (2.11.0 offered Harbour's Walsh and Nolan, the other side, for a Valley flanker)
    assert all(d.key == "Sean Byrne" for d in drafts)
    for d in drafts:
        offered = {w for w, _ in d.distractors}
        assert not {"Gerry Brennan", "Peter Walsh", "Martin Nolan", "Kevin Doyle"} & offered
