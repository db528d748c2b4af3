"""Settings: precedence, where each value came from, clear messages for a bad file, and the key
never shown; and the commands that use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sparring.cli import main
from sparring.formats.diagnostics import LoadError
from sparring.runtime.settings import describe, load_settings
from sparring.runtime.sources import config_path

SECRET = "sk-test-not-a-real-key-5f3a9c"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_precedence_is_flags_then_environment_then_file_then_defaults(tmp_path: Path) -> None:
    config = write(
        tmp_path / "config.toml",
        '[llm]\nmodel = "from-file"\nbase_url = "http://file.test/v1"\n'
        '[judge]\nkind = "llm"\ntemperature = 0.3\n',
    )
    env = {"SPARRING_MODEL": "from-env", "SPARRING_JUDGE": "both"}
    loaded = load_settings({"judge.kind": "offline"}, env, config)
    s = loaded.settings
    assert s.judge.kind == "offline"  # flag beats env beats file
    assert loaded.source("judge.kind") == "command line"
    assert s.llm.model == "from-env"
    assert loaded.source("llm.model") == "environment SPARRING_MODEL"
    assert s.llm.base_url == "http://file.test/v1"
    assert loaded.source("llm.base_url") == f"file {config}"
    assert s.judge.temperature == 0.3
    assert s.voice.kind == "offline"
    assert loaded.source("voice.kind") == "default"


def test_an_empty_base_url_in_the_environment_means_unset(tmp_path: Path) -> None:
    loaded = load_settings({}, {"OPENAI_BASE_URL": ""}, tmp_path / "missing.toml")
    assert loaded.settings.llm.base_url is None


def test_a_section_may_override_the_shared_endpoint(tmp_path: Path) -> None:
    config = write(
        tmp_path / "c.toml",
        '[llm]\nmodel = "shared"\nbase_url = "http://a/v1"\n[judge]\nmodel = "judge-model"\n',
    )
    s = load_settings({}, {}, config).settings
    assert s.endpoint("judge") == ("http://a/v1", "judge-model")
    assert s.endpoint("voice") == ("http://a/v1", "shared")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[judge\nkind = 'llm'\n", "c.toml:1:"),
        (
            '[judge]\nkindd = "llm"\n',
            "c.toml:2:1: judge.kindd: unknown setting; did you mean 'kind'?",
        ),
        ("[voice]\n\ntemperature = 9\n", "c.toml:3:1: voice.temperature: Input should be less"),
        ('[judge]\nkind = "sometimes"\n', "c.toml:2:1: judge.kind: Input should be"),
    ],
)
def test_a_bad_settings_file_names_the_line_and_key(
    tmp_path: Path, text: str, expected: str
) -> None:
    config = write(tmp_path / "c.toml", text)
    with pytest.raises(LoadError) as caught:
        load_settings({}, {}, config)
    assert expected in str(caught.value)


def test_the_key_is_masked_when_shown(tmp_path: Path) -> None:
    config = write(tmp_path / "c.toml", f'[llm]\napi_key = "{SECRET}"\n')
    rows = describe(load_settings({}, {}, config))
    shown = {key: value for key, value, _ in rows}
    assert shown["llm.api_key"] == "(set, hidden)"
    assert SECRET not in repr(rows)
    assert SECRET not in repr(load_settings({}, {}, config).settings)


def test_config_path_and_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(tmp_path / "mine.toml", '[judge]\nkind = "offline"\n')
    monkeypatch.setenv("SPARRING_CONFIG", str(config))
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    assert config_path() == config
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(config)
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert f"settings file: {config}" in out
    assert "environment OPENAI_API_KEY" in out
    assert f"file {config}" in out
    assert main(["config", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["settings"]["llm.api_key"] == {
        "value": "(set, hidden)",
        "source": "environment OPENAI_API_KEY",
    }
    assert SECRET not in json.dumps(data)


def test_a_broken_settings_file_stops_a_command_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPARRING_CONFIG", str(write(tmp_path / "c.toml", "[voice]\nkind = 3\n")))
    replies = write(tmp_path / "r.txt", "What happened?\n")
    assert main(["run", "frustrated-sales-director", "--replies", str(replies)]) == 1
    err = capsys.readouterr().err
    assert "c.toml:2:1: voice.kind:" in err
    assert "Traceback" not in err


# -- judge-eval and calibrate go through the Judge interface --------------------------------


RECORDS = [
    {"context": "You never listen.", "reply": "What happened?", "inquiry": True},
    {"context": "You never listen.", "reply": "Calm down.", "defensive": True, "inquiry": False},
    {"context": "You never listen.", "reply": "ok", "inquiry": True, "id": "missed-one"},
]


def test_judge_eval_reports_counts_balanced_accuracy_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    assert main(["judge-eval", str(records), "--json", "--errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    inquiry = data["signals"]["inquiry"]
    assert (inquiry["tp"], inquiry["fn"], inquiry["tn"]) == (1, 1, 1)
    assert inquiry["balanced_accuracy"] == 0.75
    assert data["judge"] == "offline"
    assert {"id": "missed-one", "line": 3, "gold": True, "judged": False} in data["errors"][
        "inquiry"
    ]
    assert main(["judge-eval", str(records), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "inquiry: missed (1)" in out
    assert "[missed-one] line 3" in out


def test_judge_eval_names_an_unknown_judge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    assert main(["judge-eval", str(records), "--judge", "oracle"]) == 1
    assert "unknown judge 'oracle' (known: both, llm, offline, rules)" in capsys.readouterr().err


def test_calibrate_says_which_judge_it_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calibrate", "difficult-feedback", "--judge", "offline", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["judge"] == "offline"
    assert data["rubrics"][0]["rubric"] == "difficult-feedback"
