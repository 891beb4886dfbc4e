"""Word lists for attribution: reporting verbs, title words, pronouns, source nouns.

Everything here is general English newswire vocabulary; nothing names a particular article.
"""

from __future__ import annotations

import re

from ...lexicon import DETERMINERS, PERSONAL_TITLES, WEEKDAYS, wordset

# Reporting verbs as (base, third person, past, gerund) when regular enough to derive.
_VERBS = """
say says said saying
tell tells told telling
add adds added adding
tweet tweets tweeted tweeting
write writes wrote writing written
argue argues argued arguing
insist insists insisted insisting
claim claims claimed claiming
state states stated stating
declare declares declared declaring
explain explains explained explaining
note notes noted noting
warn warns warned warning
ask asks asked asking
reply replies replied replying
respond responds responded responding
answer answers answered answering
continue continues continued continuing
recall recalls recalled recalling
admit admits admitted admitting
acknowledge acknowledges acknowledged acknowledging
concede concedes conceded conceding
announce announces announced announcing
report reports reported reporting
suggest suggests suggested suggesting
predict predicts predicted predicting
promise promises promised promising
vow vows vowed vowing
pledge pledges pledged pledging
boast boasts boasted boasting
brag brags bragged bragging
complain complains complained complaining
charge charges charged charging
allege alleges alleged alleging
assert asserts asserted asserting
contend contends contended contending
maintain maintains maintained maintaining
emphasize emphasizes emphasized emphasizing
stress stresses stressed stressing
observe observes observed observing
remark remarks remarked remarking
comment comments commented commenting
quip quips quipped quipping
shoot shot fire fired
joke jokes joked joking
shout shouts shouted shouting
yell yells yelled yelling
scream screams screamed screaming
exclaim exclaims exclaimed exclaiming
whisper whispers whispered whispering
chant chants chanted chanting
mutter mutters muttered muttering
conclude concludes concluded concluding
reveal reveals revealed revealing
confirm confirms confirmed confirming
deny denies denied denying
counter counters countered countering
retort retorts retorted retorting
lament laments lamented lamenting
reiterate reiterates reiterated reiterating
repeat repeats repeated repeating
testify testifies testified testifying
post posts posted posting
agree agrees agreed agreeing
caution cautions cautioned cautioning
urge urges urged urging
demand demands demanded demanding
plead pleads pleaded pleading
muse muses mused musing
wonder wonders wondered wondering
tout touts touted touting
proclaim proclaims proclaimed proclaiming
announce announces announced announcing
affirm affirms affirmed affirming
predict predicts predicted predicting
recount recounts recounted recounting
describe describes described describing
mock mocks mocked mocking
blast blasts blasted blasting
slam slams slammed slamming
criticize criticizes criticized criticizing
accuse accuses accused accusing
thunder thunders thundered thundering
snap snaps snapped snapping
sigh sighs sighed sighing
laugh laughs laughed laughing
offer offers offered offering
explain explains explained explaining
pointed points point pointing
read reads
proclaim proclaims proclaimed proclaiming
refer refers referred referring
rail rails railed railing
name names named naming
frame frames framed framing
coin coins coined coining
mention mentions mentioned mentioning
cite cites cited citing
quote quotes quoted quoting
praise praises praised praising
label labels labeled labelled labeling
brand brands branded branding
dub dubs dubbed dubbing
call calls called calling
decry decries decried decrying
dismiss dismisses dismissed dismissing
condemn condemns condemned condemning
denounce denounces denounced denouncing
tease teases teased teasing
scoff scoffs scoffed scoffing
lash lashes lashed lashing
pledge pledges pledged pledging
promise promises promised promising
vow vows vowed vowing
hail hails hailed hailing
acknowledge acknowledges acknowledged acknowledging
believe believes believed believing
think thinks thought thinking
feel feels felt feeling
hope hopes hoped hoping
fear fears feared fearing
worry worries worried worrying
know knows knew knowing
estimate estimates estimated estimating
find finds found finding
show shows showed showing shown
indicate indicates indicated indicating
pressed
interject interjects interjected interjecting
elaborate elaborates elaborated elaborating
chime chimes chimed chiming
gush gushes gushed gushing
rant rants ranted ranting
explain explains explained explaining
assure assures assured assuring
sing sings sang singing
fume fumes fumed fuming
react reacts reacted reacting
beam beams beamed beaming
riff riffs riffed riffing
cry cries cried crying
declare declares declared declaring
muse muses mused musing
shrug shrugs shrugged shrugging
joke jokes joked joking
grouse grouses groused grousing
quip quips quipped quipping
"""

CUE_VERBS: frozenset[str] = frozenset(_VERBS.split())

#: Verbs that report speech only loosely; they count as cues for an adjacent quote, not for
#: a quotation far inside the sentence.
WEAK_CUES = wordset(
    """
    call calls called calling dub dubs dubbed label labels labeled labelled describe describes
    described describing
    """
)

#: Cue words that are often nouns or non-reporting verbs: they count only right after a source.
AMBIGUOUS_CUES = wordset(
    """
    state states call calls report reports post posts show shows shown quote quotes comment comments
    remark remarks charge charges offer offers counter answer find found know knew feel felt think
    thought hope fear read reads name names named point points pointed continue continues begin
    began note notes claim claims demand demands promise promises pledge pledges estimate estimates
    concern mention mentions
        shoot shot fire fired
    """
)

#: Multi-word cues that come before the source ("according to X").
ACCORDING = re.compile(r"\b(?:according to|per)\b", re.IGNORECASE)

#: Phrases that can follow a verb cue and belong to it ("said in a statement").
CUE_TAILS = re.compile(
    r"\s+in\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+){0,2}?"
    r"(?:statement|interview|speech|tweet|post|letter|email|e-mail|memo|op-ed|release|video|message|"
    r"address|remarks|appearance|call|conference|briefing|note|column)\b",
    re.IGNORECASE,
)

PRONOUNS = wordset("he she they we i it")
PERSON_PRONOUNS = wordset("he she")

#: Words of a title or role in front of a name ("Secretary of State", "U.S. Army Brig. Gen.").
TITLE_WORDS = wordset(
    """
    state sen. rep. gov.
    gen. brig brig. col. lt. maj. capt. sgt. adm adm. admiral
    lieutenant major captain sergeant commander cmdr army navy air force marine marines
    corps coast guard u.s. u.s us uk u.k. mr. mrs. ms. dr. prof. professor
    justice spokesperson premier
    chairwoman chair attorney former then-president speaker house senate
    majority minority whip deputy assistant acting candidate nominee sheriff officer detective
    pastor rev. father sister rabbi princess lord
    lady dame democratic republican democrat gop sens. reps. messrs. defense homeland security
    treasury interior commerce labor energy education health agriculture transportation justice
    department white press staff campaign manager adviser advisor strategist analyst scholar fellow
    host anchor co-founder founder ceo executive president-elect first lady elect gop's lawmaker
    congressman congresswoman councilman councilwoman commissioner superintendent inspector supt
    supt. insp insp. cmdr. spc spc. pvt pvt. cpl cpl. staff
    """
) | PERSONAL_TITLES

#: Lower-case particles that can sit inside a personal name ("Ibn", "de", "al-").
NAME_PARTICLES = wordset("al el bin ibn de da del della di van von der den le la du abu abdul")

#: Heads of descriptions that can be sources ("the senator", "officials", "the daily").
SOURCE_NOUNS = wordset(
    """
    senator congressman congresswoman president candidate nominee governor mayor official officials
    spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers advisor advisors
    campaign campaigns statement spokesman source sources daily newspaper paper magazine network
    agency ministry department administration government group bloc party committee organization
    organisation coalition militia leader leaders chief lawyer lawyers attorney attorneys report
    study poll survey analysts analyst experts expert observers critics supporters opponents
    residents witnesses police prosecutors investigators authorities lawmakers legislators senators
    representatives democrats republicans voters people woman man father mother son daughter wife
    husband friend neighbor neighbour secretary minister general commander officer officers
    spokesmen team company firm website outlet post times journal tribune memo letter document
    documents filing overview release court judge justice board council union association institute
    center centre foundation economist economists scientist scientists researchers strategist
    strategists pollster pollsters host anchor reporter reporters writer author editor editorial
    column columnist blogger poster tweet ad ads video email e-mail emails message text passage book
    cable sign website site editorial release announcement filing complaint lawsuit petition
    transcript
        polls surveys studies reports percent majority minority half third quarter most many some
    everyone everybody nobody none few both others respondents
        physician doctor doctors teacher professor researcher historian journalist journalists publisher
    commentator pastor priest bishop prosecutor sheriff detective agent agents veteran veterans
    activist activists organizer volunteer volunteers supporter protester protesters worker workers
    employee employees executive executives owner member members delegate delegates consultant
    operative operatives staffer staffers candidate candidates governor lawmaker chairwoman
    """
)

#: Words that cannot be part of a speaker mention (they end a backward scan).
STOP_WORDS = wordset(
    """
    and or but that which who whom whose when where while because as if of in on at to for
    with by from into than then also not was were is are be been being has have had do does did this
    these those there here it said says
    """
) | DETERMINERS

#: Adverbs and time words allowed between a source and its verb ("Rashid said then").
SKIPPABLE = wordset(
    """
    also later then again further previously earlier recently once repeatedly simply flatly publicly
    privately reportedly bluntly famously yesterday today tonight
    has have had had've would will could might may should often frequently
    still ultimately finally quickly
     himself herself themselves itself
    """
) | WEEKDAYS
