"""The persona's state: meters that move turn by turn, the turn counter, concerns found."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sparring.persona import PersonaState
from sparring.scenario import Scenario
from sparring.tui.widgets.doc import Doc

BAR_WIDTH = 10


def meter_line(label: str, value: int, better: str, change: int | None) -> Text:
    good = value <= 3 if better == "lower" else value >= 7
    bad = value >= 7 if better == "lower" else value <= 3
    style = "green" if good else "red" if bad else "yellow"
    text = Text(f"{label:<12}", style="bold")
    text.append("█" * value, style=style)
    text.append("░" * (BAR_WIDTH - value), style="dim")
    text.append(f" {value:>2}")
    if change:
        arrow = "▲" if change > 0 else "▼"
        improved = (change < 0) == (better == "lower")
        text.append(f" {arrow}{abs(change)}", style="green" if improved else "red")
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
        self.border_title = f"{scenario.persona.name} right now"
        self.update(render_state(scenario, state, effects, turn).renderable())
