"""Command line: ``quizapp`` is Flask's CLI bound to this app, plus the app's own commands.

``quizapp db upgrade``, ``quizapp routes``, ``quizapp shell`` and ``quizapp run``
work without ``--app``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext

from quizapp import create_app
from quizapp.config import DEFAULTS
from quizapp.models.user import Role
from quizapp.services.exports import EXPORT_FORMATS
from quizapp.services.quiz_files import IMPORTABLE

log = logging.getLogger(__name__)


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """Import the bundled seed article and publish its quiz if the database has no quiz."""
    from flask import current_app

    from quizapp.services.quizzes import seed_if_empty

    quiz = seed_if_empty(
        seed=current_app.config["GENERATOR_SEED"],
        max_questions=current_app.config["QUIZ_MAX_QUESTIONS"],
    )
    if quiz is None:
        click.echo("The database has a quiz already; nothing imported.")
    else:
        click.echo(
            f"Imported the seed article: quiz {quiz.id} with {len(quiz.questions)} questions."
        )


@click.command("generate")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True, help="Seed for shuffling and sampling.")
@click.option(
    "--max-questions",
    default=DEFAULTS["QUIZ_MAX_QUESTIONS"],
    show_default=True,
    type=click.IntRange(1, 100),
)
@click.option("--json", "as_json", is_flag=True, help="Print the engine's full output as JSON.")
@click.option("--title", default=None, help="Article title, if the text has none.")
def generate_command(
    path: Path, seed: int, max_questions: int, as_json: bool, title: str | None
) -> None:
    """Generate a quiz from the article in PATH and print it (nothing is stored)."""
    from quizapp import engine

    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{path} is not UTF-8 text ({exc.reason}).") from exc
    try:
        result = engine.generate(text, seed=seed, max_questions=max_questions, title=title)
    except engine.EngineError as exc:
        log.exception("quizapp generate %s", path)
        raise click.ClickException(f"Generation failed: {exc} (a bug; see the log).") from exc
    if not result.questions:
        raise click.ClickException(
            f"No question could be made from {path}: it needs factual sentences "
            "(names, numbers, dates, decisions)."
        )
    if as_json:
        click.echo(result.to_json())
        return
    for number, q in enumerate(result.questions, start=1):
        click.echo(f"{number}. [{q.kind}] {q.stem}")
        for letter, option in zip("ABCDEFGH", q.options, strict=False):
            mark = "*" if option.correct else " "
            note = f"  ({option.mutation})" if option.mutation else ""
            click.echo(f"   {mark} {letter}. {option.text}{note}")
        click.echo(f"   Evidence [{q.evidence.start}:{q.evidence.end}]: {q.evidence.text}")
        click.echo("")
    rejected = ", ".join(f"{k}: {v}" for k, v in sorted(result.rejected.items())) or "none"
    click.echo(
        f"{len(result.questions)} questions from {len(result.claims)} claims; rejected: {rejected}"
    )


@click.command("create-user")
@click.argument("username")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="The password (prompted for when left out, so it stays out of shell history).",
)
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.EDITOR.value,
    show_default=True,
)
@with_appcontext
def create_user_command(username: str, password: str, role: str) -> None:
    """Create an editor account, or set a new password for an existing one.

    A new password logs the user out everywhere and revokes their API token.
    """
    from quizapp.extensions import db
    from quizapp.models import User
    from quizapp.models.user import PASSWORD_MIN, USERNAME_MAX

    username = username.strip()
    if not 1 <= len(username) <= USERNAME_MAX:
        raise click.BadParameter(
            f"the user name must have 1 to {USERNAME_MAX} characters", param_hint="USERNAME"
        )
    if len(password) < PASSWORD_MIN:
        raise click.BadParameter(f"use at least {PASSWORD_MIN} characters", param_hint="--password")
    user = db.session.execute(db.select(User).where(User.username == username)).scalar_one_or_none()
    created = user is None
    if user is None:
        user = User(username=username, role=role)
        db.session.add(user)
    user.role = role
    user.set_password(password)  # for an existing user: ends their sessions, revokes the token
    db.session.commit()
    if created:
        click.echo(f"Created {role} {username}.")
    else:
        click.echo(
            f"Updated {role} {username}: every session was logged out and the API token revoked."
        )


@click.command("create-token")
@click.argument("username")
@with_appcontext
def create_token_command(username: str) -> None:
    """Print a new API token for USERNAME (the previous one stops working)."""
    from quizapp.extensions import db
    from quizapp.models import User

    user = db.session.execute(db.select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise click.ClickException(f"There is no user {username!r}; create it with create-user.")
    token = user.new_token()
    db.session.commit()
    click.echo(token)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", default=None, help="Title (default: from the text or HTML page).")
@click.option("--url", "source_url", default=None, help="The article's source URL.")
@click.option("--publish", is_flag=True, help="Publish the quiz at once.")
@with_appcontext
def import_command(path: Path, title: str | None, source_url: str | None, publish: bool) -> None:
    """Import the article in PATH (.txt, .md or .html), generate its quiz, print the quiz id."""
    from flask import current_app

    from quizapp.engine import EngineError
    from quizapp.services.articles import import_article
    from quizapp.services.errors import ServiceError
    from quizapp.services.imports import text_from_upload
    from quizapp.services.validation import InvalidURL, check_url

    try:
        source_url = check_url(source_url, "The URL")
    except InvalidURL as exc:
        raise click.BadParameter(exc.message, param_hint="--url") from None
    try:
        text, page_title = text_from_upload(
            path.name, path.read_bytes(), max_chars=current_app.config["ARTICLE_MAX_CHARS"]
        )
        quiz = import_article(
            text,
            title=title or page_title,
            source_url=source_url,
            seed=current_app.config["GENERATOR_SEED"],
            max_questions=current_app.config["QUIZ_MAX_QUESTIONS"],
            publish=publish,
        )
    except ServiceError as exc:
        raise click.ClickException(exc.message) from exc
    except EngineError as exc:
        log.exception("quizapp import %s", path)
        raise click.ClickException(
            f"Generation failed: {exc} (a bug; see the log). Nothing was saved."
        ) from exc
    click.echo(quiz.id)


@click.command("import-quiz")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "format_name",
    required=True,
    type=click.Choice(IMPORTABLE),
)
@click.option("--publish", is_flag=True, help="Publish the quiz at once.")
@with_appcontext
def import_quiz_command(path: Path, format_name: str, publish: bool) -> None:
    """Import a quiz file (as exported by quizapp or a learning platform); print its id."""
    from quizapp.services.errors import ServiceError
    from quizapp.services.quiz_files import NothingImportable, import_quiz_file

    try:
        quiz = import_quiz_file(path.read_bytes(), format_name, publish=publish)
    except NothingImportable as exc:
        _echo_report(exc.report)
        raise click.ClickException(exc.message) from exc
    except ServiceError as exc:
        raise click.ClickException(exc.message) from exc
    # The id alone on stdout, for scripts; the report, as on the review page, on stderr.
    _echo_report(quiz.import_report or [])
    click.echo(quiz.id)


def _echo_report(report: list[str]) -> None:
    if report:
        click.echo("Import report:", err=True)
        for line in report:
            click.echo(f"  {line}", err=True)


@click.command("export")
@click.argument("quiz_id", type=int)
@click.option(
    "--format",
    "format_name",
    required=True,
    type=click.Choice(EXPORT_FORMATS),
    help="The file format.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@with_appcontext
def export_command(quiz_id: int, format_name: str, output: Path | None) -> None:
    """Export quiz QUIZ_ID (stdout, or the file given with -o)."""
    from quizapp.services.errors import ServiceError
    from quizapp.services.exports import export_quiz

    try:
        exported = export_quiz(quiz_id, format_name)
    except ServiceError as exc:
        raise click.ClickException(exc.message) from exc
    for warning in exported.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if output is None:
        click.echo(exported.data, nl=False)  # bytes go to the binary stdout untouched
    else:
        output.write_bytes(exported.data)
        click.echo(f"Wrote {output} ({len(exported.data)} bytes).")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background imports from the RQ queue at QUIZAPP_REDIS_URL (see the README)."""
    from flask import current_app

    from quizapp.services import jobs

    if not current_app.config.get("REDIS_URL"):
        raise click.ClickException(
            "QUIZAPP_REDIS_URL is not set: without it the app runs each import in a child "
            "process of its own and needs no worker."
        )
    jobs.work(current_app._get_current_object(), burst=burst)  # type: ignore[attr-defined]


@click.group("jobs", hidden=True)
def jobs_group() -> None:
    """Internal: the processes of a background import (started by the app, not by hand)."""


@jobs_group.command("run")
@click.argument("job_id", type=int)
@click.option("--parent", type=int, default=None, help="Die with this process (the supervisor).")
@with_appcontext
def run_job_command(job_id: int, parent: int | None) -> None:
    """Generate the quiz of import job JOB_ID in this process."""
    from flask import current_app

    from quizapp.services import jobs

    if parent is not None:
        jobs.die_with_parent(parent)
    jobs.run(current_app._get_current_object(), job_id)  # type: ignore[attr-defined]


@jobs_group.command("supervise")
@click.argument("job_id", type=int)
@with_appcontext
def supervise_job_command(job_id: int) -> None:
    """Run import job JOB_ID in a child process with its time limit; record how it ended."""
    from flask import current_app

    from quizapp.services import jobs

    jobs.supervise(current_app._get_current_object(), job_id)  # type: ignore[attr-defined]


def init_app(app: Flask) -> None:
    """Register the app's own commands on ``app.cli``."""
    for command in (
        seed_command,
        generate_command,
        create_user_command,
        create_token_command,
        export_command,
        import_command,
        import_quiz_command,
        worker_command,
        jobs_group,
    ):
        app.cli.add_command(command)


def main() -> None:
    """Entry point of the ``quizapp`` console script."""
    cli = FlaskGroup(create_app=create_app, help=__doc__)
    cli.main(prog_name="quizapp")
