"""Replies written for each shipped scenario's persona (seed 0): listening and inquiring ones
that reach the breakthrough, defensive ones that end in a walk-out, and a content-free one."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import SCENARIOS

FIXED_NOW = datetime(2025, 3, 4, 8, 40, tzinfo=UTC)
OTHER_NOW = datetime(2026, 11, 5, 17, 50, tzinfo=UTC)

SCENARIO_IDS = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))

# Listening and inquiring replies, one scenario each, for seed 0. Each answers the line the
# persona has just said (the opening, then each revealed concern or reaction in turn). Every
# set reaches its breakthrough by its fourth reply (a reply that touches a concern can bring it
# out); the flagship's set is exactly that long, since the app tests count its turns.
BREAKTHROUGH_REPLIES: dict[str, list[str]] = {
    "frustrated-sales-director": [
        "You're saying the retreats and vision sessions are pulling the division away from "
        "customers, and you're frustrated that I'm asking your team to sell while I'm sitting in "
        "offsites. What have you been seeing out there that I'm missing?",
        "I told you I'd be there with you at key accounts, and twice I chose a retreat instead. "
        "That's on me, and it left you answering for me in front of Halvorsen. What has that "
        "meant for you and the team this quarter?",
        "Eighteen percent behind with six weeks to go, Finance already asking you for a recovery "
        "plan, and you expect to be the one left holding it when the number is missed. That "
        "sounds lonely. How has the purpose work been landing with your customers?",
        "So Marta asked you about our packaging pledge and you had to stand there in front of "
        "your biggest account without knowing what we'd committed to. That must have been "
        "humiliating. What do you want the purpose work to look like from where you sit?",
    ],
    "union-steward": [
        "Your members are being asked to stand at a whiteboard ten minutes before the whistle "
        "talking about wins, and you've come up before anyone gets written up for refusing. "
        "What is it about the huddles that's got the floor refusing?",
        "Dennis has the best scrap rate on Line 3, and my board puts him in red every morning "
        "with his name on it where everybody walks past, and now he has stopped coming in. I put "
        "that board up. When your members look at it, what do they think it's really for?",
        "So Hollis promised from a pallet that nobody would lose their job, your members handed "
        "over two hundred and twelve ideas, and forty-three people lost their jobs anyway. No "
        'wonder an idea card reads as "who\'s next". How did your members first hear about my '
        "program?",
        "It sounds like a lot has built up since the boards went up, and you have been carrying "
        "it for your members on your own. I do want the list. What's at the top of it for you?",
        "I didn't call you, not once, and I picked the coordinators through the supervisors as "
        "if the local didn't exist. Now your own members think you signed off on it and Gary "
        "Voss is using it against you in March. That's on me. What would it take for you to "
        "trust this program at all?",
        "It sounds like nobody asking is what stings most, and it's not the first time the floor "
        "has been handed a program. You talk about Ashby 2020 like you saw it from close up. "
        "What was it like for you back then?",
        "You've carried the deburr idea and the eleven jobs on your own for years, and you're "
        "still willing to build this if it's in writing that nobody loses a job for an idea and "
        "you're in the room when it's run. That's a fair ask. What would you need that letter "
        "to say?",
    ],
    "passed-over-for-promotion": [
        "Eight years here, and the role went to someone who has been here fourteen months. You "
        "want the real answer from me, not the one from the channel, and you deserve that. "
        "Before I give you my reasons, what has it been like for you since the announcement "
        "went out?",
        "I posted it in the channel and you found out from a notification on your way to the "
        "car, then had to congratulate Jess in front of everyone before you had heard a word "
        "from me. I should have told you myself first. What had you been hoping this role would "
        "mean for you?",
        "I told you in April it was yours to lose, and you turned down Corvel and six thousand "
        "more because of what I said. Then I gave the role to Jess without a word to you. No "
        "wonder yesterday felt personal. Where does that leave you now?",
        "It sounds like you have been carrying that on your own since yesterday, with nobody "
        "saying it out loud. That is a lot to sit with. What have you been thinking about since "
        "then?",
        "You rang Corvel from the car before you'd even driven off, and you don't want to go, "
        "you just don't want to be part of the furniture here for another eight years. I hear "
        "that, and I don't want to lose you. What has this year been like for you outside of "
        "work?",
        "You've been taking your dad to his hospital appointments twice a week since October, "
        "and you think that's what cost you the role, and part of you worries I was right. What "
        "you minded most is that I decided for you instead of asking you. I should have asked. "
        "What would you want your path here to look like?",
    ],
    "credit-taken-by-peer": [
        "You're right. I stood in front of Helen and presented your team's model, and when she "
        'asked who built it I said "we". That was your team\'s work, and I let it be taken as '
        "mine. What has it been like for you since yesterday?",
        "The true one. You have every reason to doubt I can hear it after yesterday. How has "
        "this landed with your team?",
        "Jonas spent six weeks and two weekends building it, and this morning he was at your "
        "desk asking if his project had been taken away, and you had nothing to tell him "
        "because of what I did. I'm sorry, to him and to you. What did you want the model to do "
        "for your team?",
        "That model was your case for the two analysts you've asked for three years running, "
        "and now Helen thinks my team can do it, so the heads follow the credit. I put your "
        "planning case at risk. What does it mean to you that it was me who did this?",
        "You sent it to me the same day because I asked as a friend, and you wouldn't have done "
        "that for anyone else on the leadership team. You trusted me and I didn't deserve it. "
        "That's not on you. What has been keeping you up about this?",
        "Twelve years of letting the work speak for itself, passed over twice for people who "
        "were better in the room, and on Wednesday your work finally spoke in my voice. No "
        "wonder you're asking whether you've been invisible. You haven't been to me. What would "
        "putting this right look like to you?",
    ],
    "angry-customer": [
        "Fifty-two minutes on hold on the busiest Saturday of your year, with twenty-three "
        "stores full of customers and not one till taking a card. You had every right to keep "
        "me waiting. What did Saturday actually cost you in the stores?",
        "Your biggest day of the spring, and you took ninety-six thousand instead of three "
        "hundred and ten, mostly in cash, with four thousand trays of bedding plants that won't "
        "last to next weekend. That's a brutal hit. What was it like for the people working the "
        "tills that day?",
        "Kayleigh is nineteen, had a tray of begonias thrown at her till, cried for twenty "
        "minutes and went back out because you were short. And all you had to give your "
        "managers was a ticket number from us. I'm sorry we left you with nothing to tell them. "
        "How is Saturday being seen at Greenaway beyond the stores?",
        "Graham put you on the spot in front of the whole board this morning, and Alan enjoyed "
        "it, because you were the one who chose us. So this landed on you personally. What has "
        "it been like being the one who picked us?",
        "You don't want to leave; you want a reason to go back to Graham and say you were "
        "right, because you thought we were partners and on Saturday you were treated like a "
        "ticket. You weren't a fool to think it. We let you down. What would give you that "
        "reason?",
    ],
}

# Defensive replies, written for each situation: justify, deny, blame, minimise.
DEFENSIVE_REPLIES: dict[str, list[str]] = {
    "frustrated-sales-director": [
        "The retreats are not a distraction, they are how we stay aligned as a leadership team.",
        "That's not fair. I have been to plenty of customer meetings this year.",
        "Honestly, if your team's numbers are slipping, that's on you, not on the purpose work.",
        "The purpose work was agreed by the whole leadership team, so it isn't my call alone.",
    ],
    "union-steward": [
        "The boards are not about blame, they're about giving teams visibility of their own "
        "numbers.",
        "With respect, head office asked for this program and I am just implementing it.",
        "If your members would give the huddles a chance, they would see it's not what you think.",
        "It's only ten minutes a day. It's not a big deal.",
    ],
    "passed-over-for-promotion": [
        "It was a close call, but Jess simply interviewed better and showed more leadership "
        "presence.",
        "It wasn't just my decision; HR and the panel agreed on it.",
        "You're being a bit emotional about this, Marcus. It's only a title.",
        "The process was fair and I followed it to the letter.",
    ],
    "credit-taken-by-peer": [
        "I did credit your team, it was on slide fourteen.",
        "We had a deadline and there was no time to go through who built what.",
        "Honestly, you're overreacting. My team added the commercial numbers, so it is partly "
        "ours.",
        "It's just one email. Nobody will remember it next week.",
    ],
    "angry-customer": [
        "The outage was caused by a third-party update, it was not something we could have "
        "prevented.",
        "Our service agreement covers response times, and we were within them.",
        "We did offer you ten percent off May, which is more than the contract requires.",
        "Honestly, card outages happen to every provider now and then.",
    ],
}

MINIMAL = "ok"
