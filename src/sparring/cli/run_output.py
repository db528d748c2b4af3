"""What `sparring run` prints: the dialogue with scores as text, or the same as JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sparring.runtime.headless import RunResult


def run_json(result: RunResult) -> dict[str, Any]:
    s = result.session
    return {
        "scenario": s.scenario.id,
        "ending": s.ending.id if s.ending else None,
        "opening": [e.text for e in s.opening if not e.cut],
        "opening_lines": [
            {"text": e.text, "voice": e.voice, "cut": e.cut, "line": e.line} for e in s.opening
        ],
        "opening_notices": s.opening_notices,
        "turns": [
            {
                "turn": t.number,
                "reply": t.user_text,
                "assessment": t.assessment.model_dump(mode="json"),
                "state": {
                    "meters": t.state.meters,
                    "revealed": t.state.revealed,
                    "stage": t.state.stage,
                    "reaction": t.state.reaction.value,
                },
                "persona": [p.text for p in t.persona if not p.cut],
                "lines": [
                    {"text": p.text, "voice": p.voice, "cut": p.cut, "line": p.line}
                    for p in t.persona
                ],
                "notices": t.notices,
            }
            for t in s.turns
        ],
        "transcript": str(result.transcript),
        "unused_replies": result.unused_replies,
    }


def render_text(result: RunResult) -> Iterator[str]:
    s = result.session
    persona = s.scenario.persona
    yield f"{s.scenario.title} - you play {s.scenario.you_play}"
    yield ""
    for event in s.opening:
        yield f"{persona.name}: {event.text}" + (" — cut off" if event.cut else "")
    for notice in s.opening_notices:
        yield f"    ! {notice}"
    for t in s.turns:
        yield ""
        yield f"[{t.number}] {s.scenario.user_name}: {t.user_text}"
        scores = " | ".join(f"{d.name} {d.score}/5" for d in t.assessment.scores)
        by = "" if t.assessment.judge in ("offline", "rules") else f"  ({t.assessment.judge})"
        yield f"    {scores}{by}"
        other = t.assessment.second_opinion
        if other is not None:
            from sparring.judge.both import disagreements

            theirs = " | ".join(f"{d.name} {d.score}/5" for d in other.scores)
            yield f"    {theirs}  ({other.judge}, second opinion)"
            for line in disagreements(t.assessment):
                yield f"    disagree: {line}"
        for d in t.assessment.scores:
            yield f"    - {d.name}: {d.rationale}"
        for note in t.assessment.notes:
            yield f"    note: {note}"
        yield f"    better: {t.assessment.suggestion}"
        for notice in t.notices:
            yield f"    ! {notice}"
        meters = ", ".join(
            f"{s.scenario.meter_label(n).lower()} {v}"
            + (f" ({t.state.effects[n]:+d})" if t.state.effects.get(n) else "")
            for n, v in t.state.meters.items()
        )
        yield f"    [{meters}]"
        for p in t.persona:
            tag = " (reveals: " + s.scenario.concern(p.reveals).title + ")" if p.reveals else ""
            if p.cut:
                tag = " — cut off"
            yield f"{persona.name}: {p.text}{tag}"
    yield ""
    if s.ending:
        yield f"Ending: {s.ending.id} - {s.ending.title}"
    else:
        yield "No ending yet: the replies ran out (resume it in the app)."
    if result.unused_replies:
        yield f"({result.unused_replies} replies were not used: the conversation had ended)"
    yield f"Transcript: {result.transcript}"
