"""Properties of the offline judge's "better reply" and "Try next", over every line the shipped
personas can say.

Each persona line of the five shipped scenarios (openings, every reaction line, concern lines
with their recognised and follow-up lines, endings) is paired with replies of different kinds
(a strong one that reflects, checks and asks; the same reflection alone; a defensive one; a bare
"ok"; a closed question; an open question on its own; an open and a closed question together),
after an earlier line rich in other words, and judged as the app judges it. Each property below
is a function that returns every problem it finds in one case; each test runs one property over
all cases and reports every violation, not just the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import pytest

from sparring.adapters.files.library import Library
from sparring.formats.moves import Move
from sparring.formats.rubric import Rubric
from sparring.formats.scenario import Line, Scenario
from sparring.judge.base import Assessment, Exchange
from sparring.judge.offline.judge import OfflineJudge
from sparring.judge.offline.language import word_lists
from sparring.judge.offline.lexicon import content_stems
from sparring.persona.script import fill
from tests.conftest import SCENARIOS

# --- the cases -----------------------------------------------------------------------------

DEFENSIVE = "That's not fair. We followed the process, and the decision was made above my head."
MINIMAL = "ok"
CLOSED = "Did you raise this with anyone before today?"
OPEN_ONLY = "What has this been like for you?"
OPEN_AND_CLOSED = "What's been the hardest part of this? Did you raise it with anyone before today?"
EARLIER_REPLY = "I see."


@dataclass(frozen=True)
class Case:
    scenario: str
    where: str  # which list the line comes from, e.g. "reactions.defensive[2]"
    line: str  # the persona's latest line, filled in
    earlier: tuple[str, ...]  # what the persona said before it
    kind: str
    reply: str
    assessment: Assessment
    proper_nouns: frozenset[str]  # words written with a capital mid-sentence in the scenario

    def describe(self) -> str:
        a = self.assessment
        scores = ", ".join(f"{s.dimension} {s.score}" for s in a.scores)
        earlier = f"\n    earlier: {self.earlier[-1]}" if self.earlier else ""
        return (
            f"{self.scenario} {self.where} / {self.kind} reply{earlier}\n"
            f"    line: {self.line}\n"
            f"    reply: {self.reply}\n"
            f"    scores: {scores}; moves: {sorted(m.value for m in a.move_set)}\n"
            f"    suggestion: {a.suggestion}\n"
            f"    advice: {a.advice}"
        )

    @property
    def scores(self) -> dict[str, int]:
        return {s.dimension: s.score for s in self.assessment.scores}

    @property
    def strong(self) -> bool:
        return all(score == 5 for score in self.scores.values())

    @property
    def kept(self) -> bool:
        """Whether the suggestion builds on the user's own reply: every sentence of it is
        there, in order (with something added before, between or after)."""
        return len(self.reply) > 20 and _in_order(sentences(self.reply), self.assessment.suggestion)

    @property
    def own_words_removed(self) -> str:
        """The suggestion without the user's own sentences in it (when it builds on them)."""
        text = _squash(self.assessment.suggestion)
        if self.kept:
            for sentence in sentences(self.reply):
                # (the suggestion capitalises what they typed in lower case)
                at = text.lower().find(_squash(sentence).lower())
                if at >= 0:
                    text = text[:at] + " " + text[at + len(_squash(sentence)) :]
        return _squash(text)


def _in_order(parts: list[str], text: str) -> bool:
    """Whether `parts` appear in `text` in order (as typed, or with capitals put back)."""
    at = 0
    text = _squash(text).lower()
    for part in parts:
        found = text.find(_squash(part).lower(), at)
        if found < 0:
            return False
        at = found + len(_squash(part))
    return True


def _squash(text: str) -> str:
    return " ".join(text.split())


def _lines(scenario: Scenario) -> list[tuple[str, list[Line]]]:
    groups: list[tuple[str, list[Line]]] = [("opening", scenario.opening)]
    for kind in type(scenario.reactions).model_fields:
        reaction = getattr(scenario.reactions, kind)
        if reaction is not None:
            groups.append((f"reactions.{kind}", reaction.lines))
    for concern in scenario.concerns:
        groups.append((f"{concern.id}.lines", concern.lines))
        groups.append((f"{concern.id}.recognised", concern.recognised or []))
        groups.append((f"{concern.id}.follow_up", concern.follow_up or []))
    for ending in scenario.endings:
        groups.append((f"endings.{ending.id}", ending.lines))
    return groups


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[\"“(]\s*)$")


def _proper_nouns(scenario: Scenario, texts: Iterable[str]) -> frozenset[str]:
    """Words the scenario writes with a capital where a sentence does not start."""
    found = {scenario.persona.name, scenario.user_name}
    for text in texts:
        for m in re.finditer(r"[A-Z][\w'’-]*", text):
            if not _SENTENCE_START.search(text[: m.start()]):
                found.add(m.group().split("'")[0].split("’")[0])
    return frozenset(found)


_SIMPLE_FLIP = {
    "i": "you", "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
    "my": "your", "me": "you", "mine": "yours", "myself": "yourself", "we": "you",
    "we're": "you're", "we've": "you've", "our": "your", "us": "you",
    "your": "my", "you're": "I'm", "you've": "I've", "yours": "mine",
}  # fmt: skip


def _strong_reply(line: str, earlier: tuple[str, ...], user: str) -> str:
    """A reply that puts their point and feeling into words, checks it and asks: written
    here with a crude pronoun swap, independent of the code under test."""
    candidates: list[str] = []
    for text in (line, *reversed(earlier)):
        candidates = [
            s
            for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\([^)]*\)", "", text))
            if len(s.split()) >= 5 and not s.rstrip().endswith("?") and '"' not in s
        ]
        if candidates:
            break
    if not candidates:
        return (
            "This has clearly been building for a while, and you're angry with me. "
            "Have I got that right? What's been the hardest part of it for you?"
        )
    point = max(candidates, key=lambda s: len(content_stems(s)))
    words = []
    for word in point.rstrip(".!").replace(f", {user}", "").split():
        words.append(_SIMPLE_FLIP.get(word.lower(), "I" if word.lower() == "you" else word))
    clause = re.sub(r"^(?:and|but|so|because|then),? ", "", " ".join(words), flags=re.I)
    clause = clause[0].lower() + clause[1:] if not clause.startswith("I ") else clause
    return (
        f"So you're saying {clause}, and that's left you angry. Have I got that right? "
        "What's been the hardest part of it for you?"
    )


def _reflection_only(strong: str) -> str:
    """The strong reply's reflection, without its check or question."""
    return strong.split(" Have I got that right?")[0]


@cache
def _rubric() -> Rubric:
    return Library(include_user=False).rubric("difficult-feedback")


@cache
def cases() -> tuple[Case, ...]:
    library = Library(include_user=False)
    judge = OfflineJudge()
    rubric = _rubric()
    out: list[Case] = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario, _ = library.resolve_scenario(path.stem)

        def filled(text: str, s: Scenario = scenario) -> str:
            return fill(_squash(text), user=s.user_name, persona=s.persona.name)

        groups = _lines(scenario)
        texts = [filled(line.text) for _, lines in groups for line in lines]
        texts += [scenario.summary, scenario.setting or "", scenario.persona.background]
        texts += [c.detail for c in scenario.concerns]
        nouns = _proper_nouns(scenario, texts)
        opening = filled(scenario.opening[0].text)
        first_concern = filled(scenario.concerns[0].lines[0].text)
        turn = 0
        for where, lines in groups:
            for i, line in enumerate(lines):
                text = filled(line.text)
                # what came before: nothing for an opening, else a line rich in other words
                if where == "opening":
                    earlier: tuple[str, ...] = ()
                else:
                    earlier = (first_concern if text != first_concern else opening,)
                conversation: list[tuple[str, str]] = []
                for before in earlier:
                    conversation += [("persona", before), ("user", EARLIER_REPLY)]
                strong = _strong_reply(text, earlier, scenario.user_name)
                replies = {
                    "strong": strong,
                    "reflection only": _reflection_only(strong),
                    "defensive": DEFENSIVE,
                    "minimal": MINIMAL,
                    "closed question": CLOSED,
                    "open question only": OPEN_ONLY,
                    "open and closed questions": OPEN_AND_CLOSED,
                }
                for kind, reply in replies.items():
                    turn += 1
                    exchange = Exchange(
                        reply=reply,
                        persona_line=text,
                        persona_name=scenario.persona.name,
                        user_name=scenario.user_name,
                        conversation=(*conversation, ("persona", text)),
                        confrontation=True,
                        turn=turn,
                    )
                    out.append(
                        Case(
                            scenario=scenario.id,
                            where=f"{where}[{i}]",
                            line=text,
                            earlier=earlier,
                            kind=kind,
                            reply=reply,
                            assessment=judge.assess_now(exchange, rubric),
                            proper_nouns=nouns,
                        )
                    )
    return tuple(out)


def _run(prop: Callable[[Case], list[str]]) -> None:
    all_cases = cases()
    violations = [
        f"- {problem}\n  {case.describe()}" for case in all_cases for problem in prop(case)
    ]
    assert not violations, (
        f"{len(violations)} violations over {len(all_cases)} cases:\n" + "\n".join(violations)
    )


# --- text helpers --------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z])")
_DANGLING = frozenset(
    "and the a an to of or but my your our their his its because than if without".split()
)
_PRONOUN_VERB = (
    r"(?:i|you|he|she|it|we|they|that|there|this|what|who|here|nobody|everyone|everybody|"
    r"somebody|someone|which)"
)
_FINITE = re.compile(
    rf"\b{_PRONOUN_VERB}(?:'s|'re|'m|'ve|'d|'ll)\b|\b\w+n't\b|"
    # a present tense right after its subject: "you reach for", "someone pushes back"
    r"\b(?:i|you|we|they|he|she|someone|somebody|everyone|everybody|nobody|people) "
    r"(?!(?:the|a|an|and|or|to|of|in|on|at|for|with|that|this|all|both|lot|too|as|so|just|"
    r"never|always|still|really|even|who|which|what|if|but|me|you|him|her|us|them)\b)[a-z]+\b|"
    r"\b(?:is|are|was|were|am|has|have|had|do|does|did|can|could|will|would|should|must|may|"
    r"might|shall|got|get|gets|went|go|goes|came|come|comes|made|make|makes|took|take|takes|"
    r"said|say|says|told|tell|tells|know|knew|think|thought|want|wants|need|needs|keep|keeps|"
    r"kept|left|put|gave|give|gives|saw|see|sees|found|felt|feel|feels|sat|stood|spent|ran|"
    r"rang|threw|built|chose|paid|lost|heard|hear|meant|mean|means|seem|seems|sound|sounds|"
    r"looks|runs|sells|stands|matters|counts|hurts|costs|cost|let|lets|read|wrote|began|led|"
    r"sent|brought|bought|taught|caught|held|met|won|hit|set|shut|cut)\b|\b\w{3,}ed\b",
    re.IGNORECASE,
)
_INTRO = frozenset(
    "on in at after before since when while if because for by from with without yesterday today "
    "tonight this last next every once twice then now so and but as though although until "
    "unless whether all most some half".split()
)
# "Not till I know...": the subject and verb are left out
_ELLIPTICAL = re.compile(
    r"not (?!many|much|one|everyone|everybody|all|every)\b|"
    r"\w{3,}ed (?:over|in|out|up|down|for|to|by|at|on|off|back)\b",  # "Passed over for..."
    re.IGNORECASE,
)
_DEPENDENT = re.compile(
    r"(?:if|when|unless|because|although|though|while|before|after|since|until|once|whether) "
    r"(?:i|you|he|she|we|they|it|there|someone|somebody|nobody|everyone)\b",
    re.IGNORECASE,
)
# the same, anywhere, to the next comma: what is left must still have a verb
_SUBCLAUSE = re.compile(rf"\b(?:{_DEPENDENT.pattern}|whatever|whoever|wherever)[^,]*", re.I)
_BARE_HEAD = re.compile(
    r"^(?:anything|something|nothing|everything|the fact) (?:that|who|which)\b[^,]*", re.I
)
_NOT_VERBS = frozenset(
    "hundred red bed shed speed seed wed sled naked wicked sacred kindred hatred wretched "
    "ragged rugged beloved".split()
)
_FRAME = re.compile(
    r"^(?:so,? )?(?:you're saying(?: that)?|you're telling me(?: that)?|it sounds like|"
    r"what i'm hearing is(?: that)?|if i've got (?:this|that) right,?|if i've understood,?|so)\s+",
    re.IGNORECASE,
)
_IMPERATIVE_START = frozenset(
    "don't do stop try go say tell let sit give pick put write start make come look listen keep "
    "ask please spare save leave get take show explain remember think imagine bring thank thanks "
    "add".split()
)


def _english(word: str, english: frozenset[str]) -> bool:
    low = word.lower()
    forms = {low, low.removesuffix("s"), low.removesuffix("es"), low.removesuffix("ed")}
    forms |= {low.removesuffix("ing"), low.removesuffix("ies") + "y", low.removesuffix("d")}
    return bool(forms & english)


def _has_verb(text: str) -> bool:
    return any(m.group().lower() not in _NOT_VERBS for m in _FINITE.finditer(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][\w'’-]*", text)


def _unquoted(text: str) -> str:
    text = text.translate(_APOSTROPHES)
    text = re.sub(r'"[^"]*"', " ", text)
    text = re.sub(r"(?<![\w])'[^']+'(?![\w])", " ", text)
    return re.sub(r"\([^)]*\)", " ", text)


_OWN_MANNER = re.compile(
    r"i(?:'m| am) (?:not )?(?:being |going to )?(?:quite |perfectly |very )?"
    r"(?:emotional|calm|shout|shouting|rude|difficult|dramatic|unreasonable|reasonable)\b",
    re.IGNORECASE,
)


def has_point(line: str) -> bool:
    """Whether a persona line says something a reply can reflect: a statement of five words or
    more with a verb and some content, not a question, an order, thanks, nor one that quotes
    or uses a phrase the line rejects (reflecting it would repeat the phrase)."""
    avoid = rejected_phrases(line)
    plain = re.sub(r"\([^)]*\)", " ", line)
    for sentence in sentences(plain):
        ws = words(sentence)
        if (
            len(ws) >= 5
            and not sentence.rstrip().endswith("?")
            and ws[0].lower().translate(_APOSTROPHES) not in _IMPERATIVE_START
            and not _ELLIPTICAL.match(sentence)
            and not re.search(rf",\s*(?:{'|'.join(_IMPERATIVE_START)})\b", sentence, re.I)
            and _has_verb(_SUBCLAUSE.sub("", sentence))
            and not re.search(r"[\"“”]|(?<![\w])'|'(?![\w])", sentence.translate(_APOSTROPHES))
            # their own manner defended against the reply ("I'm being quite calm,
            # considering.") is about the exchange, not a point of theirs to give back
            and not _OWN_MANNER.match(sentence.translate(_APOSTROPHES))
            and not any(re.search(rf"\b{re.escape(p)}\b", _normal_phrase(sentence)) for p in avoid)
            and len(content_stems(sentence)) >= 2
        ):
            return True
    return False


# --- 1. grammatical and complete -----------------------------------------------------------


def grammar_problems(case: Case) -> list[str]:
    text = case.assessment.suggestion
    problems = []
    if not text.strip():
        return ["the suggestion is empty"]
    if not text[0].isupper():
        problems.append("does not start with a capital")
    if text.rstrip()[-1] not in ".?!":
        problems.append("does not end with . ? or !")
    added = case.own_words_removed if case.kept else text
    if any(bad in added for bad in ("  ", "{", "}", "\0", " ,", " .", ",.", ",?", "..")):
        problems.append("has stray spacing, braces or punctuation")
    plain = text.translate(_APOSTROPHES)
    if plain.count('"') % 2:
        problems.append("has an unbalanced double quote")
    if len(re.findall(r"(?<![\w])'|'(?![\w])", plain)) % 2:
        problems.append("has an unbalanced single quote")
    allowed = case.proper_nouns | {"I", "I'm", "I've", "I'd", "I'll"}
    english = word_lists().english
    own = [_squash(s).lower() for s in sentences(case.reply)]
    for sentence in sentences(text):
        if case.kept and sentence.lower() in own:
            continue  # the user's own words, kept and built on (capitals put back)
        ws = words(sentence)
        if len(ws) < 3:
            problems.append(f"a fragment of fewer than three words: {sentence!r}")
        last = sentence.rstrip('.?!"”’) ')
        if last.endswith((",", ";", ":", "-")) or (ws and ws[-1].lower() in _DANGLING):
            problems.append(f"a sentence left dangling: {sentence!r}")
        if sentence[:1].isalpha() and not sentence[0].isupper():
            problems.append(f"a sentence starts in lower case: {sentence!r}")
        for word in ws[1:]:
            bare = word.translate(_APOSTROPHES)
            name = bare.split("'")[0]
            if not _english(name, english) and "-" not in name and len(name) > 1:
                continue  # a name: not an English word
            if bare[0].isupper() and bare not in allowed and name not in allowed:
                problems.append(f"a capital mid-sentence: {word!r} in {sentence!r}")
        frame = _FRAME.match(sentence)
        if frame:
            clause = sentence[frame.end() :].split(", and ")[0]
            head, comma, _ = clause.partition(",")
            if not _has_verb(_BARE_HEAD.sub("", clause)) or _ELLIPTICAL.match(clause):
                problems.append(f"the reflection is a fragment with no verb: {clause!r}")
            elif comma and not _has_verb(head) and words(head)[0].lower() not in _INTRO:
                problems.append(f"the reflection opens on a fragment: {clause!r}")
            elif not comma and _DEPENDENT.match(clause):
                problems.append(f"the reflection is a dependent clause alone: {clause!r}")
    return problems


def test_suggestions_are_grammatical_and_complete() -> None:
    _run(grammar_problems)


# --- 2. pronouns turned round, meaning kept ------------------------------------------------


def pronoun_problems(case: Case) -> list[str]:
    line = _unquoted(case.line)
    text = case.own_words_removed.translate(_APOSTROPHES)
    problems = []
    for own, other in (("my", "your"), ("your", "my"), ("our", "your")):
        for m in re.finditer(rf"\b{own} (\w+)", line, re.IGNORECASE):
            thing = m.group(1)
            if re.search(rf"\b{own} {thing}\b", text, re.IGNORECASE) and not re.search(
                rf"\b{other} {thing}\b", line, re.IGNORECASE
            ):
                problems.append(f"kept '{own} {thing}' from their line without turning it round")
    for m in re.finditer(r"\bI(?:'m|'ve|'d|'ll)?(?: \w+){2}", line):
        said = m.group()
        yours = "you" + said[1:]
        if said in text and yours.lower() not in line.lower():
            problems.append(f"says '{said}' about something they said they did")
    for m in _OBJECT_I.finditer(text):
        problems.append(f"'I' where the object 'me' is meant: {m.group()!r}")
    for m in _SUBJECT_ME.finditer(text):
        problems.append(f"'me' where the subject 'I' is meant: {m.group()!r}")
    if _BOTH_OF_US.search(line) and re.search(r"\byou both\b|\bboth of you\b", text):
        problems.append("turned an 'us' that takes in both of them into 'you'")
    return problems


# "chose I", "with I", "asked I": an object in the subject's form (and the reverse)
_OBJECT_I = re.compile(
    r"\b(?:to|for|with|at|from|about|of|by|than|chose|choose|asked|told|tell|picked|gave|give|"
    r"sent|watch|watched|thank|blame|trust|expected|let|help|make|made|paid|paying|see|saw|"
    r"hear|heard)\s+I\b(?!'| am| was| have| had| do| did| can| will| would)|"
    r"\bknow I (?:well|at all|better|enough)\b"
)
_SUBJECT_ME = re.compile(
    r"(?:^|[,.;:]\s+|\b(?:and|but|because|that|when|if|so|what|who)\s+)me\s+(?:am|was|were|have|"
    r"had|do|did|don't|didn't|will|would|can|could|said|say|think|thought|know|knew|want|need)\b"
)
_BOTH_OF_US = re.compile(r"\bus both\b|\bboth of us\b|\bthe two of us\b|\byou and me\b", re.I)


def test_suggestions_turn_pronouns_round() -> None:
    _run(pronoun_problems)


# --- 3. it answers the latest line ---------------------------------------------------------


def _shared_trigram(a: str, b: str) -> bool:
    """Three words in a row in common ("rather not go"), for lines made of small words."""

    def grams(text: str) -> set[tuple[str, ...]]:
        ws = [w.lower() for w in words(_unquoted(text))]
        return {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}

    return bool(grams(a) & grams(b))


_CONFIRMS = re.compile(r"^(?:yes|yeah|exactly|that'?s (?:it|right|exactly))\b", re.IGNORECASE)


def latest_line_problems(case: Case) -> list[str]:
    if not case.earlier or case.kept or not has_point(case.line):
        return []  # nothing to compare with, the user's reply is built on, or a reason to go back
    said = content_stems(case.own_words_removed)
    latest = content_stems(_unquoted(case.line))
    earlier = content_stems(" ".join(_unquoted(e) for e in case.earlier))
    only_latest, only_earlier = said & (latest - earlier), said & (earlier - latest)
    if not said & latest and not _shared_trigram(case.own_words_removed, case.line):
        if _CONFIRMS.match(case.line) and not only_earlier:
            return []  # they confirmed the listener got it: asking further is a fair answer
        return ["nothing of the latest line is in the suggestion"]
    # a word or two in common with an older line is chance; three or more is reflecting it
    if len(only_earlier) > len(only_latest) and len(only_earlier) >= 3:
        return [
            f"reflects an earlier line ({sorted(only_earlier)}) more than the latest "
            f"({sorted(only_latest)})"
        ]
    return []


def test_suggestions_answer_the_latest_line() -> None:
    _run(latest_line_problems)


# --- 4. never a phrase they have just rejected or mocked -----------------------------------

_REJECTING = [
    re.compile(r"\bdon'?t ([^.,!?;]{1,30}?) me[.!?]", re.IGNORECASE),
    re.compile(
        r"\b(?:don'?t|do not) (?:tell|give) me (?:that )?(?:it'?s )?(?:about )?(?:the )?"
        r"([^.,!?;]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:don'?t|do not) (?:talk to me about|start with|hide behind|make (?:this|it) about|"
        r"walk me through|quote) (?:the )?([^.,!?;]+)",
        re.IGNORECASE,
    ),
    re.compile(r"\bspare me (?:the )?([^.,!?;]+)", re.IGNORECASE),
]
_REJECTED_ACTS = {
    re.compile(r"\b(?:don'?t|do not) apologi[sz]e", re.IGNORECASE): r"\b(?:sorry|apologi\w*)\b",
    re.compile(r"\b(?:don'?t|do not) explain", re.IGNORECASE): r"\bexplain\w*\b",
}


def _normal_phrase(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().translate(_APOSTROPHES)))


def rejected_phrases(line: str) -> list[str]:
    """The phrases a persona line quotes back or tells the listener not to use."""
    plain = line.translate(_APOSTROPHES)
    found = re.findall(r'"([^"]+)"', plain)
    found += re.findall(r"(?<![\w])'([^']+)'(?![\w])", plain)
    for pattern in _REJECTING:
        found += [m.group(1) for m in pattern.finditer(plain)]
    return [p for p in (_normal_phrase(f) for f in found) if p]


def rejection_problems(case: Case) -> list[str]:
    text = _normal_phrase(case.own_words_removed)
    problems = [
        f"uses {phrase!r}, which their line rejects or mocks"
        for phrase in rejected_phrases(case.line)
        if re.search(rf"\b{re.escape(phrase)}\b", text)
    ]
    for act, words_used in _REJECTED_ACTS.items():
        if act.search(case.line) and re.search(words_used, text):
            problems.append(f"does what their line asks not to ({act.pattern})")
    return problems


def test_suggestions_never_reuse_a_rejected_phrase() -> None:
    _run(rejection_problems)


def test_the_rejection_finder_reads_the_shipped_examples() -> None:
    assert "i hear you" in rejected_phrases("Don't 'I hear you' me, Chris.")
    assert "purpose" in rejected_phrases('Another offsite about our "purpose"?')
    assert "sorry" in rejected_phrases("Don't sorry me.")
    assert "the competency framework" not in rejected_phrases("Fine.")
    assert "competency framework" in rejected_phrases(
        "Don't walk me through the competency framework."
    )


# --- 5. after a strong reply: what worked and how to go further ----------------------------


def strong_reply_problems(case: Case) -> list[str]:
    if not case.strong:
        return []
    problems = []
    advice = case.assessment.advice
    if not case.kept:
        problems.append("a 5/5 reply was replaced by a different one")
    if not re.search(r"\b(?:worked|strong)\b", advice, re.IGNORECASE):
        problems.append("the advice does not say what made the reply work")
    if not re.search(r"\bfurther\b", advice, re.IGNORECASE):
        problems.append("the advice gives no way to go further")
    return problems


def test_after_a_strong_reply_the_suggestion_builds_on_it() -> None:
    _run(strong_reply_problems)


def test_the_strong_replies_are_strong() -> None:
    """Property 5 only means something if many strong replies do score 5 everywhere."""
    strong = [c for c in cases() if c.kind == "strong"]
    assert sum(c.strong for c in strong) >= 0.5 * len(strong)


# --- 6. "Try next" agrees with the scores --------------------------------------------------

# What each dimension's advice tells the user to do, and the moves that show it done.
# What each dimension's advice tells the user to do: the basics (what a reply scoring 5 has
# done already) and refinements (one way to go further, fair advice even after a 5).
BASICS = {
    "listening": re.compile(
        r"\bshow (?:what )?you heard|\bput (?:their|her|his) (?:specific )?point|"
        r"\binto your own words|\breflect (?:what|their|her|his)",
        re.IGNORECASE,
    ),
    "inquiry": re.compile(
        r"\bask (?:one|an|a) (?:genuine )?(?:open )?question|\bmake (?:the|your) question open|"
        r"\binvite them to say more|\bask before you",
        re.IGNORECASE,
    ),
    "non_defensiveness": re.compile(
        r"\bdrop the (?:explanation|defence|defense)|\bstop defending|\binstead of waving|"
        r"\bstop after the acknowledgement|\bdon't defend",
        re.IGNORECASE,
    ),
}
REFINEMENTS = {
    "listening": re.compile(
        r"\bname the feeling|\bsay (?:their|her|his) (?:specific )?point back|"
        r"\blet (?:the|your) reflection stand",
        re.IGNORECASE,
    ),
    "inquiry": re.compile(r"\bcheck (?:your|you've) understoo?d", re.IGNORECASE),
    "non_defensiveness": re.compile(r"\bown (?:a|the|one) (?:specific )?part", re.IGNORECASE),
}
# Instructions that contradict a move the judge credited.
CONTRADICTS = {
    Move.open_question: re.compile(
        r"\bask (?:one|an|a) (?:genuine )?open question|\bmake (?:the|your) question open",
        re.IGNORECASE,
    ),
    Move.reflect_content: re.compile(
        r"\bshow (?:what )?you heard|(?<!you )\bput (?:their|her|his)", re.IGNORECASE
    ),
    Move.reflect_feeling: re.compile(r"\bname the feeling", re.IGNORECASE),
    Move.check: re.compile(r"\bcheck (?:your|you've) understoo?d", re.IGNORECASE),
}


def advice_problems(case: Case) -> list[str]:
    advice = case.assessment.advice
    scores = case.scores
    problems = []
    for dim, pattern in BASICS.items():
        if scores.get(dim) == 5 and pattern.search(advice):
            problems.append(f"tells them to do the basics of {dim}, which scored 5")
    targets = [
        dim for dim in BASICS if BASICS[dim].search(advice) or REFINEMENTS[dim].search(advice)
    ]
    for move, pattern in CONTRADICTS.items():
        if move in case.assessment.move_set and pattern.search(advice):
            problems.append(f"tells them to do what they did ({move.value} was credited)")
    if case.strong:
        return problems
    lowest = min(scores.values())
    weakest = {dim for dim, score in scores.items() if score == lowest}
    if not weakest & set(targets):
        problems.append(
            f"does not address the lowest-scoring dimension ({', '.join(sorted(weakest))}); "
            f"it addresses {', '.join(targets) or 'none'}"
        )
    return problems


def test_advice_agrees_with_the_scores() -> None:
    _run(advice_problems)


# --- the corpus itself ---------------------------------------------------------------------


def test_every_shipped_line_is_covered() -> None:
    all_cases = cases()
    assert {c.scenario for c in all_cases} == {p.stem for p in SCENARIOS.glob("*.yaml")}
    lines = {(c.scenario, c.where) for c in all_cases}
    assert len(lines) >= 400
    assert len(all_cases) == 7 * len(lines)


# --- the failures seen in play, one by one ------------------------------------------------


def _assess(reply: str, line: str, earlier: tuple[str, ...] = ()) -> Assessment:
    conversation: list[tuple[str, str]] = []
    for before in earlier:
        conversation += [("persona", before), ("user", EARLIER_REPLY)]
    exchange = Exchange(
        reply=reply,
        persona_line=line,
        persona_name="Sarah",
        user_name="Ken",
        conversation=(*conversation, ("persona", line)),
        confrontation=True,
    )
    return OfflineJudge().assess_now(exchange, _rubric())


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Don't 'I hear you' me, Ken. I've had three managers say it to me this year.", "hear you"),
        ('Spare me the "journey", Ken. You cancelled the Halvorsen visit twice.', "journey"),
        ("Don't apologise yet, Ken. I'd like to know you understand what for.", "sorry"),
        ('Another offsite about our "purpose"? My team is out there chasing numbers.', "purpose"),
    ],
)
def test_a_phrase_they_mock_is_not_suggested(line: str, phrase: str) -> None:
    for reply in (MINIMAL, DEFENSIVE, OPEN_ONLY):
        assert phrase not in _normal_phrase(_assess(reply, line).suggestion)


def test_the_reflection_is_of_the_latest_line_in_the_listeners_words() -> None:
    pledge = (
        "I found out about our sustainability pledge from a customer. Marta at Halvorsen asked "
        "me what the new packaging commitment meant for her contract."
    )
    room = "It's that it got decided in a room I wasn't in. I want a part in it, Ken."
    suggestion = _assess(MINIMAL, room, earlier=(pledge,)).suggestion
    assert "decided in a room you weren't in" in suggestion
    assert "Marta" not in suggestion
    # nothing to reflect in the latest line: going back to the earlier one is right
    assert "Marta at Halvorsen asked you" in _assess(MINIMAL, "Is that it?", (pledge,)).suggestion


@pytest.mark.parametrize(
    ("line", "expected", "never"),
    [
        ("I picked you, Ken. That was my name on it.", "you picked me", "I picked you"),
        (
            "Promises are what I got on Saturday.",
            "promises are what you got on Saturday",
            "Promises",
        ),
        (
            "It was me who chose you over his lot, and everybody in that room knows it.",
            "it was you who chose me over his lot",
            "chose I",
        ),
        (
            "What I want is for somebody here to know what that day was worth to us without me "
            "having to spell it out.",
            "what you want is",
            "without.",
        ),
    ],
)
def test_reflections_keep_the_meaning_and_the_grammar(line: str, expected: str, never: str) -> None:
    suggestion = _assess(MINIMAL, line).suggestion
    assert expected in suggestion
    assert never not in suggestion.split(" ", 1)[1]


def test_a_five_out_of_five_reply_is_kept_and_taken_further() -> None:
    line = "You keep cancelling customer visits for offsites. My team has noticed."
    reply = (
        "So the offsites keep winning over the customer visits, and that's left you furious. "
        "Have I got that right? What's been the biggest cost of it for your team?"
    )
    a = _assess(reply, line)
    assert all(s.score == 5 for s in a.scores), a.scores
    assert reply in a.suggestion
    assert a.advice.startswith("Strong reply: it worked because")
    assert "To go further" in a.advice


def test_a_credited_open_question_is_never_to_be_made_open() -> None:
    line = "You keep cancelling customer visits for offsites. My team has noticed."
    a = _assess("What's been the hardest part of this? Did you tell anyone else?", line)
    assert Move.open_question in a.move_set
    assert "question open" not in a.advice
    assert "Ask one open question" not in a.advice


def test_a_phone_typed_reply_built_on_reads_as_written_english() -> None:
    """Found in play: after "ok. your team's out chasing the number while we sit in a circle
    talking values. fair hit." the better reply began "Ok. your team's ... fair hit. I can
    see...": a capital only at the very start. The words are theirs; the sentences start with
    capitals, and "i" is "I"."""
    line = (
        "Another offsite about our purpose? My team is out there chasing numbers while "
        "leadership sits in a circle talking about values."
    )
    reply = (
        "ok. your team's out chasing the number while we sit in a circle talking values. "
        "fair hit, i should have seen it"
    )
    suggestion = _assess(reply, line).suggestion
    assert suggestion.startswith("Ok. Your team's out chasing the number"), suggestion
    assert "Fair hit, I should have seen it." in suggestion, suggestion
    # a question typed without its mark is still the question, asked last
    asked = _assess(
        "eighteen percent down, six weeks, and it'll land on you not the retreats. what would "
        "actually help you most right now",
        "We're eighteen percent behind with six weeks left. When it's missed, it'll be my "
        "name on it, not the vision statement's.",
    ).suggestion
    assert asked.endswith("What would actually help you most right now?"), asked
    # abbreviations and an ellipsis are not sentence ends
    from sparring.judge.offline.suggest import _tidy

    assert _tidy("wait... what happened at 9 a.m. then") == "Wait... what happened at 9 a.m. then."


def test_their_own_check_is_not_doubled_and_names_keep_their_capitals() -> None:
    """Found in play: "bev, sit down. you're telling me i brought greenville habits into a union
    plant and nobody asked your members. fair?" was improved to "...Have I got that right?
    Fair?", two checks in a row, with "greenville" as typed."""
    line = (
        "You came from Greenville, Chris. There's no union in Greenville, so I get it. You put "
        "those boards up on a Saturday without one word to me."
    )
    reply = (
        "bev, sit down. you're telling me i brought greenville habits into a union plant and "
        "nobody asked your members. fair?"
    )
    suggestion = _assess(reply, line).suggestion
    assert "Have I got that right?" not in suggestion, suggestion
    assert "Fair?" in suggestion, suggestion
    assert "Greenville habits" in suggestion, suggestion
    assert suggestion.startswith("Bev, sit down."), suggestion


def test_their_own_manner_is_not_the_point_given_back() -> None:
    """Found in play: after Marcus's "I'm not being emotional. I'm being quite calm,
    considering." the better reply was "So you're not being emotional, and that's left you
    angry." The point to give back is the one before it."""
    from sparring.judge.offline.points import salient_point

    earlier = (
        "You know how I found out? A notification. Nobody thought I might want to hear it "
        "from you first."
    )
    line = "I'm not being emotional. I'm being quite calm, considering."
    point = salient_point([earlier, line])
    assert point is not None
    assert "Nobody thought" in point, point


def test_a_verb_inside_a_when_clause_does_not_make_a_fragment_a_point() -> None:
    """Found in play: after Bev's "Twenty-six years, and a shoulder held together with pins
    from when the old four-hundred-ton press let go. He's been in red on your board every
    single day since it went up." the better reply was "If I've got this right, after
    twenty-six years, a shoulder held together with pins from when the old four-hundred-ton
    press let go, and it's been hard on you": a fragment, whose only verb ("let go") belongs
    to the clause about the press."""
    from sparring.judge.offline.points import salient_point, whole

    fragment = (
        "Twenty-six years, and a shoulder held together with pins from when the old "
        "four-hundred-ton press let go."
    )
    assert not whole(fragment)
    line = f"Dennis Pruitt. {fragment} He's been in red on your board every day since it went up."
    assert salient_point([line]) == "He's been in red on your board every day since it went up."
    # a sentence that opens on such a clause keeps its own verb
    assert whole("When the press went, I lost my job")


def test_a_good_question_of_their_own_is_kept_in_the_better_reply() -> None:
    """Found in play: "im really sorry. whats the damage been so far, in money and
    otherwise?" scored 4 on inquiry ("Your question was a good one"), and the better reply
    swapped it for a stock "Can you tell me more about what's been happening?"."""
    from sparring.judge.base import Exchange
    from sparring.judge.offline import OfflineJudge

    denise = (
        "Twelve minutes I kept you waiting. Annoying, isn't it? Try fifty-two minutes on your "
        "support line on the busiest Saturday of my year, Jordan, with twenty-three stores "
        "full of customers and not one till that could take a card. Sit down."
    )
    judge, rubric = OfflineJudge(), _rubric()

    def better(reply: str) -> str:
        exchange = Exchange(reply=reply, persona_line=denise, confrontation=True)
        return judge.assess_now(exchange, rubric).suggestion

    asked = better("im really sorry. whats the damage been so far, in money and otherwise?")
    assert asked.endswith("What's the damage been so far, in money and otherwise?"), asked
    assert "fifty-two minutes" in asked, asked  # their point is still given back first
    assert better("ok. what happened on saturday from your side?").endswith(
        "What happened on Saturday from your side?"
    )
    # a question asked while defending is not the one to copy
    defended = better("We had an outage, it wasn't our fault. What do you want me to do?")
    assert "What do you want me to do" not in defended, defended


def test_a_phone_typed_reply_repeated_in_a_suggestion_has_its_apostrophes() -> None:
    from sparring.judge.offline.suggest import _tidy

    assert _tidy("im sorry, thats on me and i cant fix it by friday") == (
        "I'm sorry, that's on me and I can't fix it by Friday."
    )
    # words that may be something else stay as typed
    assert _tidy("its fine, well see, ill call") == "Its fine, well see, ill call."


def test_a_capital_at_a_sentence_start_is_no_name_and_a_feeling_is_whose_it_is() -> None:
    """Found in a natural-play run (benchmarks/natural-replies/austin-eng): after Bev's "It's a
    huddle card. Laminated." the better reply kept the user's words as "a Laminated card";
    after "Dennis won't tell you this himself... He's embarrassed." it said "you feel
    embarrassed" of Bev; and "nobody would lose their job" put "you feel left out of it"
    into her mouth."""
    from sparring.judge.offline.suggest import _their_names, feeling

    line = (
        "Morning, Chris. It's a huddle card. Laminated. I've been on this floor thirty-one "
        "years and I've got a mug from every one of them. You came from Greenville."
    )
    suggestion = _assess(
        "Thirty-one years and a mug from every program, honestly I get why a laminated card "
        "from greenville isn't landing lol. From where you sat, what made those fail?",
        line,
    ).suggestion
    assert "a laminated card from Greenville" in suggestion, suggestion
    named = _their_names("dennis got a laminated card", ["Laminated. Dennis is off."])
    assert named == "Dennis got a laminated card", named
    dennis = "Dennis won't tell you this himself, so I will. He's embarrassed to come to work."
    assert "embarrassed" not in feeling([dennis], 0)
    assert "embarrassed" not in feeling(["My members are embarrassed by that board."], 0)
    assert feeling(["I'm embarrassed, Chris. In front of the whole line."], 0) == (
        "you feel embarrassed"
    )
    assert feeling(["Honestly, it's embarrassing."], 0) == "you feel embarrassed"
    hollis = "Rick Hollis told us nobody would lose their job. Two years later, forty-three did."
    assert feeling([hollis], 0) != "you feel left out of it"
    assert feeling(["Nobody asked us. Not one of you."], 0) == "you feel left out of it"
