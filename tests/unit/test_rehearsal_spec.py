"""The one place that builds a rehearsal: starting, resuming and rewinding go through
`open_rehearsal`, with the judge and the voice from the settings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sparring.adapters.files.transcripts import TranscriptLocked, read_transcript
from sparring.formats.diagnostics import LoadError
from sparring.runtime.rehearsal import RehearsalSpec, open_rehearsal
from sparring.runtime.settings import Settings
from sparring.session.record import ConversationRecord
from tests.support.replies import BREAKTHROUGH_REPLIES

NOW = datetime.fromisoformat("2025-03-04T08:40:00+01:00")
FLAGSHIP = "frustrated-sales-director"
GOOD = BREAKTHROUGH_REPLIES[FLAGSHIP]


def test_a_spec_names_a_scenario_or_a_transcript() -> None:
    with pytest.raises(ValueError, match="a scenario or a transcript"):
        RehearsalSpec()
    with pytest.raises(ValueError, match="a scenario or a transcript"):
        RehearsalSpec(scenario=FLAGSHIP, transcript=Path("t.jsonl"))
    with pytest.raises(ValueError, match="from_turn needs a transcript"):
        RehearsalSpec(scenario=FLAGSHIP, from_turn=2)


async def test_start_saves_rehearsals_and_trials_apart(sparring_home: Path) -> None:
    rehearsal = await open_rehearsal(RehearsalSpec(scenario=FLAGSHIP, seed=3), now=NOW)
    rehearsal.close()
    trial = await open_rehearsal(RehearsalSpec(scenario=FLAGSHIP, seed=3, purpose="trial"), now=NOW)
    trial.close()
    assert rehearsal.transcript_path is not None
    assert trial.transcript_path is not None
    assert rehearsal.transcript_path.parent == sparring_home / "transcripts"
    assert trial.transcript_path.parent == sparring_home / "trials"
    header = read_transcript(rehearsal.transcript_path).header
    assert (header.seed, header.judge, header.voice) == (3, "offline", "scripted")


async def test_resume_and_rewind_continue_from_the_file(sparring_home: Path) -> None:
    first = await open_rehearsal(RehearsalSpec(scenario=FLAGSHIP, seed=0), now=NOW)
    for reply in GOOD[:3]:
        await first.submit(reply)
    path = first.transcript_path
    assert path is not None
    with pytest.raises(TranscriptLocked):  # the first one still holds it
        await open_rehearsal(RehearsalSpec(transcript=path))
    first.close()

    again = await open_rehearsal(RehearsalSpec(transcript=path))
    assert again.turn == 3
    await again.submit(GOOD[3])
    again.close()
    assert len(read_transcript(path).events) > 0
    assert ConversationRecord.from_saved(read_transcript(path)).turn == 4

    branch = await open_rehearsal(RehearsalSpec(transcript=path, from_turn=2), now=NOW)
    branch.close()
    assert branch.transcript_path is not None
    assert branch.transcript_path != path
    assert branch.turn == 1  # the replies before reply 2
    data = read_transcript(branch.transcript_path)
    assert data.header.parent is not None
    assert data.header.parent.turn == 2


async def test_an_unknown_scenario_and_a_missing_transcript_are_load_errors(
    sparring_home: Path,
) -> None:
    with pytest.raises(LoadError, match="no scenario with the id"):
        await open_rehearsal(RehearsalSpec(scenario="frustrated-sales-directr"))
    with pytest.raises(LoadError, match="no such transcript"):
        await open_rehearsal(RehearsalSpec(transcript=sparring_home / "nope.jsonl"))


async def test_an_unknown_judge_in_the_settings_is_a_load_error(sparring_home: Path) -> None:
    settings = Settings.model_validate({"judge": {"kind": "llm"}})
    with pytest.raises(LoadError, match="unknown judge 'llm'"):
        await open_rehearsal(RehearsalSpec(settings=settings, scenario=FLAGSHIP))


@pytest.mark.parametrize(
    "argv", [[], ["--scenarios", "somewhere"]], ids=["bare", "with-global-option"]
)
def test_sparring_alone_opens_the_picker(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, sparring_home: Path
) -> None:
    """`sparring` with no command is `sparring rehearse`, with every rehearse default."""
    from sparring.cli.commands import rehearsing
    from sparring.cli.main import main
    from sparring.tui.app import AppOptions

    started: list[object] = []
    monkeypatch.setattr(rehearsing, "_run_app", lambda options: started.append(options) or 0)
    assert main(argv) == 0
    (options,) = started
    assert isinstance(options, AppOptions)
    assert (options.scenario, options.seed, options.out) == (None, None, None)
    assert options.scenario_dirs == ([Path("somewhere")] if argv else [])
