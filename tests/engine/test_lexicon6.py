"""Place questions and place wrong answers: "In which city/country ...?" only where the place
is the point of the sentence, wrong places of the key's level and region, never one the
article also ties to the event, and the place lists change no entity label. Texts written for
the tests."""

from __future__ import annotations

import random

from quizapp.engine.claims import extract_claims
from quizapp.engine.distractors import (
    country_of,
    near_places,
    place_kind,
    place_level,
    place_region,
    region_places,
    same_place,
    stem_countries,
)
from quizapp.engine.document import analyse
from quizapp.engine.lexicon import CITIES, COUNTRIES, DEMONYMS
from quizapp.engine.quality import names_the_country
from quizapp.engine.recall import generate_recall

TRADE = """Steel pact signed after long talks

The steel pact was signed in Geneva on Monday by the heads of four big producers.
Ministers from Belgium and Denmark welcomed the pact at a meeting on Tuesday.
A side letter on prices was signed in Basel by two of the producers.
Prices of steel rose in Germany last month, the trade body said.
The firms could hold a second round of talks in Vienna next year.
Brackmann Steel will build a new mill in Hungary, the company said in a statement.
Analysts at Ravel Capital said the pact would lift prices by about 5% over two years.
Brackmann Steel employs 12,000 people across eight countries.
"""

SUMMIT = """Ministers gather for farm summit

Farm ministers from twenty countries will meet in Lyon, France, for a two-day summit on food prices.
The summit was opened by the French president, who called for lower tariffs.
Delegates later travelled to Paris for talks with farming groups.
A final statement said food prices had risen by 14% over the year.
"""


def _place_drafts(text: str, prefix: str) -> list:
    doc = analyse(text)
    claim = next(c for c in extract_claims(doc) if c.text.startswith(prefix))
    drafts = generate_recall(doc, claim, random.Random(0), 0)
    return [d for d in drafts if d.stem.startswith("In which")]


def test_levels_and_regions() -> None:
    assert place_level("Rotterdam") == "city" and place_level("Hungary") == "country"
    assert place_level("the UK") == "country" and place_level("Britain") == "country"
    assert place_region("Perth") == "oceania" and place_region("the US") == "north_america"
    assert place_level("Atlantis") == "other" and place_region("Atlantis") is None


def test_region_places_same_level_and_region() -> None:
    cities = region_places("Rotterdam")
    # a Dutch city first, then cities of the region; never a city of another continent
    assert cities[0] in {"Amsterdam", "The Hague", "Utrecht"}
    assert all(place_level(c) == "city" for c in cities)
    assert not {"Tokyo", "New York", "Sydney", "Nairobi"} & set(cities)
    countries = region_places("Hungary")
    assert all(place_level(c) == "country" for c in countries)
    assert "Poland" in countries and not {"Japan", "Brazil", "Kenya"} & set(countries)


def test_no_part_of_the_key_among_its_wrong_places() -> None:
    # England is in the UK: arguably right where the UK is
    assert not {"England", "Scotland", "Wales", "Northern Ireland"} & set(region_places("the UK"))
    assert "the UK" not in region_places("Wales")
    assert same_place("Paris", "France") and same_place("England", "Britain")
    assert not same_place("Paris", "Germany")


def test_near_places() -> None:
    assert near_places("France", "Belgium") and near_places("Ireland", "France")
    assert not near_places("France", "Japan")
    assert near_places("France", "Atlantis")  # unknown: no opinion


def test_place_lists_change_no_entity_label() -> None:
    # the gazetteer that forces GPE labels engine-wide stays as it was: a club called by its
    # city is still of unknown level for swaps, though the place lists know the city
    assert "valencia" not in CITIES and "hungary" not in COUNTRIES
    assert place_kind("Valencia") == "other" and place_level("Valencia") == "city"


def test_demonyms_live_in_the_lexicon() -> None:
    assert DEMONYMS["france"][0] == "french"
    assert names_the_country("The French side beat _____ in the final.", "France")


def test_signed_in_a_city_is_asked_with_near_cities() -> None:
    drafts = _place_drafts(TRADE, "The steel pact was signed")
    assert len(drafts) == 1
    d = drafts[0]
    assert d.stem.startswith("In which city was the steel pact signed")
    assert d.key == "Geneva" and "Geneva" not in d.stem
    wrong = [w for w, _ in d.distractors]
    assert len(wrong) == 3 and all(place_level(w) == "city" for w in wrong)
    assert all(
        place_region(w) in {"western_europe", "southern_europe", "northern_europe"} for w in wrong
    )
    # Basel saw a signing too: arguably right, never offered; Vienna (later talks) is fair
    assert "Basel" not in wrong and "Vienna" in wrong
    assert [src for w, src in d.distractors if w == "Vienna"] == ["article_entity"]


def test_a_plant_built_in_a_country() -> None:
    drafts = _place_drafts(TRADE, "Brackmann Steel will build")
    assert [d.key for d in drafts] == ["Hungary"]
    wrong = [w for w, _ in drafts[0].distractors]
    assert all(place_level(w) == "country" for w in wrong)
    # countries the article names (Belgium, Denmark, Germany) are not made-up wrong answers
    # of the region: the article's own places come first, and none of another continent
    assert all(near_places("Hungary", w) for w in wrong)


def test_no_place_question_on_a_scene_or_a_possibility() -> None:
    assert _place_drafts(TRADE, "Prices of steel rose") == []  # a setting, not the fact
    assert _place_drafts(TRADE, "The firms could hold") == []  # a possibility


def test_city_with_its_country_drops_both_and_keeps_other_cities_of_that_country() -> None:
    drafts = _place_drafts(SUMMIT, "Farm ministers")
    assert len(drafts) == 1
    d = drafts[0]
    assert d.key == "Lyon" and "France" not in d.stem and "Lyon" not in d.stem
    wrong = [w for w, _ in d.distractors]
    # Paris, where the delegates went on to, is named in the article: never a made-up option
    assert all(place_level(w) == "city" for w in wrong)
    assert all(near_places("Lyon", w) for w in wrong)


FESTIVAL = """Film festival opens

Italian film-makers will open a new festival in Italy next year, the organisers said.
The French directors' guild will hold its annual congress in Nice in June.
The awards ceremony will take place in Venice on 3 September.
The director was born in Naples in 1950.
The next festival is expected to be held in Milan.
The prize was not presented in Rome this year.
Critics from Britain gathered in Turin for a retrospective of early Italian cinema.
"""


def test_a_country_the_stem_calls_by_its_people_is_not_asked() -> None:
    # "Italian film-makers will open a new festival in _____": Italy is given away
    assert _place_drafts(FESTIVAL, "Italian film-makers") == []


def test_stem_countries() -> None:
    assert stem_countries("Did French and Welsh ministers meet?") == {"france", "wales"}
    assert stem_countries("talks near Lyon") == {"france"}
    assert stem_countries("Slovakia beat Argentina in Perth", located=True) == set()
    assert stem_countries("a plant in the US", located=True) == {"us"}
    assert country_of("Perth") == "australia" and country_of("Britain") == "uk"


def test_a_city_question_keeps_a_lower_case_article() -> None:
    # "In which city was A side letter ... signed?": a lone "A" is no acronym
    drafts = _place_drafts(TRADE, "A side letter")
    assert drafts and drafts[0].stem.startswith("In which city was a side letter")


def test_a_city_of_the_country_the_stem_names_comes_first() -> None:
    # "the French directors' guild ... congress in _____": Turin would be the odd one out
    drafts = _place_drafts(FESTIVAL, "The French directors")
    assert drafts and drafts[0].key == "Nice"
    assert all(country_of(w) == "france" for w, _ in drafts[0].distractors)


def test_take_place_is_an_event_and_a_birthplace_is_trivia() -> None:
    drafts = _place_drafts(FESTIVAL, "The awards ceremony")
    assert [d.key for d in drafts] == ["Venice"]
    assert drafts[0].stem.startswith("In which city will the awards ceremony take place")
    assert _place_drafts(FESTIVAL, "The director was born") == []


def test_no_city_of_a_neighbouring_region_while_nearer_ones_are_left() -> None:
    # Venice among Naples, Turin and Nice: the French city (named in the article) is the odd one
    drafts = _place_drafts(FESTIVAL, "The awards ceremony")
    wrong = [w for w, _ in drafts[0].distractors]
    assert "Nice" not in wrong and all(country_of(w) == "italy" for w in wrong)
    assert [src for _, src in drafts[0].distractors][:2] == ["article_entity"] * 2


def test_no_place_question_on_a_forecast_or_a_denial() -> None:
    assert _place_drafts(FESTIVAL, "The next festival") == []
    assert _place_drafts(FESTIVAL, "The prize was not") == []


ENVOYS = """Envoys agree new trade rules

The new trade rules were signed in Paris on Monday after two days of talks.
Officials from the two sides first met in Tokyo last spring.
A group of lawyers checked the final text in Berlin last week.
"""


def test_a_place_swap_stays_near_the_place() -> None:
    # a false statement "signed in Tokyo" for "signed in Paris" is absurd; Berlin is fair
    from quizapp.engine.mutations import MUTATIONS

    doc = analyse(ENVOYS)
    claim = next(c for c in extract_claims(doc) if c.text.startswith("The new trade rules"))
    swaps = {m.new for m in MUTATIONS["entity"](doc, claim, random.Random(0)) if m.old == "Paris"}
    assert "Tokyo" not in swaps
    assert swaps <= {"Berlin"}


def test_the_lists_are_consistent() -> None:
    from quizapp.engine.lexicon import (
        CITIES_BY_COUNTRY,
        COUNTRIES_BY_REGION,
        LANGUAGES,
        NEIGHBOUR_REGIONS,
    )

    countries = {c.lower().removeprefix("the ") for v in COUNTRIES_BY_REGION.values() for c in v}
    assert set(CITIES_BY_COUNTRY) <= countries and set(LANGUAGES) <= countries
    assert set(NEIGHBOUR_REGIONS) == set(COUNTRIES_BY_REGION)
    cities = [c for v in CITIES_BY_COUNTRY.values() for c in v]
    assert len(cities) == len(set(cities)) and all(place_level(c) == "city" for c in cities)


CUP = """Hosts lose cup final

Ravenna won the Alpine Cup by beating Lindholm 2-1 in Sunday's final in Munich.
Last year's final was staged in Hamburg in front of 40,000 fans.
Ravenna's coach said the win in Munich was the best of his career.
Lindholm travel to Cologne for a league game next week.
"""


def test_a_place_of_the_same_kind_of_event_is_not_offered() -> None:
    # last year's final in Hamburg: a final's place as well, arguably confusable; Cologne fair
    drafts = _place_drafts(CUP, "Ravenna won")
    assert drafts and drafts[0].key == "Munich"
    wrong = [w for w, _ in drafts[0].distractors]
    assert "Hamburg" not in wrong and "Cologne" in wrong
