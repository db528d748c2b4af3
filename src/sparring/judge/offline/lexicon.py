"""Word lists and phrase macros for the offline judge.

Kept apart from the rules so they can be read and extended on their own. Every list is
English; the judge says its confidence is low for text that is not.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Macros expanded inside rule patterns: contractions with or without the apostrophe, and
# the chat spellings people really type.
MACROS: dict[str, str] = {
    "YOURE": r"(?:you'?re|you are|ur|u r|youre)",
    "YOUVE": r"(?:you'?ve|you have)",
    "YOUD": r"(?:you'?d|you would|you had)",
    "YOULL": r"(?:you'?ll|you will)",
    "IM": r"(?:i'?m|i am)",
    "IVE": r"(?:i'?ve|i have)",
    "ID": r"(?:i'?d|i would|i had)",
    "ILL": r"(?:i'?ll|i will)",
    # ("were" typed for "we're" only where no subject comes before it: not "we were", "you were")
    "WERE": r"(?:we're|(?<!\w )were|we are)",
    "WEVE": r"(?:we'?ve|we have)",
    "WELL": r"(?:we'?ll|we will)",
    "WED": r"(?:we'?d|we would|we had)",
    "ITS": r"(?:it'?s|it is|it was)",
    "THATS": r"(?:that'?s|that is|that was|thats)",
    "THIS_IS": r"(?:this is|this was|this'?s)",
    "WHATS": r"(?:what'?s|what is|whats)",
    "THERES": r"(?:there'?s|there is|theres)",
    "DONT": r"(?:don'?t|do not|dont)",
    "DOESNT": r"(?:doesn'?t|does not|doesnt)",
    "DIDNT": r"(?:didn'?t|did not|didnt)",
    "ISNT": r"(?:isn'?t|is not|isnt)",
    "ARENT": r"(?:aren'?t|are not|arent)",
    "WASNT": r"(?:wasn'?t|was not|wasnt)",
    "CANT": r"(?:can'?t|cannot|can not|cant)",
    "WONT": r"(?:won'?t|will not|wont)",
    "WOULDNT": r"(?:wouldn'?t|would not|wouldnt)",
    "SHOULDNT": r"(?:shouldn'?t|should not|shouldnt)",
    "HAVENT": r"(?:haven'?t|have not|havent)",
    "HASNT": r"(?:hasn'?t|has not|hasnt)",
    "LETS": r"(?:let'?s|let us|lets)",
    "SORRY": r"(?:sorry|apologi[sz]e|apologies)",
}

# Words that carry no content of their own: ignored when comparing a reply with what the
# other person said.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm
    i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not
    of off on once only or other ought our ours ourselves out over own same shan't she she'd
    she'll she's should shouldn't so some such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those through to too under
    until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's which while who who's whom why why's with won't would wouldn't you you'd
    you'll you're you've your yours yourself yourselves im ive id youre dont doesnt didnt cant
    wont isnt wasnt thats whats lets just really also even still yet ever never always much many
    lot lots get got getting go going gone went come came make made say said says saying tell
    told know think thought feel felt want wanted need needed like well yes yeah yep ok okay oh
    hi hello hey thanks thank please sorry right sure something anything everything nothing
    thing things way one ones bit kind sort actually maybe perhaps quite rather pretty now today
    time can't'll 's 't 're 've 'll 'd ll ve re don cause cuz u ur gonna wanna kinda
    """.split()
)

SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "er")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem so that 'cancelled', 'cancel' and 'cancelling' compare equal."""
    w = word.lower().strip("'")
    for suffix in SUFFIXES:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w[-1] == w[-2]:
        w = w[:-1]
    return w


WORD_RE = re.compile(r"[a-z0-9][a-z0-9'’]*")


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the words that carry content (numbers kept as they are)."""
    words = WORD_RE.findall(text.lower())
    return frozenset(
        w if w.isdigit() else stem(w)
        for w in words
        if w.isdigit() or (w not in STOPWORDS and len(w) > 2)
    )
