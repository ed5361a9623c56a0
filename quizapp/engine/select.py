"""Choosing the quiz: most check-worthy claims first, one question per claim, kinds rotated,
every draft through the gate, key positions spread evenly, and items kept independent.

Independence (Haladyna rule 4): no question's answer (a recall key, the phrase a verification
key has where its distractors differ, the true value a false statement hides) may appear in
another question's stem or options, and no claim is asked about twice (a second question on
the same claim always restates the first one's answer). Two-option true/false items are at most
a third of a quiz (a coin toss each, and blind editors refused sentences copied word for
word as "True is obvious"); a short quiz of good questions beats a long one of copies. The lead
(the first body sentence, the story's main point) may be asked as true/false from the first
pass on, so that no later item takes the name it states. A claim whose pronoun was resolved by
rule is asked only when the name is the story's main actor (:func:`pronouns.main_actor`), or
when one of the stricter rules of :mod:`~quizapp.engine.pronouns` or
:mod:`~quizapp.engine.descriptions` found the only name possible.
"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .claims import ClaimInfo
from .context import respell
from .distractors import display_name, person_sentences
from .document import Document, normalise, sentence_at
from .drafts import Draft
from .gate import check_question
from .kinds import REGISTRY
from .nlp import person_key, titled
from .scores import stated_result
from .types import Question

Generator = Callable[[Document, ClaimInfo, random.Random, int], list[Draft]]
# kept for callers that read it: the minimum quiz length the second round aims at
MIN_BEFORE_REPEAT = 8
_TOKEN_RE = re.compile(r"[$\u00a3\u20ac]?\d+(?:[.,]\d+)*%?(?:bn|m|k)?|[^\W\d_]+", re.UNICODE)
_NEGATION_RE = re.compile(r"\b(not|never|no|none|nothing|neither|nor)\b|n't\b", re.I)
_FUNCTION = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "and",
        "or",
        "did",
        "does",
        "do",
        "not",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "be",
        "been",
        "its",
        "s",
    }
)


def _words(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("\u2019", "'").lower())


def _phrase(text: str) -> str:
    return " ".join(_words(text))


def _key_side_diffs(
    key: str, other: str, ops: tuple[str, ...] = ("replace", "delete")
) -> list[str]:
    """Phrases of ``key`` that ``other`` replaced: what tells the key from that option.

    Only phrases with a figure or a name count: a changed verb ("rose" / "fell") or
    quantifier recurs across any article's sentences without giving an answer away.
    """
    a_raw = _TOKEN_RE.findall(key.replace("\u2019", "'"))
    a, b = [w.lower() for w in a_raw], _words(other)
    out = []
    for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ops:
            raw = a_raw[i1:i2]
            if any(
                any(c.isdigit() for c in w) or (w[:1].isupper() and i1 + k > 0)
                for k, w in enumerate(raw)
            ):
                out.append(" ".join(a[i1:i2]))
    return out


def _key(q: Question) -> str:
    return next((o.text for o in q.options if o.correct), "")


def _bound_phrases(key: str, evidence: str) -> list[str]:
    """The key with the content word that follows it in the evidence, with and without a
    possessive ("nvidia s h200", "nvidia h200"): an article's topic name is no answer by
    itself, but another item that shows "Nvidia's H200" answers "_____'s H200"."""
    words = _words(evidence)
    k = _words(key)
    out: list[str] = []
    for i in range(len(words) - len(k) + 1):
        if not k or words[i : i + len(k)] != k:
            continue
        rest = words[i + len(k) : i + len(k) + 3]
        if rest[:1] == ["s"]:
            rest = rest[1:]
        if not rest or rest[0] in _FUNCTION or not rest[0][:1].isalnum():
            continue
        # "H200" is read as "h" "200": a code's letters alone say little
        nxt = " ".join(rest[:2]) if len(rest[0]) < 3 and len(rest) > 1 else rest[0]
        base = " ".join(k)
        out += [f"{base} s {nxt}", f"{base} {nxt}"]
    return list(dict.fromkeys(out))


def _with_bound(diffs: list[str], text: str) -> list[str]:
    """The phrases that tell a statement from its changed copies, each also with the word it
    is bound to in ``text`` ("nvidia h 200"), as for a recall key (2.7.0): a topic name
    alone gives nothing away, but another item that shows "Nvidia H200" answers "Huawei H200
    or Nvidia H200?" as surely as it answers "_____'s H200"."""
    diffs = list(dict.fromkeys(diffs))
    return list(dict.fromkeys([*diffs, *(b for d in diffs for b in _bound_phrases(d, text))]))


_BARE_FIGURE = re.compile(r"^([$\u00a3\u20ac]?\d[\d,.]*\d(?:%|bn|m)?)\s+[A-Za-z]")


def answer_phrases(q: Question) -> list[str]:
    """What a quiz taker must not be told by another item (normalised phrases)."""
    if REGISTRY[q.kind].short_answer:
        key = next((o.text for o in q.options if o.correct), "")
        if not key:
            return []
        bound = _bound_phrases(key, q.evidence.text) if q.kind == "fact_recall" else []
        # "2,202 people": another item that shows "from 2,110 to 2,202" gives it away too (a
        # fresh article, 2.19.4); only a figure of three digits or more stands alone so
        bare = _BARE_FIGURE.match(key)
        if bare and sum(ch.isdigit() for ch in bare[1]) >= 3:
            bound.append(_phrase(bare[1]))
        return [_phrase(key), *bound]
    if REGISTRY[q.kind].statements:
        key = next((o.text for o in q.options if o.correct), "")
        diffs = [p for o in q.options if not o.correct for p in _key_side_diffs(key, o.text)]
        return _with_bound(diffs, key)
    shown = q.stem.split(" the article says that ", 1)[-1]
    if q.kind == "true_false" and q.options[1].correct:
        # the false statement hides the evidence's value: that value is the answer
        return _with_bound(_key_side_diffs(q.evidence.text, shown, ("replace",)), q.evidence.text)
    if q.kind == "true_false":
        # a true statement is answered by any item that shows the same statement
        return [_phrase(shown)]
    return []


def shown_text(q: Question) -> str:
    """What a quiz taker reads in the item as a fact, normalised, padded for phrase tests.

    The stem, and options that are statements; a short answer option ("Huawei") asserts
    nothing, so another question whose answer it is is not given away by it.
    """
    statements = [] if REGISTRY[q.kind].short_answer else [o.text for o in q.options]
    return " " + _phrase(" ".join([q.stem, *statements])) + " "


#: Reasons :meth:`QuizState.conflict` gives, as the rejected counter shows them.
GIVE_AWAY = "gives away or is given away by another question"
SAME_CLAIM = "a second question on a claim already asked"
SAME_ANSWER = "a short answer another question already has"


@dataclass
class QuizState:
    """What the chosen items already show and ask, for the independence check."""

    claims: set[int] = field(default_factory=set)
    shown: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    negated_false: int = 0
    negated_true: int = 0
    other_false: int = 0

    topic: frozenset[str] = frozenset()
    keys: set[str] = field(default_factory=set)
    # claims found to state a side detail (:func:`passing_name`): asked by no kind
    side: set[int] = field(default_factory=set)

    def conflicts(self, q: Question, repeat: bool = False) -> bool:
        """Whether ``q`` would give another item away or be given away by one.

        Names the article uses in many sentences (its topic: "IE" in a browser story) are
        context every item shares, not an answer one item leaks to another; but a second
        question on an already asked claim (``repeat``) gets no such allowance.
        """
        return self.conflict(q, repeat) is not None

    def conflict(self, q: Question, repeat: bool = False) -> str | None:
        """Why ``q`` is refused by :meth:`conflicts` (a reason for the rejected counter), or
        None. A second question on an asked claim is counted apart from a give-away between
        two facts: only the latter could ever cost a quiz a fact it has not asked yet."""
        if q.claim_id in self.claims and not repeat:
            return SAME_CLAIM
        if REGISTRY[q.kind].short_answer and _phrase(_key(q)) in self.keys:
            return SAME_ANSWER  # one question per answer: a fifth "Nvidia" is no question at all
        topic = frozenset() if repeat else self.topic
        mine = [a for a in answer_phrases(q) if a and a not in topic]
        if not mine and repeat:
            return SAME_CLAIM
        text = shown_text(q)
        if any(f" {a} " in t for a in mine for t in self.shown) or any(
            f" {a} " in text for a in self.answers if a and a not in topic
        ):
            return SAME_CLAIM if repeat else GIVE_AWAY
        return None

    def negation_cue(self, q: Question) -> bool:
        """A false item made by negation when negations would then mark false items."""
        if q.kind != "true_false" or not q.options[1].correct:
            return False
        if not _inserted_negation(q):
            return False
        # negated false items may outnumber the false items made another way plus the true
        # items that carry the article's own negation by one at most
        return self.negated_false > self.other_false + self.negated_true

    def add(self, q: Question) -> None:
        """Record a chosen item."""
        self.claims.add(q.claim_id)
        if REGISTRY[q.kind].short_answer:
            self.keys.add(_phrase(_key(q)))
        self.shown.append(shown_text(q))
        self.answers.extend(a for a in answer_phrases(q) if a)
        if q.kind == "true_false":
            if q.options[1].correct and _inserted_negation(q):
                self.negated_false += 1
            elif q.options[1].correct:
                self.other_false += 1
            elif q.options[0].correct and _NEGATION_RE.search(q.stem):
                self.negated_true += 1


def _inserted_negation(q: Question) -> bool:
    """A false true/false statement that shows a "not" the article does not have: the cue
    Schuster et al. (2019) found. A statement made false by dropping the article's own "not"
    ("server sites host the files") shows none: it counts with the figures and names changed."""
    return (
        q.kind == "true_false"
        and q.options[1].correct
        and q.options[0].mutation == "negation"
        and bool(_NEGATION_RE.search(q.stem))
    )


class PositionBalancer:
    """Tracks key positions per option count and proposes the least used one."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counts: dict[int, Counter[int]] = {}

    def want(self, n_options: int) -> int:
        """Least used position for questions with ``n_options`` options (ties: random)."""
        c = self.counts.setdefault(n_options, Counter())
        low = min(c.get(i, 0) for i in range(n_options))
        return self.rng.choice([i for i in range(n_options) if c.get(i, 0) == low])

    def record(self, n_options: int, pos: int) -> None:
        """Count a placed key."""
        self.counts.setdefault(n_options, Counter())[pos] += 1


def gate_question(q: Question, text: str) -> list[str]:
    """The gate plus the engine's own consistency checks on offsets."""
    reasons = check_question(
        q.kind,
        q.stem,
        [(o.text, o.correct) for o in q.options],
        (q.evidence.start, q.evidence.end),
        text,
    )
    if text[q.evidence.start : q.evidence.end] != q.evidence.text:
        reasons.append("evidence is not a span of the article")
    return reasons


TOPIC_SENTENCES = 4

#: Entity labels that count as names for :func:`passing_name`.
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART"}
)
#: A sentence naming this many things the article never names again is a run of side detail.
PASSING_NAMES = 3


def passing_name(doc: Document, q: Question) -> bool:
    """Whether a recall item asks for a name the article mentions in one sentence only, outside
    the headline and lead, in a sentence that names PASSING_NAMES or more things it never names
    again ("to film her latest movie, Eucalyptus, with _____" in a story about a court order).

    A name said once in passing is not what the story is about (rubric rule 2: the key should
    be central); this was the one trivia rejection both tuning runs' blind editors agreed on.
    Only a recall key counts: the same test on any claim of such a sentence also took an
    accepted question (a name central to a saga the article mentions once). Later mentions
    are matched by the name's last word ("Ms X").
    """
    if q.kind != "fact_recall":
        return False
    s = sentence_at(doc, q.evidence.start)
    if s is None or s.index == 0:
        return False
    key = normalise(_key(q)).split()
    names = {m.text for m in s.mentions if m.label in _NAME_LABELS}
    if not key or not any(normalise(n).split()[-1:] == key[-1:] for n in names):
        return False
    about = f" {normalise(doc.layout.title or '')} {doc.sentences[0].norm} "

    def once(name: str) -> bool:
        last = normalise(name).split()[-1:]
        if not last:
            return False
        word = f" {last[0]} "
        return word not in about and not any(word in o.norm for o in doc.sentences if o is not s)

    if not once(_key(q)):
        return False
    return sum(once(n) for n in names) >= PASSING_NAMES


def _topic_names(doc: Document) -> frozenset[str]:
    """Names mentioned in at least TOPIC_SENTENCES sentences, as normalised phrases; a person
    counted by every form of their name (:func:`distractors.person_sentences`) and topic in
    each: "Marcel Desailly", named so once in a report that calls him "Desailly" throughout, is
    a name every item may show. Never where one surname names two people ("Serena Williams"
    and "Venus Williams"): each full name then counts on its own."""
    per_name: Counter[str] = Counter()
    for s in doc.sentences:
        for name in {m.text for m in s.mentions if m.label != "DATE"}:
            per_name[name] += 1
    names = {n for n, k in per_name.items() if k >= TOPIC_SENTENCES}
    forms: dict[str, set[str]] = {}
    shown: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.label == "PERSON":
            forms.setdefault(person_key(m.text), set()).add(m.text)
            # and the name as questions show it: "Chris Evans" for the model's "Broadcaster
            # Chris Evans" (a job run into the name), the form an attribution key has
            shown.setdefault(person_key(m.text), set()).add(display_name(doc, m))
    for key, seen in person_sentences(doc).items():
        full = {f.split()[0] for f in shown.get(key, ()) if len(f.split()) > 1 and not titled(f)}
        if len(seen) >= TOPIC_SENTENCES and len(full) <= 1:
            names |= forms.get(key, set()) | shown.get(key, set())
    return frozenset(_phrase(n) for n in names)


def select(
    doc: Document,
    claims: list[ClaimInfo],
    kinds: dict[str, Generator],
    rng: random.Random,
    max_questions: int,
    rejected: Counter[str],
) -> list[Question]:
    """Build the quiz from the ranked claims."""
    max_questions = min(max_questions, quiz_length(doc))
    # a claim stating the match result (or the lead under a result headline) is asked first:
    # it is the story's point, which blind editors missed on sports reports (score10)
    ranked = sorted(claims, key=lambda c: (stated_result(doc, c) is None, -c.score, c.id))
    # bounded work on long articles: only the best claims are ever turned into questions
    ranked = ranked[: max(3 * max_questions + 10, 30)]
    balancer = PositionBalancer(rng)
    kind_count: Counter[str] = Counter()
    chosen: list[Question] = []
    state = QuizState(topic=_topic_names(doc))
    seen_stems: set[str] = set()
    used_sentences: set[int] = set()
    used_spans: list[tuple[int, int]] = []
    names = list(kinds)
    tried: set[tuple[int, str]] = set()
    # round 0: new sentences only; 1: other claims of used sentences; 2: a second question
    # on a claim, never a true/false one and never one that shows or asks what the first one
    # does, up to MIN_BEFORE_REPEAT; 3: true/false beyond its share, only while the quiz is
    # shorter than MIN_QUIZ (an article with few figures and names still gets a quiz)
    # (round 0 runs twice: first without true/false, so that a recall or verification item
    # on a lower claim is not lost to a statement that shows its answer; 2.4.0)
    for round_no, no_tf in ((0, True), (0, False), (1, False), (2, False), (3, False)):
        for claim in ranked:
            if len(chosen) >= max_questions:
                break
            if round_no == 2 and len(chosen) >= MIN_BEFORE_REPEAT:
                break
            if round_no == 3 and len(chosen) >= MIN_QUIZ:
                break
            repeat = round_no == 2
            if (claim.subst is not None and not claim.subst_main) or claim.peripheral:
                # a pronoun resolved by rule alone: blind editors found wrong keys there
                continue
            if round_no == 3 and claim.id in state.claims:
                continue
            if claim.id in state.side:
                continue
            if (claim.id in state.claims) != repeat:
                continue
            if round_no == 0 and claim.sentence.index in used_sentences:
                continue
            # a clause of a sentence whose other claim is asked about must not overlap it
            if not repeat and any(claim.start < e and s < claim.end for s, e in used_spans):
                continue
            # kinds in rotation, true/false only where no other kind can ask about the claim
            order = sorted(names, key=lambda k: (k == "true_false", kind_count[k], names.index(k)))
            # the lead (the first body sentence: the story's main point) may be asked as
            # true/false in the first pass too, when no other kind can ask it (true/false is
            # tried last): else a recall item on a later claim takes the name it states (2.6.0)
            lead = no_tf and claim.sentence.index == 0
            if (
                (no_tf and not lead)
                or repeat
                or round_no < 3
                and _tf_capped(kind_count, len(chosen))
            ):
                order = [k for k in order if k != "true_false"]
            # a quoted remark is asked about only as such: who said it
            # (reported speech, "X said that ...", may be asked either way)
            if claim.quote is not None:
                order = [k for k in order if k == "attribution"]
            for kind in order:
                if (claim.id, kind) in tried and not repeat:
                    continue  # failed in the first pass: the quiz since only constrains more
                q = _try_kind(
                    doc,
                    claim,
                    kind,
                    kinds[kind],
                    rng,
                    balancer,
                    rejected,
                    seen_stems,
                    state,
                    repeat=repeat,
                )
                if claim.id in state.side:
                    break
                if q is None and no_tf:
                    tried.add((claim.id, kind))
                if q is not None:
                    chosen.append(q)
                    kind_count[kind] += 1
                    state.add(q)
                    seen_stems.add(q.stem)
                    used_sentences.add(claim.sentence.index)
                    used_spans.append((claim.start, claim.end))
                    break
    if "true_false" in kinds:
        by_id = {c.id: c for c in claims}
        chosen = _rebalanced(doc, by_id, chosen, kinds["true_false"], rng, balancer, rejected)
    return _within_true_false_share(chosen)


def answers_lean(same: int, total: int) -> bool:
    """Whether ``same`` of a quiz's ``total`` true/false answers being one answer tells a
    reader which to pick (always answering it scores): LEAN_SHARE of LEAN_MIN_ITEMS or more."""
    return total >= LEAN_MIN_ITEMS and same >= LEAN_SHARE * total


#: From this many true/false items on, a quiz whose answers are LEAN_SHARE one way or more
#: leans: every blind judge of the tuning set at 2.17.5 said nearly every answer was "True".
LEAN_MIN_ITEMS = 3
LEAN_SHARE = 0.75


def _true_items(chosen: list[Question]) -> tuple[int, int]:
    tf = [q for q in chosen if q.kind == "true_false"]
    return sum(q.options[0].correct for q in tf), len(tf)


def _rebalanced(
    doc: Document,
    by_id: dict[int, ClaimInfo],
    chosen: list[Question],
    gen: Generator,
    rng: random.Random,
    balancer: PositionBalancer,
    rejected: Counter[str],
) -> list[Question]:
    """While the quiz's true/false answers lean to True, ask a true item as a false statement
    instead, the last chosen first, where its claim has one that passes every check against
    the rest of the quiz (never the lead: its "not" denies the story, and a changed figure or
    name of the lead is offered first already)."""
    out = list(chosen)
    topic = _topic_names(doc)
    for i in reversed(range(len(out))):
        if not answers_lean(*_true_items(out)):
            break
        q = out[i]
        claim = by_id.get(q.claim_id)
        if q.kind != "true_false" or not q.options[0].correct or claim is None:
            continue
        if claim.sentence.index == 0:
            continue
        others = out[:i] + out[i + 1 :]
        state = QuizState(topic=topic)
        for other in others:
            state.add(other)
        seen = {other.stem for other in others}
        new = _try_kind(doc, claim, "true_false", gen, rng, balancer, rejected, seen, state, want=1)
        if new is not None and new.options[1].correct:
            out[i] = new
    return out


def _within_true_false_share(chosen: list[Question]) -> list[Question]:
    """Drop the last-chosen true/false items past :data:`TF_SHARE`, down to MIN_QUIZ."""
    out = list(chosen)
    while len(out) > MIN_QUIZ and sum(q.kind == "true_false" for q in out) > TF_SHARE * len(out):
        del out[max(i for i, q in enumerate(out) if q.kind == "true_false")]
    return out


#: Words of article per question: editors asked for a few questions on a story's main facts,
#: not fifteen on a match report (blind judges on the tuning articles, bench/RESULTS.md).
WORDS_PER_QUESTION = 40
#: The shortest and the longest quiz that :func:`quiz_length` allows.
QUIZ_LENGTH = (6, 12)


def quiz_length(doc: Document) -> int:
    """How many questions the article carries: one per WORDS_PER_QUESTION words, in bounds."""
    words = len(doc.text.split())
    low, high = QUIZ_LENGTH
    return max(low, min(high, words // WORDS_PER_QUESTION))


#: True/false answers are a coin toss: at most this share of a quiz.
TF_SHARE = 1 / 3
#: The quiz length selection fills with true/false items past their share if need be.
MIN_QUIZ = 7
#: How far the true/false answers of a quiz may lean to one side.
TF_IMBALANCE = 3


def _tf_capped(kind_count: Counter[str], n_chosen: int) -> bool:
    """Whether one more true/false item would take the quiz past its share of them
    (counted against the quiz length selection aims at, so early items leave room)."""
    return kind_count["true_false"] + 1 > TF_SHARE * max(n_chosen + 1, MIN_BEFORE_REPEAT)


def _try_kind(
    doc: Document,
    claim: ClaimInfo,
    kind: str,
    gen: Generator,
    rng: random.Random,
    balancer: PositionBalancer,
    rejected: Counter[str],
    seen_stems: set[str],
    state: QuizState | None = None,
    repeat: bool = False,
    want: int | None = None,
) -> Question | None:
    """The first draft of ``kind`` on the claim that passes every check, or None. ``want``:
    the key's place asked for (a true/false item's answer: 1 = False), with no fallback to
    the other; else the balancer's least used place, and for true/false the other answer as
    a fallback while the answers stay within TF_IMBALANCE."""
    spec = REGISTRY[kind]
    n_opts = spec.options
    forced = want is not None
    want = balancer.want(n_opts) if want is None else want
    tf = balancer.counts.get(2, Counter())
    drafts = gen(doc, claim, rng, want)
    if kind == "true_false" and not forced and abs(tf.get(0, 0) - tf.get(1, 0)) <= TF_IMBALANCE - 1:
        # the other answer keeps true/false within TF_IMBALANCE of balanced: it is a
        # fallback (false statements are made only by changing a figure or a name, and an
        # article without them is better asked true statements than none)
        drafts = drafts + gen(doc, claim, rng, 1 - want)
    for draft in drafts:
        if draft.stem in seen_stems and kind != "claim_verification":
            rejected["duplicate stem"] += 1
            continue
        n = n_opts if spec.fixed_options else len(draft.distractors) + 1
        pos = want if n == n_opts else balancer.want(n)
        q = draft.place(min(pos, n - 1))
        shown = [q.stem, *(o.text for o in q.options), q.explanation]
        texts = respell(doc, shown, len(shown) - 1)
        if texts is None:
            rejected["copies a typo of the article"] += 1
            continue
        if texts != shown:  # a name in the spelling the article uses most
            options = [replace(o, text=t) for o, t in zip(q.options, texts[1:-1], strict=True)]
            q = replace(q, stem=texts[0], explanation=texts[-1], options=options)
        reasons = gate_question(q, doc.text)
        if reasons:
            for r in reasons:
                rejected[r] += 1
            continue
        if passing_name(doc, q):
            # the sentence is a side detail whatever the kind: no other kind asks it
            rejected["a name the article mentions in passing"] += 1
            if state is not None:
                state.side.add(claim.id)
            return None
        why = state.conflict(q, repeat) if state is not None else None
        if why is not None:
            rejected[why] += 1
            continue
        if state is not None and state.negation_cue(q):
            rejected["negation would cue the false answer"] += 1
            continue
        balancer.record(len(q.options), q.key_index)
        return q
    return None
