"""Hints: what to try next, from the persona's state, without writing the reply for the user."""

from __future__ import annotations

from sparring.formats.moves import Category
from sparring.formats.scenario import Concern, Scenario
from sparring.persona.rules import PersonaState


def _hot_meter(scenario: Scenario, state: PersonaState) -> str | None:
    """A 'lower is better' meter that is still high (e.g. frustration at 7+)."""
    for name, meter in scenario.meters.items():
        if meter.better == "lower" and state.meters.get(name, 0) >= 7:
            return scenario.meter_label(name).lower()
    return None


def _next_concern(scenario: Scenario, state: PersonaState) -> Concern | None:
    return next((c for c in scenario.concerns if c.id not in state.revealed), None)


def hint(scenario: Scenario, state: PersonaState, last_reaction: Category | None) -> str:
    """One or two sentences on what to try before the next reply."""
    name = scenario.persona.name
    if last_reaction is Category.defensive:
        return (
            f"{name} heard your last reply as a defence. Before anything else, put the specific "
            "thing they just said into your own words, and leave your side of it for later."
        )
    if last_reaction is Category.reactive_adjustment:
        return (
            f"You offered a fix before you knew what {name} needs. Ask what is behind the "
            "complaint first; fixes land better once they have been heard."
        )
    hot = _hot_meter(scenario, state)
    if hot:
        return (
            f"{name}'s {hot} is still high. Reflect the specific point and the feeling behind "
            "it before you ask or explain anything."
        )
    concern = _next_concern(scenario, state)
    if concern is None:
        return (
            "Everything is on the table now. Sum up what you heard, then propose one concrete "
            "next step together and check it works for them."
        )
    parts = []
    needs = concern.reveal_when
    for meter, low in needs.at_least.items():
        if state.meters.get(meter, 0) < low:
            parts.append(
                f"{name} is not ready to tell you the next thing yet: keep showing you heard "
                f"them, so their {scenario.meter_label(meter).lower()} can grow."
            )
            break
    if concern.hint:
        parts.append(concern.hint)
    if Category.inquiry in needs.reply and not parts:
        parts.append("Ask an open question that invites them to say what is underneath.")
    if not parts:
        parts.append("Reflect what they just said, then ask one open question.")
    return " ".join(parts)
