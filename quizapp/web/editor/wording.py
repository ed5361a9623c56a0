"""The item analysis in plain words: what facility, discrimination, alpha and each flag mean
for the question in front of the editor, and what to do about a flag.

Pure functions of the numbers (the thresholds are :mod:`quizapp.item_analysis`'s own), so the
page and its tests read the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp import item_analysis as maths

#: Shares people say in words, nearest first.
_FRACTIONS = (
    (1 / 10, "about one in ten"),
    (1 / 5, "about one in five"),
    (1 / 4, "about a quarter"),
    (1 / 3, "about a third"),
    (2 / 5, "about two in five"),
    (1 / 2, "about half"),
    (3 / 5, "about three in five"),
    (2 / 3, "about two thirds"),
    (3 / 4, "about three quarters"),
    (4 / 5, "about four in five"),
    (9 / 10, "about nine in ten"),
)


def percent(share: float | None) -> str:
    """A share 0..1 as a whole percentage ("35%"), or a dash when there is none."""
    return "—" if share is None else f"{share * 100:.0f}%"


def share_in_words(share: float) -> str:
    """A share 0..1 as people say it: "none", "hardly any", "about a third", "all"..."""
    if share <= 0:
        return "none"
    if share >= 1:
        return "all"
    if share < 0.07:
        return "hardly any"
    if share > 0.94:
        return "nearly all"
    return min(_FRACTIONS, key=lambda pair: abs(pair[0] - share))[1]


def facility_sentence(facility: float | None) -> str:
    """What a question's facility says, e.g. "Facility 35%: about a third of the takers got
    this right." """
    if facility is None:
        return "Facility —: nobody has answered this question yet."
    return f"Facility {percent(facility)}: {share_in_words(facility)} of the takers got this right."


def discrimination_sentence(discrimination: float | None) -> str:
    """What a question's discrimination (its item–rest correlation) says about it."""
    if discrimination is None:
        return (
            "Discrimination —: it cannot be worked out yet, as too few takers answered "
            "differently from the others (on this question or on the rest of the quiz)."
        )
    value = f"Discrimination {discrimination:.2f}: "
    if discrimination >= 0.3:
        return value + (
            "takers who did well on the rest of the quiz got this right far more often; "
            "it tells those who read the article well from the others."
        )
    if discrimination >= maths.LOW_DISCRIMINATION:
        return value + (
            "takers who did well on the rest of the quiz got this right somewhat more often; "
            "it works, weakly."
        )
    if discrimination >= 0:
        return value + (
            "takers who did well on the rest of the quiz got this right hardly more often "
            "than the others; it says little about who read the article."
        )
    return value + (
        "takers who did well on the rest of the quiz got this right less often than the "
        "others: check its key and wording."
    )


def alpha_sentence(alpha: float | None) -> str:
    """What Cronbach's alpha says about the quiz as a whole."""
    if alpha is None:
        return (
            "Cronbach's alpha needs at least two questions and two attempts with different scores."
        )
    value = f"Cronbach's alpha {alpha:.2f}: "
    if alpha >= 0.8:
        return value + "the questions agree with each other; the total score is dependable."
    if alpha >= 0.6:
        return value + "the questions mostly agree; fair for a short news quiz."
    return value + (
        "the questions do not agree much: the total score says little on its own "
        "(usual for a short quiz with few attempts; look at the flagged questions)."
    )


@dataclass(frozen=True)
class FlagHelp:
    """A flag explained: what it means and what to do, and which action the page links."""

    meaning: str
    todo: str
    action: str  # "edit", "regenerate" or "retire"


FLAG_HELP = {
    "too easy": FlagHelp(
        f"More than {maths.TOO_EASY:.0%} of the takers got it right, so it tells nobody apart.",
        "Make its wrong options more tempting, or retire it.",
        "edit",
    ),
    "too hard": FlagHelp(
        f"Fewer than {maths.TOO_HARD:.0%} of the takers got it right: the key may be wrong, "
        "or the question unclear.",
        "Check the key against the evidence and fix the wording.",
        "edit",
    ),
    "does not discriminate": FlagHelp(
        "Takers who did well on the rest of the quiz are no likelier to get it right: it may be "
        "ambiguous, or answerable by a guess.",
        "Regenerate it from its claim, or from another claim.",
        "regenerate",
    ),
    "non-functioning distractor": FlagHelp(
        f"A wrong option is chosen by fewer than {maths.NON_FUNCTIONING_SHARE:.0%} of the "
        "takers: nobody believes it, so the question is easier than it looks.",
        "Replace that option with a believable one.",
        "edit",
    ),
}


def flag_help(flag: str) -> FlagHelp:
    """The help for ``flag`` (a flag without words of its own is shown as it is)."""
    return FLAG_HELP.get(flag, FlagHelp(flag, "Look at the question.", "edit"))
