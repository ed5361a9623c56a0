"""The baseline of bench/load.py: a bare Flask app under the same gunicorn settings.

It does the least the real app must do per request: serve a small HTML page with a form,
insert one row per form or JSON submission, answer JSON. The load test runs it with the same
client loop, so the quiz app's figures read as a ratio to this floor.

BASELINE_DATABASE_URI names the database (SQLAlchemy URL, SQLite or PostgreSQL).
"""

from __future__ import annotations

import os
import secrets

from flask import Flask, jsonify, redirect, request
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, insert, select

metadata = MetaData()
rows = Table(
    "baseline_row",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40), nullable=False),
    Column("answers", String(200), nullable=False),
)


def create_app() -> Flask:
    """A Flask app with one engine, one table and four routes."""
    uri = os.environ["BASELINE_DATABASE_URI"]
    options = {} if uri.startswith("sqlite") else {"pool_size": 5, "max_overflow": 10}
    engine = create_engine(uri, pool_pre_ping=True, **options)
    if uri.startswith("sqlite"):
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

    app = Flask(__name__)  # the table is made by bench/load.py before the workers start

    @app.get("/quizzes/1")
    def page() -> str:
        token = secrets.token_urlsafe(16)
        options = "".join(
            f'<label><input type="radio" name="q_{q}" value="{q * 10 + o}"> option {o}</label>'
            for q in range(1, 6)
            for o in range(3)
        )
        return (
            "<!doctype html><title>baseline</title><form method=post>"
            f'<input name="submission_id" type="hidden" value="{token}">'
            f'<input name="name">{options}<button>Send</button></form>'
        )

    @app.post("/quizzes/1")
    def submit_form():  # type: ignore[no-untyped-def]
        answers = ",".join(v for k, v in sorted(request.form.items()) if k.startswith("q_"))
        with engine.begin() as connection:
            new_id = connection.execute(
                insert(rows).values(name=request.form.get("name", "")[:40], answers=answers)
            ).inserted_primary_key[0]
        return redirect(f"/attempts/{new_id}", code=303)

    @app.get("/api/quizzes/1")
    def quiz_json():  # type: ignore[no-untyped-def]
        return jsonify(
            id=1,
            questions=[
                {"id": q, "options": [{"id": q * 10 + o, "text": f"option {o}"} for o in range(3)]}
                for q in range(1, 6)
            ],
        )

    @app.post("/api/quizzes/1/attempts")
    def submit_json():  # type: ignore[no-untyped-def]
        body = request.get_json()
        answers = ",".join(str(v) for v in body.get("answers", {}).values())
        with engine.begin() as connection:
            new_id = connection.execute(
                insert(rows).values(name=str(body.get("name", ""))[:40], answers=answers)
            ).inserted_primary_key[0]
        return jsonify(attempt_id=new_id), 201

    @app.get("/healthz")
    def healthz():  # type: ignore[no-untyped-def]
        with engine.connect() as connection:
            count = connection.execute(select(func.count()).select_from(rows)).scalar()
        return jsonify(status="ok", rows=count)

    return app
