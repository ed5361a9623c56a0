"""A person's sex as the article itself states it, for person questions in gendered stems.

A stem that says "his" or "Mr" gives the key away when a wrong option is a woman (blind editors'
reason for refusing such items). When the article states every option's sex, and all agree with
the key's, the pronoun tells nothing: the item is fair. The evidence: the article's own titles
before the name ("Mr Howard", "Mrs Thatcher") and a first name used for one sex only ("Brian
Kerr"); pronouns are not evidence ("presenter Anne Robinson said he ..." speaks of someone
else). Anything mixed or missing is unknown.
"""

from __future__ import annotations

import re

from quizapp.engine.document import Document
from quizapp.engine.nlp import club_name

_MALE_TITLES = frozenset({"mr", "sir", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame"})
# Common first names that English-language news uses for one sex only (names used for both,
# such as Ashley, Jamie, Robin, Sam, Chris or Jo, are left out: their sex stays unknown).
MALE_NAMES = frozenset(
    """adam alan alastair alex alexander alistair andrew andy anthony antonio arnold arthur
    barry ben benjamin bernard bill bob brendan brian bruce carl carlos charles colin craig
    damien daniel darren david dennis derek dominik donald doug douglas duncan eddie edward
    eric frank fred gary gavin geoff geoffrey george gerald gordon graham greg gregory harry
    henry hugh ian jack jacques james jason jeff jeremy jim john jonathan jose joseph juan
    keith ken kenneth kevin kieran larry liam luis mark martin matthew michael mike nick
    nigel oliver patrick paul pete peter philip philippe phil ralph raymond richard rick
    robert roger ronald ronan roy rupert russell ryan scott sean sergio shaun simon stephen
    steve steven stuart ted terry thomas tim timothy tom tommy tony trevor vincent walter
    warren wayne william
    aaron adrian alberto alfred allan andre andreas angelo anton arsene benny bjorn boris
    callum carlo christian christophe christopher claudio dan dean denis dieter diego dmitri
    emmanuel enrique fabio felipe fernando ferenc francesco francisco franz frederic gabor
    gabriel gareth gerhard gianfranco gianluca giovanni giuseppe glen glenn gus hans heinz
    helmut hugo igor ivan javier jimmy johnny jorge josef josep jurgen karl karol kenny klaus
    kurt kyle lars lewis lleyton lorenzo louis luca luigi luiz manuel marcel marco mario
    matthias miguel mikhail mohammed muhammad neil niklas nikolai olaf owen pablo paolo pedro
    pierre rafael rhys ricardo robbie roberto roman ross rudolf ruud saul sergei stefan sven
    thierry ulrich victor vladimir werner wolfgang yuri zinedine""".split()
)
FEMALE_NAMES = frozenset(
    """agnetha alice alison amanda amy angela ann anna anne barbara betty brigitte carol
    caroline catherine charlotte cherie christine claire clare daniela deborah diana diane
    elizabeth emily emma fiona gisela hannah harriet helen hillary jackie jane janet jennifer
    jessica joan julia julie karen karina kate katherine kathryn kylie laura linda lisa louise
    lucy margaret maria marie mary melanie michelle nicola nicole patricia pauline rachel
    rebecca ruth sally sarah serena sharon sophie susan tessa theresa valerie venus victoria
    wendy yvonne zoe
    audrey beatrice bridget carla cecilia claudia doris dorothy edith elaine eleanor esther eva
    francesca gabriela germaine gillian gloria hazel heather ingrid irene isabel jacqueline
    joanna joyce judith katarina kathleen lara lena lorraine lucia magdalena marta martina
    maureen miriam monica nancy natalia natasha nina norma olga pamela paula penny petra
    raquel rita rosa rosemary sandra sara sheila shirley silvia sofia sonia sue tatiana
    teresa tina tracey tracy ursula vanessa vera veronica vivien yolanda""".split()
)
#: First names used for either sex, or spelt in more than one way, that are real names although
#: they sit one swap or one letter from a listed one ("Marian", "Marina"; "Maire"): with the two
#: lists, what a misspelt first name ("Jermoe", "Micheal") is told apart from.
OTHER_NAMES = frozenset(
    """ashley chris jamie jo jordan kelly leslie lesley morgan robin sam taylor alexis casey
    maire mairead marian marina marion mario dario daina diana elias nadia naida kristen
    michel micheline philipp phillip jon johan jonathon mathew stephan stefan sergey andrei
    dimitri erik marc ana katharina kristina frederick alain petr erich goran kimberly
    jerome abigail albert alexandra amber andrea angus annie antoine arnaud barney benedict
    bernadette billy bradley brandon brett caitlin cameron carmen cheryl christina clive
    connor dale danny darryl deirdre denise dominic donna duane dylan edwin elena elliot
    emma ethan evan felix fergus frances francis gemma gerard gina grace graeme grant harold
    harvey howard imogen irina isaac isabella jacob jake janice jeffrey jenny jerry jill jodie
    joel jonathan josh joshua judy justin karim katie keira kirsty lauren leah lee leo leon
    leonard lily lindsay lynn malcolm marcus marianne marilyn martha max megan melissa
    michaela miles molly nathan natalie neville nicholas noel norman oscar patrice percy
    philippa phoebe quentin rachael reginald rhona rob robyn rodney rosie rowan samantha
    samuel sebastian seamus shane sheryl sian sidney stanley stella stuart susannah sylvia
    teresa toby tristan vernon vicky vivian warwick wilfred yasmin zachary""".split()
)
#: Every first name the engine knows.
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES | OTHER_NAMES
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame)\.? $")


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _refers_to(mention_text: str, name: str) -> bool:
    """Whether a mention is the named person: the full name or the surname alone."""
    words = mention_text.split()
    if len(words) > 1 and words[0].rstrip(".").lower() in _MALE_TITLES | _FEMALE_TITLES:
        mention_text = " ".join(words[1:])
    if mention_text == name:
        return True
    return _surname(mention_text) == _surname(name) and (
        len(mention_text.split()) == 1 or len(name.split()) == 1
    )


def stated_sex(doc: Document, name: str) -> str | None:
    """ "m" or "f" when the article's titles and the first name agree on it, else None."""
    male = female = 0
    for sentence in doc.sentences:
        for m in sentence.mentions:
            if m.label != "PERSON" or not _refers_to(m.text, name):
                continue
            # the title before the name, or the model's name span starting with it
            before = _TITLE_BEFORE.search(doc.text[max(0, m.start - 8) : m.start])
            first = m.text.split()[0].rstrip(".").lower() if m.text.split() else ""
            word = before.group(1).lower() if before else first
            if word in _MALE_TITLES | _FEMALE_TITLES:
                male += word in _MALE_TITLES
                female += word in _FEMALE_TITLES
    words = name.split()
    if len(words) > 1:  # "Brian Kerr": a first name of one sex only
        first = words[0].lower()
        male += first in MALE_NAMES
        female += first in FEMALE_NAMES
    if male and not female:
        return "m"
    if female and not male:
        return "f"
    return None


_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "duke", "duchess"})


def royal(name: str) -> bool:
    """Whether a name opens with a royal title ("Prince William"): a royal is no wrong option
    for anyone else, nor anyone else for a royal (Prince William as Australia's opposition
    leader, and as the speaker of a prime minister's words: both judges of a fresh article)."""
    first = name.split()[:1]
    return bool(first) and first[0].lower() in _ROYAL_TITLES


def not_a_person(name: str) -> bool:
    """Whether a name tagged as a person is a club's ("Manchester United")."""
    return club_name(name)


_WORK_NOUN = r"(?:musical|film|movie|album|single|song|play|novel|show|book|series|opera)"


def names_a_work(doc: Document, name: str) -> bool:
    """Whether the article writes the name after a work noun ("hit musical Mamma Mia"): a
    title the model tagged as a person, never a wrong option among people (2.6.0)."""
    return re.search(rf"\b{_WORK_NOUN}\s+{re.escape(name)}\b", doc.text, re.I) is not None


_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['\u2019-][A-Z]?[a-z]+)*$")
_EITHER_NAMES = frozenset("ashley chris jamie jo robin sam alex charlie".split())


def full_personal_name(name: str) -> bool:
    """Whether ``name`` is a first name the lists know followed by one or two capitalised
    words ("Paul Burgess", "Gordon D'Arcy"; never "Young People" or "Lib Dem"): a name that
    is surely a person's even where the model tagged it once."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words[1:]):
        return False
    first = words[0].lower()
    return first in MALE_NAMES or first in FEMALE_NAMES or first in _EITHER_NAMES


_KIN = (
    r"(?:(?:step|half-|grand)?(?:mother|father|son|daughter|brother|sister)(?:-in-law)?|"
    r"wife|husband|widow(?:er)?|cousin|uncle|aunt|nephew|niece|twin)"
)
# "_____, mother of actor Sylvester", "her brother Gary", "Sylvester's mother _____": a
# relative named by the first name alone, beside a kin word (and at most two words of job)
_KIN_FIRST_NAME = re.compile(
    rf"\b{_KIN}s? (?:of )?(?:(?:the |an? )?[a-z][\w-]* ){{0,2}}[A-Z][a-z]+\b(?! [A-Z])"
    rf"|(?:^|[^\w ] ?|\b[a-z]+ )[A-Z][a-z]+(?:'s|’s) {_KIN}\b"
)


def family_gives_away(stem: str, key: str) -> bool:
    """Whether a person blank's stem gives the key's surname away: it writes the surname
    elsewhere ("_____, wife of Tony Blair" for Cherie Blair), or names a relative by the first
    name alone ("_____, mother of actor Sylvester"), whose surname is the key's family name
    that the article's headline and story repeat (blind editors: "gives away Stallone")."""
    words = key.split()
    rest = stem.replace("_____", " ")
    surname = words[-1] if words else ""
    if surname and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", rest):
        return True
    return _KIN_FIRST_NAME.search(rest) is not None
