"""Which language an article is written in, so that text the English coder cannot read is
reported instead of being coded into nonsense.

Two cues, both cheap: the writing system of the letters (Arabic, Cyrillic, Han, ...), and,
for Latin-script text, the share of words that are the commonest function words of each
language. Short texts are never judged: under ``MIN_WORDS`` words the answer is ``"und"``
(undetermined), which the readers treat as English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

UNDETERMINED = "und"
ENGLISH = "en"
MIN_WORDS = 25  # fewer words than this: too little evidence, never rejected
_MIN_SHARE = 0.15  # a language's function words must be at least this share of the words
_MARGIN = 2.0  # ... and this many times English's share

# The commonest function words (articles, prepositions, conjunctions, pronouns, auxiliaries)
# of languages written in Latin script; words shared by several languages count for each.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for on with as by was at from it be are were has "
        "have had said which this not but an or its will would their they he his who",
        "fr": "le la les de des du un une et est en que qui dans pour par sur au aux avec "
        "ce cette sont ont il elle ils pas plus a été ne se son sa ses leur",
        "de": "der die das und ist nicht ein eine einen dem den des mit von zu auf für im "
        "sich auch es sie er wird wurde hat haben sind dass bei nach aus",
        "es": "el la los las de del y en que un una por con para es son se no al lo su sus "
        "como más pero fue ha han este esta también entre",
        "it": "il lo la gli le di del della dei delle e che un una per con non è sono si da "
        "in al alla nel nella ha hanno anche più come questo",
        "pt": "o a os as de do da dos das e que um uma em no na nos nas por para com não é "
        "são se foi ao aos pelo pela mais também",
        "nl": "de het een en van in is dat op te zijn met voor niet aan er die door ook als "
        "bij wordt werd naar maar om heeft hebben",
        "sv": "och i att det som en på är av för med till den har de inte om ett var men "
        "från sig vid eller kan också",
        "da": "og i at det som en på er af for med til den har de ikke om et var men fra "
        "sig ved eller kan også blev",
        "no": "og i at det som en på er av for med til den har de ikke om et var men fra "
        "seg ved eller kan også ble",
        "fi": "ja on ei se että oli hän ovat myös kun mutta tai joka sekä kuin ole olla "
        "mukaan jo vielä nyt",
        "pl": "i w na z do nie się że to jest o jak przez po od za jego ich był była oraz "
        "ale dla tym także",
        "cs": "a v na se že je s z do o to by jako k ve pro za jsou byl bylo také ale jeho "
        "které který podle",
        "ro": "și în de la a cu pe din care că este nu o un mai se au fost ale lui pentru "
        "sau dar prin după",
        "hu": "a az és hogy nem is egy van volt meg de ez azt csak még már el mint után "
        "pedig szerint",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama en kadar sonra ne o "
        "ise değil var",
        "id": "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke karena "
        "ada oleh telah bahwa mereka",
        "hr": "i u je na da se za su od s sa ne to koji koja koje kao iz ali bio bila nije prema",
        "sq": "të në dhe e i një për me që është nga se nuk ka janë u do si më por edhe",
        "tl": "ang ng sa na mga at ay si ni para kay hindi ito siya nila kanilang",
        "sw": "na ya wa kwa ni la katika za cha kuwa hiyo hii lakini pia wakati",
        "vi": "và của là có được trong cho không những các một người này với đã đến",
    }.items()
}

# Scripts other than Latin, by the start of the Unicode character name of their letters.
_SCRIPTS = {
    "ARABIC": "ar",
    "CYRILLIC": "ru",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am",
    "TAMIL": "ta",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "tr": "Turkish", "id": "Indonesian", "hr": "Croatian", "sq": "Albanian", "tl": "Tagalog",
    "sw": "Swahili", "vi": "Vietnamese", "ar": "Arabic", "ru": "a Cyrillic-script language",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "he": "Hebrew", "el": "Greek",
    "hi": "Hindi", "bn": "Bengali", "th": "Thai", "ka": "Georgian", "hy": "Armenian",
    "am": "Amharic", "ta": "Tamil",
}  # fmt: skip


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or ``"und"`` when there is too little text
    or no clear answer.

    >>> detect_language("The minister said on Monday that the talks would resume in Ankara "
    ...                 "after the two sides agreed on a new ceasefire, and that he was ready "
    ...                 "to meet his counterpart at the border as soon as it was safe.")
    'en'
    """
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return UNDETERMINED
    script = _main_script(text)
    if script is not None:
        return script
    lowered = [w.lower() for w in words]
    shares = {
        lang: sum(w in vocab for w in lowered) / len(lowered)
        for lang, vocab in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda lang: shares[lang])
    if best == ENGLISH:
        return ENGLISH
    if shares[best] >= _MIN_SHARE and shares[best] >= _MARGIN * shares[ENGLISH]:
        return best
    return UNDETERMINED


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def _main_script(text: str) -> str | None:
    """The language of a non-Latin script that most letters are written in, if any."""
    scripts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue
        name = unicodedata.name(char, "")
        for prefix, lang in _SCRIPTS.items():
            if name.startswith(prefix):
                scripts[lang] += 1
                break
    if not scripts:
        return None
    lang, count = scripts.most_common(1)[0]
    if lang == "zh" and scripts["ja"]:
        lang, count = "ja", count + scripts["ja"]  # kana among Han characters: Japanese
    return lang if count >= 0.5 * letters else None
