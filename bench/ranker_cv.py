"""Could a ranker trained on the blind verdicts tell the questions judges reject? (issue 15)

Usage::

    .venv/bin/python bench/ranker_cv.py --pool ../shared/eval/pool --dev ../shared/eval/dev

Direction 7 of issue 15 is "over-generate, then rank with what the judges taught you": a
logistic model over plain features of each question, trained on judged candidates. This script
measures whether such a model would know anything before it is built. For every judged run on
the tuning and dev articles in ``bench/verdicts/`` (never a check article: a number that is a
multiple of 4 stops it), it takes the generator at the commit that was judged (``git archive``
into a temporary folder), regenerates that run's quizzes (seed 7) in a subprocess, joins each
question with its verdict (an article whose quiz no longer has the judged number of questions
is left out), and reports, in grouped cross-validation (five folds by article, three
shuffles), the area under the ROC curve of three scorers: the claim's score alone, kind and
key alone, and a logistic regression over all the features below (numpy, L2, standardised
features). It then prints what dropping the lowest-ranked tenth and fifth would do to the
acceptance of what is left.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

#: (generator, judged commit, verdict file, article set): the runs judged on tuning or dev.
RUNS = (
    ("2.4.0", "418dd8a", "tune-2.4.0-seed7.txt", "pool"),
    ("2.8.0", "76642f7", "tune-2.8.0-seed7.txt", "pool"),
    ("2.9.0", "b942b13", "dev-2.9.0-seed7.txt", "dev"),
    ("2.10.0", "cf5b584", "tune-2.10.0-seed7.txt", "pool"),
    ("2.13.0", "0398781", "tune-2.13.0-seed7.txt", "pool"),
    ("2.14.0", "a835dad", "tune-2.14.0-seed7.txt", "pool"),
)

#: Run inside the judged commit's code: each question's text and the features of its claim.
_DUMP = r"""
import json, sys
from quizapp.engine import generate
from quizapp.engine.claims import extract_claims
from quizapp.engine.document import analyse
out = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    result = generate(text, seed=7)
    doc = analyse(text)
    claims = {c.id: c for c in extract_claims(doc)}
    rows = []
    for q in result.questions:
        c = claims.get(q.claim_id)
        rows.append({
            "kind": q.kind, "stem": q.stem, "evidence": q.evidence.text,
            "options": [[o.text, o.correct, o.mutation] for o in q.options],
            "score": None if c is None else c.score,
            "sentence": None if c is None else c.sentence.index,
            "sentences": len(doc.sentences), "questions": len(result.questions),
            "words": len(text.split()), "title": doc.layout.title or "",
        })
    out[path.rsplit("/", 1)[-1][:3]] = rows
json.dump(out, sys.stdout)
"""

_STOP = frozenset(
    "the a an of to in on for and or is was were be been has have had that this with by at as "
    "from it its their his her said says".split()
)
MUTATIONS = (
    "number_perturbation",
    "article_entity",
    "article_number",
    "number",
    "attribution",
    "negation",
    "typed_list",
    "entity",
)
FEATURES = (
    "claim score",
    "place in article",
    "lead",
    "sentence index",
    "true/false",
    "recall",
    "verification",
    "attribution",
    "true/false keyed True",
    "stem words",
    "evidence words",
    "headline overlap",
    "key has a figure",
    "key words",
    "longest wrong option minus key",
    "quote in stem",
    "quiz length",
    "position in quiz",
    "article words",
    "capitals per word",
    *(f"option made by {m}" for m in MUTATIONS),
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]


def features(row: dict, position: int) -> list[float]:
    """The plain features of one question (in the order of :data:`FEATURES`)."""
    kind, options = row["kind"], row["options"]
    key = next(o for o in options if o[1])
    wrong = [o for o in options if not o[1]]
    made = {o[2] for o in options if o[2]}
    title, evidence = set(_words(row["title"])), _words(row["evidence"])
    score = row["score"] if row["score"] is not None else 0.5
    sentence = row["sentence"] if row["sentence"] is not None else 0
    key_words = len(key[0].split())
    longest = max((len(o[0].split()) for o in wrong), default=0)
    values = [
        score,
        sentence / max(1, row["sentences"]),
        sentence == 0,
        min(sentence, 15) / 15,
        kind == "true_false",
        kind == "fact_recall",
        kind == "claim_verification",
        kind == "attribution",
        kind == "true_false" and key[0] == "True",
        len(row["stem"].split()) / 40,
        len(evidence) / 30,
        len(title & set(evidence)) / max(1, len(title)),
        bool(re.search(r"\d", key[0])),
        key_words / 10,
        (longest - key_words) / 10,
        '"' in row["stem"] or "\u201c" in row["stem"],
        row["questions"] / 12,
        position / 12,
        min(row["words"], 1000) / 1000,
        sum(ch.isupper() for ch in row["evidence"]) / max(1, len(row["evidence"].split())),
        *(m in made for m in MUTATIONS),
    ]
    return [float(v) for v in values]


def _verdicts(path: Path) -> dict[tuple[str, int], bool]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^Q?(\d{3})\.(\d+)\s+(ACCEPT|REJECT)", line)
        if m:
            if int(m[1]) % 4 == 0 and "tune" in path.name:
                sys.exit(f"{path.name}: check article {m[1]} in a tuning verdict file")
            out[(m[1], int(m[2]))] = m[3] == "ACCEPT"
    return out


def _regenerate(commit: str, articles: list[Path]) -> dict[str, list[dict]]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "quizapp"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        run = subprocess.run(
            [sys.executable, "-c", _DUMP, *map(str, articles)],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        )
    return json.loads(run.stdout)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (rank form; tied scores share their average rank)."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    _, tie = np.unique(scores, return_inverse=True)
    ranks = (np.bincount(tie, weights=ranks) / np.bincount(tie))[tie]
    pos = labels == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 5.0, steps: int = 4000) -> np.ndarray:
    """Logistic regression by gradient descent; the intercept is not penalised."""
    xb = np.c_[np.ones(len(x)), x]
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= 0.3 * (xb.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]] / len(y))
    return w


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[str], seed: int) -> np.ndarray:
    """Out-of-fold logits, five folds by article (features standardised on each training part)."""
    names = sorted(set(groups))
    np.random.default_rng(seed).shuffle(names)
    out = np.zeros(len(y))
    for k in range(5):
        held = set(names[k::5])
        test = np.array([g in held for g in groups])
        mu, sd = x[~test].mean(0), x[~test].std(0) + 1e-9
        w = fit((x[~test] - mu) / sd, y[~test])
        out[test] = np.c_[np.ones(test.sum()), (x[test] - mu) / sd] @ w
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", type=Path, required=True)
    ap.add_argument("--dev", type=Path, required=True)
    args = ap.parse_args()
    rows_x: list[list[float]] = []
    labels: list[float] = []
    groups: list[str] = []
    for version, commit, name, where in RUNS:
        verdicts = _verdicts(ROOT / "bench" / "verdicts" / name)
        folder = args.pool if where == "pool" else args.dev
        judged = sorted({a for a, _ in verdicts})
        quizzes = _regenerate(commit, [(folder / f"{a}.txt").resolve() for a in judged])
        kept = 0
        for art in judged:
            rows = quizzes.get(art, [])
            if len(rows) != max(i for a, i in verdicts if a == art):
                continue  # the quiz no longer has the judged numbering
            for i, row in enumerate(rows, 1):
                if (art, i) in verdicts:
                    rows_x.append(features(row, i))
                    labels.append(float(verdicts[(art, i)]))
                    groups.append(f"{where}/{art}")
                    kept += 1
        print(f"{version} ({commit}, {name}): {kept} judged questions joined")
    x = np.array(rows_x)
    y = np.array(labels)
    xs = (x - x.mean(0)) / (x.std(0) + 1e-9)
    print(f"\n{len(y)} questions, {int((1 - y).sum())} rejected ({(1 - y).mean():.0%})")
    kind_key = x[:, [FEATURES.index(f) for f in FEATURES[4:9]]]
    for label, data in (("claim score alone", x[:, :1]), ("kind and key", kind_key), ("all", x)):
        aucs = [auc(cross_validated(data, y, groups, s), y) for s in range(3)]
        print(f"grouped 5-fold AUC, {label}: " + ", ".join(f"{a:.3f}" for a in aucs))
    logits = cross_validated(x, y, groups, 0)
    order = np.argsort(logits)
    for share in (0.1, 0.2):
        kept_idx = order[int(share * len(y)) :]
        print(
            f"dropping the lowest-ranked {share:.0%}: acceptance {y.mean():.1%} -> "
            f"{y[kept_idx].mean():.1%} on what is left"
        )
    w = fit(xs, y)
    print("\nweights of the model fitted on everything (standardised features):")
    for name_, wi in sorted(zip(FEATURES, w[1:], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {wi:+.2f}  {name_}")


if __name__ == "__main__":
    main()
