"""The offline judge's phrase rules: which wordings signal which move.

Each rule is a regular expression over the normalised (lower-case, straight-quoted) reply.
Patterns use the macros in lexicon.MACROS (<<YOURE>> and so on) so that "you're", "youre" and
"you are" all match. Rules only find candidates; detect.py decides with the context (is the
sentence a question, did a reflection come before the 'but', ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from sparring.formats.moves import Move
from sparring.judge.offline.lexicon import MACROS
from sparring.judge.offline.prefilter import LiteralIndex, by_first_character

INDEX = LiteralIndex()


def compile_rule(pattern: str) -> re.Pattern[str]:
    for name, value in MACROS.items():
        pattern = pattern.replace(f"<<{name}>>", value)
    return re.compile(pattern)


class RuleList(tuple[re.Pattern[str], ...]):
    """Compiled rules with their places in the prefilter's index."""

    indexes: tuple[int, ...]
    index_set: frozenset[int]

    def candidates(self, text: str) -> Iterator[re.Pattern[str]]:
        """The rules that can match `text`, in order."""
        hits = self.index_set & INDEX.runnable(text)
        if hits:
            for index in sorted(hits):  # index order is rule order within a list
                yield INDEX.pattern(index)


def rules(*patterns: str) -> RuleList:
    compiled = RuleList(compile_rule(p) for p in patterns)
    INDEX.add(compiled)
    compiled.indexes = tuple(INDEX.require_index(p) for p in compiled)
    compiled.index_set = frozenset(compiled.indexes)
    return compiled


MY_PLACE = r"(?:me|in my (?:shoes|position|place|seat|job|chair))"
"""The replier's place, where a hypothetical puts the other person ("if you were me")."""

FEEL_WORDS = (
    by_first_character(
        r"(?:frustrat|angry|anger|furious|livid|fuming|mad(?:dening|der)?\b|irritat|annoy|upset|hurt|disappoint|let down|betray|embarrass|humiliat|ashamed|ignored|overlooked|invisible|undervalued|unappreciated|disrespect|insult|blindsided|sidelined|left out|excluded|passed over|exhaust|tired|worn out|burn(?:ed|t) out|drained|overwhelm|stress|under pressure|anxious|anxiety|worr|nervous|scared|afraid|fear|frighten|terrif|panick|lonely|alone|isolat|sad|depress|(?:feeling|so|really|a bit|pretty) (?:down|low|lost)\b|down in the dumps|hopeless|helpless|powerless|stuck|trapped|confus|uncertain|insecure|fed up|sick of|tired of|demorali|discourag|defeated|resent|bitter|heartbroken|devastat|crushed|gutted|griev|miserable|unhappy|torn\b|guilt|shock|stunned|outrag|offended|wronged|cheated|unfair|unheard|dismissed|brushed off|fobbed off|taken for granted|neglected\b|abandoned|rejected|hard|difficult|tough|rough|struggl|awful|terrible|horrible|scary|heavy|distress|concern|troubl|bother|disheart|vulnerab|uncomfortable|unsafe|unsupported|painful|a slap in the face|a kick in the teeth|gutting|infuriat|maddening|exasperat|galling|insulting|demeaning|a lot to (?:deal with|handle|carry|take)|a lot on your plate|excit|happy|relieved|proud|hopeful|glad|pain|a (?:real )?blow|gutted|stung|pressure|brutal|cynical|suspicious|wary|sceptical|skeptical|fed up|pissed|livid|gutting|soul-destroying|exhausting|draining|demoralising|demoralizing|unbearable|a nightmare|awkward|intrusive|invasive|degrading|patroni[sz]|condescend|disrespectful|humiliating|belittl|unwelcome|rude|grim|horrible|no sleep|at (?:the )?end of (?:your|my) tether|the last straw|sidelin|cut out|kept in the dark|in the dark|second[- ]class|like a criminal|like a nuisance|like an afterthought|like (?:a|an) (?:number|ticket|idiot|child))"
    )
    + r"\w*"
)
# "stress reliever", "hard worker" and "ups and downs" name no feeling.
FEEL = r"(?<!ups and )" + FEEL_WORDS + r"(?! reliever| relief| worker| and down| free| out of ten)"

ABSURD = r"(?:quit|resign|grovel|beg|crawl|lie|give up|walk away|drop everything|bow|kneel|magic|conjure|work for free|clone|be in two places|build a time machine|turn back (?:the )?(?:time|clock)|wave a (?:magic )?wand|perform (?:a )?miracles?|print money|invent|make (?:up|it up)|pull \w+ out of|read (?:your|their|his|her|people's) minds?|teach|do (?:it|everything|the lot) (?:myself|ourselves)|stop the (?:meeting|world|line|whole)|leave (?:it|them) empty|shut (?:down|up shop)|cancel (?:everything|christmas)|fire (?:everyone|the lot)|sack (?:everyone|the lot)|break the|ignore|let (?:it|them) (?:die|fail|fall))"
"""Absurd options offered in exasperation ("what was I supposed to do, stop the meeting?")."""
_ABSURD_OPTION = r"\s*[,-]\s*(?:just )?" + ABSURD + r"\b"
# An option of their own making, two words or more ("what was I supposed to do, leave the
# shifts empty?", "what was I meant to do, send you home after you'd waited all that time?";
# not "..., in practice?", "..., ideally?").
_OPTION = (
    r"\s*[,-]\s*(?!(?:ideally|in your|in practice|do you|differently|instead|first|next|about"
    r"|exactly|then|now)\b)(?:just )?\w+(?:'\w+)?(?: \w+(?:'\w+)?)+\W*$"
)
# Either kind of option, as alternatives inside a group.
_AN_OPTION = _ABSURD_OPTION + "|" + _OPTION

# --- questions -------------------------------------------------------------------------------

CHECK = rules(
    r"\b(?:is|was) (?:that|this|it) (?:about |roughly |more or less |pretty much |broadly )?(?:right|fair|correct|accurate|true|it|the case|what you (?:mean|meant|'re saying|are saying))\b(?! now| away)",
    r"\bdid i (?:get|understand|hear|read) (?:that|this|you|it|this right|that right)\b",
    r"\b(?:am|do) i (?:have|hear|get|understand|read) (?:that|this|it|you) (?:right|correctly)\b",
    r"\bhave i (?:got|understood|heard) (?:that|this|it|you)\b",
    r"\b(?:does|would) (?:that|this) (?:sound|seem) (?:right|fair|accurate|about right)\b",
    r"\bis that what you(?:'re| are)? (?:saying|mean|meant|feel|getting at)\b",
    r"\bcorrect me if\b",
    r"\btell me if (?:i'?m|i am|i have|i got|that'?s) (?:wrong|off|missing|not)\b",
    r"\bis that a fair (?:summary|way|description|read)\b",
    r"\bam i (?:missing|getting|understanding) (?:something|anything|it|that|this)\b",
    r"\b(?:did|have) i (?:miss|missed|leave|left) (?:anything|something)\b",
    r"\b(?:is|was) (?:that|this) (?:what|how) (?:it feels|you feel|it felt|it(?:'s| has) felt|happened)\b",
    # what they are asking: "Are you asking me whether he suffered?"
    r"\bare you asking (?:me |us )?(?:whether|if)\b",
    r"^(?:so,? )?(?:is|was) it (?:just |only |more |really |mainly |mostly )?[^?]{2,80}?, or (?:is it |was it |has |is |was |the |having |more |something|it'?s |about )",
    r"^(?:so,? )?(?:is|was|has|have|do|does|did) (?:it|this|that|i|you|there)\b[^?]{2,140}?\bor (?:is|has|have|was|did|do|does|it|there|something|more|what|how|the|finding|being|having|just|mainly|mostly|about|that|because)\b(?=[^?]*\b(?:hurt|upset|bother|felt|feel|most|more|mainly|main|about|been|slipping|thinking|sense|treated|finding|way|building|whole|mostly|really|other|else|since|reached|same)\b)",
    r"^(?:so,? )?(?:is|was|has|have|do|does|did) (?:it|this|that|i|you|there)\b[^?]{2,140}?, or\b",
    r"^(?!(?:how|what|why|where|when|which|who)\b)(?:\w+,? )?(?:has it|does it|did it|have i|do you|did you|does that|is it|has that|have you)\b[^?]*\b(?:felt|feel|feels|feeling|sense|seemed|seem|come across|came across|look like|looked like)\b",
)

LEADING = rules(
    r"\b(?:don'?t|do not|wouldn'?t|would not) you (?:think|agree|say|see|realise|realize|understand|admit)\b",
    r"\b(?:isn'?t|is not|wasn'?t) (?:it|that|this) (?:true|obvious|clear|better|fair|enough|a bit|kind of|just|rather)\b",
    r"\bcan'?t you (?:see|understand|just|tell)\b",
    r"\b(?:haven'?t|have not) you (?:noticed|seen|heard|read)\b",
    r"\baren'?t you (?:being|overreacting|a bit|just|supposed|forgetting)\b",
    r"\bdo you (?:really|honestly|seriously|actually) (?:think|believe|expect|want)\b",
    r"\bdo you (?:even|have any idea|know how (?:hard|much|many))\b",
    r"\bwhat did you expect\b",
    r"\bhow (?:could|dare) you\b(?! (?:tell|help|say more|share|explain|walk))|\bhow can you (?:even )?(?:say|think|believe|expect|sit there|justify)\b",
    r"\bwho do you think\b",
    # (not a sincere "what's the problem with it, is it the ten minutes or the card?")
    r"\bwhat'?s your (?:problem|issue with you|deal)\b|\bwhat'?s the (?:problem|deal)(?: (?:now|this time|exactly|here))?\W*$",
    r"\bwhat(?:'s| is) wrong with you\b",
    r"\bare you (?:serious|kidding|joking|for real|done)\b",
    # ("Honestly? It was a stall." is a candid answer, not disbelief)
    r"^(?:seriously|really)\s*\?",
    r"\bis (?:it|that) (?:so|too|really so) (?:hard|much|difficult)\b",
    r"\bshouldn'?t you\b",
    r"\bwhy (?:are|do|did|would|is it|must|should|does) you (?:always|never|even|keep|have to|insist|constantly|feel the need|need to|bother|care)\b",
    r"\bwhy (?:can'?t|won'?t|don'?t|didn'?t|couldn'?t|wouldn'?t|aren'?t|haven'?t) you\b",
    r"\bwhy (?:on earth|the hell|would anyone)\b",
    r"\bhow many times\b",
    # Exasperation ends the sentence: "What more do you want? I've admitted it.", "What else do
    # you want, Nadia?" (not "what else do you want changed on the rota?", "what more do you
    # want us to do differently next month?", "what else do you want to tell me?")
    r"\bwhat (?:more|else) (?:do|did|could|can) (?:you|u)(?: people| lot)? (?:possibly |even )?(?:want|expect)(?: from (?:me|us)| me to (?:do|say))?(?:,? (?:then|now|exactly|honestly|seriously)|, \w+)?\W*$|\bwhat (?:more|else) (?:is it (?:you|u) want|could (?:anyone|anybody) (?:want|ask for))\b",
    # "What did you want, a round of applause?": the mocking options only (not "what do you
    # want, a heads-up a week before?", "what did you want, a say in it? That's fair.")
    r"\bwhat (?:do|did) (?:you|u) (?:want|expect)(?: from me)?\s*[,-]\s*(?:an? |the |some )(?:\w+ ){0,2}?(?:medal|round of applause|applause|miracle|moon(?: on a stick)?|gold star|parade|trophy|fanfare|pat on the back|knighthood|standing ovation|pound of flesh)\b",
    # "So what, I should just leave it wrong?", "What, so I'm supposed to ask permission now?"
    # (not "so what I should do is check with everyone first?")
    r"^(?:\w+[,.]? )?(?:so )?what(?:,| so)+ (?:i|we)(?:'m| am|'re| are)? (?:should|shouldn'?t|supposed|suppose|meant|have to|must|can'?t|need to)\b",
    # "how would anyone know? I haven't told anyone": disbelief, not a question (not "how
    # would people know which shifts are open, ideally?")
    r"^(?:\w+[,.]? )?how (?:would|could|'d) (?:everyone|everybody|anyone|anybody|people) (?:even |ever )?(?:know|find out|have known)(?: (?:that|it|then|about it))?\W*$",
    # "Nights, weekends, bank holidays, shall I go on?" (not "shall I go on, or do you want to
    # say something first?")
    r"\b(?:shall|should|need|must) i go on\b(?![^?]{0,80}\bor\b)|\bdo i (?:need|have) to go on\b",
    # "you think any of that pays for itself?", "you think rotas write themselves?" (not "do you
    # think this sorts itself out if we wait?")
    r"\b(?:do )?(?:you|u) (?:think|reckon|imagine) (?:any of )?(?:that|this|it|money|they|the \w+|\w+s) (?:just )?(?:pays? for (?:itself|themselves)|grows? on trees|(?:writes?|fills?|runs?|does|do) (?:itself|themselves)\W*$|(?:happens?|appears?|works?) by magic|comes? from nowhere|falls? from the sky)",
    r"\b(?:is|was) that (?:really )?(?:necessary|fair|helpful)\b(?=.*\?)",
    r"\bdo you think (?:this|it|that) is (?:easy|fun|fair on me)\b",
    r"\bwhere were you\b",
    # (not "why were you put on nights in the first place?", "why did you agree to the swap?")
    r"\bwhy(?: (?:were|was|did|do|are|would|is)|'d) (?:you|u)\b(?! (?:\w+ )?(?:put|given|asked|moved|told|assigned|sent|made|agree|allowed|rostered)\b)(?! (?:\w+ )?(?:picked|pick|chosen|choose|chose|want|wanted|join|joined|come|came|sign|signed|decide|decided|apply|applied|start|started|go|went)\b(?: (?:up|for|to|on|with))? (?:us|me|here|this (?:job|role|team|company|place)|the (?:job|role|team|company|union|club|place)|to (?:join|work|come))\b)[^?]{0,80}?\bin the first place\b",
    # Exasperation ends the sentence, or offers an absurd option: "What were you expecting me to
    # say?", "Well what did you want me to do, Dale?", "What did the parents expect me to do,
    # teach Physical Science myself?", "so what was I supposed to do" (not "what were you
    # expecting to happen when you raised it?", "what did you want me to do about the swaps?",
    # "what am I meant to do differently next time?")
    r"\bwhat (?:were|are) (?:you|u) expecting(?: me to (?:say|do))?(?:\W*$|\s*[,-]\s*(?:an? |the |some )(?:\w+ ){0,2}?(?:medal|round of applause|applause|miracle|party|parade|fanfare|trophy|gold star|knighthood|standing ovation)\b|\s*[,-]\s*(?:me to )?(?:just )?"
    + ABSURD
    + r"\b)",
    r"\bwhat did (?:you|u) want (?:me|us) to (?:do|say)(?:\W*$|"
    + _AN_OPTION
    # (the present tense only with an option, and not a choice: "what do you want me to do,
    # talk to him first or wait?"; "well what would you like me to do, drive to Orkney myself?",
    # though "what would you like me to do, going forward?" asks)
    + r")|\bwhat would (?:you|u) like (?:me|us) to (?:do|say)\s*[,-]\s*(?:just )?(?:(?:\w+ ){1,6}(?:myself|ourselves)\W*$|"
    + ABSURD
    + r"\b)|\bwhat do (?:you|u) want (?:me|us) to (?:do|say)(?![^?.!]{0,120}\bor\b)(?!\s*[,-]\s*(?:just )?(?:talk|sit down|ring|call|cancel|meet|speak|post|send|come)\b)(?:"
    + _AN_OPTION
    + ")",
    r"\bwhat (?:did|do|does) (?:\w+ ){1,2}expect (?:me|us) to (?:do|say)(?:\W*$|"
    + _AN_OPTION
    + ")",
    r"\bwhat (?:was|am|were|are) (?:i|we) (?:supposed|suppose|meant|expected) to (?:do|say)(?:(?:,? (?:then|exactly|instead))?\W*$|"
    + _ABSURD_OPTION
    + r")|\bwhat (?:was|were|am|are) (?:i|we) (?:supposed|suppose|meant|expected) to (?:do|say)"
    + _OPTION,
    r"\bwhy (?:do |would |are |did )?(?:you|u) (?:talk|speak|talking|speaking) to me like (?:this|that)\b|\bwhy are (?:you|u) (?:talking|speaking) to me in that tone\b",
    r"\bwhat (?:even|the hell|on earth) (?:are|r) (?:you|u) (?:\w+ )?(?:talking|on) about\W*$|\bwhat (?:are|r) (?:you|u) (?:even )(?:on|talking) about\b|\bwhat (?:are|r) (?:you|u) on about\W*$",
    r"\bwhat gives you the right\b",
    r"\bwhat (?:do|did|would) you expect\b",
    r"\bare you (?:seriously|really|actually|honestly) (?:accusing|saying|telling|suggesting|blaming|implying)\b",
    r"\b(?:do|did) you (?:actually|even|really) (?:read|check|look|listen|try|bother)\b",
    # "Did you even apply?", "Did you even vote?" (not "have you even eaten?", "how did you
    # even see it")
    r"^(?:(?:so|and|well|but|honestly|sorry)[,.]? )*did (?:you|u) even (?!(?:eat|sleep|get (?:a|any|some) (?:sleep|rest|break|food))\b)\w+",
    # a motive put to them: "Are you asking so you can go to the papers with it?"
    r"\b(?:are|were) (?:you|u) (?:asking|saying|doing|telling me) (?:this |that |it )?(?:so|just so|because|to) (?:you can|you could|you'?ll|get)\b",
    # "Is dragging my name round the breed club going to grow her coat back any quicker?"
    r"^(?:(?:and|but|so|well)[,.]? )*(?:is|will|would|does) (?:\w+ing|shouting|a review|going to the \w+)\b[^.?!]{0,50}\b(?:going to|gonna) (?:change|fix|help|bring|get|make|grow|solve|undo|sort)\b[^.?!]{0,60}\b(?:any (?:quicker|faster|sooner|better)|back|anything)\W*$",
    r"\bwhy didn'?t you (?:say|tell|mention|ask|come)\b",
    r"^(?:\w+,? )?(?:didn'?t|haven'?t|weren'?t|wasn'?t|doesn'?t|isn'?t|aren'?t|hadn'?t|won'?t|wouldn'?t) you\b",
    r"\bdo you think (?:maybe |perhaps |possibly )(?:it|she|he|they|you|that)\b",
    r"\bwhy (?:do|does|are|did|would) you(?: lot| people| guys| all)? (?:always|never|only|keep|even|constantly)\b",
    r"\bare you (?:really|seriously|actually|honestly) (?:going to|gonna)\b",
    # a hypothetical that puts them in my place to argue my side ("If you were me and found out
    # Thursday night, what would you have done?"), unlike one asking for their ideas ("If you
    # were running it, what would you keep?", "If you were in my shoes, what would you do
    # first?"): they are asked to judge what I did, or handed the circumstances that forced my
    # hand ("If you were running the place and the cattle were out...", "If you were the
    # editor, with a board member accused, how would you handle it?")
    r"\b(?:if|suppose|say|imagine) (?:you(?:'d| had)? (?:were|was|been|had been) (?:me|in my (?:shoes|position|place|seat|job|chair)|sat in (?:this|my) (?:chair|seat)|in this (?:chair|seat|job))|you (?:were|was) (?:on|in) my (?:side|end))\b[^.?!]{0,150}?\b(?:what|how) (?:would|'d) you have (?!done (?:it |things )?differently|changed|wanted)",
    r"\b(?:if|suppose|say|imagine) you(?:'d| had)? (?:were|was|been|had been) (?![^.?!]{0,230}?\b(?:you (?:mentioned|said|raised|told me|described|asked for)|your (?:idea|suggestion|proposal|concerns?|point|view|worry|worries|request|needs?|childcare|members|team's needs))\b)[^.?!]{0,80}?(?:\bwith (?!(?:you|your|yours|me|us|them)\b)\w|,? and (?:you(?:'d| had| were| was|'ve| have)|had|the|there|it|they|nobody|no one|someone|half|all|most|some|every|none|two|three|four|five|\d+)\b|,? when (?:the|a|it|they|there)\b)[^.?!]{0,150}?\b(?:what|how) (?:would|'d|will|do) you\b(?! (?:want|need|like|prefer|change|keep|set|go about|do (?:first|differently)|suggest|recommend)\b)",
    r"\bif it (?:was|were) the other way (?:round|around)\b[^.?!]{0,150}?\bwhat (?:would|'d) you (?:do|have done)\b",
    # put in my place with nothing asked for but a verdict on my side: "If you were in my
    # position what would you do? I've literally got the one room.", "What would you tell them
    # if you were in my position?", "If you were me, and your manager said no, what would you
    # do?" (not asking what would put it right: "If you were me, what would you do now to put
    # it right?", "...what would you want me to do first?", "...what would you do first?")
    r"\b(?:if|suppose|say|imagine) you(?:'d| had)? (?:were|was|been|had been) "
    + MY_PLACE
    + r"\b(?! (?:right )?now\b)[^.?!]{0,150}?\b(?:what|how|who|which) (?:would|'d|will) you\b(?! (?:want|need|like|prefer|suggest|recommend|go about|approach|take (?:back|to)|do (?:first|now|next|right now|today|to (?:put|make|fix|sort))|change first)\b)(?![^.?!]{0,60}\b(?:first|now|right now|next|to put (?:it|this|things) right)\W*$)",
    r"\b(?:what|how|who|which) (?:would|'d) you (?:do|have done|say|tell \w+|put|write|decide|choose|pick|give)\b[^.?!]{0,40}\bif you (?:were|was) "
    + MY_PLACE
    + r"\b",
    r"\bwhat (?:would|'d) you have done (?:in my|if you|instead\b)",
    r"^(?:(?:so|and|well|honestly|seriously)[,.]? )*what would (?:you|u) have done(?: differently| instead| then)?\W*$",
    # exasperation with an absurd option: "what do you want me to do, quit?", "So what do you
    # want, me to grovel in front of everyone?"
    r"\bwhat (?:else )?(?:do|did) (?:you|u) want(?: me to (?:do|say)(?: about it)?| from me)?(?: (?!(?:first|next|now|today|instead|then|here)\b)\w+)?\s*[,-]\s*(?:me to |for me to |i should |to |(?:do|did) (?:you|u) want me to )?(?:just )?(?:quit|resign|grovel|beg|crawl|apologi[sz]e|lie|give up|walk away|leave|drop everything|bow|kneel|magic|conjure|work for free|fire|sack|clone|be in two places|build a time machine|turn back (?:the )?(?:time|clock)|wave a (?:magic )?wand|perform (?:a )?miracles?|print money|invent|pull \w+ out of(?: thin air| a hat)?)\b(?:\s+\w+){0,6}\W*$",
    # "What do you want, a rebuttal?", "ok. what do u want me to do about it", "So what is it
    # you want me to do exactly?", "What are you gonna do with the name?", "Going running to
    # your uncle now, are we?" (not "what do you want, honestly?", "what do you want me to do
    # about it first?", an option of substance: "What do you want - a heads up a week before it
    # goes out?", "What do you want, the old rota back or a say in the new one?")
    r"^(?:\w+[,.]? )?what (?:do|did) (?:you|u) want\s*[,-]\s*(?!(?:honestly|ideally|really|exactly|right now|from me|most|then|now)\b)(?:an? |some |the )\w+(?: \w+)?\W*$",
    r"\bwhat (?:do|did) (?:you|u) (?:want|expect) (?:me|us) to do about (?:it|that|this)\b(?! (?:first|next|together|going forward)\b)",
    r"\bwhat(?: is it|'s it) (?:you|u) want (?:me|us) to do(?:,? exactly)?\W*$",
    r"\bwhat (?:are|r) (?:you|u) (?:gonna|going to) do with (?:it|that|the|this)\b",
    r"\b(?:now|again|then),? (?:are|is|do|did) (?:we|you|they)\W*$",
    # "How is it on me?", "What difference does it make now?", "Can I ask what you'd have
    # done?", "What would you have done with it if I had told you in March?", "So what you're
    # saying is it's our fault you were in the café?", "Why'd you ring Kieran before even
    # giving us a chance to put it right?"
    r"\bhow (?:is|was|'s) (?:it|that|this) on (?:me|us)\b",
    r"\bwhat difference (?:does|did|would|will) (?:it|that|this) (?:even )?make\b",
    r"\bwhat (?:you'?d|you would) have done\W*$|\bwhat (?:would|'d) you have done with (?:it|that|this)\b",
    r"\bso (?:what )?you(?:'re| are) saying (?:is )?(?:it'?s|that'?s|it was|that was|this is) (?:my|our|all my|all our) fault\b",
    r"\bwhy(?:'d| did| would) (?:you|u) \w+ [^?]{0,60}\bbefore (?:even |you )?(?:giving|asking|talking|checking|letting|telling|speaking|coming)\b",
    # "What do you want me to say?" (not "what do you want me to say to the team?")
    r"^(?:\w+[,.]? )?(?:so )?what (?:do|did) (?:you|u) want me to say\W*$",
    # challenging them to prove it: "When have I ever once taken a customer's side? Name one."
    r"\bwhen (?:have|did|has) (?:i|we) (?:ever|once|ever once)\b",
    r"\b(?:is|was) (?:that|this) (?:meant to be |supposed to be )?(?:an? )?(?:ultimatum|threat|accusation)\b",
    r"\b(?:do )?(?:you|u) (?:want|wanna) (?:to )?go back to (?:that|how it was)\W*$",
    # "what did you want me to write, 'a wee bit rough'?": the answer they are mocked with
    r"\bwhat (?:else )?(?:do|did) (?:you|u|ye|ya) (?:want|expect) me to (?:say|write|put|tell (?:them|him|her|people|everyone))\s*[,-]",
    # "Is that all you're bothered about now, the money?"
    r"\b(?:is|was) (?:that|it|this) all (?:you(?:'re| are)?|u) (?:\w+ )?(?:bothered|care|cared|worried|concerned|interested|think) about\b",
    r"\bhow (?:was|am|were|is) (?:i|we|anyone|anybody) (?:supposed|meant|expected) to\b",
    r"\bwhy (?:you|u) (?:keep|always|never|even|have to|got to|gotta)\b",
    # (not "What would you have liked me to do differently?": that asks)
    r"\bwhat (?:would|'d) (?:you|u) (?:actually |really |honestly )?have (?:wanted|liked|expected|had) (?:me|us) to do\b(?! (?:differently|instead|next time|better)\b)",
    # an absurd option put in their mouth after the question: "what I should do, not eat?",
    # "So what happens now, you want to take my shares?"
    r"\bwhat (?:should i|i should|am i supposed to|do i|can i) do\s*[,-]\s*(?:just )?(?:not|stop|quit|never|give up|live|sleep)\b",
    r"^(?:so )?what (?:happens|now|next)(?: now)?,? (?:you|u) (?:want|wanna|expect|think|going) (?:to|me to|i)\b",
    r"\bis (?:that|this) (?:really |honestly |seriously )?what (?:you|u) think (?:of|about) (?:me|us)\b",
    r"^(?:so )?what,? (?:you|u) (?:want|wanted|think|expect|expected|reckon)\b",
    # "what exactly are you accusing me of?"
    r"\bwhat (?:exactly )?(?:are|r) (?:you|u) (?:actually |really |even )?(?:accusing me of|trying to say|implying|insinuating|getting at)\b",
    # loaded yes/no questions: "Would you rather I hadn't told you at all?", "If it was your
    # mum, wouldn't you want to focus on her treatment?", "you're going to throw it in over a
    # jamboree list?", "What would I even get out of it?"
    r"\b(?:would (?:you|u)|you'?d) (?:rather|prefer) (?:i|we)(?:'d| had)? (?:hadn'?t|had not|had never|never (?:told|said|mentioned|asked|rang|called)|kept quiet|lied)\b(?![^?]{0,120}\bor\b)",
    # "Would you rather we'd done half of Hallorans and left him stuck instead?"
    r"\bwould (?:you|u) rather (?:i|we)(?:'d| had) (?:done|left|let|sent|cancelled|told|given|said|kept|gone)\b(?![^?]{0,120}\bor\b)",
    # the seventh wave's exasperation: "So what would you have me do? March up to the board?",
    # "What would you rather we'd done, waited till you got home?", "what exactly would you
    # have liked, a full cardiac workup?", "So what do you want me to do then?", "So you're
    # threatening me now?", "Is that honestly what you think, that I made it so you can't
    # come?"
    r"\bwhat would (?:you|u) have (?:had )?(?:me|us) (?:do|say)\b",
    r"\bwhat (?:exactly )?would (?:you|u) (?:rather (?:i|we)(?:'d| had)? (?:done|said)|have (?:liked|wanted|preferred|had (?:me|us) do))(?:"
    + _AN_OPTION
    + r")",
    # (not "Okay, what do you want me to do then? Genuinely, I want to get this right.")
    r"^(?:so|well)[,.]? what do (?:you|u) want (?:me|us) to do,? then\W*$",
    r"^so,? (?:you(?:'re| are)|now you(?:'re| are)) (?:threatening|accusing|blaming) me\b(?: now)?\W*$",
    r"\bis that (?:honestly|really|seriously) what you think\b",
    r"^(?:(?:and|but|so|ok(?:ay)?|look|honestly)[,.]? )*(?:if|imagine|say) (?:it|that|this|she|he) (?:was|were|had been) (?:(?:your|you)\b[^?]{0,100}\bwouldn'?t (?:you|u)|(?:your \w+|(?!me\b|us\b)\w+) who\b[^?]{0,100}\bwould (?:you|u) (?:want|like|be happy))\b",
    r"\b(?:you(?:'re| are|re) (?:going to|gonna|threatening to|ready to|really going to|seriously going to)|you'?d(?: really| seriously)?) (?!be\b)[^.?!]{1,40}\bover (?:a|one|some|a few|a couple of|the odd|a single|a silly|one little)\b(?! (?:\w+ )?(?:weekend|week|night|day|month|year|summer|christmas|holiday)s?\b)[^.?!]{0,40}\?|\byou(?:'re| are) (?:quitting|leaving|walking out|resigning) over (?:one|a)\b|\bare you (?:seriously |really )?(?:quitting|leaving|resigning|walking out) over (?:a|one|some)\b",
    r"\b(?:what|why) (?:exactly )?(?:would|could|do|does) (?:i|we) (?:exactly |even )?(?:get out of|gain (?:from|by))\b|\b(?:what|why|how) (?:would|could|does|do|did|am|can|should) (?:i|we|anyone|anybody) even (?:get(?! through| hold| in)|want|need|bother|care|lie)\b",
)

# The rhetorical questions of a defence, with or without their question mark ("how's that my
# problem.", "what's your point?", "why should I apologise"): read wherever they stand.
RHETORICAL = rules(
    r"\bwhat'?s (?:your|the) point(?: of (?:it|this|that|any of (?:it|this|that))| in (?:it|this|that))?\W*$|\bwhat does (?:it|that|any of (?:it|that)) (?:even )?matter(?: now| anyway| to you| at this point)?\W*$|\bwhat (?:would|do) (?:you|u) know(?: about (?:it|that|this|anything))?\W*$",
    r"\bhow(?:'s| is| was) (?:that|this|it) (?:my (?:problem|fault|job|concern)|fair on me)\b|\bhow is it my fault\b|\bwhy (?:is|does) it always (?:have to )?(?:be )?(?:me|us|my|our)\b|\bwhat(?:'s| has) (?:that|this|it) got to do with (?:anything|me|you|it|this|that|the price of \w+)\W*$",
    r"\bwhy (?:are|r) (?:you|u) (?:making (?:such |so much of )?a (?:big )?(?:deal|fuss|drama)|getting (?:so )?(?:worked up|wound up|upset|het up)|blowing (?:this|it) (?:out of proportion|up))\b",
    r"\bwhy (?:should|would) (?:i|we) (?:apologi[sz]e|say sorry|do that|care|bother|lie|want that|want to do that)\b|\bwhy do (?:i|we) (?:even )?bother\b|\bhow was i (?:to|supposed to|meant to) know\b|\bwhat have (?:i|we) done to deserve\b",
    # "Would it change anything now to know?"; "But what can I do? The hotel is full." (and
    # the second-language "But what I can do?")
    r"\bwould (?:it|that|knowing(?: \w+)?) (?:really |even )?(?:change|make) (?:anything|any difference|a difference)(?: (?:now|anyway|at this point|at all))?(?: to know(?: now)?)?\W*$",
    r"\bbut what (?:else )?(?:(?:can|could) (?:i|we)|(?:i|we) (?:can|could)) do(?: about (?:it|this|that))?\W*$|\bwhat'?s in it for (?:me|us)(?: (?:then|exactly|anyway|here))?\W*$",
    # "So what, I'm a bully now, is that it?" (before the check its tag would read)
    r"^so what,? (?:i'?m|i am) (?:a |an |the )?\w+ now\b",
)

# Their view of me put as a question: "So you think I went in there and cut a side deal?",
# "you reckon I did it on purpose?". A challenge when it puts words in their mouth; a check when
# it gives back what they said ("so you're saying I'm never there for the team?": questions.py).
IMPUTING = rules(
    # (not "so you think I should have asked the team first?", "Do you think I got it wrong?
    # Say it if you do": that takes their criticism up)
    r"^(?:\w+[,.]? )?(?:so )?(?:you|u) (?:really |honestly |actually |seriously )?(?:think|reckon|believe|assume|figure)(?: that)? i(?:'m| am|'ve| have| was| did| don'?t| didn'?t| can'?t)?\b(?! (?:should|ought|need|needed|could have|owe|must|let you down|failed|got (?:it|that|this|something) wrong|made (?:a|the wrong) (?:mistake|call)|was (?:wrong|unfair)|handled (?:it|this|that) badly|messed (?:it|this|that) up))",
    # "saying" gives back what they said, unless it is blown up into an insult: "So you're
    # saying I'm less competent than a teenager?"
    r"^(?:\w+[,.]? )?(?:so )?(?:you|u)(?:'re| are| r) (?:saying|telling me|suggesting|implying)(?: that)? i(?:'m| am)? (?=(?:\w+ ){0,3}(?:(?:less|more|worse) \w+ than|a liar|lying|useless|incompetent|stupid|thick|lazy|a racist|the (?:bad guy|villain|problem|enemy)))",
)

FIX_QUESTION = rules(
    r"\bwould it help if (?:i|we)\b",
    r"\bwhat if (?:i|we) \w+",
    r"\bhow about (?:i|we|if (?:i|we)|a |an |some |giving|offering)\b",
    # a plan put to them: "How would it be if we came to you?", "how about you knock off now
    # and I'll sort you a day in lieu?" (not "how about you tell me what happened?")
    r"\bhow would it be if (?:i|we|you)\b(?! (?:just )?(?:listened|listen|told|tell|walked|walk|talked|talk|explained|explain)\b)",
    r"\bhow about (?:you|u) (?!(?:(?:guys|two|all|lot) )?(?:just )?(?:tell|walk|talk|explain|say|share|start|fill|let)\b)\w+",
    r"\bshould (?:i|we) (?:just )?(?:cancel|scrap|drop|stop|give|offer|refund|credit|move|change|add|make|put|get|send|fix|hire|call)\b",
    r"\b(?:do|would) you (?:want|like) me to (?:cancel|scrap|drop|stop|give|offer|refund|credit|move|change|add|make|put|get|send|fix|hire|call|sort|talk|speak|escalate)\b",
    r"\b(?:can|could|may|shall) (?:i|we) (?:just )?(?:offer|give|get|send|refund|credit|make it up|comp|throw in|show you|come (?:round|over|out|by)|reopen|escalate|waive)\b",
    r"\bwhy don'?t (?:i|we)\b",
    r"\bwould (?:a|an|some|it help to) [^?]{0,40}\bhelp\b",
    r"\bwhat about (?:a |an |some |if (?:i|we)|giving|offering)\b",
    r"\b(?:have|had) you (?:ever )?(?:tried|considered|thought about|thought of|looked into|asked about|talked to|spoken to|reached out)\b",
    r"\bdid you (?:try|consider|think about|ask|talk to|speak to)\b",
    r"\b(?:could|can|would) you (?:maybe |perhaps |possibly |just )?(?:try|consider|talk to|speak to|reach out|ask)\b",
    r"\bwhy (?:not|don'?t you) (?:try|just|ask|talk|speak|go)\b",
    r"\bwhat about (?:trying|talking|asking|speaking|going|joining|getting)\b",
)

# Yes/no questions that really open the floor ("Is there anything else?").
OPENING_YES_NO = rules(
    # (not a fact asked for: "Can you tell me his name?", "can you tell me your booking number?")
    r"\b(?:can|could|would|will) you (?:please )?(?!tell me (?:(?:his|her|your|the|their|its) )?(?:\w+ )?(?:names?|numbers?(?! one\b)|size|address|postcode|email|reference|date|time|booking|order|account|model|colou?r|weight|measurements)\b)(?:tell|say|share|explain|describe|walk|talk|help me understand|give me (?:an example|a sense|more))\b",
    r"\b(?:would|do|will) you (?:mind|be willing|be open|feel like|want to|like to|care to|wanna)(?: to)? (?:telling|sharing|saying|explaining|tell|share|say|talk|talking|explain|walk|go on|expand|elaborate|open up|describe|let me know)\b",
    r"\b(?:do|would) you have any (?:more |other )?(?:questions|concerns|thoughts|worries|ideas|feelings) (?:about|on|for|you|that)\b",
    r"\b(?:is|was) any ?(?:thing|one) else\b",
    r"\b(?:do|would) you (?:want|like) to (?:talk|tell|share|say|vent|get (?:it|that) off|expand|elaborate|open up)\b",
    r"\b(?:is|was) there (?:anything|any ?thing|something|more|any other|another) ?(?:else|more|going on|behind|you|that|i should|on your mind|bothering|underneath|about)\b",
    r"\b(?:is|was) (?:something|anything) else (?:going on|behind|bothering|happening|on your mind)\b",
    r"^(?:anything|something) else\b",
    r"\bany(?:thing)? (?:more|else) (?:you(?:'d| would) like|you want|to add|on your mind)\b",
    r"\bcan you (?:help me|say) (?:understand|more)\b",
    r"\bdo you (?:want|feel like|wish) to (?:tell|talk about|share)\b",
    r"\bcare to (?:elaborate|share|explain|say more)\b",
    r"\bmay i ask (?:what|how|why|about)\b",
    r"\b(?:is|was) (?:that|this) all (?:of it|there is|it is)?\b.*\bor\b",
    r"\bor (?:has|is|was|did) (?:something|anything) (?:else|more)\b",
    r"\b(?:is|was) there more (?:to it|going on|behind|to this|to that|you)\b",
    r"\b(?:is|was) there (?:a|any) (?:part|bit|side|piece) (?:of (?:this|it|that|all this) )?(?:that )?(?:you|i)\b",
    r"\b(?:is|was) there more\b\W*$|\bor (?:is|was) there (?:more|something else|anything else)\b",
    # how it felt to them: "When you read it, did it feel like we'd stopped thinking of him as a
    # person?", "Did I make you feel like that?", "were you on your own when you saw it"
    r"\b(?:did|does|has|have|is) (?:it|that|this|i|we) (?:feel|felt|make you feel|made you feel|making you feel|feeling)\b",
    r"\bwere you (?:on your own|alone|by yourself) when\b",
    # how they are, or the one they are upset for: "you ok?", "Are you alright now?", "is your
    # mum ok today", "God, poor girl. Is she ok?"
    r"(?:^|[.!?,]\s*)(?:(?:and|but|so|hey|oh|god|sorry)[,.]? )*(?:are )?(?:you|u) (?:ok(?:ay)?|alright|all right)(?: (?:today|now|though|tho|really|mate|love|hun))?(?:\s*\?|\W*$)",
    r"\bis (?:she|he|your \w+|they|the kids) (?:ok(?:ay)?|alright|all right)\b",
    # what it is about for them: "is this about the order itself or about not being asked?"
    # (not "is this about the dinner or is this about the whole leeds thing again")
    r"\bis (?:it|this|that) (?:mainly |mostly |more )?about (?!really\b)[^?]{3,80}?,? or (?!is (?:it|this) about\b)(?:about |more |has |something |both\b|the |not )",
    r"\b(?:can|could) you give me (?:other|more|some) (?:times|examples|instances)\b",
    # the other way it might be for them: "Is four o'clock just too late, or is it more that
    # you don't trust us with it now?", "is it mainly the noise, or more the feeling that
    # nobody listens?" (not "Is this about the arancini, or is this about your share?")
    r",? or (?:is it |was it |is this |was this )?(?:more |mostly |really |actually |mainly )(?:that|about|the (?:feeling|sense|fact|way))\b|\bor (?:is it|was it) (?:more |mostly |mainly )?that (?:you|your|nobody|no one|it (?:feels|felt)|we|i|they|none)\b",
    r"\b(?:is|was|has|have) (?:it|that|this|all this|all that)\b[^?.!]{0,40}\b(?:messing with|getting to|eating at|weighing on|playing on) (?:you|your)\b",
    # which of two things their feeling is about: "Are you angry that he's in a home, or that I
    # didn't ask you?", "are you still angry with me or is this just about the rules now"
    r"\bare (?:you|u) (?:still |more |mainly |mostly )?(?:angry|upset|cross|mad|hurt|annoyed|furious|fuming|gutted|disappointed) (?:that|about|with|at) [^?.!]{2,80}?,? or\b(?! not\b)",
)

# Wh-questions that only ask for a fact (a time, a number, a place): not an invitation.
FACT_QUESTION = rules(
    r"^(?:\w+[,.]? )?(?:what|which) (?:time|day|date|week|month|year|room|floor|file|version|number|email|address|ticket|order|reference|size|colou?r)s?\b",
    r"^(?:\w+[,.]? )?what(?:'s| is| was) the (?:latest|earliest|soonest|quickest|cheapest|nearest)\b",
    r"^(?:\w+[,.]? )?how (?:long|many|much|often|old|far|soon|big|late|early|short|high|far behind)\b",
    # what someone else said: "What exactly did he tell you?", "What did the consultant say?"
    r"^(?:\w+[,.]? )?what(?: exactly)?(?:'s| (?:did|does|has|have|had|is|do)) (?!(?:you|u|i|we|it|that|this)\b)(?:\w+ ){1,2}(?:exactly )?(?:say|said|tell|told|reckon|write|wrote)\b",
    r"^(?:\w+[,.]? )?(?:(?:when|where|which)\b(?! else\b)|(?:who|whom|whose)\b)",
    # (not "what's the number one thing...", "what is your contact with her like")
    r"\bwhat(?:'?s| is) (?:the|your) (?:number(?! one\b)|email|address|ticket|order|reference|account|phone|name|(?:call |case |job )?id|contact(?= at\b|\W*$|\s*[?,])|postcode|password|pin|extension)\b",
    r"\bwhat (?:time|day) (?:is|was|did|does|do|works|suits)\b",
    r"\bwhat(?:'s| is| was) (?:the|your|her|his|their) (?:\w+ )?(?:number|reading|name|date|time|address|email|reference|code|deadline|amount|balance|price|cost|total|split|figure|level|score|status|postcode|size)\b",
    # "what name's it under?", "whats his plot", "What's your flight number?"
    r"\bwhat (?:name|number|date|time|address|reference|policy number|account|email)(?:'s| is| was| did| do) (?:it|that|this|the \w+|you) (?:under|for|on|booked|use|register)",
    r"\bwhat'?s (?:his|her|your|their|the) (?:plot|room|bed|ward|grave|seat|table|flight|booking|policy|account|claim|case|reg|registration|unit|flat)(?: number| reference| no)?(?:\W*$|\s*,)",
    # "What was the interview for?"
    r"^(?:\w+[,.]? )?what (?:was|is) (?:the|that|this) \w+ for\s*\?",
    r"\b(?:anything|something) else (?:i|we) can (?:get|do|help|assist|bring)\b",
    r"\bis there anything else (?:i|we) can\b",
)

# Checked before FACT_QUESTION: "which"/"how much" questions about how something felt.
OPEN_OVERRIDE = rules(
    # (whole words: "which landing", "which standard", "which hitch" ask for facts)
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?which (?:\w+ ){0,4}(?:bother(?:s|ed|ing)?|matter(?:s|ed|ing)?|upset(?:s|ting)?|worr(?:y|ies|ied|ying)|hurt(?:s|ing|ful)?|frustrat(?:es?|ed|ing|ions?)|annoy(?:s|ed|ing|ance)?|concern(?:s|ed|ing)?|stands?|stood|feel(?:s|ing)?|felt|affect(?:s|ed|ing)?|hit(?:s|ting)?|sting(?:s|ing)?|stung|land(?:s|ed)?)\b",
    # "Which bit's worrying you most?", "Which one's the biggest for you?", "Which bit are you
    # angriest about, the four days or the way you found out?"
    r"^(?:(?:so|and|ok(?:ay)?|well|then)[,.]?\s+)?which (?:one|bit|part|thing|piece|of (?:those|these|them|the \w+))\b[^?.!,]{0,50}\b(?:most|more|worst|worse|biggest|hardest|angriest|heaviest)\b",
    r"^(?:(?:so|and|ok(?:ay)?|well|then)[,.]?\s+)?which \w+ (?:are|is) (?:the ones? )?(?:keeping you|getting to you|weighing on you|worrying you|eating at you)\b",
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?how much (?:is|was|does|did|has|have) (?:\w+ ){0,3}(?:riding|matter|mean|affect|hurt|cost you|weigh|worr)\w*",
    # their own aims: "Where do you want to be in a year or two?"
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?where do (?:you|u) (?:want|see yourself|hope|picture yourself|imagine yourself)\b",
    # "How long has it felt like this?", "how long have you been feeling like this"
    r"\bhow long (?:has|have) (?:it|this|that|you) (?:felt|been feeling|been like this|felt like)\b",
    # (not "who else": "Who else have you told?", "Who else gave you that speech?" find facts)
    r"\b(?:when|where|what|how) else\b",
    r"\bwhere (?:does|did|has|will) (?:that|this|it|all this|all that) (?:leave|put|take) you\b",
    r"\bwhere do (?:we|i|you want (?:us|me) to) go from here\b",
    r"^(?:(?:so|and)[,.]?\s+)?who (?:has|did|does|is) (?:this|it|that) (?:land|landed|hit|affect|affected|hurt|weigh)\w*",
    # who has borne it: "Who's been hit hardest by it?", "Who on your team has been affected most?"
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?who(?:'s| has| is)? (?:(?:\w+ ){0,4}(?:has |have )?been |(?:\w+ ){0,4}(?:is|are) )?(?:hit|affected|hurt|impacted|struggling|suffering|bearing|carrying|taking it|feeling it|worst off|hardest)\w*",
)

OPEN_WH = rules(
    r"^(?:(?:so|and|ok(?:ay)?|well|but|also|then|now|honestly|sincerely|genuinely|actually|right|yeah|yes|alright|hmm|oh|i see|i hear you|i understand|i wonder|i'?m (?:curious|wondering)|can i ask(?: you)?|may i ask|let me ask(?: you)?|tell me|just curious|out of interest|first|first of all|please)[,.:!-]*\s+)*(?:what|how|why|in what way|to what extent)\b",
    r"\b(?:what|how) (?:has|have|did|does|do|is|was|were|are|would|could|might|should|can|will|'s|'d|made|makes|happened|happens|went|goes|exactly|else|specifically|worries|bothers|concerns|matters|frustrates|upsets|hurts|stands out)\b",
    r"\bwhat (?:part|parts|aspect|kind|sort|bit|piece) of\b",
    r"\bwhy (?:do you think|is that|was that|did that|does that|might|would that|has this|has that)\b",
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?which (?:\w+ ){0,4}(?:bother|bothered|matter|matters|mattered|upset|worr|hurt|frustrat|annoy|concern|stand|stood|feel|felt|affect|hit|sting)\w*",
    r"^(?:(?:so|and|ok(?:ay)?|well)[,.]?\s+)?how much (?:is|was|does|did|has|have) (?:\w+ ){0,3}(?:riding|matter|mean|affect|hurt|cost you|weigh|worr)\w*",
    # (not "who else": "Who else have you told?", "Who else gave you that speech?" find facts)
    r"\b(?:when|where|what|how) else\b",
)

# Invitations phrased as statements ("Tell me more").
INVITE_STATEMENT = rules(
    # (not commiserating about ourselves: "Tell me about it, I've been run off my feet too")
    r"\b(?:please )?tell me (?!about it[,.!]*\s+(?:i'?ve|i am|i'?m|im|my|we'?ve|(?:we're|(?<!\w )were)|it'?s been|same)\b)(?:more|about|what|how|why|everything|the whole|your side|what happened|where|which|a bit|a little)\b",
    r"\bhelp me (?:to )?(?:understand|see|get)\b",
    r"\b(?:walk|talk|take) me through\b",
    r"\bsay (?:a bit |a little )?more\b",
    r"\bi(?:'d| would) (?:really |genuinely |honestly |truly )?(?:like|love|want) to (?:hear|understand|know|learn|get) (?:more|what|how|why|about|your|the whole|where|from you|which|when)\b",
    # "I actually want to know what this has done to your team.", "then I want to know if you
    # think it's fair", "I really want to know.", "there's more I want to hear", "I'd still
    # rather hear it from you" (not "I'd rather hear it than not")
    r"\bi (?:(?:really|actually|just|genuinely|honestly|truly|do|still|also) )*(?:want|need|wanna) to (?:hear|understand|know|learn) (?:more|what|how|why|about|your|the whole|where|it from you|from you|if you|whether you|if (?:it|that|this)|all of it|everything|it all|which)\b",
    r"\b(?:i(?:'d| would)? (?:(?:really|actually|just|genuinely|honestly|truly|still|also) )*|(?:still|also) )(?:wanna|want to|like to) hear (?:it\W*$|the rest|how (?:bad|it|you|much)|all of it)",
    # handing them the floor: "No. I don't. Tell me.", "Tell me anyway, and hold me to it.",
    # "i'm here, talk to me", "Talk to me about what not stuck looks like", "only you can tell
    # me that", "you tell us all of it" (not "Don't tell me.", "talk to me like that")
    r"^(?:(?:ok(?:ay)?|so|fair|alright|right|please|then|go on)[,.]? )*tell me(?:\W*$|,? (?:anyway|all of it|then|properly|straight|everything)\b)",
    r"(?:^|[,;:]\s*)(?:(?:so|please|come on)[,]? )?talk to me(?: about (?:what|how|it|this|that|the)\b|\W*$)",
    r"\bonly you can tell (?:me|us)\b|\byou tell (?:me|us) (?:all of it|everything|the lot)\b",
    r"\bi (?:(?:really|actually|genuinely|honestly|truly|do) )+(?:want|need) to (?:know|hear|understand)(?: (?:it|that|this|from you))?\W*$",
    r"\bthere(?:'s| is) more i (?:want|need|'d like|would like) to (?:hear|know)\b|\bif (?:something|anything)(?:'s| is) (?:going on|wrong|up)\b[^.?!]{0,20}\bi (?:want|need|'d like) to (?:know|hear)\b",
    r"\bi(?:'d| would) (?:still |much |really |honestly )?rather (?:hear|understand|know)\b(?! (?:it|that) than not\b)",
    r"\btell me (?:the problem|it|that|your side|what happened|the whole thing) again\b",
    r"\bi(?:'m| am) (?:really |genuinely |honestly )?(?:curious|interested|keen) (?:about|to (?:hear|know|understand|learn)|what|how|why|to get)\b",
    r"\bi(?:'m| am)? ?wonder(?:ing)? (?:what|how|why|whether|if you|if there)\b",
    r"(?:^|\bplease )(?:share|explain|describe|elaborate)(?: more| a bit| a little)?(?: with me)?(?: what| how| why| about|[.!]|$)",
    # (not a dare: "Go on then, name one time...", "Go on, prove it.")
    r"^(?:go on|keep going|carry on|i'?m listening)\b(?![,.]? (?:then[,.]? )?(?:name (?:one|1|a single)|prove it|give me (?:one|an|a single)|tell me when i (?:ever|once))\b)",
    # "Go ahead. I will listen first." (not a dare: "Go ahead and complain", "go ahead, sue us")
    r"^go ahead\b(?![,.]? (?:and |then )?(?:\w+ )?(?:fire|sack|complain|report|escalate|sue|quit|leave|resign|make|take|raise|call|ring|email|write|post|tweet|name|prove|try|do (?:it|that|what))\b)",
    # (not "ill go get it all now", "we'll get everything sorted")
    r"\b(?:say|tell me|let me have|let me hear) (?:all of it|it all|the lot|everything|all of that)\b",
    r"\bi(?:'m| am) (?:all )?(?:listening|ears)\b",
    # "Can I come round tomorrow and hear your side properly?"
    r"\b(?:and|to|let me|can i|could i|i(?:'d| would) like to|i want to) hear your side\b",
    r"\b(?:give|show) me (?:an|some) examples?\b",
    r"\bsay more\b",
    r"\bi(?:'d| would) (?:value|appreciate|welcome) (?:hearing|your (?:view|perspective|take|thoughts))\b",
    r"\bgo ahead(?:,| and)? (?:tell|say)\b",
    # handing them the floor: "Say the rest of it.", "Start wherever you like.", "Go ahead."
    # (imperatives only: not "I'd say the rest of the team were fine", "Start wherever you want,
    # it won't change anything", "You never ask me anything")
    r"(?<!\bfine)(?<!\bwhatever)(?:^|[,;:]\s*|\b(?:please|just|so|then|go on and|ok(?:ay)?|you can|feel free to)[,]? )(?:say (?:the rest|it all|all of it|what you (?:need|want) to(?: say)?)(?! of the\b)|start (?:wherever|where+ver|with whichever|with whatever|from wherever|where(?:ever)? you (?:like|want))|ask me (?:anything|whatever))\b(?![^.?!]*\b(?:(?:won'?t|doesn'?t|will not|does not|isn'?t going to) change|but|still|the answer|nothing wrong|done nothing|not my fault|get it out of your system|nothing to hide|decision'?s (?:been )?made|already decided)\b)",
)

CLOSED_START = re.compile(  # (eight words of preamble at most: see text.WH_START)
    r"^(?:(?:so|and|ok(?:ay)?|well|but|also|then|oh|right|yeah|yes|hmm|just|alright|honestly)[,.!]*\s+){0,8}"
    r"(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|might|am|must|"
    r"don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|can'?t|couldn'?t|won'?t|"
    r"wouldn'?t|shouldn'?t|any|anything|everything|everyone)\b"
)

# --- listening -------------------------------------------------------------------------------

REFLECT_FEELING = rules(
    r"\b(?:you|u)(?:'re| are|re| r| must be| must feel| must have been| must have felt| seem| seemed| sound| sounded| feel| felt| were| have been|'ve been| might be| may be| probably feel| probably are| obviously feel| clearly feel| look| are feeling|'re feeling| were feeling| get| got| have| 've got| have got| are going through|'re going through| went through| have had|'ve had| had)\b(?! a (?:\w+ )?(?:worker|person|man|woman|guy|player|one)\b)(?: \w+){0,4}? (?:so |really |very |pretty |quite |a bit |a little |completely |totally |utterly |deeply |incredibly |absolutely )?"
    + FEEL,
    r"\b(?:that|this|which|all this|all that|everything)(?:'s| is| must be| must feel| would be| would feel| sounds| sounded| seems| seemed| must have been| has been|'s been| feels| felt| was| looks)(?: \w+){0,3}? (?:so |really |very |pretty |incredibly |super |truly |quite |such a |a really |a very |an? )?"
    + FEEL,
    r"\bit (?:must be|must feel|must have been|must have felt|sounds|sounded|seems|seemed|feels|felt|has been|'s been)(?: \w+){0,3}? (?:so |really |very |pretty |incredibly |super |truly |quite |such a |a really |a very |an? )?"
    + FEEL,
    r"\b(?:sounds|seems|looks|feels) like (?:(?:you|it|this|that|things)(?:'re| are| were| have been|'ve been| feel| felt| must| is| was|'s)?(?: \w+){0,4} )?"
    + FEEL,
    r"\bi can (?:see|tell|hear|imagine|only imagine|understand|sense|feel) (?:how|why|that|just how|the|your|what)(?: \w+){0,5}? "
    + FEEL,
    r"\bno wonder (?:you|it|that|this|yesterday|today|the \w+|\w+ felt)\b",
    r"\bof course (?:you(?:'re| are| feel| felt| were| would)|it(?:'s| is| was|'d))(?: \w+){0,3} "
    + FEEL,
    r"\b(?:your|the) (?:frustration|anger|disappointment|hurt|worry|worries|fear|fears|concern|concerns|exhaustion|stress|upset|feelings?|reaction|sense of \w+)(?: \w+){0,6}? (?:makes? (?:total |complete |perfect )?sense|(?:is|are) (?:totally |completely |entirely )?(?:understandable|fair|justified|valid|real|legitimate|reasonable|warranted))\b",
    r"\bi(?:'d| would)(?: \w+)? (?:be|feel|have felt|have been) (?:\w+ )?"
    + FEEL
    + r"(?: \w+)* (?:too|as well|in your (?:shoes|position|place))\b",
    r"\bhow (?:\w+ ){0,2}"
    + FEEL
    + r" (?:you|that|this|it) (?:must |might )?(?:feel|felt|be|is|was|are|were|must be|has been|have been)\b",
    r"\bhow (?:hard|difficult|tough|painful|frustrating|upsetting|stressful|lonely|scary|exhausting|infuriating) (?:that|this|it|things?) (?:must|has|is|was|have|can|would)\b",
    r"\b(?:feeling|feel) (?:so |really |very |completely |totally )?"
    + FEEL
    + r"(?: \w+){0,4} (?:makes sense|is understandable|is natural|is normal)\b",
    r"\bthat (?:sucks|stinks|hurts|stings|blows)\b",
    r"\bwhat a (?:nightmare|blow|shock|mess|horrible|awful|terrible|hard|difficult|tough|rough|frustrating)\b",
    r"\bmust(?:'ve| have| of) (?:been|felt) (?:so |really |very |pretty |absolutely |incredibly )?(?:\w+ )?"
    + FEEL,
    r"\b(?:feels?|felt|feeling) (?:so |really |very |pretty |completely |totally |a bit |like )?"
    + FEEL,
    r"\bi(?:'d| would)(?: \w+)? (?:be|feel|have been|have felt|have walked out|have done the same|have left|have lost it) (?:\w+ ){0,2}?(?:\w+ )?(?:too|as well|in your (?:shoes|position|place))\b",
    r"\b(?:is|was|'s|sounds|sounded) (?:so |really |pretty |absolutely |truly |utterly |just )?"
    + FEEL,
    r"\b(?:that|this|it|which) must(?:'ve| have)? " + FEEL,
    r"\bi (?:feel|sense|hear|can feel|can sense|can hear) (?:your|the) (?:anxiety|pain|frustration|anger|hurt|fear|worry|worries|sadness|grief|stress|exhaustion|loneliness|disappointment|despair|panic|upset)\b",
    r"\byou(?:'re| are| seem| seemed| sound| sounded| feel| felt| look| must be)(?: \w+)? (?:down|low|lost)\b",
)

# Stems that introduce a paraphrase: the reflection is what follows them.
REFLECT_STEM = rules(
    r"\b(?:it )?(?:sounds|seems|looks|feels|appears) (?:to me )?(?:like|as if|as though|that) (?:you|your|they|he|she|there|things|people|what|for you|a lot|everyone|nobody|no one|everything|this has|that has|it has|it'?s been|this is|this was|that was|the (?:\w+ )?(?:situation|problem|issue|whole)|because)\b",
    r"\bso (?:you(?:'re| are|re)? ?(?:saying|telling me|feel|felt|think|mean|want|need|were|have|had|'ve|'d|did|didn'?t|don'?t)|what you(?:'re| are)? ?(?:saying|mean|need|want)|for you|your|the (?:\w+ )?(?:problem|issue|thing|point|concern) is)\b",
    r"\byou(?:'re| are|re) (?:saying|telling me|describing|pointing out|asking for|worried (?:that|about)|concerned (?:that|about)|upset (?:that|about|because)|angry (?:that|about|because)|frustrated (?:that|about|because|with|by))\b",
    r"\bwhat i(?:'m| am)? ?hear(?:ing)? (?:is|you|from you)\b",
    r"\bi (?:hear|understand|get|see) (?:(?:you,? )?that (?:you|your|the|its?)|you(?:'re| are)? saying|how (?:much|important|you|the|it|this|that)|why you|what you(?:'re| are)? saying is|you feel|that you)\b",
    r"\bif i(?:'m| am|'ve| have)? (?:understand|understood|hear|heard|hearing|understanding|got|get) (?:you|that|this|it)?\s*(?:right|correctly)\b",
    r"\bin other words\b",
    r"\byou feel (?:like|that|as if|as though|i|we|the|nobody|no one|your|it)\b",
    r"\bfor you,? (?:this|it|that|the)\b",
    r"\byour (?:point|view|concern|worry|sense|fear|experience|feeling) (?:is|was|seems)\b",
    r"\byou(?:'ve| have) been (?:\w+ing|left|kept|asked|told|waiting|carrying|doing|working|holding)\b",
    r"\byou (?:were|got|had been) (?:promised|told|left|kept|passed|overlooked|ignored|asked|expected|given|put|made|forced|excluded)\b",
    r"\byou (?:wanted|needed|expected|hoped|were hoping|asked for|deserved|trusted|counted on|relied on)\b",
    r"\bwhat (?:matters|bothers|hurts|upsets|worries|frustrates) (?:you )?(?:most )?(?:is|was)\b",
    r"\bthe (?:real )?(?:problem|issue|thing|point) (?:for you )?(?:is|was) (?:that )?(?:you|your|i|we|the|it)\b(?!.*\?)",
    r"\byou (?:think|believe|reckon|suspect|feel|felt|thought|assumed|worry|fear|suspected|'re convinced|are convinced|see it as)\b",
    r"\b(?:to you|for you|in your (?:view|eyes|shoes)|from where you(?:'re)? (?:sit|stand|sitting|standing)|from your side)\b",
    r"\byou(?:'ve| have) (?:got|reached|come|hit|had) (?:to )?(?:the point|a point|the end|enough|your limit|breaking point|the last straw)\b",
    r"\b(?:that|it|this) (?:must|would|could|might) (?:feel|seem|look|sound|have felt|have seemed|have looked|'ve felt) (?:like|as if|as though)\b",
    r"\bi can (?:see|tell|understand|imagine|hear) (?:that|how|why|the|it|this|you|what)\b",
    r"^so,? (?:on top of|basically|essentially|in short|what|the|it'?s|its|you|your|from|after|for|every|now|all|that)\b",
    r"\bit(?:'s| is| was) (?:not|never) (?:just )?(?:about )?(?:the|a) \w+(?: \w+)?,? (?:it'?s|it is|it was|but)\b",
    r"\byou (?:want|need|'d like|would like|expect|care about|deserve|deserved)\b",
    r"\byou(?:'ve| have) (?:noticed|seen|picked up on|spotted|realised|realized|been told|had to|got to)\b",
    r"\byou (?:end up|ended up|get left|got left|are left|'re left|were left|'re stuck|are stuck|got stuck)\b",
    r"\bwhich (?:puts|leaves|left|put|makes|made) you\b",
    r"\bi'?m guessing (?:you|that|it|this)\b|\bi (?:imagine|bet|suspect|guess) (?:you|that|it|this|they)\b",
    r"\b<<SORRY>> (?:to hear )?(?:that )?(?:you(?:'ve|'re| have| had| were| are| got| lost| felt)|your \w+|[a-z]+ (?:came|went|got|had|was|were|felt|ended))\b",
    r"^so,? (?:this|that|it|there|people|everyone|they|he|she|nobody|no one)\b",
    r"\b(?:it )?(?:sounds|seems|looks) (?:to me )?like (?!(?:a |an )?(?:great|good|nice|fun|plan|idea|right|lovely|wonderful|perfect|excellent|smart|sensible)\b)(?:\w+\W+){2}",
    r"^so,? (?:while|when|after|because|even though|despite|every|instead)\b",
    r"\byou(?:'ve| have)? (?:been |keep |kept )(?:getting|being|hearing|having|told|passed|fobbed|given|left|waiting|chasing|asking|ringing|calling)\b",
    r"\byou (?:must|might|may) (?:feel|be feeling|have felt|think|be thinking|be wondering)\b",
    r"\bi can (?:\w+ )?(?:understand|see|imagine) (?:\w+ing|not \w+ing)\b",
    r"\byou(?:'re| are) (?:starting|beginning|coming) to (?:feel|think|wonder|see|believe|suspect)\b",
)

GENERIC_ACK = rules(
    r"^(?:(?:ok(?:ay)?|right|yes|yeah|well|look|alright|sure|so|hmm|oh)[,.!]*\s+)*i (?:hear|understand|see|get|know)(?: (?:you|that|it|this|what you(?:'re| are)? saying|where you(?:'re| are)? coming from|your (?:point|frustration|concern|concerns|anger|feelings?|pain|position|view)|how you feel|how you(?:'re| are)? feeling|what you mean|exactly how you feel|the point))?(?: (?:completely|totally|fully|now|100%|entirely|loud and clear))?[.!,;]*$",
    r"^(?:(?:also|and|ok(?:ay)?|yes|yeah|well|right|hmm)[,]?\s+)?(?:fair enough|fair point|point taken|noted|got it|understood|message received|makes sense|i see|i know|right)[.!,]*$",
    r"\bi(?:'m| am) (?:so |really |very |truly )?sorry to hear (?:that|this|it|about)\b",
    # ("Also, that is a fair point.": a lead-in word, as a second-language speaker's "also")
    r"^(?:(?:also|and|ok(?:ay)?|yes|yeah|well|right|hmm)[,]?\s+)?(?:that'?s|it'?s|that is) (?:understandable|fair|valid|a fair point|a good point|reasonable)[.!,]*$",
    r"\bi (?:can )?(?:totally |completely |fully )?(?:understand|relate|empathi[sz]e|sympathi[sz]e)(?: with (?:that|you|this|your \w+))?[.!,]*$",
    r"^(?:i hear you|i understand|i get it|i see)\b",
    r"\bi (?:know|understand) (?:exactly )?how you (?:feel|must feel)\b",
    r"\bi hear you\b",
    r"\byou(?:'re| are|re) right[.!,]*$",
)

OWN = rules(
    r"\b<<THATS>> (?:(?:all|totally|entirely|completely|squarely|100%) )?on me\b",
    r"(?<!not )(?<!n't )\b(?:my|entirely my|all my|totally my) (?:fault|mistake|error|responsibility|failure|doing)\b",
    r"\bi (?:take|accept) (?:full |complete |total |the |my )?(?:responsibility|ownership|the blame|my share|my part)\b",
    r"\bi own (?:that|this|it|my part)\b|\bi(?:'m| am) owning (?:that|this|it)\b",
    # "It should have been me asking you", "it was the wrong one", "it would sound like an excuse"
    r"\bit should(?:'ve| have| of) been me\b|(?:^|[,;:]\s*|\b(?:and|so|honestly|looking back|yes|but)\s+)(?:it|that) was (?:the )?wrong (?:one|call|choice|decision|move|thing to do)\b",
    r"\bit (?:would|will|'d) (?:only |just )?sound like an? excuse\b|\bi(?:'m| am) not going to (?:make|give you) (?:an? )?excuses?\b",
    # "I'm not going to explain it away", "none of them changes what happened", "I got too
    # comfortable working with it"
    r"\bi(?:'m| am) not (?:going to|gonna) (?:explain|talk|wriggle) (?:it|this|that|my way) (?:away|out of (?:it|this|that))\b|\bnone of (?:them|it|that|those) (?:changes?|excuses?) what (?:happened|i did)\b|\bnone of (?:them|it|those) makes? (?:it|that|this) (?:ok|okay|right|better|fine)\b",
    r"\bi (?:got|was|became|had got|'d got) (?:too|a bit too|far too|way too) (?:comfortable|complacent|casual|relaxed|careless|cocky|sloppy|sure of myself)\b",
    # "I don't come out of it well", "Some of that's fair", "that's more hours than I had in my
    # head"
    r"\bi (?:don'?t|do not) come out of (?:it|this|that) (?:well|looking good)\b|^(?:\w+[,.]? )?some of (?:that|it|what you(?:'ve| have)? said)(?:'s| is) fair\b|\bmore (?:\w+ )?than i (?:had in my head|thought|realised|realized|knew)\b",
    # plain admissions without an apology word: "I did say that.", "It was me, nobody else.",
    # "I don't have a good reason.", "It's a stall.", "yeah ok that slide was bad"
    r"\bi did (?:say|promise|agree to) (?:that|it|this)(?:\W*$|,? (?:and )?(?:you'?re right|yes|yeah|i'?m sorry|im sorry|sorry|and i(?:'m| am) sorry|and i shouldn'?t|i shouldn'?t|i regret)\b)",
    r"^(?:(?:yeah|yes|ok(?:ay)?|look|honestly|i know|i remember)[,.]? )*it was me(?:,? (?:nobody|no one|not anyone) else)?\W*$",
    r"^(?:(?:yeah|yes|ok(?:ay)?|look|honestly|i know)[,.]? )*it was me (?:who|that) (?!(?:told|said|warned|raised|flagged|asked|found|noticed|spotted|reported|pushed|fought|stood)\b)\w+",
    r"\bi (?:don'?t|do not|haven'?t) (?:have|got) (?:a |an |any )?(?:(?:good|real|proper|decent) (?:reason|excuse|explanation)|excuse)\b",
    r"\b(?:it'?s|it is|it was|that was) (?:a |just a )?stall\W*$|\b(?:i gave you|that was|it was) (?:a |an )?(?:stock|canned|rubbish|lame|weak|crap|non-) ?answer\W*$",
    r"^(?:(?:yeah|yes|ok(?:ay)?|fair|right|honestly|god)[,.]? )*(?:that|the) (?:\w+ ){1,2}was (?:bad|wrong|out of order|unfair|clumsy|poor|rubbish|thoughtless|careless|(?:a )?(?:bad|poor|stupid|terrible|rubbish|clumsy) (?:call|idea|move|word|phrase|choice|joke|slide|line))(?:,? (?:i know(?: it| that)?|i admit it|no question|no doubt|i'?ll (?:admit|grant you) (?:it|that)))?\W*$",
    r"\bi know (?:it'?s|it was|that'?s|that was) (?:a )?(?:rubbish|bad|poor|terrible|stupid|lame|weak|crap) (?:answer|phrase|word|excuse|call|idea|reply|line|joke|thing to say)\b|\bi know (?:it'?s|it was|that'?s|that was) (?:rubbish|bad|poor|terrible|stupid|lame|weak|crap)\W*$",
    r"\bi (?:was|got (?:that|it|this)) wrong\b",
    r"\bi (?:messed|screwed|mucked|cocked|fouled|stuffed) (?:that |this |it |things )?up\b",
    r"\bi dropped the ball\b",
    # not having seen how big it was: "I did not know it is that much until now", "I didn't
    # know you felt invisible" (not "I didn't know about the change": that is an excuse)
    r"\bi (?:(?:did not|didn'?t|never|honestly didn'?t) (?:know|realise|realize|see)|had no idea)(?: (?:it|that|this|things) (?:is|was|were|had been|'s|got|had got))? (?:that|so|how|just how) (?:much|bad|big|hard|serious|many|long|far|deep|often|badly|heavy|rough)\b",
    r"\bi (?:did not|didn'?t|never|honestly didn'?t) (?:know|realise|realize) (?:you|your team|they|she|he|u) (?:felt|were|had been|was|thought|saw)\b",
    # plain admissions: "i kept putting it off", "i dodged it and i knew i was dodging"
    r"\bi (?:kept |have been |'ve been |was |just )?(?:putting (?:it|this|that|you) off|put (?:it|this|that|you) off|dodg(?:ed|ing)|avoid(?:ed|ing) (?:it|this|that|you|the)|duck(?:ed|ing) (?:it|this|that|out)|bottl(?:ed|ing) it|chicken(?:ed|ing) out|hid(?:ing)? from)\b",
    r"^(?:(?:and|honestly|yeah|ok(?:ay)?|look|you'?re right)[,.]? )*(?:it|that|this|what i did) (?:wasn'?t|was not) (?:good enough|ok|okay|acceptable|fair on you)[.!]*$",
    r"\b(?:i|we) let (?:you|the team|them|your team|everyone|you all|her|him|your people) down\b",
    r"\bi (?:should|shouldn'?t|should not|ought to|could) have\b(?! (?:been told|known))",
    r"\bi (?:didn'?t|did not|never|haven'?t|have not|wasn'?t|was not) (?:follow(?:ed)? through|call(?:ed)?(?: you)?(?: back)?|tell you|told you|show(?:ed)? up|keep|kept|give you|gave you|check(?:ed)?|listen(?:ed)?|consult(?:ed)?|ask(?:ed)?|include(?:d)?|credit(?:ed)?|thank(?:ed)?|deliver(?:ed)?|warn(?:ed)?|explain(?:ed)?|involve(?:d)?|acknowledge(?:d)?|name(?:d)?|mention(?:ed)?|recogni[sz]e(?:d)?|get back to you|loop you in|think it through|handle (?:it|that|this) well|there for you|clear(?: enough)?|honest|straight with you|fair to you)\b",
    r"\bi (?:failed|forgot|neglected) to\b",
    r"\bi broke (?:my|that|a|the) (?:promise|commitment|word)\b",
    r"\byou(?:'re| are|re) (?:absolutely |completely |totally |quite |100% |dead )?right(?:,)? (?:that|about|to be|i|to call|to raise|,? i)\b",
    r"\bguilty as charged\b",
    r"\bi can see (?:that |how |now )?(?:i|my)\b",
    r"\b<<SORRY>> (?:that i|for (?:not|missing|cancel|taking|present|what i|my|the way i|how i|letting|dropping|breaking|forgetting|ignoring|leaving|overlooking|putting|making|being|failing|going|keeping|wasting|the (?:way|delay|mess|confusion|mix-up|mistake|miscommunication|lack))|i (?:didn'?t|did not|never|wasn'?t|let|missed|forgot|cancel|took|presented))",
    r"\b(?:that|it) was (?:my|a) (?:mistake|error|bad call|misjudg(?:e)?ment|poor call)\b(?<!a mistake)",
    r"\bi (?:did|have|had) (?:cancel|present|take|took|miss|promise|ignore|forget|overlook|drop|leave|left|skip|break|broke)\w*\b",
    r"\bi (?:hadn'?t|had not|didn'?t|did not|never) (?:thought|realised|realized|considered|appreciated|seen) (?:about |that |how |what |your |you |it )\w+",
    # not having looked from their side: "honestly I did not add it up from your side"
    r"\bi (?:hadn'?t|had not|didn'?t|did not|never) (?:\w+ ){1,3}(?:from|on) your (?:side|end|point of view|perspective)\b",
    r"\b(?:that|this) (?:one )?(?:is|was)(?: \w+)? my (?:doing|call, and it was wrong|fault)\b",
    r"\bi (?:admit|accept|acknowledge) (?:that )?(?:i|it was|we)\b",
    # "But I accept the effect on your team is the same either way."
    r"\bi (?:accept|acknowledge|recogni[sz]e) (?:that )?(?:the|its|my|our) (?:effect|impact|result|damage|hurt|harm|cost)\b",
    r"\bi(?:'ll| will) (?:own|take) (?:that|this|it)\b",
    r"\bno excuses\b",
    r"\b(?:we|i) got (?:this|that|it|things) (?:badly |completely |totally |so )?wrong\b",
    r"\b(?:we|i) (?:was|were) (?:late|wrong|slow|careless|out of order|rude|unfair|thoughtless|in the wrong|at fault)\b",
    r"\b(?:that|this|it) (?:shouldn'?t|should not|should never) have (?:happened|been|gone)\b",
    r"\b(?:someone|somebody|we|i) should(?:'ve| have| of) (?:told|called|rung|warned|asked|explained|let)\b",
    r"\b<<SORRY>> (?:that )?(?:nobody|no one|we|i|it took|you had to|you were)\b",
    # the hurt named: "I'm sorry you found out from a Slack post", "sorry you sat on hold that
    # long" (not "sorry you feel that way", "sorry you got the wrong end of the stick")
    r"\b<<SORRY>> (?:that )?(?:you|u) (?:found out|heard (?:it|about|from|that|like)|learned|learnt|sat|stood|waited|ended up|were left|lost|missed|never (?:got|heard|had)|didn'?t (?:get|hear)|weren'?t (?:told|asked|warned|consulted)|went through)\b",
    r"\b(?:it'?s|its|that'?s|thats) on (?:me|us)\b",
    r"(?<!\bnot )(?<!n't )(?<!\bnever )\bon us\b",
    r"\b(?:was|were) (?:rude|wrong|unfair|thoughtless|careless|out of order|unkind) of (?:me|us)\b",
    r"\b(?:a |that'?s a )?fair (?:hit|cop|criticism|challenge)\b",
    r"\bit cost you\b",
    r"\bi(?:'ve| have) been (?:\w+ing) (?:you|your)\b",
    r"\b(?:i|we) (?:definitely |really |certainly |absolutely |clearly )?(?:should(?:'ve| have| of)|shouldn'?t(?:'ve| have| of)|ought to have)\b",
    r"\bi (?:didn'?t|did not|never|hadn'?t) (?:realise|realize|see|notice|think about) (?:that |how |what |your |you |it was |the |just how )\w+",
    r"\bno argument (?:there|from me)\b",
    r"\bthat(?:'s| was| is) (?:my|our) (?:failing|failure|doing|mistake|fault)\b",
    r"\byou(?:'re| are) right(?:,)? (?:and|i|we|it|that)\b",
    r"\b(?:i|we)(?:'ve| have) (?:done|put) (?:that|this|it) (?:to|on) you\b",
    r"\bi got (?:\w+ ){0,2}wrong\b|\bwhat i got (?:\w+ )?wrong\b",
    r"\b(?:that'?s|thats|it'?s|that was|it was) (?:really |so |pretty )?(?:bad|not ok|not okay|not good enough|unacceptable|not acceptable|wrong|poor|terrible|awful)(?:,)? (?:and|so) (?:i'?m|im|i am|(?:we're|(?<!\w )were)|we are) sorry\b",
    r"\b(?:that'?s|that is|it'?s|this is|that was) (?:not|un)acceptable(?: (?:when|from|of) (?:us|me|a|our))?\b",
    r"\byou should(?:'ve| have) (?:heard|been told|got|had|known|found out) (?:(?:about )?(?:it|this|that|the \w+|that \w+|this \w+)(?: \w+)? )?(?:from|by) (?:me|us)\b",
    r"\b<<SORRY>>,? (?:but )?(?:i|we) (?:missed|forgot|didn'?t|dropped|lost|ignored|overlooked|should|let|never)\b",
    r"^(?:yes|yeah|yep|you'?re right)[,.!]? (?:you did|you have|you were|you are|it was|it is|i did|we did|i have|we have|that'?s true|that'?s right)\b",
    r"\b(?:i|we) (?:definitely |definately |really |certainly |absolutely |clearly )?(?:should(?:'ve| have| of)|shouldn'?t(?:'ve| have| of))\b",
    r"\b(?:a |that'?s a )?(?:proper |real |complete |total |genuine |serious )?(?:failure|failing|mistake|mess|shambles) (?:on|from) (?:our|my) (?:side|part|end)\b",
    r"\b<<SORRY>> (?:\w+ly )(?:for|that)\b",
    r"\b(?:we|i) (?:had|made) (?:a |an )?(?:\w+ )?(?:failure|mistake|error|screw-?up|cock-?up|blunder|lapse|breakdown|oversight)\b",
    r"\b(?:we|i)(?:'ve| have) (?:damaged|broken|lost|ruined|wrecked|scratched|upset|let you down|failed you|mucked|messed)\b",
    r"\b(?:that'?s|that was|it was|it'?s|thats) (?:\w+ )?(?:rubbish|poor|bad|terrible|awful|unfair|wrong|careless|lazy|thoughtless|rude|shoddy|not ok|out of order) of (?:me|us)\b",
    r"^(?:(?!(?:you|u|your|they|he|she)\b)\w+,? ){0,3}should(?:'ve| have| of) (?:told|asked|said|called|rung|warned|checked|explained|let|included|credited)\b",
    r"\byou(?:'re| are) right,? you(?:'ve| have| were| are|'re| did)\b",
    r"\b(?:that|it|this) should(?:'ve| have| of) been (?:right|better|done|handled|sorted|fixed|sent|there|checked)\b",
    r"\b<<SORRY>> about (?:the|your|my|what|how) \w+(?<!inconvenience)(?<!trouble)\b",
    # owning what one does not know: "I know I don't see half of what goes on down there"
    r"\bi (?:don'?t|do not|never) (?:see|know|understand|hear) (?:half|the half|a fraction|most|everything|all) of\b|\bi(?:'m| am) not (?:going to |gonna )?pretend(?:ing)? (?:to know|i know|to understand|i understand|i'?ve got)\b",
    # an admission that needs no apology word: "I've been away a lot, I know."
    r"\bi(?:'ve| have) been (?:(?:away|absent|distracted|elsewhere|missing|unavailable|invisible|short with (?:you|people|everyone)|hard to (?:reach|get hold of|find))(?: (?:a lot|too much|too often|lately|recently|a fair bit))?|out of (?:the loop|touch))\b(?=[^.?!]*\bi know\b)|\bi know i(?:'ve| have) been (?:away|absent|distracted|elsewhere|missing|unavailable|invisible|hard to (?:reach|get hold of)|out of (?:the loop|touch)|short with)\b",
    # conceding without an apology word: "that timing was kak, I'll admit it", "I'm the one who
    # sent her home", "It's not your fault, it's ours", "Not gonna argue with that", "that was a
    # crap way to do it", "the hannah thing did look bad", "i wont pretend it isnt", "which is
    # on me"
    r"\bi'?ll (?:admit|grant you) (?:it|that)\b(?! i (?:don'?t|didn'?t|wasn'?t|never)\b)|\bi admit it\b|\bi took the (?:easy|lazy|cowardly|coward'?s) (?:line|way|route|option|way out)\b",
    r"\b(?:i'?m|i am|(?:we're|(?<!\w )were)|we are|i was|we were) the ones? (?:who|that) (?:made|sent|stuffed|messed|screwed|mucked|let (?:you|her|him|them|it)|put|took|signed|decided|broke|dropped|cancelled|canceled|changed|approved|booked|forgot|missed|ignored|overlooked|rushed|cut|moved|pulled|left (?:you|her|him|them)|turned)\b(?! (?:up|the pieces|your mess)\b)(?![^.?!]{0,120}\b(?:while you|to look after|nobody else|all the|every (?:day|night|week|weekend))\b)",
    r"\b(?:it'?s|it is|that'?s|it was) not your fault,? (?:it'?s|it is|it was) (?:ours|mine|on (?:us|me)|(?:our|my) (?:fault|mistake|doing))\b",
    r"\b(?:not (?:gonna|going to)|can'?t|cannot) argue with (?:that|it)\b(?![^.?!]{0,120}\bbut\b)",
    r"\b(?:that|it|this) was (?:a |an )?(?:terrible|rubbish|bad|awful|poor|lousy|crap|shocking|horrible|stupid|thoughtless|careless|cowardly) way to\b(?! (?:find out|learn|hear)\b)(?! (?:talk|speak) to (?:a|an|the|my|our|his|her|their|him|them)\b)",
    # how one went about it, owned without an apology word: "I've been running this like it's
    # the same place"
    r"\b(?:i'?ve|i have|we'?ve|we have) been (?:running|treating|handling|managing|approaching|doing|leading) (?:this|it|things|you|them|everyone|people|the \w+|my \w+|our \w+|your \w+)(?: \w+){0,3} (?:like|as if|as though)\b",
    # "Honestly I can't tell you the last time I was in front of a customer, and that's not a
    # great look"; "my team built none of it"
    r"\bi (?:can'?t|cannot|couldn'?t) (?:even )?(?:tell you|remember|recall|think of) (?:the last time|when i last)\b|\b(?:that'?s|it'?s|that is|it is|that was|it was) not (?:a )?(?:great|good) look\b(?! for (?:you|your))",
    r"\b(?:i|we|my team|our team|my people|my lot) (?:built|did|wrote|made|designed|created|developed|contributed) (?:none|nothing|no part|not a line|not one line|very little|almost none|almost nothing|hardly any) of (?:it|that|this|the \w+)\b",
    r"\b(?:did|does) look bad\b(?![^.?!]{0,120}\bbut\b)|\bi(?: won'?t| will not|'m not going to| am not going to| can'?t| cannot) pretend (?:it|that|this) (?:isn'?t|wasn'?t|didn'?t|doesn'?t|is not|was not)\b|\bwhich is on (?:me|us)\b(?! to\b)",
)

APPRECIATE = rules(
    r"\bthank(?:s| you)(?: (?:so much|a lot|very much|for coming|really))?,? for (?:telling|raising|bringing|being (?:so |this )?(?:honest|open|frank|direct|candid|straight|upfront)|coming (?:to me|in|to see me)|saying|sharing|flagging|letting me know|speaking up|your (?:honesty|candou?r|feedback|directness|patience)|putting|calling|pointing)\b",
    r"\bi (?:really |genuinely |do )?appreciate (?:you|your|that you|the|it|hearing|this)(?: \w+){0,3}? ?(?:telling|raising|honesty|candou?r|coming|bringing|being|directness|feedback|saying|sharing|flagging|speaking|straight|frank)\b",
    r"\bi(?:'m| am) (?:really |genuinely )?glad (?:you|that you) (?:told|came|raised|said|brought|spoke|flagged|shared|are telling)\b",
)

# --- defensive -------------------------------------------------------------------------------

JUSTIFY = rules(
    # telling them what they must understand: "You must understand that the QBR was my slot."
    r"^(?:\w+,\s+)?(?:you|u) (?:must|have to|need to|'ve got to|'ve gotta|gotta|should) (?:understand|appreciate|realise|realize|accept|remember) (?:that|this|the|how|why|what|my|our|we|i|there|it)\b",
    # what I have given, as the answer to their hurt: "I've put a lot into this ward."
    r"\bi(?:'ve| have) (?:always )?(?:put|given) (?:so much|a lot|everything|years|my all|my life|my heart)(?: of (?:my )?\w+)? (?:in ?to|to|for) (?:this|the|you|these|my|our)\b",
    # the excuse of not having been told, or of having had no way out
    r"\bwhat (?:was|am) i supposed to (?:do|say)\b",
    r"\b(?:nobody|no one|no-one) (?:told|warned|informed) (?:me|us)\b",
    r"\b(?:we|i) (?:had|have|needed|need|were forced|was forced) to\b(?! (?:admit|say|be honest|agree|apologi[sz]e|own|hear|listen|understand|ask|take|do better|fix|learn|face|know|find out))",
    r"\b(?:i|we) (?:had|have) (?:no|little) (?:choice|option|alternative|other option)\b",
    # standing by it: "I'd make that call again", "I'd ask again", "I still think it's the right
    # place for it"
    r"\bi(?:'d| would) (?:make (?:that|the same) (?:call|decision|choice)|do (?:it|that|the same)|ask|say it|send it) again\b|\bi still think (?:\w+ ){0,5}(?:was|is|'s) (?:right|the right|correct|fair)\b",
    r"\bthe (?:whole )?(?:reason|point|idea|goal|purpose|aim|thinking|rationale|logic) (?:behind (?:it|this|that|the \w+) )?(?:is|was|of (?:it|this|that|the|\w+ing (?:it|this|that|them)))\b(?!.*\?)",
    r"\b(?:it|that|this|they|those|these)(?: \w+)? (?:was|were|is|are) (?:absolutely |completely |really |very |all |just )?(?:necessary|needed|required|mandatory|agreed|decided|approved|planned|scheduled long|signed off|in the plan|for (?:your|everyone'?s) (?:own )?good|for the best|company policy|non-negotiable|unavoidable|the right (?:call|decision|thing))\b",
    r"\blet me (?:just )?(?:explain|clarify|walk you through why|give you (?:the|some) context)\b",
    # good intentions as the answer: "I've always had Anaya's best interests at heart", "we
    # really try to make people feel welcome here", "so you can see it's fair"
    r"\b(?:i'?ve|i have|we'?ve|we have) (?:always )?had (?:\w+'s|your|their|his|her|everyone'?s) best interests? at heart\b",
    r"\b(?:we|i) (?:really |always |genuinely |honestly )(?:do )?(?:try|strive|aim|work hard) (?:so hard |really hard |our best |my best |hard )?to\b(?![^.?!]{0,120}\b(?:and|but) (?:clearly |obviously )?(?:i'?m not|(?:we're|(?<!\w )were) not|i didn'?t|we didn'?t|we failed|i failed)\b|[^.?!]{0,120}\b(?:and|but) (?:this time )?(?:we|i) (?:clearly |obviously |just |completely )?(?:failed|didn'?t|missed|got (?:it|this) wrong|let you down)\b)",
    r"\bso (?:you can|you'?ll) see (?:that )?(?:it'?s|it was|we were|i was|(?:we're|(?<!\w )were)|i'?m|it is) (?:fair|right|correct|true|accurate|legit)\b(?!,? or not)|\bi only (?:ever )?wanted (?:what'?s|the) best for\b",
    r"\byou (?:have|need|got) to (?:understand|realise|realize|see|remember|appreciate|admit|accept)\b",
    # ("to be fair to you" concedes their point)
    r"\b(?:to be fair(?! to (?:you|them|her|him|your))|in (?:my|our) defen[cs]e|for the record|with (?:all due )?respect|just so you know|the (?:fact|truth|reality) (?:is|of the matter)|to be honest with you,? (?:we|i|it|the)|in fairness|if you look at the (?:numbers|data|facts))\b",
    r"\b(?:i|we)(?:'ve| have)? (?:been|was|were|am|are|'m|'re) (?:(?:so|really|very|incredibly|completely|totally|absolutely|just) )?(?:busy|swamped|slammed|stretched|flat out|under (?:a lot of|huge|massive|so much) pressure|doing (?:my|our|the) best|doing everything|trying (?:my|our|really|so) (?:best|hard)|working (?:flat out|round the clock|day and night|so hard|really hard|nonstop|non-stop|weekends))\b",
    r"\b(?:i|we) (?:did|do|made|took|chose|decided) (?:it|that|this|the \w+)(?: \w+){0,2} (?:because|for a reason|for good reason|so that|to)\b",
    r"\b<<THATS>> (?:just )?(?:how|the way) (?:it|things|this|business|the world|the process|the industry|life) (?:works?|is|goes|happens)\b",
    r"\b(?:i|we) (?:already|always) (?:explained|told you|said|sent|did|do|have|made|covered|answered|shared)\b",
    r"\b(?:i|we)\b[^.?!]{0,50}?(?<!asking )(?<!raising it )(?<!bringing it up )\b(?:because|cause|cos|since) (?:of )?(?:the|we|i|it|this|that|they|our|management|leadership|there|those|these|head office|hr|finance|legal|my|a)\b",
    r"\b(?:the |this |that |our |these |those )(?:new |whole )?(?:retreats?|programmes?|programs?|offsites?|workshops?|sessions?|changes?|policy|policies|decision|rota|plan|initiative|strategy|process|system|vision|purpose work|rollout|update|restructure|project|model|framework|approach|training|rules?|review|tool|meetings?)(?:'s| is| are| will| was| were|'ll) (?:going to |really |actually |genuinely )?(?:help|pay off|benefit|improve|work|the (?:right|best|only)|important|essential|vital|crucial|critical|worth it|good for|necessary|there to|designed to|meant to|supposed to|a long[- ]term|an investment|about|for (?:the|your|everyone))\b",
    r"\b(?:it|this|that) (?:is|was|'s) (?:the right (?:call|decision|thing)|for the best|worth it|non-negotiable|the only way|how we (?:win|grow))\b",
    r"\bonce (?:people|everyone|they|the team|customers|staff) (?:see|understand|get it|realise|realize)\b",
    r"\b(?:we|i) (?:followed|stuck to|went by) (?:the|our) (?:process|procedure|policy|rules|book|plan|playbook|script)\b",
    r"\bit'?s (?:in|on) the (?:contract|policy|handbook|terms|sla|agreement|email|slide|minutes)\b",
    r"\b(?:the|our) (?:data|numbers|figures|facts|results|metrics|evidence|research) (?:show|shows|say|says|prove|proves|tell|tells|suggest|suggests)\b",
    # (not "There are reasons in my head but none of them makes it ok")
    r"\bthere (?:was|were|is|are) (?:a )?(?:good |valid |solid )?reasons?\b(?![^.?!]{0,60}\bbut (?:none|not one|no)\b)",
    r"\b(?:it|that) was (?:a |an )?(?:tough|hard|difficult|business|strategic|commercial|necessary|judg(?:e)?ment) (?:call|decision|choice)\b",
    r"\b(?:that'?s|it'?s|this is) (?:the|our|company|practice|standard|normal) (?:procedure|policy|process|protocol|practice|rule|rules|terms)\b",
    r"\brules are rules\b",
    r"\bit'?s (?:the )?same for (?:all|every|everyone|everybody)\b",
    # (not taking it in: "tbh i get why you wouldnt want us back", "to be honest, you're right")
    r"\bto be honest\b(?![,.]? (?:about |i (?:get|understand|see|feel|felt|'d|would|can see|(?:'m|am) (?:angry|sorry|gutted|ashamed))|you(?:'re| are) right|(?:that'?s|it'?s) (?:fair|on me|hard))\b)(?=[^.?!]*\b(?:we|i|the|it|our|they|technically|actually)\b)",
    r"\btechnically\b",
    r"\b(?:our|the) (?:terms|policy|procedure|process|contract|sla) (?:are|is|says?|states?|requires?)\b",
    r"\b(?:it'?s|it is) being (?:processed|looked at|dealt with|handled)\b",
    r"\bthat'?s (?:just )?how (?:a |an |the )?(?:\w+ )?(?:organi[sz]ations?|compan(?:y|ies)|business(?:es)?|systems?|process(?:es)?|industr(?:y|ies)|world|it|things|this place|this ward|hospitals?|schools?) (?:works?|goes|is|are)\b",
    r"\bi (?:honestly |genuinely |really |just )?(?:thought|assumed|figured|believed|presumed) (?:you|that|it|we|they|he|she|this)\b",
    r"\b(?:maybe|perhaps|probably) (?:he|she|they|it|the \w+) (?:was|were|is|are|had|has) (?:just )?(?:tired|busy|stressed|having|under|doing|trying|short)\b",
    r"\b(?:i|we) (?:live|work|have|had|was|were|am|are) (?:\w+ ){0,3}(?:away|busy|far|miles|abroad|overseas|stretched|short[- ]staffed|understaffed)\b",
    r"\b(?:i|we) (?:send|sent|pay|paid|do|did|gave|give|put in|work) (?:\w+ ){0,3}(?:every|each|all the|so many|loads|lots)\b",
    r"\b(?:that|it) counts for something\b",
    # "I did tell you on Monday" insists; "I did say that." concedes their point (OWN)
    r"\b(?:we|i) did (?:warn|tell|say|mention|explain|send|offer|try)\b(?! (?:that|it|so)\W*$)(?![^.!?]{0,40}\b(?:you'?re right|yes|yeah|i'?m sorry|im sorry|sorry|and i(?:'m| am) sorry|and i shouldn'?t|i shouldn'?t|i regret)\b)",
    r"\bthere'?s (?:not much|nothing|little) (?:else )?(?:(?:i|we) can|to be) (?:do|done)\b",
    r"\b(?:i|we)(?:'ve| have) (?:already )?offered\b",
    r"[,.] actually[.!]*$",
    r"\b(?:i|we) (?:was|were) (?:only|just) (?:doing|following|trying)\b",
    r"\b(?:i|we) (?:pick|choose|select|decide|mark|grade|allocate) (?:on|based on|by|according to)\b",
    r"\b(?:these|such|those) things take time\b",
    r"\b(?:it|this|that) takes time\b",
    r"\bi(?:'m| am) afraid\b(?!\s+(?:i|we) (?:got|messed|let|was|were))",
    r"\bit (?:means|meant) (?:it'?s|that|we)\b",
    r"\b(?:is|was|are|were) actually\b",
    r"\b(?:standard|normal|common|usual|best|accepted) practice\b",
    r"\blet'?s not lose sight\b|\bdon'?t forget (?:that|we|i|the)\b|\bremember that (?:we|i|the|it)\b",
    r"\b(?:the )?(?:panel|committee|board|interview panel|decision) was (?:unanimous|fair|final|clear)\b",
    r"^(?:\w+ ){0,2}(?:isn'?t|is not|aren'?t|are not) (?:just|only) (?:about )?\w+",
    r"^(?:legally|technically|strictly speaking|on paper|contractually|officially|in fairness|to be fair(?! to (?:you|them|her|him|your)))\b",
    r"\b(?:would have|would'?ve|were going to|was going to) (?:\w+ ){0,2}anyway\b",
    r"\b(?:crazy|mad|busy|hectic|rough|long|manic) (?:week|day|month|time|shift|few weeks)\b",
    r"\b(?:it'?s|it has|it'?s) been (?:mad|crazy|hectic|manic|a nightmare|non-stop)\b",
    r"\bi'?ll save my breath\b",
    r"(?<!\bi )(?<!\bwe )\b(?:does|did|do) (?:say|state|mention|explain|make (?:it )?clear)\b",
    r"\bthe (?:treatment |booking |service )?(?:plan|contract|terms|policy|form|confirmation|booking|agreement|letter|email|quote|invoice|estimate) (?:you signed |you agreed to )?(?:says|said|states|stated|clearly|explains|mentions)\b",
    r"\bfirst come,? first served\b|\bwhen the (?:rota|schedule|system|policy|budget) allows\b",
    r"\bit'?s not about \w+(?: \w+)?,? it'?s about\b",
    r"\b(?:is|are) one of (?:our|the) (?:best|most \w+|top)\b",
    r"\b(?:someone|somebody) (?:has|had) to\b",
)

DENY = rules(
    # their account doubted: "or is that just your read?", "Who's everybody?"
    r"\bthere(?:'s| is| was|s)? (?:a bit of |some |just )?(?:a )?misunderstanding\b",
    r"\bor is (?:that|it|this) (?:just )?your (?:read|reading|opinion|interpretation|perception|take|impression|feeling)\b",
    r"\bwho(?:'s| is) (?:everybody|everyone)\s*\?",
    r"\bi (?:just )?(?:don'?t|do not) think (?:\w+ ){1,5}(?:is|are) the (?:real )?(?:problem|issue)\b",
    r"\b(?:that|this|it|which)(?:'s| is|s| was)? (?:just |simply |absolutely |completely |totally |clearly |really |frankly )?(?:not|n'?t|isn'?t|wasn'?t) (?:true|fair|right|accurate|correct|what happened|how it (?:was|happened|went|is)|the case|what i said|what i meant|what we agreed|how i remember it|(?:my|our) fault|on (?:me|us))\b",
    r"\b(?:that|this|it)(?:'s| is| was)? (?:completely |totally |just |simply |a bit )?(?:untrue|false|nonsense|rubbish|ridiculous|absurd|unfair|an exaggeration|a lie|bs|bullshit|not on me|a stretch|unreasonable|out of line|way off|inaccurate)\b(?! of (?:me|us))",
    r"\b(?:i|we) (?:never|did not|didn'?t|have not|haven'?t|do not|don'?t|wasn'?t|was not) (?:say|said|promise[d]?|ignore[d]?|mean|meant|agree[d]?|steal|stole|lie|lied|take credit|took credit|claim(?:ed)?|intend(?:ed)?|do that|did that|do anything wrong|did anything wrong|break|broke|commit(?:ted)?|guarantee[d]?|sign(?:ed)? off)\b",
    r"\byou(?:'re| are|re) (?:completely |totally |just |simply |clearly |being )?(?:wrong|mistaken|misremembering|misinformed|making (?:this|that|it|things) up|imagining (?:it|things)|twisting|putting words|confused|misunderstanding|misreading|not being fair|being unfair|unfair)\b",
    r"\bnot true\b",
    r"\bno(?:,)? (?:it|that) (?:isn'?t|wasn'?t|is not|was not|didn'?t|did not)\b",
    r"\b(?:that|it) never happened\b",
    # (not "I don't think that's what you came here for": declining to make excuses)
    r"\bi (?:don'?t|do not|can'?t|cannot) (?:think|agree|accept|believe|see how) (?:that'?s|that is|it'?s|it is|it was|that was|you'?re|you are|that|with that|with you|this)\b(?!(?:'s| is)? what you (?:came|come)(?: here)? for\b)",
    r"^(?:no|nope|wrong|incorrect|false)[.!,]",
    r"\bi disagree\b",
    r"\bthat'?s not (?:how|what) (?:it|i|we|this)\b",
    r"\b(?:i|we) (?:did|have) (?:so|absolutely|definitely|actually|certainly)? ?(?:follow(?:ed)? through|deliver(?:ed)?|show(?:ed)? up|call(?:ed)? you|tell you|told you|keep|kept)\b(?=.*\b(?:actually|just|already|in fact)\b)",
    r"\bactually,? (?:i|we) (?:did|have|was|were|do)\b",
    r"\bif you (?:check|look at|read|go back)\b",
    r"\bnot (?:really |exactly |entirely )?(?:on me|my fault|our fault|down to me|my problem)\b",
    r"\b(?:are|is|were|was) (?:completely |totally |entirely |two )?(?:separate|unrelated|different (?:matters|issues|things)|nothing to do with)\b",
    r"\bnobody (?:asked|told|forced|made) you\b",
    r"\b(?:i|we|he|she|they) (?:am|are|is|was|were|'m|'re|'s) not (?:hiding|protecting|ignoring|avoiding|punishing|targeting|picking on|favouring|favoring|lying|trying to)\b",
    r"\bwhy (?:on earth )?would (?:i|we)\b",
    r"\b(?:i|we) (?:didn'?t|did not|never) (?:laugh|mean|intend|want|try|plan|set out)\b",
    r"\bfull stop\b",
    r"\bno comment\b",
    r"^no,? (?:i|we|it|that|he|she|they) (?:haven'?t|didn'?t|don'?t|wasn'?t|weren'?t|won'?t|am not|'m not|'re not|are not|is not|isn'?t)\b",
    r"\b(?:i|we) (?:don'?t|do not|didn'?t|did not|never|wouldn'?t) \w+ (?:on purpose|deliberately|intentionally|to upset you|to hurt you)\b",
    r"\bi'?m sure (?:she|he|they|it|that|nobody|no one) (?:wasn'?t|didn'?t|isn'?t|doesn'?t|won'?t|never|meant|was only|was just)\b",
    r"\b(?:nobody|no one)(?: here| on (?:the|my) team)? (?:thinks|said|is saying|is calling|is accusing|meant|wants|is trying|has said|believes)\b",
    r"\b(?:it'?s|it is|it was) not as (?:if|though)\b",
    # their feeling kindly contradicted: "Don't say that, of course we value you!", "Please
    # don't blame yourself."; their account corrected: "you're underestimating how much I
    # pushed", "That's not the same as a guarantee.", "The jamboree I'll stand by though"
    r"^(?:(?:oh|aw+|come on|c'mon|hey|no)[,.!]* )*(?:please )?don'?t (?:say|talk like) that\s*(?:[.!,;]|$)",
    r"\bof course (?:we|i) (?:value|care about|appreciate|respect|love|rate) (?:you|your)\b|\bof course you matter\b",
    r"\b(?:(?:please )?don'?t|stop|quit) (?:blam(?:e|ing) yourself|be(?:ing)? (?:so )?hard on yourself|beat(?:ing)? yourself up)\b(?![^.?!]{0,120}\b(?:ours|mine|on (?:us|me)|my fault|our fault)\b)",
    r"\byou(?:'re| are) (?:underestimating|overestimating|overstating|exaggerating|misremembering|misreading|forgetting)\b(?! (?:how much you|yourself|nothing|the worst|how (?:good|well|hard) (?:he|she|they|you)|how much say)\b)|\byou(?:'ve| have) forgotten\b(?! nothing| the worst| what (?:i|we)| that (?:i|we))",
    r"(?<!i know )(?<!i know that )\b(?:that'?s|it'?s|that is|it is|that isn'?t|it isn'?t) (?:not )?(?:quite )?the same (?:thing )?as\b(?! (?:fixing|sorting|solving|making|doing|putting|actually|being|having|an answer|a fix|an apology|saying sorry)\b)(?![^.?!]{0,120}\b(?:i know|you'?re right)\b)",
    r"\b(?:i|we)(?:'ll| will)? stand by (?:(?:it|that|this|the (?:decision|call|choice|mark|grade|result|outcome|policy|rota)|my (?:decision|call|choice|words|comment)|our (?:decision|call|policy)|what (?:i|we) (?:said|did|decided|wrote))\b|(?=(?:though|still)\b|[.!]*$))(?![^.?!]{0,120}\b(?:you'?re right|by you|with you|my (?:fault|mistake|merge)|on me)\b)",
)

COUNTERATTACK = rules(
    # telling them how to behave next time: "Next time, perhaps knock.", "next time maybe check
    # your email first" (not an offer: "Next time, come straight to me and I will make time.")
    r"^(?:(?:and|so|also|oh)[,]? )?next time,? (?:perhaps|maybe|please|kindly|try (?:to|and)|you (?:could|might|should|can|may want to))\b(?![^.?!]{0,120}\bi(?:'ll| will| can| promise| should)\b)",
    # their view called a flaw of theirs: "That's pretty cynical", "maybe that's your problem"
    r"\b(?:that'?s|that is|you'?re being|you are being) (?:pretty |a bit |quite |very |really |so |rather |a little )?(?:cynical|dramatic|paranoid|hysterical|oversensitive|over-sensitive|touchy|precious)\b",
    r"\bmaybe (?:that'?s|that is) (?:part of )?(?:the|your) (?:problem|issue)\b",
    # (not asking after them: "and what about you, how are you doing with all of it")
    r"\bwhat about (?:you|your)\b(?!(?: \w+)?\W{0,3}(?:how (?:are|is|'s|have|has|do)|are you (?:ok|okay|alright|doing|holding))\b)",
    # "Four years and this is how you speak to me?", "Why should you be special?"
    r"\bthis is how (?:you|u) (?:speak|talk|treat|thank|repay) (?:to )?(?:me|us)\b",
    r"\bwhy should (?:you|u|your \w+) (?:be|get|have) (?:special|different|treated differently|an exception|priority)\b",
    # ingratitude, condescension, and "you know it": "After everything we've done for you",
    # "My dear boy, I was writing condition reports before you were born.", "That's a cheap
    # shot and you know it."
    r"\bafter (?:everything|all) (?:i|we)(?:'ve| have)? (?:done|did|gave|given|sacrificed)\b(?! wrong| to you\b| to hurt)",
    r"\bbefore you were (?:even )?born\b|\bmy dear (?:boy|girl)\b",
    r"^(?!.*\b(?:you(?:'re| are| were) right|i was wrong|my (?:fault|mistake)|on me)\b).*\band you know it\W*$",
    r"\b(?:look|looks) who'?s talking\b",
    r"\b<<THATS>> rich\b",
    r"\bcoming from (?:you|someone who|the person who|the one who)\b",
    r"\bpot (?:calling|and) (?:the )?kettle\b",
    r"\b(?:maybe|perhaps) (?:if )?you (?:should|could|need|ought|would|had|were|did|spent|spend|tried|focus|look|stop|started)\b",
    r"\bif you(?:'d| had| hadn'?t| had not| would| just| only| actually)? (?:just |only |actually |ever )?(?:read|listened|checked|bothered|looked|paid attention|come to me|asked|told me|done your|hit your|met your|answered|turned up|shown up|followed)\b",
    r"\byou (?:always|never|constantly|keep|continually|just|also|too|yourself|even) (?:complain|moan|whine|criticis|critici[sz]|attack|blame|exaggerat|overreact|interrupt|shout|yell|push back|resist|focus on the negative|make (?:this|it|everything)|jump to|assume|take things|see the worst|find (?:something|a reason|fault)|have (?:something|an excuse|a problem)|bring (?:this|it) up|do this|say (?:that|this)|miss(?:ed)?|forget|forgot|ignore|ignored|turn up late|go over|undermine|question|missed your|didn'?t (?:hit|meet|deliver|bother|read|check|ask|tell)|haven'?t (?:hit|met|delivered|bothered|read)|were late|are late|dropped|messed)\w*",
    r"\byou(?:'re| are|re) (?:not|hardly) (?:exactly )?(?:perfect|innocent|blameless|one to talk|a saint|easy to|helping|making (?:this|it) easy|the only one)\b",
    r"\byou(?:'re| are|re) (?:no better|hardly one)\b",
    # (not "You should have heard about that pledge from me": that owns it)
    r"\b(?:you|your team|your people|your department|your reps) (?:should|could|might|need to|needs to|ought to) (?:have|'ve)\b(?! (?:heard|been told|known|found out|got|had)\b[^.?!]{0,40}\b(?:from|by) (?:me|us)\b)",
    # (the gap holds no "I" or "we": in "pull your team off selling, and I haven't been", the
    # one who hasn't been is me)
    r"\byour (?:own )?(?:(?:attrition|sales|team'?s?|conversion|close|win|retention|churn|turnover|sickness|absence|quality|error|complaint|response) )?(?:numbers|team|attitude|tone|behaviou?r|performance|work|forecast|department|people|reps|sales|results|track record|pipeline|figures)\b(?:(?!\b(?:i|we|i'?ve|we'?ve)\b)[^.?!]){0,40}\b(?:too|as well|either(?! way\b)|no better|not exactly|aren'?t exactly|isn'?t exactly|hardly|worse|hasn'?t been|haven'?t been|weren'?t|wasn'?t)\b",
    r"\bnobody (?:forced|made) you\b",
    r"\byou (?:could|can) (?:always )?(?:leave|go elsewhere|find another|take your business)\b",
    r"\bif you (?:don'?t|do not) like it\b",
    r"\bmaybe (?:the|your) (?:problem|issue) is (?:you|your)\b",
    r"\bwhere were you when\b",
    r"\bmaybe you(?:'re| are) (?:not|the)\b",
    r"\bhow dare you\b",
    r"\bsays the (?:person|one|guy|woman|man) who\b",
    r"\bdon'?t (?:threaten|lecture|accuse|blame|talk to|speak to|shout at|point the finger at) me\b",
    r"\b(?:that'?s|this is|you'?re being) (?:emotional )?(?:blackmail|manipulat\w*|a low blow|out of order|uncalled for|so rude|ridiculous|insulting|unfair of you|a bit rich|rich)\b",
    r"\b(?:wasn'?t|isn'?t|weren'?t|aren'?t) (?:exactly|very|particularly) (?:friendly|fair|helpful|nice|kind|easy|great)\b",
    r"\bmind you\b",
    r"\bi (?:expected|expect|had expected) (?:better|more) (?:from|of) you\b",
    # (not what they have yet to say: "Is there a part of this you haven't said yet?",
    # "anything you haven't told me")
    r"(?<!thing )(?<!\bpart )(?<!\bbit )(?<!\bthat )(?<!\bwhat )(?<!\bmore )(?<!\bthis )(?<!\bit )\byou(?:'ve| have)? (?:never|didn'?t|did not|haven'?t|have not|hardly|barely) (?:once |even |ever |actually )?(?:told|asked|said|mentioned|rang|called|came|offered|bothered|thanked|helped|visited|checked|replied|answered|read|turned up|showed up|lifted|done|paid)\b",
    r"\byou (?:chose|decided|agreed|signed up|wanted) (?:to|this|that|it)\b",
    r"\byou(?:'ve| have)? (?:hardly|not exactly|barely) been\b",
    # "If you had listened, you'd know" - but not "If you were running it, what would you keep?"
    r"\bif (?:you|your \w+) (?:came|did|had|were|went|showed|put|made|took|listened|trained|tried|bothered|turned)\b(?![^.?!]{0,200}\b(?:what|how|which) (?:would|could|might) you\b)[^.?!]{0,200}\b(?:would|'d|might|could)\b",
    r"\bor (?:is it |was it )?(?:what )?you (?:want|wanted|need|think)\b(?=.*\?)",
    r"\b(?:you|u) (?:do|did|have|had) (?:the same|it too|that too|it yourself|worse)\b",
    r"\byou(?:'ve| have) done (?:the same|it too|that too|exactly the same|worse)\b",
    r"\btry doing my job\b|\byou think you'?ve got it bad\b",
    r"\byou (?:stop|quit) \w+ing\b",
    r"\b(?:haven'?t|didn'?t|doesn'?t|isn'?t|aren'?t|hasn'?t) help(?:ed|ing)?\b[^.?!]*\beither\b",
    r"\b(?:it )?would (?:help|be nice|be good|be great) if you\b",
    r"\bare you saying\b(?=.*\?)",
    r"\bis (?:that|this) a threat\b",
    r"\bis (?:this|it|that) (?:really|actually) about\b",
    r"\bwho (?:signed|approved|agreed|sent|checked|said)\b[^?]*\b(?:your|you)\b",
    r"^names\?",
    r"\bi (?:notice|noticed) (?:that )?you\b",
    r"\byou didn'?t (?:mind|complain|object|say anything|seem to mind)\b",
    r"\byou did (?:volunteer|ask|agree|sign|choose|say|want|book|approve)\b",
    r"\b(?:that'?s|this is) (?:a )?(?:very |pretty |rather |quite )?(?:serious|strong|big|bold|harsh|unfair) (?:accusation|allegation|claim|thing to say)\b",
    r"\b(?:that'?s|it'?s|this is) on you\b",
    # it was their own doing: "You're the one who asked for the transfer", "That deposit's on
    # you, Renee" (not "it's on you to decide"), "you never had a problem with it till now"
    r"\b(?:you'?re|you are|you were|ur|u r|u were) the (?:one|ones|person) (?:who|that) (?:asked|wanted|signed|agreed|chose|picked|decided|approved|requested|insisted|booked|ordered|said yes|put (?:it|in|your))\b",
    r"\b(?:that|this|it|the \w+|\w+)'s on (?:you|u)\b(?! to\b)(?!,? not\b)",
    r"\b(?:you|u) (?:never|didn'?t) (?:had|have|raised?|made?) (?:a |any )?(?:problem|issue|complaint|fuss)\b(?=[^.?!]*\b(?:before|till now|until now|when|then)\b)",
    r"\b(?:that'?s|it'?s|that is|it is) not (?:a )?(?:great|good) look for you\b",
)

BLAME = rules(
    # they did not tell us: "Then why nobody come back to tell us earlier?"
    r"^(?:(?:and|so|then|but|well)[,.]? )*why (?:did )?(?:nobody|no one|none of you) (?:\w+ ){0,3}(?:tell|told|let|inform|warn)\w* (?:us|me)\b",
    r"\bit (?:wasn'?t|was not) (?:just |only |entirely |solely )?my (?:decision|call|choice|idea)\b",
    r"\b(?:those are|that'?s|them'?s) (?:just )?the rules\b",
    r"\b(?:it|that|this)(?:'s| is| was|s)? (?:not|never|hardly) (?:my|our|really my) (?:call|decision|fault|department|problem|responsibility|choice|doing|area|remit|team|job)\b",
    r"\b(?:hr|finance|legal|head office|corporate|the board|the ceo|the cfo|my boss|my manager|management|leadership|senior leadership|the exec(?:utive)?s?|procurement|the vendor|the supplier|the courier|the system|the client|the other team|engineering|marketing|operations|ops|the union|the warehouse|the carrier|the contractor|the agency|the software|the process|the policy|the committee|the panel|the directors?|upstairs|the powers that be)(?:'s|s')? (?:decision|call|fault|idea|choice|doing|problem|rule|rules|policy|mistake|responsibility|remit|area)\b",
    r"\b(?:their|his|her) (?:decision|call|fault|idea|choice|doing|mistake|responsibility)\b",
    r"\b(?:blame|talk to|speak to|take (?:it|that|this|your complaint) up with|complain to|raise (?:it|that|this) with|go to|ask) (?:hr|finance|legal|head office|corporate|the board|the ceo|my boss|my manager|management|leadership|procurement|the vendor|the supplier|the other team|your manager|your rep|support|the helpdesk|customer service)\b",
    r"\b(?:out of|beyond|outside) my (?:hands|control|remit)\b",
    # the institution's sign-off as the answer: "HR signed it off", "legal approved it"
    r"\b(?:hr|legal|finance|head office|corporate|the board|the ceo|the cfo|management|leadership|senior leadership|the exec(?:utive)?s?|procurement|compliance|the council|the trust|the union|the committee|the panel|the regional office|the area manager|the directors?)(?: \w+)? (?:signed (?:it|this|that|the \w+) off|signed off (?:on )?(?:it|this|that|the)|approved|agreed|okayed|ok'?d|rubber-?stamped|cleared|green-?lit|sanctioned|mandated|insisted on|ruled on)\b",
    r"\babove my pay ?grade\b",
    r"\bi (?:was|am|'m|were) (?:just |only )?(?:told|instructed|asked|following (?:orders|instructions|the process|policy|the rules)|doing what i was told|the messenger)\b",
    r"\bmy hands (?:are|were) tied\b",
    r"\b(?:they|he|she|the team|the system|the vendor|the supplier|the courier|the other team|engineering|the software|the process|the warehouse|the carrier|the contractor|the agency|the algorithm|finance|hr|legal|management|leadership|the board|the client|the network|the bank|the update|the platform)(?: \w+)? (?:dropped|messed|screwed|failed|forgot|missed|didn'?t|did not|broke|lost|changed|decided|made (?:the|that|a)|should have|insisted|wanted|pushed|let us down|let me down)\b",
    r"\b(?:company|corporate|group|head office|hr) (?:policy|rules|guidelines|decision)\b",
    r"\bnot (?:up to|down to) me\b",
    r"\b(?:that|this|it) came from (?:above|upstairs|the top|head office|the board|leadership|management)\b",
    r"\bi (?:don'?t|do not) make the (?:rules|policy|decisions)\b",
    r"\b(?:\w+ )?(?:handles?|deals? with|looks? after|manages?|owns?) (?:that|this|it)(?:,)? not (?:me|us|my team)\b",
    r"^(?:it was |that was )?not me\b|\b(?:it|that) (?:wasn'?t|was not|isn'?t|is not) me\b",
    r"\b(?:the \w+|they|he|she) (?:wanted|asked for|insisted on|told me to|made me)\b",
    r"\blike everyone else'?s?\b",
    r"\bnot (?:my|our) (?:decision|call|choice|department|area|responsibility|doing|idea|remit)\b",
    r"\b(?:third[- ]party|outside (?:of )?(?:our|my) control|(?:can'?t|cannot) control)\b",
    r"\bcame (?:straight |directly )?(?:down )?from (?:the )?(?:top|above|ceo|board|head office|leadership|management|upstairs|corporate|hq)\b",
    r"\b(?:is|was) (?:actually )?(?:the )?(?:council'?s|hr'?s|their|his|her|the client'?s|the landlord'?s|the vendor'?s|the supplier'?s|the courier'?s) (?:responsibility|job|problem|call)\b",
    # (not the hypothetical "if it was your call, what would you cut")
    r"(?<!if it )(?<!if this )(?<!if that )\b(?:were|was|is|are) your (?:\w+ )?(?:booking|call|decision|responsibility|choice|idea|problem|job|department|area)\b",
    r"\bnot mine\b",
    # the policy, the law or the sign as the answer: "GDPR, sorry.", "no receipt no refund,
    # it's on the sign", "it's in the contract"; and the colleague who has left, the beds I
    # don't control
    r"(?:^|, |\b(?:because of|due to|under|it'?s|that'?s|it is|that is|sorry,?) )(?:the |a )?(?:gdpr|data protection)\b(?! (?:breach|failure|officer|law (?:says )?you|rights|doesn'?t|shouldn'?t|isn'?t|is no|or not|flag)\b)(?!(?: law)? (?:you|your)\b)(?![^.?!]{0,120}\b(?:our fault|on us|our part|on me|our (?:error|mistake)|(?:was|were) us|but (?:you|i'?m|i am|i'?ll|i will|i can|we can))\b)|^(?:patient |client )?confidentiality\b(?=\W*(?:(?:sorry|i'?m afraid)\W*)?$)|\b(?:because of|due to|for reasons of) confidentiality\b",
    r"(?<!forget )\bno receipt,? no refund\b(?![^.?!]{0,120}\b(?:but|overrid\w*|wrong|daft|ignor\w*)\b)|(?<!even )\bwithout (?:a|the|your) (?:receipt|proof of purchase)\b(?![^.?!]{0,60}\b(?:i|we) can (?:still|find|see|look)\b)|(?<!you're right, )(?<!youre right, )\b(?:it'?s|it is|it says|that'?s) (?:all )?(?:written |clearly )?(?:on|in) (?:the|our|your|ur) (?:sign|terms(?: and conditions)?|contract|small print|policy|t&cs?|tenancy agreement|lease|job description|handbook)\b(?=\s*(?:[.!;]|$|you (?:signed|agreed)|,(?!\s*(?:yes|yeah|and|but|though)\b)))|\bthat'?s what the (?:contract|lease|policy|terms|sign) says\b",
    r"\b(?:who|that) (?:has|have) (?:since|now) left\b|\bwho'?s (?:since |now )left\b|(?<=, )who'?s left\b|\bwho'?s left (?:since|now)\b|\b(?:doesn'?t|does not|no longer) works? (?:here|for us)\b",
    r"(?:\bi (?:don'?t|do not) control\b(?! everything)|\b(?:not in|out of|beyond) my control\b|\bi have no control over\b)(?![^.?!]{0,120}\bbut (?:i|we) (?:do|did|can|will|'ll|am|'m)\b|[^.?!]{0,120}\bbut (?:that'?s|it'?s|it is) (?:my|our|on me|on us|in my control)\b)",
)

MINIMISE = rules(
    # "That's very hard. I'm sure it will work out.", "I'm sure we can all move forward together."
    r"\bi'?m sure (?:we can all|it will|it'?ll|everything will|things will|we'?ll all) (?:move forward|work out|be fine|be ok|be okay|sort itself|get there)\b",
    r"\b(?:it|that|this)(?:'s| is| was|s)? (?:really )?(?:not|hardly|n'?t) (?:that|such a|a|really a|exactly a|the) (?:big|huge|major|massive) (?:deal|problem|issue|thing)\b",
    r"\b(?:it|that|this)(?:'s| is| was|s)? (?:not|hardly) (?:that|so) (?:bad|serious|important|big|much|long|hard|terrible|awful)\b",
    r"\b(?:it|that|this)(?:'s| is| was|s)? (?:just|only) (?:a|one|two|a few|a couple|once|twice|a little|a small|a minor|some|the one|for)\b",
    r"\bnot the end of the world\b",
    # everyone's lot, not theirs: "These situations are always difficult for everyone involved."
    r"\b(?:always|never) (?:easy|nice|pleasant|fun|difficult|hard|tough|stressful) for (?:anyone|everyone|anybody)\b|\b(?:difficult|hard|stressful|tough|upsetting)(?: (?:day|week|time|year|period))? for everyone involved\b",
    # "loadshedding has been difficult for all of us" (not "...for all of us, and most for you")
    r"\b(?:has been|have been|'s been|was|were) (?:\w+ )?(?:difficult|hard|tough|stressful|rough|a struggle) (?:for|on) (?:all of us|everyone|everybody|us all)\b(?!,? (?:and|but) (?:you|especially|most of all|yours)\b)",
    r"\b(?:could|might) (?:have been|be) (?:a lot |much |so much )?worse\b",
    r"\bno (?:real )?harm done\b",
    r"\bmaking (?:a|such a|this|it|a bit of a) (?:big deal|mountain|fuss|drama|thing)\b",
    r"\bmountain out of a molehill\b",
    r"\b(?:happens?|happened) to (?:everyone|everybody|all of us|every \w+|the best)\b",
    r"\bmistakes (?:happen|get made)\b(?!,? (?:and|but) (?:this|that|it|i|we|the)\b)",
    # platitudes in place of their point: "Try and stay positive.", "Chin up.", "It's a
    # stressful time for everyone."
    r"(?<!had to )(?<!have to )(?<!has to )\b(?:try (?:and|to) )?(?:stay|be|think|keep) positive\b|\bchin up\b",
    r"\b(?:stressful|difficult|hard|tough|busy|worrying|strange|uncertain) times? for (?:everyone|everybody|all of us)\b(?!,? (?:and|but) (?:you|especially|most of all|yours)\b)",
    r"\b(?:these|such|those) things happen\b",
    r"\b(?:it|that|this) happens\b(?! (?:is|isn'?t|was|wasn'?t) (?:not )?(?:good|ok|okay|acceptable|an answer|enough))",
    r"\blet'?s not (?:make|blow) (?:this|it) (?:bigger|into|up|out of)\b",
    r"\b(?:a|one|just a|only a) (?:minor|small|little|tiny|slight|brief|short) (?:issue|thing|hiccup|glitch|blip|delay|mistake|oversight|problem|slip|inconvenience|misunderstanding|outage)\b",
    r"\bin the grand scheme\b",
    # (not a plea: "can we at least start with good morning", "I can at least find out")
    r"(?<!\bcan we )(?<!\bcan i )(?<!\bcould we )(?<!\bcould i )(?<!\bcan you )(?<!\bcould you )(?<!\bcan )(?<!\bcould )(?<!\bshould )\b(?:at least|on the bright side|look on the bright side|it could be worse)\b",
    r"\b(?:everyone|everybody|all (?:of us|the teams)|every (?:team|manager|provider|company|vendor)) (?:does|did|has|have|goes through|deals with) (?:it|this|that|the same)\b",
    r"\bit'?s (?:only|just) (?:one|a|two|three|for)\b",
    r"\b(?:no|not a) (?:big )?deal\b",
    r"\b(?:you'?ll|it'?ll|you will|it will) (?:be fine|get over it|blow over|sort itself out)\b",
    r"\bit(?:'s| is| was) (?:nothing|not personal)\b",
    r"\bdon'?t (?:worry|stress) (?:about it|so much)\b(?! about (?:telling|saying|asking|upsetting|bothering|hurting|coming))",
    r"\bhardly (?:a|an|the|any|anything|worth)\b",
    r"\b(?:it'?s|its|it is) (?:just |only )?a (?:few|couple of|bit of|little)\b",
    r"\b(?:loads|lots|plenty|most|half|heaps) of (?:people|us|them|other|families|customers|students|parents|teams)\b",
    r"\bsometimes (?:kids|people|things|it|we|you|customers|patients|doctors|staff|deliveries)\b|\b(?:run|runs|get|gets|go|goes|happen|happens|sit|sits|are|is) (?:late |wrong |out |busy )?sometimes\b",
    r"\bit (?:all )?evens out\b",
    r"\b(?:everyone|everybody|all the (?:kids|players|staff|students)) gets? the same\b",
    r"\b(?:not|hardly) (?:the end of the world|a crime|a disaster|a tragedy|a big thing)\b",
    r"\bmistakes were made\b",
    r"\bis actually (?:pretty |quite |really |fairly )?(?:low|normal|fine|good|standard|small|reasonable|typical|common|average|minor)\b",
    r"\b(?:sorry|apologi[sz]e|apologies) for any (?:inconvenience|trouble|upset|confusion)\b",
    r"\b(?:loads|lots|plenty|most|heaps|many) of (?:our |the |my )?\w+s (?:are|have|do|manage|get|cope|go|had|were|deal|live|wait|pay)\b",
    r"\b(?:a|one|just a|only a) (?:very |really |fairly |pretty )?(?:minor|small|little|tiny|slight|brief|short) \w+",
    r"\bpart of the (?:experience|job|game|process|deal|fun|territory)\b",
    r"\b(?:is|'s) a (?:strong|big|harsh|bit strong|bit much) word\b",
    r"\b(?:sorry|apologi[sz]e|apologies) for the (?:inconvenience|trouble|delay)\b",
    r"\b(?:our|the) (?:\w+ )?(?:scores?|ratings?|figures|numbers|stats|results|reviews|feedback) (?:are|were|show|have been)\b",
)

# The script's way to end a call ("Is there anything else I can help you with today?"): a
# brush-off said to someone still upset, and a question that closes rather than opens.
SERVICE_CLOSE_PATTERN = r"\b(?:is there )?anything else (?:i|we) can (?:help|assist|do for)(?: you)?(?: with)?(?: for you)? today\b"
SERVICE_CLOSE = rules(SERVICE_CLOSE_PATTERN)

DISMISS = rules(
    # exasperation: "What else do you want me to say?", "I don't know what else you want"
    r"\bwhat (?:else|more) (?:do|did) you (?:want (?:me to say|from me)|expect)\b",
    r"\bwhat (?:were|are) you expecting(?: me to (?:say|do))?\s*\?",
    r"\bwhat (?:do|did) (?:you|u) (?:want|expect) me to do about (?:it|that|this)\W*$",
    r"\bwhat (?:do|did) (?:you|u) (?:want|expect) me to say(?:,? \w+)?\W*$",
    r"\bi (?:don'?t|do not) know what (?:else|more) you want\b",
    r"\bi(?:'m| am) not sure what (?:else|more) (?:i can (?:do|say)|you want|you expect)\b",
    r"\bit'?s not a (?:competition|contest|race)\b",
    r"\bmost people would (?:be|have been) (?:glad|happy|grateful|pleased|thrilled|delighted)\b",
    # their upset declared unreasonable: "I can't see why a schedule change would upset anyone"
    r"\bi (?:can'?t|cannot|don'?t|do not|really don'?t) (?:see|understand|get|imagine) (?:why|how) (?:\w+ ){0,6}(?:would|should|could|is going to|does) (?:upset|bother|annoy|offend|worry|matter to|hurt) (?:anyone|anybody|you|people|them|a grown)\b",
    r"\bwhy (?:would|should) (?:that|this|it|a \w+(?: \w+)?) (?:upset|bother|annoy|offend) (?:anyone|anybody|you)\b",
    r"\b(?:calm|settle|simmer|cool) down\b",
    # the non-apology for their feelings: "I'm sorry you're upset.", "I'm very sorry to hear
    # you're disappointed with the price."
    r"\bsorry (?:to hear )?(?:that )?you(?:'re| are| were| feel| felt) (?:so )?(?:disappointed|unhappy|dissatisfied|upset|frustrated|annoyed|unsatisfied)\b(?! (?:because|that) (?:i|we)\b)",
    # upset treated as a tantrum: "You're throwing your toys oot the pram a wee bit", "once
    # you've had a chance to compose yourself", "Is there a reason you're being so combative?"
    r"\b(?:throw(?:ing|n)?|chuck(?:ing)?|threw) (?:your|yer|his|her|ur) toys? (?:out|oot) (?:of )?(?:the )?pram\b",
    r"\bcompose yourself\b|\bonce you'?ve calmed down\b|\bwhen you'?re calmer\b|\bwhen you(?:'ve| have) calmed down\b",
    r"\b(?:why are you being so|is there a reason (?:you'?re|you are) being so) (?:combative|aggressive|hostile|difficult|rude|negative|defensive|emotional|dramatic|angry|nasty|personal|sarcastic)\b",
    # a plea about how they are saying it: "Can I at least sit down before you start?", "can we
    # at least start with good morning before you lay into me"
    r"\b(?:can|could) (?:we|i) (?:just )?at least\b[^.?!]{0,60}\bbefore (?:you|u)\b",
    # tone-policing: "Let's just keep it professional, yeah?", "Please can we keep this civil."
    r"\b(?:let'?s|can we|could we|we need to|please)\b[^.?!]{0,12}\bkeep (?:it|this|things) (?:professional|civil|polite|respectful)\b",
    # the institution's stock reassurance: "I want to reassure you that we take all feedback
    # very seriously", "we respect your feelings on the matter", "I appreciate your feedback."
    # (not "I want to reassure you I'll ring the ward myself today")
    r"\b(?:want|like|wish) to (?:re)?assure you\b(?![^.?!]{0,60}\b(?:i(?:'ll| will)|i'?m going to|today|tomorrow|tonight|personally|myself)\b)",
    r"\bwe (?:do |really |always )?take (?:all|every|any|such|each) (?:\w+ )?(?:complaints?|concerns?|feedback|cases?|incidents?|matters?|issues?|reports?|allegations?) (?:very |extremely |incredibly |really )?seriously\b|\bwe take (?:safeguarding|complaints|feedback|(?:patient |customer |client |student )?(?:safety|welfare|wellbeing)) (?:very |extremely |incredibly |really )?seriously\b",
    r"\b(?:we|i) (?:respect|appreciate|value) your (?:feelings|opinion|views?|perspective|feedback|input)(?: on (?:the|this) matter)?(?:\W*$|,? and (?:will|we(?:'ll| will)|i(?:'ll| will)) (?:look into it|take (?:it|that|this) on board|pass (?:it|that) on)\b)",
    # "I get that you're upset but we are doing everything we can", "I'm so sorry you're
    # feeling like this."
    r"\bwe(?:'re| are) (?:already )?doing (?:everything|all) (?:we can|in our power|possible)\b(?! (?:to|for)\b)",
    r"\bsorry (?:that )?(?:you(?:'re| are|re)|u r|ur) feeling (?:like (?:this|that)|this way|that way)\b",
    r"^(?:relax|chill)\b|\b(?:just|please) (?:relax|chill)\b",
    r"\btake a (?:deep )?breath\b",
    r"\bsorry to hear (?:that )?(?:you|u) (?:feel|felt|see it|think) (?:that way|like that|this way)(?=\s*(?:[.!]|$|,? but\b))",
    r"\b(?:i'?m |i am |(?:we're|(?<!\w )were) |we are )?(?:so |very |really )?sorry (?:that )?(?:you (?:feel|felt|see it|think)\b|you(?:'re| are| were) (?:offended|so upset)|if you|you see it (?:that way|like that)|you think (?:that|so)|you took it)\b",
    r"\bsorry if (?:you|that|i|anyone|it|this) (?:felt|feel|were|was|got|came across|caused|seemed|upset|offended)\b",
    r"\byou(?:'re| are|re) (?:being )?(?:too |so |a bit |a little |overly |very |way too |just )?(?:emotional|sensitive|dramatic|hysterical|touchy|defensive|negative|aggressive|hostile|worked up|wound up|overreacting|overthinking|paranoid|precious|difficult|unreasonable)\b",
    r"\bdon'?t take (?:it|this|that) (?:so )?personally\b",
    r"\b(?:get|got) over it\b",
    r"\blet it go\b",
    r"\b(?:just|need to|have to|got to|gotta|time to|let'?s|should|must) move on\b",
    r"\bit is what it is\b",
    r"^whatever\b(?! you (?:want|say|need|like|think|decide)| it is| it's| happened| the (?:reason|problem|answer)| is going on)|\bwhatever[.!]*$",
    r"\bnot worth (?:getting|being) (?:upset|worked up|angry)\b",
    r"\bdon'?t be (?:so |silly|dramatic|ridiculous|like that)\b",
    # kindly contradicting the feeling, or calling their point nonsense: "Please don't feel like
    # that.", "That doesn't even make sense."
    r"\bdon'?t (?:feel|think) (?:like that|that way)\b(?! about yourself)",
    # their tone as the subject: "I can't talk to you when you're like this.", "Can you not
    # shout at me?", "being short with me won't make the engineer arrive any quicker"
    r"\b(?:can'?t|won'?t|not going to|not gonna|am not|i'?m not) (?:talk|speak|talking|speaking) to you (?:when|while|if|until|like this)\b",
    r"\bbeing (?:short|rude|nasty|aggressive|snippy|snappy|abusive) (?:with|to) me (?:won'?t|will not|doesn'?t|does not|isn'?t|is not)\b|\b(?:stop|no need for|there'?s no need for) being (?:short|rude|nasty|aggressive|snippy|snappy|abusive) (?:with|to) me\b|\bcan you not (?:shout|swear|raise your voice|yell|talk to me like)\b",
    # showing them the door: "Go then, if that's how you feel."
    r"^(?:fine[,.]? )?(?:go|leave) then\W*$|\b(?:go|leave) then,? if that'?s how you feel\b",
    # the form letter's thanks in place of an answer: "Your contribution is very much valued."
    r"\byour (?:contribution|input|loyalty|service|flexibility|hard work|commitment) (?:is|has been) (?:very much |really |truly |greatly |so |highly )?(?:valued|appreciated)(?: (?:here|by (?:us|all of us|everyone here|the team|the company)))?\W*$",
    r"\b(?:that|this|it) (?:doesn'?t|does not) even make (?:any )?sense\b(?!(?: to (?:me|us))? either\b)",
    r"\b(?:lower|watch|mind) your (?:voice|tone|language)\b",
    r"\bthere'?s no need (?:to|for) (?:shout|be rude|get upset|raise|yell|the attitude|that tone|swear)\b",
    r"\bi (?:won'?t|will not|refuse to) (?:be spoken to|be talked to|tolerate)\b",
    r"\byou(?:'re| are|re) overreacting\b",
    r"\bover ?react(?:ing|ion)\b",
    r"\bif (?:you|that|this) (?:made|makes) you (?:upset|feel)\b",
    r"\bsnap out of it\b",
    r"\b(?:grow|man) up\b",
    r"\bthat'?s life\b",
    r"\bstop (?:complaining|moaning|whining|being)\b",
    r"\bcome on\b(?!\s+(?:in|up|over|through|round|around|down|back|inside|along|aboard|upstairs|downstairs)\b)",
    r"\brelax[.!]*$|\brelax,",
    r"\b(?:that'?s|it'?s|thats) (?:up to you|your (?:choice|call|problem|decision|lookout))\b",
    r"\bit'?s a \w+,? not a \w+\b",
    r"\b(?:doesn'?t|does not|won'?t|will not) change (?:the|anything|a thing|the process|the outcome)\b",
    r"\b(?:that'?s|it'?s) your (?:prerogative|funeral)\b",
    r"\b(?:no need|don'?t need) to take that tone\b|\bdon'?t (?:speak|talk) to me like that\b",
    r"^up to you\b",
    r"^(?:(?:go on|come on|so|then|ok(?:ay)?)[,.]? )*name (?:one|1|a single)(?: (?:time|thing|example|occasion))?(?: (?:when |that )?(?:i|we)\b(?! (?:could|can|would|should|might)\b)(?![^.?!]{0,60}\b(?:so (?:i|we) can|(?:i|we)(?:'ll| will)|to check|look into|i want to (?:hear|know)|i'?d like to)\b)[^.?!]{0,60})?\W*$",
    # a bare "wow, ok" or "here we go" in answer to their complaint: exasperation, no reply
    r"^(?:wow|woah|whoa|oh)[.!,]*\s*(?:ok(?:ay)?|right|alright|then)[.!]*$",
    r"^(?:(?:oh|and|ugh|right)[,.]? )*here we go(?: again)?[.!]*$",
    # scripted words in place of an answer: "your feedback is important to us", "we value all
    # our members"
    r"\byour (?:feedback|call|comments?|custom|business) (?:is|are) (?:very |really )?(?:important|valuable|valued) to us\b",
    r"\bwe value (?:all )?(?:of )?our (?:customers|members|clients|patients|residents|guests|staff|tenants)\b",
    # the script's way to close the call, said to someone still upset
    SERVICE_CLOSE_PATTERN,
    r"\b(?:thank you|thanks) (?:so much |very much )?for (?:your|the) feedback\b",
    r"\btake (?:it|that|this|your (?:feedback|comments)) on board\b",
    r"\b(?:everyone|everybody|you)(?:'s| is| are|'re) entitled to (?:their|your|an) opinion\b",
    r"\bit'?s (?:a |an |only |just )?\w+(?: \w+)?,? not (?:a |an |the )\w+",
    r"\bplease (?:step|stand|move) (?:to the side|aside|back)\b",
    # the brush-offs of a form letter: "Ok. Noted.", "Your feedback has been noted.", "I'll bear
    # it in mind.", "Someone will get back to you."
    r"^(?:(?:ok(?:ay)?|right|yes|well)[,.]? )?(?:duly )?noted(?:,? (?:with )?(?:thanks|thank you|cheers))?[.!]*$|\b(?:your (?:feedback|comments?|concerns?|complaint)|it|that|this)(?: has| have|'s|'ve) been (?:duly )?(?:noted|logged|recorded|passed on|forwarded|registered)\b(?![^.?!]{0,120}\b(?:but|times|and (?:i|i'?m|i'?ll|i'?ve|she'?s|he'?s|she|he)|nothing happened|ignored)\b)",
    r"\b(?:i|we)'?ll (?:bear|keep) (?:it|that|this|your \w+) in mind\b(?=\s*(?:[.!]|$|,? (?:thanks|thank you|for (?:next time|the future|future reference)|going forward)\b))|^someone (?:will|'ll) (?:get back to|be in touch with|contact) you\b",
    r"\byour (?:feedback|comments?|custom|business) (?:is|are) (?:truly |extremely |greatly )(?:important|valuable|valued|appreciated)\b|\bwe (?:really |truly |do )?value your (?:feedback|comments|input|custom|business)\b",
    # tone-policing: "There's no need for that.", "You don't have to be sarcastic", "I'm not sure
    # I like the tone of that"
    r"\bthere'?s no (?:need|call) for (?:that|this)(?=\s*(?:[.!,;]|$))(?![^.?!]{0,120}\b(?:sorry|apologi[sz]e|every (?:right|reason))\b)|^(?:there'?s )?no (?:need|call) to be like that\b|\bless of the (?:attitude|lip|cheek|tone)\b",
    r"\byou (?:don'?t|do not) (?:have|need) to be (?:so )?(?:sarcastic|rude|nasty|snide|like that|aggressive|personal|hostile|abusive|horrible)\b",
    r"\bi(?:'m| am) not (?:sure i like|keen on|happy with|okay with|ok with) (?:the|your|that) tone\b(?! (?:i|of my|in my|we)\b)(?![^.?!]{0,80}\b(?:with|to|at|sent|sending|gave|give) you\b)|\bi (?:don'?t|do not) (?:like|appreciate) (?:the|your) tone\b(?! (?:i|of my|in my|we)\b)(?![^.?!]{0,80}\b(?:with|to|at|sent|sending|gave|give) you\b)",
    # platitudes that close the subject: "Life's not fair, son.", "Tyler's not your business.
    # You worry about you.", "Let's just move forward?", "Oh love don't cry."
    r"\blife(?:'s| is) not (?:always )?fair\b(?! (?:on|to|for) you)(?! (?:isn'?t|is not|won'?t be|wasn'?t) (?:an|the|my|a) (?:answer|excuse|reason)\b)|\blife (?:isn'?t|is not) (?:always )?fair\b(?! (?:on|to|for) you)(?! (?:isn'?t|is not|won'?t be|wasn'?t) (?:an|the|my|a) (?:answer|excuse|reason)\b)|\bnobody (?:said|says|ever said) life (?:was|is) fair\b",
    r"\b(?:not|none of) your (?:business|concern)\b(?! (?:to|alone|either)\b)|(?:^|\bjust )you worry about (?:you|yourself|your own)\b(?![^.?!]{0,120}\b(?:i'?ll|i will|i'?m (?:taking|doing|going)|let me)\b)|\b(?:it|that|this) (?:doesn'?t|does not) concern you\b",
    r"\b(?:let'?s|lets|can we|could we) (?:just )?(?:move forward|draw a line|put (?:it|this|that) behind us)\b(?! together)",
    r"\b(?:please )?don'?t cry\b(?! (?:alone|on your own|by yourself|in)\b)|\b(?:stop|quit) crying\b|\bno need to cry\b",
)

DEFLECT = rules(
    r"\b(?:let'?s|lets|we can|we'?ll|can we|we should|i'?d rather|i'?ll|maybe we can|how about we) (?:talk|discuss|deal with|pick (?:this|it|that) up|circle back|revisit|take (?:this|it|that) offline|table|park|come back to|cover|address|go over|look at) (?:about )?(?:this|it|that|the \w+)?\s*(?:later|another time|tomorrow|next week|next time|offline|when|after|some other|at the|in the|on monday|on friday|in a (?:bit|while)|another day|at a later|once)\b",
    r"\b(?:now|today|this) (?:isn'?t|is not|'s not) (?:a good|the right|the best) (?:time|moment|place)\b",
    r"\bi (?:don'?t|do not) have (?:time|the time|a lot of time|long)\b",
    r"\bi(?:'m| am) (?:busy|in the middle of|late for|about to|on my way|heading)\b",
    r"\bcan we (?:do|talk about|pick up|finish|continue|have) (?:this|it|that) (?:later|another time|tomorrow|some other time)\b",
    r"\b(?:let'?s|lets|can we) (?:focus on|get back to|stay on|stick to|move on|talk about something|change the subject|not go there|not get into|not dwell)\b(?! (?:getting|fixing|sorting|solving|making|finding|what (?:we|i) can))",
    r"^(?:anyway|anyhow|moving on|be that as it may|regardless)\b",
    # a vague brush-off instead of an answer: "Fair enough. I'll see what I can do.", "Ok. I'll
    # pass that on.", "ok. I'll think about it."
    r"^\W*(?:(?:ok(?:ay)?|fair enough|fine|right|sure|noted|alright)[,.!]*\s+)*i'?ll (?:see what i can do|pass (?:that|it|this|them|your \w+) (?:on|along)|think about it|have a think)\W*$",
    r"\bthat'?s (?:a )?(?:separate|different|another) (?:issue|conversation|discussion|topic|matter|question)\b",
    r"\b(?:put|send|write|pop) (?:it|that|this|me) (?:in|an?) ?(?:an? )?(?:email|ticket|note|writing|form|request)\b",
    r"\bnot what this (?:meeting|conversation|call) is (?:about|for)\b",
    r"\b(?:raise|bring) (?:it|that|this) (?:at|in|to) (?:the|your|our|next) (?:meeting|review|one-to-one|1:1|retro|committee)\b",
    r"\bbook (?:some )?time (?:in my|with my)\b",
    r"\bcan (?:this|that) wait\b",
    r"\b(?:let'?s|lets) (?:schedule|set up|book|arrange) (?:a|some|another) (?:time|meeting|call|chat)\b(?!.*\b(?:today|now)\b)",
    r"\bi(?:'m| am) not (?:going|here) to (?:discuss|talk about|get into|go into|debate|deal with|argue about|have this)\b|\bi(?:'m| am) not getting into\b",
    r"\bwe (?:can|could) (?:talk|discuss) (?:this|it|that) (?:later|another time|when)\b",
    r"\bi(?:'ve| have) got (?:a|another) (?:meeting|call)\b",
    r"\blet'?s not (?:do|have|get into|go into|start) (?:this|that|it)\b",
    r"\bi (?:don'?t|do not|can'?t|cannot) (?:discuss|comment on|go into|talk about)\b",
    r"\b(?:can we|let'?s|could we) (?:stick to|keep to|focus on|deal with) one\b",
    r"\b(?:let'?s|we can|we'?ll|can we) (?:talk|discuss|pick (?:this|it) up|go through (?:this|it)) (?:about (?:this|it|that) )?(?:properly |in detail |more |further )?(?:at|in|on|after|when|later|tomorrow|next)\b",
    r"\bhard stop\b",
    r"\b(?:that|it) was (?:a )?(?:different|previous|the old|the last) (?:team|manager|management|management team|regime|era|time|owner|administration)\b",
    r"\bi (?:wasn'?t|was not) (?:even )?(?:here|around|in the role|in charge|in post|working here)(?: then| at the time| back then| yet)?[.!,]",
    r"^(?:honestly,? )?(?:i'?m|i am) (?:\w+ ){0,2}(?:too|as well)[.!]*$",
    # putting it off: "Let's chat Thursday, ok?", "Can we maybe talk tomorrow when it's
    # calmer?", "Do you want to stop here and pick it up tomorrow?", "Let's sync later today?"
    r"\b(?:let'?s|lets|can we|could we|shall we|maybe)(?: maybe| just| perhaps)? (?:chat|talk|speak|sync|catch up|pick (?:this|it|that) up|discuss (?:this|it|that)|regroup|reconvene)(?: about (?:this|it|that))?(?: over (?:a )?(?:coffee|brew|cuppa|lunch|drink))?(?: properly| more)? (?:later|tomorrow|monday|tuesday|wednesday|thursday|friday|next week|after(?! you(?:'ve| have)\b)|another time|when (?:it'?s|you'?re(?! ready)|things|(?:we're|(?<!\w )were)|everyone))(?![^?]{0,120}\bor (?:would you (?:rather|prefer)|do you want|keep going|carry on|now|today|right now)\b)(?![^.?!]{0,60}(?:\bat \d|\d(?::\d\d)? ?(?:am|pm)\b|\bjust you and me\b|\bfor as long as\b|\bwhen (?:you'?re|your|you are) ready\b|\bi'?ll (?:be there|come|clear|book|bring)\b))",
    r"\b(?:do you want|would you like|shall we|should we) (?:to )?(?:stop|leave it|pause|call it a day)(?: here| there| for now| for today)?(?: and)? (?:pick (?:it|this) up|come back|continue|carry on|talk)\b(?![^?]{0,120}\bor (?:would you (?:rather|prefer)|do you want|keep going|carry on|now|today|right now)\b)",
    r"\b(?:let'?s|lets) (?:stay|keep|remain) focused on\b(?! (?:you|your|what you|getting you|how you|(?:the )?(?:burnout|hurt|harm|impact|upset))\b)|\b(?:let'?s|lets|can we|could we) (?:just )?(?:park (?:this|it|that)|circle back(?![^.?!]{0,80}\b(?:i|we) (?:rushed|skipped|brushed|glossed|missed)\b)|take (?:this|it|that) offline|leave (?:it|this|that) (?:for|till|until) (?:tonight|now|today|tomorrow|later|the morning))\b|\bcatch you later\b|\bi can'?t get into (?:this|it|that)\b|\byou(?:'d| would|'ll| will) (?:need|have) to (?:raise|take) (?:that|this|it) (?:up )?with\b(?![^.?!]{0,120}\b(?:i'?ll|i will|i'?ve|i have|i can) (?:\w+ )?(?:come|write|help|go|book|ring|call|raise|sit|do)\w*\b)",
    # a change of subject, or their question handed to someone else: "While I've got you, where
    # are we on the renewal?", "That's really a conversation for her."
    r"\bwhile i'?ve got you\b(?![^.?!]{0,120}\b(?:sorry|apolog|owe you|thank))|\bon (?:a|an) (?:separate|different|unrelated|other) note\b(?![^.?!]{0,120}\b(?:sorry|apolog|owe you|thank|should have|if you need|do you want me to|i'?ve (?:\w+ ){0,2}(?:knocked|asked|told|cancelled|refunded|sorted|booked|taken|credited|waived)))|^(?:anyway,? |ok,? )?changing the subject\b|^(?:oh,? )?(?:by the way|btw|before i forget)\b(?![^.?!]{0,120}\b(?:sorry|apolog|owe you|thank|should have|if you need|do you want me to|i'?ve (?:\w+ ){0,2}(?:knocked|asked|told|cancelled|refunded|sorted|booked|taken|credited|waived)))",
    r"\b(?:that'?s|it'?s|this is) (?:really |more )?(?:a conversation|a question|a matter|one) for (?:her|him|them|your \w+|hr|the \w+)\b(?! and me\b| of us\b)(?![^.?!]{0,120}\b(?:i'?ll|i will|i'?m (?:going to|asking)|with you|not just|but i'?m not)\b)",
    # the focus turned to my own story or my own troubles: "I know exactly how you feel, my dad
    # had a fall last year", "honestly ive been feeling pretty rubbish about all this too"
    r"\bi (?:know|understand) (?:exactly )?how you feel[,.;]? (?:my \w+|when (?:i|my)|the same)\b|^(?:the )?same (?:thing )?happened (?:to|with) (?:me|my)\b",
    r"\b(?:i'?ve|ive|i have) been (?:feeling )?(?:\w+ ){0,2}(?:rubbish|awful|terrible|bad|low|stressed|crap|down|guilty)\b[^.?!]{0,120}\b(?:too|as well)(?:,? (?:to be honest|honestly))?\W*$",
    # "This is really hard for me too, you know.", "honestly this is awful for me too" (not "for
    # you, and for me too": theirs first)
    r"(?<!you, )(?<!you )(?<!yours, )\b(?:this|it|that)(?:'s| is| has been| was|s) (?:\w+ ){0,2}(?:hard|awful|difficult|tough|rough|horrible|terrible|painful|stressful|upsetting|not easy) (?:for|on) me (?:too|as well)\b",
)

SARCASM = rules(
    r"\boh (?:great|wow|sure|right|yeah|brilliant|please|really|lovely|good)\b",
    r"\byeah,? right\b",
    r"\bsure,? because\b",
    r"\bhow (?:nice|lovely|wonderful|convenient|typical) (?:for you|of you|that)?\b",
    r"\bthanks (?:a lot|a bunch|for nothing)\b",
    r"\bwell,? (?:excuse|pardon|forgive) me\b",
    r"\bsorry (?:for|that) (?:i|we) (?:exist|breathe|have a job|did my job|tried)\b",
    r"\bcongratulations\b(?=.*\b(?:you|on)\b)",
    r"\bmust be nice\b",
    r"\bwhat a (?:surprise|shock)\b",
    r"\b(?:happy|satisfied|pleased) now\??",
    r"^(?:happy|satisfied)\?",
    r"\b(?:clearly|obviously) you(?:'re| are)? (?:the expert|never|always|know best|know everything)\b",
    r"\bi(?:'m| am) so sorry (?:that )?(?:our|my|your) (?:little |precious )?\w+ (?:offends|upset|upsets|bothers|inconvenienced)\b",
    # an exclamation, not a relative clause ("someone who knew who Greenaway are")
    r"^(?:(?:well|oh|ha|lol|wow)[,.!]* )*who knew\b",
    r"\bwell done(?:,| you)\b(?=.*(?:!|\?))",
    r"\bheaven forbid\b",
    r"\bshocking[.!]*$",
    r"\bboo(?:-| )hoo\b",
    r"(?:🙄|🙃|😒|/s\b)",
    r"\bcry me a river\b",
    r"\bsorry,? your majesty\b",
    r"\bnews flash\b",
    r"\bgood for you\b(?=.*[.!]$)",
    r"\b(?:what'?s|whats|what is) (?:the|it) (?:\w+ )?this time\b",
    r"\bthis time\?",
    r"\bi'?m sure (?:the|that|it|you)\b[^.?!]*\b(?:real|such a|so) \w+ for you\b",
    r"\bsave my breath\b",
    r"\bthat'?s really helpful to know\b",
    r"^so (?:now )?(?:i'?m|i am|(?:we're|(?<!\w )were)|we are) (?:a |an |the )?(?!clear\b|sorted\b|done\b|square\b|agreed\b|good\b|all good\b|ok(?:ay)?\b|fine\b|all set\b|set\b|booked\b)\w+(?: \w+)?(?: now)?,? (?:great|brilliant|lovely|perfect|fantastic|wonderful|nice|charming)\W*$|^(?:great|fantastic|brilliant|lovely|perfect|wonderful)[,.!]* (?:so )?now (?:i'?m|i am|(?:we're|(?<!\w )were)|we are)\b(?! (?:clear|getting (?:somewhere|there)|on the same page|sorted|agreed)\b)",
    r"\b(?:glowing|rave|lovely) (?:review|feedback|report|compliment)\b",
)

CAPITULATE = rules(
    r"^(?:fine|ok(?:ay)?|alright|all right|right)[,.!]* (?:then[,.]* )?(?:(?:we'?ll|i'?ll|we will|i will) (?:just )?(?:cancel|scrap|drop|stop|do whatever|leave it|forget it|give you (?:the|whatever|what you want)|back off|pull)|whatever|you win|have it|do what|you can have|consider it|no more)\b",
    r"\byou win\b",
    r"\bwhatever you (?:want|say|need|think)\b",
    r"\bhave it your (?:way|own way)\b",
    r"\bi give up\b",
    r"\b(?:i|we)(?:'ll| will) (?:just )?(?:cancel|scrap|drop|stop|end|kill|abandon|undo|reverse|pull|withdraw|ditch|bin|axe|shelve|call off|do whatever|do anything|give you whatever)\b",
    r"\b(?:consider it|it'?s) done\b",
    r"\bno more (?:retreats|offsites|workshops|meetings|programmes|programs|changes)\b",
    r"\bforget (?:the|it|about (?:the|it))\b(?=.*\b(?:we|i)\b)",
    r"\b(?:i|we)(?:'ll| will) do (?:whatever|anything) you (?:want|say|need|like)\b",
    # "Fine, take it." / "Just have the role.": a handing over, said as a command (not "how
    # did they take it", a question about someone else)
    r"(?:^|[,;:]\s*|\b(?:just|fine|ok|okay|then|so|here)[,]?\s+)(?:take|have) (?:it|the job|the role|the credit|the lead|whatever you want)[.!]*$",
    r"\bfine,? (?:you|it'?s yours)\b",
)

QUICK_FIX = rules(
    r"\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| can| could| shall) (?:(?:just|personally|immediately|make sure to|definitely|absolutely|right away|quickly|happily|gladly|at least) )?(?:fix|sort|solve|resolve|refund|credit|compensate|comp|discount|waive|send|give you(?! (?:the |a |an |my )?(?:real|honest|straight|full|proper|true|whole)(?: \w+)? (?:answer|version|story|picture|reason|truth)\b)|get you|get (?:it|this|that|someone)|make (?:sure|it up|it right|this right|amends|changes)|ensure|look into|escalate|put (?:together|in place|out|you)|set up|schedule|book|assign|add|hire|move|change|update|rewrite|redo|reschedule|arrange|organi[sz]e|offer|throw in|take care of|handle|deal with|expedite|prioriti[sz]e|push|call|talk to|speak to|raise|email|announce|correct|credit|include|introduce|create|start|launch|run|bring in|invite|promote|reconsider|review|double|increase|find|restore|replace|upgrade)\b",
    r"\blet me (?:fix|sort|make it up|make it right|make this right|get|send|refund|credit|offer|see what i can do|talk to|speak to|handle|take care|escalate|look into|arrange|set up|put together|correct)\b",
    r"\b(?:here'?s|this is) what (?:i|we)(?:'ll| will|'re going to| are going to)? ?do\b",
    r"\b(?:i|we) promise (?:to|it|we|i|that|you)\b",
    r"\b(?:it|this|that) (?:won'?t|will not|will never) happen again\b",
    r"\b(?:i|we)(?:'ll| will) make sure (?:it|this|that) (?:never|doesn'?t|does not|won'?t)\b",
    r"\b(?:as (?:a )?(?:goodwill|gesture)|by way of apology|to make up for)\b",
    r"\b(?:a|an|some|the) (?:refund|credit|discount|voucher|free month|months? free|compensation|goodwill gesture|bonus|raise|pay rise|payrise|title change)\b(?=.*\b(?:i|we)(?:'ll| will| can| could)\b)",
    r"\b(?:free|off) (?:of charge|for (?:a|the|three|two|six) months?)\b",
    r"\b\d+ ?% off\b",
    r"\b(?:i|we)(?:'ll| will)\b(?! (?:not (?:pretend|argue|defend|make excuses|hide|deny|lie|interrupt|waste|dress (?:it|this|that) up)|try (?:to|and) (?:give (?:you|it to you)|answer|explain|be (?:honest|straight|clear|open))|be honest|admit|say|listen|hear|try to understand|try and understand|think|need|have to|never forget|always|be straight|own|take that|keep listening|stop talking|shut up|leave it|let you|wait|see you|talk (?:to you )?(?:later|soon|tomorrow)|(?:just )?(?:listen|keep (?:quiet|my mouth shut|it zipped)|(?:be|stay|keep) (?:quiet|silent)|hold my tongue|not interrupt|hear you out|shut up|zip it|stop interrupting|try (?:to|and) listen|answer (?:it|that|you|anything|everything|honestly|straight)|(?:give|tell) you (?:the |a |an |my )?(?:real|honest|straight|full|proper|true|whole)(?: \w+)? (?:answer|version|story|picture|reason|truth)\b|tell you (?:straight|honestly|the truth)|tell you (?:what|why|how|where|when|who) (?!we(?:'ll| will)\b|i(?:'ll| will)\b)|explain\b)))",
    # ("let me check I've understood" checks their point, not the order)
    r"\blet me (?:comp|refund|credit|fix|sort|get|send|arrange|book|call|ring|chase|check(?! (?:that |if |whether )?(?:i|we)(?:'ve|'m| have| am)? (?:understood|understand|got|get|heard|have|read|follow|am|'m|right))|change|move|put|take|give|offer|cover|pay|transfer)\b",
    r"\blet'?s (?:get|go|do|draft|set|put|make|sort|fix|agree|split|try|start|book|schedule|move|change|swap|rotate|share)\b",
    r"\bfrom now on\b",
    # "give me 5 mins to find out who was on", "let me find out what happened"
    r"\b(?:give me|gimme|give us) (?:\d+|one|two|five|ten|a (?:few|couple of)|a) ?(?:mins?|minutes?|secs?|seconds?|moment|sec|ticks?|mo|hours?|days?) to\b(?! (?:think|take (?:it|that|this|in)|process|breathe|get my head (?:round|around)|read|understand|find the (?:right )?words|make sure i)\b)|\blet me (?:just )?find out\b(?! from you| if i| whether i)",
    r"\b(?:it|that|this|the \w+)(?:'ll| will) be (?:in|done|fixed|sorted|with you|there|paid|ready|back|live|resolved)\b",
    r"\b(?:i|we) won'?t (?:do|let) (?:it|that|this) (?:happen )?again\b",
    r"\bshall we (?:do|set|try|make|get|split|agree|start)\b",
    r"\b\w+(?: \w+)? will be (?:live|fixed|sorted|done|ready|with you|back|paid|restored|resolved|up|credited|refunded|corrected|replaced)\b",
    r"\b(?:(?:we're|(?<!\w )were)|we are|i'?m|i am) (?:already |now |currently )?(?:pulling|fixing|sorting|refunding|sending|chasing|looking into|working on|adding|changing|removing|replacing|rolling back|correcting|booking|arranging|calling)\b",
)

INVITE_COLLABORATION = rules(
    r"\b(?:let'?s|lets) (?:work|figure|sort|think|talk|look at|map|plan|go through|find a way|decide|agree)(?: \w+){0,4} together\b",
    r"\b(?:work|figure|sort|think|solve|shape|decide|find|build|plan|do) (?:this|it|that|something|a way|this out|it out|out)(?: \w+){0,3} together\b",
    r"\bhow (?:can|could|should|might|do|would) we\b",
    r"\bwhat (?:can|could|should|might|would) we\b",
    r"\bwhat (?:would|do) you (?:suggest|recommend|propose|want to see|need from me|like to see|want from me|need|want|have in mind)\b",
    r"\bwhat would (?:help|make (?:it|this|that|things) (?:right|better|work|easier)|good look like|success look like|\w+ (?:\w+ )?look like (?:to|for) you|you want|a fair (?:outcome|result|fix)|work for you|need to (?:happen|change))\b",
    r"\bi(?:'d| would) (?:really )?(?:like|love|value|welcome|appreciate) your (?:help|input|ideas|view|take|advice|perspective|thoughts|suggestions)\b",
    r"\b(?:will|would|could|can) you (?:help|work with|join) me\b",
    r"\bhow do you (?:want|think we should|see (?:us|this|it|things)|suggest)\b",
    r"\b(?:can|could|shall) we (?:work|figure|sort|think|look at|go) (?:on )?(?:this|it|that)? ?(?:out|through)?\s*together\b",
    r"\bwhat do you (?:think|reckon) we should\b",
    r"\b(?:your|the team'?s) (?:ideas|input|help|view|voice|say) (?:on|about|in|matters)\b",
    r"\bin (?:the|a) room\b(?=.*\b(?:you|your)\b)",
    r"\b(?:co-?design|co-?create|shape (?:it|this|that|what|how))\b",
    # "would you help shape the customer side?", "will you help us decide?"
    r"\bhelp (?:us |me )?(?:shape|design|decide|plan|define|choose|set up|build|write|work out)\b",
)

SHARED_PURPOSE = rules(
    r"\bwe (?:both|all) (?:want|care|need|agree|are trying)\b",
    r"\b<<WERE>> (?:on the same (?:side|team|page)|both trying|all trying|in this together|after the same)\b",
    r"\bour (?:shared|common|joint) (?:goal|purpose|aim|interest|mission|ground)\b",
    r"\bwhat matters to (?:both of us|us both|all of us|us all)\b",
    r"\b(?:the|a) (?:same|shared|common) (?:goal|thing|outcome|aim|purpose)\b",
    r"\bwe all want\b",
    r"\b(?:you and i|both of us) (?:want|care|need)\b",
)

NAME_OWN_REACTION = rules(
    r"\b(?:this|that|it|what you(?:'re| are)? saying)(?:'s| is| was| has been)? (?:really |genuinely |honestly |a bit |pretty |quite )?(?:hard|difficult|tough|not easy|uncomfortable|painful) (?:for me )?to (?:hear|take|listen to|sit with)\b",
    r"\bi (?:notice|can feel|feel) (?:myself|i(?:'m| am)|that i)\b",
    r"\bi(?:'m| am) (?:tempted|inclined|itching) to (?:defend|argue|explain|jump in|push back|justify)\b",
    r"\bmy (?:first |initial )?(?:instinct|gut|reflex|reaction|temptation|urge|first reaction) (?:is|was) to (?:defend|argue|explain|jump in|push back|justify|get defensive)\b",
    r"\bi (?:feel|felt|am feeling|'m feeling|'m getting|am getting) (?:a bit |a little |quite |really |very )?(?:defensive|embarrassed|uncomfortable|stung|ashamed|caught out|exposed|rattled|thrown)\b",
    # "I've read the timeline and I'm embarrassed by it."
    r"\bi(?:'m| am) (?:so |really |honestly |a bit |quite )?(?:embarrassed|ashamed|mortified|gutted) (?:by|about|of|at) (?:it|that|this|how (?:i|we)|what (?:i|we))\b",
    r"\b(?:that|it|this) (?:stings|hurts to hear|lands|hits home|hits hard)\b",
    r"\bi (?:want|need|have) to resist\b",
    r"\bi(?:'m| am) (?:trying|going to try) not to (?:be defensive|get defensive|defend|argue|jump in|interrupt)\b",
    r"\bpart of me (?:wants|want) to\b",
)

ALL_RULES: dict[Move, Sequence[re.Pattern[str]]] = {
    Move.own: OWN,
    Move.appreciate: APPRECIATE,
    Move.justify: JUSTIFY,
    Move.deny: DENY,
    Move.counterattack: COUNTERATTACK,
    Move.blame: BLAME,
    Move.minimise: MINIMISE,
    Move.dismiss: DISMISS,
    Move.deflect: DEFLECT,
    Move.sarcasm: SARCASM,
    Move.capitulate: CAPITULATE,
    Move.quick_fix: QUICK_FIX,
    Move.invite_collaboration: INVITE_COLLABORATION,
    Move.shared_purpose: SHARED_PURPOSE,
    Move.name_own_reaction: NAME_OWN_REACTION,
}

# Which move each phrase rule signals, by its place in the prefilter's index.
RULE_MOVE: dict[int, Move] = {
    i: move
    for move, patterns in ALL_RULES.items()
    for p in patterns
    if (i := INDEX.index_of(p)) is not None
}
PHRASE_RULES: frozenset[int] = frozenset(RULE_MOVE)

YES_BUT_CONNECTIVE = re.compile(
    # (a space opens it only where a run of spaces starts: linear on a reply of 20,000 spaces)
    r"(?:,|;|\.|^|(?<!\s)\s)\s*(?:but|however|though|although|that said|having said that|on the other hand|at the same time|nevertheless|even so|except)\b[,]?\s*"
)
