"""LLM mode from the command line: flags, a clear message when nothing is configured,
`sparring llm check` in plain words, judge-eval and calibrate with the LLM judge, and the key
never shown anywhere (transcripts, output, error messages, the settings shown, caches)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import respx

from tests.support.cli import run_cli
from tests.support.llm import BASE, KEY, URL, Script, error, judged, stream, verdict

pytestmark = pytest.mark.httpx2

LLM = ("--voice", "llm", "--judge", "llm", "--base-url", BASE, "--model", "test-model")
REPLIES = "What has been going on with the team?\nSo the offsites cost you Halvorsen.\n"


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(using="httpcore2", assert_all_called=False) as router:
        yield router


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Test time settings through the settings file (a small turn budget), and the key."""
    config = tmp_path / "config.toml"
    config.write_text(
        "[llm]\nturn_timeout = 1\npause = 60\n"
        "[voice]\nconnect_timeout = 0.2\nread_timeout = 0.3\n"
        "[judge]\nconnect_timeout = 0.2\nread_timeout = 0.3\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SPARRING_CONFIG", str(config))
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return config


@pytest.mark.parametrize("command", ["run", "rehearse"])
@pytest.mark.parametrize("flags", [("--voice", "llm"), ("--judge", "both"), ("--judge", "llm")])
def test_llm_mode_without_an_endpoint_says_what_to_set(
    tmp_path: Path, command: str, flags: tuple[str, ...]
) -> None:
    replies = tmp_path / "r.txt"
    replies.write_text("What happened?\n", encoding="utf-8")
    extra = ("--replies", str(replies)) if command == "run" else ()
    ran = run_cli(command, "frustrated-sales-director", *extra, *flags)
    assert ran.returncode == 1
    assert "LLM mode needs an endpoint and a model" in ran.stderr
    assert "OPENAI_API_KEY" in ran.stderr
    assert "--base-url" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_sparring_alone_opens_the_app_with_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from sparring.cli.commands import rehearsing

    opened: list[object] = []
    monkeypatch.setattr(rehearsing, "_run_app", lambda options: opened.append(options) or 0)
    ran = run_cli()
    assert ran.returncode == 0, ran.stderr
    [options] = opened
    assert getattr(options, "resume", "?") is None
    assert getattr(options, "settings", "?") is None, "nothing set: nothing loaded first"


def test_a_base_url_that_is_not_one_is_refused_in_plain_words(tmp_path: Path) -> None:
    ran = run_cli("llm", "check", "--base-url", "localhost:11434", "--model", "m")
    assert ran.returncode == 1
    assert "must start with http:// or https://" in ran.stderr


def test_llm_check_says_what_works(mock: respx.MockRouter, fast: Path) -> None:
    mock.post(URL).mock(
        side_effect=[
            stream("ready"),
            error(400, "json_schema is not supported"),
            judged({"ok": True}),
        ]
    )
    ran = run_cli("llm", "check", "--base-url", BASE, "--model", "test-model")
    assert ran.returncode == 0, ran.stderr
    assert "✓ reachable: http://llm.test/v1" in ran.stdout
    assert "✓ streaming works" in ran.stdout
    assert "JSON mode works: the LLM judge will use it" in ran.stdout
    assert "key from environment OPENAI_API_KEY" in ran.stdout
    assert KEY not in ran.stdout + ran.stderr


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (error(401, "Incorrect API key provided"), "✗ key: the endpoint refused the key (401"),
        (error(404, "model not found: test-model"), "(404: model not found: test-model)"),
    ],
)
def test_llm_check_says_what_to_fix(
    mock: respx.MockRouter, fast: Path, answer: object, said: str
) -> None:
    route = mock.post(URL).mock(return_value=answer)
    ran = run_cli("llm", "check", "--base-url", BASE, "--model", "test-model")
    assert ran.returncode == 1
    assert said in ran.stdout
    assert "LLM mode is not ready" in ran.stdout
    assert route.call_count == 1


def test_run_with_the_llm_prints_who_said_and_scored_what(
    mock: respx.MockRouter, fast: Path, tmp_path: Path
) -> None:
    mock.post(URL).mock(side_effect=Script(voice=[stream("Well. ", "Ask me, then.")]))
    out = tmp_path / "t.jsonl"
    ran = run_cli(
        "run",
        "frustrated-sales-director",
        "--replies",
        "-",
        "--json",
        "--out",
        out,
        *LLM,
        stdin=REPLIES,
    )
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert data["opening"] == ["Well. Ask me, then."]
    assert data["turns"][0]["assessment"]["judge"] == "llm:test-model"
    assert data["turns"][0]["lines"][0]["voice"] == "llm:test-model"
    header = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (header["voice"], header["judge"]) == ("llm:test-model", "llm:test-model")


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_run_says_why_the_opening_was_the_scripted_line(
    mock: respx.MockRouter, fast: Path, as_json: bool
) -> None:
    mock.post(URL).mock(side_effect=Script(voice=[error(503, "overloaded")]))
    flags = ("--json",) if as_json else ()
    ran = run_cli("run", "frustrated-sales-director", "--replies", "-", *flags, *LLM, stdin=REPLIES)
    assert ran.returncode == 0, ran.stderr
    said = "The llm:test-model voice failed (the endpoint answered 503 (overloaded))"
    if as_json:
        data = json.loads(ran.stdout)
        assert said in data["opening_notices"][0]
        assert [line["voice"] for line in data["opening_lines"]] == ["scripted"]
        return
    lines = ran.stdout.splitlines()
    notice = next(i for i, line in enumerate(lines) if said in line)
    assert lines[notice].startswith("    ! ")
    assert notice < next(i for i, line in enumerate(lines) if line.startswith("[1] "))


def test_judge_eval_and_calibrate_measure_the_llm_judge(
    mock: respx.MockRouter, fast: Path, tmp_path: Path
) -> None:
    mock.post(URL).mock(return_value=judged(verdict([("open_question", "What happened?")])))
    records = tmp_path / "r.jsonl"
    records.write_text(
        json.dumps({"context": "You never listen.", "reply": "What happened?", "inquiry": True})
        + "\n",
        encoding="utf-8",
    )
    ran = run_cli(
        "judge-eval",
        records,
        "--judge",
        "llm",
        "--base-url",
        BASE,
        "--model",
        "test-model",
        "--json",
    )
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert data["judge"] == "llm:test-model"
    assert data["signals"]["inquiry"]["tp"] == 1
    ran = run_cli(
        "calibrate",
        "difficult-feedback",
        "--judge",
        "llm",
        "--base-url",
        BASE,
        "--model",
        "test-model",
        "--json",
    )
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["judge"] == "llm:test-model"


def test_a_judge_that_fails_while_measuring_is_one_line(
    mock: respx.MockRouter, fast: Path, tmp_path: Path
) -> None:
    mock.post(URL).mock(return_value=error(401, f"bad key {KEY}"))
    ran = run_cli(
        "calibrate",
        "difficult-feedback",
        "--judge",
        "llm",
        "--base-url",
        BASE,
        "--model",
        "test-model",
    )
    assert ran.returncode == 1
    assert "the llm:test-model judge failed: the endpoint refused the key (401" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert KEY not in ran.stderr


# -- the key never appears ---------------------------------------------------------------------


def test_the_key_never_appears_in_transcripts_output_errors_logs_or_caches(
    mock: respx.MockRouter,
    fast: Path,
    tmp_path: Path,
    sparring_home: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    cache = tmp_path / "tiktoken-cache"
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))
    echo = f"Incorrect API key provided: {KEY}. You can find your key at ..."
    # a healthy session, a failing one whose server echoes the key, then every command that
    # shows settings or reports
    mock.post(URL).mock(side_effect=Script())
    ok = run_cli("run", "frustrated-sales-director", "--replies", "-", *LLM, stdin=REPLIES)
    mock.post(URL).mock(return_value=error(401, echo))
    failed = run_cli(
        "run", "frustrated-sales-director", "--replies", "-", "--json", *LLM, stdin=REPLIES
    )
    check = run_cli("llm", "check", "--base-url", BASE, "--model", "test-model")
    shown = run_cli("config", "show", "--json")
    history = run_cli("history", "--json")
    assert ok.returncode == failed.returncode == 0
    assert "refused the key (401" in failed.stdout, "the failure is reported, in plain words"
    texts = [r.stdout + r.stderr for r in (ok, failed, check, shown, history)]
    texts += [record.getMessage() for record in caplog.records]
    files = [p for root in (sparring_home, tmp_path) for p in root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".jsonl" for p in files), "transcripts were written"
    texts += [p.read_bytes().decode("utf-8", "replace") for p in files if p.name != "config.toml"]
    for text in texts:
        assert KEY not in text
        assert KEY[8:24] not in text, "not even a piece of it"
    assert json.loads(shown.stdout)["settings"]["llm.api_key"]["value"] == "(set, hidden)"
