"""The scenario format: who the persona is, what they hide, and how they react.

The pydantic models here are the single source of truth for the YAML format: the loader
validates against them, `sparring schema scenario` prints their JSON Schema, and the docs
describe the same fields.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from sparring.formats.common import MeterName, MeterValue, Slug, StrictModel, Text
from sparring.formats.moves import Category, Move


class Condition(StrictModel):
    """A test on the persona's state. Every part that is given must hold; an empty condition
    always holds."""

    at_least: dict[MeterName, MeterValue] = {}
    """Meters that must be at or above a value, e.g. `{trust: 7}`."""

    at_most: dict[MeterName, MeterValue] = {}
    """Meters that must be at or below a value, e.g. `{frustration: 3}`."""

    revealed: Literal["all"] | list[Slug] = []
    """Concerns that must already be revealed: a list of concern ids, or `all`."""

    not_revealed: list[Slug] = []
    """Concerns that must still be hidden."""

    reply: list[Category] = []
    """The user's latest reply must be one of these kinds (defensive, reactive_adjustment,
    inquiry, listening, minimal). Empty means any reply."""

    moves: list[Move] = []
    """The user's latest reply must make one of these moves, as the judge read it (e.g.
    `blame` for "HR signed it off", `justify`, `deny`, `minimise`; `sparring docs` lists
    them all). For a line that answers what was said ("Don't hide behind head office"
    only when they blamed someone else); lines only, and a line whose moves match is chosen
    before the others of its reaction. Empty means any reply."""

    said: list[Annotated[str, Field(min_length=1, max_length=60)]] = []
    """The user's latest reply must use one of these words or phrases, matched as a concern's
    `about` is (whole words, any ending: `course` matches "courses"; a phrase in order). For a
    line that answers what they offered ("A leadership course. Lovely." only after a course);
    lines only, chosen before the others of its reaction like `moves`. Empty means any reply."""

    from_turn: Annotated[int, Field(ge=1, le=100)] | None = None
    """Holds only from this turn on (turn 1 is the user's first reply)."""

    @property
    def pointed(self) -> bool:
        """Written for what a reply did or said (`moves` or `said`), not for any reply."""
        return bool(self.moves or self.said)


def _line_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Line(StrictModel):
    """One thing the persona can say. Placeholders: {user} (the user's name), {persona} (the
    persona's name)."""

    text: Text
    """What the persona says."""

    when: Condition | None = None
    """Say this line only when the condition holds (checked after the reply's effects)."""


LineOption = Annotated[Line, BeforeValidator(_line_from_text, json_schema_input_type=str | Line)]
"""A line: plain text, or a mapping with `text` and an optional `when`."""

Lines = Annotated[list[LineOption], Field(min_length=1)]


class Persona(StrictModel):
    """Who the persona is: name, role, how they talk and what they have been through."""

    name: Annotated[str, Field(min_length=1, max_length=60)]
    """The persona's name as the conversation shows it, e.g. `Sarah`."""

    role: Annotated[str, Field(min_length=1, max_length=120)]
    """Their role and relationship to the user, e.g. `Sales director, reports to you`."""

    style: Text
    """How they talk: pace, register, habits. Guides the LLM voice and the line writers."""

    background: Text
    """What they know, want and have been through before this conversation."""


class Meter(StrictModel):
    """A number from 0 to 10 that describes how the persona feels, moved by the user's replies."""

    start: MeterValue
    """The value when the conversation starts."""

    better: Literal["higher", "lower"]
    """Which way is good for the conversation: `lower` for frustration, `higher` for trust."""

    label: Annotated[str, Field(min_length=1, max_length=24)] | None = None
    """The name shown on screen; defaults to the meter's key, capitalised."""

    description: Text | None = None
    """What the meter means, shown to the user as help."""

    held_back: Annotated[int, Field(ge=0, le=5)] = 0
    """How far each concern still hidden keeps this meter from its best value: with `1` on
    trust and four hidden concerns, trust cannot rise above 6 until something comes out. So the
    meter cannot be maxed out without the conversation getting anywhere."""


class Reaction(StrictModel):
    """How the persona reacts to one kind of reply."""

    effects: dict[MeterName, Annotated[int, Field(ge=-10, le=10)]] = {}
    """How much each meter moves, e.g. `{frustration: 2, trust: -1}`. Meters stay within 0-10."""

    lines: Lines
    """What the persona may say; one is picked, never the same twice in a row, and none
    repeated in a session while others remain. Write at least 3."""


class Reactions(StrictModel):
    """How the persona reacts to each kind of reply. When a reply mixes kinds, the persona
    reacts to the strongest in this order: defensive, reactive_adjustment, inquiry, listening,
    minimal. Effects of listening and inquiry add up when a reply does both."""

    defensive: Reaction
    """The user justified, denied, blamed, minimised, dismissed, deflected, said 'yes, but',
    counter-attacked or was sarcastic."""

    reactive_adjustment: Reaction
    """The user conceded or promised a fix before understanding the problem."""

    inquiry: Reaction
    """The user asked a genuine open question or checked their understanding."""

    listening: Reaction
    """The user reflected a specific point or feeling, or owned something specific."""

    minimal: Reaction
    """Nothing of the above: a generic or off-topic reply, or silence."""

    confused: Reaction | None = None
    """A reply the persona cannot make sense of: empty, gibberish, or another language. Its
    effects replace the usual ones (impatience). Without it, the minimal lines are used."""

    repeated: Reaction | None = None
    """An empty reply in a run, or the same reply again ("Tell me more", "ok", the same words
    twice): she notices. Its effects replace the usual ones. Without it, the minimal lines."""

    apology: Reaction | None = None
    """The user apologised for something specific: her lines react to the apology. Its effects
    add to those of the reply's kind. Without it, the listening lines."""

    check: Reaction | None = None
    """The user checked their understanding ("so it's the visits, is that right?"): her lines
    confirm or correct. Its effects add to those of the reply's kind. Without it, the
    listening lines."""

    not_yet: Reaction | None = None
    """The user asked about a concern she is not ready to talk about yet: her lines hold back.
    Its effects add to those of the reply's kind. Without it, the inquiry lines."""

    def for_category(self, category: Category) -> Reaction:
        reaction: Reaction = getattr(self, category.value)
        return reaction

    def for_kind(self, kind: str) -> Reaction:
        """The reaction whose lines answer a kind of reply, falling back as documented."""
        own: Reaction | None = getattr(self, kind, None)
        if own is not None:
            return own
        fallback = REACTION_FALLBACK.get(kind, "minimal")
        reaction: Reaction = getattr(self, fallback)
        return reaction


# Kinds of reply the persona answers beyond the five categories, and whose lines stand in
# for theirs when a scenario does not write them.
REACTION_FALLBACK = {
    "confused": "minimal",
    "repeated": "minimal",
    "apology": "listening",
    "check": "listening",
    "not_yet": "inquiry",
}


Topic = Annotated[str, Field(min_length=2, max_length=60)]


class Concern(StrictModel):
    """Something the persona is really upset about but does not say until it is earned."""

    id: Slug
    """A short id used by conditions, e.g. `cancelled-visits`."""

    title: Annotated[str, Field(min_length=1, max_length=100)]
    """A short summary shown in the checklist once revealed, and as missed in the debrief."""

    detail: Text
    """What is really going on, for the debrief, trainers and the LLM voice."""

    about: Annotated[list[Topic], Field(max_length=40)] = []
    """Words and phrases the concern is about, e.g. `[Halvorsen, customer visits, cancelled]`.
    A question or reflection that uses one of them touches the concern: it comes out as soon
    as its `reveal_when` allows, before the others (in any order); asked too early, she holds
    back; named by the user first, she recognises it. A word matches its other forms (`visit`
    matches `visits`: words of more than four letters by their first five); a phrase matches
    when its words appear together, in order."""

    reveal_when: Condition
    """When the persona may reveal it, e.g. `{reply: [inquiry], at_least: {trust: 5}}`. At
    most one concern comes out per turn: one the reply touched, else the first listed."""

    lines: Lines
    """How the persona says it when it comes out."""

    recognised: Lines | None = None
    """What she says when the user names it before she has said it ("Yes. That's exactly
    it."): it then counts as surfaced, credited to the user. Without these, her `lines`."""

    follow_up: Lines | None = None
    """What she says when asked about it again once it is out."""

    effects: dict[MeterName, Annotated[int, Field(ge=-10, le=10)]] = {}
    """How coming out moves her meters, on top of the reply's effects: saying it at last is
    often a relief, e.g. `{frustration: -1}`."""

    hint: Text | None = None
    """A nudge the hint action may give while this concern is hidden, without writing the
    reply for the user."""


class Ending(StrictModel):
    """A way the conversation can end."""

    id: Slug
    """`breakthrough`, `walkout`, `turn_limit` or your own id."""

    title: Annotated[str, Field(min_length=1, max_length=100)]
    """A short heading for the debrief, e.g. `Sarah opens up`."""

    outcome: Literal["good", "bad", "neutral"]
    """How the debrief presents the ending."""

    when: Condition | None = None
    """When the conversation ends this way. Checked after each reply, in the listed order.
    Only the `turn_limit` ending may leave it out: it happens when the turn limit is reached."""

    lines: Lines
    """The persona's closing line; one is picked."""


class Stage(StrictModel):
    """A named phase of the conversation, derived from the state (the first that holds)."""

    id: Slug
    """A short id, e.g. `heated`."""

    description: Text
    """What the persona is like in this stage; guides the LLM voice."""

    when: Condition = Condition()
    """When the conversation is in this stage."""


class Scenario(StrictModel):
    """A rehearsal: one persona, what they hide, how they react, how it can end."""

    id: Slug
    """A unique id, e.g. `frustrated-sales-director`; `sparring rehearse ID` finds it."""

    title: Annotated[str, Field(min_length=1, max_length=80)]
    """The title shown in the scenario picker."""

    summary: Annotated[str, Field(min_length=1, max_length=600)]
    """Two or three sentences on the situation, shown in the picker."""

    difficulty: Literal["easy", "medium", "hard"]
    """How hard the persona is to reach."""

    you_play: Annotated[str, Field(min_length=1, max_length=200)]
    """Who the user plays, e.g. `Ken, head of the division and Sarah's manager`."""

    user_name: Annotated[str, Field(min_length=1, max_length=40)]
    """The user's character's name; fills the {user} placeholder."""

    setting: Text | None = None
    """Where and when the conversation happens, shown before the opening line."""

    persona: Persona
    """The person the user faces."""

    meters: Annotated[dict[MeterName, Meter], Field(min_length=1, max_length=6)]
    """The persona's state as meters (0-10), e.g. frustration and trust."""

    concerns: list[Concern] = []
    """What the persona is really upset about, revealed only when earned."""

    opening: Lines
    """The persona's first line; one is picked."""

    reactions: Reactions
    """How the persona reacts to each kind of reply."""

    endings: Annotated[list[Ending], Field(min_length=1)]
    """How the conversation can end. Shipped scenarios have `walkout` and `breakthrough`."""

    stages: list[Stage] = []
    """Optional named phases (e.g. heated, guarded, opening up) for the LLM voice and the UI."""

    rubric: Slug
    """The id of the rubric every reply is scored with, e.g. `difficult-feedback`."""

    session_rubric: Slug | None = None
    """The id of a rubric scored over the whole session in the debrief, e.g. `co-creator`."""

    turn_limit: Annotated[int, Field(ge=2, le=60)] = 12
    """The most replies the user gets; reaching it ends the conversation with `turn_limit`."""

    patience: Annotated[int, Field(ge=2, le=12)] = 4
    """How many empty or repeated replies in a row ("ok", "Tell me more", the same words again,
    ones she cannot make sense of) she sits through before she leaves: the conversation then
    ends with the ending whose outcome is bad. One that says something specific resets it."""

    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = []
    """Free tags for the picker, e.g. `peer`, `customer`."""

    order: Annotated[int, Field(ge=0, le=10_000)] = 100
    """Where the scenario appears in the picker: lower first, then by title."""

    def concern(self, concern_id: str) -> Concern:
        return next(c for c in self.concerns if c.id == concern_id)

    def ending(self, ending_id: str) -> Ending | None:
        return next((e for e in self.endings if e.id == ending_id), None)

    def meter_label(self, name: str) -> str:
        meter = self.meters[name]
        return meter.label or name.replace("_", " ").capitalize()
