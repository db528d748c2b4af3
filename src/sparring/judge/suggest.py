"""A better reply that fits what the persona just said: reflect the point, name the feeling,
ask one open question (or, once everything is out, propose a next step and check it).

The reflection is built from the persona's own words, turned round to the listener's point of
view ("you're not walking the walk" becomes "I'm not walking the walk"), so it is specific to
the moment rather than a stock phrase.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from sparring.judge.lexicon import content_stems
from sparring.judge.rules import FEEL
from sparring.moves import Move

_SWAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "im": "you're",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "you": "I",
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
    "youre": "I'm",
}
_VERB_FIX = [
    (re.compile(r"\byou was\b"), "you were"),
    (re.compile(r"\bI were\b"), "I was"),
    (re.compile(r"\byou am\b"), "you are"),
    (re.compile(r"\bI are\b"), "I am"),
    (re.compile(r"\bare I\b"), "am I"),
    (re.compile(r"\bwere I\b"), "was I"),
    (re.compile(r"\bI is\b"), "I am"),
    (re.compile(r"\bdoes I\b"), "do I"),
    (re.compile(r"\bI has\b"), "I have"),
    (re.compile(r"\bI wasn't\b"), "I wasn't"),
    (re.compile(r"\byou wasn't\b"), "you weren't"),
    (re.compile(r"\bI weren't\b"), "I wasn't"),
    (re.compile(r"\bI don't\b"), "I don't"),
]
_LEADING_FILLER = re.compile(
    r"^(?:(?:look|listen|honestly|frankly|seriously|okay|ok|well|so|right|fine|and|but|yes|no|"
    r"actually|i'm just going to say it|i'll be honest|let me be clear|you know what)[,.!:;-]*\s+)+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z']+|[^A-Za-z']+")
_FEEL_RE = re.compile(r"\b" + FEEL, re.IGNORECASE)
_FEELING_WORDS = {
    "frustrat": "frustrating",
    "angry": "infuriating",
    "anger": "infuriating",
    "furious": "infuriating",
    "hurt": "hurtful",
    "disappoint": "disappointing",
    "embarrass": "embarrassing",
    "humiliat": "humiliating",
    "ignored": "like being ignored",
    "overlooked": "like being overlooked",
    "exhaust": "exhausting",
    "tired": "exhausting",
    "stress": "stressful",
    "worr": "worrying",
    "scared": "frightening",
    "afraid": "frightening",
    "insult": "insulting",
    "unfair": "unfair",
    "betray": "like a betrayal",
    "let down": "like being let down",
    "pressure": "a lot of pressure",
}

OPEN_QUESTIONS = (
    "What's been the hardest part of this for you?",
    "Can you tell me more about what's been happening?",
    "What am I missing about how this has landed for you?",
    "Help me understand what's underneath this for you.",
    "What would need to change for this to feel right to you?",
    "What has this been like from where you sit?",
)
CHECK_QUESTIONS = (
    "Have I got that right?",
    "Is that a fair summary?",
    "Did I hear that right?",
)
NEXT_STEPS = (
    "What if we worked out the next step together, starting this week? Would that work for you?",
    "Could we sit down this week and shape what happens next together? Would that work for you?",
)


def _flip(text: str, persona: str, user: str) -> str:
    out = []
    for token in _WORD.findall(text):
        key = token.lower()
        if key in _SWAP:
            swapped = _SWAP[key]
            if token[0].isupper() and swapped != "I":
                swapped = swapped[0].upper() + swapped[1:]
            out.append(swapped)
        else:
            out.append(token)
    flipped = "".join(out)
    for pattern, fixed in _VERB_FIX:
        flipped = pattern.sub(fixed, flipped)
    flipped = re.sub(rf"\b{re.escape(user)}\b[,]?\s*", "", flipped) if user else flipped
    return flipped


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p.strip() for p in parts if len(p.split()) >= 3]


def salient_point(persona_line: str) -> str | None:
    """The sentence of the persona's line that carries the most: an accusation, a feeling, a
    specific claim. Questions and short asides are skipped."""
    best, best_score = None, -1.0
    for i, sentence in enumerate(_sentences(persona_line)):
        if sentence.endswith("?"):
            continue
        low = sentence.lower()
        score = len(content_stems(sentence)) * 1.0
        score += 3 if re.search(r"\byou(?:'re| are|r)?\b", low) else 0
        score += 2 if _FEEL_RE.search(low) else 0
        score += 1.5 if re.search(r"\b(?:not|never|don't|didn't|won't|nobody|no one)\b", low) else 0
        score -= 0.3 * i  # earlier sentences usually carry the main point
        if score > best_score:
            best, best_score = sentence, score
    return best


def _clip(sentence: str, max_words: int = 20) -> str:
    sentence = _LEADING_FILLER.sub("", sentence).strip().rstrip(".!")
    words = sentence.split()
    if len(words) <= max_words:
        return sentence
    # cut at the last clause boundary before the limit
    cut = " ".join(words[:max_words])
    for mark in (";", ":", ",", " and ", " but "):
        at = cut.rfind(mark)
        if at > len(cut) // 2:
            return cut[:at].rstrip()
    return cut


def reflection(persona_line: str | None, persona: str, user: str) -> str | None:
    if not persona_line:
        return None
    point = salient_point(persona_line)
    if point is None:
        return None
    flipped = _clip(_flip(point, persona, user))
    if not flipped:
        return None
    flipped = (
        flipped[0].lower() + flipped[1:]
        if not flipped.startswith("I ") and not flipped.startswith("I'")
        else flipped
    )
    return f"So you're saying {flipped}."


def feeling(persona_line: str | None) -> str:
    m = _FEEL_RE.search(persona_line or "")
    if m:
        word = m.group().lower()
        for stem, phrase in _FEELING_WORDS.items():
            if word.startswith(stem):
                joiner = "like " if phrase.startswith("a ") else ""
                return f"That sounds {joiner}{phrase}."
    return "That sounds really frustrating."


def suggest(
    persona_line: str | None,
    moves: Collection[Move],
    *,
    persona: str,
    user: str,
    understood: bool,
    turn: int,
) -> tuple[str, str]:
    """(a better reply, one line of advice on what to change)."""
    reflect = reflection(persona_line, persona, user)
    parts = [p for p in (reflect, feeling(persona_line)) if p]
    if understood:
        parts.append(NEXT_STEPS[turn % len(NEXT_STEPS)])
        advice = "Everything is on the table now: sum it up, propose one concrete next step together, and check it works for them."
    else:
        parts.append(OPEN_QUESTIONS[turn % len(OPEN_QUESTIONS)])
        advice = _advice(moves)
    return " ".join(parts), advice


def _advice(moves: Collection[Move]) -> str:
    present = set(moves)
    if present & {Move.justify, Move.deny, Move.blame, Move.counterattack, Move.minimise}:
        return "Drop the explanation for now: show you heard their point and the feeling, then ask before you defend anything."
    if present & {Move.dismiss, Move.sarcasm}:
        return "Take the feeling seriously instead of waving it away: name it, then ask what is behind it."
    if Move.yes_but in present:
        return "The 'but' cancels everything before it: stop after the acknowledgement and ask a question instead."
    if Move.deflect in present:
        return "Stay with it now rather than postponing: reflect what you heard and ask one open question."
    if present & {Move.quick_fix, Move.capitulate}:
        return "Ask before you adjust: a fix offered before you understand the problem reads as a brush-off."
    if present & {Move.leading_question, Move.closed_question}:
        return "Make the question open (what, how, tell me more) and genuinely curious, not a yes/no or a point in disguise."
    if not present & {Move.reflect_content, Move.reflect_feeling, Move.own}:
        return "Show what you heard: put their specific point and feeling into your own words."
    if not present & {Move.open_question, Move.check}:
        return "You showed you heard them; now invite them to say more with one open question."
    return "Strong reply. To go further, check your understanding or invite them to shape the next step."
