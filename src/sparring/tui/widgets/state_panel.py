"""The persona's state: meters that move turn by turn, the turn counter, concerns found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from sparring.tui.widgets.doc import Doc

if TYPE_CHECKING:
    from sparring.formats.scenario import Scenario
    from sparring.persona.rules import PersonaState

METER_MAX = 10  # meters run from 0 to 10
BAR_WIDTH = METER_MAX


def meter_style(value: int, better: str) -> str:
    good = value <= 3 if better == "lower" else value >= 7
    bad = value >= 7 if better == "lower" else value <= 3
    return "green" if good else "red" if bad else "yellow"


def change_mark(change: int | None, better: str) -> Text:
    """The last change of a meter, e.g. ▼2, green when it went the good way."""
    if not change:
        return Text()
    arrow = "▲" if change > 0 else "▼"
    improved = (change < 0) == (better == "lower")
    return Text(f" {arrow}{abs(change)}", style="green" if improved else "red")


def meter_line(label: str, value: int, better: str, change: int | None) -> Text:
    text = Text(f"{label:<12}", style="bold")
    text.append("█" * value, style=meter_style(value, better))
    text.append("░" * (BAR_WIDTH - value), style="dim")
    text.append(f" {value:>2}")
    text.append_text(change_mark(change, better))
    return text


def render_state(
    scenario: Scenario, state: PersonaState, effects: dict[str, int] | None, turn: int
) -> Doc:
    out = Doc()
    head = out.line(f"Turn {turn}/{scenario.turn_limit}", "bold")
    if state.stage:
        head.append(f"  ·  {state.stage.replace('-', ' ')}", style="not bold italic")
    for name, meter in scenario.meters.items():
        out.line(
            meter_line(
                scenario.meter_label(name),
                state.meters[name],
                meter.better,
                (effects or {}).get(name),
            )
        )
    total = len(scenario.concerns)
    if total:
        out.blank()
        out.line(f"What's really going on ({len(state.revealed)}/{total})", "bold")
        for concern in scenario.concerns:
            if concern.id in state.revealed:
                out.bullet("✓ ", "green").append(concern.title)
        hidden = total - len(state.revealed)
        if hidden:
            out.line(f"☐ {hidden} more not said yet", "dim", indent=2)
    return out


class StatePanel(Static):
    DEFAULT_CSS = """
    StatePanel { height: auto; border: round $warning; padding: 0 1; }
    """

    def show(
        self, scenario: Scenario, state: PersonaState, effects: dict[str, int] | None, turn: int
    ) -> None:
        self.border_title = Text(f"{scenario.persona.name} right now")  # never markup
        self.update(render_state(scenario, state, effects, turn).renderable())


def render_state_summary(
    scenario: Scenario, state: PersonaState, effects: dict[str, int] | None, turn: int
) -> Text:
    """The state in two short lines, for terminals too small for the panel: the turn, the
    stage and the concerns found, then each meter's value and its last change."""
    text = Text()
    text.append(f"{scenario.persona.name}: ", style="bold")
    text.append(f"turn {turn}/{scenario.turn_limit}")
    if state.stage:
        text.append(f" · {state.stage.replace('-', ' ')}", style="italic")
    if scenario.concerns:
        text.append(f" · concerns found {len(state.revealed)}/{len(scenario.concerns)}")
    for i, (name, meter) in enumerate(scenario.meters.items()):
        value = state.meters[name]
        text.append("\n" if i == 0 else " · ")
        text.append(f"{scenario.meter_label(name)} ", style="bold")
        text.append(f"{value}/{METER_MAX}", style=meter_style(value, meter.better))
        text.append_text(change_mark((effects or {}).get(name), meter.better))
    return text


class StateSummary(Static):
    """The persona's state in two lines (shown instead of the panel on small terminals)."""

    def show(
        self, scenario: Scenario, state: PersonaState, effects: dict[str, int] | None, turn: int
    ) -> None:
        self.update(render_state_summary(scenario, state, effects, turn))
