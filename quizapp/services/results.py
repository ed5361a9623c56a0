"""What a result means to the person who got it.

The verdict of a score band, where the score stands among everyone's attempts (in SQL), each
question's review (its options once, the words that differ between the chosen and the correct
option, the explanation in plain words) and what this browser scored on each quiz before.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import case, func

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, QuizStatus, Response
from quizapp.services.option_order import arrange
from quizapp.services.quizzes import evidence_in_paragraph

#: Score bands, highest first: (lowest share right, the one-line verdict).
BANDS: tuple[tuple[float, str], ...] = (
    (1.0, "A perfect score: nothing in the article got past you."),
    (0.8, "Sharp reading: only a detail or two got past you."),
    (0.5, "More right than wrong. The review below shows what slipped past."),
    (1e-9, "A tough one. The review below shows what the article actually says."),
    (0.0, "None right this time. The article's own sentences are below, question by question."),
)

#: Fewer other attempts than this and "better than N% of takers" says too little to show.
MIN_OTHERS = 5

#: Minutes a question takes, on average, for the home page's time estimate.
MINUTES_PER_QUESTION = 0.5


def percent(score: int, total: int) -> int:
    """The share right as a whole percentage (0 for an empty attempt)."""
    return round(100 * score / total) if total else 0


def verdict(score: int, total: int) -> str:
    """The one-line verdict of a score's band."""
    share = score / total if total else 0.0
    return next(line for floor, line in BANDS if share >= floor)


def minutes_to_take(n_questions: int) -> int:
    """A rounded-up time estimate for a quiz of ``n_questions``, at least one minute."""
    return max(1, math.ceil(n_questions * MINUTES_PER_QUESTION))


@dataclass(frozen=True)
class Standing:
    """Where an attempt stands among the other attempts of its quiz."""

    better_than: int  # percent of the other attempts that scored a lower share
    others: int


def standing(attempt: Attempt) -> Standing | None:
    """Among the quiz's other stored attempts (retakes excluded), the share it beat.

    Counted in SQL; shares are compared by cross-multiplying, so 4 / 6 and 2 / 3 are equal
    and no rounding decides. ``None`` for a retake or with fewer than :data:`MIN_OTHERS`
    other attempts.
    """
    if attempt.retake_of_id is not None or not attempt.total:
        return None
    lower = Attempt.score * attempt.total < attempt.score * Attempt.total
    others, beaten = db.session.execute(
        db.select(func.count(), func.coalesce(func.sum(case((lower, 1), else_=0)), 0)).where(
            Attempt.quiz_id == attempt.quiz_id,
            Attempt.retake_of_id.is_(None),
            Attempt.id != attempt.id,
            Attempt.total > 0,
        )
    ).one()
    if others < MIN_OTHERS:
        return None
    return Standing(better_than=100 * int(beaten) // int(others), others=int(others))


# --- The review of one question ------------------------------------------------------------

#: Words (with inner apostrophes, decimal points and thousands separators), single
#: punctuation marks and runs of spaces: every character of a text is in exactly one token.
_TOKEN = re.compile(r"\w+(?:['’.,]\w+)*|[^\w\s]|\s+")


def differing_words(text: str, other: str) -> list[tuple[str, bool]]:
    """``text`` cut into (part, differs) pieces: the words not in ``other`` at that place.

    Nothing is marked when the two share no word (True and False, 316,000 and 421,000):
    highlighting a whole option says nothing the ✓ and ✗ do not.
    """
    mine, theirs = _TOKEN.findall(text), _TOKEN.findall(other)
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    changed = [False] * len(mine)
    shared = False
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op == "equal":
            shared = shared or any(not t.isspace() for t in mine[i1:i2])
            continue
        for i in range(i1, i2):
            changed[i] = not mine[i].isspace()
    if not shared or not any(changed):
        return [(text, False)]
    # Spaces between two changed words belong to the change: one highlight, not several.
    for i, token in enumerate(mine):
        if token.isspace() and 0 < i < len(mine) - 1 and changed[i - 1] and changed[i + 1]:
            changed[i] = True
    parts: list[tuple[str, bool]] = []
    for token, flag in zip(mine, changed, strict=True):
        if parts and parts[-1][1] == flag:
            parts[-1] = (parts[-1][0] + token, flag)
        else:
            parts.append((token, flag))
    return parts


def plain_explanation(explanation: str, evidence: str) -> str:
    """The explanation without what the review already shows: the quoted evidence sentence
    (shown in its paragraph) and a bare "True." or "False." (the ✓ shows it)."""
    text = explanation.strip()
    if evidence:
        quoted = re.compile(
            r"(?:The article says:?\s*)?[\"“]" + re.escape(evidence.strip()) + r"[\"”]\.?\s*"
        )
        text = quoted.sub("", text, count=1).strip()
    text = re.sub(r"^(?:True|False)\.\s*", "", text)
    # The generator's account of a negated statement, said as a taker would.
    return text.replace("The statement negated the claim.", "The statement says the opposite.")


@dataclass(frozen=True)
class ReviewOption:
    parts: list[tuple[str, bool]]  # the text, with the words that differ marked
    is_key: bool
    is_chosen: bool


@dataclass(frozen=True)
class ReviewItem:
    number: int
    question: Question
    outcome: str  # "right", "wrong" or "unanswered"
    options: list[ReviewOption]
    context: tuple[str, str, str]  # the evidence in its paragraph: (before, evidence, after)
    feedback: str  # the chosen option's own feedback, from an imported quiz file
    explanation: str

    @property
    def is_right(self) -> bool:
        return self.outcome == "right"


def review_items(
    questions: Iterable[Question],
    chosen: Mapping[int, Response],
    article_text: str,
    option_order: Mapping[str, Sequence[int]] | None = None,
) -> list[ReviewItem]:
    """Each question of an attempt as the results page reviews it, its options in the order
    stored with the attempt (``Attempt.option_order``: the order the taker saw)."""
    items = []
    for number, question in enumerate(questions, start=1):
        response = chosen.get(question.id)
        key = question.correct_choice
        pick = response.choice if response is not None else None
        options = []
        stored = (option_order or {}).get(str(question.id))
        for choice in arrange(question.choices, [c.id for c in question.choices], stored):
            parts = [(choice.text, False)]
            if pick is not None and key is not None and pick.id != key.id:
                if choice.id == pick.id:
                    parts = differing_words(choice.text, key.text)
                elif choice.id == key.id:
                    parts = differing_words(choice.text, pick.text)
            options.append(
                ReviewOption(parts, choice.is_correct, pick is not None and choice.id == pick.id)
            )
        context = evidence_in_paragraph(
            article_text, question.evidence_start, question.evidence_end
        )
        if response is None:
            outcome = "unanswered"
        else:
            outcome = "right" if response.is_correct else "wrong"
        items.append(
            ReviewItem(
                number=number,
                question=question,
                outcome=outcome,
                options=options,
                context=context,
                feedback=(pick.feedback or "") if pick is not None else "",
                explanation=plain_explanation(question.explanation, context[1]),
            )
        )
    return items


# --- This browser's past scores, the next quiz -----------------------------------------------


def past_scores(tokens: list[str]) -> dict[int, tuple[int, int]]:
    """{quiz id: (score, total)} of the latest whole attempt of each quiz among ``tokens``."""
    if not tokens:
        return {}
    rows = db.session.execute(
        db.select(Attempt.quiz_id, Attempt.score, Attempt.total)
        .where(Attempt.token.in_(tokens), Attempt.retake_of_id.is_(None))
        .order_by(Attempt.finished_at.asc(), Attempt.id.asc())
    ).all()
    return {quiz_id: (score, total) for quiz_id, score, total in rows}


def next_quiz(taken: Iterable[int]) -> Quiz | None:
    """The newest published quiz whose id is not in ``taken``, if any."""
    return db.session.execute(
        db.select(Quiz)
        .where(Quiz.status == QuizStatus.PUBLISHED, Quiz.id.not_in(list(taken)))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        .limit(1)
    ).scalar_one_or_none()
