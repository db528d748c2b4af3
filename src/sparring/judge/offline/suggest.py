"""A better reply that fits what the persona just said: reflect the point, name the feeling,
ask one open question (or, once everything is out, propose a next step and check it).

The reflection is built from the persona's own words, turned round to the listener's point of
view ("you're not walking the walk" becomes "I'm not walking the walk"), so it is specific to
the moment rather than a stock phrase.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from sparring.formats.moves import Move
from sparring.judge.offline.lexicon import STOPWORDS, content_stems
from sparring.judge.offline.rules import FEEL

_SWAP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "im": "you're",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "your": "my", "yours": "mine", "yourself": "myself",
    "you're": "I'm", "you've": "I've", "you'd": "I'd", "you'll": "I'll", "youre": "I'm",
}  # fmt: skip
# After these words "you" is the object ("I kept you waiting", "at you"); elsewhere the subject.
_OBJECT_CONTEXT = frozenset(
    (
        "to for with at from about on of by like than behind without against around into onto "
        "over under towards tell told ask asked give gave show showed make made let help pay "
        "paid call called keep kept see saw hear heard need want wanted expect trust promise "
        "promised owe thank blame sent send get got bring brought leave left put expected "
        "needed trusted blamed thanked warned reminded forced pushed involved included"
    ).split()
)
_VERB_FIX = [
    (re.compile(r"\byou was\b"), "you were"),
    (re.compile(r"\byou wasn't\b"), "you weren't"),
    (re.compile(r"\bI were\b"), "I was"),
    (re.compile(r"\bI weren't\b"), "I wasn't"),
    (re.compile(r"\byou am\b"), "you are"),
    (re.compile(r"\bI are\b"), "I am"),
    (re.compile(r"\bI aren't\b"), "I'm not"),
    (re.compile(r"\bI is\b"), "I am"),
    (re.compile(r"\bI has\b"), "I have"),
    (re.compile(r"\bI doesn't\b"), "I don't"),
]
_IMPERATIVE = frozenset(
    (
        "don't do try sit go say tell look listen let stop give make come please spare save "
        "leave get take put show explain walk remember think imagine"
    ).split()
)
_TRAILING_FILLER = frozenset(
    (
        "because and but so the a an to of while with when that which who or for at in on by "
        "from as than if my your our their his her its"
    ).split()
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:look|listen|honestly|frankly|seriously|okay|ok|well|so|right|fine|and|but|yes|no|"
    r"actually|i'm just going to say it|i'll be honest|let me be clear|you know what)[,.!:;-]*\s+)+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z']+|[^A-Za-z']+")
# Searched in lower-cased text: IGNORECASE makes this long alternation five times slower.
_FEEL_RE = re.compile(r"\b" + FEEL)
_FEELING_PHRASES = {
    "frustrat": "you're fed up with it",
    "angry": "you're angry about it",
    "anger": "you're angry about it",
    "furious": "you're furious about it",
    "hurt": "it's hurt",
    "disappoint": "you feel let down",
    "let down": "you feel let down",
    "embarrass": "it's left you embarrassed",
    "humiliat": "it's left you humiliated",
    "ignored": "you feel ignored",
    "overlooked": "you feel overlooked",
    "insult": "it feels insulting",
    "exhaust": "you're worn out",
    "tired": "you're worn out",
    "stress": "it's put you under real pressure",
    "pressure": "it's put you under real pressure",
    "worr": "you're worried about where this goes",
    "scared": "you're worried about where this goes",
    "afraid": "you're worried about where this goes",
    "unfair": "it feels unfair",
    "betray": "it feels like a betrayal",
    "fed up": "you're fed up with it",
}
_DEFAULT_FEELINGS = (
    "you're fed up with it",
    "it's clearly been building for a while",
    "you feel let down",
    "that's left you angry",
)
_OPENERS = (
    "So you're saying",
    "It sounds like",
    "What I'm hearing is that",
    "If I've got this right,",
)

_CYCLE = 12  # every rotating choice (openers, feelings, questions) repeats within 12 turns

OPEN_QUESTIONS = (
    "What's been the hardest part of this for you?",
    "Can you tell me more about what's been happening?",
    "What am I missing about how this has landed for you?",
    "Help me understand what's underneath this for you.",
    "What would need to change for this to feel right to you?",
    "What has this been like from where you sit?",
)
NEXT_STEPS = (
    "What if we worked out the next step together, starting this week? Would that work for you?",
    "Could we sit down this week and shape what happens next together? Would that work for you?",
)


def _sentences(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if p.strip()]


_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|do|does|did|can|could|will|would|should|must|"
    r"keep|kept|get|got|come|came|go|went|want|need|know|think|said|say|take|took|make|made|"
    r"\w+ed|\w+'s|\w+'re|\w+'ve|\w+'m|\w+n't)\b",
    re.IGNORECASE,
)


def _usable(sentence: str) -> bool:
    words = sentence.split()
    if len(words) < 4 or sentence.rstrip().endswith("?") or sentence[:1] in "\"'“‘":
        return False
    if re.search(r",\s*(?:don'?t|do not|try|go|stop|just)\b", sentence, re.IGNORECASE):
        return False  # an order tacked on ("..., don't") is not a point to reflect
    if not _FINITE.search(_clip(sentence)):
        return False  # a fragment with no verb ("Near enough word for word")
    first = _LEADING_FILLER.sub("", sentence).split(" ", 1)[0].lower().strip(",.!")
    return first not in _IMPERATIVE


_ADDRESSED = re.compile(r"\byou(?:'re| are|r)?\b")
_NEGATION = re.compile(r"\b(?:not|never|don't|didn't|won't|nobody|no one)\b")
_OWN_INTENTION = re.compile(
    r"(?:i'll|i will|i'm going to|i want to|let me|you'll|you will|at least)\b"
)


def salient_point(lines: Sequence[str]) -> str | None:
    """The sentence that carries the most, from the latest persona line that has one: an
    accusation, a feeling, a specific claim. Questions, orders and asides are skipped."""
    for line in reversed(lines):
        best, best_score = None, -1.0
        for i, sentence in enumerate(_sentences(line)):
            if not _usable(sentence):
                continue
            low = sentence.lower()
            feels = _FEEL_RE.search(low) is not None
            score = len(content_stems(sentence)) * 1.0
            score += 3 if _ADDRESSED.search(low) else 0
            score += 2 if feels else 0
            score += 1.5 if _NEGATION.search(low) else 0
            score -= 0.3 * i  # earlier sentences usually carry the main point
            if len(sentence.split()) < 8 and not feels:
                score -= 2  # short asides ("I don't care if you do") rarely carry the point
            if _OWN_INTENTION.match(low):
                score -= 4  # their own intentions are not the point to reflect
            if score > best_score:
                best, best_score = sentence, score
        if best is not None:
            return best
    return None


def _flip(text: str, names: Collection[str]) -> str:
    """Turn the persona's words round to the listener's point of view."""
    tokens = _WORD.findall(text)
    out: list[str] = []
    previous_word = ""
    for i, token in enumerate(tokens):
        key = token.lower()
        if not token[0].isalpha():
            out.append(token)
            if token.strip():
                previous_word = ","  # punctuation starts a new clause
            continue
        if key in names:
            out.append("\0")  # a vocative name: dropped with its comma below
            continue
        if key == "you":
            # "expected you to argue", "argue with you.": an object, not a subject
            gap = tokens[i + 1] if i + 1 < len(tokens) else ""
            ends_clause = bool(gap.strip()) or not gap
            next_word = tokens[i + 2].lower() if not gap.strip() and i + 2 < len(tokens) else ""
            is_object = previous_word in _OBJECT_CONTEXT or ends_clause or next_word == "to"
            swapped = "me" if is_object else "I"
        elif key in _SWAP:
            swapped = _SWAP[key]
        else:
            swapped = token
        if swapped is not token and swapped != "I" and not swapped.startswith("I'"):
            swapped = swapped.lower()
        out.append(swapped)
        previous_word = key
    flipped = "".join(out)
    flipped = re.sub(r"\s*,?\s*\0\s*,?", " ", flipped)
    for pattern, fixed in _VERB_FIX:
        flipped = pattern.sub(fixed, flipped)
    return " ".join(flipped.split())


def _clip(sentence: str, max_words: int = 18) -> str:
    sentence = _LEADING_FILLER.sub("", sentence).strip().rstrip(".!")
    head, colon, tail = sentence.partition(": ")
    if colon and not _FINITE.search(head) and _FINITE.search(tail):
        # "The retreats, the decks, the coaching: it's distracting us" -> the clause after
        sentence = re.sub(r"^(?:it'?s|it is|they'?re|they are|that'?s)\b", "all of that is", tail)
    # "It's that it got decided..." -> "it got decided...": the cleft adds nothing
    sentence = re.sub(r"^(?:it'?s|it is|it was) (?:just )?that\s+", "", sentence, flags=re.I)
    words = sentence.split()
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        at_a_mark = False
        for mark in (";", ":", " - ", ",", " and ", " but ", " because "):
            at = cut.rfind(mark)
            if at > len(cut) // 3:
                cut, at_a_mark = cut[:at], True
                break
        words = cut.split()
        # a cut mid-clause can leave a dangling word ("...told the"); a clause that ends at
        # a comma may end in one on purpose ("a room I wasn't in")
        while not at_a_mark and words and words[-1].lower().strip(",;:") in _TRAILING_FILLER:
            words.pop()
    while words and words[0].lower().strip(",") in {"because", "and", "but", "so", "or"}:
        words.pop(0)
    return " ".join(words).strip(" ,;:-")


def reflection(lines: Sequence[str], names: Collection[str], turn: int) -> str | None:
    """'So you're saying ..., and ...': their point in the listener's words, with a feeling.
    It depends only on what the persona said, so it is computed once per persona line."""
    return _reflection(tuple(lines[-4:]), tuple(names), turn % _CYCLE)


@lru_cache(maxsize=512)
def _reflection(lines: tuple[str, ...], names: tuple[str, ...], turn: int) -> str | None:
    point = salient_point(lines)
    if point is None:
        return None
    clause = _clip(_flip(point, {n.lower() for n in names if n}))
    if len(clause.split()) < 3:
        return None
    first_word = clause.split(" ", 1)[0]
    if not clause.startswith(("I ", "I'")) and not _proper_noun(first_word, lines):
        clause = clause[0].lower() + clause[1:]
    opener = _OPENERS[turn % len(_OPENERS)]
    return f"{opener} {clause}, and {feeling(lines, turn)}."


def _proper_noun(word: str, lines: Sequence[str]) -> bool:
    """A capitalised word that is capitalised wherever it appears ("Marta", "Halvorsen")."""
    bare = word.strip(",.;:!?'’")
    if not bare[:1].isupper() or bare.lower() in STOPWORDS:
        return False
    text = " ".join(lines)
    return re.search(rf"\b{re.escape(bare.lower())}\b", text) is None


def feeling(lines: Sequence[str], turn: int) -> str:
    for line in reversed(lines):
        m = _FEEL_RE.search(line.lower())
        if m:
            word = m.group().lower()
            for stem, phrase in _FEELING_PHRASES.items():
                if word.startswith(stem):
                    return phrase
    return _DEFAULT_FEELINGS[turn % len(_DEFAULT_FEELINGS)]


def suggest(
    persona_lines: Sequence[str],
    moves: Collection[Move],
    *,
    names: Collection[str],
    understood: bool,
    turn: int,
) -> tuple[str, str]:
    """(a better reply, one line of advice on what to change). `persona_lines`: what the
    persona has said so far, latest last."""
    reflect = reflection(persona_lines, names, turn)
    parts = [reflect] if reflect else []
    if understood:
        parts.append(NEXT_STEPS[turn % len(NEXT_STEPS)])
        advice = (
            "Everything is on the table now: sum it up, propose one concrete next step "
            "together, and check it works for them."
        )
    else:
        parts.append(OPEN_QUESTIONS[turn % len(OPEN_QUESTIONS)])
        advice = _advice(moves)
    return " ".join(parts), advice


def _advice(moves: Collection[Move]) -> str:
    present = set(moves)
    if present & {Move.justify, Move.deny, Move.blame, Move.counterattack, Move.minimise}:
        return (
            "Drop the explanation for now: show you heard their point and the feeling, then ask "
            "before you defend anything."
        )
    if present & {Move.dismiss, Move.sarcasm}:
        return (
            "Take the feeling seriously instead of waving it away: name it, then ask what is "
            "behind it."
        )
    if Move.yes_but in present:
        return (
            "The 'but' cancels everything before it: stop after the acknowledgement and ask a "
            "question instead."
        )
    if Move.deflect in present:
        return "Stay with it now rather than postponing: reflect what you heard and ask one open question."
    if present & {Move.quick_fix, Move.capitulate}:
        return (
            "Ask before you adjust: a fix offered before you understand the problem reads as a "
            "brush-off."
        )
    if present & {Move.leading_question, Move.closed_question}:
        return (
            "Make the question open (what, how, tell me more) and genuinely curious, not a "
            "yes/no or a point in disguise."
        )
    if not present & {Move.reflect_content, Move.reflect_feeling, Move.own}:
        return "Show what you heard: put their specific point and feeling into your own words."
    if not present & {Move.open_question, Move.check}:
        return "You showed you heard them; now invite them to say more with one open question."
    return (
        "Strong reply. To go further, check your understanding or invite them to shape the next "
        "step."
    )
