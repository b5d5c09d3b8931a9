"""Reading follow-ups: which questions point back, what they are read as, and when nothing resolves them."""

from __future__ import annotations

import pytest

from qa.conversation import followups
from qa.conversation.followups import Taken, Turn, points_back, resolve
from qa.documents import uploads
from qa.evaluation.gold import load_gold
from tests.helpers.corpora import corpus_with, writable_service
from tests.helpers.paths import ROOT, SEEDS

SENTINEL = Turn("What is Operation Sentinel?", "a campaign against human-smuggling networks")
WHO_LEADS = Turn("Who leads Operation Sentinel?", "U.S. Customs and Border Protection's National Targeting Center")
PERU = Turn("What is the capital of Peru?", None)


@pytest.fixture(scope="module")
def corpus(service):
    return service.snapshot.corpus


@pytest.mark.parametrize(("question", "expected"), [
    ("Who leads it?", "pronoun"),
    ("what's its budget?", "pronoun"),
    ("Who runs them?", "pronoun"),
    ("what happens there?", "pronoun"),
    ("Does that one work?", "pronoun"),
    ("and how many people does HSI have on it?", "ellipsis"),
    ("What about JTFA?", "ellipsis"),
    ("how many?", "ellipsis"),
    ("Is it possible to keep the original file?", None),   # "it" stands for nothing earlier
    ("How long does it take to compress a file?", None),
    ("What is it set to by default?", "pronoun"),           # "to" before a preposition opens no infinitive
    ("does it default to the first one?", "pronoun"),
    ("Is it a good idea to run the nightly builds?", None),  # "to run" further on
    ("how do I get a more detailed one?", "pronoun"),       # another of a kind named before
    ("Why does the daemon kill ssh and start a new one?", None),  # ... of one named in the question
    ("How do I write a one-line summary?", None),
    ("Is there a limit?", None),                            # existential "there"
    ("What does this option do?", "pronoun"),               # a demonstrative before a noun points back too
    ("since which version has that function been available?", "pronoun"),
    ("who sends those reports out?", "pronoun"),
    ("What happens to tests that declare a restriction?", None),  # "that" as a relative pronoun
    ("Does it mean that sorts are stable?", None),          # ... or a conjunction
    ("What can happen to those who hire smugglers?", None),
    ("What does this document cover?", None),               # the text itself
    ("where is the repository hosted these days?", None),   # time
    ("When was git created and who maintains it?", None),   # the antecedent is in the question
    ("How can I check what a string like that comes out to?", "pronoun"),  # "like that": something said before
    ("Which files look like that archive?", "pronoun"),
    ("How do I match a line like this: key = value?", None),  # an example follows
    ("Why does git print a message like this when I push?", None),
    ("Who leads Operation Sentinel?", None),
])
def test_which_questions_point_back(question: str, expected: str | None) -> None:
    assert points_back(question) == expected


def test_no_standalone_gold_question_is_read_as_a_follow_up() -> None:
    questions = load_gold(SEEDS / "gold" / "questions.jsonl") + load_gold(ROOT / "datasets" / "crossdoc" /
                                                                          "questions.jsonl")
    assert [q.question for q in questions if points_back(q.question)] == []


def test_a_pronoun_is_replaced_by_what_the_previous_question_asked_about(corpus) -> None:
    resolution = resolve("Who leads it?", [SENTINEL], corpus)
    assert resolution.query == "Who leads Operation Sentinel?"
    assert resolution.from_turns == [0] and resolution.taken[0].words == ["Operation", "Sentinel"]
    assert not resolution.unresolved


def test_being_there_is_no_place_pointed_at(corpus) -> None:
    assert resolve("since when is it there?", [SENTINEL], corpus).query == "since when is Operation Sentinel there?"
    assert resolve("how long has it been there?", [SENTINEL], corpus).query == \
        "how long has Operation Sentinel been there?"


def test_an_option_keeps_its_dashes_and_a_demonstrative_before_a_particle_points_back(writable) -> None:
    manual = "LOCKSCAN(1)\n\nOPTIONS\n       -x, --one-file-system\n              Do not cross lock boundaries.\n"
    corpus, _ = corpus_with(writable, "lockscan.txt", manual)
    history = [Turn("What does lockscan's -x option do?", None)]
    resolved = resolve("How do I turn that back off?", history, corpus).query
    assert "-x" in resolved.split() and "that" not in resolved.split()
    assert resolve("and --one-file-system?", history, corpus).query.count("--one-file-system") == 1


def test_instead_of_is_no_topic_but_what_follows_it_is(corpus) -> None:
    resolution = resolve("Why was it dropped?", [Turn("What should I run instead of smuggling?", None)], corpus)
    assert resolution.query == "Why was smuggling dropped?"  # not "instead", a word of the frame


def test_a_personal_pronoun_after_a_who_question_stands_for_the_answer(corpus) -> None:
    resolution = resolve("where are they based?", [WHO_LEADS], corpus)
    assert "National Targeting Center" in resolution.query


def test_a_new_name_takes_the_previous_question_s_frame(corpus) -> None:
    assert resolve("What about JTFA?", [WHO_LEADS], corpus).query == "Who leads JTFA?"


def test_an_aspect_joins_the_previous_topic(corpus) -> None:
    resolution = resolve("and the money side?", [SENTINEL], corpus)
    assert resolution.query == "What is the money side of Operation Sentinel?"


def test_the_most_recent_turn_with_a_topic_wins_and_chains_are_followed(corpus) -> None:
    history = [Turn("What does JTFA stand for?", "Joint Task Force Alpha"), SENTINEL,
               Turn("Who leads it?", "the National Targeting Center")]
    resolution = resolve("and when did it start?", history, corpus)
    assert resolution.query == "when did Operation Sentinel start?"
    assert resolution.from_turns == [1, 2] and resolution.taken[0].turn == 1


def test_a_follow_up_that_asks_further_carries_what_was_said_and_one_asking_the_same_of_another_does_not(
        corpus) -> None:
    history = [Turn("Which task force does the Department of Justice lead?", "JTFA")]
    assert resolve("who funds it?", history, corpus).said == (history[0].question, "JTFA")
    assert resolve("and Operation Sentinel?", history, corpus).said == ()  # its answer may be the same
    assert resolve("Who leads Operation Sentinel?", history, corpus).said == ()  # read alone


def test_its_after_a_which_question_answered_by_an_entry_stands_for_the_entrys_term(writable) -> None:
    corpus, _ = corpus_with(writable, "gate_config.5.txt", "GATE_CONFIG(5)\n\n     NumberOfGates\n\t     Sets how many "
                            "gates the keeper opens at once.  The default is 2.\n")
    question = "Which keeper option sets how many gates open at once?"
    entry = [Turn(question, "NumberOfGates\n\t     Sets how many gates the keeper opens at once.")]
    assert resolve("what's its default?", entry, corpus).query == "what's NumberOfGates's default?"
    # a first line of one word is no term unless the text below it is indented
    prose = [Turn(question, "Keeper\nMarr sets it by hand each morning.")]
    assert not resolve("what's its default?", prose, corpus).query.startswith("what's Keeper's")


def test_a_follow_up_asking_at_another_time_asks_past_the_earlier_answer(corpus) -> None:
    history = [Turn("How many smugglers have been arrested so far?", "nearly 2,000 smugglers")]
    assert resolve("and historically?", history, corpus).given == ("nearly 2,000 smugglers",)
    assert resolve("what about previously?", history, corpus).given == ("nearly 2,000 smugglers",)
    assert resolve("and in total?", history, corpus).given == ()  # not another time: the answer may be the same
    assert resolve("what about the earlier operation?", history, corpus).given == ()  # a thing, not a time
    assert resolve("who arrested them?", history, corpus).given == ()


def test_a_standalone_question_ignores_the_history(corpus) -> None:
    resolution = resolve("What does JTFA stand for?", [SENTINEL, PERU], corpus)
    assert resolution.query == "What does JTFA stand for?" and resolution.from_turns == []


@pytest.mark.parametrize("history", [[], [PERU], [Turn("Who won the 1998 World Cup?", "France")]])
def test_a_referentless_follow_up_with_nothing_to_resolve_against_is_unresolved(corpus, history) -> None:
    for question in ("Who leads it?", "how many people live there?", "what about it?", "what does that option do?",
                     "and the default?",
                     "when was it launched?"):  # "Launches" in the title: what it did, not a name
        resolution = resolve(question, history, corpus)
        assert resolution.unresolved and resolution.query == question, question


def test_only_the_last_ten_turns_are_read(corpus) -> None:
    history = [SENTINEL] + [PERU] * 10
    assert resolve("Who leads it?", history, corpus).unresolved
    assert resolve("Who leads it?", [*history[-10:], SENTINEL], corpus).from_turns == [10]


def test_a_demonstrative_with_a_noun_reads_the_turn_that_mentions_it_and_the_one_its_answer_named(corpus) -> None:
    history = [Turn("Which task force does the Department of Justice lead?", "JTFA"),
               Turn("How much is DHS investing?", "over $50 million")]
    resolution = resolve("what does that task force focus on?", history, corpus)
    assert resolution.from_turns == [0] and "JTFA" in resolution.query


def test_an_ellipsis_of_one_word_replaces_the_modifier_of_the_topic(corpus) -> None:
    resolution = resolve("and the third?", [Turn("What is the second pillar?", None)], corpus)
    assert resolution.query == "What is the third pillar?"


def test_they_prefers_the_turn_about_something_plural(corpus) -> None:
    history = [Turn("How do smuggling networks recruit?", None), WHO_LEADS]
    resolution = resolve("where do they operate?", history, corpus)
    assert resolution.from_turns == [0] and resolution.query == "where do smuggling networks operate?"
    history.append(Turn("What does Homeland Security Investigations do?", None))  # plural too, and more recent
    assert resolve("where are they based?", history, corpus).query == ("where are Homeland Security "
                                                                        "Investigations based?")


def test_their_after_a_question_about_something_singular_is_the_plural_thing_it_named(corpus) -> None:
    history = [Turn("What is the typical route for migrants?", None)]
    assert resolve("and where do they come from?", history, corpus).query == "where do migrants come from?"
    assert resolve("what are their risks?", history, corpus).query == "what are migrants' risks?"
    assert resolve("how long is it?", history, corpus).query == "how long is typical route?"
    named = [Turn("What does the National Targeting Center do against smugglers?", None)]  # "they" may be a body
    assert "National Targeting Center" in resolve("where are they based?", named, corpus).query
    assert resolve("how long are these routes?", history, corpus).query == "how long are typical route?"  # points
    # of two turns whose stand-ins are singular, the latest, not the one whose topic is plural
    bodies = [Turn("Who leads the smuggling networks?", "National Targeting Center"), Turn("What does DHS do?", None)]
    assert resolve("where are they based?", bodies, corpus).query == "where are DHS based?"


def test_a_name_topic_keeps_its_words_when_an_ellipsis_asks_about_an_aspect(corpus) -> None:
    resolution = resolve("and the budget?", [SENTINEL], corpus)
    assert resolution.query == "What is the budget of Operation Sentinel?"


@pytest.mark.parametrize("question", ["Is that true for all files?",
                                      "What is the difference between these two commands?"])
def test_a_demonstrative_before_a_number_or_an_adjective_does_not_point_back(corpus, question: str) -> None:
    resolution = resolve(question, [SENTINEL], corpus)
    assert resolution.query == question and resolution.from_turns == [] and not resolution.unresolved


def test_a_demonstrative_whose_noun_no_turn_mentions_is_read_alone(corpus) -> None:
    resolution = resolve("What does this command do?", [SENTINEL], corpus)
    assert resolution.query == "What does this command do?" and not resolution.unresolved
    assert resolve("What does this command do?", [PERU], corpus).unresolved  # nothing the documents speak of


def test_a_question_that_names_a_document_by_its_title_is_read_alone(corpus) -> None:
    for history in ([], [PERU]):  # the release is titled "... Campaign to Combat Human Smuggling Networks"
        resolution = resolve("Who leads this campaign?", history, corpus)
        assert not resolution.unresolved and resolution.query == "Who leads this campaign?"
        assert not resolve("Is it new in the smuggling campaign?", history, corpus).unresolved
    assert resolve("Who leads this operation?", [], corpus).unresolved  # no title says "operation"


def test_only_a_short_answer_of_names_or_content_words_is_what_that_noun_stands_for(corpus) -> None:
    for answer, read_as in (("Yes, JTFA.", "what does JTFA task force focus on?"),
                            ("They are led by the Department of Justice", "what does task force focus on?")):
        resolution = resolve("what does that task force focus on?",
                             [Turn("Is there a task force against smuggling?", answer)], corpus)
        assert resolution.query == read_as


def test_it_after_asking_for_one_stands_for_the_one_the_answer_named(corpus) -> None:
    history = [Turn("Is there a task force against smuggling?", "Yes, JTFA.")]
    assert resolve("who leads it?", history, corpus).query == "who leads JTFA?"
    history = [Turn("Which task force does the Department of Justice lead?", "JTFA")]
    assert resolve("who funds it?", history, corpus).query == "who funds JTFA?"
    history = [Turn("Which office leads Operation Sentinel?", "National Targeting Center")]
    assert resolve("where is it based?", history, corpus).query == "where is National Targeting Center based?"
    history = [Turn("Is there a budget for the task force?", "Yes, 50 million")]
    assert "50" not in resolve("who approved it?", history, corpus).query  # a value, not a thing


def test_a_preposition_ends_what_a_question_was_about(corpus) -> None:
    history = [Turn("How do smugglers cross borders without papers?", None)]
    assert "without" not in resolve("where do they do it?", history, corpus).query


def test_that_acronym_stands_for_the_acronym_the_latest_turn_wrote(corpus) -> None:
    history = [Turn("Who leads JTFA?", "the Department of Justice"), Turn("Which agency funds the HSI teams?", None)]
    resolution = resolve("What does that acronym stand for?", history, corpus)
    assert resolution.query == "What does HSI stand for?" and resolution.from_turns == [1]
    assert resolution.taken == [Taken(1, ["HSI"])]
    by_answer = [Turn("Which agency leads the campaign?", "NOTE: UTF-8 and ASN.1 forms, from $HOME, by DHS")]
    assert resolve("and what is this abbreviation short for?", by_answer, corpus).query == \
        "and what is DHS short for?"  # a label, "UTF-8", "ASN.1" and a variable are no acronyms
    assert resolve("What does that acronym stand for?", [], corpus).unresolved  # no turn at all
    plain = [Turn("Who leads the campaign?", "the Department of Justice")]
    assert resolve("What does that acronym stand for?", plain, corpus).unresolved  # no turn wrote one


def test_a_quoted_literal_takes_the_place_of_the_earlier_one_with_the_words_before_it(corpus) -> None:
    history = [Turn('How many smugglers did a leading "HSI" team arrest?', None)]
    assert resolve('And a border "CBP"?', history, corpus).query == 'How many smugglers did a border "CBP" team arrest?'
    smugglers = [Turn("How many smugglers does `HSI` arrest?", None)]
    assert resolve("and `CBP`?", smugglers, corpus).query == "How many smugglers does `CBP` arrest?"
    two = 'Do "HSI" and "CBP" arrest smugglers'  # which of the two it would replace is unknown
    assert followups._for_the_literal('and "DOJ"', two) is None
    pattern = 'What does the pattern "a/**/b" match'  # a preposition ties the literal in otherwise
    assert followups._for_the_literal('with a trailing "/**"', pattern) is None


def test_a_noun_naming_a_kind_of_value_points_at_the_turn_that_gave_one(corpus) -> None:
    history = [Turn("what was fixed in 1.4.2?", "Fix EOF detection."), Turn("where is the repo hosted?", None)]
    resolution = resolve("when did that release come out?", history, corpus)
    assert resolution.query == "when did 1.4.2 release come out?" and resolution.from_turns == [0]
    assert resolution.taken == [Taken(0, ["1.4.2"])]
    options = [Turn("What does -r do?", None), Turn("Who leads JTFA?", None)]
    assert resolve("is that option the default?", options, corpus).query == "is -r option the default?"
    said = [Turn("Which release added the flag?", "1.2.0"), Turn("What does 2.0 fix?", None)]
    assert resolve("when did that release come out?", said, corpus).from_turns == [0]  # a turn that says the noun
    answered = [Turn("What does -r do?", None), Turn("How do HSI teams search smugglers?", "-i")]
    assert resolve("is that option the default?", answered, corpus).query == "is -i option the default?"  # latest
    two = [Turn("Does HSI 2.1 still support DHS 3.7?", None)]  # which version is meant is unknown
    assert "that release" in resolve("when did that release come out?", two, corpus).query
    plain = [Turn("Who leads the campaign?", "the Department of Justice")]
    assert "that release" in resolve("when did that release come out?", plain, corpus).query  # nothing gave one


def test_an_ordinal_points_at_a_turn_by_its_place_or_by_the_ordinal_it_asked_about(corpus) -> None:
    history = [Turn("Which task force does the Department of Justice lead?", "JTFA"),
               Turn("Which operation does CBP lead?", "Operation Sentinel")]
    resolution = resolve("who funds that first one?", history, corpus)
    assert resolution.query == "who funds JTFA?" and resolution.from_turns == [0]
    assert resolve("what does the latter one target?", history, corpus).query == "what does Operation Sentinel target?"
    history = [Turn("What is the second pillar?", "Operation Sentinel"), Turn("Who leads DHS?", None)]
    assert resolve("who leads that second one?", history, corpus).query == "who leads Operation Sentinel?"
    assert resolve("what does that first group do?", [], corpus).unresolved  # nothing to count from
    for standalone in ("When was the first version of the plan released?", "Is it true that last year DHS grew?",
                       "Why does the plan say that first you must register?"):
        assert resolve(standalone, history, corpus).query == standalone


def test_a_short_answer_without_capitals_to_a_who_question_is_who_they_are(corpus) -> None:
    history = [Turn("who is profiting from the human smuggling industry?", "international criminal organizations")]
    assert resolve("what are they often affiliated with", history, corpus).query == \
        "what are international criminal organizations often affiliated with"


def test_a_topic_the_documents_never_write_loses_its_verb(corpus) -> None:
    history = [Turn("How do smugglers lure migrants in?", "force, fraud, or coercion")]
    assert resolve("what can happen to people who hire them?", history, corpus).query == \
        "what can happen to people who hire smugglers?"
    assert resolve("When did it start?", [Turn("who launched the campaign?", None)], corpus).query == \
        "When did campaign start?"


def test_a_follow_up_with_its_own_question_words_drops_the_earlier_ones(corpus) -> None:
    history = [Turn("How many personnel are involved in the campaign?", "over 1,300 personnel")]
    assert resolve("and how much money?", history, corpus).query == \
        "how much money? personnel are involved in the campaign?"
    history = [Turn("What kinds of enforcement actions have been taken?", None)]  # what was asked about is counted
    assert resolve("how many in total?", history, corpus).query == \
        "how many enforcement actions have been taken in total?"


def test_a_follow_up_that_is_a_condition_replaces_the_earlier_condition(corpus) -> None:
    history = [Turn("how many migrants are stopped when a network is disrupted?", None)]
    assert resolve("and when there is no network?", history, corpus).query == \
        "how many migrants are stopped when there is no network?"
    history = [Turn("what does the campaign do with seized assets?", None)]
    assert resolve("and if it fails?", history, corpus).query == \
        "what does the campaign do with seized assets if it fails?"
    assert points_back("when was it launched?") == "pronoun"  # a question, not a condition


def test_a_negated_auxiliary_is_no_topic(corpus) -> None:
    history = [Turn("what if migrants can't pay smugglers?", None)]
    assert resolve("what happens to them?", history, corpus).query == "what happens to pay smugglers?"


def test_a_number_alone_replaces_the_earlier_question_s_number(corpus) -> None:
    history = [Turn("How many migrants a day did 900 agents stop?", None)]
    assert resolve("and 2,000?", history, corpus).query == "How many migrants a day did 2,000 agents stop?"


def test_a_contracted_pointer_and_an_obligation_point_back(corpus) -> None:
    resolution = resolve("what if they're smugglers?", [WHO_LEADS], corpus)
    assert resolution.question == "what if they're smugglers?" and "National Targeting Center are" in resolution.query
    assert points_back("when does it have to be approved?") == "pronoun"
    assert points_back("how long does it take to approve?") is None


@pytest.mark.parametrize("question", ["What happens to migrants when they're caught?",
                                      "What does the campaign do when it's over?",
                                      "What's the office that's in charge?",
                                      "Why do smugglers say they're safe?", "why do smugglers change their routes?"])
def test_a_pronoun_whose_antecedent_is_in_the_question_is_read_alone(corpus, question: str) -> None:
    assert resolve(question, [WHO_LEADS], corpus).query == question


def test_only_a_condition_with_a_subject_replaces_the_earlier_condition(corpus) -> None:
    assert resolve("and when exactly?", [WHO_LEADS], corpus).query == "when exactly? leads Operation Sentinel?"
    history = [Turn("How many migrants crossed in 2023, about 2 million?", None)]
    assert resolve("and 2024?", history, corpus).query == "How many migrants crossed in 2023, about 2 million 2024?"


def test_the_word_after_how_is_no_topic(corpus) -> None:
    history = [Turn("How often do smugglers change routes?", None)]
    assert resolve("when did it start?", history, corpus).query == "when did smugglers start?"
    history = [Turn("How quickly do smugglers adapt tactics?", None)]
    assert resolve("why?", history, corpus).query == "why? do smugglers adapt tactics?"


def _corpus_with(tmp_path, settings, real_embedder, name: str, markdown: str):
    """The corpus of a writable service holding the release and one Markdown document."""
    writable = writable_service(tmp_path, settings, real_embedder)
    writable.add_document(uploads.FileUpload(name, "text/markdown", markdown.encode()))
    return writable.snapshot.corpus


TOOLS = """Lockkeeping tools
=================

The harbour office keeps these tools:

* **tide-gauge** measures the water level at the outer gate
* **sluice-key** opens the small sluices by hand
* **rope-winch** hauls barges into the chamber

Historically the gates were opened by horses.
"""


def test_one_word_after_a_list_item_takes_its_place_while_an_adverb_joins_it(tmp_path, settings,
                                                                             real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "tools.md", TOOLS)
    asked = [Turn("What is sluice-key?", None)]
    assert resolve("and rope-winch?", asked, corpus).query == "What is rope-winch?"  # the same list's item
    assert resolve("what about tide-gauge?", asked, corpus).query == "What is tide-gauge?"
    assert resolve("and historically?", asked, corpus).query == "What is sluice-key historically?"  # prose, no item


GATES = """gatectl
=======

-q, --quiet
    report only when a gate is closed

-s, --status
    report when both gates are open

A definitely lost barge is reported at once; a probably lost barge waits a day.
"""


def test_an_option_replaces_the_earlier_option_and_a_parallel_phrase_its_match(tmp_path, settings,
                                                                               real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    assert resolve("and -s?", [Turn("What does gatectl -q do?", None)], corpus).query == "What does gatectl -s do?"
    lost = [Turn("When is a definitely lost barge reported?", None)]
    assert resolve("and probably lost?", lost, corpus).query == "When is a probably lost barge reported?"


def test_a_subject_named_before_the_question_is_what_its_pointer_stands_for(tmp_path, settings,
                                                                            real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    earlier = [Turn("What does gatectl -q do?", "report only when a gate is closed")]
    assert resolve("And --status, what does it do?", earlier, corpus).query == "what does --status do?"
    assert resolve("and the barge, is it lost?", earlier, corpus).query != "is the barge lost?"  # an aspect


def test_a_phrase_after_a_preposition_the_earlier_question_lacks_replaces_the_phrase_that_ends_alike(
        tmp_path, settings, real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    earlier = [Turn("When is a definitely lost barge reported?", None)]
    assert resolve("and for a probably lost barge?", earlier, corpus).query == "When is a probably lost barge reported?"


def test_a_short_phrase_is_an_aspect_of_the_topic_and_a_longer_one_a_new_subject(corpus) -> None:
    assert resolve("and the money side?", [SENTINEL], corpus).query == "What is the money side of Operation Sentinel?"
    resolution = resolve("what about using bells to call the tides?", [WHO_LEADS], corpus)
    assert resolution.query == "Who leads using bells to call the tides?"


def test_one_word_that_extends_a_word_of_the_earlier_question_takes_its_place(tmp_path, settings,
                                                                              real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    earlier = [Turn("How often does gatectl report a lost barge?", None)]
    assert resolve("and unreport?", earlier, corpus).query == "How often does gatectl unreport a lost barge?"
    assert resolve("and misreport?", [Turn("When is a report sent?", None)], corpus).query \
        == "When is a misreport sent?"
    assert resolve("and copyright?", [Turn("Can I copy the barge report?", None)], corpus).query \
        != "Can I copyright the barge report?"  # "right" is no suffix of "copy"


def test_a_phrase_that_sets_the_scene_before_the_question_is_no_subject(tmp_path, settings, real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    earlier = [Turn("What does gatectl -q do?", "report only when a gate is closed")]
    for question in ("and by default, what does it report?", "and unlike --status, what does it do?",
                     "ok, what does it do?", "and harbourmaster, what does it do?"):  # the last: no word of the corpus
        assert "gatectl" in resolve(question, earlier, corpus).query, question


def test_with_no_earlier_turn_an_article_and_noun_before_the_pointer_are_its_antecedent(corpus) -> None:
    question = "What happens to the office if its funding ends?"
    resolution = resolve(question, [], corpus)
    assert resolution.query == question and not resolution.unresolved
    assert resolve(question, [WHO_LEADS], corpus).query != question  # a conversation may still mean an earlier turn
    assert resolve("What happens if its funding ends?", [], corpus).unresolved  # nothing to refer to


PIPES = """# Pipes

`pipecmd_clearenv` clears a command's environment; `pipecmd_get_nargs` returns its number of arguments.

Releases came every 6 to 18 months in the past; now a new release is put out every 12 months.
"""


def test_a_name_in_code_replaces_the_earlier_name_and_a_time_the_earlier_time(tmp_path, settings,
                                                                               real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "pipes.md", PIPES)
    earlier = [Turn("what does pipecmd_clearenv do?", None)]
    assert resolve("and pipecmd_get_nargs?", earlier, corpus).query == "what does pipecmd_get_nargs do?"
    now = [Turn("How often is a new release put out now?", None)]
    assert resolve("and historically?", now, corpus).query == "How often is a new release put out historically?"


WATCHER = """# Watcher

`.unwatch()` stops watching paths; `.close()` removes all listeners.

The `--quiet` option silences the watcher and the `--loud` option repeats each line it reads.

If a path holds several files, they are watched in turn.
"""


def test_a_method_another_of_the_kind_and_a_question_under_a_new_condition(tmp_path, settings,
                                                                          real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "watcher.md", WATCHER)
    assert resolve("and .close()?", [Turn("What does .unwatch() do?", None)], corpus).query == "What does .close() do?"
    # "which one" is another option, not the one whose predicate the earlier question asked about
    another = resolve("And which one repeats each line?", [Turn("Which option silences the watcher?", None)], corpus)
    assert another.query.startswith("which option repeats each line?") and "silences" not in another.query
    # a question that opens "Which one ...?" asks for one of that kind too, with no "and" before it
    one = resolve("Which one does a path use if none is given?", [Turn("What watch modes does the watcher have?",
                                                                      None)], corpus)
    assert one.query.startswith("Which watch modes does a path use if none is given?")
    of_the = "Which one of the watch modes repeats each line?"  # names its kind: it stands alone
    assert resolve(of_the, [Turn("Which option silences the watcher?", None)], corpus).query == of_the
    # a condition and then a question of its own: that question, asked under the condition
    conditioned = resolve("and if a path holds several files, how are they watched?",
                          [Turn("How does the watcher read a path?", None)], corpus)
    assert conditioned.query.startswith("how are they watched if a path holds several files?")


BERTHS = """# Harbour Licence Exception

An Independent Berth is a berth the harbour does not own. Target Cargo is any cargo loaded at such a berth.

The default logLevel of the berth log is 2, and its default version is 1.2.
"""


def test_a_new_name_takes_the_place_of_the_term_asked_about_and_a_phrase_that_opens_alike_the_topic(
        tmp_path, settings, real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "berths.md", BERTHS)
    term = [Turn("What is an Independent Berth in the Harbour Licence Exception?", None)]
    assert resolve("and Target Cargo?", term, corpus).query == "What is Target Cargo in the Harbour Licence Exception?"
    default = [Turn("What is the default logLevel?", None)]
    assert resolve("and the default version?", default, corpus).query == "What is the default version?"


SLUICECTL = """# sluicectl

sluicectl is started by cron every night. Its configuration is kept in /etc/default/sluicectl.
"""


def test_a_passive_s_participle_is_no_part_of_its_subject(tmp_path, settings, real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "sluicectl.md", SLUICECTL)
    history = [Turn("When is sluicectl started?", None)]
    assert resolve("Where is its configuration?", history, corpus).query == "Where is sluicectl's configuration?"


HARBOUR_NET = ("# Harbour network\n\nThe harbour network 10.0.0.0/24 holds 256 addresses. The hosts() method loops "
               "over the usable addresses of a network, without its network and broadcast addresses.\n")


def test_a_value_alone_asks_again_the_turn_that_held_a_value_of_its_kind(tmp_path, settings, real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "harbour-net.md", HARBOUR_NET)
    history = [Turn("how many addresses are in 10.0.0.0/24?", "256"),
               Turn("how do i loop over just the usable ones?", "hosts()")]
    resolution = resolve("and in 10.1.0.0/16?", history, corpus)
    assert resolution.query == "how many addresses are in 10.1.0.0/16?" and resolution.from_turns == [0]
    assert resolve("and 10.1.0.0/16?", history, corpus).query == "how many addresses are in 10.1.0.0/16?"
    assert resolve("and 10.1.0.0?", history, corpus).query == "how many addresses are in 10.1.0.0?"  # no number
    assert "loop" in resolve("and without the broadcast address?", history, corpus).query  # no value: the last turn


def test_it_after_asking_which_option_stands_for_the_option_a_long_answer_gives(tmp_path, settings,
                                                                               real_embedder) -> None:
    corpus = _corpus_with(tmp_path, settings, real_embedder, "gatectl.md", GATES)
    asked = [Turn("Which gatectl option reports when both gates are open?",
                  "* Add -s (--status) option to report when both gates are open.")]
    assert resolve("In which version was it added?", asked, corpus).query == "In which version was -s --status added?"
    argued = [Turn("Which gatectl option reports when both gates are open?", "-s GATE, --status GATE\n    report")]
    assert resolve("In which version was it added?", argued, corpus).query == \
        "In which version was -s --status added?"  # an option and its alias, each with its argument
    entry = [Turn("Which gatectl option reports quietly?", "-q, --quiet\n    report only when a gate is closed")]
    assert resolve("In which version was it added?", entry, corpus).query == "In which version was -q --quiet added?"
    like = [Turn("Which gatectl flag reports like -q but louder?", "* Add -Q, which reports like -q but louder.")]
    assert resolve("In which version was it added?", like, corpus).query == "In which version was -Q added?"
    for answer in ("Use -q, -s or --status to report on the gates.",  # which of them is meant is unknown
                   "* Add -s, made identical with the -q option."):  # two options, no alias of the other
        resolution = resolve("In which version was it added?", [Turn("Which gatectl option reports?", answer)], corpus)
        assert "-q" not in resolution.query and "-s" not in resolution.query


def test_its_after_another_which_question_stands_for_the_one_name_in_code_a_long_answer_gives(writable) -> None:
    corpus, _ = corpus_with(writable, "gatectl.1.txt", "GATECTL(1)\n\nENVIRONMENT\n       GATE_LEVEL can set the "
                            "level between 1 and 9.  GATE_LEVEL just replaces the default level (3).\n       "
                            "GATE_WORKERS sets the number of keepers.\n")
    asked = "Which environment variable sets gatectl's level?"
    answered = [Turn(asked, "GATE_LEVEL just replaces the default level (3).")]
    assert resolve("And which values can it take?", answered, corpus).query == "which values can GATE_LEVEL take?"
    for answer in ("GATE_LEVEL or GATE_WORKERS set it.",  # which of them is meant is unknown
                   "The level can be set in the environment."):  # no name in code
        resolution = resolve("And which values can it take?", [Turn(asked, answer)], corpus)
        assert "GATE_" not in resolution.query


def test_its_after_a_which_question_left_unanswered_stands_for_the_thing_as_the_question_describes_it(
        writable) -> None:
    corpus, _ = corpus_with(writable, "keeper.1.txt", "KEEPER(1)\n\nENVIRONMENT\n       Keeper reads these "
                            "environment variables.\n\n       KEEPER_USER_FILE\n"
                            "              Path of the keeper's own gate file (defaults to ~/.gaterc).\n")
    asked = "Which environment variable sets the keeper's own gate file?"
    resolution = resolve("What is its default?", [Turn(asked, None)], corpus)
    assert resolution.query == "What is environment variable sets the keeper's own gate file's default?"
    # answered, the answer's name stands for it; asked about something the documents never mention, nothing does
    assert resolve("What is its default?", [Turn(asked, "KEEPER_USER_FILE")], corpus).query == \
        "What is KEEPER_USER_FILE's default?"
    unknown = resolve("What is its default?", [Turn("Which zeppelin hangar holds the blimps?", None)], corpus)
    assert "zeppelin" not in unknown.query


def test_a_name_in_code_or_a_described_thing_stands_for_it_only_after_a_which_question_about_a_setting(
        writable) -> None:
    corpus, _ = corpus_with(writable, "skiffd.5.txt", "SKIFFD(5)\n\n     MaxStartups\n\t     Extra connections "
                            "are dropped until LoginGraceTime expires.\n\n     LoginGraceTime\n\t     The default is "
                            "120 seconds.\n\n     Port\n\t     Skiffd listens on port 22.  See also ListenAddress.\n\n"
                            "     XZ_LIMIT\n\t     Limits the memory skiffd uses, e.g. 500MiB.\n")
    happens = [Turn("What happens when MaxStartups is exceeded?",
                    "Extra connections are dropped until LoginGraceTime expires.")]
    assert "LoginGraceTime" not in resolve("What is its default?", happens, corpus).query
    port = [Turn("Which port does skiffd listen on?", "Skiffd listens on port 22.  See also ListenAddress.")]
    assert "ListenAddress" not in resolve("How do I change it?", port, corpus).query
    memory = [Turn("Which variable limits the memory skiffd uses?", "Limits the memory skiffd uses, e.g. 500MiB, "
                   "with XZ_LIMIT.")]  # "e.g" is no name in code
    assert resolve("What is its default?", memory, corpus).query == "What is XZ_LIMIT's default?"
    user = [Turn("Which user does skiffd run as?", None)]  # not a setting: "it" is skiffd, not the user it runs as
    assert "user does" not in resolve("Can it run as root?", user, corpus).query


def test_a_possessive_subject_of_a_question_keeps_what_it_owns(writable) -> None:
    news = "Lockkeeper NEWS\n\n** The new option `--keep-tide-tables' keeps the tide tables between runs.\n"
    corpus, _ = corpus_with(writable, "lockkeeper-NEWS.txt", news)
    history = [Turn("What does lockkeeper's --keep-tide-tables option do?", None)]
    assert resolve("In which version did it appear?", history, corpus).query == \
        "In which version did lockkeeper's --keep-tide-tables appear?"  # not "lockkeeper's" alone
