"""A predicate noun ("is the real government", "calling it a rogue regime") is the actor it
describes, and the object of a participle clause is the main clause's object."""

from __future__ import annotations

from accord.domain import Actor


def actors_of(coder, text: str, phrase: str, word: str) -> list[Actor]:
    """The actors of ``word`` inside the first ``phrase`` of ``text``."""
    doc = coder.nlp(text)
    state = coder.resolver.analyse(doc, date=None)
    start = text.index(phrase) + phrase.index(word)
    (token,) = doc.char_span(start, start + len(word))
    return list(coder.resolver.actor_of(token, state))


CONDEMNED = (
    "Egypt said on Monday that the talks had stalled. The Egyptian minister condemned the "
    "Saudi government on Tuesday, calling it the most dangerous regime in the region."
)


def test_participle_object_pronoun_is_the_main_clause_object(coder) -> None:
    (pronoun,) = actors_of(coder, CONDEMNED, "calling it", "it")
    assert (pronoun.code, pronoun.sector) == ("SAU", "GOV")


def test_object_predicate_is_the_object_it_describes(coder) -> None:
    (regime,) = actors_of(coder, CONDEMNED, "the most dangerous regime", "regime")
    assert (regime.code, regime.sector) == ("SAU", "GOV")
    assert regime.reason == "coreference: said of 'it'"


def test_attribute_is_the_subject_it_describes(coder) -> None:
    text = "Western diplomats said the Sudanese militia was the real government in the north."
    (government,) = actors_of(coder, text, "the real government", "government")
    assert (government.code, government.sector) == ("SDN", "UAF")


def test_predicate_that_names_its_own_actor_keeps_it(coder) -> None:
    text = "The army spokesman said the main enemy was the Ethiopian government."
    found = actors_of(coder, text, "the Ethiopian government", "government")
    assert [(a.code, a.sector) for a in found] == [("ETH", "GOV")]


def test_predicate_that_is_no_actor_stays_none(coder) -> None:
    text = "Kenyan police said the rebel group was a serious threat."
    assert actors_of(coder, text, "a serious threat", "threat") == []


def test_participle_object_pronoun_keeps_conjoined_objects(coder) -> None:
    text = "Rebels freed three soldiers and a police officer, handing them to the Red Cross."
    found = actors_of(coder, text, "handing them", "them")
    assert sorted(a.sector or "" for a in found) == ["COP", "MIL"]


def test_noun_between_object_and_participle_leaves_the_pronoun_open(coder) -> None:
    text = (
        "Ghana said on Monday that the floods had eased. Ghana's president thanked the "
        "Nigerian government for the shipment, calling it a gift."
    )
    assert "NGA" not in {a.code for a in actors_of(coder, text, "calling it", "it")}
