"""Small built-in word lists: typed distractor pools, antonyms, comparisons, quantifiers.

Lists are tuples (ordered) so that every choice drawn from them is deterministic.
"""

from __future__ import annotations

COMPANY_SECTORS: dict[str, tuple[str, ...]] = {
    "tech": (
        "Nvidia",
        "Huawei",
        "Alibaba",
        "Tencent",
        "ByteDance",
        "Baidu",
        "Intel",
        "AMD",
        "Qualcomm",
        "Samsung",
        "Microsoft",
        "Google",
        "Apple",
        "IBM",
        "Amazon",
        "Meta",
        "Oracle",
        "Sony",
        "Xiaomi",
        "Lenovo",
    ),
    "studio": (
        "Disney",
        "Paramount",
        "Universal",
        "Warner Brothers",
        "Warner Bros",
        "MGM",
        "Twentieth Century Fox",
        "Sony Pictures",
        "Columbia Pictures",
        "DreamWorks",
        "Miramax",
        "Lionsgate",
        "Pixar",
    ),
    "media": (
        "Time Warner",
        "Viacom",
        "News Corp",
        "Bertelsmann",
        "Vivendi",
        "Comcast",
    ),
    "airline": (
        "British Airways",
        "Lufthansa",
        "Air France",
        "KLM",
        "Ryanair",
        "easyJet",
        "Delta",
        "American Airlines",
        "United Airlines",
    ),
    "carmaker": (
        "Ford",
        "Toyota",
        "Volkswagen",
        "Renault",
        "Peugeot",
        "Honda",
        "Nissan",
        "General Motors",
        "Fiat",
        "BMW",
    ),
    "steel": ("ThyssenKrupp", "Corus", "Arcelor", "Nippon Steel", "JFE Holdings", "Posco"),
    "telecom": ("Vodafone", "O2", "T-Mobile", "Orange", "BT", "Deutsche Telekom"),
    "bank": ("Barclays", "HSBC", "Lloyds", "Nationwide", "Citigroup", "JP Morgan"),
}
#: Built-in companies that own or are owned by each other, or are one company under two
#: names: never a made-up swap for the other (an owner offered for its subsidiary is
#: arguably right).
COMPANY_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"renault", "nissan"}),
    frozenset({"t-mobile", "deutsche telekom"}),
    frozenset({"sony", "sony pictures", "columbia pictures"}),
    frozenset({"disney", "pixar", "miramax"}),
    frozenset({"warner brothers", "warner bros", "time warner"}),
    frozenset({"klm", "air france"}),
)
COMPANIES: frozenset[str] = frozenset(
    name.lower() for names in COMPANY_SECTORS.values() for name in names
) | frozenset({"aol", "openai", "tesla", "spacex", "mozilla", "netscape", "cellnet"})

COUNTRY_LIST: tuple[str, ...] = (
    "China",
    "Japan",
    "India",
    "South Korea",
    "Taiwan",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Russia",
    "Brazil",
    "Canada",
    "Australia",
    "Mexico",
    "Iran",
    "Iraq",
    "Israel",
    "Egypt",
    "Kenya",
    "Nigeria",
    "South Africa",
    "Tanzania",
    "Mozambique",
    "Wales",
    "England",
    "Scotland",
    "Ireland",
    "Britain",
    "the UK",
    "the US",
    "Vietnam",
    "Indonesia",
    "Turkey",
    "Poland",
    "Sweden",
    "Norway",
    "Netherlands",
    "Belgium",
    "Switzerland",
    "Afghanistan",
)
COUNTRIES: frozenset[str] = frozenset(c.lower() for c in COUNTRY_LIST) | frozenset(
    {"uk", "us", "usa", "united states", "united kingdom"}
)
CITY_LIST: tuple[str, ...] = (
    "London",
    "Paris",
    "Berlin",
    "Tokyo",
    "Beijing",
    "Shanghai",
    "New York",
    "Washington",
    "Moscow",
    "Madrid",
    "Rome",
    "Nairobi",
    "Cape Town",
    "Pittsburgh",
    "Amsterdam",
    "Edinburgh",
    "Cardiff",
    "Manchester",
    "Sydney",
    "Toronto",
)
CITIES: frozenset[str] = frozenset(c.lower() for c in CITY_LIST)

# all-caps tokens the model tags as organisations but which are ordinary nouns
NOT_ENTITIES: frozenset[str] = frozenset(
    {
        "AI",
        "CEO",
        "TLDR",
        "TL;DR",
        "GDP",
        "IT",
        "TV",
        "PC",
        "HIV",
        "AIDS",
        "HIV/AIDS",
        "NET",
        "CFO",
        "PR",
        "UN-",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "EU-",
    }
)

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# word -> opposite, same inflection, so no inflection library is needed. Curated: only verbs
# and adjectives whose swap leaves a clean, grammatical and plainly false statement ("allowing
# X to buy" -> "banning X to buy" is not English, so "allow"/"ban" are not here; nor are
# nouns such as "decline", whose swap rarely reads well).
ANTONYMS: dict[str, str] = {
    "rose": "fell",
    "fell": "rose",
    "rise": "fall",
    "fall": "rise",
    "rises": "falls",
    "falls": "rises",
    "rising": "falling",
    "falling": "rising",
    "risen": "fallen",
    "fallen": "risen",
    "increased": "decreased",
    "decreased": "increased",
    "increase": "decrease",
    "decrease": "increase",
    "increases": "decreases",
    "decreases": "increases",
    "increasing": "decreasing",
    "decreasing": "increasing",
    "grew": "shrank",
    "grown": "shrunk",
    "grow": "shrink",
    "grows": "shrinks",
    "growing": "shrinking",
    "jumped": "dropped",
    "dropped": "jumped",
    "climbed": "fell",
    "gained": "lost",
    "lost": "gained",
    "gain": "lose",
    "lose": "gain",
    "approved": "rejected",
    "rejected": "approved",
    "accepted": "rejected",
    "strong": "weak",
    "weak": "strong",
    "won": "lost",
    "welcomed": "criticised",
    "criticised": "welcomed",
    "raised": "lowered",
    "lowered": "raised",
    "expanded": "reduced",
    "slumped": "soared",
    "soared": "slumped",
    "tightened": "loosened",
    "tightly": "loosely",
    "reduce": "increase",
    "reducing": "increasing",
    "surpass": "trail",
    "surpassed": "trailed",
    "surpasses": "trails",
}
# verbs and adverbs of direction: swapping one beside two related figures ("rose to $11.1bn
# from $10.9bn") contradicts the figures themselves, a give-away rather than a wrong answer
#: Words that call a change small ("a mild decline", "rose slightly"): wrong values of its
#: figures stay near the key, as beside a close figure of its kind (a value a third away
#: contradicts "mild": blind editors on "112.1").
MILD_CHANGE: frozenset[str] = frozenset(
    {
        "slight",
        "slightly",
        "mild",
        "mildly",
        "marginal",
        "marginally",
        "modest",
        "modestly",
        "fractional",
        "fractionally",
    }
)
DIRECTION_WORDS: frozenset[str] = frozenset(
    {
        "rise",
        "fall",
        "increase",
        "decrease",
        "grow",
        "shrink",
        "jump",
        "drop",
        "climb",
        "gain",
        "lose",
        "slump",
        "soar",
        "raise",
        "lower",
        "up",
        "down",
        "decline",
        "slide",
        "dip",
        "plunge",
        "cut",
        "boost",
        "expand",
        "reduce",
        "surge",
        "tumble",
        "higher",
        "lead",
        "trail",
    }
)
# pairs where the change reverses a comparison rather than flips a word's meaning
COMPARISONS: dict[str, str] = {
    "more": "less",
    "less": "more",
    "fewer": "more",
    "higher": "lower",
    "lower": "higher",
    "larger": "smaller",
    "smaller": "larger",
    "bigger": "smaller",
    "greater": "smaller",
    "better": "worse",
    "worse": "better",
    "above": "below",
    "below": "above",
    "biggest": "smallest",
    "largest": "smallest",
    "smallest": "largest",
    "best": "worst",
    "worst": "best",
    "highest": "lowest",
    "lowest": "highest",
    "most": "least",
    "least": "most",
    "faster": "slower",
    "slower": "faster",
    "fastest": "slowest",
    "earlier": "later",
    "later": "earlier",
    "surpass": "trail",
    "surpasses": "trails",
    "surpassed": "trailed",
    "outstripping": "trailing",
    "first": "last",
}
# comparatives reversed only in an explicit comparison ("more robots than", "higher than"):
# superlatives ("worst hit" -> "best hit") and bare comparatives rarely reverse cleanly
EXPLICIT_COMPARATIVES: frozenset[str] = frozenset(
    {
        "more",
        "less",
        "fewer",
        "higher",
        "lower",
        "larger",
        "smaller",
        "bigger",
        "greater",
        "better",
        "worse",
        "faster",
        "slower",
        "earlier",
        "later",
    }
)
# replacements that make a quantified statement false (never a mere generalisation)
QUANTIFIERS: dict[str, str] = {
    "all": "no",
    "every": "no",
    "most": "few",
    "many": "few",
    "majority": "minority",
    "always": "never",
    "never": "always",
    "some": "no",
    "nearly": "over",
    "almost": "over",
    "over": "under",
    "under": "over",
    "more than": "less than",
    "less than": "more than",
    "at least": "at most",
    "up to": "at least",
    "just over": "just under",
    "just under": "just over",
}

# discourse openers dropped from the front of statements and stems
DISCOURSE = (
    "however",
    "but",
    "and",
    "meanwhile",
    "yet",
    "also",
    "so",
    "still",
    "moreover",
    "furthermore",
    "in addition",
    "indeed",
    "thus",
    "therefore",
    "then",
    "now",
    "overall",
    "meantime",
    "separately",
    "in comparison",
    "by contrast",
    "in contrast",
    "instead",
    # ("In particular, X said ...": narrows a claim another sentence made; the rest is true
    # and reads on its own, its pronoun then resolved like any opener's)
    "in particular",
    "in fact",
    # ("Elsewhere, Brent oil rallied ...": a fresh article, 2.19.2, "no referent")
    "elsewhere",
)
REPORTING_VERBS = frozenset(
    {
        "say",
        "report",
        "add",
        "tell",
        "claim",
        "state",
        "suggest",
        "show",
        "reveal",
        "note",
        "explain",
        "insist",
        "argue",
        "believe",
        "think",
        "estimate",
    }
)
# Verbs of judging: "Kerr applauded the move" is arguably true of another of the story's
# people who praised it too, so the person who judges is never swapped.
EVALUATIVE_VERBS = frozenset(
    {
        "applaud",
        "praise",
        "hail",
        "welcome",
        "criticise",
        "criticize",
        "condemn",
        "blame",
        "admit",
        "accept",
        "deny",
        "agree",
        "describe",
        "call",
        "urge",
        "thank",
        "congratulate",
        "question",
        "defend",
        "back",
        "support",
        "warn",
        "predict",
    }
)
HEDGES = frozenset(
    {
        "may",
        "might",
        "could",
        "would",
        "should",
        "possibly",
        "perhaps",
        "likely",
        "expect",
        "believe",
        "think",
        "hope",
        "suggest",
        "predict",
        "forecast",
        "probably",
    }
)
DECISION_VERBS = frozenset(
    {
        "approve",
        "announce",
        "ban",
        "agree",
        "decide",
        "sign",
        "grant",
        "sentence",
        "jail",
        "launch",
        "cut",
        "raise",
        "impose",
        "allow",
        "reject",
        "release",
        "resign",
        "appoint",
        "acquire",
        "buy",
        "sell",
        "pay",
        "fine",
        "win",
        "lose",
        "elect",
        "introduce",
        "close",
        "open",
        "restate",
        "offer",
        "propose",
        "arrest",
        "charge",
    }
)

# The job word before a person's name ("United striker X", "Arsenal boss Y"), by the side of
# a story that person is on: a wrong answer for a player is another player, not a manager.
ROLE_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "striker",
            "forward",
            "defender",
            "midfielder",
            "goalkeeper",
            "keeper",
            "winger",
            "captain",
            "skipper",
            "full-back",
            "centre-back",
            "scrum-half",
            "fly-half",
            "flanker",
            "lock",
            "prop",
            "hooker",
            "centre",
            "wing",
            "playmaker",
            "player",
            "batsman",
            "bowler",
            "opener",
            "all-rounder",
            "international",
            "team-mate",
        ),
        "player",
    ),
    **dict.fromkeys(("manager", "boss", "coach", "gaffer"), "manager"),
    **dict.fromkeys(
        (
            "chairman",
            "vice-chairman",
            "chairwoman",
            "director",
            "president",
            "owner",
            "executive",
            "spokesman",
            "spokeswoman",
            "secretary",
            "referee",
        ),
        "official",
    ),
}

# Jobs by the world they belong to, for a stem that names the key's job ("film critic _____"):
# a wrong answer of another world (the film's director or actress for a critic, a referee for
# a scorer) cannot hold that job. Band-mates in other jobs, or a chancellor for a party
# leader, can: they share a world. Jobs not listed here are of unknown world.
JOB_CLASSES: dict[str, str] = {
    **ROLE_CLASSES,
    **dict.fromkeys(("referee", "umpire", "linesman", "official"), "referee"),
    **dict.fromkeys(
        (
            "singer",
            "guitarist",
            "bassist",
            "drummer",
            "keyboardist",
            "pianist",
            "frontman",
            "vocalist",
            "songwriter",
            "rapper",
            "musician",
        ),
        "music",
    ),
    **dict.fromkeys(
        ("actor", "actress", "director", "producer", "screenwriter", "film-maker", "filmmaker"),
        "film",
    ),
    **dict.fromkeys(("critic", "reviewer", "columnist"), "critic"),
    **dict.fromkeys(
        ("leader", "minister", "chancellor", "mp", "politician", "senator", "premier"),
        "politics",
    ),
    **dict.fromkeys(
        ("reporter", "journalist", "correspondent", "presenter", "broadcaster", "photographer"),
        "media",
    ),
    **dict.fromkeys(
        ("judge", "magistrate", "lawyer", "barrister", "solicitor", "prosecutor", "attorney"),
        "law",
    ),
}

# --- Places by region, cities by country, languages and demonyms (data only) ---------------
# COUNTRY_LIST and CITY_LIST above are the gazetteer that forces the GPE label engine-wide
# (nlp.vote_labels): kept as they are, so that these wider lists change no entity label. The
# lists below only say what level a place is (a city or a country), where it is, and which
# places are fair wrong answers for it: a country of the same region for a country, a city
# of the same country or region for a city.

#: Countries by region, in the form news copy uses ("the US", "the UK" take their article).
COUNTRIES_BY_REGION: dict[str, tuple[str, ...]] = {
    "british_isles": ("England", "Scotland", "Wales", "Northern Ireland", "Ireland", "the UK"),
    "western_europe": (
        "France",
        "Germany",
        "Netherlands",
        "Belgium",
        "Luxembourg",
        "Switzerland",
        "Austria",
    ),
    "southern_europe": ("Italy", "Spain", "Portugal", "Greece", "Malta", "Cyprus"),
    "northern_europe": ("Sweden", "Norway", "Denmark", "Finland", "Iceland"),
    "eastern_europe": (
        "Poland",
        "Czech Republic",
        "Slovakia",
        "Hungary",
        "Romania",
        "Bulgaria",
        "Ukraine",
        "Belarus",
        "Russia",
        "Lithuania",
        "Latvia",
        "Estonia",
    ),
    "balkans": ("Serbia", "Croatia", "Bosnia", "Slovenia", "Albania", "Kosovo", "Macedonia"),
    "north_america": ("the US", "Canada", "Mexico"),
    "latin_america": (
        "Brazil",
        "Argentina",
        "Chile",
        "Peru",
        "Colombia",
        "Venezuela",
        "Uruguay",
        "Ecuador",
        "Bolivia",
        "Paraguay",
        "Cuba",
    ),
    "east_asia": ("China", "Japan", "South Korea", "North Korea", "Taiwan", "Mongolia"),
    "southeast_asia": (
        "Indonesia",
        "Malaysia",
        "Singapore",
        "Thailand",
        "Vietnam",
        "Philippines",
        "Burma",
        "Cambodia",
    ),
    "south_asia": ("India", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Afghanistan"),
    "middle_east": (
        "Iran",
        "Iraq",
        "Israel",
        "Syria",
        "Jordan",
        "Lebanon",
        "Saudi Arabia",
        "Kuwait",
        "Qatar",
        "Bahrain",
        "Oman",
        "Yemen",
        "Turkey",
        "United Arab Emirates",
    ),
    "north_africa": ("Egypt", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan"),
    "sub_saharan_africa": (
        "Nigeria",
        "Ghana",
        "Kenya",
        "Uganda",
        "Tanzania",
        "Ethiopia",
        "Somalia",
        "Rwanda",
        "Zimbabwe",
        "Zambia",
        "Mozambique",
        "Angola",
        "South Africa",
        "Botswana",
        "Namibia",
        "Senegal",
        "Ivory Coast",
        "Cameroon",
    ),
    "oceania": ("Australia", "New Zealand", "Fiji", "Papua New Guinea"),
    "central_asia": ("Kazakhstan", "Uzbekistan", "Turkmenistan", "Kyrgyzstan", "Tajikistan"),
}

#: Regions whose places are still fair wrong answers for a place of the first, nearest first
#: (a Dutch city for a Belgian one; never a city of another continent).
NEIGHBOUR_REGIONS: dict[str, tuple[str, ...]] = {
    "british_isles": ("western_europe",),
    "western_europe": ("southern_europe", "northern_europe"),
    "southern_europe": ("western_europe",),
    "northern_europe": ("western_europe",),
    "eastern_europe": ("balkans",),
    "balkans": ("eastern_europe", "southern_europe"),
    "north_america": (),
    "latin_america": (),
    "east_asia": ("southeast_asia",),
    "southeast_asia": ("east_asia",),
    "south_asia": ("central_asia",),
    "middle_east": ("north_africa",),
    "north_africa": ("middle_east",),
    "sub_saharan_africa": (),
    "oceania": (),
    "central_asia": ("south_asia",),
}

#: The continent of each region: a wrong place of another continent is the odd one out
#: (a Japanese city among European ones), one of the same continent is believable.
REGION_CONTINENT: dict[str, str] = {
    "british_isles": "europe",
    "western_europe": "europe",
    "southern_europe": "europe",
    "northern_europe": "europe",
    "eastern_europe": "europe",
    "balkans": "europe",
    "north_america": "north_america",
    "latin_america": "latin_america",
    "east_asia": "asia",
    "southeast_asia": "asia",
    "south_asia": "asia",
    "central_asia": "asia",
    "middle_east": "middle_east",
    "north_africa": "middle_east",
    "sub_saharan_africa": "africa",
    "oceania": "oceania",
}

#: Major cities by country (the country as in COUNTRIES_BY_REGION, lower case).
CITIES_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "england": ("London", "Manchester", "Birmingham", "Liverpool", "Leeds", "Bristol"),
    "scotland": ("Edinburgh", "Glasgow", "Aberdeen", "Dundee"),
    "wales": ("Cardiff", "Swansea", "Newport"),
    "northern ireland": ("Belfast",),
    "ireland": ("Dublin", "Cork", "Limerick", "Galway"),
    "france": ("Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Bordeaux", "Cannes"),
    "germany": ("Berlin", "Munich", "Frankfurt", "Hamburg", "Cologne", "Stuttgart"),
    "netherlands": ("Amsterdam", "Rotterdam", "The Hague", "Utrecht"),
    "belgium": ("Brussels", "Antwerp", "Ghent"),
    "switzerland": ("Zurich", "Geneva", "Basel", "Bern", "Lausanne"),
    "austria": ("Vienna", "Salzburg", "Innsbruck"),
    "italy": ("Rome", "Milan", "Turin", "Naples", "Florence", "Venice"),
    "spain": ("Madrid", "Barcelona", "Seville", "Valencia", "Bilbao"),
    "portugal": ("Lisbon", "Porto"),
    "greece": ("Athens", "Thessaloniki"),
    "sweden": ("Stockholm", "Gothenburg", "Malmo"),
    "norway": ("Oslo", "Bergen"),
    "denmark": ("Copenhagen", "Aarhus"),
    "finland": ("Helsinki", "Tampere"),
    "poland": ("Warsaw", "Krakow", "Gdansk"),
    "czech republic": ("Prague", "Brno"),
    "hungary": ("Budapest",),
    "russia": ("Moscow", "St Petersburg"),
    "ukraine": ("Kiev", "Kharkiv"),
    "us": (
        "New York",
        "Washington",
        "Los Angeles",
        "Chicago",
        "San Francisco",
        "Boston",
        "Seattle",
        "Houston",
        "Pittsburgh",
        "Detroit",
        "Atlanta",
        "Miami",
    ),
    "canada": ("Toronto", "Montreal", "Vancouver", "Ottawa"),
    "mexico": ("Mexico City", "Guadalajara", "Monterrey"),
    "brazil": ("Sao Paulo", "Rio de Janeiro", "Brasilia"),
    "argentina": ("Buenos Aires", "Cordoba"),
    "china": ("Beijing", "Shanghai", "Shenzhen", "Guangzhou"),
    "japan": ("Tokyo", "Osaka", "Yokohama", "Kyoto"),
    "south korea": ("Seoul", "Busan"),
    "taiwan": ("Taipei",),
    "india": ("Delhi", "Mumbai", "Bangalore", "Calcutta", "Chennai"),
    "pakistan": ("Karachi", "Lahore", "Islamabad"),
    "indonesia": ("Jakarta", "Surabaya"),
    "malaysia": ("Kuala Lumpur",),
    "thailand": ("Bangkok",),
    "philippines": ("Manila",),
    "israel": ("Jerusalem", "Tel Aviv"),
    "iraq": ("Baghdad", "Basra"),
    "iran": ("Tehran",),
    "turkey": ("Istanbul", "Ankara"),
    "egypt": ("Cairo", "Alexandria"),
    "kenya": ("Nairobi", "Mombasa"),
    "nigeria": ("Lagos", "Abuja"),
    "south africa": ("Johannesburg", "Cape Town", "Durban", "Pretoria"),
    "australia": ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"),
    "new zealand": ("Auckland", "Wellington", "Christchurch"),
    "united arab emirates": ("Dubai", "Abu Dhabi"),
    "qatar": ("Doha",),
}

#: A country's main language, for a stem that names the language (a give-away).
LANGUAGES: dict[str, tuple[str, ...]] = {
    "france": ("french",),
    "germany": ("german",),
    "austria": ("german",),
    "italy": ("italian",),
    "spain": ("spanish",),
    "portugal": ("portuguese",),
    "brazil": ("portuguese",),
    "netherlands": ("dutch",),
    "russia": ("russian",),
    "china": ("chinese", "mandarin"),
    "japan": ("japanese",),
    "south korea": ("korean",),
    "greece": ("greek",),
    "poland": ("polish",),
    "sweden": ("swedish",),
    "wales": ("welsh",),
}

#: A country's people and language: a stem saying "French" or "in Dublin" names the key.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "france": ("french", "paris"),
    "ireland": ("irish", "dublin"),
    "england": ("english", "london", "twickenham"),
    "wales": ("welsh", "cardiff"),
    "scotland": ("scottish", "scots", "edinburgh", "murrayfield", "glasgow"),
    "italy": ("italian", "rome"),
    "spain": ("spanish", "madrid"),
    "germany": ("german", "berlin"),
    "china": ("chinese", "beijing", "shanghai"),
    "japan": ("japanese", "tokyo"),
    "india": ("indian", "delhi", "mumbai"),
    "russia": ("russian", "moscow"),
    "us": ("american", "washington"),
    "united states": ("american", "washington", "new york"),
    "australia": ("australian", "sydney", "melbourne"),
}

#: Words for a person of a nation, as a sports report calls a player or a winner by them ("The
#: Argentine had stoked up the temperature", "the Dutchman was"): "the <word>" standing for a
#: person needs the name another sentence gives (blind editors, tuning 2.16.1).
PERSON_DEMONYMS: tuple[str, ...] = tuple(
    "Dutchman Dutchwoman Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman "
    "Welshman Welshwoman Scotsman Scotswoman Scot Spaniard Swede Dane Briton Pole Serb Croat "
    "Finn Argentine Argentinian Australian American Italian German Russian Brazilian Belgian "
    "Czech Slovak Kenyan Canadian Chilean Indian Austrian Mexican Norwegian Ukrainian "
    "Nigerian Ethiopian".split()
)
# (never "Chinese", "Japanese", "Swiss", "Portuguese": "The Japanese had surrendered" names a
# people, the word being its own plural)

#: Verbs of sequence: "the approval does not follow discussions with the chief executive" reads
#: as "does not obey" or denies only the order of two events the article tells (the seed's false
#: statement, 2.16.1): unclear rather than false. Negated only before what one obeys
#: (:data:`OBEYED`: "did not follow the rules").
SEQUENCE_VERBS: frozenset[str] = frozenset({"follow", "precede"})
OBEYED: frozenset[str] = frozenset(
    "rule order advice instruction guideline example lead law procedure policy protocol "
    "recommendation regulation".split()
)

#: Verbs of events whose place is the point of the sentence ("the deal was signed in Geneva",
#: "the plant will be built in Poland", "the final was held in Perth"): only a place in "in
#: <place>" on one of these is asked as "In which city/country ...?". A place on other verbs
#: ("prices rose in France", "he said in London") is a throwaway setting.
PLACE_EVENT_VERBS: frozenset[str] = frozenset(
    {
        "sign",
        "hold",
        "build",
        "open",
        "meet",
        "gather",
        "stage",
        "host",
        "base",
        "headquarter",
        "launch",
        "manufacture",
        "assemble",
        "list",
        "elect",
        "invest",
        "arrest",
        "detain",
        "crash",
        "land",
        "locate",
        "film",
        "relocate",
        "unveil",
        "premiere",
        "perform",
        "kill",
        "injure",
        "convene",
    }
)
#: Nouns of events whose place is their point ("the summit in Geneva", "Saturday's final in
#: Perth", "a new plant in Poland"), for "in <place>" on the noun.
PLACE_EVENT_NOUNS: frozenset[str] = frozenset(
    {
        "summit",
        "talks",
        "meeting",
        "conference",
        "final",
        "semi-final",
        "election",
        "referendum",
        "ceremony",
        "premiere",
        "festival",
        "championship",
        "championships",
        "tournament",
        "rally",
        "plant",
        "factory",
        "headquarters",
        "trial",
        "convention",
        "congress",
        "exhibition",
        "show",
        "concert",
    }
)
#: Modal verbs that make a statement a possibility, not a fact to ask where it happened.
HEDGE_MODALS: frozenset[str] = frozenset({"could", "may", "might", "would", "should"})

#: Units of a technical specification ("60 frames per second", "a 3.2GHz chip"): in a story
#: about a product's price or launch, blind editors called the spec figure trivia
#: (:func:`salience.spec_figure`).
SPEC_UNITS: tuple[str, ...] = (
    "ghz",
    "mhz",
    "khz",
    "fps",
    "frames per second",
    "frames a second",
    "megapixels?",
    "mega-pixels?",
    "pixels",
    "gigabytes?",
    "megabytes?",
    "terabytes?",
    "gb",
    "mb",
    "tb",
    "kbps",
    "mbps",
    "gbps",
    "bits? per second",
    "mah",
    "rpm",
    "dpi",
    "bit",
    "cores?",
    "inch screen",
    "-inch",
    "nanometres?",
    "nanometers?",
    "nm",
)
#: Nouns of a population counted in a background statistic ("five million households own a
#: digital radio"): :func:`salience.background_stat`.
POPULATION_NOUNS: tuple[str, ...] = (
    "people",
    "adults",
    "households",
    "homes",
    "families",
    "consumers",
    "users",
    "Britons",
    "Americans",
    "Europeans",
    "children",
    "teenagers",
    "viewers",
    "owners",
    "subscribers",
)
#: Verbs of owning or using that a background statistic counts people by.
OWNING_VERBS: tuple[str, ...] = (
    "own",
    "owns",
    "owned",
    "have access to",
    "has access to",
    "use",
    "used",
    "uses",
    "subscribe to",
    "subscribed to",
    "watch",
    "watched",
    "play",
    "played",
    "download",
    "downloaded",
)
#: Steps of procedure a body takes ("the bill was referred to the committee on Tuesday"):
#: which body took the step, and on which day, blind editors called trivia.
PROCEDURAL_STEPS: tuple[str, ...] = (
    "referred",
    "tabled",
    "adjourned",
    "deferred",
    "second reading",
    "third reading",
    "first reading",
    "committee stage",
    "report stage",
    "rubber-stamped",
    "nodded through",
    "sent back",
    "put to a vote",
    "voted to refer",
    "voted to send",
    "scheduled a vote",
    "postponed a vote",
    "delayed a vote",
    "debated",
)
#: Superlatives of size or rank that describe an actor ("the country's biggest foreign
#: exchange dealer"): :func:`salience.standing`.
STANDING_SUPERLATIVES: frozenset[str] = frozenset(
    "biggest largest smallest oldest richest busiest".split()
)
#: Verbs that pin a word or two of verdict on something ("called the targets "reasonably
#: impressive""): :func:`salience.passing_verdict`.
VERDICT_VERBS: frozenset[str] = frozenset("call describe dub brand label term hail".split())
#: Head nouns of a description that stands for a person ("The French star", "The Tory
#: leader"): the story's main person (:mod:`~quizapp.engine.descriptions`), or a rival
#: antecedent to a leading "he"/"she" (:mod:`~quizapp.engine.pronouns`).
PERSON_ROLES: frozenset[str] = frozenset(
    "star actress actor singer player striker midfielder defender goalkeeper athlete runner "
    "leader minister chancellor president chairman chairwoman boss manager coach presenter "
    "musician director comedian veteran champion captain secretary mayor entrepreneur founder "
    "spokesman spokeswoman frontman rapper author writer artist tycoon businessman "
    "businesswoman politician governor senator premier model".split()
)

# --- Sides and roles read from the article, for person wrong options (roles9) --------------
#: Headings of a match report's lines that go on with the team named before them on the same
#: line ("Newcastle: Given, Carr ... Subs Not Used: Harper"): its substitutes, its bookings.
LINEUP_CONTINUED: frozenset[str] = frozenset(
    "subs|subs not used|substitutes|substitutes not used|replacements|booked|bookings|"
    "sent off|dismissed|sin bin|sin-binned".split("|")
)
#: Headings that are no team ("Referee: M Riley", "Att: 52,000"): they end a team's line-up.
LINEUP_NOT_TEAMS: frozenset[str] = frozenset(
    "referee|ref|att|attendance|venue|goals|scorers|scorer|tries|try|cons|pens|drop goal|"
    "coach|manager|kick-off|kick off|result|results|score|half-time|full-time|squad|"
    "backs|forwards|contact|note|notes|update|source|sources|photo|video".split("|")
)
#: Verbs by which one person acts on another in one event ("Hill visited Evans' stall",
#: "Ross fouled Hart", "Kerr apologised to Dunn", "Lee passed to Cole"): the one acted on
#: (or the actor) is the key's counterpart, never a believable stand-in for him.
COUNTERPART_VERBS: frozenset[str] = frozenset(
    """visit apologise apologize foul tackle pass cross thank congratulate console hug greet
    interview book caution punch kick elbow headbutt""".split()
)
#: Verbs that place a player in his team's colours ("who scored for Rovers", "playing for
#: Town"): the team after "for" is his side.
SIDE_VERBS: frozenset[str] = frozenset(
    """score scored scores scoring play played plays playing sign signed signs captain
    captained captains net netted nets strike struck kept keep keeps appear appeared
    appears start started starts""".split()
)
#: Worlds of job whose people judge another world's (a critic the film-makers, a referee the
#: players): a person of the judged world is never a wrong answer for the judge, nor the
#: judge for him.
JUDGING_WORLDS: frozenset[str] = frozenset({"critic", "referee"})

#: Verbs that state a match won, the winner as subject and the loser as object ("Rovers beat
#: City 3-1"): a result question asks "By what score did Rovers beat City?" (score10)
RESULT_WIN_VERBS: tuple[str, ...] = (
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeats",
    "defeating",
    "thrashed",
    "thrashing",
    "edged",
    "routed",
    "overcame",
)
#: ... a match drawn ("drew 2-2 with City") and one lost ("lost 3-1 to City")
RESULT_DRAW_VERBS: tuple[str, ...] = ("drew", "draws", "drawing")
RESULT_LOSS_VERBS: tuple[str, ...] = ("lost", "loses", "losing")
#: Rugby scores no side can reach (a try is worth 5, a penalty 3, a conversion 2 after a
#: try): made-up rugby scorelines avoid them
IMPOSSIBLE_RUGBY_SCORES: frozenset[int] = frozenset({1, 2, 4})

#: Capitalised words that end an office or an institution's name ("Economy and Labour
#: Minister ...", "Shadow Home Secretary ...", "Bank of England"): the capitalised words
#: before them are part of the title and keep their capitals at the start of a statement.
TITLE_HEADS: frozenset[str] = frozenset(
    """minister ministers secretary chancellor party bank office department ministry
    commission council committee court union agency authority board association federation
    league institute university college service police trust fund corporation""".split()
)
#: Words before an office that are not part of its name ("former Foreign Secretary ...",
#: "senior Bank of England officials"): lower case at the start of a statement.
TITLE_PREMODIFIERS: frozenset[str] = frozenset(
    "former ex then late acting outgoing incoming retired veteran senior junior new".split()
)

#: Singular nouns for a group that British news refers back to as "they" ("his side did not
#: score in their win"): an antecedent for "they"/"their" inside one clause (attribution.py).
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    {"side", "team", "squad", "club", "band", "group", "government", "party", "family", "crew"}
)
#: Words that open a conceded clause ("Although sales fell, ..."): cut when the main clause
#: reads alone (claims.py, verification.py).
CONCESSIONS: frozenset[str] = frozenset({"although", "though"})
#: Titles before a person's name ("Acme's Dr Smith", "Labour's Mr Livingstone"), lower-cased
#: (mutations.py; document.py, sides.py and context.py keep their own near copies).
PERSONAL_TITLES: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof"}
)
#: What an empty "it" is ("it was time to ...", "it is likely that ..."): with a to-clause or a
#: that-clause after it, such an "it" points at nothing outside the clause (attribution.py).
EMPTY_IT_PREDICATES: frozenset[str] = frozenset(
    "time likely unlikely possible impossible clear unclear important vital essential "
    "necessary right wrong wise unwise fair unfair hard difficult easy unacceptable "
    "inevitable true".split()
)

#: Counts written as words, two to twelve, by value: a lead's "five uncapped players" or "two
#: new domain names" is the story's figure as surely as "5%" is (see recall.word_counts).
COUNT_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
    if i >= 2
}

#: The periods "this" names by the article's own date ("this week", "this year's final"):
#: as plain to a reader as "last year", unlike "this" pointing at another sentence's thing
#: ("this put", "this is despite ..."). Not "this time", which compares with another time.
THIS_PERIODS = frozenset(
    {"week", "weekend", "month", "year", "season", "summer", "winter", "spring", "autumn"}
)

#: The head nouns of a time span ("for six years", "the three months to December"): when or
#: how long, never a set of things the reader must be told ("the two banks": which ones?).
SPAN_NOUNS: frozenset[str] = frozenset(
    "second minute hour day week month year decade century time season term".split()
)

#: Common nouns for a person that a "she" or "his" later in the lead stands for ("A US airline
#: attendant suspended over images on her blog says she ..."), beside :data:`PERSON_ROLES` and
#: the jobs of :data:`JOB_CLASSES` (see context.lead_antecedent).
PERSON_NOUNS: frozenset[str] = frozenset(
    "man woman boy girl teenager pensioner mother father wife husband son daughter widow "
    "attendant blogger weblogger journalist reporter worker employee teacher doctor nurse "
    "pilot officer student driver fan singer actress actor judge lawyer banker soldier "
    "priest patient suspect customer".split()
)

#: Verbs of a sentence or a ban whose term the lead states ("jailed for 14 years", "banned for
#: two years", "sentenced to six years"), and the places a term is served in ("sent to prison
#: for three years"): the story's main point, asked by recall.lead_terms.
TERM_VERBS: frozenset[str] = frozenset("jail imprison sentence ban suspend".split())
TERM_PLACES: frozenset[str] = frozenset({"prison", "jail", "gaol"})
#: The units of such a term.
TERM_UNITS: frozenset[str] = frozenset({"year", "month", "week"})
#: The terms a made-up wrong value is drawn from (in the key's unit), besides the key's value.
TERM_LADDER: tuple[int, ...] = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 20, 25, 30, 40)

#: Nouns of a change that an aside puts beside a level ("closed at $40.15 - a drop of 5.1% -"):
#: the aside glosses the figure before it, a minor detail blind judges rejected as a question.
ASIDE_CHANGE_NOUNS: frozenset[str] = frozenset(
    {
        "drop",
        "fall",
        "decline",
        "dip",
        "slide",
        "loss",
        "rise",
        "gain",
        "increase",
        "jump",
        "climb",
        "rebound",
    }
)

#: Openers of a sentence that sets a side example against the story ("In comparison, the
#: film took ..."): its figures, and those of the next sentence that goes on with the same
#: verb, are a side comparison, not the story (blind judges, 2.13.0 and 2.14.0 tuning).
COMPARISON_OPENERS: tuple[str, ...] = (
    "in comparison",
    "by comparison",
    "for comparison",
    "in contrast",
    "by contrast",
    "in comparison with",
    "in comparison to",
)


#: Last words of a sports club's name ("Manchester United", "Aston Villa"), lower case: the
#: small model tags such a name a person's (:func:`quizapp.engine.nlp.club_name`).
CLUB_WORDS: frozenset[str] = frozenset(
    "united city rovers athletic wanderers albion rangers hotspur villa county town fc afc "
    "argyle orient celtic thistle".split()
)
