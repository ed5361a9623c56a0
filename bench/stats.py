"""Statistics speed: pages and API against the raw aggregate SQL they need, in one run.

Fills a fresh SQLite database (or the URL given with --database) with ATTEMPTS
attempts of a 12-question quiz, then times, as medians over --repeat runs:

- raw: the aggregate SQL queries alone (score histogram, item sums, option
  counts; for the scoreboard the leaderboard and page queries), results fetched;
- the stats API (GET /api/quizzes/<id>/stats), the item analysis page and the
  scoreboard page, through the Flask test client.

Target: each within 3x its raw queries. Run:  .venv/bin/python bench/stats.py
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Article, Attempt, Choice, Question, Quiz, Response, User  # noqa: E402
from quizapp.models.base import utcnow  # noqa: E402
from quizapp.services import stats as stats_service  # noqa: E402

K = 12


def build(attempts: int, seed: int) -> tuple[int, str]:
    """A 12-question quiz with ``attempts`` attempts whose answers depend on a hidden ability."""
    rng = random.Random(seed)
    text = " ".join(f"Sentence number {i} states fact {i}." for i in range(K))
    article = Article(title="Bench", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    quiz = Quiz(article=article, title="Bench quiz", slug="bench-quiz", status="published")
    for i in range(K):
        quiz.questions.append(
            Question(
                kind="fact_recall",
                stem=f"Question {i}?",
                explanation="",
                evidence_start=0,
                evidence_end=10,
                position=i,
                choices=[
                    Choice(
                        text=f"Option {j}",
                        is_correct=j == 0,
                        position=j,
                        mutation=None if j == 0 else "typed_list",
                    )
                    for j in range(4)
                ],
            )
        )
    user = User(username="bench")
    user.set_password("bench-password")
    token = user.new_token()
    db.session.add_all([quiz, user])
    db.session.commit()
    choices = {q.id: [c.id for c in q.choices] for q in quiz.questions}
    keys = {q.id: q.choices[0].id for q in quiz.questions}
    now = utcnow()
    attempt_rows, response_rows = [], []
    for a in range(1, attempts + 1):
        ability = rng.random()
        score = 0
        for q_index, (qid, options) in enumerate(choices.items()):
            if rng.random() < 0.05:
                continue  # unanswered
            difficulty = q_index / K
            right = rng.random() < 0.25 + 0.7 * ability * (1 - difficulty / 2)
            choice = keys[qid] if right else rng.choice(options[1:])
            score += right
            response_rows.append(
                {
                    "attempt_id": a,
                    "question_id": qid,
                    "choice_id": choice,
                    "is_correct": right,
                    "answered_at": now,
                }
            )
        attempt_rows.append(
            {
                "id": a,
                "quiz_id": quiz.id,
                "name": f"Taker {a % 3000}",
                "token": f"tok-{a}",
                "submission_id": f"sub-{a}",
                "finished_at": now,
                "score": score,
                "total": K,
            }
        )
    db.session.execute(db.insert(Attempt), attempt_rows)
    db.session.execute(db.insert(Response), response_rows)
    db.session.commit()
    return quiz.id, token


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up caches and compiled statements
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.db'}"
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "bench",
                "RATELIMIT_ENABLED": False,
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            upgrade()
            quiz_id, token = build(args.attempts, seed=1)
        # Requests push their own app context, as in production; so do the raw timings.
        if True:
            client = app.test_client()
            auth = {"Authorization": f"Bearer {token}"}
            client.post("/login", data={"username": "bench", "password": "bench-password"})

            def raw_stats() -> object:
                with app.app_context():
                    return [
                        db.session.execute(query(quiz_id)).all()
                        for query in (
                            stats_service.histogram_query,
                            stats_service.item_sums_query,
                            stats_service.option_counts_query,
                        )
                    ]

            def raw_scoreboard() -> object:
                with app.app_context():
                    return (
                        db.session.execute(stats_service.histogram_query(quiz_id)).all(),
                        stats_service.leaderboard(quiz_id),
                        db.session.execute(
                            db.select(Attempt)
                            .where(Attempt.quiz_id == quiz_id)
                            .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
                            .limit(20)
                        ).all(),
                        db.session.scalar(
                            db.select(db.func.count(Attempt.id)).where(Attempt.quiz_id == quiz_id)
                        ),
                    )

            def get(path: str, **kw: object) -> Callable[[], object]:
                def call() -> object:
                    response = client.get(path, **kw)  # type: ignore[arg-type]
                    assert response.status_code == 200, response.status_code
                    return response.data

                return call

            raw = median_ms(raw_stats, args.repeat)
            raw_board = median_ms(raw_scoreboard, args.repeat)
            rows = [
                ("raw aggregate SQL (stats)", raw, None),
                (
                    "GET /api/quizzes/<id>/stats",
                    median_ms(get(f"/api/quizzes/{quiz_id}/stats", headers=auth), args.repeat),
                    raw,
                ),
                (
                    "item analysis page",
                    median_ms(get(f"/editor/quizzes/{quiz_id}/analysis"), args.repeat),
                    raw,
                ),
                ("raw SQL (scoreboard)", raw_board, None),
                (
                    "scoreboard page",
                    median_ms(get(f"/quizzes/{quiz_id}/scores"), args.repeat),
                    raw_board,
                ),
            ]
    print(f"{args.attempts} attempts x {K} questions, median of {args.repeat} runs")
    print(f"{'what':34} {'median ms':>10} {'x raw':>7}")
    failed = False
    for name, ms, base in rows:
        ratio = f"{ms / base:.2f}" if base else "1.00"
        if base and ms / base > 3:
            failed = True
        print(f"{name:34} {ms:10.1f} {ratio:>7}")
    print("target: each page/endpoint within 3x its raw queries:", "FAIL" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
