"""A follow-up that asks further is not answered again with what the conversation said; a name or a number may
be given again."""

from __future__ import annotations

from qa.answering import answer as answer_module
from qa.answering.repeats import beyond_what_was_said
from qa.conversation.followups import Turn
from qa.documents.uploads import FileUpload
from tests.helpers.corpora import eligible_for

HARBOUR_GROUPS = ("# Harbour groups\n\n## pilot\n\nMembers of the pilot group may open the outer gate at night. "
                  "Opening the gate at night is effectively equivalent to command of the harbour, so only trusted "
                  "crew should be put in the pilot group.\n\n## crane\n\nThe crane group lifts cargo from barges.\n")
PILOT_TURN = ("What may the pilot group do?", "Members of the pilot group may open the outer gate at night.")


def _groups(writable, question: str) -> tuple:
    return eligible_for(writable, "groups.md", HARBOUR_GROUPS, question)


def test_a_follow_up_that_asks_further_is_answered_where_the_text_goes_on(writable) -> None:
    question = "why should only trusted crew be put in the pilot group?"
    corpus, _, eligible = _groups(writable, question)
    said_one = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("Members of the pilot"))
    chosen = beyond_what_was_said(corpus, said_one, eligible, PILOT_TURN, "why should only trusted crew be put in it?")
    assert corpus.sentence_text(chosen.sentence).startswith("Opening the gate") and chosen.score == said_one.score
    assert beyond_what_was_said(corpus, said_one, eligible, (), question) == said_one  # no history
    # what was said may answer again when it holds the words asked with
    assert beyond_what_was_said(corpus, said_one, eligible, PILOT_TURN, "when may they open it?") == said_one


DOCK_GROUP = ("# Dock group\n\nThe dock group ties up visiting ships, checks their papers against the manifest and "
              "logs every arrival. Its logbook is audited by the harbour master each spring.\n")


def test_the_sentence_an_earlier_answer_was_quoted_from_is_no_new_answer(writable) -> None:
    corpus, _, eligible = eligible_for(writable, "dock.md", DOCK_GROUP, "what happens to the dock group's logbook?")
    quoted = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("The dock group ties"))
    turn = ("What does the dock group do?", "ties up visiting ships, checks their papers")  # a part of the sentence
    chosen = beyond_what_was_said(corpus, quoted, eligible, turn, "who audits it?")
    assert corpus.sentence_text(chosen.sentence).startswith("Its logbook is audited")
    # an answer of a few words may have come from any sentence that holds them
    assert beyond_what_was_said(corpus, quoted, eligible, (turn[0], "visiting ships"), "who audits it?") == quoted


def test_a_name_or_a_number_may_be_given_again(writable) -> None:
    corpus, _, eligible = _groups(writable, "How many gates may the pilot group open?")
    counted = next(c for c in eligible if c.span is not None)
    shown = corpus.documents[counted.support.doc_id].text[slice(*counted.span)]
    assert beyond_what_was_said(corpus, counted, eligible, ("How many gates?", shown), "how many?") == counted


RELEASES = ("# Releases\n\nNew major releases now come out every 12 months. Historically, new releases came out "
            "every 6 to 18 months.\n")


def test_a_follow_up_asking_at_another_time_is_not_given_the_earlier_value_again(writable) -> None:
    question = "How often does a new major release come out historically?"
    corpus, _, eligible = eligible_for(writable, "releases.md", RELEASES, question)
    text = corpus.documents[eligible[0].support.doc_id].text
    every_year = next(c for c in eligible if c.span and text[slice(*c.span)] == "every 12 months")
    chosen = beyond_what_was_said(corpus, every_year, eligible, (), "and historically?", ("every 12 months",))
    assert chosen.span and text[slice(*chosen.span)] == "every 6 to 18 months" and chosen.score == every_year.score
    assert beyond_what_was_said(corpus, every_year, eligible, (), "and historically?") == every_year  # nothing given


def test_the_service_hands_the_answer_step_what_the_conversation_said(writable, monkeypatch) -> None:
    seen = []

    def spy(corpus, best, eligible, said, asked, given=()):
        seen.append((said, asked, given))
        return best

    writable.add_document(FileUpload("groups.md", "text/markdown", HARBOUR_GROUPS.encode()))
    monkeypatch.setattr(answer_module, "beyond_what_was_said", spy)
    writable.ask("why must its members be trusted?", history=[Turn(*PILOT_TURN)])
    writable.ask("Who leads Operation Sentinel?", history=[Turn(*PILOT_TURN)])  # stands alone
    writable.ask("and historically?", history=[Turn(*PILOT_TURN)])  # another time: past the earlier answer
    assert seen == [(PILOT_TURN, "why must its members be trusted?", ()), ((), "Who leads Operation Sentinel?", ()),
                    ((), "and historically?", (PILOT_TURN[1],))]


TIDES = ("# Tides\n\nTide times, like the harbour's bells, can be written as hours or as minutes (90 is the same "
         "as 1h30m).\n\nThe tide clock converts a time: `tideclock --to-minutes 1h30m`.\n")


def test_the_words_that_point_back_are_no_words_the_follow_up_asks_with(writable) -> None:
    # "like that" compares with what was said: the sentence that said it, which also says "like", is no new answer
    asked = "How do I check what a time like that comes out to?"
    corpus, _, eligible = eligible_for(writable, "tides.md", TIDES, asked)
    said_one = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("Tide times"))
    turn = ("Can I write tide times like 1h30m?", corpus.sentence_text(said_one.sentence))
    chosen = beyond_what_was_said(corpus, said_one, eligible, turn, asked)
    assert chosen is not None and corpus.sentence_text(chosen.sentence).startswith("The tide clock")
