"""What a question asks for, and the spans of a sentence that could be that answer.

Typed questions (who, how many, when, where, which version, which licence, what an acronym stands for) are
answered by a span of their type; definitions, yes/no, why and how questions by the sentence
that says it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from qa.documents.words import STOPWORDS

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|a hundred|dozens?|hundreds|thousands|millions|a few|several|once|twice")
_QUALIFIER = r"(?:(?:over|nearly|almost|about|around|approximately|roughly|some|more than|less than|fewer than|" \
             r"up to|at least|at most|no more than|no less than|an estimated|estimated|only|just|exactly|" \
             r"within|after|before|every|per)\s+)?"
NUMBER_WORD = re.compile(f"(?:{_NUMBER_WORDS})", re.I)  # a count written in words
# A unit follows after a space (or a line break and the next line's indent, in lower case: "three\n   seconds", not
# "2\n   Seconds are rounded"), or glued for sizes, rates, times and type sizes ("1KB", "530MB/s", "100ms", ".5s",
# "24hours", "30mins", "0,5pt", a multiple "4x"; not the "s" of "1990s", nor an "h" that may mark a hexadecimal
# number, "80h"), after an adjective or not.
_UNIT = (r"(?:(?:[KMGT]i?B(?:ytes?)?(?:/s)?|ms|(?<!\d{4})s|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|"
         r"pt|px|x)\b|"
         r"(?:\s|\r?\n[ \t]+(?=(?-i:[a-z%])))"
         r"(?:additional|more|extra|new|other|consecutive|full|calendar|working|business|"
         r"[a-z]+-[a-z]+(?=\s[a-z]))?\s?"  # a hyphenated adjective: "seven space-separated fields"
         r"(?:(?-i:[A-Z]{2,}\d*)\s(?=[a-z]+s\b))?"  # a thing an acronym names: "1.2 CPU cycles", "4 GPU threads"
         r"(?:%|percent|per cent|bits?|bytes?|[KMGT]i?B(?:ytes?)?(?:/s)?|kilobytes?|megabytes?|gigabytes?|"
         r"characters?|chars?|pt|px|points?|pixels?|"
         r"lines?|columns?|words?|letters?|digits?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
         r"months?|years?|times|levels?|steps?|items?|entries|files?|fields?|stanzas?|pages?|people|persons?|"
         r"personnel|members?|users?|groups?|jobs?|arguments?|options?|versions?|releases?|copies|tests?|"
         r"dollars?|cents?|euros?|pounds?|usd|eur|gbp|pillars?|actions?|smugglers?|migrants?|ids?|uids?|gids?|"
         r"(?!(?:" + "|".join(sorted(w for w in STOPWORDS if w.endswith("s"))) + r"|means|indicates|requires|uses|"
         r"returns|disables|enables|sets|specifies|says|whereas|sometimes|besides|always|perhaps|across|unless|"
         r"less|plus|yes|thus)\b)[a-z]+s)\b)?"
         r"(?:\s(?:per\s[a-z]+|(?:a|an|each|every)\s(?:second|minute|hour|day|night|week|month|quarter|year))\b)?")
# A number glued to a word ("UTF-8", "amd64", "x86_64", "GPLv2", "time[1-4]") is part of a name, not a quantity;
# one in a path ("copyright-format/1.0/"), a manual section ("adduser.conf(5)") or a fraction ("3/4", "24/7") is
# not one either. A comma after a number ends it ("if max-procs is 0, xargs ...") unless digits follow ("1,000");
# a magnitude may be glued to it ("10K records"), and so may an exponent ("30e3": 30,000, not 30). A number that
# opens a file name ("000-default.conf") or a quoted name ("'000-default'") is none: nor, so, "'10-second'".
_DIGITS = r"\d(?:,?\d)*"
_NUMERAL = (r"(?<![\w./\\])(?<!\w-)(?<!\w[\[(])"  # nor an escape in a string ("MIME-Magic\0\n")
            r"(?!(?<=['\"`])\d+[-_][A-Za-z][\w-]*['\"`])"  # nor one opening a quoted name ("'000-default'")
            r"-?(?:" + _DIGITS + r"(?:\.\d+)*|\.\d+)(?:e[-+]?\d+(?!\w))?(?:[KMB](?!\w))?"
            r"(?!\.?\d|/|[-_][A-Za-z][\w-]*\.[A-Za-z])"  # nor one that opens a file name ("000-default.conf")
            r"(?:\s?[-–]\s?" + _DIGITS + r"|\s(?:to|or)\s+" + _DIGITS + r")?(?:\s?(?:%|percent\b))?")
# A constant's name counts when a unit follows it ("at least ASN1_MAX_ERROR_DESCRIPTION_SIZE bytes").
_CONSTANT = r"(?-i:\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b)(?=\s(?:bytes?|bits?|characters?|chars?|entries|elements|items))"
# A range's first bound: "between two and three seconds", "between 10 and 20 minutes" (one quantity, not two); a
# year is a date's ("between 2010 and 2015").
_RANGE_FROM = r"(?:between\s+(?!(?:19|20)\d\d\b)(?:" + _DIGITS + r"(?:\.\d+)?|" + _NUMBER_WORDS + r")\s+and\s+)?"
# Either of two numbers, an estimate: "1% or 2%", "one or two days", "2.5 or 3.5 MB" (whole numbers, "5 or 6 times",
# are joined by `_NUMERAL`); a year opens none.
_EITHER = r"(?:(?!(?:19|20)\d\d\b)(?:" + _DIGITS + r"(?:\.\d+)?%?|" + _NUMBER_WORDS + r")\s+or\s+(?=[\d$€£¥]|(?:" \
    + _NUMBER_WORDS + r")\b))?"
# A multiple says of what: "twice the size of the current file", "three times as much", not "twice" alone; and it
# keeps what it compares: "4x slower", "2 times faster".
_TIMES_WHAT = (r"(?:(?:(?<=twice)|(?<=times))\s(?:the\s(?:size|amount|number|length|speed|space|memory|time|cost)|"
               r"as\s(?:much|many|large|big|long|fast|slow|often))\b|"
               r"(?:(?<=times)|(?<=\dx))\s(?:faster|slower|larger|smaller|bigger|longer|shorter|more|less|fewer)\b)?")
QUANTITY = re.compile(
    _QUALIFIER + _RANGE_FROM + _EITHER
    + r"(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?|" + _NUMERAL + r"|\b(?:" + _NUMBER_WORDS + r")\b|" + _CONSTANT + ")"
    r"(?:\s(?:million|billion|trillion|thousand|hundred)\b)?(?:\s(?:or|and)\s(?:more|fewer|less|so|above|over|up)\b)?"
    + _UNIT + _TIMES_WHAT, re.I)
# What a question about money wants: a sum with its currency, not any number.
_ASKS_MONEY = re.compile(r"\b(?:cost|costs|price|fee|fees|pay|paid|charge|spend|spent|invest(?:s|ed|ing|ment|ments)?|"
                         r"fund(?:s|ed|ing)?|budget|money)\b", re.I)
_SHARE = re.compile(r"%|\bper\s?cent\b", re.I)
_ASKS_SHARE = re.compile(r"\bhow much of\b|\bwhat (?:share|percentage|proportion|part|fraction)\b", re.I)
_CURRENCY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|cents?|USD|EUR|GBP)\b", re.I)
# One of something names the thing in the singular ("only one exception"), which no unit list can foresee.
_ONE_THING = re.compile(r"\s+([a-z]{3,})\b")
# A time of day: "6:25", "6:25 am", "03:00 UTC", "10 p.m.", "5pm", "midnight"
_TIME_OF_DAY = (r"(?<![\d:.+\-])(?<!-p\s)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?(?i:[ap]\.m\.|[ap]m\b))?"
                r"(?:\s?(?:UTC|GMT)\b)?(?![\d:]|\.\d)|\b(?:1[0-2]|0?[1-9])\s?(?i:[ap]\.m\.|[ap]m\b)|"
                r"\b(?:midnight|noon|midday)\b")
TIME_OF_DAY = re.compile(_TIME_OF_DAY)
DATE = re.compile(
    r"\b\d{1,2}\s(?:" + _MONTHS + r")\s(?:19|20)\d\d\b"
    r"|\b(?:(?:early|late|mid-?)\s?)?(?:" + _MONTHS + r")(?:\s\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s(?:of\s)?(?:19|20)\d\d)?\b"  # "June of 2013" too
    r"|\b\d{4}-\d\d-\d\d\b(?:[T\s]+\d\d:\d\d(?::\d\d)?(?:\s?(?:UTC|GMT|Z)\b)?)?"
    # a day of a month: "the 15th of every month", "1st of January", "on the 3rd day of each month"
    r"|\b\d{1,2}(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:(?:every|each|the|a)\s+(?:calendar\s+)?month\b|"
    r"(?:" + _MONTHS + r")(?:,?\s(?:19|20)\d\d)?\b)"
    r"|\b(?:(?:early|late|mid)[-\s]?)?(?:1[89]|20)\d0s\b"  # a decade: "the mid-1990s", "the 2010s"
    r"|\b(?:early|late|mid)[-\s](?:19|20)\d\d\b"  # part of a year: "as of mid-2018"
    r"|\b(?:in|since|by|during|until)\s(?:19|20)\d\d\b|\b(?:19|20)\d\d\b"
    r"|\b(?:last|next|this|previous|past)\s(?:\w+\s)?(?:week|weeks|month|months|year|years|day|days)\b"
    r"|\b(?:yesterday|today|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|" + _TIME_OF_DAY)
# After a version: a pre-release ("1.1-update2", "2.0-rc.1") or a Debian revision ("0.29.0-1", "1.6-2.1+deb12u1"; not
# the "-2.3" of "2.0-2.3", two versions).
_PRE_RELEASE = (r"(?:-(?:update|rc|alpha|beta|pre|preview|dev|post|snapshot|patch)\.?\d*|"
                r"-\d+(?:\.\d+)?[+~][\w.+~]*\w(?![\w-]|\.\w)|-\d+(?![\w-]|\.\w))?")
VERSION = re.compile(r"(?:\b(?:v(?:ersion)?\s?)?\d+(?:\.\d+){0,2}\.x\b|"  # a series: "libevent 2.x", "3.11.x"
                     r"\b(?:v(?:ersion)?\s?)?\d+(?:\.\d+){1,3}(?:[a-z]+\d*)?" + _PRE_RELEASE + r"\b|"
                     r"\b(?:version|release)\s\d+(?:\.\d+){0,3}\b|"
                     r"\b(?:version|release)\s[a-z]{1,2}\d{3,}\b|"  # a snapshot: "version s20150815", "release r123"
                     r"(?<=\bversion is )\d+(?:\.\d+){0,3}\b(?!\s*(?:%|percent|times?\b|years?\b|months?\b|"
                     r"days?\b|releases?\b|x\b)))"  # "The supported protocol version is 13."; not "... is 2 years old"
                     r"(?:\s(?:and|or)\s(?:newer|later|above|higher)\b|\+)?", re.I)  # "2.1 or later" is a range
# A licence by its name: "the GNU Lesser General Public License version 2.1 or later", "GPL v2 or later", "GPLv3+",
# "version 2 or greater of the GNU GPL", "the MIT License", "the OpenLDAP Public License", "a Creative Commons
# license", "the Creative Commons Attribution-ShareAlike 4.0 International License" (a version inside the name),
# "Expat", "BSD-3-Clause"; not "This License", "The License" or "this Public License" (`_names_a_licence`).
_LICENSE_VERSION = (r"(?:,?\s(?:version|v\.?)\s?\d+(?:\.\d+)*|\s?v?\d+(?:\.\d+)*)?"
                    r"(?:\+|\sor\s(?:any\s)?later(?:\sversion)?)?")
_VERSION_BEFORE = (r"(?:\bversion\s\d+(?:\.\d+)*(?:\s(?:or|and)\s(?:greater|later|newer|above|any\slater))?"
                   r"\sof\s(?:the\s)?)?")
LICENSE = re.compile(
    _VERSION_BEFORE + r"\b[A-Z][\w+-]*\s+(?:(?:[A-Z][\w+-]*|(?<!Section\s)(?<!Sections\s)(?<!Clause\s)(?<!Article\s)"
    r"(?<!Version\s)\d+(?:\.\d+)+)\s+){0,4}(?<![Tt]his\s)(?<!The\s)[Ll]icen[cs]e\b"
    + _LICENSE_VERSION + "|"
    + _VERSION_BEFORE + r"\b(?:GNU\s)?[AL]?GPL(?:-\d(?:\.\d)?)?" + _LICENSE_VERSION + r"|"
    r"\b(?:MIT|BSD(?:-\d-[Cc]lause)?|ISC|Expat|Apache(?:-\d\.\d)?|MPL(?:-\d\.\d)?|CC0|Unlicense|[Pp]ublic [Dd]omain)\b")
# Names may be written with letters beyond ASCII ("Björn Esser", "Łukasz", "Émile").
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_CAPITAL = (rf"(?:[A-Z](?:\.[A-Z])+\.?|[{_UPPER}][{_LETTER}0-9&\-]*)(?:'s)?"
            rf"(?:\s\([{_UPPER}][{_LETTER}0-9&.\- ]*\))?")
# Words of a name are apart by a blank, two in justified text ("Anna  Berg"), or a line break.
_GAP = r"(?: {2}|\s)"
ENTITY = re.compile(_CAPITAL + rf"(?:(?:{_GAP}(?:of|and|for|on|the|de|del|to|van|von)){{0,2}}{_GAP}" + _CAPITAL + r")*")
_PLACE_CUE = re.compile(r"\b(?:in|at|along|across|from|to|into|near|throughout|within|inside|outside)\s+(?:the\s+)?$")
# Words that open a sentence before a name (not "After", "Once", "Within": names open so); in the middle of a
# sentence only those that open a clause ("9.2 When I start ..."): a capitalised "The" there is a name's own ("The
# Perl Foundation").
_CLAUSE_OPENERS = (r"According|Despite|As|In|On|At|By|For|With|Consequently|However|Meanwhile|Since|While|When|If|"
                   r"Although|Unlike|Unless|Besides|Except|Because|Whether")
_LEADING = re.compile(rf"(?:(?:The|A|An|This|These|Those|Its|Their|His|Her|Our|{_CLAUSE_OPENERS})\s+)+")
_LEADING_IN_CLAUSE = re.compile(rf"(?:(?:{_CLAUSE_OPENERS})\s+)+")

# Kinds answered by a span of their own type; the others by the sentence.
TYPED_KINDS = ("who", "quantity", "date", "place", "version", "acronym", "license")
KINDS = (*TYPED_KINDS, "definition", "yesno", "reason", "manner", "description")


@dataclass(frozen=True)
class QuestionType:
    """The kind of answer a question wants; `typed` when a span of that kind answers it."""

    name: str
    acronym: str | None = None  # for "what does X stand for": X

    @property
    def typed(self) -> bool:
        return self.name in TYPED_KINDS


# A word or two may name whose version is asked ("which gzip version", "which minimum Meson version"), but not a
# verb or an article ("what does the release say").
_MODIFIER = (r"(?!(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|"
             r"the|a|an|this|that|its|their|about|if)\b)[\w.+-]+ ")
# The counted noun ends its phrase ("the maximum command line length in xargs", "the number of closures"); one
# that goes on names something else ("the two-label limit heuristic").
_NOUN_ENDS = (r"(?=$|\s(?:of|for|in|on|per|to|at|that|which|when|if|with|by|before|after|allowed|accepted|"
              r"supported|used|does|do|is|are|can|will)\b)")
_FEW_WORDS = r"[\w.\-/]+(?: [\w.\-/]+){0,2}\??$"  # one to three words, then the end of the question
# "What kind of program is htop?" asks what htop is; "What kind of files are supported?" asks no such thing.
KIND_OF = r"\s+(?:kind|sort|type)s?\s+of\s+"  # after "what" or "which"
KIND_OF_THING = r"(?:what|which)" + KIND_OF + r"[\w-]+(?:\s+[\w-]+)?\s+(?=(?:is|are)\s+(?![a-z]+(?:ed|en)\b))"
_TYPE_PATTERNS = (
    ("license", r"\b(?:which|what) (?:[\w-]+ )?licen[cs]es?\b(?! (?:exceptions?|grants?|terms?|conditions?|says?)\b)|"
                r"\blicensed under (?:which|what)\b|\bunder (?:which|what) licen[cs]es?\b(?! exceptions?\b)|"
                r"\bwhat(?:'s|s| is| was) (?:the |its )?licen[cs]e (?:of|for) (?!use\b)(?=\S*\w)"),  # "... of pv?"
    ("quantity", r"\bhow (?:many|much|large|big|long|far|often|frequently|old|fast|high|low|deep|wide)\b|"
                 r"\bwhat (?:number|amount|percentage|share|proportion|sum|size|length|limit|maximum|minimum|max|min|"
                 r"default (?:level|size|value|number))\b|\bby how much\b|\bwhat percent\b|"
                 r"\b(?:which|what) (?:number|uid|gid|(?:(?:tcp|udp|network|default|listening) )?port)\b|"
                 r"\bwhat(?:'s| is| are) (?:the |its |their )?(?:[\w-]+'s )?"
                 r"(?:(?:default|maximum|minimum|max|min|highest|lowest) (?:[a-z-]+ )?levels?\b|"
                 r"(?:maximum|minimum|max|min|highest|lowest) (?:[a-z-]+ )?values?\b|"
                 r"(?:[a-z-]+ ){0,4}(?:size|length|limit|count|number|amount)s?\b" + _NOUN_ENDS + ")"),
    ("date", r"\bwhen\b|\bwhat (?:years?|months?|days?|dates?|time)\b|\bwhich (?:years?|months?|days?|dates?)\b|"
             r"\bsince when\b|"
             r"\bin which year\b|\bhow recent\b"),
    ("version", r"\b(?:which|what) (?:" + _MODIFIER + r"){0,2}(?:version|release)s?\b(?! notes?\b)(?!\s+\d)|"
                r"\bsince (?:which|what) version\b|"
                r"\bwhat(?:'s| is| are) the (?:latest|newest|current|last|first|oldest|minimum|required|supported) "
                r"(?:[\w.+-]+ ){0,2}(?:version|release)s?\b(?! notes?\b)"),
    ("who", r"\bwho(?:m|se)?\b(?! (?:is|are) an? " + _FEW_WORDS + r")|"
            r"\bwhich (?:agency|department|office|organi[sz]ation|body|unit|team|company|companies|"
            r"person|official|administration|center|centre|user|author|developer|maintainer|group)\b|"
            r"\bwhat (?:agency|department|office|organi[sz]ation|body|company)\b"),  # "what unit" measures
    ("place", r"\bwhere\b|\bwhich (?:country|countries|region|regions|city|cities|area|areas|border|state|place|"
              r"directory|folder|file|url|address|website|site|mailing list)\b|\bwhat (?:country|countries|region|"
              r"regions|city|area|areas|place|directory|url|address|website|mailing list)\b|"
              r"\bwhat(?:'s| is| are) (?:the |its |their )?(?:[\w-]+(?:'s)? ){0,3}(?:(?:e-?mail|web|contact|postal) "
              r"address(?:es)?|e-?mail|url|web ?site|home ?page)\??$"),  # "What is the maintainer's email address?"
    ("acronym", r"\bstand(?:s)? for\b|\bshort for\b|\babbreviat\w+\b|\bacronym\b|\bexpan(?:d|sion)\b"),
    ("reason", r"\bwhy\b|\bwhat is the reason\b|\bfor what reason\b"),
    ("manner", r"\bhow (?:do|does|did|can|could|should|would|to|is|are|was|were)\b"),
    # "Who is a Licensee?" asks what makes one, as "What is a Licensee?" does; "Who is the maintainer?" asks a name.
    ("definition", r"^what (?:is|are|was|were) (?:an? |the )?[\w.\-/ ]{1,40}\??$|"
                   r"^who (?:is|are) an? " + _FEW_WORDS + r"|\bwhat does [\w.\-/ ]+ mean\b|"
                   r"\bwhat is meant by\b|\bdefin(?:e|ition)\b|\bwhat (?:is|are) [\w.\-/ ]+ (?:for|used for)\b|"
                   r"^" + KIND_OF_THING + r"(?:is|are) [\w.\-/ ]{1,40}\??$"),
)
_AUXILIARY = r"(?:is|are|was|were|do|does|did|can|could|should|shall|will|would|may|might|must|has|have|had)\b"
_YESNO = re.compile(r"^" + _AUXILIARY, re.I)
# A condition, then a yes/no question: "When brewd.conf has no PURGE_DAYS line, are old records removed?"
_CONDITION_THEN_YESNO = re.compile(r"^(?:if|when|unless)\b[^,?]*,\s*" + _AUXILIARY, re.I)


# A question word's "'s" written without its apostrophe: "whats the minimum size ...?" asks what "what's" asks.
_WRITTEN_OUT = re.compile(r"\b(what|who|where|when|how)s\b")


def question_type(question: str) -> QuestionType:
    """The question word that comes first decides ("what happens to those who ..." is no who-question)."""
    lowered = _WRITTEN_OUT.sub(r"\1's", " ".join(question.lower().replace("\u2019", "'").split()).rstrip(" ?"))
    acronym = acronym_asked(question)
    if acronym:
        return QuestionType("acronym", acronym)
    found = [(match.start(), name) for name, pattern in _TYPE_PATTERNS if (match := re.search(pattern, lowered))]
    opening = re.search(r"\b(?:what|which|why|how|who|whom|whose|when|where)\b", lowered)
    if (_YESNO.match(lowered) and not (found and min(found)[0] < 3)) or _CONDITION_THEN_YESNO.match(lowered):
        return QuestionType("yesno")
    if found and (opening is None or min(found)[0] <= opening.start()):
        priority = [name for name, _ in _TYPE_PATTERNS]  # where two kinds start together, the first listed wins
        return QuestionType(min(found, key=lambda f: (f[0], priority.index(f[1])))[1])
    return QuestionType("description")


def acronym_asked(question: str) -> str | None:
    """X in "what does X stand for", "what is X short for", "what does the X short name mean", "expand X", "what
    did the original name, TIP, stand for" (X written in capitals); a few words may come between X and "stand for"
    ("the CDDL license short name")."""
    match = re.search(r"\b(?:does|is|do|did|was)\s+(?:the\s+)?([A-Z][A-Za-z0-9.&\-]{1,12})(?:\s+[\w-]+){0,3}?\s+"
                      r"(?:stands?|short)\s+for\b", question) \
        or re.search(r"\b(?:does|is|do)\s+(?:the\s+)?([A-Z][A-Za-z0-9.&\-]{1,12})\s+(?:abbreviat|short\s+name)",
                     question) \
        or re.search(r"\bexpan(?:d|sion of)\s+([A-Z][A-Z0-9.&\-]{1,12})\b", question) \
        or re.search(r"^\s*what\s+(?:does|did|do)\b[^?,]*,\s*([A-Z][A-Z0-9.&\-]{1,12}),\s+(?:stand|short)\s+for\b",
                     question, re.I)
    if match is None:
        match = _LOWER_CASE_STANDS_FOR.search(question)
        return match.group(1) if match and match.group(1).lower() not in STOPWORDS else None
    return match.group(1).strip(".") if sum(c.isupper() for c in match.group(1)) >= 2 else None


# A name written in lower case may stand for something too: "What does ncdu stand for?" ("ncdu (NCurses Disk Usage)");
# one it is "short for" is a clipped word more often than initials ("zstd" for "Zstandard").
_LOWER_CASE_STANDS_FOR = re.compile(r"\b(?:does|did)\s+([a-z]{3,8})\s+stands?\s+for\b", re.I)


_URL_START = r"(?:https?://|www\.)"
# "where do I email bug reports?", "where can I read it online?": the question is about where to write or look,
# not about e-mail or a website ("where is email delivered?", "where is the website's config file?").
_ASKS_EMAIL = re.compile(r"\b(?:do|should|can|could|must|to)\s+(?:i\s+|you\s+|we\s+)?e-?mail\b|"
                         r"\be-?mail\s+address\b", re.I)
_ASKS_URL = re.compile(r"\bonline\b|\b(?:url|web ?site|web ?page|home ?page)(?:\s*\??$|\s+(?:of|for)\b)", re.I)


# "Which directory ...?", "What file do I edit ...?" ask for a path or a file's name, not a name in capitals ("MIME");
# "which file systems" are no files.
_ASKS_PATH = re.compile(r"\b(?:which|what)\s+(?:directory|directories|folder|folders|path|"
                        r"files?(?!\s+(?:systems?|names?|extensions?|endings?|types?|formats?)\b))\b", re.I)
# A path ("/var/log", "C:\\Tide"), a file name with a suffix ("gate.conf", ".bashrc") or a project's conventional
# file written without one ("COPYING", "Makefile"; not a name in capitals such as "MIME").
_PATH_LIKE = re.compile(r"[/\\]|\w?\.\w|^(?:COPYING|AUTHORS|README|NEWS|INSTALL|LICEN[CS]E|CHANGES|ChangeLog|TODO|"
                        r"THANKS|HACKING|CONTRIBUTING|MAINTAINERS|Makefile|Dockerfile)$")


def address_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For "where do I email...?", only e-mail addresses; for "where can I read it online?", only URLs; for "which
    directory ...?", only paths and file names; for "where is it saved?", paths and file names if there are any."""
    if _ASKS_EMAIL.search(question):
        return [(a, b) for a, b in spans if "@" in sentence[a:b]]
    if _ASKS_URL.search(question):
        return [(a, b) for a, b in spans if re.match(_URL_START, sentence[a:b])]
    paths = [(a, b) for a, b in spans if _PATH_LIKE.search(sentence[a:b])
             and not re.match(_URL_START, sentence[a:b]) and "@" not in sentence[a:b]]
    if _ASKS_PATH.search(question):
        return paths
    if _ASKS_WHERE_KEPT.search(question):
        return paths or spans  # a place on the machine: "saved at `$HOME/.config/asciinema/install-id`", not a link
    return spans


# "Where is the install ID saved?", "where does it store its keys": a place on the machine, a path before a URL; not
# "Where can I read about how passwords are stored?".
_ASKS_WHERE_KEPT = re.compile(r"\bwhere\s+(?:is|are|was|were|do|does|did|will|would|should|can|could)\b"
                              r"(?:\s+(?!(?:how|what|why|that|if|whether|to)\b)[\w'-]+){0,6}?\s+"  # no clause between
                              r"(?:saved|stored|kept|written|cached|logged|installed|located|placed|"
                              r"save|store|keep|write|cache|log|install|put)\b", re.I)


_ASKS_MONTH = re.compile(r"\b(?:what|which) month\b", re.I)
_ASKS_YEAR = re.compile(r"\b(?:what|which) years?\b", re.I)
_A_MONTH = re.compile(r"\b(?:" + _MONTHS + r")(?!\w)|\b\d{4}-\d\d-\d\d\b")
_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d(?!\d)")  # also in a decade: "the 1990s"
# "When did wget 1.21.3 come out?", "When did they release 2.1.3?", "What is the release date of 2.0?": the date of a
# named release; not "When was support for Python 3.8 removed?"
_ASKS_WHEN_RELEASED = re.compile(r"\b(?:releas(?:e|ed|es|ing)|publish(?:ed)?|ship(?:s|ped)?|launch(?:ed)?|tagged|"
                                 r"c[oa]me\s+out|(?:is|was)\s+out)\b", re.I)


def asks_release_date(question: str) -> bool:
    """Whether the question asks when the release it names came out ("When did wget 1.21.3 come out?")."""
    return VERSION.search(question) is not None and _ASKS_WHEN_RELEASED.search(question) is not None


def dated_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For "at what time ...?", only times of day; for "in which month ...?", only the dates that name a month
    ("April", not "since 1991"); for "in which year ...?", only those that name a year; for any other, a date with
    its year before a version that marks a time ("Version 1.0 - August 17th, 2003": August 17th, 2003; not "today"
    before "version 0.9.6"); for a question that asks when the release it names came out ("When did wget 1.21.3
    come out?"), a date and no other release, but not for one that names a version for something else ("When was
    support for Python 3.8 removed?": "in 2.0")."""
    if _ASKS_TIME_OF_DAY.search(question):  # "At what time does it run?": a time, not a day
        dated = [(a, b) for a, b in spans if TIME_OF_DAY.search(sentence[a:b])]  # "2020-11-20 14:05 UTC" too
    elif _ASKS_MONTH.search(question):
        dated = [(a, b) for a, b in spans if _A_MONTH.search(sentence[a:b])]
    elif _ASKS_YEAR.search(question):
        dated = [(a, b) for a, b in spans if _A_YEAR.search(sentence[a:b])]
    else:
        dates = [(a, b) for a, b in spans if DATE.fullmatch(sentence[a:b])]
        released = asks_release_date(question)
        dated = dates if released or any(_A_YEAR.search(sentence[a:b]) for a, b in dates) else spans
    return _range_end_asked(question, dated, sentence)


# "Until which year ...?" asks where a range of dates ends, "Since when ...?" where it starts: "maintained from 2004
# to 2019" answers the one 2019, the other 2004.
_ASKS_END = re.compile(r"\b(?:until|till|up to|through)\s+(?:when|what|which)\b|"
                       r"\bwhen\b.*\b(?:end|ends|ended|stop|stops|stopped|cease|ceased|finish|finished)\b", re.I)
_ASKS_START = re.compile(r"\b(?:since|from)\s+(?:when|what|which)\b|"
                         r"\bwhen\b.*\b(?:start|starts|started|begin|begins|began|commence|commenced)\b", re.I)
_ASKS_YEARS = re.compile(r"\b(?:what|which)\s+(?:years|dates)\b", re.I)


def asks_for_years(question: str) -> bool:
    """"What years does the copyright cover?": every year or range listed answers, "1992-1993, 1996-2016"."""
    return _ASKS_YEARS.search(question) is not None


_RANGE_LINK = re.compile(r"\s*(?:to|until|till|through|-|\u2013|\u2014)\s*")


def _ranges_joined(spans: list[tuple[int, int]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]
                   ) -> list[tuple[int, int]]:
    """The spans with each chain of linked dates made one ("2004-2010-2019")."""
    linked = dict(ranges)
    joined, inside = [], {second for _, second in ranges}
    for span in spans:
        if span in inside:
            continue
        end = span
        while end in linked:
            end = linked[end]
        joined.append((span[0], end[1]))
    return joined


def _range_end_asked(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Of two dates that make a range ("from 2004 to 2019"), the end for a question about it, the start for one
    about that; all spans for any other question."""
    end, start = _ASKS_END.search(question) is not None, _ASKS_START.search(question) is not None
    ranges = [(first, second) for first, second in itertools.pairwise(spans)
              if _RANGE_LINK.fullmatch(sentence[first[1]:second[0]])]
    if asks_for_years(question):  # "What years does it cover?": the whole range, "2000-2006"
        return _ranges_joined(spans, ranges)
    if end == start:
        return spans
    dropped = {first if end else second for first, second in ranges}
    return [span for span in spans if span not in dropped]


# A change stated as "from X to Y": "ShellCheck's license has changed from AGPLv3 to GPLv3", "upgraded
# from 1.2 to 1.3". A question asks the old value when it looks back ("before that", "previously", "switched from").
_CHANGE_VERBS = (r"(?:chang(?:e|ed|es|ing)|switch(?:ed|es|ing)?|mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|"
                 r"upgrad(?:e|ed|es|ing)|downgrad(?:e|ed|es|ing)|bump(?:ed|s|ing)?|rais(?:e|ed|es|ing)|"
                 r"lower(?:ed|s|ing)?|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing)|"
                 r"convert(?:ed|s|ing)?|relicens(?:e|ed|es|ing)|replac(?:e|ed|es|ing)|went)")
# the verb in the clause that ends with "from" right before the old value: "has changed from", "was moved to MIT from"
_CHANGED_FROM = re.compile(rf"\b{_CHANGE_VERBS}\b[^.;:!?\n]{{0,60}}?\bfrom\s+(?:the\s+|an?\s+)?$", re.I)
_TO_BETWEEN = re.compile(r"\s+(?:to|into)\s+(?:the\s+|an?\s+)?")
_ASKS_OLD_VALUE = re.compile(rf"\b(?:before|previous(?:ly)?|formerly|originally|used to|prior|old|older|earlier)\b|"
                             rf"\b{_CHANGE_VERBS}\s+(?:away\s+)?from\b|\bfrom\?", re.I)


def changed_value_asked(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Of two values a sentence says something changed between ("changed from AGPLv3 to GPLv3"), the new one, or the
    old one for a question that looks back ("What licence was it under before that?"); all spans when the sentence
    states no change. Not for dates: "from 2004 to 2019" is a range."""
    old = _ASKS_OLD_VALUE.search(question) is not None
    changes = [(first, second) for first, second in itertools.pairwise(spans)
               if _TO_BETWEEN.fullmatch(sentence[first[1]:second[0]]) and _CHANGED_FROM.search(sentence[:first[0]])]
    dropped = {second if old else first for first, second in changes}
    return [span for span in spans if span not in dropped]


# A question about a point in time wants a date: "In what year ...?", "When did ...?", "When was ...?". One in the
# present asks under what condition, which a sentence may say: "When do the grants take effect?" -> "on the date
# the Contributor first distributes the Covered Work".
_ASKS_TIME_OF_DAY = re.compile(r"\b(?:what|which) time of (?:the )?day\b|\bat what time\b", re.I)
_ASKS_POINT_IN_TIME = re.compile(rf"\b(?:what|which) (?:year|month|day|date)\b|\bwhen (?:did|was|were|had)\b|"
                                 rf"{_ASKS_TIME_OF_DAY.pattern}", re.I)


def asks_point_in_time(question: str) -> bool:
    """Whether a date question wants a date itself, not the condition a sentence may state."""
    return _ASKS_POINT_IN_TIME.search(question) is not None


def money_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For "how much does it cost?", only the spans that name a currency, and for "how much of the money ...?" a
    share of it too ("Less than 5%"); "how many people paid?" counts."""
    if not _ASKS_MONEY.search(question) or re.search(r"\bhow many\b", question, re.I):
        return spans
    share = _ASKS_SHARE.search(question) is not None
    return [(a, b) for a, b in spans if _CURRENCY.search(sentence[a:b]) or (share and _SHARE.search(sentence[a:b]))]


# "Who is the director of ...?" asks for the person holding a role; an acronym ("CBP", "DHS") names an organisation.
_ASKS_ROLE_HOLDER = re.compile(
    r"\bwho(?:'s| is| was| are| were)\s+(?:the |its |their |his |her )?(?:current |new |former |first |acting )?"
    r"(?:secretary|director|head|chief|president|vice[- ]president|chair(?:man|woman|person)?|ceo|founder|"
    r"author|maintainer|leader|manager|commissioner|administrator|minister|governor|mayor|editor|owner|"
    r"spokes(?:man|woman|person)|deputy)s?\b", re.I)


# "Who wrote/leads/ported X?" asks for the one who did it; "who is/does/can ..." may ask for a description.
_ASKS_AGENT = re.compile(r"^\s*who\s+(?!" + _AUXILIARY + r")([a-z]+)", re.I)
# "By whom was it written?", "by who was the first article written?", "Who was it written by?": the doer, passive.
_ASKS_AGENT_OF_PASSIVE = re.compile(r"^\s*by\s+whom?\b|^\s*who\s+(?:was|were|is|are|has\s+been|had\s+been)\b.*"
                                    r"\bby\W*$", re.I)  # not "Who can the file be read by?"
NUMERIC_KINDS = ("quantity", "date", "version")  # answered only by a span that holds a number or a date


def asks_agent(question: str) -> bool:
    """Whether the question asks who did something ("Who ported polkit to mozjs-102?", "By whom was it written?"):
    a name answers it."""
    return _ASKS_AGENT.match(question) is not None or _ASKS_AGENT_OF_PASSIVE.search(question) is not None


def agent_verb(question: str) -> str | None:
    """The act a who-question asks the doer of ("Who certified the licence?": certified); None for another question."""
    found = _ASKS_AGENT.match(question)
    return found.group(1) if found else None


def wants_a_span(question: str, wanted: QuestionType) -> bool:
    """Whether only a span of the asked kind answers: how many, which version or licence, when exactly, who did
    something or holds a role ("Who is the director of ...?"), what an acronym stands for; a sentence may answer
    the others."""
    kind = wanted.name
    return (kind in NUMERIC_KINDS and (kind != "date" or asks_point_in_time(question))) \
        or kind in ("license", "acronym") or (kind == "who" and (asks_role_holder(question) or asks_agent(question)))


def asks_role_holder(question: str) -> bool:
    """Whether a who-question asks who holds a role ("Who is the director of ...?"): a name answers, no sentence."""
    return _ASKS_ROLE_HOLDER.search(question) is not None


def person_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For a question about who holds a role, the spans that could be a person: no bare acronym; for any question
    that opens with "who", no name written as code (`libpkgconf` is no one, nor is the "TemporaryFile" of a call;
    `tty` may answer "which group"), nor a term in quotes or the start of one (the "Original Work" is a term the
    text defines, the "What's cooking" reports are a kind of report), nor that term used again, and no acronym
    that a lower-case word qualifies ("the canonical repository URL" is a thing), nor one opening with a
    demonstrative ("This LICENSE AGREEMENT" is the text itself)."""
    if re.match(r"\s*who", question, re.I):
        quoted = [m.span(1) for m in _QUOTED_TERM.finditer(sentence)]
        terms_defined = {sentence[start:end].rstrip(".,;:") for start, end in quoted}  # and used again unquoted
        spans = [(a, b) for a, b in spans if sentence[a - 1:a] != "`" and sentence[b:b + 1] != "("
                 and sentence[a:b] not in terms_defined and not any(a == start and b <= end for start, end in quoted)
                 and not _common_acronym(sentence, a, b) and not _DEMONSTRATIVE.match(sentence, a)]
    if not asks_role_holder(question):
        return spans
    return [(a, b) for a, b in spans if not re.fullmatch(r"[A-Z]{2,}(?:'s)?", sentence[a:b])]


_DEMONSTRATIVE = re.compile(r"(?:This|That|These|Those)\s", re.I)
# A term in quotes: the "Original Work" a text defines, the "What's cooking" reports; not a quoted remark ("Thanks
# to Ines Vale, ..."), an address ("Ines Vale <ines@...>") or the inch mark of a 3.5" drive.
_QUOTED_TERM = re.compile(r"(?<!\d)[\"\u201c]([^\"\u201d<@,]{1,60})[\"\u201d]")


def _common_acronym(sentence: str, start: int, end: int) -> bool:
    before = re.search(r"([a-z]+)\s+$", sentence[:start])
    return re.fullmatch(r"[A-Z]{2,5}", sentence[start:end]) is not None and before is not None \
        and before.group(1) not in STOPWORDS


# How often something happens: "every day", "each week", "every 5 minutes", "once every minute", "twice a day",
# "daily", "roughly every 6 months".
# ("every second line" counts lines, so a second is a period only after a number; "daily" in "/etc/cron.daily" or
# "apt-daily.timer" is part of a name).
_PERIOD = r"(?:minute|hour|day|night|week|fortnight|month|quarter|year|boot|run)s?"
FREQUENCY = re.compile(r"\b(?:(?:once|twice|\d+\s+times)\s+)?(?:every|each)\s+(?:other\s+|few\s+)?" + _PERIOD + r"\b|"
                       r"\b(?:(?:once|twice|\d+\s+times)\s+)?(?:every|each)\s+\d+\s+(?:second|" + _PERIOD + r")s?\b|"
                       r"\b(?:once|twice|\d+\s+times)\s+(?:a|an|per)\s+" + _PERIOD + r"\b|"
                       r"(?<![\w./-])(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)"
                       r"(?![\w/-]|\.\w)", re.I)
_ASKS_FREQUENCY = re.compile(r"\bhow (?:often|frequently)\b", re.I)
# "How large is each record?" asks a size, "how long do I have?" a duration: where the sentence gives one, the
# count beside it ("roughly 10K records") is not the answer.
_BYTES = re.compile(r"\d\s?[KMGT]i?B(?:ytes?)?\b|\b(?:bytes?|kilobytes?|megabytes?|gigabytes?)\b", re.I)
# (what the question asks, the unit of an answer, what may answer when no span has that unit: any span, one with
# digits, a bare number only, or nothing)
_DIMENSIONS = (
    (re.compile(r"\bhow (?:large|big|heavy)\b|\bwhat size\b", re.I), _BYTES, "any"),
    (re.compile(r"\bhow much (?:space|memory|disk|ram)\b", re.I), _BYTES, "bare"),  # not "20 to 30 times"
    (re.compile(r"\bhow long\b", re.I),  # "32" may be a length or a time, "one" (of two ways) neither
     re.compile(r"\b(?:ms|\w*seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|"
                r"years?|decades?|centuries)\b", re.I), "digits"),
    (_ASKS_FREQUENCY, re.compile(r"\b(?:every|each|once|twice|times)\b|ly$", re.I), "any"),
    # a port is a whole number: not an address (224.0.0.251), never a word ("two")
    (re.compile(r"\b(?:which|what) port\b", re.I), re.compile(r"^\d{1,5}$"), "none"),
    # "Below what percentage of free memory ...?": a share ("10%"), else a bare number; never "10 times a second"
    (re.compile(r"\b(?:what|which) (?:percentage|per\s?cent)\b|\bhow many per\s?cent\b", re.I), _SHARE, "bare"),
)


def dimension_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For a size, duration, frequency, port or percentage question, the spans measured in that dimension; when the
    sentence has none, any span for a size or a frequency, one written with digits for a duration, a bare number for
    an amount of memory or a percentage, nothing for a port. A frequency without a number answers only how often
    ("every day" counts no days; "every 30 minutes" gives an interval too)."""
    if not _ASKS_FREQUENCY.search(question):
        spans = [(a, b) for a, b in spans if not _frequency_alone(sentence[a:b])]
    for asks, unit, fallback in _DIMENSIONS:
        if asks.search(question):
            measured = [(a, b) for a, b in spans if unit.search(sentence[a:b])]
            if measured or fallback == "none":
                return measured
            if fallback == "digits":
                return [(a, b) for a, b in spans if re.search(r"\d", sentence[a:b])]
            return spans if fallback == "any" else _bare_numbers(spans, sentence)
    return spans


def in_the_dimension_asked(question: str, span: str) -> bool | None:
    """Whether a span is measured in the dimension a size, duration, frequency, port or percentage question asks
    ("every 10 minutes" for "How often ...?", not "30 seconds"); None for a question that asks none."""
    unit = next((unit for asks, unit, _ in _DIMENSIONS if asks.search(question)), None)
    return None if unit is None else unit.search(span) is not None


def _frequency_alone(span: str) -> bool:
    """Whether a span says how often and gives no number ("every day", "twice a week", "hourly")."""
    return FREQUENCY.fullmatch(span) is not None and not re.search(r"\d", span)


def _bare_numbers(spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """The spans that are a number alone, with no unit or counted thing."""
    return [(a, b) for a, b in spans if not re.search(r"[a-z]", sentence[a:b], re.I)]


_ASKS_MAGNITUDE = re.compile(r"\bhow (?:many|much|large|big|long|far|often|old)\b", re.I)


def counts_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For "how many/much/big ...?", nothing below zero (the "-9" of "xz -9" is an option, no size); for "how many?",
    not a year standing alone ("2004, Oliver Elphick, Martin Pitt"): it dates, it does not count; nor a share ("a
    600% increase" for "How many suspects were detained?"), unless the question asks for one."""
    if _ASKS_MAGNITUDE.search(question):
        spans = [(a, b) for a, b in spans if not re.match(r"[-−]\d", sentence[a:b])]
    if not re.search(r"\bhow many\b", question, re.I):
        return spans
    no_shares = not _ASKS_A_RATIO.search(question)
    return [(a, b) for a, b in spans if not re.fullmatch(r"(?:19|20)\d\d", sentence[a:b])
            and not (no_shares and _SHARE.search(sentence[a:b]))]


# What states a value as the default just before it: "the default is 3072 bits", "defaults to 16", "(default: 10)";
# not one the default was, nor one set against it ("previously the default was 2048", "up from the default of 4").
_DEFAULT_BEFORE = re.compile(r"\bdefaults?(?:\s+(?:value|setting|size|level))?\s*(?:is|are|of|to|:|=)?\s*\Z|"
                             r"\(\s*default\s*[:=]?\s*\Z", re.I)
# A default of before, or one set against the new: "previously the default", "up from the default of 4", "instead of
# the default 0.8 seconds", "than the default".
_FORMER_DEFAULT = re.compile(r"\b(?:(?:previously|formerly|former|old|older|earlier|usual)\s+(?:\w+\s+)?|"
                             r"(?:up|down)\s+from\s+(?:the\s+)?|instead\s+of\s+(?:after\s+)?(?:the\s+)?|"
                             r"than\s+(?:the\s+)?)\Z", re.I)
_DEFAULT_REACH = 30  # characters before a span in which its being the default is said
# "... instead of the default?", "other than the default": a question that sets a value against the default
_AGAINST_THE_DEFAULT = re.compile(r"\b(?:instead\s+of|other\s+than|rather\s+than|compared\s+(?:to|with)|than)\b"
                                  r"[^?]*\bdefault", re.I)


def defaults_only(question: str, spans: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """For a question about a default, the spans a sentence states as the default when it states one among others
    ("For RSA keys, the minimum size is 1024 bits and the default is 3072 bits.")."""
    if not re.search(r"\bdefault", question, re.I) or _AGAINST_THE_DEFAULT.search(question):
        return spans
    said = {(a, b): _said_as_default(sentence[max(0, a - 2 * _DEFAULT_REACH):a]) for a, b in spans}
    return [s for s in spans if said[s] == "now"] or [s for s in spans if said[s] != "before"] or spans


def _said_as_default(before: str) -> str:
    """How the text before a span says it is the default: "now", "before" (a former default, or one set against
    it: "up from the default of 4") or "" (not at all)."""
    found = _DEFAULT_BEFORE.search(before)
    if found is None or len(before) - found.start() > _DEFAULT_REACH:
        return ""
    return "before" if _FORMER_DEFAULT.search(before[:found.start()]) else "now"


_ASKS_A_RATIO = re.compile(r"%|\bper\s?cent|\bpercentage|\bshare\b|\bproportion|\bfraction|\btimes\b", re.I)


def asked_noun(question: str) -> str | None:
    """The noun a which/what question names ("which department" -> "department"): answers contain it."""
    match = re.search(r"\b(?:which|what)\s+([a-z]+)", question.lower())
    return match.group(1) if match else None


_CITATION = re.compile(r"\[[A-Z][A-Za-z+.-]*\d\d[a-z]?\]")  # a reference to the literature: [Sar88], [GGO+10]


def candidate_spans(sentence: str, wanted: QuestionType) -> list[tuple[int, int]]:
    """Offsets (into `sentence`) of every span that could answer a question of type `wanted`; none inside a
    citation ("Sarwate [Sar88]": the name is Sarwate, and 88 counts nothing)."""
    citations = [m.span() for m in _CITATION.finditer(sentence)]
    found = _spans_of_kind(sentence, wanted)
    return [s for s in found if not any(a <= s[0] and s[1] <= b for a, b in citations)] if citations else found


def _spans_of_kind(sentence: str, wanted: QuestionType) -> list[tuple[int, int]]:
    if wanted.name == "quantity":  # not "2." opening an item, nor "table 3" or "section 4.11" naming a part
        counted = [_with_thing(sentence, _strip(sentence, m.span())) for m in QUANTITY.finditer(sentence)
                   if not _is_list_marker(sentence, m) and not _PRONOUN_ONE.match(sentence, m.start())
                   and re.search(r"\d|[a-z]", m.group(0), re.I)
                   and not _PART_OF_TEXT.search(sentence[max(0, m.start() - 20):m.start()])]
        frequencies = [m.span() for m in FREQUENCY.finditer(sentence) if m.span() not in counted]
        return _restated(sentence, counted) + frequencies
    if wanted.name == "date":  # software marks its time in versions: "introduced in OpenSSL version 0.9.6"
        return [m.span() for m in DATE.finditer(sentence)] + _named_versions(sentence)
    if wanted.name == "version":
        return [m.span() for m in VERSION.finditer(sentence)]
    if wanted.name == "acronym":
        return expansions(sentence, wanted.acronym or "")
    if wanted.name == "license":
        return [_strip(sentence, m.span()) for m in LICENSE.finditer(sentence)
                if _names_a_licence(re.sub(f"^{_VERSION_BEFORE}", "", m.group(0)))]
    # in a sentence written in capitals ("THE PROGRAM IS PROVIDED ... ("AGREEMENT")") a capital names nothing
    found = [] if _shouted(sentence) else _wrapped_names(sentence, [_entity(sentence, m)
                                                                     for m in ENTITY.finditer(sentence)])
    code = [m.span(1) for m in re.finditer(r"`([^`\n]+)`", sentence)]
    urls = [span for span in _paths_and_addresses(sentence) if re.match(_URL_START, sentence[span[0]:])]
    entities = [span for span in found if span is not None and not _part_of_code(span, code)
                and not _within(span, urls)]  # "HEAD" of "...;hb=HEAD" is part of an address, no name
    placed = [s for s in entities if _PLACE_CUE.search(before := sentence[max(0, s[0] - 20):s[0]])
              and not _THANKS_TO.search(before)]  # "thanks to Antoine Rouyer" is no place
    if wanted.name == "place":
        return placed + _paths_and_addresses(sentence)
    # "in Mexico" names a place, not who did something; a name in code (the `tty` group) is a name too, and so is a
    # handle ("v2 readme is written by [@jkantr]")
    handles = [m.span() for m in _HANDLE.finditer(sentence)]
    named = [s for s in entities if s not in placed and not _within(s, handles)]
    thanked = [span for span in _thanked(sentence) if not any(a <= span[0] < b for a, b in named + handles)]
    return _signed(sentence, named) + named + handles + thanked + _code_names(sentence)


# A Debian-style sign-off opening a line: " -- Name <address>" and perhaps a date; the name without a nickname in
# brackets ("Marcelo Jorge Vieira (metal)"), in whatever case it is written ("martin f. krafft").
SIGN_OFF = re.compile(r"\s*--[ \t]+(\w[^<>()\n]{0,60}?)(?:[ \t]+\([^()\n]*\))?[ \t]+<[^\s<>@]+@[^\s<>]+>")


def _signed(sentence: str, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name of a sign-off, first (not "Wed" of its date), unless it is read as a name already."""
    signed = SIGN_OFF.match(sentence)
    return [signed.span(1)] if signed and signed.span(1) not in named else []


# A credit in release notes: "(thanks, kpankonen!)", "(thanks, @vega)", "thanks to @rpm-maint": the one thanked, a
# handle in lower case too, only where a credit's closing mark follows or "@" marks it (not "No thanks, really." nor
# "thanks to caching"; a capitalised name after "thanks to" is the entity reading's).
_THANKED = re.compile(r"\bthanks,\s+@?([A-Za-z][\w-]{1,38})(?=\s*[!)\]])|"
                      r"\bthanks\s+to\s+@([A-Za-z][\w-]{1,38})\b", re.I)
_THANKS_TO = re.compile(r"\bthanks\s+to\s+$", re.I)
_NO_ONE_THANKED = STOPWORDS | frozenset("everyone everybody all anyone anybody you again much".split())


def _thanked(sentence: str) -> list[tuple[int, int]]:
    """The handles a credit thanks (`_THANKED`), none that is a stop word or thanks everyone."""
    found = [m.span(1) if m.group(1) else m.span(2) for m in _THANKED.finditer(sentence)]
    return [(a, b) for a, b in found if sentence[a:b].lower() not in _NO_ONE_THANKED]


# A user's handle on a forge or a chat ("@bitinn"), not an e-mail address ("Bram@vim.org"), an npm scope
# ("@types/node") or a call ("@decorator(x)").
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][\w-]{1,38}\b(?![./(]\w|\()")


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether the span lies inside one of `spans` (a handle, a URL)."""
    return any(a <= span[0] and span[1] <= b for a, b in spans)


_GENERIC_LICENCE_WORDS = frozenset("public general lesser library software free open source licence license "
                                   "agreement terms".split())


def _names_a_licence(found: str) -> bool:
    """A licence's name says whose or which it is ("MIT", "Creative Commons", "GPL"): "Public License" alone is
    how a licence calls itself."""
    return any(word.lower() not in _GENERIC_LICENCE_WORDS for word in re.findall(r"[A-Za-z][\w+-]*", found))


def _shouted(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _named_versions(sentence: str) -> list[tuple[int, int]]:
    """Versions that say so ("version 0.9.6", "release 3", "v0.1.29") or follow a name ("in Python 3.4"): a point
    in a program's time. A numbered part of a text ("Section 2.1") is none."""
    return [m.span() for m in VERSION.finditer(sentence)
            if re.match(r"(?:version|release)\b|v\d", m.group(0), re.I) or _after_a_name(sentence[:m.start()])]


def _after_a_name(before: str) -> bool:
    return re.search(r"\b[A-Z][\w+-]*\s$", before) is not None and not _PART_OF_TEXT.search(before)


_PART_OF_TEXT = re.compile(r"\b(?:sections?|chapters?|parts?|articles?|clauses?|figures?|tables?|appendix|appendices|"
                           r"steps?|pages?|paragraphs?|items?|rules?|notes?|examples?|exhibits?|schedules?)\s$", re.I)


def _part_of_code(span: tuple[int, int], code: list[tuple[int, int]]) -> bool:
    """A capitalised piece of inline code (ARG in `--enable-cache-owner[=ARG]`) names no one; the whole code may."""
    return any(a <= span[0] and span[1] <= b and span != (a, b) for a, b in code)


def _code_names(sentence: str) -> list[tuple[int, int]]:
    """Inline code that reads as one name (Markdown's `tty`, `nobody`, `www-data`): a user, group or program."""
    return [m.span(1) for m in re.finditer(r"`([\w.@+-]{2,40})`", sentence)]


_SMALL_WORDS = ("of", "and", "for", "the", "to", "in", "on", "a", "an", "de")
# A version number alone: "1.4.2", "v2.0" (not inside a longer token such as "1.4.2.tar")
VERSION_NUMBER = re.compile(r"(?<![\w.])v?\d+\.\d+(?:\.\d+)*(?![\w.]*\w)")
_UNSAID_LETTERS = 3  # an acronym this long spelt out in capitals needs no mention beside it
# words that open no name spelt out without its acronym: a sentence's frame or an instruction ("See Server ...")
_NO_NAME_OPENS = STOPWORDS | frozenset("see use read run note check refer consult visit neither either each every "
                                       "any some many most several".split())
_DIGIT_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four"}


def expansions(sentence: str, acronym: str) -> list[tuple[int, int]]:
    """Where `acronym` is spelled out in a sentence that mentions it: a run of words whose initials spell it
    ("Distinguished Encoding Rules (DER)", "| LPPL | LaTeX Project Public License |"), or what follows "ACR
    stands for" or "ACR is an abbreviation for", in quotes or not ('MD is an abbreviation for "multiple device"'). A
    sentence that does not mention it may still spell it out in capitals, with three letters or more:
    "Version Control Systems are designed ..." under the heading "VCS limitations"."""
    letters = [_DIGIT_WORDS.get(c, c.lower())[0] for c in acronym if c.isalnum()]
    if not re.search(rf"\b{re.escape(acronym)}", sentence):
        return _initial_runs(sentence, letters, unsaid=True) if len(letters) >= _UNSAID_LETTERS else []
    spans = _initial_runs(sentence, letters)
    for match in re.finditer(rf"\b{re.escape(acronym)}\b,?\s+(?:which\s+)?(?:stands for|stood for|is short for|"
                             r"was short for|short for|means|meant|(?:is|was)\s+an?\s+(?:abbreviation|acronym|"
                             r"initialism)\s+(?:for|of))\s+[\"\u201c]?([^().,;\"\u201d]{3,120})", sentence):
        spans.append((match.start(1), match.start(1) + len(match.group(1).rstrip())))
    more = _bracketed_long_forms(sentence, acronym) + _dashed_long_forms(sentence, acronym)
    found = [_without_possessive(sentence, span) for span in spans + more]
    return [span for span in dict.fromkeys(found) if not _another_name(sentence[span[0]:span[1]], acronym)]


def _another_name(long_form: str, acronym: str) -> bool:
    """A run that names something else: a word in capitals ("LGPL-2.1" for LGPL), or a run opening with a longer
    word the acronym begins ("PINE Is Not Elm" for PIN, "Mass Ave" for MA); a run opening with the acronym itself
    may spell it out (TIP, "Tip Isn't Pico")."""
    words = long_form.split()
    first = re.match(r"[^\W_]+", long_form)
    opening, asked = (first.group(0).upper() if first else ""), acronym.upper()
    return (len(words) == 1 and words[0].isupper()) or (opening.startswith(asked) and opening != asked)


def _without_possessive(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Cloud Native Computing Foundation's" spells CNCF out as "Cloud Native Computing Foundation"."""
    start, end = span
    return (start, end - 2) if sentence[end - 2:end] in ("'s", "\u2019s") else span


_LONG_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # "re-engineer" is one word


def _dashed_long_forms(sentence: str, acronym: str) -> list[tuple[int, int]]:
    """An acronym labelling its long form after a dash or a colon, as a table's or a list's label does: "NFU - new
    feature (user requested)", "RR - refactor and re-engineer": the fewest words whose initials spell it, with the
    rest of a bracket they open, when they are the label's whole text ("UI: update icons for the dark theme" is a
    change log's entry, no long form)."""
    letters = "".join(c.lower() for c in acronym if c.isalnum())
    found = []
    for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}\s*(?:(?:--?|[\u2013\u2014:])\s+)([^|\n.;]{{3,120}})",
                             sentence):
        words = list(_LONG_WORD.finditer(match.group(1)))
        count = next((count for count in range(1, min(len(words), 2 * len(letters)) + 1)
                      if _initials_spell([w.group(0) for w in words[:count]], letters)), None)
        if count is None:
            continue
        end = words[count - 1].end()
        opened = match.group(1).rfind("(", 0, end)
        if opened > match.group(1).rfind(")", 0, end):  # "new feature (user" goes on to "requested)"
            closing = match.group(1).find(")", end)
            end = closing + 1 if closing >= 0 else end
        if match.group(1)[end:].strip():
            continue  # the label's whole text spells it, or it is no long form ("UI: update icons for the dark theme")
        found.append((match.start(1), match.start(1) + end))
    return found


def _bracketed_long_forms(sentence: str, acronym: str) -> list[tuple[int, int]]:
    """An acronym defined beside its long form in brackets, either way round, the acronym maybe plural: "the
    available KEX (Key Exchange) algorithms", "message authentication code (MAC)", "ACLs (access control lists)". As
    Schwartz and Hearst (2003) find long forms, a letter may come from inside a word ("Key EXchange") and the words
    need no capitals; here every word but a small one also starts with one of the letters ("Keys are exchanged"
    spells no KEX)."""
    letters = "".join(c.lower() for c in acronym if c.isalnum())
    most = min(len(letters) + 5, 2 * len(letters))  # words in a long form at most (their bound)
    found = []
    for match in re.finditer(rf"\(\s*{re.escape(acronym)}s?\s*\)", sentence):  # long form (ACR): the fewest words
        before = re.sub(r"['\u2019]s\s*$", "", sentence[:match.start()])  # "Cloud Native Computing Foundation's (CNCF)"
        words = list(re.finditer(r"[^\W_]+", before))
        first = next((len(words) - count for count in range(2, min(most, len(words)) + 1)
                      if _spells([w.group(0).lower() for w in words[-count:]], letters)), None)
        if first is not None:
            found.append((words[first].start(), words[-1].end()))  # "**Open Harbour Fund** (OHF)" ends at "Fund"
    for match in re.finditer(rf"\b{re.escape(acronym)}s?\s*\(\s*([^()]{{3,120}}?)\s*\)", sentence):  # ACR (long form)
        inside = [w.group(0).lower() for w in re.finditer(r"[^\W_]+", match.group(1))]
        if 2 <= len(inside) <= most and _spells(inside, letters):
            found.append(match.span(1))
    return found


def _initials_spell(words: list[str], letters: str) -> bool:
    """Whether the words' initials spell the letters: each word gives its first letter (a hyphenated one the first
    letters of its first parts: "long-term" l or lt; a word in capitals its letters: "client ID" spells CID), a
    small word its first letter or none."""

    @cache
    def spelled(word: int, letter: int) -> bool:  # words[word:] spell letters[letter:]
        if word == len(words):
            return letter == len(letters)
        if words[word].lower() in _SMALL_WORDS and spelled(word + 1, letter):
            return True
        return any(letters.startswith(given, letter) and spelled(word + 1, letter + len(given))
                   for given in _initials(words[word]))

    return spelled(0, 0)


def _initials(word: str) -> set[str]:
    """The letters a word of a long form may give: its first, or the first of each of its first hyphenated parts
    ("long-term": l or lt), a part in capitals giving all its letters ("client ID": the ID gives i or id)."""
    parts = [part.lower() if len(part) > 1 and part.isupper() else part[0].lower() for part in word.split("-") if part]
    return {parts[0][0]} | {"".join(parts[:count]) for count in range(1, len(parts) + 1)} if parts else set()


def _spells(words: list[str], letters: str) -> bool:
    """Whether the words spell the letters in order: the first word gives the first letter, and each word after it
    but a small one gives its first letter and maybe more of its own after it; a small word gives its first letter
    or none ("the Mac (MAC)" spells nothing out)."""

    @cache
    def spelled(word: int, letter: int) -> bool:  # words[word:] spell letters[letter:]
        if word == len(words):
            return letter == len(letters)
        text, small = words[word], words[word] in _SMALL_WORDS
        if small and word > 0 and spelled(word + 1, letter):
            return True
        if letter == len(letters) or text[0] != letters[letter]:
            return False
        if small:
            return spelled(word + 1, letter + 1)
        return any(_in_order(letters[letter + 1:taken], text[1:]) and spelled(word + 1, taken)
                   for taken in range(letter + 1, len(letters) + 1))

    return spelled(0, 0)


def _in_order(letters: str, word: str) -> bool:
    """The letters appear in the word in this order (not necessarily together)."""
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def _initial_runs(sentence: str, letters: list[str], unsaid: bool = False) -> list[tuple[int, int]]:
    """Runs of capitalised words (small words between them allowed) whose initials spell `letters`; a word of
    capitalised parts gives its own initial or each part's ("Wi-Fi Protected Access": WPA, "Decorate-Sort-Undecorate":
    DSU). `unsaid`: the sentence does not mention the acronym, so the run must read as a name: no mark between its
    words, no word in capitals, no opening word of a sentence's frame or of an instruction ("See Server Hardening"
    spells no SSH, "Neither the Font Software" no NFS), in a sentence not written in capitals."""
    if unsaid and _shouted(sentence):
        return []
    target = "".join(letters)
    words = list(re.finditer(r"[A-Za-z0-9][\w'*\-]*", sentence))
    found = []
    for first in range(len(words)):
        if unsaid and words[first].group(0).lower() in _NO_NAME_OPENS:
            continue
        spelled = {""}
        for index in range(first, len(words)):
            word = words[index].group(0)
            if word.lower() in _SMALL_WORDS and index > first:
                continue
            gap = sentence[words[index - 1].end():words[index].start()] if index > first else ""
            if not word[0].isupper() or (unsaid and (gap.strip() or (len(word) > 1 and word.isupper()))):
                break
            spelled = {done + given for done in spelled for given in _word_initials(word)
                       if target.startswith(done + given)}
            if not spelled:
                break
            if target in spelled:
                if index > first or "-" in word:
                    last_word = word.rstrip("*")  # "**Open Harbour Fund**" ends at "Fund"
                    found.append((words[first].start(), words[index].start() + len(last_word)))
                break
    return found


def _word_initials(word: str) -> set[str]:
    """A word's initial, and for a word of capitalised parts ("Wi-Fi", "Decorate-Sort-Undecorate") its parts'."""
    parts = [part for part in word.split("-") if part]
    own = {word[0].lower()}
    return own | {"".join(part[0].lower() for part in parts)} if len(parts) > 1 and \
        all(part[0].isupper() for part in parts) else own


# Hard-wrapped text breaks a long path after a slash ("placed in the /\nusr/share/python-wheels directory"); a
# slash that ends a line goes on, unless the next line opens with a word of prose ("/usr/share/doc/\nand").
_WRAP = r"(?:\n[ \t]*(?!(?:and|or|the|a|an|is|are|in|of|on|to|for|with|which|that|as|by|if|when)\b))?"
# A path may start at a home directory or a variable ("~/.profile", "$HOME/.postgresqlrc", "${prefix}/lib").
_PATH_ROOT = r"(?:(?<![\w$])(?:~[\w-]*|\$\{?[A-Za-z_]\w*\}?))?"
# A directory's closing slash is part of it ("/usr/share/doc/apache2-doc/manual/"), a full stop is not.
_PATH = r"(?<![\w])" + _PATH_ROOT + "/" + _WRAP + r"(?:[\w.+-]+/" + _WRAP + r")*[\w.+-]*[\w+-]" \
    r"(?:/(?=[\s'\"`),.;:]|$))?"


def is_address(text: str) -> bool:
    """A URL, a path or an e-mail address, as `_paths_and_addresses` finds them."""
    return re.match(_URL_START, text) is not None or re.match(_PATH_ROOT + "/", text) is not None or "@" in text


def _paths_and_addresses(sentence: str) -> list[tuple[int, int]]:
    """File paths, URLs, e-mail addresses and numbered parts of a text ("Section 6(a)"): the "where" of technical
    documents. A URL stops at brackets, quotes and backticks (Markdown writes `[https://x](https://x)`) and never
    ends in punctuation."""
    return [m.span() for m in re.finditer(_URL_START + r"[^\s<>()\[\]\"'`]+[^\s<>().,;:\[\]\"'`*]|"
                                          r"[\w.+-]+@[\w-]+\.[\w.-]+\w|" + _PATH + "|" + _PART_REFERENCE, sentence)]


# A place in a text: "Section 6(a)", "Article 11", "section 4.2" ("where is the term specified?").
_PART_REFERENCE = r"\b(?:[Ss]ection|[Aa]rticle|[Cc]hapter|[Cc]lause|[Aa]ppendix|[Pp]aragraph|[Aa]nnex)\s+\d{1,3}" \
                  r"(?:\.\d{1,3})*(?:\s?\([a-z0-9]{1,4}\))*"


# "One can adjust ...", "one should ...": the pronoun, not a count.
_PRONOUN_ONE = re.compile(r"\s*one\s+(?:can|could|may|might|must|should|would|will|needs?|has to|had better)\b", re.I)


def _is_list_marker(sentence: str, match: re.Match[str]) -> bool:
    """"2." opening a numbered item counts items, and "9.1  Who is SIL?", "9.1 Who is SIL?" or "9  ABOUT SIL"
    numbers a section: not a quantity in the text ("2.5 GB are needed" and "50.5 Hz is the mains frequency" are)."""
    if sentence[:match.start()].strip():
        return False
    after = sentence[match.end():]
    if re.match(r"\s*[.)]\s|\s{2,}\S|\t", after):
        return True
    asks = sentence.rstrip().endswith("?")  # a FAQ's numbered question: "9.1 Who is SIL International?"
    return asks and "." in match.group(0) and re.match(r"\s[A-Z][a-z]", after) is not None


def _restated(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quantity restated in brackets right after it is one answer with it: "86400 (24hours)", "1024 (1 KiB)", "3
    days (72 hours)"; not another quantity in brackets ("2 cores (4 threads)")."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        close = _CLOSING.match(sentence, span[1])
        if merged and close and _OPENING.fullmatch(sentence, merged[-1][1], span[0]) \
                and _one_measure(sentence[slice(*merged[-1])], sentence[slice(*span)]):
            merged[-1] = (merged[-1][0], close.end())
        else:
            merged.append(span)
    return merged


_OPENING, _CLOSING = re.compile(r"\s*\(\s*"), re.compile(r"\s*\)")
_BARE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_MEASURES = (re.compile(r"(?:\d|\b)(?:ms|s|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)$",
                        re.I),
             re.compile(r"(?:\d|\b)(?:bytes?|[KMGT]i?B(?:ytes?)?|kilobytes?|megabytes?|gigabytes?)$", re.I))


def _one_measure(first: str, second: str) -> bool:
    """Whether `second` may restate `first`: a bare number in other units, or the same kind of measure."""
    return bool(_BARE_NUMBER.fullmatch(first)) or any(m.search(first) and m.search(second) for m in _MEASURES)


def _with_thing(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """"one" or "1" widened over the singular noun it counts, unless a unit already follows it."""
    start, end = span
    if not re.search(r"(?<![\d.,-])\b(?:one|1|single)$", sentence[start:end], re.I):
        return span
    thing = _ONE_THING.match(sentence, end)
    return (start, thing.end()) if thing and thing.group(1) not in STOPWORDS else span


def coordinated(sentence: str, spans: list[tuple[int, int]], chosen: tuple[int, int]) -> tuple[int, int]:
    """`chosen` widened over the spans listed with it ("Google, Yahoo, and Lucasfilm"; "2 or 3 days"): a
    list answers as a whole, and which of its items the asker wanted is theirs to see."""
    ordered = sorted(set(spans))
    first = last = ordered.index(chosen)
    while first > 0 and _joins(sentence[ordered[first - 1][1]:ordered[first][0]]):
        first -= 1
    while last + 1 < len(ordered) and _joins(sentence[ordered[last][1]:ordered[last + 1][0]]):
        last += 1
    return ordered[first][0], ordered[last][1]


_LIST_GAPS = frozenset((",", "and", "or", "and/or", "&", ", and", ", or", "as well as", ", as well as"))


def _joins(gap: str) -> bool:
    """The text between two list items: a comma or a conjunction, perhaps with brackets around ("<url>, <url>")."""
    bare = " ".join(re.sub(r"[<>()\[\]]", " ", gap).split()).lower()
    return bare in _LIST_GAPS


def _strip(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and sentence[start] == " ":
        start += 1
    while end > start and sentence[end - 1] in " ,.;:":
        end -= 1
    return start, end


_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_AFTER_A_NAME = re.compile(r"[ \t]*(?:[.,;:)]|$|[a-z])")  # the sentence goes on: "Davison.", "Davison, who ..."
_NAME_BEFORE = re.compile(rf"[{_UPPER}][{_LETTER}'-]*[ \t]+$")


def _wrapped_names(sentence: str, found: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """Two one-word names a line break and an indent part, the second followed by the rest of the sentence, as one
    name: a hard-wrapped man page breaks "created by Wayne\n       Davison." (not "Anna Berg\n    Carl Dunn", a list,
    nor "Anna Berg\n    Please report bugs ...")."""
    merged: list[tuple[int, int] | None] = []
    for span in found:
        last = merged[-1] if merged else None
        if span is not None and last is not None and _one_name_wrapped(sentence, last, span):
            merged[-1] = (last[0], span[1])
        else:
            merged.append(span)
    return merged


def _one_name_wrapped(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    return (_LINE_BREAK.fullmatch(sentence, first[1], second[0]) is not None
            and not re.search(r"\s", sentence[first[0]:first[1]] + sentence[second[0]:second[1]])
            and _AFTER_A_NAME.match(sentence, second[1]) is not None
            and _NAME_BEFORE.search(sentence, 0, first[0]) is None)


def _entity(sentence: str, match: re.Match[str]) -> tuple[int, int] | None:
    """An entity match minus leading function words; None for a lone capitalised common word."""
    start, end = match.span()
    opens_sentence = not sentence[:start].strip(" \t\n*-\u2022+")
    leading = (_LEADING if opens_sentence else _LEADING_IN_CLAUSE).match(sentence, start, end)
    if leading:
        start = leading.end()
    text = sentence[start:end].rstrip(".")
    end = start + len(text)
    if not text:
        return None
    single = " " not in text and not re.search(r"[A-Z].*[A-Z]", text)
    if single and text.lower() in STOPWORDS:  # "By default, ..." after a list item's label: no name
        return None
    if DATE.fullmatch(text):  # "August" in "through 1.2.26, August 15, 2004" is a date, not a person
        return None
    if re.fullmatch(r"[A-Z]{2,}s", text):  # "IDEs", "CPUs", "URLs": things in the plural, never a name
        return None
    sentence_start = (not sentence[:start].strip(" \t\n*-•+")  # also after a list item's bullet ("* Various")
                      or re.search(r"(?:[:.;]\s*|\d\.\s*|\n\s*[*\-•+]\s+)$", sentence[:start]) is not None)
    return None if single and sentence_start else (start, end)
