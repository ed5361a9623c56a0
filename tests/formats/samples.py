"""Sample quizzes shared by the exporter tests."""

from __future__ import annotations

from quizapp.formats import (
    TRUE_FALSE,
    ExportOption,
    ExportQuestion,
    ExportQuiz,
    truefalse_options,
)

# Every character the formats treat specially, plus HTML, quotes and non-ASCII text.
SPECIAL = (
    "Tilde ~ equals = hash # braces { } colon : backslash \\ slash // "
    "<script>alert('x')</script> & &amp; \"double\" 'single' “curly” «guillemets» "
    "café naïve Zürich 😀 ]]> %50% [html] ####"
)
MULTILINE = "First line\nsecond line ~ with = specials"


def special_quiz() -> ExportQuiz:
    """A quiz whose every text field carries every special character."""
    return ExportQuiz(
        title="Quiz: " + SPECIAL,
        source_url="https://example.org/news?a=1&b=2#frag",
        article_title="Article “title” & <b>more</b>",
        questions=(
            ExportQuestion(
                stem="Stem " + SPECIAL + "\n" + MULTILINE,
                options=(
                    ExportOption("Wrong " + SPECIAL, False, "Changed: " + SPECIAL),
                    ExportOption("Right " + SPECIAL, True, "Yes\n" + SPECIAL),
                    ExportOption("%50% of voters", False, ""),
                    ExportOption("[html] <i>literal</i>", False, "[plain] marker"),
                ),
                explanation="Because " + SPECIAL + "\n" + MULTILINE,
                evidence="Evidence “quoted” " + SPECIAL,
                name="q1 :: " + SPECIAL,
            ),
            ExportQuestion(
                stem="The article says 2 + 2 = 4: {true}?",
                options=truefalse_options(True, "Correct # indeed", "No ~ it was true"),
                kind=TRUE_FALSE,
                explanation="The article: “2 + 2 = 4”.",
                evidence="2 + 2 = 4",
                name="tf-true",
            ),
            ExportQuestion(
                stem="False statement <b>here</b>",
                options=truefalse_options(False, "", "Right, it is false"),
                kind=TRUE_FALSE,
            ),
            ExportQuestion(
                stem="Multiple choice that looks like true/false",
                options=(ExportOption("True", False), ExportOption("False", True)),
            ),
        ),
    )


def strip_quiz(quiz: ExportQuiz) -> ExportQuiz:
    """The quiz with leading/trailing whitespace of every text removed.

    That is the documented normalisation of the text-based formats (GIFT, Moodle XML,
    QTI): Moodle itself trims every text it imports.
    """
    return ExportQuiz(
        title=quiz.title.strip(),
        source_url=quiz.source_url.strip(),
        article_title=quiz.article_title.strip(),
        questions=tuple(
            ExportQuestion(
                stem=q.stem.strip(),
                options=tuple(
                    ExportOption(o.text.strip(), o.correct, o.feedback.strip()) for o in q.options
                ),
                kind=q.kind,
                explanation=q.explanation.strip(),
                evidence=q.evidence.strip(),
                name=q.name.strip(),
            )
            for q in quiz.questions
        ),
    )
