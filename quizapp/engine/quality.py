"""What blind editors refused, as checks: context a taker lacks, copied faults, trivia.

One home for the text-level rules every generator applies to what it shows a quiz taker
(a statement, a stem): blind judges of earlier quizzes rejected items whose text leaned on
another sentence ("also", "however", "the film"), carried the article's own typos ("the.post",
"250,000, people"), or asked about a weekday, a clock time or a bracketed conversion.
Each rule below names the failure it stops; tests in ``tests/engine/test_quality.py``.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import DEMONYMS, PERSON_DEMONYMS, TITLE_HEADS, TITLE_PREMODIFIERS, WEEKDAYS

# Discourse words that point at another sentence: "X also said", "However, ...", "afterwards".
_DISCOURSE = re.compile(
    r"\b(also|however|meanwhile|afterwards|instead|nevertheless|nonetheless|moreover|"
    r"furthermore|likewise|similarly|therefore|thus|again|otherwise|besides|"
    # "too" meaning "as well" ("Brazil too has ...", "with Blu-ray too,"), not a degree
    # before its word ("too high", "far too many")
    r"too(?!\s+(?!(?:has|have|had|is|was|are|were|will|would|can|could|may|might|must|"
    r"should|said|says|did|does|do)\b)[a-z])|"
    # ("X's debt as well as its costs": "as well as" joins two things, it points nowhere; but
    # a claim opening on it, "As well as filing suits, X ...", is cut to its main clause)
    r"respectively|anyway|as well(?! as\b))\b|^as well as\b",
    re.I,
)
# A sentence that opens mid-argument: "But ...", "And ...", "So ...", "Although ...".
_OPENS_MID = re.compile(r"^(but|and|or|so|although|though|while|whereas|because|yet)\b", re.I)
# Definite descriptions that need their antecedent unless a name or complement follows:
# "the film", "the news", "the standard", "that fight", "both".
_NEEDS_ANTECEDENT = re.compile(
    r"\b(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]hese|[Tt]hose) (?:new |latest |same |first |second |final |"
    r"[A-Z][a-z]+(?:ish|ian|ese|ch|an) |[A-Z][a-z]+ (?=(?:athlete|runner|sprinter|golfer|boxer)\b)|"
    r"current |two |three |original |previous |whole |coming year's |home |away |visiting |"
    # ("put the third seeds ahead": which team? blind editors asked "of what?")
    r"third |fourth )?"
    r"(film|movie|album|book|show|song|single|series|novel|play|"
    r"news|result|results|standard|fight|event|match|game|tournament|competition|award|"
    r"prize|ceremony|contest|campaign|report|survey|study|research|figures?|share|shares|"
    r"price|prices|sale|sales|rate|level|index|product|device|service|scheme|plan|bill|law|"
    r"rule|ruling|case|trial|verdict|inquiry|investigation|visit|trip|tour|speech|"
    r"meeting|talks|deal|agreement|move|decision|announcement|issue|problem|situation|"
    r"changes?|idea|system|technology|format|site|website|firm|company|group|club|side|"
    r"division|subsidiary|"
    r"team|squad|band|star|singer|actor|actress|player|pair|duo|trio|couple|latter|"
    r"former|country|city|region|spokesman|spokeswoman|programme|project|venture|"
    r"attack|incident|action|title|names|cartel|scandal|affair|row|feud|war|dispute|"
    r"reduction|increase|cut|rise|fall|charity|proposal|saga|twist|pair|text|document|"
    r"victim|winner|loser|newcomer|veteran|striker|midfielder|defender|goalkeeper|forward|"
    r"manager|coach|boss|champion|seed|seeds|sides|teams|clubs|firms|companies|countries|parties|"
    r"men|women|period|athlete|runner|sprinter|golfer|boxer|actors|actresses|players|cast)\b"
    # ("the players' union" is a body of its own, not players another sentence names)
    r"(?!' (?:union|association|federation|body|representatives?)\b)"
    # nor is a whole trade or a stage of a contest ("The film industry says ...", "in the group
    # stages"): the noun only qualifies the head after it, which needs no antecedent
    r"(?!\s+(?:industry|industries|sector|stages?)\b)"
    # ("for" says which one, "the plan for X", but not when it says how long: "working on
    # the problem for a few seconds")
    r"(?!\s+(?:(?:of|to|for(?! (?:a |an )?(?:few |couple of )?(?:\d+ |two |three |several )?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)|"
    r"between|with|on|by|from|over|against|called|named|titled|"
    r"which|who|whose|where)\b|"
    r"[A-Z0-9\"']))",
)
_OPENERS = frozenset(
    {
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "its",
        "their",
        "his",
        "her",
        "it",
        "after",
        "before",
        "when",
        "as",
        "for",
        "last",
        "this",
        "that",
        "there",
        "he",
        "she",
        "they",
        "we",
        "i",
        "one",
        "two",
        "three",
        "some",
        "many",
    }
)


def name_before(text: str) -> bool:
    """Whether a capitalised name (not merely the sentence's first word) stands in ``text``."""
    words = re.findall(r"[A-Za-z][A-Za-z'.&-]*", text)
    return any(w[0].isupper() and (i > 0 or w.lower() not in _OPENERS) for i, w in enumerate(words))


# "a later one in Rio", "the first one": "one" stands for a noun of another sentence
_ONE = re.compile(
    r"\b(?:a|an|the) (?:later|earlier|first|second|third|last|new|previous|similar|bigger|"
    r"smaller|larger|other) one\b(?! of\b)",
    re.I,
)
# "a similar proposal", "the same thing": compared with something in another sentence
_SIMILAR = re.compile(
    r"\b(?:a|an|the) (?:similar|same|comparable|like) [a-z]+\b(?! (?:as|to)\b)"
    # "operators of similar networks": similar to what? (blind editors, 2.16.1); never where
    # the sentence says ("domestic violence and other similar incidents", "similar phones,
    # such as the Z9")
    r"|\b(?:of|against|on|at|in|for|from|by|with|to) similar [a-z]+s\b"
    r"(?! (?:as|to)\b)(?!,? (?:such as|like|including)\b)",
    re.I,
)
# "The Argentine had stoked up the temperature", "the Dutchman was": a nation's word standing
# for a person (followed by a verb or a comma, never a noun: "the Italian firm")
_PERSON_BY_NATION = re.compile(
    r"\b[Tt]he (?:" + "|".join(PERSON_DEMONYMS) + r")(?:'s)?"
    r"(?=,| (?:had|has|was|is|said|says|added|adds|admitted|insisted|appeared|"
    r"claimed|will|would|could|can|won|wins|lost|beat|beats|scored|took|made|went|came|looked|"
    r"needed|now|then|also|who)\b)"
)
# ", analysts say," inside a statement, more of it after: "the article says that X, analysts
# say, especially as ..." reads as a botched copy (a closing ", MPs have said." reads fine)
_REPORTING_ASIDE = re.compile(
    r",\s+(?:[A-Za-z'-]+\s+){1,3}(?:say|says|said|believe|believes|argue|argues),"
)
# "Four months later, ...", "A week earlier, ...": later or earlier than what another
# sentence tells (2.6.0)
# (and a bare opening "Earlier, ..." or "Later, ...": cut to the main clause, see claims.py)
_RELATIVE_TIME = re.compile(r"^(?:[\w-]+ ){1,3}(?:later|earlier)\b|^(?:later|earlier)\b", re.I)
# ("Both Fiat and GM ...": the two are named, nothing leans back)
_BOTH = re.compile(
    r"^(both(?! [A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*)* and [A-Z])|neither|each|all|the two|the pair)\b",
    re.I,
)
# "The wistful romantic comedy directed by X has won ...": a work described by its genre, its
# title left in another sentence; "the experiment cost $12": which experiment? (blind
# editors, 2.8.0: "not named in the stem", "says 'the experiment' without saying which")
_DESCRIBED_WORK = re.compile(
    r"\b[Tt]he (?:[a-z][\w-]* ){0,3}(?:comedy|drama|thriller|documentary|musical|sitcom|"
    r"soap|biopic|sequel|remake|blockbuster|animation|experiment|demonstration)\b"
    # (not "test" or "exercise": "the blood test could detect", "the exercise involved 5,000
    # troops" are ordinary news; nor a compound's first noun: "the comedy club", "the drama
    # school")
    r"(?!-|\s+(?:(?:of|called|named|titled|on|into|at|in|club|clubs|school|schools|festival|"
    r"series|star|stars|writer|writers|director|maker|makers|industry|genre|team|group|"
    r"kit|kits|site|sites|centre|center|lab|laboratory)\b|[A-Z0-9\"']))"
)
# "The Linux-based machine was reported to have reached ...", "The new plan will ...": a
# thing the claim's subject describes but never names, its name left in another sentence
# (blind judges, dev 2.9.0: "which machine?"). Only a described subject: a modifier that
# describes (hyphenated, or an adjective: "new", "proposed", "controversial"), none that
# names or owns ("The BBC show", "The court system" is an institution); nor one named or
# specified right after ("The new machine, Blue Gene/L,", "the new plan for schools").
_UNNAMED_SUBJECT = re.compile(
    r"^[Tt]he (?:[a-z][\w-]* )?(?:[A-Za-z0-9\u00a3$][\w.\u00a3$]*-[\w-]+|new|latest|proposed|"
    r"planned|controversial|revised|rival|original|former|previous|same|[a-z]+(?:ised|ized|"
    r"ial|ic|ive|ous|ful|less|able|ible))(?: [a-z][\w-]*)? (?:machine|system|computer|device|"
    r"product|film|show|plan|scheme|deal|report|bill|programme|program|project|proposal|"
    r"console|gadget|handset|software|service|game|album|novel|book|study|survey)\b"
    r"(?!-|\s*,\s*[A-Z\"'\u201c]|\s+(?:called|named|dubbed|known|of|for)\b)"
)
# "in both of the next two sets", "the previous three games": next after what? ("over the
# next six months" counts from now: a period, not a thing of another sentence)
_COUNTED_AFTER = re.compile(
    r"\b[Tt]he (?:next|following|previous|preceding|remaining) (?:two|three|four|five|six|few|"
    r"\d+) (?!(?:hours|days|weeks|months|years|decades|seasons|quarters|terms|sessions)\b)[a-z]+s\b"
)
# "some European and US companies are on the brink": a share of a group another sentence
# names ("airlines": which companies?); "some" or "many" before a bare kind of business
_SOME_OF_THEM = re.compile(
    r"\b(?:[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Ff]ew|[Mm]ost)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?)*"
    r"(?:companies|firms|businesses|carriers|operators|rivals)\b"
)
# "the price of both benchmark crudes": "both" before a plural noun, with no "X and Y" before it
# in the text, points at two things named elsewhere (2.5.0-verify)
_BOTH_MID = re.compile(r"\bboth\s+(?!the\b|of\b)(?:[a-z-]+\s+)?[a-z-]+s\b(?!\s+and\b)")
# Copied faults: "the.post" (no space after a full stop), "250,000, people", " ,", "the the".
_NO_SPACE = re.compile(r"(?<![A-Za-z.])[a-z]{2,}\.[a-z]{2,}\b")
_STRAY_COMMA = re.compile(
    r"(?:\d,\d{3}|_____),\s+(?!and\b|or\b|but\b|while\b|which\b|who\b|with\b|"
    r"up\b|down\b|a\b|an\b|the\b|according\b)[a-z]+"
)
_SPACE_PUNCT = re.compile(r"\s[,;:.!?](?:\s|$)")
# two conjunctions in a row ("from BMW and but hopes to ..."): a botched edit of the article
_CONJ_PAIR = r"\b(?:and|or|but)\s+(?:and|or|but)\b"
# (not a tennis score's games: "beat X 1-6 6-4 6-4" has "6 6" with a hyphen either side)
_DOUBLED = re.compile(r"(?<!-)\b(\w+)\s+\1\b(?!-)|" + _CONJ_PAIR, re.I)
# "a huge debt burden of an estimated debt of ...": a noun echoed across "of", clumsy in the
# article and rejected as such in a question (2.10.0)
_NOUN_ECHO = re.compile(
    r"\b([a-z]{4,})\s+[a-z]+\s+of\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,2}\1\b", re.I
)
_TRAILING_LEAD = re.compile(r"\b(include|including|are|were|is|was|as|such as|namely|:)\.?$", re.I)
# Trivia: a clock time, a weekday, a time zone.
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{3,4} ?(GMT|BST|CET|EST|PST|ET|GMT\+\d)\b|"
    r"\b\d{1,2} ?(am|pm|a\.m\.|p\.m\.)",
    re.I,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")('s)?\b")
# A bounded figure: another value could stay true ("more than 1,000" holds at 1,200). An
# estimate ("nearly 421,000") is fine: the other values are far from it.
APPROXIMATE = re.compile(
    r"\b(more than|over|up to|at least|at most|less than|fewer than|under|below|above|"
    r"just over|just under|as many as|as much as|as few as|upwards of|in excess of|"
    r"exceeded|exceeding|beyond|within|inside|inside the opening|within the first|"
    r"inside the first|in under|topped|top)\s*$",
    re.I,
)
# A sports score or a range: "1-1", "5-1", "2-3%".
_SCORE_OR_RANGE = re.compile(r"^\d+\s*[-\u2013]\s*\d+$|^[-\u2013]|[-\u2013]$")


# Play-by-play of a match report: who crossed, headed, fouled, from how many yards. Blind
# editors rejected these as trivia; the result and what it means is the story.
_PLAY_BY_PLAY = re.compile(
    r"\b(header|headed|heading|free[ -]kick|corner|yards|back post|far post|near post|"
    r"crossbar|the bar|the box|volley(?:ed)?|crossed|tackle|fouled|booked|near miss|"
    r"clean sheet|break point|set point|match point|double fault|rebound|half-time|"
    r"in the \d+(?:st|nd|rd|th) minute|bringing on|brought on|substitut\w*|"
    r"made (?:two|three|four) changes|"
    # a cricket report's moments (both blind judges of a fresh Test report, 2.19.1:
    # "scorecard trivia", "the next over has no context")
    r"caught behind|bowled|lbw|stumped|run out|resumed|half[- ]century|wicket partnership|"
    r"boundaries|for (?:four|six)|the next over)\b",
    re.I,
)


# a goal is the story of a match: who scored, and when, editors accepted
_SCORING = re.compile(r"\b((?<!from )goals?|scored|scores|scoring|equali[sz]er|winner|net)\b", re.I)


# a foul, a booking or a near miss is never the story, even beside the word "goal"
_MISHAP = re.compile(
    r"\b(fouled|foul|booked|near miss|crossbar|the bar|tackle|skimmed|hauled)\b", re.I
)


# "X said he was "totally shocked" to be included", "said he thought it was a great idea",
# (one person's; "respondents said they were worried" is a survey's finding)
# "Mr Obermann added that ...": a person's own feelings or an afterthought, which blind
# editors called colour ("a passer-by's opinion", "a general closing remark"), never the news
_SIDE_REMARK = re.compile(
    r"\bsaid (?:that )?(?:he|she|I) (?:was|were|is|are|had been|felt|feels|thought|"
    r"thinks|loved|loves|liked|likes)\b(?! (?:to|not|unlikely|likely|confident|\w+ing to)\b)"
    r"|\badded that\b",
    re.I,
)


# "won 6-3 2-6 7-5", "broke in the 11th game": a set-by-set scoreline or the count of a game
# is the match's bookkeeping, which blind editors called trivia ("hinges on the exact
# scoreline and the game number"); the result a report leads with is asked instead
_SCORE = re.compile(r"(?<![\d.,-])\d{1,2}-\d{1,2}(?![\d%-])")
# (not "the 18th hole": "birdied the 18th hole to win the Open" is the result itself)
_COUNTED_PLAY = re.compile(r"\bthe \d+(?:st|nd|rd|th) (?:game|set|over|lap|innings|frame)\b", re.I)
# three figure pairs are sets only in a match: "aged 18-24, 25-34 and 35-44" are age bands
_MATCH_WORDS = re.compile(
    r"\b(?:sets?|games?|tie-?breaks?|match|matches|beat|beats|beaten|defeat|defeated|won|wins?|"
    r"lost|loses|final|semi-final|quarter-final|round|seed|seeded)\b",
    re.I,
)


def scoreline(text: str) -> bool:
    """Whether the text gives a scoreline of three sets or more in a match, or counts a game or
    a lap (a goal's minute is left to :func:`play_by_play`: who scored is a match's story)."""
    sets = len(_SCORE.findall(text)) >= 3 and bool(_MATCH_WORDS.search(text))
    return sets or bool(_COUNTED_PLAY.search(text))


# "In London, the FTSE 100 index closed 15 points higher": a share index's points and closing
# level in a story that is not about markets (an oil or a bank story) is market bookkeeping,
# which blind editors called trivia
_MARKET_INDEX = re.compile(
    r"\b(?:FTSE|Dow Jones|Dow|Nasdaq|Nikkei|S&P|Dax|DAX|CAC|Hang Seng|Sensex|Kospi)\b|"
    r"\b(?:share|stock|benchmark) index\b"
)
_MARKET_STORY = re.compile(
    r"\b(?:shares?|stock ?markets?|stock exchange|markets|index|indices|FTSE|Dow|Nasdaq|Nikkei|"
    r"investors?|equities|bourse|traders)\b",
    re.I,
)


# an index's level or move, not the name alone: "S&P cut Greece's credit rating" is a rating
# agency, "the Nikkei business daily reported" a newspaper, "Dow Chemical" a company
_MARKET_MOVE = re.compile(
    r"\b(?:index|indices|points?|closed (?:at|up|down|higher|lower|\d)|(?:rose|fell|gained|"
    r"lost|added|shed|dropped|climbed|slipped|jumped|ended|finished) (?:by )?[\d.,]+"
    r"(?:%| ?per ?cent| points)?)\b|\b(?:FTSE|Nasdaq|Dax|DAX|CAC|Sensex|Kospi) \d+"
)
_NOT_AN_INDEX = re.compile(
    r"\bDow (?:Chemical|Corning|Jones Newswires)\b|\bS&P (?:Global )?Ratings?\b"
)


def market_aside(text: str, about: str) -> bool:
    """Whether the text reports a share index's level or move where the story (``about``: its
    headline and lead) is not about markets."""
    if not _MARKET_INDEX.search(_NOT_AN_INDEX.sub(" ", text)) or not _MARKET_MOVE.search(text):
        return False
    return not _MARKET_STORY.search(about)


# "a huge red and gold upholstered throne and a stripy deckchair": colours and materials are a
# feature's description, which blind editors called decorative colour, not substance
_DECOR = re.compile(
    r"\b(?:red|blue|green|yellow|pink|purple|orange|black|white|grey|gray|brown|crimson|"
    r"scarlet|stripy|striped|spotted|tartan|upholstered|velvet|silk|leather|wooden|marble|"
    r"ornate|gilded|colourful|colorful)\b"
    # gold and silver are commodities and medals; "red card", "green light", "red tape",
    # "black market", "white paper" are no description
    r"(?! (?:medals?|cards?|jerseys?|light|tape|market|paper|collar|list|belt|box|hole|"
    r"flag|line|zone)\b)(?!-)"
    # "blue-chip" is no colour, nor "black and white pupils" a description of how things look
    r"(?!(?: and [a-z]+)? (?:people|pupils|students|voters|men|women|children|boys|girls|"
    r"workers|families|residents|Americans|Britons|South Africans|communities|officers|players|"
    r"candidates|households|graduates|applicants|patients|population|majority|minority)\b)"
)


def decor(text: str) -> bool:
    """Whether the text describes how things look: two colour or material words or more
    (written in lower case: "Black Friday" and "the Green Party" are names)."""
    return len(_DECOR.findall(text)) >= 2


# "the bookmakers made him favourite", "with odds of 1/4", "looks the one to beat": a bookmaker's
# prices and pundits' tips are about who might win, never what happened (blind editors:
# "a bookmaker's quote about a bystander")
_ODDS = re.compile(
    r"(?<!the )(?<!all )(?<!at )\bodds\b(?! with)|\b(?:bookmakers?|bookies|Ladbrokes|William Hill|"
    r"Paddy Power|Betfair|favourite to (?:win|be|lift|take|leave)|the one to beat)\b",
)


def odds_talk(text: str, about: str = "") -> bool:
    """Whether the text is a bookmaker's or a tipster's talk of odds and favourites, in a
    story (``about``: its headline and lead) that is not itself about betting."""
    return bool(_ODDS.search(text)) and not _BETTING_STORY.search(about)


_BETTING_STORY = re.compile(r"\b(?:bet|bets|betting|gambling|bookmakers?|bookies|odds)\b", re.I)


# "The marginals are A, B, C and D, E, F and G": a rote list of five names or more
_NAME = r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*"
_NAME_RUN = re.compile(rf"(?:{_NAME}(?:, | and )){{4,}}{_NAME}")


def rote_list(text: str) -> bool:
    """Whether the text is mostly a list of five or more names (editors: "a rote list")."""
    return bool(_NAME_RUN.search(text))


def side_remark(text: str) -> bool:
    """Whether the text reports a speaker's own feelings or an added afterthought."""
    return bool(_SIDE_REMARK.search(text))


def play_by_play(text: str) -> bool:
    """Whether the text narrates a moment of play that is not a goal (a near miss, a foul, a
    header over the bar from 16 yards)."""
    if _MISHAP.search(text):
        return True
    return bool(_PLAY_BY_PLAY.search(text)) and not _SCORING.search(text)


# "X will also field a candidate", "has again denied": the claim stands alone without the word
# (after a bracketed short name too: "The Motion Picture Association (MPAA) also said")
_DROPPABLE = re.compile(r"(?<=[\w)]) (?:also|again) (?=[a-z])")
# "Hantuchova and Hrbaty then won": a "then" between subject and verb orders the claim after
# another one the quiz taker never sees; blind editors said it "refers to nothing". Never
# after a word it belongs to ("since then", "by then", "until then", "and then").
_THEN = re.compile(
    r"(?<=\w) then (?!(?:than|the|a|an|to|on|in|at|as|and|or|there|that|this|it)\b)(?=[a-z])"
)
_THEN_KEEPS = frozenset(
    "since by until till from before after than and but or even just only back until".split()
)


# "Wenger later accused X of cheating": a "later" or "earlier" between a named subject and its
# verb orders the claim after another sentence's event, yet carries no fact of its own; the
# claim reads true without it. Only right after a capitalised word, a name or a sentence's
# first word ("Police later said"; "Four months later" and "a week earlier" say when, and are
# refused by _RELATIVE_TIME instead).
_LATER = re.compile(r"(\b[A-Z][a-z][\w'-]*) (?:later|earlier) (?=[a-z]+ed\b|said\b|told\b)")


# "... to give commuters a fast connection too.": a closing "too" (in addition to what another
# sentence says) carries no fact either; never "too" before a word ("too seriously")
_TOO = re.compile(r",? too(?=[.!?]?[\"']?$)")


def _drop_then(text: str) -> str:
    out = []
    last = 0
    for m in _THEN.finditer(text):
        words = text[: m.start()].split()
        if words and words[-1].lower().strip(",") in _THEN_KEEPS:
            continue
        out.append(text[last : m.start()] + " ")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def drop_discourse(text: str) -> str:
    """The statement without a mid-sentence "also", "again" or "then", a closing "too", or a
    "later" after a named subject, which point at another sentence but carry no fact of
    their own ("Kennedy will also highlight" -> "Kennedy will highlight", "Smith later
    denied" -> "Smith denied"); every other discourse word still makes the text need
    context."""
    text = _TOO.sub("", _LATER.sub(r"\1 ", _DROPPABLE.sub(" ", text)))
    return _drop_then(text)


# "The 24-year-old had a goal disallowed": a person called by an age alone (both judges of a
# fresh article, 2.19.6: "names nobody")
_BY_AGE = re.compile(r"^[Tt]he \d{1,3}-year-old(?! [A-Z])(?! (?:man|woman|boy|girl)\b)")
# "Swift was equally surprised": as someone of another sentence was (a fresh article judged
# blind at 2.19.2: "'equally' needs missing context")
_AS_ANOTHER = re.compile(
    r"\b(?:was|were|is|are|be|been|felt|feels|seemed|seems|looked)\s+equally\b", re.I
)


def needs_context(text: str) -> bool:
    """Whether the text leans on another sentence (discourse words, "the film", "both")."""
    body = text.strip().strip('"').strip()
    if _OPENS_MID.match(body) or _BOTH.match(body) or _RELATIVE_TIME.match(body):
        return True
    if _DISCOURSE.search(body) or _SIMILAR.search(body) or _REPORTING_ASIDE.search(body):
        return True
    if _ONE.search(body) or _DESCRIBED_WORK.search(body) or _SOME_OF_THEM.search(body):
        return True
    if _COUNTED_AFTER.search(body) or _UNNAMED_SUBJECT.match(body):
        return True
    if _PERSON_BY_NATION.search(body) or _AS_ANOTHER.search(body) or _BY_AGE.match(body):
        return True
    if any(" and " not in body[: m.start()] for m in _BOTH_MID.finditer(body)):
        return True
    return any(not _possessive_after_name(body, m) for m in _NEEDS_ANTECEDENT.finditer(body))


_OWNERS = frozenset({"company", "firm", "group", "club", "side", "team", "companies", "firms"})
#: What a name earlier in the sentence is, said again: "the country's", "the band's".
_PLACES_AND_BANDS = frozenset({"country", "city", "region", "band"})


def _possessive_after_name(text: str, m: re.Match[str]) -> bool:
    """ "Fiat will meet GM ... over the future of the Italian firm's auto group", "the
    Brazilian government ... the country's biggest airline": a possessive description after a
    name in the same sentence points back to it (the headline claims 2.4.0 never asked)."""
    # a typographic apostrophe ("the country\u2019s") is the same possessive
    if not text[m.end() :].replace("\u2019", "'").startswith(("'s ", "' ")):
        return False
    if m.group(1) not in _OWNERS | _PLACES_AND_BANDS:
        return False  # "Mumbai High Court postponed the film's launch": which film?
    if m.group(1) in _OWNERS and len(m.group(0).split()) < 3:
        return False  # "the company's" after a product name: which company? ("the Italian
        # firm's" after "Fiat" says which)
    return name_before(text[: m.start()])


# "the.post", "a.xxx", "in the.com suffix": a domain name glued to the word before it
_GLUED_DOMAIN = re.compile(r"\b(the|a|an|of|in|to|and|or|for|new|its|their)\.[a-z]{2,}\b", re.I)


# A figure typed wrong: "3..5%", "$1.,5bn" (two marks in a row), "£17.m" (a point with no
# decimals), "12,00", "1,0000" (thousands not grouped in threes). "£1.75bn", "3.5%",
# "1,000" and "0.5m" are well formed.
_FIGURE_FAULT = re.compile(
    r"\d[.,]{2,}\d|\d\.(?:bn|tn|m|k|million|billion|trillion|%)(?!\w)|\d,(?!\d{3}(?!\d))\d"
    # "or 5%f its workforce": a percentage run into the next word (a fresh article, 2.19.2)
    r"|\d%[A-Za-z]"
)


def figure_fault(text: str) -> bool:
    """Whether the text copies a figure the article typed wrong ("£17.m", "12,00")."""
    return bool(_FIGURE_FAULT.search(text))


def copy_fault(text: str) -> bool:
    """Whether the text carries a fault of the article's own typing."""
    if _GLUED_DOMAIN.search(text):
        return True
    if _NO_SPACE.search(text.replace("www.", "").replace(".com", "").replace(".co.uk", "")):
        return True
    if _STRAY_COMMA.search(text) or _SPACE_PUNCT.search(text) or _DOUBLED.search(text):
        return True
    if _NOUN_ECHO.search(text) or figure_fault(text):
        return True
    return bool(_TRAILING_LEAD.search(text.rstrip(".?")))


def garbled(text: str) -> bool:
    """Whether the sentence has two conjunctions in a row ("faces competition from BMW and but
    hopes to ..."): a botched edit, whose parse, and so any clause cut from it, is unreliable
    (2.17.5 tuning judges: "source sentence garbled")."""
    return bool(re.search(_CONJ_PAIR, text, re.I))


def trivia(text: str) -> bool:
    """Whether the text turns on a clock time or a weekday (what blind editors called trivia)."""
    return bool(_CLOCK.search(text) or _WEEKDAY.search(text))


def readable(text: str) -> bool:
    """What a taker is shown reads on its own and carries no copied fault."""
    return not (needs_context(text) or copy_fault(text))


# "around 5%", "about 250 million": the article gives the figure roughly, so a wrong value
# close to it is arguably right under that reading
ROUGH = re.compile(
    r"\b(around|about|roughly|approximately|nearly|almost|some|close to|an estimated)\s*$", re.I
)
#: How far (relative to the key) a wrong value must lie, more than, from a figure the article
#: gives roughly ("around 5%": not 4% or 6%; "nearly 421,000": 316,000 is fine).
ROUGH_MARGIN = 0.2


def rough_figure(before: str) -> bool:
    """Whether the words just before a figure say it is approximate ("around", "about")."""
    return bool(ROUGH.search(before[-30:]))


def approximate_figure(before: str) -> bool:
    """Whether the words just before a figure make it a bound ("more than", "up to")."""
    return bool(APPROXIMATE.search(before[-30:]))


#: The verbs of asking people in a poll, one list for its size and its method.
_POLL_VERBS = "surveyed|polled|questioned|interviewed"
#: "a weighted sample of 1,981 voters", "a survey of 2,000 adults": a poll's size, not its news
_SAMPLE_BEFORE = re.compile(r"\b(?:sample|survey|poll) of\s+$", re.I)
# what follows a figure that blind judges called trivia: "from 16 yards", "of 2,000 surveyed"
_TRIVIAL_AFTER = re.compile(
    rf"\s*(yards?|yds|metres|meters|feet|ft)\b|\s*(\w+ ){{0,2}}({_POLL_VERBS}|respondents)\b"
    r"|\s+or so\b|"
    # the other side of a poll's finding: "43% thought so and 19% disagreed"
    r"\s+(?:\w+ )?(?:disagreed|were undecided|did not know|said they did not know)\b",
    re.I,
)
_POLL_METHOD = re.compile(
    rf"\b\d[\d,]* (?:\w+ ){{0,2}}(?:were |was )?(?:{_POLL_VERBS})\b"
    rf"|\b(?:{_POLL_VERBS}) (?:a (?:weighted |representative )?sample of )?\d",
    re.I,
)


def trivial_figure(before: str, after: str) -> bool:
    """Whether the words around a figure make it trivia to judges (a shot's yardage, a poll's
    sample size, "20 or so", the "19% disagreed" side of a finding, a match's state at a
    break rather than its result): never changed or asked."""
    return bool(
        _TRIVIAL_AFTER.match(after)
        or _SAMPLE_BEFORE.search(before)
        or _INTERIM_BEFORE.search(before)
        or _INTERIM_AFTER.match(after)
    )


# a match's state at a break, not its result: "resumed day four at 30 without loss", "lost two
# wickets for 51 runs before the close of play" (both blind judges of a fresh match report,
# 2.19.0: "scorecard trivia")
_INTERIM_BEFORE = re.compile(r"\bresum(?:ed|es|ing)(?: (?:on )?day \w+)? (?:at|on)\s+$", re.I)
_INTERIM_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,2}(?:before|at) (?:the )?(?:close|stumps|lunch|tea|interval)\b"
    r"|\s*(?:runs? )?overnight\b|\s*without loss\b",
    re.I,
)


# a match's or an event's clock: "gave Rovers the lead after 20 minutes", "in the 55th
# minute": blind judges called the exact minute of a goal trivia (the result and who scored
# are the story)
_CLOCK_BEFORE = re.compile(r"\b(?:after|within|inside|in)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_MINUTES = re.compile(r"\s*(?:minutes?|mins?)\b", re.I)
_NTH_MINUTE = re.compile(r"(?:st|nd|rd|th)?[- ]minute\b", re.I)


def clock_figure(before: str, figure: str, after: str) -> bool:
    """Whether a figure is the minute something happened at ("after 20 minutes", "in the
    55th minute", "the 90th-minute winner"): never changed or asked."""
    if _NTH_MINUTE.match(after) or re.search(r"\d(?:st|nd|rd|th)?[- ]minute$", figure):
        return True
    in_minutes = bool(_MINUTES.match(after) or re.search(r"\bmin(?:ute)?s?$", figure))
    return in_minutes and bool(_CLOCK_BEFORE.search(before))


def poll_method(text: str) -> bool:
    """Whether a claim states how a poll was taken (whom and how many it asked; "a survey of
    2,000 adults found ..." states a finding and is not one): judges called
    the sample size "a methodology detail, not news" (dev, 2.9.0)."""
    return bool(_POLL_METHOD.search(text)) and not re.search(r"%|\bper ?cent\b", text)


def score_or_range(figure_text: str, after: str, before: str = "") -> bool:
    """A match score ("1-1") or one end of a range ("2-___%") is never a figure to change."""
    return (
        bool(_SCORE_OR_RANGE.search(figure_text))
        or bool(re.match(r"\s*[-\u2013]\s*\d", after))
        or bool(re.search(r"\d\s*[-\u2013]\s*$", before))
        # "could fall by between _____ and 15%": the lower end of a stated range
        or bool(re.search(r"\bbetween\s+$", before) and re.match(r"\s+and\s+\S*\d", after))
        or _range_end(figure_text, before)
    )


# "a 2% to ___ rise", "between 10% and ___": the upper end of a range the article states (a
# change "from 2% to 5%", or "rose 10% to $4bn", is no range: its end is a fact of its own)
_RANGE_END = re.compile(
    r"(?:\bbetween\s+(\S+)\s+and|(?<!from )(?<![\w.,])([$\u00a3\u20ac]?\d[\d.,]*%?)\s+to)\s*$",
    re.I,
)


def _unit(figure: str) -> tuple[str, str]:
    return figure[:1] if figure[:1] in "$\u00a3\u20ac" else "", "%" if "%" in figure else ""


def _range_end(figure_text: str, before: str) -> bool:
    m = _RANGE_END.search(before)
    if m is None:
        return False
    low = m.group(1) or m.group(2)
    return _unit(low) == _unit(figure_text) and any(c.isdigit() for c in low)


def names_the_country(stem: str, key: str) -> bool:
    """Whether the stem gives a country away by its people, language or cities ("against
    _____ in Dublin" for Ireland, "Former _____ centre ... the French" for France)."""
    hints = DEMONYMS.get(key.lower().removeprefix("the "), ())
    low = stem.lower()
    if any(re.search(rf"\b{re.escape(h)}\b", low) for h in hints):
        return True
    # "Former _____ centre Philippe Sella": the blank is a named person's side, and the
    # person's own name (and the names beside it) tell his country (2.8.0)
    return bool(_SIDE_OF_NAMED.search(stem))


# a blank followed by one or two lower-case words (a job) and a capitalised full name
_SIDE_OF_NAMED = re.compile(r"_____(?:'s)? (?:[a-z][\w-]* ){1,2}[A-Z][\w'-]+ [A-Z][\w'-]+")


_GENDERED = re.compile(
    r"\b(he|she|his|her|him|hers|himself|herself|mr|mrs|ms|miss|sir|lady|"
    r"lord|actress|actor|king|queen|wife|husband|mother|father|son|"
    r"daughter|brother|sister|girlfriend|boyfriend|widow|"
    # "X and _____ won the mixed doubles": the partner is of the other sex (2.8.0)
    r"mixed doubles|mixed pairs?)\b",
    re.I,
)


_JOB = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ee|chief|boss|star|head|mp)$")


def job_word(word: str) -> bool:
    """Whether a word looks like a job or title ("broadcaster", "guitarist", "chairman"),
    not a first name the dictionary also knows ("martin", "rose", "bill")."""
    return bool(_JOB.search(word))


def gendered(text: str) -> bool:
    """Whether the text says a person's sex ("she", "actress", "Mr"): another person put in
    that person's place might then not fit the sentence, which gives the key away."""
    return bool(_GENDERED.search(text))


_NAME_LABELS = frozenset(
    {"ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
)
_TITLE_JOINS = frozenset({"and", "of", "for", "&"})


def keeps_capital(toks: list[Any], mid_capitals: frozenset[str]) -> bool:
    """Whether a statement's capitalised first word is part of a title or a name and keeps
    its capital after "the article says that" (or inside a question). Blind editors rejected
    "the article says that economy and Labour Minister X said ..." as ungrammatical: a word
    the article also writes in lower case ("economy") can still open an office's name.

    True for an acronym ("EU"), for a run of capitalised words (joined by "and", "of",
    "for", "&") that reaches an office or institution word ("Economy and Labour Minister",
    "Foreign Office"), for the first word of a multi-word name other than a person's
    ("National Grid": a job before a person, "Guitarist Brian May", is not a name), and for
    a word the article capitalises mid-sentence when a capitalised word follows it. Never for
    a stop word or a word before an office ("The Bank of England", "Former Foreign
    Secretary X")."""
    if not toks or not toks[0].text[:1].isupper() or not toks[0].is_alpha:
        return False
    first = toks[0]
    if first.text.isupper() and len(first.text) > 1:
        return True
    if first.is_stop or first.lower_ in TITLE_PREMODIFIERS:
        return False  # "The Bank of England", "Former Foreign Secretary X": not the name
    run = 1
    while run < len(toks):
        t = toks[run]
        if t.text[:1].isupper() and t.is_alpha:
            if t.lower_ in TITLE_HEADS:
                return True
            run += 1
        elif t.lower_ in _TITLE_JOINS and run + 1 < len(toks) and toks[run + 1].text[:1].isupper():
            run += 1
        else:
            break
    if run < 2:
        return False
    nxt = toks[1]
    if first.ent_iob_ == "B" and first.ent_type_ in _NAME_LABELS and nxt.ent_iob_ == "I":
        return True
    return first.text in mid_capitals
