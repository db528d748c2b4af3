"""'Try next': one line of advice that follows the scores. It works on the lowest-scoring turn
dimension (a defence first when several tie, since it undoes the rest), never tells the user to
do what the judge just credited, and after a reply that scores 5 everywhere says what made it
work and one way to go further.

Dimensions are recognised by what their rubric scores, not by their names: one that rewards
reflections is about listening, one that rewards open questions about inquiry, one that takes
points off for several defences about non-defensiveness. Any other gets its next level's
description.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Literal

from sparring.formats.moves import Move
from sparring.formats.rubric import Dimension
from sparring.judge.base import DEFENSIVE_MOVES, DimensionScore

Family = Literal["defence", "listening", "inquiry", "other"]
# When several dimensions share the lowest score, the one worked on first.
PRIORITY: tuple[Family, ...] = ("defence", "listening", "inquiry", "other")

HOSTILE = frozenset({Move.counterattack, Move.dismiss, Move.sarcasm})
DEFENDING = frozenset({Move.justify, Move.blame, Move.minimise, Move.defend})
REACTIVE = frozenset({Move.quick_fix, Move.capitulate})
REFLECTED = frozenset({Move.reflect_content, Move.reflect_feeling})

UNDERSTOOD = (
    "Everything is on the table now: sum it up, propose one concrete next step together, and "
    "check it works for them."
)
# What a strong reply did, in the past tense (so it reads as credit, not as an instruction).
CREDIT = {
    Move.reflect_content: "said their point back in your own terms",
    Move.reflect_feeling: "named the feeling behind it",
    Move.own: "owned your part",
    Move.name_own_reaction: "said honestly how it landed with you",
    Move.check: "checked you had understood",
    Move.open_question: "asked an open question",
    Move.invite_collaboration: "invited them to shape what happens next",
}


def family(dimension: Dimension) -> Family:
    """What a dimension measures, read from how its rubric scores moves."""
    # (asked several times per reply of the same few dimensions: found once for each; a
    # dimension is frozen, so what it measures cannot change while it is held here)
    known = _FAMILIES.get(id(dimension))
    if known is not None and known[0] is dimension:
        return known[1]
    if len(_FAMILIES) >= 256:
        _FAMILIES.clear()
    found = _family(dimension)
    _FAMILIES[id(dimension)] = (dimension, found)
    return found


_FAMILIES: dict[int, tuple[Dimension, Family]] = {}


def _family(dimension: Dimension) -> Family:
    weights = dimension.scoring.moves
    penalties = sum(w for m, w in weights.items() if m in DEFENSIVE_MOVES and w < 0)
    if penalties <= -3:
        return "defence"
    if weights.get(Move.open_question, 0) > 0 or weights.get(Move.check, 0) > 0:
        return "inquiry"
    if weights.get(Move.reflect_content, 0) > 0 or weights.get(Move.reflect_feeling, 0) > 0:
        return "listening"
    return "other"


def advice(
    scores: Sequence[DimensionScore],
    dimensions: Sequence[Dimension],
    moves: Collection[Move],
    *,
    understood: bool = False,
    going_further: str = "",
) -> str:
    """One line on what to change next. `going_further`: after a strong reply, what the
    suggestion adds to it (said in the advice as the way to go further)."""
    present = frozenset(moves)
    by_id = {d.id: d for d in dimensions}
    scored = [(s, by_id[s.dimension]) for s in scores if s.dimension in by_id]
    if not scored:  # a rubric with no turn dimensions: the moves alone
        if present & (DEFENSIVE_MOVES | REACTIVE):
            return _defence(2, present)
        if not present & REFLECTED:
            return _listening(2, present)
        if not present & {Move.open_question, Move.check}:
            return _inquiry(2, present)
        return strong(present, going_further)
    if all(s.score == 5 for s, _ in scored):
        return strong(present, going_further)
    lowest = min(s.score for s, _ in scored)
    weakest = [(s, d) for s, d in scored if s.score == lowest]
    score, dimension = min(weakest, key=lambda sd: PRIORITY.index(family(sd[1])))
    kind = family(dimension)
    if understood and not present & (DEFENSIVE_MOVES | REACTIVE):
        return UNDERSTOOD
    if kind == "defence":
        return _defence(score.score, present)
    if kind == "listening":
        return _listening(score.score, present)
    if kind == "inquiry":
        return _inquiry(score.score, present)
    nxt = dimension.levels.get(min(score.score + 1, 5), "").rstrip(".")
    return f"To score higher on {dimension.name.lower()}: {nxt[:1].lower()}{nxt[1:]}."


def strong(present: frozenset[Move], going_further: str) -> str:
    done = [text for move, text in CREDIT.items() if move in present]
    what = _join(done) if done else "took their point in without defending"
    further = going_further or "leave a pause after it and let them answer before you add more"
    return f"Strong reply: it worked because you {what}. To go further, {further}."


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _defence(score: int, present: frozenset[Move]) -> str:
    if present & HOSTILE:
        return (
            "Take the feeling seriously instead of waving it away: no comeback, no edge; "
            "show what you heard."
        )
    if Move.yes_but in present:
        return (
            "The 'but' cancels everything before it: stop after the acknowledgement and let it "
            "stand."
        )
    if Move.leading_question in present and not present & REFLECTED:
        return (
            "That question argues your side: ask one you don't know the answer to, about what "
            "happened for them."
        )
    if present & DEFENDING or Move.deny in present:
        if present & REFLECTED:
            return (
                "You showed you heard it, then defended: drop the explanation and let the "
                "reflection stand on its own."
            )
        return (
            "Drop the explanation for now: show what you heard, and ask before you defend anything."
        )
    if Move.deflect in present:
        return _deflect(present)
    if present & REACTIVE:
        return _REACTIVE
    if score <= 3:
        return "Take the point in: show what you heard, and own a specific part if it's yours."
    if Move.reflect_feeling in present or Move.own in present:
        return "To go further, own a specific part of it if it's yours."
    return "To go further, own a specific part of it if it's yours, or name the feeling behind it."


def _deflect(present: frozenset[Move]) -> str:
    if present & REFLECTED:
        return (
            "You showed you heard it, then moved on: stay with it now and let the reflection stand."
        )
    return "Stay with it now rather than postponing: show what you heard before anything else."


_REACTIVE = (
    "Ask before you adjust: a fix offered before you understand the problem reads as a brush-off."
)


def _listening(score: int, present: frozenset[Move]) -> str:
    if present & HOSTILE:
        return _defence(score, present)
    if Move.deny in present:
        return (
            "Don't argue with their account yet: show what you heard, in your own words, before "
            "you give yours."
        )
    if Move.deflect in present:
        return _deflect(present)
    if present & (DEFENDING | {Move.yes_but}):
        return _defence(score, present)
    has_point, has_feeling = Move.reflect_content in present, Move.reflect_feeling in present
    if has_point and not has_feeling:
        return "You put their point into words; now name the feeling behind it too."
    if has_feeling and not has_point:
        return "You named the feeling; now say their specific point back as well."
    if has_point or has_feeling:
        return "To go further, own the part of it that's yours."
    lead = "Your question was a good one. " if Move.open_question in present else ""
    if Move.acknowledge in present:
        return (
            f"{lead}A general 'I hear you' shows nothing specific: put their point and the "
            "feeling into your own words."
        )
    if Move.own in present:
        return (
            f"{lead}You owned your part; now put their point and the feeling into your own words."
        )
    return (
        f"{lead}Show what you heard: put their specific point and the feeling into your own words."
    )


def _inquiry(score: int, present: frozenset[Move]) -> str:
    if present & REACTIVE:
        return _REACTIVE
    if present & (DEFENSIVE_MOVES - {Move.deflect}):
        return _defence(score, present)
    asked = Move.open_question in present
    if Move.leading_question in present and not asked:
        return "Make the question open and genuinely curious (what, how), not a point in disguise."
    if Move.closed_question in present and not asked:
        return "Make your question open (what, how) so they can say more than yes or no."
    if asked and Move.check not in present:
        return (
            "Your open question worked; to go further, check you've understood before you ask "
            "(\u201cHave I got that right?\u201d)."
        )
    if Move.check in present and not asked:
        return (
            "You checked your understanding; now ask one open question to invite them to say more."
        )
    if asked:
        return "To go further, invite them to shape what happens next."
    return "Ask one open question about what's behind it (what, how), and then listen."
