"""The vocabulary of moves the judges detect, and the reaction categories they fall into.

A move is an observable thing a reply does ("names the other person's feeling", "says 'yes,
but'"). Scores, persona reactions and suggestions are all explained by moves, so this
vocabulary is shared by the scenario and rubric formats, the judges and the UI.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Category(StrEnum):
    """What kind of response a reply is, as the persona perceives it."""

    defensive = "defensive"
    reactive_adjustment = "reactive_adjustment"
    inquiry = "inquiry"
    listening = "listening"
    minimal = "minimal"


class Move(StrEnum):
    """An observable move in a reply."""

    # listening
    reflect_content = "reflect_content"
    reflect_feeling = "reflect_feeling"
    acknowledge = "acknowledge"
    own = "own"
    appreciate = "appreciate"
    # inquiry
    open_question = "open_question"
    check = "check"
    # questions that are not inquiry
    closed_question = "closed_question"
    leading_question = "leading_question"
    # defensive
    justify = "justify"
    deny = "deny"
    counterattack = "counterattack"
    blame = "blame"
    minimise = "minimise"
    dismiss = "dismiss"
    deflect = "deflect"
    yes_but = "yes_but"
    sarcasm = "sarcasm"
    defend = "defend"
    # reactive adjustment
    capitulate = "capitulate"
    quick_fix = "quick_fix"
    # a concrete next step offered once the problem is understood
    commit = "commit"
    # collaboration (scored by the session rubric)
    invite_collaboration = "invite_collaboration"
    shared_purpose = "shared_purpose"
    name_own_reaction = "name_own_reaction"


MOVE_CATEGORY: dict[Move, Category | None] = {
    Move.reflect_content: Category.listening,
    Move.reflect_feeling: Category.listening,
    Move.acknowledge: None,  # a generic "I hear you" is not listening on its own
    Move.own: Category.listening,
    Move.appreciate: None,
    Move.open_question: Category.inquiry,
    Move.check: Category.inquiry,
    Move.closed_question: None,
    Move.leading_question: None,
    Move.justify: Category.defensive,
    Move.deny: Category.defensive,
    Move.counterattack: Category.defensive,
    Move.blame: Category.defensive,
    Move.minimise: Category.defensive,
    Move.dismiss: Category.defensive,
    Move.deflect: Category.defensive,
    Move.yes_but: Category.defensive,
    Move.sarcasm: Category.defensive,
    Move.defend: Category.defensive,
    Move.capitulate: Category.reactive_adjustment,
    Move.quick_fix: Category.reactive_adjustment,
    # Once every concern is out, proposing a next step is a response to what was heard.
    Move.commit: Category.listening,
    Move.invite_collaboration: None,
    Move.shared_purpose: None,
    Move.name_own_reaction: None,
}

# What each move does, as a verb phrase: "<the quoted words> <description>."
MOVE_DESCRIPTION: dict[Move, str] = {
    Move.reflect_content: "paraphrases a specific point the other person made",
    Move.reflect_feeling: "names the feeling behind what they said",
    Move.acknowledge: "acknowledges in general ('I hear you'): polite, but shows nothing heard",
    Move.own: "accepts responsibility for a specific thing",
    Move.appreciate: "thanks them for raising it",
    Move.open_question: "asks an open question that invites them to say more",
    Move.check: "checks your understanding and invites correction ('is that fair?')",
    Move.closed_question: "asks a closed or logistical question (yes/no, a fact, a time)",
    Move.leading_question: "asks a rhetorical, leading or accusatory question",
    Move.justify: "explains why you were right",
    Move.deny: "says what they said is not true",
    Move.counterattack: "turns the criticism back on them",
    Move.blame: "puts the responsibility on someone else",
    Move.minimise: "says it is not a big deal",
    Move.dismiss: "waves the feeling away ('calm down', 'sorry you feel that way')",
    Move.deflect: "postpones or changes the subject",
    Move.yes_but: "acknowledges, then cancels it with 'but'",
    Move.sarcasm: "mocks or says the opposite of what is meant",
    Move.defend: "pushes back on their point instead of taking it in",
    Move.capitulate: "concedes everything at once to end the discomfort",
    Move.quick_fix: "promises a fix before understanding the problem",
    Move.commit: "commits to a concrete next step once the problem is understood",
    Move.invite_collaboration: "invites them to shape the answer together",
    Move.shared_purpose: "links the issue to a goal you both share",
    Move.name_own_reaction: "names your own reaction honestly ('this is hard to hear')",
}

# When a reply mixes categories, the persona reacts to the strongest signal: defence poisons
# whatever else the reply did ("I hear you, but..."), and a fix offered before understanding
# reads as a brush-off even when it comes with a question.
CATEGORY_PRIORITY: tuple[Category, ...] = (
    Category.defensive,
    Category.reactive_adjustment,
    Category.inquiry,
    Category.listening,
    Category.minimal,
)


def categories_of(moves: Iterable[Move | str]) -> frozenset[Category]:
    """The reaction categories present in a collection of moves (never empty)."""
    found = {cat for m in moves if (cat := MOVE_CATEGORY[Move(m)]) is not None}
    return frozenset(found) if found else frozenset({Category.minimal})


def primary_category(categories: frozenset[Category]) -> Category:
    """The category the persona reacts to, by CATEGORY_PRIORITY."""
    for cat in CATEGORY_PRIORITY:
        if cat in categories:
            return cat
    return Category.minimal


def effective_categories(categories: Iterable[Category]) -> frozenset[Category]:
    """What a reply counts as: a defensive reply counts only as defensive, however much
    listening came with it; a reply with no recognised move counts as minimal."""
    cats = frozenset(categories) - {Category.minimal}
    if not cats:
        return frozenset({Category.minimal})
    if Category.defensive in cats:
        return frozenset({Category.defensive})
    return cats
