"""LLM mode end to end, over real HTTP: `sparring run` as a user runs it, against the small
OpenAI-compatible server in tests/support/fake_llm.py on 127.0.0.1 (streamed as server-sent
events). Healthy, failing and hung endpoints: the run always finishes, with LLM lines and
scores when it can and the scripted line and offline judge, said so, when it cannot."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import read_transcript
from sparring.session.events import AssessmentEvent, NoticeEvent, PersonaEvent
from tests.support.fake_llm import FakeLLM

REPLIES = "What has been going on with the team?\nSo the offsites cost you Halvorsen.\n"


@pytest.fixture
def server() -> Iterator[FakeLLM]:
    with FakeLLM() as running:
        yield running


def sparring(
    server: FakeLLM, home: Path, out: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    argv = [
        sys.executable,
        "-m",
        "sparring",
        "run",
        "frustrated-sales-director",
        "--voice",
        "llm",
        "--judge",
        "llm",
        "--base-url",
        server.url,
        "--model",
        "M",
        "--replies",
        "-",
        "--out",
        str(out),
        *extra,
    ]
    env = {
        "SPARRING_HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "SPARRING_CONFIG": str(home / "c.toml"),
    }
    return subprocess.run(
        argv, input=REPLIES, capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_run_with_an_llm_voice_and_judge_over_http(server: FakeLLM, tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    ran = sparring(server, tmp_path, out, "--json")
    assert ran.returncode == 0, ran.stderr
    shown = json.loads(ran.stdout)
    assert shown["opening"][0].startswith("Listen, "), "her lines come from the endpoint"
    lines = [line for turn in shown["turns"] for line in turn["lines"]]
    assert [line["voice"] for line in lines] == ["llm:M"] * len(shown["turns"])
    assert all(t["assessment"]["judge"] == "llm:M" for t in shown["turns"])
    assert all(not t["notices"] for t in shown["turns"]), "no fallback"
    data = read_transcript(out)
    assert (data.header.voice, data.header.judge) == ("llm:M", "llm:M")
    persona = [e for e in data.events if isinstance(e, PersonaEvent)]
    assert persona
    assert all(p.voice == "llm:M" and not p.cut for p in persona)
    assert all(a.assessment.judge == "llm:M" for a in data.events if isinstance(a, AssessmentEvent))
    bodies = [r["body"] for r in server.requests]
    assert all(b["model"] == "M" for b in bodies)
    assert any(b.get("stream") for b in bodies), "the voice streams"
    judged = [b for b in bodies if "REPLY = " in b["messages"][-1]["content"]]
    assert judged
    assert judged[0]["response_format"]["type"] == "json_schema"


@pytest.mark.parametrize("mode", ["fail", "hang", "cut", "unauthorized"])
def test_a_failing_endpoint_never_stops_the_run(server: FakeLLM, tmp_path: Path, mode: str) -> None:
    (tmp_path / "c.toml").write_text("[llm]\nturn_timeout = 2\n", encoding="utf-8")
    server.mode = mode
    out = tmp_path / "t.jsonl"
    started = time.monotonic()
    ran = sparring(server, tmp_path, out)
    took = time.monotonic() - started
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
    data = read_transcript(out)
    notices = [e.text for e in data.events if isinstance(e, NoticeEvent)]
    assert notices, "the fallback is said"
    assert all(
        a.assessment.judge == "offline" for a in data.events if isinstance(a, AssessmentEvent)
    )
    said = [e for e in data.events if isinstance(e, PersonaEvent) and not e.cut]
    assert all(p.voice == "scripted" for p in said)
    # the opening and two turns, with a 2 s budget: the pause means later turns do not wait
    assert took < 20, f"took {took:.1f} s"
    expected = {
        "unauthorized": "check OPENAI_API_KEY",
        "missing": "model 'M' not found",
        "fail": "answered 500 (the fake server failed)",
        "hang": "in time",
        "cut": "the stream ended before the line did",
    }[mode]
    assert any(expected in n for n in notices), notices
