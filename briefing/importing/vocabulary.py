"""The words and patterns of the annotatie genre: section headings, question and answer
labels, header labels, classification stamps and embargo phrasings."""

from __future__ import annotations

import re

from briefing.model.dossier import Classification

# --- vocabulary ------------------------------------------------------------------------------

# 'Kernboodschap', 'Hoofdboodschappen', 'Kernpunten', 'Boodschap in het kort', 'Kernboodschap voor
# de wethouder', 'Hoofdlijnen', 'Key messages'.
CORE = re.compile(
    r"^(?:de\s+)?(?:(?:kern|hoofd)(?:boodschap(?:pen)?|punten|punt|lijn(?:en)?|bericht)|"
    r"boodschap(?:pen)?|hoofdlijnen|key\s+messages?|spreekpunten|"
    r"(?:lijn|inzet)\s+van\s+de\s+(?:wethouder|burgemeester|portefeuillehouder))"
    r"(?:\s+(?:(?:voor|van)\s+(?:de\s+)?(?:wethouder|burgemeester|portefeuillehouder)|wethouder|"
    r"in\s+het\s+kort|in\s+een\s+notendop))?$|^in het kort$", re.IGNORECASE)
# The wethouder's spoken text: the core message when the annotatie has no other.
SPOKEN = re.compile(r"^(?:woordvoering|spreektekst|inbreng|tekst)(?:\s+(?:voor\s+(?:de\s+)?)?"
                    r"(?:wethouder|burgemeester|portefeuillehouder))?$", re.IGNORECASE)
# 'Mogelijke vragen', 'Vragen en antwoorden', 'Q&A', 'Reactie op mogelijke vragen', 'Te verwachten
# vragen per fractie', 'Vragen uit de commissie'; not 'Centrale vragen onderzoek'.
QA = re.compile(
    r"^(?:(?:reactie(?:s)?|antwoord(?:en)?|beantwoording|lijnen)\s+(?:op|van)\s+(?:de\s+)?)?"
    r"(?:mogelijke|verwachte|eventuele|te verwachten|reactieve|gestelde|aanvullende)?\s*(?:"
    r"vragen(?:\s+en\s+antwoorden)?(?:\s+(?:van\s+|uit\s+|vanuit\s+)?(?:de\s+)?(?:raadsleden|raad|"
    r"commissie(?:leden)?|fracties|leden)|\s+per\s+(?:fractie|partij))?|"
    r"vraag\s+en\s+antwoord(?:en)?|q\s*&\s*a(?:'?s)?|"
    r"qa'?s|v\s*&\s*a|mondelinge\s+vragen|schriftelijke\s+vragen|beantwoording(?:\s+vragen)?|"
    r"reactieve\s+lijn(?:en)?|vragen\s+en\s+lijnen|"
    r"vragen\s+die\s+(?:u|je|de\s+(?:wethouder|burgemeester))\s+(?:kunt|kan)\s+verwachten)$",
    re.IGNORECASE)
SECTIONS = re.compile(
    r"^(?:achtergrond(?:informatie)?|aanleiding|context|toelichting|feiten(?:\s+en\s+cijfers)?|"
    r"cijfers|planning|financi[eë]n|financi[eë]le\s+\w+|communicatie|risico'?s|bijlage[n]?|"
    r"stand\s+van\s+zaken|proces|participatie|juridisch\w*|tijdlijn|vervolg|actuele\s+\w+|"
    r"bestuurlijke\s+\w+|wettelijke\s+grondslag|onderbouwing\s+besluit|reden\s+spoed|"
    r"documenten|classificatiegegevens|besluit\s+college.*|toezegging(?:en)?|"
    r"moties(?:\s+en\s+toezeggingen)?|(?:korte\s+)?samenvatting|inleiding|voorgeschiedenis|"
    r"woordvoering|spreektekst|conclusies?|advies|kosten|risico'?s\s+en\s+\w+|"
    r"relevante\s+\w+|politieke\s+\w+|(?:achtergrond|aanvullende)\s+informatie)$",
    re.IGNORECASE)
# 'Vraag 2:', 'Vraag 3 (VVD, lid Bakker):', 'Vraag 5 *Van Pijpen*', 'Vraag 4 – GL', 'Vraag 1 van
# de VVD: ...'; not 'Vraag 1 van het onderzoek was ...' in running text.
VRAAG = re.compile(
    r"^(?:vraag|v|q)\s*(?:nr\.?\s*|nummer\s*)?(?P<n>\d{1,3})[a-z]?\b\s*"
    r"(?:[:.)\-–]\s*|(?=[(*\[]|(?-i:[A-Z]))|(?=(?:van|namens)\s[^:?]{2,60}:)|$)(?P<rest>.*)$", re.IGNORECASE)
# 'Vraag 4 en 5': one block for two questions (Kamervragen answer them together).
VRAAG_PAIR = re.compile(r"^vraag\s+(?P<n>\d{1,3})\s*(?:en|&|,|-|–)\s*(?P<m>\d{1,3})\s*[:.]?\s*"
                        r"(?P<rest>.*)$", re.IGNORECASE)
VRAAG_BARE = re.compile(r"^(?:vraag|v|q)\s*(?P<who>\([^()]*\))?\s*[:.]\s*(?P<rest>.*)$",
                         re.IGNORECASE)
# 'Vraag van de VVD (lid Bakker): ...', 'Vraag namens D66: ...'
VRAAG_WHO = re.compile(r"^vraag\s+(?:van|namens)\s+(?P<who>[^:?]{2,60}):\s*(?P<rest>.*)$",
                        re.IGNORECASE)
ANSWER = re.compile(r"^(?:(?:voorgesteld|concept[- ]?|kort|mogelijk|suggestie)\s*)?"
                    r"(?:antwoord(?:lijn)?|a|reactie(?:\s+wethouder)?|beantwoording|lijn|"
                    r"antwoord\s+(?:wethouder|burgemeester))\s*(?:[:.]\s*(?P<rest>.*))?$",
                    re.IGNORECASE)
# 'Antwoord 3', 'Antwoord 4 en 5' (Kamervragen): the answer to the question with that number.
ANSWER_NUMBERED = re.compile(r"^antwoord\s+\d{1,3}(?:\s*(?:en|&|,|-|–)\s*\d{1,3})?\s*[:.]?\s*"
                             r"(?P<rest>.*)$", re.IGNORECASE)
PRESSED = re.compile(
    r"^(?:(?:indien|als|wanneer|mocht|mochten|bij|zo)\b[^:]{0,40}?"
    r"(?:doorvra\w*|doorgevraagd|door\s+wordt\s+gevraagd|verder\s+(?:wordt\s+)?gevraagd|"
    r"nog\s+(?:wordt\s+)?gevraagd|(?:wordt\s+|er\s+)?gevraagd(?:\s+wordt)?)|door\s*vragen|"
    r"doorvraag|doorvragen|if\s+pressed)"
    r"(?P<qual>[^:]*)(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE)
NOTE_BRACKETS = re.compile(r"^\[(?P<note>.+)\]\.?$", re.DOTALL)
NOTE_PREFIX = re.compile(r"^(?:N\.?B\.?\d?|Noot|Let op|Let wel|Intern|Niet uitspreken|"
                         r"Niet voorlezen|Ter info(?:rmatie)?|Opmerking|Interne noot|"
                         r"(?:Toelichting|Achtergrond) voor (?:de )?(?:wethouder|burgemeester))"
                         r"\s*[:.]\s*", re.IGNORECASE)
NOT_HEADING = re.compile(r"^(?:zie|pm|nb|n\.b\.|ad\s+\d+|let op|bron|noot|bijvoorbeeld)\b",
                          re.IGNORECASE)
ABBREV_END = re.compile(r"\b(?:jl|e\.a|e\.d|o\.a|n\.a\.v|t\.a\.v|bijv|enz|etc|nr|d\.d|m\.b\.t|"
                         r"i\.o\.m|z\.s\.m|mln|mld)\.$", re.IGNORECASE)
PLACEHOLDER = re.compile(r"^\s*(?:<[^>]*>|\[[^\]]*\]|\.{2,}|…|x{2,}|PM)\s*", re.IGNORECASE)
FURNITURE = re.compile(
    r"^(?:gemeente amsterdam|portefeuille|agendapunt|annotatie|pagina \d+(?: van \d+)?|"
    r"\d+\s*/\s*\d+|-\s*\d+\s*-|voordracht voor de vergadering van\s*<[^>]*>|"
    r"besluit college van burgemeester en wethouders|<[^>]*>)$", re.IGNORECASE)

# Header labels. The value follows a colon or a space, or sits on the next line(s).
HEADER_LABELS = [
    ("title", r"titel|onderwerp|betreft|titel annotatie|nummer agendapunt"),
    ("meeting", r"vergadering|gremium|(?:raads)?commissie(?=\s*:)"),
    ("date", r"datum(?: vergadering)?|vergaderdatum|d\.d\."),
    ("agenda", r"agendapunt(?:\s*(?:nr\.?|nummer))?|agendanummer|agenda\s*punt"),
    ("holder", r"portefeuillehouder(?:\(s\))?|bestuurder|verantwoordelijk(?:e)? wethouder|"
               r"wethouder|burgemeester"),
    ("decision", r"(?:aan de (?:raads)?commissie )?gevraagd(?:e)? (?:besluit|beslissing)|"
                 r"voorgesteld besluit|beslispunten|besluit"),
    ("classification", r"classificatie|rubricering|openbaarheid|vertrouwelijkheid"),
    ("addressee", r"aan"),
    ("sender", r"van|afzender|kenmerk|ons\s+kenmerk|cc"),
    ("embargo", r"embargo"),
    ("portfolio", r"portefeuille(?:\(s\))?"),
    ("contact", r"behandelend ambtenaar|contactpersoon|opsteller|opgesteld door|"
                r"ambtelijk contact(?:persoon)?|behandeld door"),
]
# Memo labels ('Aan:', 'Van:') are common words: only with their colon.
_COLON_ONLY = {"addressee", "sender"}
_LABEL_END = {True: r":", False: r"(?::|\s+(?=\S)|$)"}
LABEL_RE = [(key, re.compile(rf"^(?P<label>{pattern})\s*{_LABEL_END[key in _COLON_ONLY]}"
                             r"\s*(?P<value>.*)$", re.IGNORECASE))
            for key, pattern in HEADER_LABELS]
ANNOTATIE_VOOR = re.compile(
    r"^annotatie\s+(?:voor|t\.b\.v\.|ten behoeve van|aan)\s+(?:de\s+)?"
    r"(?P<who>(?:wethouder|burgemeester|portefeuillehouder|gedeputeerde|wh)\b.*)$", re.IGNORECASE)
ANNOTATIE_AGENDA = re.compile(r"^annotatie\s+agendapunt\s*(?:nr\.?|nummer)?\s*(?P<value>.*)$",
                               re.IGNORECASE)
HOLDER = re.compile(r"^(?P<role>wethouder|burgemeester|wh\.?|portefeuillehouder)\s+(?P<name>.+)$",
                     re.IGNORECASE)
MEETING = re.compile(
    r"^(?P<meeting>(?:de\s+)?(?:gemeenteraad|raadsvergadering|raadscommissie|commissie|cie\.|"
    r"college\s+van\s+b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?|collegevergadering|"
    r"stadsdeelcommissie|bestuurscommissie|raad))(?:(?<=\.)|\b)(?P<rest>.*)$", re.IGNORECASE)
# 'Commissie FKD', 'Raadscommissie WV-MLW', 'Commissie ZJS (Zorg, Jeugdzorg en Sport)'.
COMMITTEE_ABBR = re.compile(r"^(?P<meeting>(?i:(?:raads)?commissie|cie\.)\s+[A-Z][A-Z&]{1,7}"
                            r"(?:\s*[-/&]\s*[A-Z][A-Z&]{1,7})?(?![\w&])"
                            r"(?:\s*\([A-Z][^()]{2,60}\))?)(?P<rest>.*)$")
VOORDRACHT = re.compile(r"^voordracht\s+(?:voor\s+)?(?:de\s+)?(?:vergadering|raad|college)\b",
                         re.IGNORECASE)
COLLEGE_DECIDES = re.compile(r"^het college van (?:burgemeester en wethouders|b\s*(?:en|&)\s*w)"
                              r"\s+besluit\b", re.IGNORECASE)
DECISION_CONTENT = re.compile(r"^(?:ter|voor)\s+(?:bespreking|kennisgeving|kennisname|"
                               r"besluitvorming|advisering|informatie|consultatie|vaststelling)",
                               re.IGNORECASE)
AGENDA_KIND = re.compile(r"^(?:mondelinge?|schriftelijke)\s+vragen\s*:?$|"
                         r"^(?:(?:mondelinge?|schriftelijke)\s+)?vragenuur|^actualiteit(?:en)?\b|"
                          r"^interpellatie|^rondvraag|^mededelingen?\b|^motie\s+vreemd",
                          re.IGNORECASE)
TEMPLATE = re.compile(r"^(?:indien van toepassing(?: aangeven)?|in te vullen|niet invullen|"
                       r"etc\.?|enz\.?|\.+)$", re.IGNORECASE)
CLASSIFICATION = [
    (Classification.GEHEIM, re.compile(r"\b(?:strikt|zeer|staats)?\s*geheim\b", re.IGNORECASE)),
    (Classification.VERTROUWELIJK, re.compile(r"\b(?:vertrouwelijk|confidentieel)\b",
                                              re.IGNORECASE)),
    (Classification.INTERN, re.compile(r"\b(?:(?:voor|alleen)\s+intern\s+gebruik|intern\s+gebruik|"
                                       r"alleen\s+intern|intern\s+document|dep\.?\s*vertrouwelijk)\b",
                                       re.IGNORECASE)),
    (Classification.OPENBAAR, re.compile(r"^\s*openbaar\s*$", re.IGNORECASE)),
]
CLASSIFICATION_LINE = re.compile(
    r"^(?:classificatie\s*:?\s*)?(?:strikt\s+|zeer\s+|staats)?(?:geheim|vertrouwelijk|"
    r"confidentieel|(?:voor\s+|alleen\s+)?intern(?:\s+gebruik)?|openbaar|niet\s+openbaar)"
    r"(?:\s+stuk)?\.?$", re.IGNORECASE)
STAMP = re.compile(r"\s*\b(?:STRIKT\s+GEHEIM|ZEER\s+GEHEIM|GEHEIM|VERTROUWELIJK|"
                    r"INTERN(?:\s+GEBRUIK)?)\b\s*")
EMBARGO = re.compile(
    r"(?:geheim(?:\s+gehouden)?|geheimhouding\s+(?:geldt|loopt)|embargo|vertrouwelijk|"
    r"niet\s+(?:openbaar|delen|verspreiden|naar\s+buiten))\w*\s+(?:\w+\s+){0,2}?"
    r"(?:tot|t/m)\s+(?:en\s+met\s+)?(?:uiterlijk\s+)?(?P<when>.{4,60})"
    r"|embargo\s*:\s*(?P<when2>.{4,60})"
    r"|geheimhouding\s+wordt\s+opgeheven\s+op\s+(?P<when3>.{4,60})",
    re.IGNORECASE)
# 'Vragen van het lid Ceder (ChristenUnie) en het lid Kat (SP) over de storing ...': the askers
# and the subject of mondelinge or schriftelijke vragen.
QUESTIONS_OF = re.compile(
    r"^(?:(?:mondelinge|schriftelijke|aanvullende)\s+)?vragen\s+van\s+(?P<who>.+?)\s+"
    r"(?:over|inzake|betreffende|aangaande|m\.b\.t\.|met\s+betrekking\s+tot|n\.a\.v\.|"
    r"naar\s+aanleiding\s+van)\s+(?P<subject>.+)$", re.IGNORECASE)
DUTCH_PREFIXES = ("van ", "de ", "der ", "den ", "ter ", "ten ", "te ", "het ", "in 't ", "op ")
STOPWORDS = {"de", "het", "een", "en", "van", "voor", "over", "met", "aan", "op", "in", "naar",
              "bij", "tot", "om", "te", "of", "annotatie", "n", "a", "v", "d", "t", "inzake",
              "nav", "tav", "mbt", "dd", "dit", "is", "die", "dat", "wordt", "zijn", "the"}
COLUMN_WORDS = {"naam", "nr", "nr.", "nummer", "registratienr", "registratienr.", "omschrijving",
                 "bedrag", "datum", "vraag", "antwoord", "fractie", "raadslid", "lid", "onderwerp",
                 "status", "actie", "wie", "wat", "wanneer", "toelichting", "jaar", "partij",
                 "kenmerk", "titel", "bijlage", "#", "doorvragen", "notitie", "indien doorgevraagd"}
# On a short line only (a stamp, a header row): 'Openbaar na 12 maart 2025, 17.00 uur'.
EMBARGO_SHORT = re.compile(
    r"\b(?:openbaar|publicatie|vrij\s+te\s+geven)\s+(?:na|vanaf|per|met\s+ingang\s+van|op)\s+"
    r"(?P<when>.{4,60})|\bniet\s+openbaar\s+(?:vóór|voor)\s+(?P<when2>.{4,60})", re.IGNORECASE)

# A classification stamp as a line of its own, perhaps with what it means for handling:
# 'VERTROUWELIJK', 'Intern – niet verspreiden', 'Strikt geheim — tot de beantwoording',
# 'Openbaar na 12 maart 2025'. Longer forms first: 'niet openbaar' is not 'openbaar'.
_STAMP_LEVELS = [
    (Classification.GEHEIM, r"(?:strikt\s+|zeer\s+|staats)geheim|geheim"),
    (Classification.VERTROUWELIJK, r"(?:strikt\s+|dep\.?\s*|departementaal\s+)?vertrouwelijk|"
                                   r"confidentieel|niet\s+openbaar"),
    (Classification.INTERN, r"(?:(?:voor|alleen)\s+(?:voor\s+)?)?intern(?:\s+gebruik)?|"
                            r"intern\s+document"),
    (Classification.OPENBAAR, r"openbaar"),
]
STAMP_LINE = re.compile(
    r"^(?:concept\s*[–—\-:,]?\s*)?"
    r"(?:(?:classificatie|rubricering|openbaarheid|vertrouwelijkheid)\s*:?\s*)?(?P<level>"
    + "|".join(f"(?:{pattern})" for _, pattern in _STAMP_LEVELS) +
    r")(?:\s+(?:stuk|document))?(?P<rest>(?:\s*[–—\-:,;(/|].*|\s+(?:tot|na|vanaf|per|t/m|"
    r"embargo|niet\s+(?:verspreiden|delen|doorsturen|openbaar))\b.*)?)$", re.IGNORECASE)


def stamp_level(text: str) -> Classification | None:
    """The classification a stamp line gives, or None when the line is not a stamp."""
    if len(text.split()) > 14:
        return None
    match = STAMP_LINE.match(text.strip(" *.:"))
    if not match:
        return None
    word = " ".join(match.group("level").lower().split())
    for level, pattern in _STAMP_LEVELS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return level
    return None


def word_list(text: str) -> list[str]:
    return text.split()


def strip_colon(text: str) -> str:
    return text.rstrip().rstrip(":").rstrip()

