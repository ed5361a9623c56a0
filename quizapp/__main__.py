"""``python -m quizapp``: the ``quizapp`` command (background jobs start their processes so)."""

from quizapp.cli import main

main()
