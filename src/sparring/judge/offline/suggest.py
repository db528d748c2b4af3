"""A better reply that fits what the persona just said: reflect the point, name the feeling,
ask one open question (or, once everything is out, propose a next step and check it). After a
reply that already scores 5 everywhere, the reply itself, taken one step further.

The reflection is built from the persona's latest line that has a point to reflect (an earlier
one only when the latest has none: "Is that it?"), turned round to the listener's point of
view ("you're not walking the walk" becomes "I'm not walking the walk", pronouns.py), so it is
specific to the moment rather than a stock phrase. It never uses a phrase the persona has just
quoted back or refused (rejected.py). "Try next" follows the scores (advice.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from sparring.formats.moves import Move
from sparring.formats.rubric import Dimension
from sparring.judge.base import DimensionScore
from sparring.judge.offline.advice import advice, family
from sparring.judge.offline.detect import unmarked_question_ends
from sparring.judge.offline.language import word_lists
from sparring.judge.offline.learned import mark_questions
from sparring.judge.offline.points import clip, point
from sparring.judge.offline.pronouns import drop_vocatives, flip
from sparring.judge.offline.rejected import rejected, scripted, uses
from sparring.judge.offline.rules import FEEL

_CYCLE = 12  # every rotating choice (openers, feelings, questions) repeats within 12 turns
_FEEL_RE = re.compile(r"\b" + FEEL)  # searched in lower-cased text

_OPENERS = ("So you're saying", "It sounds like", "If I've got this right,", "So")
OPEN_QUESTIONS = (
    "What's been the hardest part of this for you?",
    "Can you tell me more about what's been happening?",
    "What am I missing about how this has landed for you?",
    "What has this been like from where you sit?",
    "What would you most want me to understand about it?",
    "What's the part of this that matters most to you?",
)
_PLAIN_QUESTIONS = ("What's the worst of it for you?", "Where would you like to start?")
NEXT_STEPS = (
    "What if we worked out the next step together, starting this week? Would that work for you?",
    "Could we sit down this week and shape what happens next together? Would that work for you?",
)

# Feelings a line names, as the listener would say them back.
_FEELING_PHRASES = {
    "frustrat": "you're fed up with it",
    "fed up": "you're fed up with it",
    "sick of": "you're fed up with it",
    "angry": "you're angry about it",
    "anger": "you're angry about it",
    "furious": "you're furious about it",
    "livid": "you're furious about it",
    "hurt": "it's hurt you",
    "disappoint": "you feel let down",
    "let down": "you feel let down",
    "embarrass": "you feel embarrassed",
    "humiliat": "you feel humiliated",
    "ignored": "you feel ignored",
    "overlooked": "you feel overlooked",
    "invisible": "you feel overlooked",
    "insult": "it feels insulting",
    "exhaust": "you're worn out",
    "tired": "you're worn out",
    "stress": "you're under real pressure",
    "pressure": "you're under real pressure",
    "worr": "you're worried about where this goes",
    "scared": "you're worried about where this goes",
    "afraid": "you're worried about where this goes",
    "unfair": "it feels unfair",
    "betray": "it feels like a betrayal",
    "stung": "it's hurt you",
    "upset": "you're upset about it",
}
# Without a feeling word, what the line is about suggests the feeling under it.
_FEELING_CUES = (
    (
        re.compile(r"\b(?:in front of (?:everyone|everybody|the whole)|fool|petty|watching)\b"),
        "you feel embarrassed",
    ),
    (
        re.compile(
            r"\b(?:promised?|trusted|picked you|chose you|partners?|friend|stood up for|"
            r"vouched|your word|handed it|because it was you)\b"
        ),
        "you feel let down",
    ),
    (
        re.compile(
            r"\b(?:(?:nobody|no one) (?:asked|told|consulted|checked|talked|spoke|said a word|"
            r"bothered|thought to|came to|invited|mentioned)|not once|without (?:a say|asking|"
            r"a word|us)|"
            r"(?:room|meeting|loop) (?:i|we) (?:wasn'?t|weren'?t|'m not|am not) in\b|found out)"
        ),
        "you feel left out of it",
    ),
    (
        re.compile(
            r"\b(?:cost|money|pounds|grand|thousand|target|deals?|heads|analysts|job|contract|"
            r"tender|renewal)\b"
        ),
        "you're under real pressure",
    ),
    (
        re.compile(r"\b(?:again|every time|twice|three years|years running|same|before)\b"),
        "you're fed up with it",
    ),
)
_DEFAULT_FEELINGS = ("it's been hard on you", "that's left you angry")
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bno)\b(?:\s+\w+){0,2}\s*$")
# A line that opens calmly and has nothing upset in it puts no feeling into their mouth.
_CALM = re.compile(
    r"^(?:okay|ok|right|alright|all right|huh|hm+|mm+|yes|yeah|thank|thanks|that'?s (?:it|right)|"
    r"exactly|fair|good|deal|here'?s what)\b"
)
_WARM = re.compile(
    r"\b(?:thank|in a good way|(?:went |was |were )?better than i (?:expected|figured|thought)|"
    r"this helped|glad|i believe you|deal)\b"
)
_UPSET = re.compile(
    r"\b(?:never|nobody|no one|nothing|bloody|hell|again|still|worse|worst|sick|enough)\b|!"
)
_SETTLED = re.compile(
    r"^(?:yes|yeah|thank|thanks|that'?s (?:it|right|exactly)|exactly)\b", re.IGNORECASE
)

# --- the reflection ------------------------------------------------------------------------


def reflection(
    lines: Sequence[str],
    names: Collection[str],
    turn: int,
    avoid: tuple[str, ...] = (),
    *,
    with_feeling: bool = True,
) -> str | None:
    """'So you're saying ..., and ...': their point in the listener's words, with a feeling.
    It depends only on what the persona said, so it is computed once per persona line."""
    names = tuple(n for n in names if n)
    return _reflection(tuple(lines[-4:]), names, turn % _CYCLE, avoid, with_feeling)


@lru_cache(maxsize=512)
def _reflection(
    lines: tuple[str, ...],
    names: tuple[str, ...],
    turn: int,
    avoid: tuple[str, ...],
    with_feeling: bool,
) -> str | None:
    found = point(lines, avoid)
    if found is None:
        return None
    sentence, index = found
    clause = clip(flip(drop_vocatives(sentence, names), names))
    if len(clause.split()) < 3 or uses(clause, avoid):
        return None
    first = clause.split(" ", 1)[0]
    if not first.startswith(("I ", "I'")) and first != "I" and not _proper_noun(first, lines):
        clause = clause[0].lower() + clause[1:]
    openers = [
        o
        for o in _OPENERS
        if not uses(o, avoid)
        and not (o == "So" and clause.startswith("I"))
        and not (o.startswith("If") and clause.lower().startswith("if "))
        and not (o == "It sounds like" and scripted(lines[-1]))
    ]
    opener = openers[turn % len(openers)] if openers else "So"
    named = _FEEL_RE.search(clause.lower()) or not with_feeling
    tail = "" if named else feeling(lines[index:], turn, avoid)
    return f"{opener} {clause}{', and ' + tail if tail else ''}."


def _proper_noun(word: str, lines: Sequence[str]) -> bool:
    """A capitalised word that is a name: not a common English word, or capitalised where no
    sentence starts ("Marta", "Halvorsen")."""
    bare = word.strip(",.;:!?")
    if not bare[:1].isupper() or len(bare) < 2 or re.search(r"n['’]t$", bare):
        return False
    bare = re.sub(r"['’]s$", "", bare)
    if bare.isalpha() and not english_word(bare):
        return True
    text = " ".join(lines)
    return re.search(rf"(?<![.!?\"“]\s)(?<!^)\b{re.escape(bare)}\b", text) is not None


def english_word(word: str) -> bool:
    """Whether a word is a common English word, in any of its usual forms ("trolleys")."""
    english, low = word_lists().english, word.lower()
    forms = [low] + [low[: -len(end)] + add for end, add in _INFLECTIONS if low.endswith(end)]
    return any(form in english for form in forms)


_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""))


# whose feeling a feeling word names: the subject just before it ("he's embarrassed to come to
# work" is Dennis's feeling, not theirs)
_FEELER = re.compile(
    r"\b(\w+)(?:'s|'re|'m| is| are| am| was| were| feels?| felt| gets?| got| seems?| seemed"
    r"| looks?| looked| sounds?| sounded)\s+(?:(?:so|really|very|pretty|quite|a bit|just|too|"
    r"absolutely|totally|completely|deeply|more|less|still|bloody|dead)\s+)*$"
)
_THEIR_OWN = frozenset(("i", "we", "you", "it", "that", "this", "everything", "which"))


def _someone_elses(low: str, at: int) -> bool:
    """Whether the feeling word at `at` is said of someone other than the speaker."""
    start = max(low.rfind(end, 0, at) for end in ".!?;") + 1
    feeler = _FEELER.search(low, start, at)
    return feeler is not None and feeler.group(1) not in _THEIR_OWN


def feeling(lines: Sequence[str], turn: int, avoid: tuple[str, ...] = ()) -> str:
    """The feeling to name, as the listener would say it: one the persona named, else one
    what they talk about suggests."""
    for line in reversed(lines):
        low = line.lower()
        for m in _FEEL_RE.finditer(low):
            if _NEGATED.search(low[max(0, m.start() - 24) : m.start()]):
                continue  # "I'm not angry with Jess"
            if _someone_elses(low, m.start()):
                continue  # "He's embarrassed to come to work": Dennis's, not theirs
            word = m.group()
            for stem, phrase in _FEELING_PHRASES.items():
                if word.startswith(stem) and not uses(phrase, avoid):
                    return phrase
    low = " ".join(lines[-1:]).lower()
    if _SETTLED.match(low.strip()):
        return ""
    for cue, phrase in _FEELING_CUES:
        if cue.search(low):
            return phrase
    if (_CALM.match(low.strip()) or _WARM.search(low)) and not _UPSET.search(low):
        return ""  # nothing says they are upset: no feeling is put into their mouth
    return _DEFAULT_FEELINGS[turn % len(_DEFAULT_FEELINGS)]


def _question(lines: Sequence[str], turn: int, avoid: tuple[str, ...]) -> str:
    plain = bool(lines) and scripted(lines[-1])
    options = [q for q in (_PLAIN_QUESTIONS if plain else OPEN_QUESTIONS) if not uses(q, avoid)]
    return options[turn % len(options)] if options else _PLAIN_QUESTIONS[0]


# --- building on a good reply ----------------------------------------------------------------

_LONGEST_KEPT = 1_500  # a longer reply is not repeated back in full
_CHECK = "Have I got that right?"
_A_CHECK = re.compile(
    r"\b(?:right|correct|fair|accurate|close)\?$|\b(?:have i got|did i get|am i right|is that)\b",
    re.IGNORECASE,
)


# a sentence start after a full stop, not after an abbreviation ("e.g. the rota", "9 a.m. the")
# or an ellipsis ("wait... what happened")
_NEXT_SENTENCE = re.compile(r"(?<!\.)([.!?]\s+)([a-z])")
# the word a full stop closes, when it is an abbreviation ("e.g.", "a.m.", "approx.", "Dr.")
_ABBREVIATION = re.compile(
    r"(?:\b[a-z]\.[a-z]|\b[a-z]|\b(?:approx|etc|incl|dept|est|vs|dr|mr|mrs|ms|no|st))$",
    re.IGNORECASE,
)


def _capital(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 8) : m.start()]
    if m.group(1)[0] == "." and _ABBREVIATION.search(before):
        return m.group()
    return m.group(1) + m.group(2).upper()


# "i", "i'm", "i've" typed in lower case (not "i.e.")
_LOWER_I = re.compile(r"(?<![\w'.-])i(?=(?:'(?:m|ve|ll|d))?(?:[\s,!?;:]|\.(?!e\.)|$))")


def _tidy(reply: str, question_ends: Sequence[int] | None = None) -> str:
    """Their reply as a suggestion repeats it: one line, each sentence starting with a capital,
    "i" written "I" (typed on a phone, "ok. your team's out chasing the number. i get it"),
    a question mark on each question the rules read, and a full stop at the end if it has no
    mark of its own. `question_ends`: where the judge read questions without their mark in
    `reply`, if it did (read again otherwise)."""
    text = " ".join(reply.split())
    # a question they typed without its mark keeps its place as the question ("what would
    # actually help you most right now" is still asked last, and with a question mark); a reply
    # too long to repeat is not read again for its questions (the caller sets it aside)
    if len(text) <= _LONGEST_KEPT:
        # (the judge's offsets hold while the text is the reply as it was typed)
        if question_ends is None or text != reply:
            question_ends = unmarked_question_ends(text)
        text = mark_questions(text, question_ends)
    text = _MISSING_APOSTROPHE.sub(_apostrophe, text)
    text = _WEEKDAY.sub(lambda m: m.group().capitalize(), text)
    text = _LOWER_I.sub("I", text[:1].upper() + text[1:])
    text = _NEXT_SENTENCE.sub(_capital, text)
    return text if text[-1:] in {".", "?", "!"} else text + "."


# Contractions typed without their apostrophe that cannot be another word ("whats", "dont",
# "im"; not "its", "ill", "well", "were", "wont", "id", "hell", "shed")
_CONTRACTED = {
    **{
        w: w[:-1] + "'t"
        for w in (
            "dont didnt doesnt isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt "
            "shouldnt cant mustnt"
        ).split()
    },
    **{w: w[:-1] + "'s" for w in "thats whats hows wheres theres whos heres".split()},
    "im": "I'm",
    "ive": "I've",
    "youre": "you're",
    "youve": "you've",
    "youll": "you'll",
    "theyre": "they're",
    "theyve": "they've",
    "weve": "we've",
    "wouldve": "would've",
    "shouldve": "should've",
    "couldve": "could've",
}
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_MISSING_APOSTROPHE = re.compile(r"\b(" + "|".join(_CONTRACTED) + r")\b", re.IGNORECASE)


def _apostrophe(m: re.Match[str]) -> str:
    word = m.group()
    fixed = _CONTRACTED[word.lower()]
    return fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed


def _around(text: str, added: Sequence[str], question: str = "") -> str:
    """`text` with sentences `added` before its closing question (or at the end), then
    `question`."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    closing = parts[-1:] if len(parts) > 1 and parts[-1].endswith("?") else []
    body = parts[: len(parts) - len(closing)]
    return " ".join([*body, *added, *closing, *([question] if question else [])])


# a name as they wrote it: a capitalised word that is no English word ("You came from
# Greenville, Chris.", "Rick Hollis stood on a pallet")
_THEIR_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _their_names(text: str, lines: Sequence[str]) -> str:
    """`text` with the names their lines capitalise written as they wrote them ("greenville"
    typed on a phone is "Greenville" in the suggestion)."""
    english = word_lists().english  # ("And", "Nobody" at a sentence start are no names)
    names = {
        m.group().lower(): m.group()
        for line in lines
        for m in _THEIR_NAME.finditer(line)
        if m.group().lower() not in english and _named(m, line)
    }
    if not names:
        return text
    return re.sub(r"\b[a-z]{3,}\b", lambda m: names.get(m.group(), m.group()), text)


# a sentence starts here: the line's start, or after a full stop, a quotation mark or a dash
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\s[-–—]\s*)$")
# the endings of common words that the word list may not hold in that form ("Laminated.")
_COMMON_ENDING = re.compile(r"(?:ed|ing|ly|ness|ment|tion|ful|less|able)$")


def _named(m: re.Match[str], line: str) -> bool:
    """A capitalised word is a name where no sentence starts ("from Greenville"), or at a
    sentence start unless it ends like a common word ("Laminated." is no name)."""
    if not _SENTENCE_START.search(line, 0, m.start()):
        return True
    return not _COMMON_ENDING.search(m.group())


def build_on(
    reply: str, moves: Collection[Move], latest: str, question_ends: Sequence[int] | None = None
) -> tuple[str, str]:
    """After a reply that scores 5 everywhere: (the reply itself, one step further; what that
    step is, for the advice)."""
    text, present = _their_names(_tidy(reply, question_ends), [latest]), set(moves)
    if len(text) > _LONGEST_KEPT:
        return (
            "Keep your reply as it was, then stop and let them answer.",
            "leave a pause after it and let them answer before you add more",
        )
    if Move.check not in present:
        return _around(text, [_CHECK]), "check you've understood before you ask, as below"
    if Move.name_own_reaction not in present and not _SETTLED.match(latest.strip()):
        return (
            f"That's hard to hear. {text}",
            "say how it lands with you before anything else (\u201cThat's hard to hear\u201d)",
        )
    return text, "leave a pause after it and let them answer before you add more"


def improve(
    reply: str,
    moves: Collection[Move],
    lines: Sequence[str],
    names: Collection[str],
    turn: int,
    avoid: tuple[str, ...],
    question_ends: Sequence[int] | None = None,
) -> str | None:
    """A good reply (it listens and does not defend) with what it lacks added: the feeling,
    their point, a check, an open question. None when it is too long to repeat."""
    text, present = _their_names(_tidy(reply, question_ends), lines), set(moves)
    if len(text) > _LONGEST_KEPT:
        return None
    added = []
    if Move.reflect_feeling not in present:
        named = feeling(lines, turn, avoid)
        added.append(f"I can see {named}." if named else "I can see this has been hard on you.")
    if not present & {Move.reflect_content, Move.own}:
        clause = reflection(lines, names, turn, avoid, with_feeling=False)
        if clause:
            added.append(clause)
    # a check of their own at the end ("... fair?", "is that right?") is kept, not doubled
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    if Move.check not in present and not (last.endswith("?") and _A_CHECK.search(last)):
        added.append(_CHECK)
    asked = present & {Move.open_question, Move.invite_collaboration}
    if not asked:  # a closed or leading question at the end gives way to an open one
        parts = re.split(r"(?<=[.!?])\s+", text)
        while len(parts) > 1 and parts[-1].endswith("?") and not _A_CHECK.search(parts[-1]):
            parts.pop()
        text = " ".join(parts)
    return _around(text, added, "" if asked else _question(lines, turn, avoid))


def _by_family(
    scores: Sequence[DimensionScore], dimensions: Sequence[Dimension]
) -> list[tuple[str | None, int]]:
    """Each score with what its dimension measures (listening, inquiry, defence, ...)."""
    kinds = {d.id: family(d) for d in dimensions}
    return [(kinds.get(s.dimension), s.score) for s in scores]


def _good(scores: Sequence[DimensionScore], dimensions: Sequence[Dimension]) -> bool:
    """Whether a reply listens (4+) and does not defend (4+): worth building on."""
    judged = _by_family(scores, dimensions)
    return all(score >= 4 for kind, score in judged if kind in {"listening", "defence"}) and any(
        kind == "listening" for kind, _ in judged
    )


# --- the suggestion ------------------------------------------------------------------------


def suggest(
    persona_lines: Sequence[str],
    moves: Collection[Move],
    *,
    names: Collection[str],
    understood: bool,
    turn: int,
    scores: Sequence[DimensionScore],
    dimensions: Sequence[Dimension],
    reply: str = "",
    asked: tuple[int, int] | None = None,
    question_ends: Sequence[int] | None = None,
) -> tuple[str, str]:
    """(a better reply, one line of advice on what to change). `persona_lines`: what the
    persona has said so far, latest last; `scores`: the reply's turn scores, by `dimensions`;
    `asked`: where in the reply the judge read its last open question; `question_ends`: where
    it read questions typed without their mark (`Detection.question_ends`)."""
    latest = persona_lines[-1] if persona_lines else ""
    if scores and reply.strip() and all(s.score == 5 for s in scores):
        better, further = build_on(reply, moves, latest, question_ends)
        return better, advice(scores, dimensions, moves, going_further=further)
    avoid = rejected(latest)
    tips = advice(scores, dimensions, moves, understood=understood)
    if reply.strip() and not understood and _good(scores, dimensions):
        improved = improve(reply, moves, persona_lines, names, turn, avoid, question_ends)
        if improved:
            return improved, tips
    reflect = reflection(persona_lines, names, turn, avoid)
    parts = [reflect] if reflect else []
    if understood:
        parts.append(NEXT_STEPS[turn % len(NEXT_STEPS)])
    else:
        # their own open question, when they asked one and defended nothing, is a better
        # question than a stock one ("whats the damage been so far, in money and otherwise?")
        good = _asked_openly(scores, dimensions) and Move.leading_question not in moves
        own = _own_question(reply, asked, persona_lines, avoid) if asked and good else None
        parts.append(own or _question(persona_lines, turn, avoid))
    return " ".join(parts), tips


def _asked_openly(scores: Sequence[DimensionScore], dimensions: Sequence[Dimension]) -> bool:
    """Whether the reply asked well (inquiry 4+) and did not defend (4+)."""
    judged = _by_family(scores, dimensions)
    return any(kind == "inquiry" and score >= 4 for kind, score in judged) and all(
        score >= 4 for kind, score in judged if kind == "defence"
    )


def _own_question(
    reply: str, asked: tuple[int, int], lines: Sequence[str], avoid: tuple[str, ...]
) -> str | None:
    """The sentence of the reply that holds its open question (`asked`: where the judge read
    it), written out as a suggestion repeats a reply."""
    start, end = asked
    start = max(reply.rfind(mark, 0, start) for mark in ".!?\n") + 1
    stops = [i for i in (reply.find(mark, max(end - 1, start)) for mark in ".!?\n") if i >= 0]
    sentence = reply[start : min(stops) + 1 if stops else len(reply)].strip()
    if not sentence or len(sentence) > _LONGEST_KEPT:
        return None
    question = _their_names(_tidy(sentence), lines)
    return None if uses(question, avoid) else question
