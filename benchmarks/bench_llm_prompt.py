"""Prompt tokens per turn over a 60-turn session, budgeted versus full history.

The persona's prompt (and the judge's) is built for every turn of a 60-turn conversation with
the flagship scenario, twice: with the default budget (3,000 tokens) and with no budget (the
whole conversation every time), counted with the offline tokenizer. Also how often the prompt
starts the same as the turn before (what a provider's prefix cache can reuse).
Run: python benchmarks/bench_llm_prompt.py [--turns 60] [--budget 3000]
"""

from __future__ import annotations

import argparse
from types import MappingProxyType

from sparring.adapters.files.library import Library
from sparring.adapters.llm.judge_prompt import judge_messages
from sparring.adapters.llm.tokens import TokenCounter
from sparring.adapters.llm.voice_prompt import voice_messages
from sparring.formats.moves import Category
from sparring.judge.base import Exchange
from sparring.persona.rules import PersonaState, initial_state
from sparring.persona.script import Utterance, fill
from sparring.persona.voices import SpeechContext

REPLIES = [
    "So the offsites keep pulling you away from customers, and you're fed up with it. "
    "What has it cost your team?",
    "That's not fair. We had to do the retreats, the board asked for them.",
    "You're right that I cancelled Halvorsen twice. That's on me. What happened with them after?",
    "I hear you, but the numbers will follow once people understand why we do this.",
    "Help me understand what the pressure from finance has been like these last weeks.",
    "It sounds like you've been left to explain our pledges to customers without being asked "
    "what you think. Is that fair?",
]
UNLIMITED = 10_000_000


def conversation(turns: int) -> list[tuple[str, str]]:
    library = Library()
    scenario, _ = library.resolve_scenario("frustrated-sales-director")
    lines = [
        fill(line.text, user="Ken", persona="Sarah")
        for kind in ("defensive", "listening", "inquiry", "minimal")
        for line in scenario.reactions.for_kind(kind).lines
    ]
    talk: list[tuple[str, str]] = [
        ("persona", fill(scenario.opening[0].text, user="Ken", persona="Sarah"))
    ]
    for n in range(turns):
        talk.append(("user", REPLIES[n % len(REPLIES)]))
        talk.append(("persona", lines[n % len(lines)]))
    return talk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=60)
    parser.add_argument("--budget", type=int, default=3000)
    args = parser.parse_args()
    library = Library()
    scenario, path = library.resolve_scenario("frustrated-sales-director")
    rubric, _ = library.rubrics_for(scenario, path)
    counter = TokenCounter("gpt-4o-mini")
    assert not counter.estimating, "the bundled encoding should load"
    talk = conversation(args.turns)
    line = scenario.reactions.listening.lines[0].text
    utterance = Utterance(
        "reaction", "reactions.listening[0]", fill(line, user="Ken", persona="Sarah")
    )
    start = initial_state(scenario)
    rows = []
    previous_start = ""
    stable = 0
    for turn in range(1, args.turns + 1):
        said = talk[: 2 * turn]  # up to and including the user's reply of this turn
        state = PersonaState(MappingProxyType(dict(start.meters)), (), turn, start.stage)
        context = SpeechContext(scenario, state, tuple(said), Category.listening)
        budgeted, fitted = voice_messages(utterance, context, counter, args.budget)
        full, _ = voice_messages(utterance, context, counter, UNLIMITED)
        exchange = Exchange(
            reply=said[-1][1],
            persona_line=said[-2][1],
            persona_name="Sarah",
            user_name="Ken",
            conversation=tuple(said[:-1]),
            turn=turn,
        )
        judge_budgeted, _ = judge_messages(exchange, rubric, counter, args.budget)
        judge_full, _ = judge_messages(exchange, rubric, counter, UNLIMITED)
        head = budgeted[0]["content"] + budgeted[1]["content"][:1500]
        stable += head == previous_start
        previous_start = head
        rows.append(
            (
                turn,
                counter.messages(budgeted),
                counter.messages(full),
                counter.messages(judge_budgeted),
                counter.messages(judge_full),
                fitted.dropped,
            )
        )
    print(f"budget {args.budget} tokens, {args.turns} turns, offline tokenizer (cl100k)")
    print("turn | voice budgeted | voice full | judge budgeted | judge full | lines summarised")
    for row in rows:
        if row[0] in (1, 5, 10, 20, 30, 40, 50, 60) or row[0] == args.turns:
            print(" | ".join(str(v) for v in row))
    last = rows[-1]
    most = max(r[1] for r in rows)
    print(
        f"voice at turn {last[0]}: budgeted {last[1]} vs full {last[2]} "
        f"({last[2] / last[1]:.1f}x fewer tokens); most in any turn: {most}"
    )
    print(
        f"judge at turn {last[0]}: budgeted {last[3]} vs full {last[4]} "
        f"({last[4] / last[3]:.1f}x fewer)"
    )
    print(
        f"sum over the session, voice: budgeted {sum(r[1] for r in rows)} vs full "
        f"{sum(r[2] for r in rows)}"
    )
    print(
        f"turns whose prompt starts as the turn before did (first 1,500 characters of the "
        f"conversation): {stable} of {args.turns - 1}"
    )


if __name__ == "__main__":
    main()
