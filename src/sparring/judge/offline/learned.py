"""The learned half of the offline judge: a linear text model, and a combiner that weighs it
against the rules, each where it is strong.

- The text model reads the reply's words (1-2-grams, how each sentence starts, what each
  question asks) and its character 4-grams, and gives one score (a logit) per signal:
  listening, inquiry, defensive. It was trained only on replies written for this project
  (`benchmarks/train_judge.py`).
- The combiner turns the text scores and the rules' verdicts into one probability per signal:
  a small network (one hidden layer of rectified units that the three signals share), so a
  reading such as "a reflection, but the rules heard hostility too" can count for more or less
  than the sum of its parts. It learned from replies the rules were not written from, so it
  knows how far to trust each.
- The gate estimates, from the other person's lines, whether they are upset with the replier
  at all: nobody defends themselves against a friend's story about their boss.

Inference is plain Python over a small table of weights shipped in the package
(`weights.json`): no training library, no download, deterministic, linear in the reply's
length. Scores of single sentences point at the words that carried a verdict (evidence).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from operator import add

SIGNALS = ("listening", "inquiry", "defensive")
MAX_CHARS = 20_000

_TRANSLATE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "\n": " ",
        "\t": " ",
        "\r": " ",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, all whitespace as spaces; same length as `text`."""
    low = text.translate(_TRANSLATE).lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_TRANSLATE))


WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[?!]")
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")


def word_grams(low: str) -> set[str]:
    """Word 1-2-grams; per sentence, its first one and two words ("^ what's"); per question,
    its words marked ("q what") and its last word, so what a question asks is told apart from
    what a statement says."""
    toks = WORD.findall(low)
    out = set(toks)
    out.update(f"{a} {b}" for a, b in itertools.pairwise(toks))
    for match in _SENTENCE.finditer(low):
        words = WORD.findall(match.group())
        if not words:
            continue
        out.add("^ " + words[0])
        if len(words) > 1:
            out.add(f"^ {words[0]} {words[1]}")
        if words[-1] == "?":
            out.update("q " + w for w in words[:-1])
            out.add("q$ " + (words[-2] if len(words) > 1 else ""))
    return out


# a full stop that ends an abbreviation or a number, not a sentence ("e.g.", "9 a.m.", "3.5")
_NOT_AN_END = re.compile(r"(?:\b\w\.\w|\b(?:e\.g|i\.e|etc|approx|vs|dr|mr|mrs|ms|no|dept|incl))$")


def mark_questions(low: str, ends: Sequence[int]) -> str:
    """`low` with a question mark closing each question the rules read in a sentence typed
    without one (`ends`: where each ends): the full stop, comma or colon it ends on becomes "?"
    (not one inside a number, a web address or an abbreviation), or the space after it, or, at
    the end of the reply, one is added. Offsets inside the reply are unchanged."""
    if not ends:
        return low
    chars = list(low)
    tail = ""
    for end in ends:
        at = end
        while at > 0 and chars[at - 1] in "\"')] ":
            at -= 1
        # a semicolon inside the sentence ends the question ("how are you holding up; i know")
        cut = low.rfind(";", max(0, at - 400), at)
        if cut > 0 and low[cut + 1 : cut + 2].isspace() and low.find("?", cut, at) < 0:
            chars[cut] = "?"
            continue
        follows = low[end : end + 1]
        if at > 0 and chars[at - 1] in ".,:" and (not follows or follows.isspace()):
            if chars[at - 1] != "." or not _NOT_AN_END.search(low, max(0, at - 12), at - 1):
                chars[at - 1] = "?"
            continue
        if not low[end:].strip():  # the end of the reply, perhaps before a space or a newline
            if end < len(chars):
                chars[end] = "?"
            else:
                tail = "?"
    return "".join(chars) + tail


def char_grams(low: str, n: int = 4) -> set[str]:
    text = " " + " ".join(low.split()) + " "
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def context_words(lines: Iterable[str]) -> set[str]:
    """Word 1-2-grams of the other person's lines (for the gate)."""
    out: set[str] = set()
    for line in lines:
        toks = WORD.findall(normalise(line))
        out.update(toks)
        out.update(f"{a} {b}" for a, b in itertools.pairwise(toks))
    return out


_CLAUSE = re.compile(r",\s+(?=but\b|though\b|although\b|however\b|because\b|so\b)|\s-\s")


def spans(text: str) -> list[tuple[int, int]]:
    """Sentences, cut at clause breaks (', but', ' - '): the units evidence can point at."""
    out = []
    for match in re.finditer(r"[^.!?;\n]+[.!?;]*", text):
        start, end = match.start(), match.end()
        cut = start
        for clause in _CLAUSE.finditer(text, start, end):
            out.append((cut, clause.start()))
            cut = clause.end()
        out.append((cut, end))
    trimmed = []
    for start, end in out:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed or [(0, len(text))]


def heard(low: str, their_lines: Sequence[str]) -> list[float]:
    """How much of the reply comes from their lines: the share of its content words that they
    used, and whether there were any lines to compare with. (A text model alone cannot tell a
    paraphrase of what they said from a confident misreading.)"""
    from sparring.judge.offline.lexicon import content_stems

    mine = content_stems(low)
    theirs: frozenset[str] = frozenset().union(*(content_stems(line) for line in their_lines))
    if not theirs:
        return [0.0, 1.0]
    return [len(mine & theirs) / len(mine) if mine else 0.0, 0.0]


def reflected(share: list[float], rules: dict[str, bool]) -> list[float]:
    """How much of a reflection the rules found is made of their words: a paraphrase of
    their point in their own terms ("You're frustrated that we keep cancelling your customer
    visits") is listening whatever frame it comes in, though the text model has learned that
    the frame alone ("you're frustrated that...") is often stock."""
    found = rules.get("move:reflect_content") or rules.get("move:reflect_feeling")
    return [share[0] if found else 0.0]


@dataclass(frozen=True)
class Verdict:
    """The learned judge's view of one reply."""

    probability: dict[str, float]
    threshold: dict[str, float]
    gate: float
    """How likely the other person is upset with the replier (1 when it is known)."""
    question_ends: tuple[int, ...] = ()
    """Where the questions the rules read without a question mark end (as the model read it)."""

    def says(self, signal: str) -> bool:
        return self.probability[signal] >= self.threshold[signal]

    def margin(self, signal: str) -> float:
        """How far from the threshold, in probability: small means unsure."""
        return abs(self.probability[signal] - self.threshold[signal])


def _sigmoid(z: float) -> float:
    if z < -60:
        return 0.0
    if z > 60:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


# How far a clear stance the rules found moves the model's thresholds (see below).
STANCE_MARGIN = 0.2
# How far a stance the rules read with near certainty moves a threshold: an open question or
# invitation with no defence lowers the bar for inquiry (the rules are the stronger half on
# questions, so the model must be quite sure that "Help me understand what went wrong with the
# last five." asks nothing to overrule them; grouped CV 0.843 to 0.844 against 0.2), and a reply
# that opens by flatly denying their account lowers the bar for defensive.
SURE_STANCE_MARGIN = 0.3
_TAKES_IN = (
    "move:open_question",
    "move:check",
    "move:own",
    "move:reflect_content",
    "move:closed_question",
)


def _stance_thresholds(threshold: dict[str, float], rules: dict[str, bool]) -> dict[str, float]:
    """The model's thresholds, moved where the rules read a clear stance (each checked with
    `benchmarks/train_judge.py --cv`):

    - a question the rules read as leading, and no open question: the model must be surer to
      call it inquiry (it hears "what", "how" and a question mark, not what is asked for);
    - a counter-attack, brush-off or sarcasm, and nothing engaging: surer to call it no
      defence; a reply that opens by flatly denying their account, much surer (the text model
      had learned "and that's not what happened" from admissions, "I said I'd ring, and that's
      not what happened", and called "That's not true, and that's not what happened." no
      defence);
    - engaging with their point (asking, checking, owning, reflecting, a plain question) and
      no defence at all: surer to call it defensive, and less sure to agree that it asks or
      owns. The text model alone tends to hear a challenge in a sincere question unlike those
      it learned from; this trades a few missed defences for fewer false alarms at about the
      same F1."""
    out = dict(threshold)
    if rules.get("opens_denying"):  # "That's not true, and that's not what happened."
        out["defensive"] = max(0.05, out["defensive"] - SURE_STANCE_MARGIN)
    if rules.get("move:leading_question") and not rules.get("inquiry"):
        out["inquiry"] = min(0.95, out["inquiry"] + STANCE_MARGIN)
    engaging = any(rules.get(k) for k in _TAKES_IN)
    if rules.get("hostile") and not engaging:  # "That's rich, coming from someone who..."
        out["defensive"] = max(0.05, out["defensive"] - STANCE_MARGIN)
    if rules.get("defensive") or not engaging:
        return out
    out["defensive"] = min(0.95, out["defensive"] + STANCE_MARGIN)
    if rules.get("move:open_question") or rules.get("move:check"):
        out["inquiry"] = max(0.05, out["inquiry"] - SURE_STANCE_MARGIN)
    if rules.get("move:own"):
        out["listening"] = max(0.05, out["listening"] - STANCE_MARGIN)
    return out


FIXED = 1_000_000
# The three weights of a gram are packed into one integer, each in a 64-bit field with an
# offset that keeps it positive, so summing a reply's grams is one `sum` over integers (exact,
# in any order, and without a carry between fields: a reply has far fewer than 2**23 grams).
_FIELD = 64
_OFFSET = 1 << 40
_MASK = (1 << _FIELD) - 1


def _packed(table: dict[str, list[float]]) -> dict[str, int]:
    out = {}
    for gram, (a, b, c) in table.items():
        a_, b_, c_ = (round(w * FIXED) + _OFFSET for w in (a, b, c))
        out[gram] = a_ | (b_ << _FIELD) | (c_ << (2 * _FIELD))
    return out


class Model:
    """The weights written by `benchmarks/train_judge.py`."""

    def __init__(self, data: dict[str, object]) -> None:
        self.meta = data["meta"]
        # Weights as whole numbers (millionths): integer sums are exact in any order, so a
        # verdict never depends on the order a set of grams is iterated in, and they are fast.
        self.word = _packed(data["word"])  # type: ignore[arg-type]
        self.char = _packed(data["char"])  # type: ignore[arg-type]
        self.bias: list[float] = data["bias"]  # type: ignore[assignment]
        combiner: dict[str, list[list[float]] | list[float]] = data["combiner"]  # type: ignore[assignment]
        self.hidden_w: list[list[float]] = combiner["hidden_weights"]  # type: ignore[assignment]
        self.hidden_b: list[float] = combiner["hidden_bias"]  # type: ignore[assignment]
        self.combine_w: list[list[float]] = combiner["weights"]  # type: ignore[assignment]
        self.combine_b: list[float] = combiner["bias"]  # type: ignore[assignment]
        self.threshold: list[float] = combiner["threshold"]  # type: ignore[assignment]
        self.rule_inputs: list[str] = combiner["rule_inputs"]  # type: ignore[assignment]
        gate: dict[str, object] = data["gate"]  # type: ignore[assignment]
        self.gate_w: dict[str, float] = gate["word"]  # type: ignore[assignment]
        self.gate_b: float = gate["bias"]  # type: ignore[assignment]
        floor = gate.get("floor", 1)
        self.gate_floor: int = floor if isinstance(floor, int) else 1

    @staticmethod
    def _sum(weights: dict[str, int], grams: set[str], out: list[float]) -> None:
        rows = list(filter(None, map(weights.get, grams)))
        if not rows:
            return
        n = len(rows)
        total = sum(rows)
        scale = 1.0 / (FIXED * math.sqrt(n))
        base = n * _OFFSET
        out[0] += scale * ((total & _MASK) - base)
        out[1] += scale * (((total >> _FIELD) & _MASK) - base)
        out[2] += scale * ((total >> (2 * _FIELD)) - base)

    def text_logits(self, low: str) -> list[float]:
        out = list(self.bias)
        self._sum(self.word, word_grams(low), out)
        self._sum(self.char, char_grams(low), out)
        return out

    def strongest_sentence(self, low: str, whole: list[float]) -> list[float]:
        """Per signal, the highest score of any one sentence or clause: a reply asks if any
        one of its questions asks, and defends if any one clause defends."""
        parts = spans(low)
        if len(parts) == 1:
            return list(whole)
        scores = [self.text_logits(low[start:end]) for start, end in parts]
        return [max(row[i] for row in scores) for i in range(3)]

    def gate(self, lines: Sequence[str]) -> float:
        """The probability that these lines are aimed at the listener (a grievance)."""
        grams = context_words(lines)
        rows = [w for w in map(self.gate_w.get, grams) if w is not None]
        # a line of a word or two says little either way ("Interesting.", "Okay"): its words
        # are weighed as if among `gate_floor` (as in training), so it stays near the prior
        scale = 1.0 / math.sqrt(max(len(rows), self.gate_floor))
        z = self.gate_b + (math.fsum(rows) * scale if rows else 0.0)
        return _sigmoid(z)

    def upset(self, their_lines: Sequence[str], confrontation: bool | None) -> float:
        """How likely they are upset with the replier: known from the situation
        (`confrontation`; the app: always), or read from their lines by the gate (with nothing
        of theirs to read, the gate's prior, its bias, is all there is)."""
        if confrontation is not None:
            return 1.0 if confrontation else 0.0
        return self.gate(their_lines) if their_lines else _sigmoid(self.gate_b)

    def combine(self, text: list[float], rules: Sequence[float]) -> list[float]:
        """Each signal's probability from one hidden layer (rectified) that all three share."""
        features = [*text, *rules]
        if len(features) != len(self.hidden_w):
            raise ValueError(f"{len(features)} inputs for a combiner of {len(self.hidden_w)}")
        # most inputs are the rules' verdicts, and most of those are 0: only the others add
        hidden = self.hidden_b
        for weights, x in zip(self.hidden_w, features, strict=True):
            if x == 1.0:  # (a rule's verdict: the weights themselves, unmultiplied)
                hidden = list(map(add, hidden, weights))
            elif x:
                hidden = list(map(add, hidden, map(x.__mul__, weights)))
        active = [(i, h) for i, h in enumerate(hidden) if h > 0.0]
        return [
            _sigmoid(b + math.fsum([ws[i] * h for i, h in active]))
            for ws, b in zip(self.combine_w, self.combine_b, strict=True)
        ]

    def verdict(
        self,
        reply: str,
        rule_signals: dict[str, bool],
        *,
        english: bool,
        their_lines: Sequence[str] = (),
        upset: float = 1.0,
        question_ends: Sequence[int] = (),
    ) -> Verdict:
        """`rule_signals`: what the rules found; `their_lines`: the other person's lines
        (latest last); `upset`: how likely they are upset with the replier (`upset()`);
        `question_ends`: where the questions the rules read without a question mark end."""
        low = mark_questions(normalise(reply[:MAX_CHARS]), question_ends)
        text = self.text_logits(low)
        rules = [float(rule_signals.get(k, False)) for k in self.rule_inputs]
        rules.append(float(not english))
        share = heard(low, their_lines)
        inputs = rules + share + self.strongest_sentence(low, text) + reflected(share, rule_signals)
        probability = dict(zip(SIGNALS, self.combine(text, inputs), strict=True))
        # P(defensive) = P(defensive | upset with the replier) x P(upset with the replier)
        probability["defensive"] *= upset
        threshold = dict(zip(SIGNALS, self.threshold, strict=True))
        return Verdict(
            probability, _stance_thresholds(threshold, rule_signals), upset, tuple(question_ends)
        )

    def best_span(
        self,
        reply: str,
        signal: str,
        among: Sequence[tuple[int, int]] = (),
        question_ends: Sequence[int] = (),
    ) -> tuple[int, int]:
        """The sentence or clause whose own text score for `signal` is highest."""
        low = mark_questions(normalise(reply[:MAX_CHARS]), question_ends)
        index = SIGNALS.index(signal)
        candidates = list(among) or spans(low)
        start, end = max(
            candidates, key=lambda span: self.text_logits(low[span[0] : span[1]])[index]
        )
        # (a question mark the model was shown is not in it, nor what it did not read)
        return start, min(end, len(reply), MAX_CHARS)


_LOADING = threading.Lock()


def model() -> Model:
    """The shipped weights (read once, even when two threads ask at the same time: the app's
    warm-up and a first reply)."""
    with _LOADING:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Model:
    raw = files("sparring.judge.offline").joinpath("weights.json").read_text(encoding="utf-8")
    return Model(json.loads(raw))
