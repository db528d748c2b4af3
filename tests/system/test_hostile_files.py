"""A hostile corpus: shared files crafted to act, crash or flood, run through every command and
every screen that shows their text.

Scenario and rubric files are made to be shared between trainers and learners, and transcripts
to be sent to a coach, so everything in them is untrusted. The files under tests/data/hostile/
carry Rich/Textual markup (click actions, links, stray and unclosed tags) and terminal escapes
(OSC 52 clipboard, OSC 0 window title, OSC 8 hyperlinks, CSI, C1, bidi overrides) in every place
their text shows up, plus transcripts with out-of-range numbers and a newer version's field
(tests/data/hostile/README.md lists them). Whatever a file holds:

- no command raises (the exit code is an int) and none prints a traceback;
- nothing printed, and nothing drawn on the screen, holds a control character (C0 but tab and
  newline, C1, bidi overrides): what would reach the terminal is inert;
- markup is shown as the literal text it is, and a file with markup but no control characters
  is valid and usable; a click on it never runs an action or writes a file;
- a file that is refused is named in the message, with `path:line:col` from `validate`.

Big files are generated here (tmp_path), not committed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console
from rich.text import Text
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState
from textual.worker_manager import WorkerManager

from sparring.cli.main import main
from sparring.tui.app import AppOptions, SparringApp, make_app
from sparring.tui.screens.compare import CompareScreen
from sparring.tui.screens.debrief import DebriefScreen
from sparring.tui.screens.history import HistoryScreen
from sparring.tui.screens.picker import PickerScreen
from sparring.tui.screens.rehearsal import RehearsalScreen
from sparring.tui.screens.replay import ReplayScreen
from sparring.tui.widgets.conversation import ChatMessage
from sparring.tui.widgets.state_panel import StatePanel
from sparring.tui.widgets.title_bar import TitleBar
from tests.conftest import REPO
from tests.support.hostile import (
    CLICK_QUIT,
    HOSTILE,
    SHOT,
    assert_inert,
    unsafe_in,
    write_transcript,
)

SCENARIOS = HOSTILE / "scenarios"
RUBRICS = HOSTILE / "rubrics"
TRANSCRIPTS = HOSTILE / "transcripts"
REPLIES = HOSTILE / "replies"
JUDGE_EVAL = HOSTILE / "judge-eval"

MARKUP_SCENARIOS = ["markup-everywhere", "markup-close-tag", "markup-screenshot"]
CONTROL_FILES = [
    "scenarios/escape-osc52-opening.yaml",
    "scenarios/escape-osc0-title.yaml",
    "scenarios/escape-osc8-persona.yaml",
    "scenarios/escape-reactions.yaml",
    "scenarios/escape-endings.yaml",
    "scenarios/escape-meters.yaml",
    "scenarios/control-raw.yaml",
    "rubrics/hostile-escapes.yaml",
]
BIDI_FILES = ["scenarios/bidi-override.yaml", "scenarios/bidi-raw.yaml"]
ESCAPE_SCENARIOS = [
    *(Path(f).stem for f in CONTROL_FILES + BIDI_FILES if f.startswith("scenarios/")),
    "escape-rubric-user",
]
TRANSCRIPT_NAMES = sorted(p.stem for p in TRANSCRIPTS.glob("*.jsonl"))
MARKUP_TRANSCRIPTS = ["markup-everywhere", "markup-screenshot-title"]

PREFIX = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.MULTILINE)
# In the file's source: a YAML escape for a control character, or a raw one.
CONTROL_SOURCE = re.compile(r"\\e|\\a|\\x[89][0-9a-fA-F]|\\u20(?:2[a-eA-E]|6[6-9])")
# What the screen may send a terminal besides text: colours (SGR) and cursor moves (CUP).
DRAWING = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\d+;\d+H")
SIZE = (120, 40)


def scenario(stem: str) -> Path:
    return SCENARIOS / f"{stem}.yaml"


def fields(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def hostile_lines(path: Path) -> set[int]:
    """The lines of a YAML file that hold a control character (escaped or raw)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1) if CONTROL_SOURCE.search(line) or unsafe_in(line)}


def cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run `sparring ARGV` in-process; the exit code, stdout and stderr, checked to be inert."""
    args = [str(a) for a in argv]
    try:
        code = main(args)
    except Exception:
        pytest.fail(f"sparring {' '.join(args)}: an exception escaped\n{traceback.format_exc()}")
    out, err = capsys.readouterr()
    assert isinstance(code, int), code
    assert_inert(out, f"sparring {' '.join(args)}: stdout")
    assert_inert(err, f"sparring {' '.join(args)}: stderr")
    return code, out, err


def names(text: str, *files: Path) -> bool:
    return any(f.name in text for f in files)


def install_transcripts(home: Path, *stems: str) -> list[Path]:
    folder = home / "transcripts"
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(TRANSCRIPTS / f"{s}.jsonl", folder)) for s in stems]


def big_reply_transcript(target: Path, size: int = 1_000_000) -> Path:
    """A real transcript whose first reply is `size` characters (one line of about 1 MB)."""
    source = TRANSCRIPTS / "markup-screenshot-title.jsonl"
    events = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    for event in events:
        if event["type"] == "user" and event["turn"] == 1:
            event["text"] = ("I hear you. " * (size // 12 + 1))[:size]
    return write_transcript(target, events)


# -- validate --------------------------------------------------------------------------------


def test_validate_accepts_markup_without_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [scenario(s) for s in MARKUP_SCENARIOS]
    code, out, err = cli(capsys, "validate", *files, RUBRICS / "hostile-markup.yaml")
    assert code == 0, out + err
    assert "4 files: 0 errors" in err, out + err


@pytest.mark.parametrize("name", CONTROL_FILES + BIDI_FILES, ids=lambda n: Path(n).stem)
def test_validate_points_at_control_characters(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = HOSTILE / name
    bad = hostile_lines(path)
    assert bad, "the file holds no control character: a test bug"
    code, out, err = cli(capsys, "validate", path)
    found = [m for m in PREFIX.finditer(out + err) if Path(m["path"]).resolve() == path.resolve()]
    # Only what is said about characters (these files predate some reactions and 'about'
    # words, which validate rightly warns about elsewhere in them).
    found = [m for m in found if "U+" in m["message"]]
    assert found, f"no path:line:col diagnostic for {name}:\n{out}{err}"
    wrong = [m[0] for m in found if int(m["line"]) not in bad]
    assert not wrong, f"diagnostics away from the lines with control characters {bad}: {wrong}"
    if name in BIDI_FILES:
        return  # a bidi override may be a warning
    assert code == 1, out + err
    assert any(not m["message"].startswith("warning:") for m in found), out + err


# -- list ------------------------------------------------------------------------------------


def test_list_shows_markup_as_it_is_and_never_an_escape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = cli(capsys, "list", "--scenarios", SCENARIOS)
    assert code == 0, err
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for stem in MARKUP_SCENARIOS:
        data = fields(scenario(stem))
        assert data["id"] in rows, f"a valid scenario with markup is not listed: {stem}\n{err}"
        assert f"  {data['title']}  [folder]" in rows[data["id"]], rows[data["id"]]
    for stem in ESCAPE_SCENARIOS:
        path = scenario(stem)
        listed = re.search(r"^id: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert listed is not None
        assert listed[1] in rows or names(err, path), f"{stem}: neither listed nor explained"

    code, out, err = cli(capsys, "list", "--json", "--scenarios", SCENARIOS)
    assert code == 0, err
    titles = {e["id"]: e["title"] for e in json.loads(out)["scenarios"]}
    for stem in MARKUP_SCENARIOS:
        data = fields(scenario(stem))
        assert titles[data["id"]] == data["title"]


# -- run -------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", MARKUP_SCENARIOS)
def test_run_a_scenario_with_markup_shows_it_literally(
    stem: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = fields(scenario(stem))
    replies = REPLIES / "markup.txt"
    code, out, err = cli(capsys, "run", scenario(stem), "--replies", replies)
    assert code == 0, err
    assert out.startswith(f"{data['title']} - you play {data['you_play']}\n"), out[:300]
    assert f"\n{data['persona']['name']}: " in out, out[:600]
    first_reply = replies.read_text(encoding="utf-8").splitlines()[0]
    assert f"] {data['user_name']}: {first_reply}\n" in out
    ending = next(e["title"] for e in data["endings"] if e["id"] == "breakthrough")
    assert f"\nEnding: breakthrough - {ending}\n" in out, out[-500:]

    out_file = tmp_path / "run.jsonl"
    code, out, err = cli(
        capsys, "run", scenario(stem), "--replies", replies, "--json", "--out", out_file
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["turns"][0]["reply"] == first_reply
    assert out_file.is_file()


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("stem", ESCAPE_SCENARIOS)
def test_run_a_scenario_with_control_characters(
    stem: str, as_json: bool, capsys: pytest.CaptureFixture[str], sparring_home: Path
) -> None:
    path = scenario(stem)
    json_flag = ["--json"] if as_json else []
    code, _, err = cli(capsys, "run", path, "--replies", REPLIES / "markup.txt", *json_flag)
    if code != 0:
        assert names(err, path, RUBRICS / "hostile-escapes.yaml"), err
    else:
        assert list((sparring_home / "transcripts").glob("*.jsonl")), "no transcript written"


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("replies", ["markup.txt", "escapes.txt"])
def test_run_with_hostile_replies(
    replies: str, as_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """The replies are the user's own words: always played, and shown without harm."""
    path = REPLIES / replies
    json_flag = ["--json"] if as_json else []
    code, out, err = cli(capsys, "run", "frustrated-sales-director", "--replies", path, *json_flag)
    assert code == 0, err
    if replies == "markup.txt":
        lines = path.read_text(encoding="utf-8").splitlines()
        shown = [t["reply"] for t in json.loads(out)["turns"]] if as_json else out
        for line in lines[:2]:
            assert line in shown


def test_run_on_a_latin_1_stdout(tmp_path: Path) -> None:
    """A terminal that is not UTF-8: no traceback, no C1 byte, and the transcript is kept."""
    home = tmp_path / "latin-1-home"
    env = {**os.environ, "SPARRING_HOME": str(home), "PYTHONIOENCODING": "latin-1"}
    replies = REPLIES / "escapes.txt"
    command = ["run", "frustrated-sales-director", "--replies", str(replies)]
    done = subprocess.run(
        [sys.executable, "-m", "sparring", *command],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    out, err = done.stdout.decode("latin-1"), done.stderr.decode("latin-1")
    assert_inert(out, "stdout")
    assert_inert(err, "stderr")
    saved = list((home / "trials").glob("*.jsonl"))  # a headless run is a trial
    assert len(saved) == 1, (saved, err)
    users = [e for e in saved[0].read_text(encoding="utf-8").splitlines() if '"user"' in e]
    # Every reply until the conversation ended (good replies can end it before the last one).
    lines = replies.read_text(encoding="utf-8").splitlines()
    ended = '"type":"ending"' in saved[0].read_text(encoding="utf-8")
    assert len(users) == len(lines) or (ended and 1 <= len(users) < len(lines)), users
    if done.returncode == 0:
        assert "Transcript: " in out, out[-500:]
    else:
        assert err.strip(), "a failure without a message"


# -- history, and the checks of replay and rehearse before the app ---------------------------


def test_history_lists_hostile_transcripts_inertly(
    capsys: pytest.CaptureFixture[str], sparring_home: Path
) -> None:
    install_transcripts(sparring_home, *TRANSCRIPT_NAMES)
    code, out, err = cli(capsys, "history")
    assert code == 0, err
    assert f"  {SHOT}  " in out, "a markup title is shown as it is"
    assert "markup-everywhere.jsonl" in out

    code, out, err = cli(capsys, "history", "--json")
    assert code == 0, err
    listed = {Path(t["path"]).stem: t for t in json.loads(out)["transcripts"]}
    assert listed["markup-screenshot-title"]["title"] == SHOT


@pytest.fixture
def app_runs(monkeypatch: pytest.MonkeyPatch) -> list[AppOptions]:
    """The app is not started: only what it was asked to open is recorded."""
    started: list[AppOptions] = []

    def run(self: SparringApp, *args: Any, **kwargs: Any) -> None:
        started.append(self.options)

    monkeypatch.setattr(SparringApp, "run", run)
    return started


@pytest.mark.parametrize("stem", TRANSCRIPT_NAMES)
def test_replay_checks_a_hostile_transcript_before_the_app(
    stem: str, capsys: pytest.CaptureFixture[str], app_runs: list[AppOptions]
) -> None:
    path = TRANSCRIPTS / f"{stem}.jsonl"
    code, _, err = cli(capsys, "replay", path)
    if stem in MARKUP_TRANSCRIPTS:
        assert code == 0, err
    if code != 0:
        assert names(err, path), f"refused without naming the file: {err}"
        assert not app_runs
    else:
        assert [o.replay for o in app_runs] == [path]


@pytest.mark.parametrize("stem", MARKUP_SCENARIOS + ESCAPE_SCENARIOS)
def test_rehearse_checks_a_hostile_scenario_before_the_app(
    stem: str, capsys: pytest.CaptureFixture[str], app_runs: list[AppOptions]
) -> None:
    path = scenario(stem)
    code, _, err = cli(capsys, "rehearse", path)
    if stem in MARKUP_SCENARIOS:
        assert code == 0, err
    if code != 0:
        assert names(err, path, RUBRICS / "hostile-escapes.yaml"), err
        assert not app_runs
    else:
        assert [o.scenario for o in app_runs] == [str(path)]


def test_replay_of_a_1_mb_reply_says_it_is_too_long(
    capsys: pytest.CaptureFixture[str], app_runs: list[AppOptions], tmp_path: Path
) -> None:
    path = big_reply_transcript(tmp_path / "big-reply.jsonl")
    code, _, err = cli(capsys, "replay", path)
    assert names(err, path), "a 1 MB reply is opened without a word"
    assert code != 0 or app_runs


# -- special files ---------------------------------------------------------------------------

SPECIAL_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from sparring.cli.main import main
from sparring.tui.app import SparringApp
SparringApp.run = lambda self, *args, **kwargs: None  # replay: only its checks
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", ["validate", "run", "replies", "replay", "judge-eval"])
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_special_files_are_refused(
    kind: str, command: str, tmp_path: Path, sparring_home: Path
) -> None:
    """/dev/zero is never read without limit and a FIFO never hangs a command (in a child
    process with 1 GB of address space and a deadline, so a failure stays contained)."""
    if kind == "fifo":
        special = tmp_path / "special.yaml"
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")
    argv = {
        "validate": ["validate", special],
        "run": ["run", special, "--replies", REPLIES / "markup.txt"],
        "replies": ["run", "frustrated-sales-director", "--replies", special],
        "replay": ["replay", special],
        "judge-eval": ["judge-eval", special],
    }[command]
    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(SPECIAL_CHILD), *map(str, argv)],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=REPO,
            env={**os.environ, "SPARRING_HOME": str(sparring_home), "MALLOC_ARENA_MAX": "2"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"sparring {command} on a {kind} did not finish in 10 s")
    assert_inert(done.stdout, "stdout")
    assert_inert(done.stderr, "stderr")
    assert done.returncode == 1, (done.returncode, done.stderr[-1000:])
    said = done.stdout + done.stderr  # validate prints its diagnostics on stdout
    assert special.name in said, said


# -- judge-eval and calibrate ----------------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize(
    ("stem", "records", "bad_lines"),
    [("deep-nesting", 1, (2, 3)), ("huge-integer", 1, (2, 3)), ("markup-escapes", 2, (3, 4))],
    ids=["deep-nesting", "huge-integer", "markup-escapes"],
)
def test_judge_eval_reports_hostile_lines(
    stem: str,
    records: int,
    bad_lines: tuple[int, ...],
    as_json: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = JUDGE_EVAL / f"{stem}.jsonl"
    code, out, err = cli(capsys, "judge-eval", path, *(["--json"] if as_json else []))
    assert code == 0, err
    for line in bad_lines:
        assert re.search(rf"{re.escape(path.name)}:{line}:\d+: ", err), (line, err)
    counted = json.loads(out)["records"] if as_json else int(out.split()[0])
    assert counted == records


def test_calibrate_hostile_rubrics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "calibrate", RUBRICS / "hostile-markup.yaml")
    assert code == 0, err
    assert out.startswith("hostile-markup: "), out
    hostile = RUBRICS / "hostile-escapes.yaml"
    code, _, err = cli(capsys, "calibrate", hostile)
    assert code == 0 or names(err, hostile), err


# -- the app ---------------------------------------------------------------------------------


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> list[Worker[Any]]:
    """Every worker the app starts, to find the ones that failed (a failed worker shows the
    user nothing: a blank screen or an ignored key)."""
    seen: list[Worker[Any]] = []
    add_worker = WorkerManager.add_worker

    def recording(
        self: WorkerManager, worker: Worker[Any], start: bool = True, exclusive: bool = True
    ) -> None:
        seen.append(worker)
        add_worker(self, worker, start, exclusive)

    monkeypatch.setattr(WorkerManager, "add_worker", recording)
    return seen


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a DIR in it, where `app.screenshot('victim.txt','DIR')` would
    write if any markup ever ran."""
    folder = tmp_path / "cwd"
    (folder / "DIR").mkdir(parents=True)
    monkeypatch.chdir(folder)
    return folder


def failed(workers: list[Worker[Any]]) -> list[str]:
    return [f"{w.name}: {w.error!r}" for w in workers if w.state == WorkerState.ERROR]


def written_outside(tmp_path: Path, home: Path) -> list[Path]:
    return [
        p
        for p in tmp_path.rglob("*")
        if (p.name == "victim.txt" or p.suffix == ".svg") and home not in p.parents
    ]


def screen_text(app: SparringApp) -> str:
    """The screen as a terminal would show it, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def plain(widget: Static) -> str:
    """What a widget shows, as plain text (not cut to the screen)."""
    content = widget.content
    if isinstance(content, Text | Content):
        return content.plain
    if isinstance(content, str):
        return str(widget.render())
    console = Console(width=400, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()


def toasts(app: SparringApp) -> list[str]:
    return [str(t.render()) for t in app.screen.query("Toast")]


def assert_screen_inert(app: SparringApp, where: str) -> None:
    """What the screen would send the terminal holds no escape but colours and cursor moves,
    and the screenshot holds no control character."""
    assert app.is_running, f"{where}: the app has stopped"
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    stream = DRAWING.sub("", update.render_segments(app.console))
    found = unsafe_in(stream)
    assert not found, f"{where}: control characters reach the terminal: {found}"
    found = unsafe_in(app.export_screenshot())
    assert not found, f"{where}: control characters in the screenshot: {found}"


async def settled(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(
    pilot: Pilot[Any],
    ready: Callable[[], bool],
    what: str,
    workers: list[Worker[Any]],
    timeout: float = 10,
) -> None:
    """Wait (bounded) for `ready`; a worker that fails meanwhile fails the test at once."""
    for _ in range(int(timeout / 0.05)):
        await settled(pilot)
        crash = getattr(pilot.app, "_exception", None)
        assert crash is None, f"the app crashed while waiting for {what}: {crash!r}"
        assert not failed(workers), f"a worker failed while waiting for {what}: {failed(workers)}"
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def send(pilot: Pilot[Any], text: str) -> None:
    """Paste a reply and press Enter, as a terminal delivers a paste."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.press("enter")
    await settled(pilot)


async def click_cells(pilot: Pilot[Any], y: int, x0: int, count: int = 8) -> None:
    """Click `count` cells of screen row `y` from `x0`: where markup, were it parsed, would
    put the text that carries its action."""
    for x in range(max(0, x0), min(x0 + count, SIZE[0])):
        await pilot.click(offset=(x, y))
    await settled(pilot)


def row_of(app: SparringApp, text: str) -> tuple[int, int]:
    """Where `text` starts on the screen (row, column)."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if text in line:
            return y, line.index(text)
    raise AssertionError(f"{text!r} is not on the screen:\n{screen_text(app)}")


async def rehearse(pilot: Pilot[Any], replies: list[str], workers: list[Worker[Any]]) -> None:
    """Send the replies (the breakthrough, with markup or escapes in them), checking the
    screen after each."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, RehearsalScreen)
    for reply in replies:
        if screen.session.over:
            break
        await send(pilot, reply)
        assert not failed(workers), f"the reply {reply[:40]!r}: {failed(workers)}"
        assert_screen_inert(app, f"after the reply {reply[:40]!r}")


async def debrief(pilot: Pilot[Any], workers: list[Worker[Any]]) -> None:
    """From the rehearsal to its debrief, checking the screen there."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, RehearsalScreen)
    await pilot.press("enter" if screen.session.over else "ctrl+f")
    await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief", workers)
    assert_screen_inert(app, "debrief")


def reply_lines(name: str) -> list[str]:
    return (REPLIES / name).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("stem", MARKUP_SCENARIOS)
async def test_rehearse_a_scenario_with_markup(
    stem: str,
    sparring_home: Path,
    tmp_path: Path,
    cwd: Path,
    workers: list[Worker[Any]],
) -> None:
    path = scenario(stem)
    data = fields(path)
    name = data["persona"]["name"]
    app = make_app(AppOptions(scenario=str(path), seed=0))
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: isinstance(app.screen, RehearsalScreen), "the rehearsal", workers
        )
        screen = app.screen
        assert isinstance(screen, RehearsalScreen)
        assert_screen_inert(app, "rehearsal")
        assert data["title"] in plain(screen.query_one(TitleBar)), "the title, as it is"
        opening = next(m for m in screen.query(ChatMessage) if m.speaker == "persona")
        assert plain(opening).startswith(f"{name}\n"), plain(opening)
        assert f"{name} " in screen_text(app), "the persona's name, as it is"

        # the state panel's title holds the persona's name: click where it starts
        panel = screen.query_one(StatePanel).region
        await click_cells(pilot, panel.y, panel.x, 9)
        assert app.is_running, "a click on the persona's name quit the app"
        assert app.screen is screen

        replies = reply_lines("markup.txt")
        await rehearse(pilot, replies, workers)
        users = [m.body for m in screen.query(ChatMessage) if m.speaker == "user"]
        assert users == replies[: len(users)], "the user's markup is kept as typed"
        titles = [c["title"] for c in data["concerns"] if c["id"] in screen.session.state.revealed]
        assert titles, "the breakthrough replies reveal the concerns"
        shown = plain(screen.query_one(StatePanel))
        for title in titles:
            assert title in shown, (title, shown)
        await debrief(pilot, workers)
    assert not written_outside(tmp_path, sparring_home)


@pytest.mark.parametrize("stem", ESCAPE_SCENARIOS)
async def test_rehearse_a_scenario_with_control_characters(
    stem: str, workers: list[Worker[Any]]
) -> None:
    app = make_app(AppOptions(scenario=str(scenario(stem)), seed=0))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(
            pilot,
            lambda: isinstance(app.screen, RehearsalScreen) or bool(toasts(app)),
            "the rehearsal or a message",
            workers,
        )
        assert_screen_inert(app, "start")
        if isinstance(app.screen, RehearsalScreen):
            await rehearse(pilot, reply_lines("markup.txt"), workers)
            await debrief(pilot, workers)


async def test_rehearse_with_replies_holding_control_characters(
    sparring_home: Path, tmp_path: Path, cwd: Path, workers: list[Worker[Any]]
) -> None:
    """What the user pastes is shown without harm (replies with markup: see above)."""
    app = make_app(AppOptions(scenario="frustrated-sales-director", seed=0))
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: isinstance(app.screen, RehearsalScreen), "the rehearsal", workers
        )
        screen = app.screen
        assert isinstance(screen, RehearsalScreen)
        await rehearse(pilot, reply_lines("escapes.txt"), workers)
        assert screen.session.over, "the breakthrough replies reach the breakthrough"
        await debrief(pilot, workers)
    assert not written_outside(tmp_path, sparring_home)


async def test_a_click_on_a_history_row_runs_no_action(
    sparring_home: Path, tmp_path: Path, cwd: Path, workers: list[Worker[Any]]
) -> None:
    install_transcripts(sparring_home, "markup-screenshot-title")
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history", workers)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        await click_cells(pilot, table.region.y + 1, table.region.x + sum(widths[:2]))
        await pilot.pause(0.2)  # a screenshot is written by a thread
        assert not written_outside(tmp_path, sparring_home), "a click on the title wrote a file"
        assert app.is_running
        assert_screen_inert(app, "history")
        assert SHOT in screen_text(app), "the title, as it is"
    assert not written_outside(tmp_path, sparring_home)


@pytest.mark.parametrize("stem", ["markup-screenshot-title", "escapes-unfinished"])
async def test_the_offer_to_resume_shows_the_title_inertly(
    stem: str, sparring_home: Path, tmp_path: Path, cwd: Path, workers: list[Worker[Any]]
) -> None:
    install_transcripts(sparring_home, stem)
    app = make_app(AppOptions(seed=0))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the picker", workers)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await until(pilot, lambda: picker.unfinished is not None, "the offer", workers)
        assert_screen_inert(app, "picker")
        y, x = row_of(app, "Unfinished: ")
        await click_cells(pilot, y, x + len("Unfinished: "))
        await pilot.pause(0.2)
        assert app.screen is picker, "a click on the offer acted"
        if stem == "markup-screenshot-title":
            assert f"Unfinished: {SHOT} (reply 2)" in screen_text(app)
        await pilot.press("ctrl+r")
        await until(
            pilot, lambda: isinstance(app.screen, RehearsalScreen), "the resumed one", workers
        )
        assert_screen_inert(app, "resumed")
    assert not written_outside(tmp_path, sparring_home)


async def test_resuming_a_transcript_from_a_newer_version_is_never_silent(
    sparring_home: Path, workers: list[Worker[Any]]
) -> None:
    install_transcripts(sparring_home, "newer-field")
    app = make_app(AppOptions(seed=0))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the picker", workers)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await until(pilot, lambda: picker.unfinished is not None, "the offer", workers)
        await pilot.press("ctrl+r")
        await until(
            pilot,
            lambda: isinstance(app.screen, RehearsalScreen) or bool(toasts(app)),
            "the resumed conversation or a message",
            workers,
        )
        assert_screen_inert(app, "after Ctrl+R")


async def test_history_shows_every_hostile_transcript(
    sparring_home: Path, workers: list[Worker[Any]]
) -> None:
    install_transcripts(sparring_home, *(n for n in TRANSCRIPT_NAMES if n != "huge-meters"))
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history", workers)
        assert_screen_inert(app, "history")
        table = app.screen.query_one(DataTable)
        keys = {Path(str(k.value)).stem for k in table.rows}
        assert set(MARKUP_TRANSCRIPTS) <= keys, keys
        row = next(
            i
            for i in range(table.row_count)
            if "markup-everywhere" in str(table.coordinate_to_cell_key((i, 0)).row_key.value)
        )
        table.move_cursor(row=row)
        await settled(pilot)
        assert " [/] " in screen_text(app), "the ending id [/], as it is"


@pytest.mark.parametrize("stem", [n for n in TRANSCRIPT_NAMES if n != "huge-meters"])
async def test_replay_a_hostile_transcript(stem: str, workers: list[Worker[Any]]) -> None:
    path = TRANSCRIPTS / f"{stem}.jsonl"
    app = make_app(AppOptions(replay=path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(
            pilot,
            lambda: isinstance(app.screen, ReplayScreen) or bool(toasts(app)),
            "the replay or a message",
            workers,
        )
        assert_screen_inert(app, "replay")
        if stem in MARKUP_TRANSCRIPTS:
            assert isinstance(app.screen, ReplayScreen), toasts(app)
        replay = app.screen
        if not isinstance(replay, ReplayScreen):
            return
        for step in range(len(replay.session.turns)):
            await pilot.press("right")
            await settled(pilot)
            assert_screen_inert(app, f"replay, step {step + 1}")
        if stem == "markup-everywhere":
            assert f"{CLICK_QUIT} [/] [bold" in plain(replay.query_one("#turn-body", Static))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DebriefScreen), "the debrief", workers)
        assert_screen_inert(app, "debrief from the replay")


@pytest.mark.parametrize(
    "pair",
    [
        ("markup-everywhere", "markup-screenshot-title"),
        ("escapes-everywhere", "escapes-unfinished"),
    ],
    ids=["markup", "escapes"],
)
async def test_compare_hostile_transcripts(
    pair: tuple[str, str], sparring_home: Path, workers: list[Worker[Any]]
) -> None:
    install_transcripts(sparring_home, *pair)
    app = make_app(AppOptions(history=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history", workers)
        assert app.screen.query_one(DataTable).row_count == 2
        await pilot.press("space", "down", "space", "c")
        await until(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) or bool(toasts(app)),
            "the comparison or a message",
            workers,
        )
        assert_screen_inert(app, "compare")
        if pair[0] == "markup-everywhere":
            assert isinstance(app.screen, CompareScreen), toasts(app)
            shown = plain(app.screen.query_one("#compare-table", Static))
            assert " [/] " in shown, "the ending id, as it is"


async def test_replay_of_a_1_mb_reply_is_cut(tmp_path: Path, workers: list[Worker[Any]]) -> None:
    path = big_reply_transcript(tmp_path / "big-reply.jsonl")
    app = make_app(AppOptions(replay=path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(
            pilot,
            lambda: isinstance(app.screen, ReplayScreen) or bool(toasts(app)),
            "the replay or a message",
            workers,
            timeout=30,
        )
        assert_screen_inert(app, "replay")
        if isinstance(app.screen, ReplayScreen):
            body = plain(app.screen.query_one("#turn-body", Static))
            assert len(body) < 100_000, f"the whole reply is laid out ({len(body)} characters)"


HUGE_METERS = """
import asyncio, resource, sys
from pathlib import Path

resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
from sparring.tui.app import AppOptions, make_app
from sparring.tui.screens.replay import ReplayScreen


async def main() -> None:
    app = make_app(AppOptions(replay=Path(sys.argv[1])))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if isinstance(app.screen, ReplayScreen) or app.screen.query("Toast"):
                break
        if isinstance(app.screen, ReplayScreen):
            await pilot.press("right", "right", "right", "right", "d")
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.export_screenshot()
        print("shown:", type(app.screen).__name__, len(app.screen.query("Toast")))


asyncio.run(main())
"""


def test_replay_of_huge_meters_stays_small(sparring_home: Path) -> None:
    """Meters of 10**9 in a transcript: the replay and its debrief fit in 2 GB of address
    space (run in a child process, so a failure cannot take the machine's memory)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(HUGE_METERS),
            str(TRANSCRIPTS / "huge-meters.jsonl"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "SPARRING_HOME": str(sparring_home), "MALLOC_ARENA_MAX": "2"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = done.stdout.split()
    assert shown[:2] == ["shown:", "DebriefScreen"] or shown[2:] != ["0"], done.stdout
