"""The offline judge: deterministic, explainable, no network. Moves are detected by rules
(detect.py), weighed against a learned text model (learned.py, reconcile.py), discounted for
repeats and stock phrases (judge/repetition.py), scored by the rubric's own rules, and followed
by a suggested better reply built from what the persona just said (suggest.py).

Two judges share this code: `offline` (rules and model together, the default) and `rules`
(the rules alone, for comparison)."""

from __future__ import annotations

import asyncio

from sparring.formats.moves import Move, categories_of, effective_categories
from sparring.formats.rubric import Rubric
from sparring.judge.base import MAX_EVIDENCE, Assessment, Confidence, Evidence, Exchange
from sparring.judge.offline import learned
from sparring.judge.offline.detect import Detection, detect
from sparring.judge.offline.reconcile import ADDED, reconcile, rule_signals
from sparring.judge.offline.rules import INDEX
from sparring.judge.offline.suggest import suggest
from sparring.judge.repetition import discount
from sparring.judge.scoring import score_dimension

# How many of the persona's lines before the last one a reflection may refer back to.
EARLIER_LINES = 3
# A verdict this close to the model's threshold (in probability) is a coin toss.
UNSURE_MARGIN = 0.08
# Below this estimate that the other person is upset with the replier, the rules do not read
# the shape of a sentence as taking a side (see `detect`).
SIDES_GATE = 0.5


class OfflineJudge:
    """Scores replies offline; the same reply always gets the same assessment."""

    def __init__(self, *, learned: bool = True) -> None:
        self.learned = learned
        self.name = "offline" if learned else "rules"

    def warm(self) -> None:
        """Do now the one-off work of a process's first assessment, which would otherwise
        make the first reply wait about a third of a second: index the rules by the words
        they need, and read the model's weights. Safe on a background thread."""
        INDEX.runnable("")
        if self.learned:
            learned.model()

    async def assess(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        # off the event loop, so the screen keeps drawing while a long reply is read
        return await asyncio.to_thread(self.assess_now, exchange, rubric)

    def assess_now(self, exchange: Exchange, rubric: Rubric) -> Assessment:
        persona_lines = [text for who, text in exchange.conversation if who == "persona"]
        if exchange.persona_line and (
            not persona_lines or persona_lines[-1] != exchange.persona_line
        ):
            persona_lines.append(exchange.persona_line)
        # the app always knows they are upset with the user; a labelled set of other
        # conversations may not say, and then the learned judge reads it from their lines
        known = exchange.confrontation
        if self.learned:
            upset = learned.model().upset(persona_lines, known)
        else:
            upset = 0.0 if known is False else 1.0
        # (with nothing of theirs to read there is no telling: every defence is read)
        sides = upset >= SIDES_GATE or (known is None and not persona_lines)
        found = detect(
            exchange.reply,
            exchange.persona_line,
            understood=exchange.understood,
            earlier=" ".join(persona_lines[-1 - EARLIER_LINES : -1]) or None,
            sides=sides,
        )
        evidence = [
            Evidence(move=h.move, start=h.start, end=h.end, quote=exchange.reply[h.start : h.end])
            for h in found.hits
        ]
        unsure: set[str] = set()
        """The signals the reply is scored by whose verdict was a coin toss (a signal narrowly
        absent changes nothing the user or the persona acts on)."""
        model_only_defence = False
        if self.learned and exchange.reply.strip():
            model = learned.model()
            rules_say = rule_signals(evidence)
            verdict = model.verdict(
                exchange.reply,
                rules_say,
                english=found.english,
                their_lines=persona_lines,
                upset=upset,
                question_ends=found.question_ends,
            )
            evidence = reconcile(exchange.reply, evidence, verdict, model)
            # a coin toss of the model is unsure only where the rules did not find the same
            # (an open question the rules read as one, and the model narrowly, is no toss-up)
            unsure = {
                s
                for s in learned.SIGNALS
                if verdict.says(s) and verdict.margin(s) < UNSURE_MARGIN and not rules_say[s]
            }
            # a reply that surely listens or asks is sure evidence of engaging, whether or not
            # it narrowly does the other too: the persona takes the turn at full weight
            # (not when either half hears a defence: then the turn is mixed, and a coin toss on
            # listening decides how much of it counts)
            engaging = {"listening", "inquiry"}
            sure = {s for s in engaging if verdict.says(s) and s not in unsure}
            defended = rules_say["defensive"] or verdict.says("defensive")
            if sure and unsure <= engaging and not defended:
                unsure = set()
            # a defence only the model hears, in words the rules read as engaging, is a call
            # the two halves of the judge disagree on: weaker evidence for the persona
            model_only_defence = verdict.says("defensive") and not rules_say["defensive"]
        evidence, notes, empty, repeated = discount(
            evidence, exchange.reply, exchange.conversation, exchange.persona_line
        )
        if model_only_defence and (empty or "defensive" in unsure):
            # "I see.", "Hmm.", "Still with you": words that fit any conversation carry no
            # stance to defend, and the rules found no edge in them; nor is a coin toss of the
            # model alone, against rules that read no defence, called a defence
            evidence = [e for e in evidence if e.move is not ADDED["defensive"]]
            model_only_defence = False
            unsure.discard("defensive")
        scores = [score_dimension(d, evidence) for d in rubric.turn_dimensions]
        moves = {e.move for e in evidence}
        # the reply's last open question, as the judge read it (one of substance, "What did
        # Saturday cost you?", before a bare "So tell me.")
        asked = max(
            (e for e in evidence if e.move is Move.open_question),
            key=lambda e: (len(e.quote.split()) >= 4, e.start),
            default=None,
        )
        suggestion, advice = suggest(
            persona_lines,
            moves,
            names=(exchange.user_name, exchange.persona_name),
            understood=exchange.understood,
            turn=exchange.turn,
            scores=scores,
            dimensions=rubric.turn_dimensions,
            reply=exchange.reply,
            asked=(asked.start, asked.end) if asked else None,
            question_ends=found.question_ends,
        )
        return Assessment(
            judge=self.name,
            moves=evidence[:MAX_EVIDENCE],
            categories=sorted(effective_categories(categories_of(moves))),
            scores=scores,
            suggestion=suggestion,
            advice=advice,
            confidence=_confidence(exchange.reply, found, bool(unsure) or model_only_defence),
            notes=[*found.notes, *notes],
            content_free=empty,
            repeats=repeated,
            intelligible=found.english and bool(exchange.reply.strip()),
        )


def _confidence(reply: str, found: Detection, unsure: bool) -> Confidence:
    """Low: the judge cannot read it, or the model's verdict on some signal is a coin toss
    (the persona then takes it as weak evidence). Medium: very short, very long, or shouted."""
    words = reply.split()
    if not found.english or unsure:
        return "low"
    if not words:
        return "high"
    if len(words) <= 2 or len(reply) > 2_000 or any("capitals" in n for n in found.notes):
        return "medium"
    return "high"
