"""Language check at ingest: text the English coder cannot read is reported, not coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.ingest import read_articles
from accord.ingest.language import UNDETERMINED, detect_language
from accord.ingest.readers import BadRecord

ENGLISH = (
    "The defence minister said on Tuesday that talks with the neighbouring country would "
    "resume next week in the capital, after both governments agreed to a new ceasefire "
    "along the border and promised to exchange prisoners held since the spring."
)
WRITTEN = {
    "fr": "Le ministre de la Défense a déclaré mardi que les discussions avec le pays voisin "
    "reprendraient la semaine prochaine dans la capitale, après que les deux gouvernements se "
    "sont mis d'accord sur un nouveau cessez-le-feu le long de la frontière.",
    "de": "Der Verteidigungsminister sagte am Dienstag, dass die Gespräche mit dem Nachbarland "
    "in der nächsten Woche in der Hauptstadt fortgesetzt werden, nachdem sich beide "
    "Regierungen auf eine neue Waffenruhe an der Grenze geeinigt haben.",
    "es": "El ministro de Defensa dijo el martes que las conversaciones con el país vecino se "
    "reanudarán la semana próxima en la capital, después de que los dos gobiernos acordaron "
    "un nuevo alto el fuego a lo largo de la frontera con el país.",
    "ru": "Министр обороны заявил во вторник, что переговоры с соседней страной возобновятся "
    "на следующей неделе в столице, после того как оба правительства договорились о новом "
    "прекращении огня вдоль границы и обещали обменяться пленными.",
    "ar": "قال وزير الدفاع يوم الثلاثاء إن المحادثات مع البلد المجاور ستستأنف الأسبوع المقبل "
    "في العاصمة بعد أن اتفقت الحكومتان على وقف جديد لإطلاق النار على طول الحدود وتبادل "
    "الأسرى المحتجزين منذ الربيع الماضي في السجون.",
}


@pytest.mark.parametrize("language", sorted(WRITTEN))
def test_languages_are_recognised(language: str) -> None:
    assert detect_language(WRITTEN[language]) == language


def test_english_news_and_name_lists_are_english() -> None:
    assert detect_language(ENGLISH) == "en"
    names = (
        "Presidents Emmanuel Macron, Recep Tayyip Erdogan, Luiz Inacio Lula da Silva and "
        "Cyril Ramaphosa, Prime Ministers Pedro Sanchez, Giorgia Meloni and Narendra Modi, "
        "and the foreign ministers of Brazil, Turkey and Spain met in Rio de Janeiro."
    )
    assert detect_language(names) in ("en", UNDETERMINED)


def test_short_text_is_never_judged() -> None:
    assert detect_language("Der Minister sagte, die Gespräche würden fortgesetzt.") == (
        UNDETERMINED
    )


def test_reader_reports_a_foreign_article_and_keeps_the_others(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": ENGLISH}, {"id": "b", "text": WRITTEN["fr"]}, {"id": "c"}]
    rows[2]["text"] = ENGLISH.replace("Tuesday", "Wednesday")
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    records = list(read_articles([feed]))
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert [r.id for r in records if not isinstance(r, BadRecord)] == ["a", "c"]
    assert [str(b) for b in bad] == [
        f"{feed}:2: the text is in French (fr): accord codes English text only"
    ]
