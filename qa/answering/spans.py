"""What a question asks for (who, how many, when, where) and the spans of a sentence that fit."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|a hundred|dozens?|hundreds|thousands|millions")
_QUALIFIER = r"(?:(?:over|nearly|almost|about|around|approximately|roughly|some|more than|less than|fewer than|" \
             r"up to|at least|at most|an estimated|estimated)\s+)?"
QUANTITY = re.compile(
    _QUALIFIER + r"(?:\$\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b)?|\b(?:" + _NUMBER_WORDS + r")\b)"
    r"(?:\s(?:million|billion|trillion|thousand|hundred)\b)?", re.I)
DATE = re.compile(
    r"\b(?:(?:early|late|mid-?)\s?)?(?:" + _MONTHS + r")(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s(?:19|20)\d\d)?\b"
    r"|\b(?:in|since|by|during|until)\s(?:19|20)\d\d\b|\b(?:19|20)\d\d\b"
    r"|\b(?:last|next|this|previous|past)\s(?:\w+\s)?(?:week|weeks|month|months|year|years|day|days)\b"
    r"|\b(?:yesterday|today|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_CAPITAL = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Za-z0-9&\-]*)(?:'s)?(?:\s\([A-Z][A-Za-z0-9&.\- ]*\))?"
ENTITY = re.compile(_CAPITAL + r"(?:(?:\s(?:of|and|for|on|the|de|del|to)){0,2}\s" + _CAPITAL + r")*")
_PLACE_CUE = re.compile(r"\b(?:in|at|along|across|from|to|into|near|throughout|within|inside|outside)\s+(?:the\s+)?$")
_LEADING = re.compile(r"^(?:(?:The|A|An|This|These|Those|Its|Their|His|Her|Our|According|Despite|As|In|On|"
                      r"At|By|For|With|Consequently|However|Meanwhile|Since|While|When|If|Although)\s+)+")


TYPED_KINDS = ("who", "quantity", "date", "place")


@dataclass(frozen=True)
class QuestionType:
    """The kind of span a question wants; `typed` is False for what/why/how questions."""

    name: str

    @property
    def typed(self) -> bool:
        return self.name in TYPED_KINDS


_TYPE_PATTERNS = (
    ("quantity", r"\bhow (?:many|much|large|big|long|far|often)\b|\bwhat (?:number|amount|percentage|share|"
                 r"proportion|sum|size)\b|\bhow (?:high|low)\b|\bby how much\b|\bwhat percent\b"),
    ("date", r"\bwhen\b|\bwhat (?:year|month|day|date|time)\b|\bwhich (?:year|month|day|date)\b|\bsince when\b"),
    ("who", r"\bwho(?:m|se)?\b|\bwhich (?:agency|department|office|organi[sz]ation|body|unit|group|team|"
            r"person|official|administration|center|centre)\b|\bwhat (?:agency|department|office|"
            r"organi[sz]ation|body|unit)\b"),
    ("place", r"\bwhere\b|\bwhich (?:country|countries|region|regions|city|cities|area|areas|border|state|place)\b|"
              r"\bwhat (?:country|countries|region|regions|city|area|areas|place)\b"),
)


def question_type(question: str) -> QuestionType:
    """The question word that comes first decides ("what happens to those who ..." is no who-question)."""
    lowered = " ".join(question.lower().replace("\u2019", "'").split())
    found = [(match.start(), name) for name, pattern in _TYPE_PATTERNS if (match := re.search(pattern, lowered))]
    opening = re.search(r"\b(?:what|which|why|how|who|whom|whose|when|where|is|are|do|does|did|can)\b", lowered)
    if found and (opening is None or min(found)[0] <= opening.start()):
        return QuestionType(min(found)[1])
    return QuestionType("description")


def asked_noun(question: str) -> str | None:
    """The noun a which/what question names ("which department" -> "department"): answers contain it."""
    match = re.search(r"\b(?:which|what)\s+([a-z]+)", question.lower())
    return match.group(1) if match else None


def candidate_spans(sentence: str, wanted: QuestionType) -> list[tuple[int, int]]:
    """Offsets (into `sentence`) of every span that could answer a question of type `wanted`."""
    if wanted.name == "quantity":
        return [_strip(sentence, m.span()) for m in QUANTITY.finditer(sentence) if not _is_list_marker(sentence, m)]
    if wanted.name == "date":
        return [m.span() for m in DATE.finditer(sentence)]
    found = [_entity(sentence, m) for m in ENTITY.finditer(sentence)]
    entities = [span for span in found if span is not None]
    placed = [s for s in entities if _PLACE_CUE.search(sentence[max(0, s[0] - 20):s[0]])]
    if wanted.name == "place":
        return placed
    return [s for s in entities if s not in placed]  # "in Mexico" names a place, not who did something


def _is_list_marker(sentence: str, match: re.Match[str]) -> bool:
    """"2." opening a numbered item counts items; it is not a quantity in the text."""
    return not sentence[:match.start()].strip() and re.match(r"\s*[.)]\s", sentence[match.end():]) is not None


def _strip(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while end > start and sentence[end - 1] in " ,.":
        end -= 1
    return start, end


def _entity(sentence: str, match: re.Match[str]) -> tuple[int, int] | None:
    """An entity match minus leading function words; None for a lone capitalised common word."""
    start, end = match.span()
    leading = _LEADING.match(sentence, start, end)
    if leading:
        start = leading.end()
    text = sentence[start:end].rstrip(".")
    end = start + len(text)
    if not text:
        return None
    single = " " not in text and not re.search(r"[A-Z].*[A-Z]", text)
    sentence_start = start == 0 or re.search(r"(?:^|[:.;]\s*|\d\.\s*)$", sentence[:start]) is not None
    return None if single and sentence_start else (start, end)
