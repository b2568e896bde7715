"""Agents and group phrases: the head words that say what kind of actor a phrase names, and
bodies the dictionaries lack ("the Association of African Jurists")."""

from __future__ import annotations

from spacy.tokens import Token

from accord.actors.phrases import np_tokens, span_text
from accord.actors.places import is_ethnic, nationality
from accord.actors.state import DocActors
from accord.actors.terms import Hit, PlaceCountry, unique_hits
from accord.domain import Actor

# Nouns whose "of" phrase names the group they belong to: "members of Hamas".
GROUP_HEADS = {
    "member",
    "supporter",
    "leader",
    "official",
    "fighter",
    "representative",
    "delegation",
    "head",
    "chief",
    "activist",
    "militant",
    "soldier",
    "unit",
    "wing",
    "faction",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "commander",
    "force",
    "troop",
    "thousand",
    "hundred",
    "dozen",
    "score",
    "million",
    "group",
    "team",
    "number",
    "contingent",
    "batch",
    "wave",
    "patch",
    "deployment",
    "mission",
    "convoy",
    "column",
    "band",
    "crowd",
    "body",
}
# Heads that take the sector of an agent modifier: "rebel leaders" are rebels, "civilian
# advisers" civilians, "church officials" clergy.
GENERIC_HEADS = {
    "leader",
    "official",
    "adviser",
    "advisor",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "personnel",
    "representative",
    "figure",
    "delegation",
    "delegate",
    "staff",
    "commander",
    "member",
    "chief",
}
# Bodies named by what their members are: "an extremist organisation", "a student movement".
BODY_HEADS = {"organization", "organisation", "movement", "faction", "wing", "network", "cell"}
# Heads that count people ("thousands of soldiers"): the "of" phrase says who they are.
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "score", "million", "number", "group"}
# Units of a force ("a company of Dutch soldiers", "a platoon of marines"): the force counted
# when its "of" phrase names armed men, whatever else the word means ("company" is a business).
UNIT_HEADS = {
    "company",
    "platoon",
    "squad",
    "battalion",
    "regiment",
    "brigade",
    "division",
    "detachment",
    "contingent",
    "unit",
    "column",
    "convoy",
    "patrol",
    "squadron",
    "battery",
    "corps",
    "flotilla",
    "fleet",
    "garrison",
    "force",
    "team",
}
# Heads that speak for the body of their "for" phrase ("a spokesman for the Taliban").
SPEAKER_HEADS = {"spokesman", "spokeswoman", "spokesperson", "representative", "negotiator"}
# Heads whose possessor is someone else: "Israel's militia ally" is not Israel.
ALLY_HEADS = {"ally", "proxy", "client", "partner", "protege", "surrogate"}
# Relatives: "the president's son" is not the president.
KIN = {
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "brother",
    "sister",
    "father",
    "mother",
    "nephew",
    "niece",
    "cousin",
    "relative",
    "family",
    "grandson",
    "granddaughter",
    "child",
}
ARMED_SECTORS = {"MIL", "REB", "UAF", "SEP", "INS", "PKO"}
# Peoples and faiths that are no state ("Kurdish forces", "Moslem troops", "Hutu fighters"):
# their forces are armed groups (REB), not a state's military.
PEOPLE_WORDS = {
    "kurdish",
    "kurd",
    "shiite",
    "shia",
    "shi'ite",
    "sunni",
    "muslim",
    "moslem",
    "christian",
    "catholic",
    "hutu",
    "tutsi",
    "pashtun",
    "tuareg",
    "druze",
    "alawite",
    "baluch",
    "baloch",
    "uighur",
    "uyghur",
    "hazara",
    "maronite",
    "tamil",
    "berber",
    "igbo",
    "ijaw",
    "dinka",
    "nuer",
    "oromo",
    "amhara",
    "rohingya",
    "sikh",
    "hindu",
    "tribal",
    "ethnic",
}
# Sectors of men under arms, whose units are theirs ("a detachment of riot police").
FORCE_SECTORS = ARMED_SECTORS | {"COP", "SPY"}
# A sector that implies a second one: peacekeepers are soldiers.
IMPLIED_SECTORS = {"PKO": "MIL"}
# Words that put a person out of the office their title or dictionary entry names: CAMEO
# codes former office holders as elites (ELI), not as the government.
FORMER = {
    "former",
    "ex",
    "ousted",
    "deposed",
    "exiled",
    "toppled",
    "overthrown",
    "onetime",
    "one-time",
    "erstwhile",
}
# "the Houthi-run news agency", "a Hamas-led government": run by the name before.
RUN_BY = {"run", "led", "controlled", "owned", "operated", "dominated"}
# Acts of armed forces: a nationality on them names the state's military.
MILITARY_ACTS = {
    "airstrike",
    "shelling",
    "bombardment",
    "incursion",
    "offensive",
    "blockade",
    "drill",
    "exercise",
    "raid",
    "airstrikes",
}
# Means only a state's forces use (armed groups fire rockets and mortars too).
MILITARY_MEANS = {
    "air",
    "missile",
    "drone",
    "artillery",
    "naval",
    "military",
    "ballistic",
    "tank",
    "helicopter",
    "gunship",
    "cruise",
    "warplane",
    "jet",
    "bomber",
    "predator",
    "reaper",
    "commando",
}
# Heads of named bodies the dictionaries do not list ("the Association of African Jurists",
# "the Third World Water Forum"): non-governmental organisations, of the country their name
# gives when it gives one. A named party ("the Umma party") belongs to the country in context.
NAMED_BODY_HEADS = {
    "association",
    "forum",
    "league",
    "society",
    "foundation",
    "federation",
    "committee",
    "institute",
    "network",
    "coalition",
    "centre",
    "center",
    "observatory",
    "organization",
    "organisation",
    "campaign",
    "trust",
    "party",
}
# Words of a body's name that say what its members do, beyond the agents of agents.tsv.
NAME_SECTORS = {
    "jurists": "JUD",
    "jurist": "JUD",
    "legal": "JUD",
    "bar": "JUD",
    "medical": "HLH",
    "physicians": "HLH",
    "health": "HLH",
    "rights": "HRI",
    "liberties": "HRI",
    "press": "MED",
    "publishers": "MED",
    "environmental": "ENV",
    "environment": "ENV",
    "wildlife": "ENV",
    "farmers": "AGR",
    "peasants": "AGR",
    "commerce": "BUS",
    "employers": "BUS",
    "industrialists": "BUS",
    "islamic": "REL",
    "muslim": "REL",
    "christian": "REL",
    "catholic": "REL",
    "churches": "REL",
    "ulema": "REL",
}
NAME_GLUE = {"of", "for", "on", "the", "and", "in", "to", "against"}
# Heads of named armed groups ("the Zomi Revolutionary Army"), and name words that make an
# army a state's or no name at all ("the Red Army", "the National Army").
NAMED_ARMED_HEADS = {"army", "front", "brigade", "brigades", "battalion", "legion"}
ARMY_GENERIC = {
    "national",
    "people",
    "popular",
    "republican",
    "royal",
    "red",
    "regular",
    "federal",
    "imperial",
    "continental",
    "territorial",
    "salvation",
    "patriotic",
    "unity",
    "democratic",
    "home",
    "western",
    "eastern",
    "northern",
    "southern",
}
# Capitalised words that do not make a name on their own ("the Central Committee").
NAME_GENERIC = {
    "central",
    "national",
    "executive",
    "standing",
    "special",
    "joint",
    "international",
    "supreme",
    "high",
    "general",
    "permanent",
    "political",
    "higher",
    "federal",
    "select",
    "new",
    "the",
}
# Words of a body's name that make it an association of states ("Economic Cooperation
# Organization"), and the sectors of a state's own bodies ("Senate Foreign Relations
# Committee"), which are no NGO.
NAME_STATES = {
    "states",
    "nations",
    "countries",
    "governments",
    "intergovernmental",
    "cooperation",
    "co-operation",
}
STATE_SECTORS = {"GOV", "LEG", "MIL", "COP", "SPY", "JUD"}
PROFESSIONS = {"lawyer", "attorney", "jurist", "officer", "diplomat"}


def named_body(
    head: Token, state: DocActors, *, place_country: PlaceCountry | None
) -> Actor | None:
    """A body the dictionaries lack, named by capitalised words and a head that says what
    it is ("the Association of African Jurists" NGO JUD, "the Kenyan Human Rights
    League" KEN HRI, "the Umma party" OPP of the country in context)."""
    lemma = head.lemma_.lower()
    armed = lemma in NAMED_ARMED_HEADS and head.text[:1].isupper()
    if (lemma not in NAMED_BODY_HEADS and not armed) or head.tag_ in {"NNS", "NNPS"}:
        return None
    party = lemma == "party"
    if not head.text[:1].isupper() and not party:
        return None
    doc = head.doc
    words = [
        t
        for t in head.subtree
        if t.i < head.i and t.dep_ not in {"det", "punct", "case"} and not t.like_num
    ]
    if any(w.dep_ in {"relcl", "acl", "appos", "conj", "cc"} for w in words):
        return None
    for prep in head.rights:
        if party or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "on"}:
            continue
        post = [t for t in prep.subtree if t.i != prep.i and t.dep_ not in {"det", "punct"}]
        content = [t for t in post if t.is_alpha and t.lower_ not in NAME_GLUE]
        if content and all(t.text[:1].isupper() for t in content):
            words += post  # "Association of African Jurists", "Centre for Human Rights"
    named = [
        w
        for w in words
        if w.text[:1].isupper() and w.is_alpha and w.lower_ not in NAME_GENERIC | NAME_GLUE
    ]
    if not named or (party and not any(w.pos_ == "PROPN" for w in named)):
        return None
    inside = {w.i for w in words} | {head.i}
    own = unique_hits(state.by_token[i] for i in sorted(inside) if i in state.by_token)
    if any(not set(range(h.start, h.end)) <= inside for h in own):
        return None
    if armed:
        if [h for h in own if not h.start <= head.i < h.end] or any(
            w.lower_ in ARMY_GENERIC for w in named
        ):
            return None  # "the Pakistan Army", "the Red Army", "the National Army"
        # "the Zomi Revolutionary Army": a named army of no state is an armed group
        code, why, _ = nationality(head, [], state, place_country=place_country)
        reason = f"named armed group -> REB; country {why}"
        text = span_text(doc, sorted(inside))
        return Actor(code, "REB", text, text, ("REB",), None, reason)
    if any(h.term.kind in {"entry", "seat", "capital", "title"} for h in own) or any(
        h.term.kind == "agent" and h.start <= head.i < h.end for h in own
    ):
        return None  # a known body, or a generic agent ("Trade Union Federation")
    places = [h for h in own if h.term.kind in {"country", "demonym"} and not is_ethnic(doc, h)]
    agents = [h for h in own if h.term.kind == "agent"]
    if any(
        h.term.sectors[0] in STATE_SECTORS and doc[h.end - 1].lemma_.lower() not in PROFESSIONS
        for h in agents
    ):
        return None  # a state's own body ("Senate Foreign Relations Committee")
    sector = agents[0].term.sectors[0] if agents else None
    if sector is None:
        sector = next((NAME_SECTORS[w.lower_] for w in words if w.lower_ in NAME_SECTORS), None)
    text = span_text(doc, sorted(inside))
    if party:
        code, why, _ = nationality(head, places, state, place_country=place_country)
        reason = f"named party -> OPP; country {why}"
        return Actor(code, "OPP", text, text, ("OPP",), None, reason)
    sectors = (sector,) if sector else ("NGO",)
    if any(w.lower_ in NAME_STATES for w in words):
        reason = "named body of states -> IGO"
        return Actor("IGO", "IGO", text, text, ("IGO",), None, reason)
    if places:
        place = places[0]
        reason = f"named body of {place.term.kind} '{place.term.name}'"
        return Actor(place.term.code, sectors[0], text, text, sectors, None, reason)
    return Actor("NGO", sectors[0], text, text, sectors, None, "named body -> NGO")


def is_military_act(head: Token) -> bool:
    """Nouns for what only armed forces do: "air strikes", "shelling", "a missile attack"."""
    lemma = head.lemma_.lower()
    if lemma in MILITARY_ACTS:
        return True
    return lemma in {"attack", "strike", "fire"} and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in MILITARY_MEANS for c in head.children
    )


def behind_verb(head: Token, hit: Hit) -> bool:
    """A name inside a clause that the parser hung on the phrase ("rulers refused entry to
    a delegation of the AU"): not the phrase's own description."""
    token = head.doc[hit.end - 1]
    steps = 0
    while token.i != head.i and token.head.i != token.i and steps < 12:
        token = token.head
        steps += 1
        if token.i != head.i and token.pos_ in {"VERB", "AUX"}:
            # "the Houthi-run news agency": a body run by the name belongs to it
            owned = token.i > 0 and head.doc[token.i - 1].text == "-" and token.i < head.i
            if not (owned and token.lower_ in RUN_BY):
                return True
    return False


def is_former(head: Token, state: DocActors) -> bool:
    """ "former President X", "ousted leader", "ex-minister": the phrase names a past office.
    An apposition names one only when the phrase itself gives no office ("Opposition leader
    X, a former finance minister" leads the opposition now)."""
    doc = head.doc
    aside = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    tokens = np_tokens(head, with_of=False)
    own = [i for i in tokens if i not in aside]
    for i in tokens:
        token = doc[i]
        if token.lower_ in FORMER or token.lower_.startswith("ex-"):
            if i in aside and any(
                j in state.by_token and state.by_token[j].term.kind == "title" for j in own
            ):
                continue
            return True
    return False


def implied(sectors: tuple[str, ...]) -> tuple[str, ...]:
    extra = tuple(IMPLIED_SECTORS[s] for s in sectors if s in IMPLIED_SECTORS)
    return tuple(dict.fromkeys((*sectors, *extra)))


def noun_of(head: Token, preposition: str) -> Token | None:
    """The noun of a head's preposition phrase: the one counted ("leaders" in "a group of
    Yoruba leaders", with "of"), the body spoken for ("the Taliban" in "a spokesman for the
    Taliban", with "for")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def role_applies(hit: Hit, head: Token) -> bool:
    """A title or agent term describes the phrase when it is its head ("Turkish police") or a
    noun title in front of a name ("Defense Minister ... Nasirzadeh"), not an adjective
    ("military cooperation", "civilian casualties")."""
    if hit.start <= head.i < hit.end:
        return True
    last = head.doc[hit.end - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    # a noun title before a name, or a noun-noun compound ("coast guard personnel")
    return head.pos_ == "PROPN" or (last.dep_ == "compound" and last.head.i == head.i)
