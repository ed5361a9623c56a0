"""Small built-in word lists: typed distractor pools, antonyms, comparisons, quantifiers.

Lists are tuples (ordered) so that every choice drawn from them is deterministic.
"""

from __future__ import annotations

COMPANY_SECTORS: dict[str, tuple[str, ...]] = {
    "tech": (
        "Nvidia", "Huawei", "Alibaba", "Tencent", "ByteDance", "Baidu", "Intel", "AMD",
        "Qualcomm", "Samsung", "Microsoft", "Google", "Apple", "IBM", "Amazon", "Meta",
        "Oracle", "Sony", "Xiaomi", "Lenovo",
    ),
    "media": (
        "Time Warner", "Disney", "Viacom", "News Corp", "Bertelsmann", "Vivendi", "Comcast",
    ),
    "airline": ("British Airways", "Lufthansa", "Air France", "KLM", "Ryanair", "easyJet"),
    "steel": ("ThyssenKrupp", "Corus", "Arcelor", "Nippon Steel", "JFE Holdings", "Posco"),
    "telecom": ("Vodafone", "O2", "T-Mobile", "Orange", "BT", "Deutsche Telekom"),
    "bank": ("Barclays", "HSBC", "Lloyds", "Nationwide", "Citigroup", "JP Morgan"),
}
COMPANIES: frozenset[str] = frozenset(
    name.lower() for names in COMPANY_SECTORS.values() for name in names
) | frozenset({"aol", "openai", "tesla", "spacex", "mozilla", "netscape", "cellnet"})

COUNTRY_LIST: tuple[str, ...] = (
    "China", "Japan", "India", "South Korea", "Taiwan", "Germany", "France", "Italy", "Spain",
    "Russia", "Brazil", "Canada", "Australia", "Mexico", "Iran", "Iraq", "Israel", "Egypt",
    "Kenya", "Nigeria", "South Africa", "Tanzania", "Mozambique", "Wales", "England",
    "Scotland", "Ireland", "Britain", "the UK", "the US", "Vietnam", "Indonesia", "Turkey",
    "Poland", "Sweden", "Norway", "Netherlands", "Belgium", "Switzerland", "Afghanistan",
)
COUNTRIES: frozenset[str] = frozenset(c.lower() for c in COUNTRY_LIST) | frozenset(
    {"uk", "us", "usa", "united states", "united kingdom"}
)
CITY_LIST: tuple[str, ...] = (
    "London", "Paris", "Berlin", "Tokyo", "Beijing", "Shanghai", "New York", "Washington",
    "Moscow", "Madrid", "Rome", "Nairobi", "Cape Town", "Pittsburgh", "Amsterdam",
    "Edinburgh", "Cardiff", "Manchester", "Sydney", "Toronto",
)
CITIES: frozenset[str] = frozenset(c.lower() for c in CITY_LIST)

# all-caps tokens the model tags as organisations but which are ordinary nouns
NOT_ENTITIES: frozenset[str] = frozenset(
    {"AI", "CEO", "TLDR", "TL;DR", "GDP", "IT", "TV", "PC", "HIV", "AIDS", "HIV/AIDS", "NET",
     "CFO", "PR", "UN-", "Q1", "Q2", "Q3", "Q4", "EU-"}
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)

# word -> opposite, same inflection, so no inflection library is needed. Curated: only verbs
# and adjectives whose swap leaves a clean, grammatical and plainly false statement ("allowing
# X to buy" -> "banning X to buy" is not English, so "allow"/"ban" are not here; nor are
# nouns such as "decline", whose swap rarely reads well).
ANTONYMS: dict[str, str] = {
    "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise", "rises": "falls",
    "falls": "rises", "rising": "falling", "falling": "rising", "risen": "fallen",
    "fallen": "risen", "increased": "decreased", "decreased": "increased",
    "increase": "decrease", "decrease": "increase", "increases": "decreases",
    "decreases": "increases", "increasing": "decreasing", "decreasing": "increasing",
    "grew": "shrank", "grown": "shrunk", "grow": "shrink", "grows": "shrinks",
    "growing": "shrinking", "jumped": "dropped", "dropped": "jumped", "climbed": "fell",
    "gained": "lost", "lost": "gained", "gain": "lose", "lose": "gain",
    "approved": "rejected", "rejected": "approved", "accepted": "rejected",
    "strong": "weak", "weak": "strong",
    "won": "lost", "welcomed": "criticised", "criticised": "welcomed",
    "raised": "lowered", "lowered": "raised", "expanded": "reduced",
    "slumped": "soared", "soared": "slumped", "tightened": "loosened",
    "tightly": "loosely", "reduce": "increase", "reducing": "increasing",
    "surpass": "trail", "surpassed": "trailed", "surpasses": "trails",
}
# verbs and adverbs of direction: swapping one beside two related figures ("rose to $11.1bn
# from $10.9bn") contradicts the figures themselves, a give-away rather than a wrong answer
DIRECTION_WORDS: frozenset[str] = frozenset(
    {"rise", "fall", "increase", "decrease", "grow", "shrink", "jump", "drop", "climb",
     "gain", "lose", "slump", "soar", "raise", "lower", "up", "down", "decline", "slide",
     "dip", "plunge", "cut", "boost", "expand", "reduce", "surge", "tumble", "higher",
     "lead", "trail"}
)
# pairs where the change reverses a comparison rather than flips a word's meaning
COMPARISONS: dict[str, str] = {
    "more": "less", "less": "more", "fewer": "more", "higher": "lower", "lower": "higher",
    "larger": "smaller", "smaller": "larger", "bigger": "smaller", "greater": "smaller",
    "better": "worse", "worse": "better", "above": "below", "below": "above",
    "biggest": "smallest", "largest": "smallest", "smallest": "largest", "best": "worst",
    "worst": "best", "highest": "lowest", "lowest": "highest", "most": "least",
    "least": "most", "faster": "slower", "slower": "faster", "fastest": "slowest",
    "earlier": "later", "later": "earlier",
    "surpass": "trail", "surpasses": "trails", "surpassed": "trailed", "outstripping": "trailing",
    "first": "last",
}
# comparatives reversed only in an explicit comparison ("more robots than", "higher than"):
# superlatives ("worst hit" -> "best hit") and bare comparatives rarely reverse cleanly
EXPLICIT_COMPARATIVES: frozenset[str] = frozenset(
    {"more", "less", "fewer", "higher", "lower", "larger", "smaller", "bigger", "greater",
     "better", "worse", "faster", "slower", "earlier", "later"}
)
# replacements that make a quantified statement false (never a mere generalisation)
QUANTIFIERS: dict[str, str] = {
    "all": "no", "every": "no", "most": "few", "many": "few", "majority": "minority",
    "always": "never", "never": "always", "some": "no",
    "nearly": "over", "almost": "over", "over": "under", "under": "over",
    "more than": "less than", "less than": "more than", "at least": "at most",
    "up to": "at least", "just over": "just under", "just under": "just over",
}

# discourse openers dropped from the front of statements and stems
DISCOURSE = (
    "however", "but", "and", "meanwhile", "yet", "also", "so", "still", "moreover",
    "furthermore", "in addition", "indeed", "thus", "therefore", "then", "now", "overall",
    "meantime", "separately", "in comparison", "by contrast", "in contrast", "instead",
)
REPORTING_VERBS = frozenset(
    {"say", "report", "add", "tell", "claim", "state", "suggest", "show", "reveal", "note",
     "explain", "insist", "argue", "believe", "think", "estimate"}
)
HEDGES = frozenset(
    {"may", "might", "could", "would", "should", "possibly", "perhaps", "likely", "expect",
     "believe", "think", "hope", "suggest", "predict", "forecast", "probably"}
)
DECISION_VERBS = frozenset(
    {"approve", "announce", "ban", "agree", "decide", "sign", "grant", "sentence", "jail",
     "launch", "cut", "raise", "impose", "allow", "reject", "release", "resign", "appoint",
     "acquire", "buy", "sell", "pay", "fine", "win", "lose", "elect", "introduce", "close",
     "open", "restate", "offer", "propose", "arrest", "charge"}
)
