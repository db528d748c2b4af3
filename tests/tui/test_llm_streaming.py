"""The rehearsal screen in LLM mode, against the loopback OpenAI-compatible server: the
persona's line streams in (seen growing, not only whole), feedback names the LLM judge, Esc
stops waiting on a hung endpoint and keeps the reply, and a failed endpoint pauses LLM mode
with an offer to try again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from sparring.runtime.settings import Settings
from sparring.tui.app import AppOptions, make_app
from sparring.tui.screens.rehearsal import RehearsalScreen
from sparring.tui.screens.replay import ReplayScreen
from sparring.tui.widgets.conversation import Conversation
from tests.support.cli import run_cli
from tests.support.fake_llm import FakeLLM
from tests.tui.test_tui_flows import (
    SIZE,
    feedback,
    messages,
    paste,
    replay_body,
    settle,
    start_flagship,
    status,
    wait_for_screen,
    wait_until,
)


@pytest.fixture
def server() -> Iterator[FakeLLM]:
    with FakeLLM() as running:
        yield running


def llm_app(server: FakeLLM, **llm: Any) -> Any:
    settings = Settings.model_validate(
        {
            "llm": {"base_url": server.url, "model": "M", "turn_timeout": 3, **llm},
            "voice": {"kind": "llm"},
            "judge": {"kind": "llm"},
        }
    )
    return make_app(AppOptions(settings=settings, seed=0))


async def start(pilot: Pilot[Any]) -> RehearsalScreen:
    screen = await start_flagship(pilot)
    await wait_until(pilot, lambda: screen.ready, "the session", timeout=15)
    return screen


async def test_a_persona_line_streams_into_the_rehearsal_screen(server: FakeLLM) -> None:
    app = llm_app(server)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        opening = messages(screen, "persona")
        assert opening[0].body.startswith("Listen, "), "the opening came from the endpoint"

        server.mode, server.word_delay = "slow", 0.03
        await paste(pilot, "What has been going on with the team?")
        await pilot.press("enter")
        seen: list[str] = []

        def growing() -> bool:
            said = messages(screen, "persona")[len(opening) :]
            if said:
                seen.append(said[0].body)
            return len(set(seen)) >= 3

        deadline = time.monotonic() + 15
        while not growing():  # polled while the turn runs (not after it, as wait_until does)
            assert time.monotonic() < deadline, f"the line did not stream in: {seen}"
            await pilot.pause(0.02)
        assert "Esc: stop waiting" in status(screen) or status(screen) == ""
        await settle(pilot)
        final = messages(screen, "persona")[len(opening)]
        assert final.body.startswith("Listen, ")
        assert all(final.body.startswith(part) for part in seen), "it grew, piece by piece"
        assert len(seen[0]) < len(final.body)
        assert "Scored by llm:M" in feedback(screen)
        assert screen.session.turns[0].persona[0].voice == "llm:M"


async def test_esc_stops_waiting_on_a_hung_endpoint_and_keeps_the_reply(
    server: FakeLLM,
) -> None:
    app = llm_app(server, turn_timeout=30)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        server.mode = "hang"
        reply = "So the offsites cost you the Halvorsen visit?"
        await paste(pilot, reply)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("escape")  # stop waiting for the judge: the voice is not waited for
        await settle(pilot)
        turn = screen.session.turns[0]
        assert turn.user_text == reply
        assert turn.assessment.judge == "offline"
        assert [p.voice for p in turn.persona] == ["scripted"]
        assert any("You stopped waiting" in n for n in turn.notices)
        shown = [m.body for m in screen.query_one(Conversation).messages]
        assert reply in shown


async def test_a_failed_endpoint_pauses_llm_mode_and_ctrl_l_tries_again(
    server: FakeLLM,
) -> None:
    app = llm_app(server)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        server.mode = "fail"
        await paste(pilot, "What has been going on with the team?")
        await pilot.press("enter")
        await settle(pilot)
        assert "Ctrl+L tries LLM mode again" in status(screen)
        assert screen.check_action("resume_llm", ()) is True
        server.mode = "healthy"
        await pilot.press("ctrl+l")
        await paste(pilot, "So the offsites cost you Halvorsen.")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.session.paused == []
        assert screen.session.turns[-1].assessment.judge == "llm:M"


async def test_why_the_opening_was_scripted_is_shown_again_in_replay_and_on_resume(
    server: FakeLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[llm]\nturn_timeout = 2\n", encoding="utf-8")
    monkeypatch.setenv("SPARRING_CONFIG", str(config))
    server.mode = "fail"
    out = tmp_path / "t.jsonl"
    ran = run_cli(
        "run",
        "frustrated-sales-director",
        "--replies",
        "-",
        "--voice",
        "llm",
        "--base-url",
        server.url,
        "--model",
        "M",
        "--out",
        out,
        stdin="What has been going on with the team?\n",
    )
    assert ran.returncode == 0, ran.stderr
    said = "The llm:M voice failed (the endpoint answered 500"
    assert said in ran.stdout

    replay_app = make_app(AppOptions(replay=out))
    async with replay_app.run_test(size=SIZE) as pilot:
        replay = await wait_for_screen(pilot, ReplayScreen)
        await wait_until(pilot, lambda: said in replay_body(replay), "the opening's notice")

    resumed = make_app(AppOptions(resume=out, settings=Settings()))
    async with resumed.run_test(size=SIZE) as pilot:
        screen = await wait_for_screen(pilot, RehearsalScreen)
        await wait_until(pilot, lambda: screen.ready, "the session", timeout=15)
        shown = [m.body for m in screen.query_one(Conversation).messages]
        assert any(said in body for body in shown), shown
