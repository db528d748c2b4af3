"""The offline language check (judge/offline/language.py): English is never flagged for lacking
English words, other languages and keyboard mashes are, and the judge follows the verdict.

The reply sets: every reply of the repo's three labelled sets (benchmarks/multiwriter/dev.jsonl,
tests/data/judge-dev.jsonl, benchmarks/data/difficult-feedback.jsonl; the records in another
language are tagged in tests/data/language/repo_language_tags.json), short_english.txt (very
short English replies) and own_nonenglish.jsonl (foreign and mixed replies in 50 languages),
both in tests/data/language/. Nothing outside the repository is read, and neither is the
locked test part of the multi-writer set.
"""

from __future__ import annotations

import ast
import json
import random
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pytest

from sparring.adapters.files.model_files import load_rubric
from sparring.judge.base import Exchange
from sparring.judge.offline import language as L
from sparring.judge.offline.judge import OfflineJudge
from sparring.judge.offline.language import english_verdict
from tests.conftest import REPO, RUBRICS

DATA = REPO / "tests" / "data" / "language"
REPO_SETS = (
    "benchmarks/multiwriter/dev.jsonl",
    "tests/data/judge-dev.jsonl",
    "benchmarks/data/difficult-feedback.jsonl",
)
CONFIDENCES = {"high", "medium", "low"}


# --- the reply sets -------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    text: str
    source: str  # the file or list it came from, with the record id or line
    lang: str = "en"
    kind: str = "english"  # english | foreign (must be flagged) | mixed (never (True, "high"))

    @property
    def words(self) -> int:
        return len(self.text.split())


@cache
def repo_items() -> tuple[Item, ...]:
    raw = json.loads((DATA / "repo_language_tags.json").read_text(encoding="utf-8"))
    tags: dict[str, dict[str, dict[str, str]]] = {
        k: v for k, v in raw.items() if not k.startswith("_")
    }
    out = []
    for rel in REPO_SETS:
        assert "test.jsonl" not in rel  # the locked multi-writer test part is never read
        file_tags = tags.get(rel, {})
        seen = set()
        for line in (REPO / rel).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            source = f"{rel}#{rec['id']}"
            tag = file_tags.get(rec["id"])
            if tag:
                seen.add(rec["id"])
                out.append(Item(rec["reply"], source, tag["lang"], tag["kind"]))
            else:
                out.append(Item(rec["reply"], source))
        missing = set(file_tags) - seen
        assert not missing, f"tagged records missing from {rel}: {sorted(missing)}"
    return tuple(out)


@cache
def short_english() -> tuple[Item, ...]:
    lines = (DATA / "short_english.txt").read_text(encoding="utf-8").splitlines()
    return tuple(
        Item(t, f"short_english.txt:{i}")
        for i, t in enumerate(lines, 1)
        if t.strip() and not t.startswith("# ")
    )


@cache
def own_nonenglish() -> tuple[Item, ...]:
    lines = (DATA / "own_nonenglish.jsonl").read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines, 1):
        if line.strip():
            rec = json.loads(line)
            out.append(Item(rec["text"], f"own_nonenglish.jsonl:{i}", rec["lang"], rec["kind"]))
    return tuple(out)


def all_items() -> tuple[Item, ...]:
    return repo_items() + short_english() + own_nonenglish()


def _describe(items: list[Item]) -> str:
    return "\n".join(
        f"{it.source}: {it.text[:100]!r} -> {english_verdict(it.text)} {L.explain(it.text)}"
        for it in items
    )


# --- English is never flagged ---------------------------------------------------------------


def test_every_english_reply_of_the_repo_sets_is_english() -> None:
    items = [it for it in repo_items() if it.kind == "english"]
    assert len(items) > 1100
    wrong = [it for it in items if not english_verdict(it.text)[0]]
    assert not wrong, _describe(wrong)


def test_repo_sets_english_mostly_high_confidence() -> None:
    items = [it for it in repo_items() if it.kind == "english"]
    high = sum(english_verdict(it.text) == (True, "high") for it in items)
    assert high / len(items) >= 0.98


def test_every_short_english_reply_is_english() -> None:
    items = short_english()
    assert len(items) >= 300
    assert all(len(it.text.split()) <= 5 for it in items)
    wrong = [it for it in items if not english_verdict(it.text)[0]]
    assert not wrong, _describe(wrong)


TRICKY_ENGLISH = [
    *("Fair.", "ok fine", "Go on.", "what happened", "Nine hours. On a trolley."),
    *("lol fair point", "tbh idk", "Hai", "hii", "Um, ok?", "im listning", "Sorry Zoë"),
    *("Thanks, José.", "Right, Jürgen.", "José?", "Zoë", "Mira?", "Ella, sorry.", "Sana"),
    *("Todo", "C'est la vie, eh.", "Touché.", "Gracias, mate", "Ciao for now.", "Déjà vu."),
    *("Mea culpa, my fault.", "Bon appetit lol", "hola sarah", "merci", "nada"),
    *("see coursera.com", "and/or", "24/7", "👍", "100%", "+1", "", "   ", "...", "?!", "I"),
    *("OK", "NO WAY", "noooo wayyyy", "sooo sorry", "hahaha", "xD", "de-escalate"),
    *("re-think it?", "co-worker issues", "Kasia, Declan, Priya", "I'm Kim.", "yo dude wassup"),
    *("ngl that's rough fam", "ur rite tbh", "wat", "y tho", "k", "Mista, I get it.", "Oi!"),
    *("Innit.", "Ta.", "Ay, no.", "Ja, fair.", "Nein?"),
    "You said 'no pasa nada' but it clearly matters.",
    "When you said 'c'est la vie', what did you mean?",
    "Sorry, lost my train of thought - go on.",
    *("I'm sorry, Señora Díaz.", "ik ik", "og", "sim card's dead", "non profit work"),
    *("thanks hun", "yeh ok", "gen z stuff", "dw about it", "sorry mam", "yes mam", "Sorry Ben"),
    *("thanks Mira and Ella", "Who, moi?", "Ben, sorry.", "Mira, wait.", "dis is bad"),
    *("dey said no", "on par", "3pm EST", "VAR again", "the aux cord", "D'oh!", "s'up"),
    *("Sorry Mr D'Souza", "Hola amigo, what's up?", "Ok, adios then.", "Gracias amigos."),
]


@pytest.mark.parametrize("text", TRICKY_ENGLISH)
def test_tricky_english_is_english(text: str) -> None:
    en, conf = english_verdict(text)
    assert en, (text, conf, L.explain(text))
    assert conf in CONFIDENCES


def test_random_english_word_sequences_are_english() -> None:
    rng = random.Random(7)
    words = sorted(w for w in L.word_lists().english if w.isascii() and w.isalpha())
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.5:
            text = text.capitalize() + rng.choice([".", "?", "!", ""])
        assert english_verdict(text)[0], text


def test_one_foreign_word_in_an_english_reply_keeps_it_english() -> None:
    rng = random.Random(11)
    foreign = sorted(L.word_lists().foreign)
    base = [
        "I hear you and I want to understand what happened",
        "that sounds really frustrating, tell me more",
        "sorry, I should have called you first",
        "ok so what would you like me to do",
    ]
    for _ in range(2000):
        words = rng.choice(base).split()
        words.insert(rng.randint(0, len(words)), rng.choice(foreign))
        text = " ".join(words)
        assert english_verdict(text)[0], text


# --- other languages are caught -------------------------------------------------------------


def test_repo_sets_foreign_replies_are_not_english() -> None:
    items = [it for it in repo_items() if it.kind == "foreign"]
    assert len(items) == 11
    wrong = [it for it in items if english_verdict(it.text)[0]]
    assert not wrong, _describe(wrong)


def test_own_foreign_replies_of_four_or_more_words_are_not_english() -> None:
    items = [it for it in own_nonenglish() if it.kind == "foreign" and it.words >= 4]
    assert len(items) >= 60
    wrong = [it for it in items if english_verdict(it.text)[0]]
    assert not wrong, _describe(wrong)


def test_short_foreign_replies_mostly_not_english() -> None:
    items = [it for it in own_nonenglish() if it.kind == "foreign" and it.words < 4]
    caught = [it for it in items if not english_verdict(it.text)[0]]
    missed = [it for it in items if it not in caught]
    assert len(caught) / len(items) >= 0.85, _describe(missed)


def test_mixed_replies_are_never_english_with_high_confidence() -> None:
    items = [it for it in all_items() if it.kind == "mixed"]
    assert len(items) >= 10
    wrong = [it for it in items if english_verdict(it.text) == (True, "high")]
    assert not wrong, _describe(wrong)


@pytest.mark.parametrize(
    "text",
    [
        *("Извините, я не знал.", "对不起，我不知道。", "ごめんなさい、知りませんでした。"),
        *(
            "미안해요, 몰랐어요.",
            "آسف، لم أكن أعرف.",
            "סליחה, לא ידעתי.",
            "Συγγνώμη, δεν το ήξερα.",
        ),
        *("मुझे माफ़ कर दीजिए।", "ขอโทษ ฉันไม่รู้", "Вибач, я не знав."),
    ],
)
def test_other_scripts_are_not_english(text: str) -> None:
    assert english_verdict(text)[0] is False


def test_foreign_verdicts_name_a_language() -> None:
    ev = L.explain("No sabía que te afectaba tanto, lo siento de verdad.")
    assert max(ev.languages, key=ev.languages.__getitem__) == "es"
    ev = L.explain("Ich weiß nicht, was ich sagen soll.")
    assert max(ev.languages, key=ev.languages.__getitem__) == "de"


# --- keyboard mashes are no language ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("asdf qwer zxcv", "jjjjj kkkk", "qwertyuiop", "asdf", "Asdf qwer", "lkjh", "hjkl"),
        *("asdfghjkl;", "sdfsdf", "zxcvb", "kkkk", "ffffff gggg", "poiuy!!", "asdf... qwer?"),
    ],
)
def test_keyboard_mash_is_not_english(text: str) -> None:
    assert english_verdict(text)[0] is False, L.explain(text)
    assert L.explain(text).gibberish


@pytest.mark.parametrize(
    "text",
    [
        *("ok", "Fair.", "Go on.", "tbh idk", "gr8", "Kasia, Declan, Priya", "Priya", "Declan?"),
        *("👍", "🙂🙂🙂", "🙄", "kk", "jk", "k", "kkk", "jj", "hmmmm", "mmmm", "zzz", "xxx"),
        *("aaaaa", "grrr", "brrrr", "shhhh", "pfft", "psst", "smth", "html", "ptsd", "rsvp"),
        *("HTTP", "ewer", "sewer", "ugh asdf", "asdf sorry", "sorry, typo: asdf", "Sartre"),
    ],
)
def test_what_is_no_keyboard_mash_stays_english(text: str) -> None:
    assert english_verdict(text)[0], L.explain(text)
    assert not L.explain(text).gibberish


def test_runs_of_neighbouring_keys_are_mashes() -> None:
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm"):
        for keys in (row, row[::-1]):
            for n in range(4, len(keys) + 1):
                for i in range(len(keys) - n + 1):
                    assert english_verdict(keys[i : i + n])[0] is False, keys[i : i + n]


def test_mash_confidence() -> None:
    assert english_verdict("asdf qwer zxcv") == (False, "high")
    assert english_verdict("qwertyuiop") == (False, "high")  # one long run
    assert english_verdict("asdf") == (False, "medium")  # one short one


# --- confidence -------------------------------------------------------------------------------


def test_confidence_values() -> None:
    for it in all_items():
        en, conf = english_verdict(it.text)
        assert isinstance(en, bool)
        assert conf in CONFIDENCES


def test_confidence_means_something() -> None:
    assert english_verdict("I should have told you before the meeting, and I didn't.") == (
        True,
        "high",
    )
    assert english_verdict("Lo siento, I should have called you first.") == (True, "low")
    assert english_verdict("No sabía que te afectaba tanto, lo siento de verdad.") == (
        False,
        "high",
    )
    assert english_verdict("Perdón.") == (False, "medium")  # one word
    assert english_verdict("👍") == (True, "medium")  # nothing to go on


# --- through the judge ------------------------------------------------------------------------

RUBRIC = load_rubric(RUBRICS / "difficult-feedback.yaml").model
assert RUBRIC is not None
JUDGE = OfflineJudge()
CALLED_BACK = "You never called me back."


def _assess(reply: str) -> tuple[bool, str, list[str]]:
    a = JUDGE.assess_now(Exchange(reply=reply, persona_line=CALLED_BACK), RUBRIC)
    return a.intelligible, a.confidence, a.notes


def test_the_judge_cannot_read_another_language() -> None:
    intelligible, confidence, notes = _assess("Lo siento mucho, no sabía nada de esto.")
    assert intelligible is False
    assert confidence == "low"
    assert any("does not look like English" in n for n in notes)


@pytest.mark.parametrize("reply", ["asdf qwer zxcv", "jjjjj kkkk", "qwertyuiop"])
def test_the_judge_cannot_read_a_keyboard_mash(reply: str) -> None:
    intelligible, confidence, notes = _assess(reply)
    assert intelligible is False
    assert confidence == "low"
    assert any("does not look like English" in n for n in notes)


@pytest.mark.parametrize(
    "reply", ["ok", "Fair.", "What happened?", "Go on.", "tbh idk", "gr8", "Sorry Zoë", "👍"]
)
def test_the_judge_reads_short_english(reply: str) -> None:
    intelligible, _, notes = _assess(reply)
    assert intelligible is True
    assert not any("English" in n for n in notes)


def test_the_judge_reads_the_english_part_of_a_mixed_reply() -> None:
    intelligible, _, notes = _assess("Lo siento, I should have called you first.")
    assert intelligible is True
    assert any("Part of this reply is not English" in n for n in notes)
    assert not any("does not look like English" in n for n in notes)


# --- determinism, robustness, speed -----------------------------------------------------------


def test_deterministic_and_stateless() -> None:
    texts = [it.text for it in all_items()]
    first = [english_verdict(t) for t in texts]
    order = list(range(len(texts)))
    random.Random(3).shuffle(order)
    again = {i: english_verdict(texts[i]) for i in order}
    assert first == [again[i] for i in range(len(texts))]


@pytest.mark.parametrize(
    "text",
    [
        *("\x00", "\ud800", "İstanbul'da", "ﬁne", "e\u0301", "a" * 50_000, "word " * 10_000),
        *("\n\n\t", "🙂" * 100, "j" * 50_000, "asdf" * 5_000),
    ],
)
def test_odd_input_does_not_crash(text: str) -> None:
    _, conf = english_verdict(text)
    assert conf in CONFIDENCES


def test_long_replies_are_read_as_english() -> None:
    """(Speed, linear in length, is measured in benchmarks/bench_judge.py, not here.)"""
    sentence = "I hear you, and I want to understand what happened with the rota last week. "
    punct = (sentence * 400)[:20_000]
    unpunct = (sentence.replace(",", "").replace(".", "") * 400)[:20_000]
    for text in (punct, unpunct):
        assert english_verdict(text) == (True, "high")


def test_word_list_is_read_once_on_first_use() -> None:
    L.word_lists.cache_clear()
    english_verdict("hello there")
    english_verdict("and again")
    assert L.word_lists.cache_info().misses == 1


def test_the_module_needs_the_standard_library_only() -> None:
    """No third-party package, no network module: imports are checked in the source."""
    tree = ast.parse(files("sparring.judge.offline").joinpath("language.py").read_text("utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    allowed = {"__future__", "re", "unicodedata", "collections.abc", "dataclasses"}
    allowed |= {"functools", "importlib.resources", "itertools", "typing"}
    assert imported <= allowed


# --- the word lists ---------------------------------------------------------------------------


def test_word_lists_are_consistent() -> None:
    lists = L.word_lists()
    assert not (lists.english & lists.foreign.keys())
    assert not (L.NEUTRAL & lists.foreign.keys())
    assert not (L.NEUTRAL & lists.english)
    assert all(len(w) > 1 or not w.isascii() for w in lists.foreign), "single ASCII letters"
    assert len(lists.english) > 12_000
    # foreign words that SCOWL also lists as common English are there on purpose only
    raw = files("sparring.judge.offline").joinpath(L.WORD_LIST).read_text(encoding="utf-8")
    common = {w for w in raw.split("\n") if w and not w.startswith("#")}
    assert set(lists.foreign) & common <= L.FOREIGN_OVER_ENGLISH


def test_the_word_list_keeps_the_scowl_notice() -> None:
    raw = files("sparring.judge.offline").joinpath(L.WORD_LIST).read_text(encoding="utf-8")
    header = [line.lstrip("#") for line in raw.splitlines()[:30] if line.startswith("#")]
    notice = " ".join(" ".join(header).split())  # the notice's words, unwrapped
    assert "Copyright 2000-2018 by Kevin Atkinson" in notice
    assert "provided that the above copyright notice appears in all copies" in notice
    # and in supporting documentation: NOTICE, which the wheel carries with the licence
    notice_file = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert "language_en_words.txt" in notice_file
    assert "Copyright 2000-2018 by Kevin Atkinson" in notice_file
    assert "Copyright 1993, Geoff Kuenning" in notice_file  # VarCon's Ispell lists


def test_english_chat_words_are_not_foreign() -> None:
    for w in "im um hii wat dat ya ye na ty mat ale ok okay lol u r i".split():
        assert w not in L.word_lists().foreign, w


@pytest.mark.parametrize("text", ["asdkjh qwpoeiru zxmcnv", "sdfsdf sdf", "xkcd blorp zzyzx"])
def test_a_run_of_made_up_words_is_not_english(text: str) -> None:
    """Seen in play: words of no language, only one of them a keyboard row, read as English,
    so the judge scored the mash as a defence and the persona answered it as one."""
    assert english_verdict(text)[0] is False


@pytest.mark.parametrize(
    "text", ["Marta Halvorsen Brightline", "Kubernetes deployments", "Halvorsen?"]
)
def test_names_and_rare_words_stay_english(text: str) -> None:
    assert english_verdict(text)[0] is True
