"""Rules and model, reconciled into one set of moves with their evidence.

The rules name moves precisely and point at their words; the learned model decides, per
signal, whether the reply listens, asks, or defends. Where they agree, the rules' moves stand.
Where the model says a signal is there and the rules found nothing, a move is added on the
sentence that carried the model's verdict. Where the model says it is not there, the rules'
moves of that signal are set aside (a question that is not really asking counts as a closed
one; a reflection that is not really listening, as an acknowledgement).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sparring.formats.moves import MOVE_CATEGORY, Category, Move
from sparring.judge.base import Evidence
from sparring.judge.offline.learned import Model, Verdict, spans

SIGNAL_CATEGORY = {
    "listening": Category.listening,
    "inquiry": Category.inquiry,
    "defensive": Category.defensive,
}
# Listening as the judges detect it (commit is listening only once everything is out).
SIGNAL_MOVES = {
    "listening": frozenset({Move.reflect_content, Move.reflect_feeling, Move.own}),
    "inquiry": frozenset({Move.open_question, Move.check}),
    "defensive": frozenset(m for m, c in MOVE_CATEGORY.items() if c is Category.defensive),
}
ADDED = {"listening": Move.reflect_content, "inquiry": Move.open_question, "defensive": Move.defend}
SET_ASIDE = {
    "listening": Move.acknowledge,
    "inquiry": Move.closed_question,
    "defensive": None,  # a defence the model does not hear is simply not counted
}


HOSTILE = frozenset({Move.counterattack, Move.dismiss, Move.sarcasm})
# Questions the rules read as doing something other than asking: arguing (a leading or
# loaded question), proposing (a fix, "how's that?"), or hostile ("what exactly are you
# accusing me of?", the script's "anything else I can help with today?").
NOT_ASKING = frozenset({Move.leading_question, Move.quick_fix, Move.invite_collaboration, *HOSTILE})


_FLAT_DENIAL = re.compile(
    r"(?:no[,.!]? |well,? |look,? )?(?:(?:that'?s|that is|it'?s|this is) (?:not|simply not|just not"
    r"|absolutely not)|(?:that|it|this) (?:isn'?t|is not|wasn'?t|was not)) (?:true|right|correct"
    r"|what happened|accurate|the case)\b"
)


def rule_signals(moves: Sequence[Evidence]) -> dict[str, bool]:
    """What the rules found, per signal, whether any of it was hostile (a counter-attack, a
    dismissal, sarcasm: the rules' most telling defences), and each move by name
    (`move:own`): the combiner learns how far each one can be trusted."""
    present = {e.move for e in moves}
    found = {signal: bool(present & SIGNAL_MOVES[signal]) for signal in SIGNAL_MOVES}
    found["hostile"] = bool(present & HOSTILE)
    # a reply that opens by flatly denying their account ("That's not true, ...", "No, that
    # isn't what happened"): defensive in every training reply that does (not "That's not
    # fair", which may agree with them: "That's not fair on you, and it's on me")
    found["opens_denying"] = any(
        e.move is Move.deny and e.start <= 12 and _FLAT_DENIAL.match(e.quote.lower()) for e in moves
    )
    found.update((f"move:{m.value}", True) for m in present)
    return found


def _read_as(moves: Sequence[Evidence], kinds: frozenset[Move], span: tuple[int, int]) -> bool:
    return any(e.move in kinds and e.start < span[1] and e.end > span[0] for e in moves)


def _questions(reply: str) -> list[tuple[int, int]]:
    return [span for span in spans(reply) if "?" in reply[span[0] : span[1]]]


def reconcile(
    reply: str, moves: Sequence[Evidence], verdict: Verdict, model: Model
) -> list[Evidence]:
    """The rules' moves, with each signal made to agree with the model's verdict."""
    out = list(moves)
    found = rule_signals(out)
    for signal, moved in SIGNAL_MOVES.items():
        if verdict.says(signal) and not found[signal]:
            among = _questions(reply) if signal == "inquiry" else []
            if among:
                # the model may hear an invitation in a question the rules passed over, but
                # not in one they read as arguing, proposing or hostile
                among = [q for q in among if not _read_as(out, NOT_ASKING, q)]
                if not among:
                    continue
            start, end = model.best_span(reply, signal, among, verdict.question_ends)
            out.append(Evidence(move=ADDED[signal], start=start, end=end, quote=reply[start:end]))
        elif not verdict.says(signal) and found[signal]:
            instead = SET_ASIDE[signal]
            out = [
                (
                    Evidence(move=instead, start=e.start, end=e.end, quote=e.quote)
                    if e.move in moved and instead is not None
                    else e
                )
                for e in out
                if e.move not in moved or instead is not None
            ]
    return sorted(out, key=lambda e: (e.start, e.end, e.move.value))
