"""Word lists for crediting figures: documents, unnamed sources, verbs that report figures.

General newswire English; nothing names a particular article or outlet.
"""

from __future__ import annotations

from ...lexicon import wordset

#: Heads of documents a figure can come from: a report, a budget, a filing, a study, a poll.
DOCUMENT_HEADS = wordset(
    """
    report reports study studies survey surveys poll polls budget budgets request filing filings
    data figures statistics census estimate estimates analysis analyses audit records document
    documents complaint lawsuit indictment affidavit memo memorandum letter bill text transcript
    overview tally index assessment forecast forecasts projection projections finding findings paper
    research review proposal release releases database spreadsheet ledger disclosure disclosures
    statement statements brief briefing indictments testimony summary dossier tracker count
    """
)
#: Nouns that may stand before a document's head in its kind ("budget request", "police report").
DOCUMENT_MODIFIERS = wordset(
    """
    budget police court census jobs employment government annual quarterly financial campaign
    research exit opinion tax spending autopsy inspection investigation intelligence
    """
)
#: Heads of sources journalism leaves unnamed: "officials said", "a source", "aides", "people
#: familiar with …" (a person named with them makes them named: "official Jane Roe").
ANONYMOUS_HEADS = wordset(
    """
    official officials source sources aide aides insider insiders diplomat diplomats someone
    person people staffer staffers operative operatives confidant confidants associate associates
    """
)
#: Words near a source that say it spoke without being named.
ANONYMITY = (
    "condition of anonymity", "not authorized to", "not authorised to", "declined to be named",
    "asked not to be named", "asked not to be identified", "declined to be identified",
    "requested anonymity", "speaking anonymously", "who asked for anonymity",
)
#: Verbs whose subject is a document holding the figure after them ("the request includes $850 million").
CONTENT_VERBS = wordset(
    """
    includes include included contains contain contained shows show showed shown found finds find
    estimates estimated estimate puts put projects projected lists listed cites cited says said
    states stated reports reported counts counted tallies tallied records recorded requests
    requested proposes proposed allocates allocated provides provided predicts predicted forecasts
    forecast calls called seeks sought gives gave totals totaled totalled identifies identified
    documents documented notes noted
    """
)
#: Verbs by which a named source reports a figure with no clause ("the bureau reported 200,000 jobs").
FIGURE_VERBS = wordset(
    """
    reported reports estimated estimates counted counts tallied tallies recorded records projected
    projects forecast forecasts predicted predicts rated rates
    """
)
