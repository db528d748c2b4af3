"""Is this reply English? An offline, deterministic check that never flags English for
merely lacking English words.

    english_verdict(text) -> (is_english, confidence)   confidence: "high" | "medium" | "low"

A reply is called not English only on positive evidence of another language, or of no
language at all:
  * letters of another script (Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK, Hangul, ...);
  * frequent words of another language that are not English words (the lists below: function
    words, greetings and apologies of 31 languages, among them Spanish, Portuguese, French,
    German, Dutch, Italian, Polish, Romanian, Turkish, Hindi/Urdu in Latin letters, Nigerian
    Pidgin, the Scandinavian languages, Indonesian/Malay, Tagalog, Swahili, Czech, Hungarian,
    Finnish, Welsh, Irish), French/Italian elisions ("c'est", "l'abbiamo"), and words spelt
    with letters English does not use (ñ, ã, ß, ł, ş, ő, ă, ...);
  * as a last resort, four or more ordinary words (3+ letters, not capitalised) of which
    hardly any (< 15%) is a common English word: a language the lists do not cover;
  * a keyboard mash: every word is a run of neighbouring keys ("asdf", "qwertyuiop"), one
    letter held down ("jjjjj"), or five or more consonants with no vowel ("bcdfg"), and no word
    of any list is there ("asdf qwer zxcv", "jjjjj kkkk");
and that evidence has to outweigh the English words around it: two or more foreign words
making up 60% of the evidence (words in no list count half towards it once there are two),
or a lone foreign word with no English word beside it that is distinctive (6+ letters or
accented) or comes with two more words in no list. Common English words come from
SCOWL (language_en_words.txt, shipped next to this module and read once, on first use); loan
words and phrases English speakers use ("touché", "c'est la vie", "mea culpa", "gracias") and
words that are common in both English and another language ("die", "was", "per", "son") count
for neither side. Names with accents ("José", "Zoë") count half. A reply with no evidence
either way (an emoji, "gr8", a name) is English.

Confidence is about the verdict:
  high   - clear evidence for it and none against;
  medium - little evidence (one or two words) or a little against it;
  low    - evidence on both sides: a reply that mixes English with another language.
In the judge (detect.py): (False, _) -> "does not look like English", low-confidence scores;
(True, "low") -> partly in another language, read on its English part; otherwise as usual.

Plain Python, no third-party dependency, no network, no state: the same text always gets
the same verdict. Reading the 12,800-word list takes about 10 ms, once; a chat-length reply
(about 90 characters) takes about 15-20 microseconds, a 20,000-character one about 5 ms,
growing linearly with length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Literal

__all__ = ["Evidence", "WordLists", "english_verdict", "explain", "verdict_from", "word_lists"]

Confidence = Literal["high", "medium", "low"]

MAX_CHARS = 20_000  # like the judge: longer replies are read on their first 20,000 characters
WORD_LIST = "language_en_words.txt"  # the SCOWL-derived list, package data next to this module

# --- word lists ---------------------------------------------------------------------------


# Frequent words of other languages that are not (common) English words. Keep out of these
# lists: English words and chat spellings ("wat", "dat", "ya", "ye", "na", "ty", "mat", "ale"),
# loans English speakers use ("merci", "ciao", "amigo"), and single letters.
FOREIGN_WORDS: dict[str, str] = {
    "es": """
        que qué del los las unos unas está están estoy estás estamos estaba estaban eres soy
        somos fue fui ser estar por para pero porque porqué cuando cuándo donde dónde cómo como
        cuál cual quién quien muy más también tambien nos vosotros nosotros ellos ellas usted
        ustedes él ella esto eso esta este ese esa estos esas aquí aqui ahí ahi allí alli
        entonces pues bueno verdad siento sientes siente sentir perdón perdon disculpa disculpe
        disculpas lamento tengo tienes tiene tenemos tienen hay hace hacer hecho puedo puedes
        puede podemos quiero quieres quiere necesito necesitas necesita sé sabes sabe saber
        sabía sabia creo dices dice dijo dijiste entiendo entiendes todo toda todos todas nada
        algo alguien nadie nunca siempre ahora hoy mañana ayer luego después despues antes mucho
        mucha muchos muchas poco hasta desde sobre entre han hemos había habia habría tenía
        tenia vamos voy vas ver mira oye cosa cosas otra otro otros gente tiempo día dia
        favor llores cuéntame cuentame dime pasó paso pasa preocupa preocupes vale entiende
        también mis tus sus una uno un el lo le les se te mi tu su es en de y con sin al o
        ni hola adiós
    """,
    "pt": """
        não nao sim você voce vocês voces eu ele ela nós eles elas meu minha meus minhas seu sua
        teu tua isso isto aquilo esse essa este aqui ali lá muito muita muitos também tambem
        mais mas porque quando onde como os um uma uns umas dos das na nas num numa pelo pela
        pelos pelas com sem para ser estar estou está estão estava foi era tem tenho temos têm
        ter fazer faz fiz feito posso pode podemos quero quer preciso sei sabe acho obrigado
        obrigada desculpa desculpe peço peco imensa entendi entendo percebo ainda já agora hoje
        amanhã amanha ontem depois antes sempre nunca nada tudo alguém alguem ninguém ninguem
        coisa gente dia vez então entao pois ficou ficar apareceu ligou nem até cada vai vou
        vamos tá né aí conta devia avisado aconteceu culpa minha precisa é o a de e do da no
        que em
    """,
    "fr": """
        je tu il elle nous vous ils elles le les un une des du au aux ce cet cette ces ça qui
        que quoi quel quelle quels est et suis es sommes êtes sont ai avons avez ont était
        étais été être avoir fait faire pas ne plus très tres bien mais ou où donc avec sans
        dans sur sous chez comme aussi encore déjà deja toujours jamais rien tout tous toute
        toutes quelque chose désolé desole désolée desolee comprends comprend compris sais
        savais peux peut veux voulais dois dit dis dire parler vraiment franchement alors oui
        non mon ma mes ton ta tes sa ses leur leurs notre votre vos moi toi lui eux en là
        entendu aurais prévenir prevenir passé passe exactement quand quoi pourquoi comment
        merci beaucoup bonjour salut d'accord
    """,
    "de": """
        ich du er sie es wir ihr mich dich mir dir uns euch ihm ihn ihnen mein meine meinen
        dein deine seine unser unsere der das dem des ein eine einen einem einer kein keine
        nicht nichts auch aber und oder weil dass daß wenn wie wer wo warum wann ist sind bist
        waren habe hast haben hatte hätte hatten wird werden wurde kann kannst können konnte
        muss musst müssen soll sollte sollen willst möchte sehr schon noch nur mal ja nein doch
        zu von auf aus bei nach über vor leid entschuldigung entschuldige tschuldigung verstehe
        versteht weiß weiss wirklich genau passiert gesagt sagen gemacht machen mache jetzt
        heute gestern immer nie alles etwas jemand niemand hier dort dann denn eigentlich
        vielleicht natürlich bitte danke recht fragen erzählt vorgelesen verletzt habe tut
        mir dir sich zum zur im
    """,
    "nl": """
        deze wordt worden kunt uw werd zal alleen nieuwe maken gebruiken zoals tussen omdat mogelijk kon veel goed zien komen laat zeker graag bedankt dank
        ik jij jou jouw hij zij wij jullie het een dit zijn ben bent waren heb hebt heeft hebben
        niet geen wel ook maar en te voor naar bij uit aan nog zo hoe waarom wie waar wanneer
        daar snapt begrijp begrijpen weet weten gelijk spijt echt hoor nou eenmaal gewoon
        toch nooit altijd alles iets niets iemand mij mijn haar hun ons onze gebeurd precies
        zeggen gezegd doen gedaan gaat gaan kan moet moeten wil willen zou zouden werkt wist
        de je ze
    """,
    "it": """
        il lo le un uno una di da del della dei delle allo alla nel nella con per su tra fra
        è sono sei siamo siete hai abbiamo avete hanno essere avere fatto fare non che chi cosa
        perché perche quando dove quale quanto molto tanto troppo poco più piu anche ancora già
        gia sempre mai niente nulla tutto tutti qualcosa qualcuno mi ti ci vi si ne mio mia
        miei tuo tua suo sua nostro vostro loro questo questa quello quella qui qua lì scusa
        scusami scusi dispiace davvero ragione capisco capito sai sa posso puoi può voglio vuoi
        devo dobbiamo bene grazie prego allora però pero quindi comunque adesso ora oggi domani
        ieri successo gestita esattamente lo sapevo
    """,
    "pl": """
        nie tak się sie że ze jest są jestem jesteś jestes był była było byłem bylem byłam mam
        masz mamy mają czy dlaczego kiedy gdzie kto ja ona wy oni mnie ci mi jej jego ich nas
        mój moj moja twój twoj twoja przepraszam dziękuję dziekuje proszę prosze bardzo dobrze
        dobra wiem wiesz wiedziałem wiedzialem rozumiem racja rację racje powiedzieć powiedziec
        powinienem powinnam właściwie wlasciwie stało stalo już juz jeszcze teraz dzisiaj jutro
        wczoraj zawsze nigdy nic coś cos ktoś ktos tylko też tez dla przez przy pod nad matko
        kurde kurcze ciebie ważne wazne takie naprawdę naprawde jak
    """,
    "ro": """
        și să nu eu tu el ea noi voi ei ele mă te îmi imi îți iti îi mi ți avem aveți aveti
        este sunt fost fi pe în cu de din despre pentru dar că ce cine unde când cand de foarte
        mai încă inca deja acum azi mâine maine ieri niciodată niciodata mereu tot toate nimic
        ceva cineva pare rău rau scuze scuzați scuzati mulțumesc multumesc bine dreptate
        trebuia trebuie anunț anunt întâmplat intamplat știam stiam atât atat grav tine meu
        mea tău tau său sau nostru vostru lor asta ăsta aceasta acesta acolo aici si sa
    """,
    "tr": """
        ve bir bu şu ben sen biz siz onlar beni seni onu bana sana ona bizim sizin benim senin
        için icin ile de da mi mı mu mü ne neden niye nasıl nasil nerede kim ama çok cok daha
        gibi kadar sonra önce şimdi simdi bugün bugun yarın yarin dün dun hiç hic hep var yok
        evet hayır hayir tamam peki özür ozur dilerim haklısın haklisin teşekkürler tesekkurler
        sağol sagol lütfen lutfen oldu olmuş olmus olarak olduğunu oldugunu önemli onemli
        söylemeliydim biliyordum bilmiyordum anlıyorum anliyorum değil degil tam sana önceden
        kadar
    """,
    "hi": """
        hai hain kya nahi nahin mujhe tumhe tujhe aap aapko aapne kar karo karna karte raha rahe
        rahi tha thi ho hoga haan haa acha accha achha theek thik bhai matlab kyun kyu kaise
        kaisa kahan kab kaun mein mera meri mere tera teri tere tumhara tumhari hum humko hamara
        woh yeh bhi sab kuch bahut bohot abhi phir lekin aur ka ke ko se pe dena dunga dungi
        chahiye chahte pata samajh samjha bata batao batana bataiye bolo dekh dekho chalo jao
        jaana wala wali wale hua hui gaya gayi diya liya ji arre arey yaar toh bas zara thoda
        jaldi kal aaj kyunki isliye sahi galti maaf kijiye keh kehna pehle jaise tension nahin
        tumhe chahiye
    """,
    "pcm": "abeg wetin wahala sabi pikin una sef abi oya shey haba dey dem don jare ehn comot",
    "sv": """
        jag är och det att inte har ett mig vi ni som på för av vad varför hur nej förlåt
        forlat borde sagt något nagot rätt ratt ursäkta tack bra också ocksa jätte jatte men
        någon nagon kanske alltid aldrig
    """,
    "da": """
        på fra som denne dette skal blev bliver være eller hvis kunne skulle ingen alle nye kun hvor når før efter meget godt vi jer vores sig
        jeg ikke og det er hvad hvorfor hvordan undskyld fejl tak beklager helt rett har mig
        også ogsa noget nogen aldrig altid måske maske
    """,
    "no": "på fra som denne dette skal ble blir være eller hvis kunne skulle ingen alle nye kun hvor når før etter mye godt dere deg meg seg vår jeg ikke det og hva hvorfor hvordan unnskyld beklager takk helt rett noe også",
    "id": """
        boleh sila gagal telah tersebut dalam pada adalah atau jika tiada semua baru masa buat ialah kepada oleh
        saya aku kamu anda dia kami kita mereka ini itu yang dan di ke dari untuk dengan tidak
        bukan sudah belum akan bisa mau maaf terima kasih tahu soal apa kenapa bagaimana juga
        sangat saja lagi nanti sekarang sih dong kok nggak gak enggak
    """,
    "tl": """
        ang ng mga sa ko ako ikaw siya kami tayo sila hindi opo talaga kasi pero lang naman
        pasensya kasalanan salamat ano bakit paano ito iyan yan na po
    """,
    "sw": """
        kwa ni za katika huo samahani asante sana ndiyo hapana sikujua kwamba nini wewe
        mimi yeye sisi ninyi wao shida habari tafadhali ulikuwa na
    """,
    "cs": """
        je se že ze jsem jsi jste jsou není neni ano máš máte má jak proč proc kdy kde kdo já
        ja vy oni mi ti tě mě tak protože protoze promiň promin omlouvám omlouvam pravdu pravda
        děkuji dekuji prosím prosim opravdu nevím nevim měl mel říct rict
    """,
    "hu": """
        és egy nem igen vagy hogy csak nagyon köszönöm koszonom bocsánat bocsanat igazad
        sajnálom sajnalom kellett volna szólnom szolnom miért miert hol ki te én ő ők van
    """,
    "fi": """
        ei ja se että etta mutta kun minä mina sinä sina hän te olen olet oli olisi anteeksi
        kiitos kyllä kylla mitä mita miksi minun sinun oikeassa pitänyt pitanyt kertoa
    """,
    "hbs": """
        je sam si smo ste su nije da za od se što sto kako zašto zasto gdje gde izvini oprosti
        žao zao mi hvala molim imaš imas pravo bila
    """,
    "cy": """
        mae mae'n yn ddim dw dwi rwy rwyf roedd oedd wedi gyda hefyd ond beth pam sut ble
        ddrwg gen diolch gwybod doeddwn chi nhw hwn hyn
    """,
    "ga": "tá níl orm agam raibh bhfuil conas cad mé tú sé sí brón fhios go_raibh maith agat",
    "et": "või voi selle pole saa tuleb oma kui mitte ei ole ja et kas mis miks vabandust aitäh aitah tean teadnud seda sina mina tema meie nad väga vaga aga",
    "ha": "hakuri sani kuma yaya sannu nagode ina",
    "yo": "jowo binu kini bawo pelu",
    "sq": "nuk është eshte dhe një nje për që qe mund duhet jeni faleminderit nga të në",
    "eu": "eta bat dut zer ezin izan edo ere baina hori hau nik zuk barkatu eskerrik asko",
    "ca": "és amb però molt els jo ell nosaltres perdó gràcies ho sento",
    "af": "hierdie vir sal nuwe kon moet geen ook ek jy nie het dit ons baie dankie jammer",
    "vi": "toi khong cua cho nhung duoc roi xin loi biet chuyen",
}

# Common English words that are also common in another language: evidence for neither side.
NEUTRAL = frozenset(
    """
    a o e y w v z
    die was hat will war also man van over door even son ton car pour plus per bin gut
    la al na ne da ma med mar mat ale ay ye ya ty bo po od co ok okay om op er dat wat dit
    den dan ada ali sam meg men har dig min din till av tack bra ban va ta ai ii fi cum cu
    pe os mo ba oo ho ca toll kind gift arm rot bad bald hell fast see mist
    og sim non hun ik yeh biz var dw gen mam
    hola adiós adios ciao merci gracias amigo amiga amigos nada bonjour danke señor señora
    mañana fiesta siesta
    """.split()
)
# Words of the lists above that stay foreign evidence although English has them too: they are
# rare in English chat and very common in the other language.
FOREIGN_OVER_ENGLISH = frozenset(
    "sin con que del los las une des vous nous sie sind wir der ich und auf".split()
)

# Loan words English speakers use as English (some are in SCOWL already).
ENGLISH_EXTRA = frozenset(
    """
    i u lol lmao lmfao rofl haha hahaha hahahaha hehe heh tbh idk idc ngl imo imho smh omg omfg omw
    brb btw fyi afaik fwiw iirc ikr ttyl thx thnx thanx tysm ty np pls plz ur u r y ya yeah yea
    yep yup nope nah naw mhm hmm hm hmmm uh um umm er erm ah oh ooh oops whoops ugh urgh argh
    oof yikes welp meh gonna wanna gotta lemme gimme dunno kinda sorta y'all ain't aint dont
    cant wont isnt wasnt didnt doesnt couldnt wouldnt shouldnt im ive youre theyre thats whats
    hows wheres lets okay ok okey alright aight ight righto cheers mate bro dude fam bruh sis
    gr8 l8r cya gn gm sry srry soz obvs ofc probs prob deffo defo tho thru cuz coz cos bc
    abt rn tmrw tmr fr irl jk lowkey highkey deadass sus vibe vibes innit aye ta fab gutted
    knackered chuffed bloody blimey crikey bollocks ffs wtf wth stfu af asap eta tl dr xd lmk
    hbu wbu wyd hmu ily istg bf gf bff nvm nm idgaf kk k thnks tks txt msg pic pics tv
    jeez jeeze geez gosh dang darn heck whoa wow woah yay yo sup wassup hiya hey heya
    d'you d'ya s'pose o'clock ma'am y'know dunno gotcha gotta wanna outta kinda d'oh s'up
    s'alright s'ok s'okay l'il t'is 'tis
    grr brr pfft psst shh hmph tsk tsktsk smth sth ppl tldr nsfw
    café cafés cafe naïve naive résumé resume cliché clichés fiancé fiancée déjà touché
    touche façade entrée entrées protégé rosé soirée passé décor exposé doppelgänger née
    voilà voila crème brûlée über uber jalapeño piñata karma guru namaste inshallah habibi yalla wallah zeitgeist angst kaput
    schadenfreude wanderlust kindergarten gesundheit verboten ersatz chutzpah schmooze oy vey
    ciao adios gracias merci bonjour hola bravo brava diva ditto fiasco finale lingo macho
    patio plaza pronto rodeo salsa tango vendetta via vice versa
    """.split()
)

# Loan phrases English speakers use ("c'est la vie", "mea culpa", "déjà vu"): their words
# count for neither side. Matched on the word sequence, so spelling variants are listed.
LOAN_PHRASES = """
    c'est la vie | bon appetit | bon appétit | bon voyage | mea culpa | mea maxima culpa
    deja vu | déjà vu | déja vu | oh la la | ooh la la | je ne sais quoi | raison d'etre
    raison d'être | a la carte | à la carte | a la mode | à la mode | vice versa | per se
    ad hoc | et cetera | et al | status quo | bona fide | de facto | carpe diem | que sera sera
    hasta la vista | no problemo | mi casa es su casa | joie de vivre | savoir faire
    savoir-faire | tete-a-tete | tête-à-tête | faux pas | fait accompli | coup de grace
    coup de grâce | piece de resistance | pièce de résistance | quid pro quo | modus operandi
    persona non grata | ad nauseam | in situ | alma mater | pro bono | sotto voce | al fresco
    dolce vita | la dolce vita | prima donna | au contraire | au pair | bon vivant
    cause celebre | cause célèbre | creme de la creme | crème de la crème | de rigueur
    en route | en masse | esprit de corps | film noir | nom de plume | par excellence
    sang-froid | tour de force | vis-a-vis | vis-à-vis | ay caramba | mamma mia | tabula rasa
    terra firma | non sequitur | in vino veritas | lingua franca | magnum opus
    noblesse oblige | laissez-faire | laissez faire | nouveau riche | tout de suite
    comme ci comme ca | comme ci comme ça | sacre bleu | sacré bleu | zut alors | mon dieu
    n'est-ce pas | hakuna matata | ad infinitum | bon mot | je t'aime | s'il vous plait
    s'il vous plaît | que sera | c'est la guerre | merci beaucoup | muchas gracias | danke schon
    danke schön | grazie mille | por favor
"""

# web and mail addresses, paths ("coursera.com", "/usr/bin") are no words of any language
_TLDS = r"com|org|net|edu|gov|io|co|uk|ly|me|app|ai|de|fr|es|it|nl|pt|pl|ro|tr|in|au|ca|ie|nz"
_ADDRESS_HINT = re.compile(rf"[@/]|www\.|\w\.(?:{_TLDS})\b")
_ADDRESS = re.compile(rf"\S*(?:[@/]|www\.|\w\.(?:{_TLDS})\b)\S*")

_ELISION = re.compile(r"^(?:c|j|qu|n|l|d|s|t|m|dell|all|nell|dall|sull|un)'[aeiouhyàâéèêîôûœ]")

# One token of another script counts as one word of another language; a run of CJK or kana
# (written without spaces) counts as one word per two characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3100-\u312f]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_REPEAT = re.compile(r"(\w)\1{2,}")
_PREFIXES = frozenset(
    "de re un co non pre ex e anti self mid semi sub pro post mis over well".split()
)

# --- keyboard mash ------------------------------------------------------------------------

# Keys side by side on a QWERTY row: +1 rightwards ("as", "df"), -1 leftwards ("sa", "fd").
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_STEP = {
    pair: step
    for row in _KEY_ROWS
    for a, b in pairwise(row)
    for pair, step in ((a + b, 1), (b + a, -1))
}
# Letters people hold down in English ("aaaa", "hmmm" -> "mmmm", "zzzz", "xxx", "shhh"): a run of
# one of these is no mash.
_HELD_LETTERS = frozenset("aeiouyhmsxz")
_VOWELS = frozenset("aeiouy")


def _held_down(w: str) -> bool:
    """One letter held down ("jjjjj", "kkkk"), unless English holds it ("aaaa", "mmmm")."""
    return len(w) >= 3 and len(set(w)) == 1 and w.isalpha() and w[0] not in _HELD_LETTERS


def _is_mash(w: str, orig: str) -> bool:
    """An ASCII word in no list that is a keyboard mash: keys side by side along a row for most
    of it, with four in a row one way ("asdf", "qwertyuiop", "lkjh"; "sewer" and "ewer" go back
    and forth), or five or more consonants with no vowel ("zxcvb", "bcdfg"; shorter ones are
    often abbreviations: "html", "ptsd", "rsvp"; in capitals, acronyms). One letter held down:
    _held_down."""
    if len(w) < 4 or not w.isalpha() or len(set(w)) == 1:
        return False
    steps = [_KEY_STEP.get(w[i : i + 2], 0) for i in range(len(w) - 1)]
    if sum(map(abs, steps)) >= 0.75 * len(steps):
        run = 0
        for i, step in enumerate(steps):
            run = run + 1 if step and i and step == steps[i - 1] else (1 if step else 0)
            if run >= 3:
                return True
    return len(w) >= 5 and not (_VOWELS & set(w)) and not orig.isupper()


# --- the lists, read once on first use ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WordLists:
    english: frozenset[str]  # common English words (SCOWL, chat words, loans), minus the rest
    foreign: dict[str, frozenset[str]]  # word -> the languages it is frequent in
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # loan phrases: first word -> the rests


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """The word lists (the SCOWL file is read here, once, on first use)."""
    raw = files("sparring.judge.offline").joinpath(WORD_LIST).read_text(encoding="utf-8")
    common = {w for w in raw.split("\n") if w and not w.startswith("#")}
    foreign: dict[str, set[str]] = {}
    for lang, words in FOREIGN_WORDS.items():
        for word in words.split():
            w = _normal(word)
            if (
                w in NEUTRAL
                or w in ENGLISH_EXTRA
                or (w in common and w not in FOREIGN_OVER_ENGLISH)
            ):
                continue
            foreign.setdefault(w, set()).add(lang)
    english = (common | ENGLISH_EXTRA) - NEUTRAL - foreign.keys()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in LOAN_PHRASES.replace("\n", "|").split("|"):
        seq = tuple(_TOKEN.findall(_normal(phrase.strip())))
        if seq:
            phrases.setdefault(seq[0], []).append(seq[1:])
    return WordLists(
        english=frozenset(english),
        foreign={w: frozenset(v) for w, v in foreign.items()},
        # the longest phrase first, so "mea maxima culpa" wins over "mea culpa"
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
    )


# --- evidence -------------------------------------------------------------------------------


@dataclass(slots=True, repr=False)
class Evidence:
    """What the verdict rests on (for tests, benchmarks and the judge's explanation)."""

    english: float = 0.0  # English words
    foreign: float = 0.0  # words of another language or script (accented names count half)
    tokens: int = 0
    unknown: int = 0  # words in no list
    neutral: int = 0  # words and loan phrases that count for neither side
    foreign_words: list[str] = field(default_factory=list)
    languages: dict[str, float] = field(default_factory=dict)
    strong: bool = False  # a foreign word of 6+ letters or with letters English lacks
    letters: int = 0  # letters in words (counted for texts that are not plain ASCII)
    other_letters: int = 0  # of those, letters of scripts other than Latin
    content: int = 0  # words of 3+ letters not capitalised inside the text
    content_english: int = 0  # of those, English words
    content_unknown: int = 0  # of those, words in no list
    long_words: int = 0  # words of 3+ letters
    mash: int = 0  # of those, keyboard mashes ("asdf", "jjjjj")
    mash_letters: int = 0

    def __repr__(self) -> str:
        return (
            f"Evidence(english={self.english}, foreign={self.foreign}, tokens={self.tokens}, "
            f"unknown={self.unknown}, neutral={self.neutral}, mash={self.mash}, "
            f"foreign_words={self.foreign_words[:8]}, languages={self.languages})"
        )

    @property
    def gibberish(self) -> bool:
        """No word of any language, and every longer word a keyboard mash."""
        return (
            self.mash >= 1
            and self.mash >= self.long_words
            and self.mash_letters >= 4
            and not (self.english or self.foreign or self.neutral)
        )


def _english_base(w: str, english: frozenset[str]) -> bool:
    """Inflected, contracted or drawn-out forms of a listed English word ("sorry's",
    "listening", "sooooo")."""
    if _REPEAT.search(w):
        for rep in (r"\1\1", r"\1"):
            v = _REPEAT.sub(rep, w)
            if v in english or _english_base(v, english):
                return True
        return False
    if "'" in w:
        head, _, tail = w.partition("'")
        return tail in ("s", "ll", "re", "ve", "d", "m", "t") and (
            head in english or w[:-3] in english
        )
    for suf, add in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("est", ""),
    ):
        if w.endswith(suf) and len(w) > len(suf) + 2 and w[: -len(suf)] + add in english:
            return True
    return False


def _add(ev: Evidence, w: str, weight: float, langs: Collection[str]) -> None:
    ev.foreign += weight
    ev.foreign_words.append(w)
    if len(w) >= 6 or not w.isascii():
        ev.strong = True
    for lang in langs:
        ev.languages[lang] = ev.languages.get(lang, 0.0) + weight / len(langs)


def _word(ev: Evidence, lists: WordLists, w: str, orig: str, initial: bool = True) -> None:
    """Count one lower-cased word (`orig`: as written, for capitals; `initial`: it starts a
    sentence)."""
    if w in lists.english:
        ev.english += 1
    elif w in NEUTRAL:
        ev.neutral += 1
    elif w in lists.foreign:
        # capitalised inside a sentence it may be a name ("Sorry Ben", "thanks Mira")
        _add(ev, w, 0.5 if not initial and orig[:1].isupper() else 1.0, lists.foreign[w])
    elif "-" in w:
        parts = w.split("-")
        if parts[0] in _PREFIXES:  # de-escalate, re-think, co-worker
            parts = parts[1:]
        for p in parts:
            if p:
                _word(ev, lists, p, p)
    elif w.isascii():
        if "'" in w and _ELISION.match(w) and not _english_base(w, lists.english):
            rest = w.split("'", 1)[1]
            # c'est, j'ai, l'abbiamo; capitalised inside a sentence maybe a name ("D'Souza")
            weight = 0.5 if not initial and orig[:1].isupper() else 1.0
            _add(ev, w, weight, lists.foreign.get(rest, ("fr", "it")))
        elif _held_down(w):  # before the drawn-out check: "kkkk" is not a long "kk"
            _mash(ev, w)
        elif _english_base(w, lists.english):  # "grrr" is a long "grr"
            ev.english += 1
        elif _is_mash(w, orig):
            _mash(ev, w)
        else:
            ev.unknown += 1
    else:
        script = _script_weight(ev, w)
        if script is None:  # Latin letters with accents English does not use
            # a capitalised word may be a name ("José", "Zoë"): it counts half
            _add(ev, w, 0.5 if orig[:1].isupper() else 1.0, ("latin-accented",))
        else:
            _add(ev, w, script, ("other-script",))


def _mash(ev: Evidence, w: str) -> None:
    ev.unknown += 1
    ev.mash += 1
    ev.mash_letters += len(w)


def _phrase_length(words: list[str], i: int, lists: WordLists) -> int:
    """How many words a loan phrase starting at words[i] has (0: none starts there)."""
    for rest in lists.phrases.get(words[i], ()):
        if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
            return 1 + len(rest)
    return 0


def explain(text: str) -> Evidence:
    """The evidence english_verdict weighs (for tests, benchmarks and explanations)."""
    lists = word_lists()
    ev = Evidence()
    text = text[:MAX_CHARS]
    if not text.isascii():
        text = _normal(text).replace("\u2019", "'")
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        text = low
    if _ADDRESS_HINT.search(low):
        low = _ADDRESS.sub(lambda m: " " * len(m.group()), low)
    ascii_text = low.isascii()
    matches = list(_TOKEN.finditer(low))
    words = [m.group() for m in matches]
    english, phrases = lists.english, lists.phrases
    skip = 0
    for i, m in enumerate(matches):
        w = words[i]
        if skip:  # inside a loan phrase
            skip -= 1
            ev.tokens += 1
            continue
        phrase = _phrase_length(words, i, lists) if w in phrases else 0
        if phrase:
            skip = phrase - 1
            ev.neutral += 1
            ev.tokens += 1
            continue
        if not ascii_text:
            ev.letters += len(w)
        if w in english:  # most words: what _word() would count, without its other tests
            ev.english += 1
            if len(w) >= 3:
                ev.long_words += 1
                if not ev.tokens or not text[m.start()].isupper():
                    ev.content += 1
                    ev.content_english += 1
            ev.tokens += 1
            continue
        orig = text[m.start() : m.end()]
        initial = i == 0 or any(c in '.!?¿¡\n:;"' for c in low[matches[i - 1].end() : m.start()])
        before, unknown_before = ev.english, ev.unknown
        _word(ev, lists, w, orig, initial)
        if len(w) >= 3:
            ev.long_words += 1
        # content words: 3+ letters and not capitalised inside the text (names, acronyms)
        if len(w) >= 3 and (not ev.tokens or not orig[:1].isupper()):
            ev.content += 1
            ev.content_english += ev.english > before
            ev.content_unknown += ev.unknown > unknown_before
        ev.tokens += 1
    return ev


def _script_weight(ev: Evidence, w: str) -> float | None:
    """Weight of a non-ASCII token as evidence of another script; None when it is Latin.
    Counts its letters of other scripts into ev.other_letters (a CJK character as two)."""
    other = 0
    cjk = 0
    for ch in w:
        if ch.isascii() or ch == "'":
            continue
        if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            continue
        if _CJK.match(ch):
            cjk += 1
        else:
            other += 1
    if not other and not cjk:
        return None
    ev.other_letters += other + 2 * cjk
    ev.letters += cjk  # a CJK character counts as two letters
    return max(1.0, cjk / 2) if cjk else 1.0


def english_verdict(text: str) -> tuple[bool, Confidence]:
    """(is_english, confidence) for a reply, as typed (capitals mark names); see the module
    docstring."""
    return verdict_from(explain(text))


def verdict_from(ev: Evidence) -> tuple[bool, Confidence]:
    """The verdict on the evidence of explain()."""
    e, f, n, u = ev.english, ev.foreign, ev.tokens, ev.unknown
    if ev.other_letters and ev.other_letters >= 0.5 * ev.letters:
        # mostly written in another script
        return False, ("high" if ev.other_letters >= 0.8 * ev.letters and f >= 2 else "medium")
    if ev.gibberish:
        # no language at all: "asdf qwer zxcv", "jjjjj kkkk", "qwertyuiop"
        return False, ("high" if ev.mash >= 2 or ev.mash_letters >= 8 else "medium")
    if f >= 2:
        # with positive evidence present, words in no list lean (half) towards it
        share = (f + 0.5 * u) / (f + 0.5 * u + e)
        if share >= 0.6:
            return False, ("high" if f >= 3 and f / (f + e) >= 0.8 else "medium")
    elif f >= 1 and e == 0 and (ev.strong or ev.content_unknown >= 2):
        # one distinctive word ("Perdón.", "Przepraszam."), or one foreign word among
        # words in no list and no English word ("¡Bienvenido a su nueva cuenta!")
        return False, "medium"
    if ev.content >= 4 and ev.content_english < 0.15 * ev.content:
        # hardly a common English word among four or more: a language the lists do not cover
        return False, "low"
    if e == 0 and f == 0 and ev.content_unknown >= 2 and (ev.mash or ev.content_unknown >= 3):
        # not one word of any language, and more than a name or two: "asdkjh qwpoeiru zxmcnv"
        return False, "medium"
    if f < 1:  # no foreign evidence (at most one accented name)
        if e >= 1 and f == 0 and (e >= 3 or e * 2 >= n):
            return True, "high"
        return True, "medium"
    if f >= 2 and f >= 0.25 * (f + e):
        return True, "low"  # mixed: English with a good deal of another language
    return True, "medium"
