"""Where a question names what it asks about: the entry of a documented name, the section whose heading documents
a name in code form."""

from __future__ import annotations

from functools import partial

import pytest

from qa.answering.answer import may_answer
from qa.answering.naming import (
    _built_on,
    _named_by_kind,
    named_entry,
    named_section,
    names_in,
    names_term,
    the_value_asked,
    the_value_named,
    what_the_entry_says,
)
from qa.answering.questions import read_query
from qa.answering.sections import entry_name, entry_of, heading_name
from qa.documents.uploads import FileUpload
from tests.helpers.corpora import (
    LOCKER_MAN_PAGE,
    PUMP_OPTIONS,
    VALVE_OPTIONS,
    corpus_with,
    eligible_for,
    scored,
    sentence_starting,
)


def test_the_entry_of_the_name_the_question_writes_answers_over_a_neighbour_that_mentions_it(writable) -> None:
    question = "What is the default drainTimeout?"
    corpus, query, eligible = eligible_for(writable, "pump.md", PUMP_OPTIONS, question)
    neighbour = next(c for c in eligible if entry_name(corpus, c.support) == "drainMaxTimeout")
    chosen = named_entry(corpus, neighbour, eligible, query)
    assert entry_name(corpus, chosen.support) == "drainTimeout" and chosen.score == neighbour.score
    rate = read_query(corpus, "How fast does the pump run?", None)
    assert named_entry(corpus, neighbour, eligible, rate) == neighbour  # names no entry
    answer = writable.ask(question).answer
    assert answer is not None and "5e3" in answer.text


def test_a_name_written_as_code_finds_its_entry_in_another_section_a_plain_word_does_not(writable) -> None:
    corpus, query, candidates = scored(writable, FileUpload("valve.md", "text/markdown", VALVE_OPTIONS.encode()),
                                       "What is the most a flowLimit lets through?")
    eligible = [c for c in candidates if may_answer(c, query)]
    neighbour = next(c for c in candidates if entry_name(corpus, c.support) == "drainMaxTimeout")
    assert entry_name(corpus, named_entry(corpus, neighbour, eligible, query).support) == "flowLimit"
    plain = read_query(corpus, "What is the most a valve matches?", None)
    assert named_entry(corpus, neighbour, eligible, plain) == neighbour
    assert names_in("What does --max-procs do? Explain flowLimit.") >= {"--max-procs", "flowlimit"}


GATE_API = ("# gate\n\n## Low-Level API\n\n### class gate.Lock\n\n"
            "A writable lock stream that holds a harbour gate shut.\n\n"
            "### class gate.Lock.Sync\n\nSynchronous version of `gate.Lock`, which it extends.\n\n"
            "### gate.open(options) [alias: gate.unlock]\n\nOpen a gate.\n\n"
            "## GateKeeper releases\n\nA new GateKeeper ships every spring.\n\n"
            '<a name="lock"></a>.lock(key)\n-------------\n\nShut the gate named by `key` until the tide turns.\n\n'
            "Optionally `.lock()` can take an object that maps keys to gates.\n\n"
            "## Usage(advanced)\n\nCall `.lock()` twice and the second call waits.\n")


def test_the_section_whose_heading_documents_the_name_asked_answers_over_one_that_mentions_it(writable) -> None:
    question = "What is gate.Lock?"
    corpus, query, eligible = eligible_for(writable, "gate.md", GATE_API, question)
    mention = next(c for c in eligible if corpus.sentence_text(c.sentence).startswith("Synchronous version"))
    chosen = named_section(corpus, mention, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("A writable lock") and chosen.score == mention.score
    plain = read_query(corpus, "What is a lock?", None)  # no name in code form: the best stays
    assert named_section(corpus, mention, eligible, plain) == mention
    headings = {corpus.sentence_text(s).strip(): heading_name(corpus, s) for s in corpus.sentences if s.heading}
    assert headings["gate.open(options) [alias: gate.unlock]"] == "gate.open"
    assert headings["DHS Launches Novel Campaign to Combat Human Smuggling Networks"] is None  # prose
    assert headings["GateKeeper releases"] is None  # prose that opens with a name in camel case
    assert headings["Usage(advanced)"] is None  # a plain word before parentheses documents a method only after a dot


def test_a_question_asking_only_what_a_method_does_is_answered_by_its_sections_first_sentence(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "gate.md", GATE_API, "What does .lock() do?")
    optionally = next(c for c in eligible if corpus.sentence_text(c.support).startswith("Optionally"))
    chosen = named_section(corpus, optionally, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("Shut the gate") and chosen.score == optionally.score
    more = read_query(corpus, "What does .lock() take besides a key?", None)  # words of its own: the best stays
    assert named_section(corpus, optionally, eligible, more) == optionally
    lock = next(s for s in corpus.sentences if s.heading and corpus.sentence_text(s).endswith(".lock(key)"))
    assert heading_name(corpus, lock) == "lock"  # after its anchor


GATE_CONFIG = ("GATE_CONFIG(5)\n\nDESCRIPTION\n     The keywords and their meanings are as follows:\n\n"
               "     CheckGateIP\n\t     If set to yes, the keeper will additionally check the gate's address.  "
               "This allows it to notice when\n\t     a gate was moved, and it will refuse to open one whose "
               "StrictGateChecking fails.\n\n"
               "     StrictGateChecking\n\t     If this flag is set to yes, the keeper will never open an unknown "
               "gate.\n\n\t     If this flag is set to ask (the default), the keeper asks before it opens an "
               "unknown gate.\n\n"
               "     LogLevel\n\t     Gives the verbosity of the keeper's log.\n\n"
               "     Rotation\n\t     Turns the keeper's wheel once a day.\n\n"
               "     copygate\n\t     Copies the gate's lock before the gate is opened.  The copygate option "
               "implies norename.\n\n"
               "     NumberOfGateTries\n\t     Specifies the number of tries before the keeper gives up on a stuck "
               "gate.  The argument must be an integer.  The default is 4.\n\n"
               "     ForwardKey\n\t     Specifies whether the gate key is handed on.  The argument may be yes or no "
               "(the default).\n\n\t     Key forwarding should be enabled with caution.  Anyone holding the handed-on "
               "key can open the gate.\n\n"
               "     Port    Specifies the gate number to open.  Most keepers\n\t     leave it alone.\n\n"
               "     Justified  lines  of  prose  are  no  entries,  though\n     their words stand apart.\n\n"
               "     Note that the keeper reads this file once.  The default for every keyword is in keeper(8).\n")


def test_a_definition_list_entry_of_a_man_page_is_named_by_its_term(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "gate_config.5.txt", GATE_CONFIG,
                                           "What is the default value of StrictGateChecking?")
    doc_id = eligible[0].support.doc_id
    starting = partial(sentence_starting, corpus, doc_id)

    assert entry_name(corpus, starting("CheckGateIP\n")) == "CheckGateIP"
    assert entry_name(corpus, starting("This allows it")) == "CheckGateIP"  # any sentence of the entry
    assert entry_name(corpus, starting("Port    Specifies")) == "Port"  # the term, blanks, the text
    assert entry_name(corpus, starting("The keywords and")) is None
    assert entry_name(corpus, starting("Justified  lines")) is None  # the next line hangs no deeper
    assert entry_name(corpus, starting("If this flag is set to ask")) == "StrictGateChecking"  # a paragraph below it
    assert entry_name(corpus, starting("Note that the keeper")) is None  # indented as deep as the terms
    neighbour = next(c for c in eligible if entry_name(corpus, c.support) == "CheckGateIP")
    assert entry_name(corpus, named_entry(corpus, neighbour, eligible, query).support) == "StrictGateChecking"
    log_level = next(c for c in eligible if entry_name(corpus, c.support) == "LogLevel")
    # a follow-up read with the turn before it names Port too, but "log level" names LogLevel word by word
    words = read_query(corpus, "and the default log level? What is the default Port?", None)
    assert named_entry(corpus, log_level, eligible, words) == log_level
    # a term that is a plain word is as often a word the question asks with: only written as code does it name one
    rotation = read_query(corpus, "Which keyword gives the verbosity of the keeper's log at each rotation?", None)
    assert named_entry(corpus, log_level, eligible, rotation) == log_level


def test_a_term_that_is_a_plain_word_names_its_entry_when_written_as_code(writable) -> None:
    corpus, as_code, eligible = eligible_for(writable, "gate_config.5.txt", GATE_CONFIG,
                                             "What does the keeper's `Rotation` turn?")
    other = next(c for c in eligible if entry_name(corpus, c.support) not in (None, "Rotation"))
    assert entry_name(corpus, named_entry(corpus, other, eligible, as_code).support) == "Rotation"


def test_a_question_about_a_default_finds_it_further_on_in_the_entry_and_not_past_it(writable) -> None:
    writable.add_document(FileUpload("gate_config.5.txt", "text/plain", GATE_CONFIG.encode()))
    answer = writable.ask("What is the default value of StrictGateChecking?", threshold=0.0).answer
    assert answer is not None and answer.text.startswith("If this flag is set to ask (the default)")
    port = writable.ask("What is the default gate number Port opens?", threshold=0.0).answer
    assert port is None  # Port's entry states no default, and the note after the list is no part of it
    # the default stated before the best sentence, in the entry the question names word by word
    forwarding = writable.ask("Is key forwarding enabled by default?", threshold=0.0).answer
    assert forwarding is not None and "no (the default)" in forwarding.text
    # a value asked for: the best sentence names none, the entry's sentence stating the default does, with the best
    # sentence's score (its own is below the threshold: few of the question's words)
    tries = writable.ask("How many tries does the keeper make on a stuck gate by default?").answer
    assert tries is not None and tries.text == "4"


def test_a_question_asking_what_a_term_does_is_answered_by_the_first_sentence_of_its_entry(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "gate_config.5.txt", GATE_CONFIG, "What does copygate do?")
    implies = next(c for c in eligible if corpus.sentence_text(c.support).startswith("The copygate option"))
    chosen = what_the_entry_says(corpus, implies, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("copygate\n") and chosen.score == implies.score
    more = read_query(corpus, "What does copygate imply?", None)  # a word of its own: the best sentence says it
    assert what_the_entry_says(corpus, implies, eligible, more) == implies
    kind = read_query(corpus, "What does the copygate keyword do?", None)  # what kind of name it is adds nothing
    assert corpus.sentence_text(what_the_entry_says(corpus, implies, eligible, kind).support).startswith("copygate\n")


def test_a_question_about_one_value_of_a_setting_is_answered_by_the_sentence_on_that_value(writable) -> None:
    question = "What does StrictGateChecking=ask do?"
    corpus, query, eligible = eligible_for(writable, "gate_config.5.txt", GATE_CONFIG, question)
    opening = next(c for c in eligible if corpus.sentence_text(c.support).startswith("StrictGateChecking\n"))
    chosen = the_value_asked(corpus, opening, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("If this flag is set to ask")
    assert chosen.score == opening.score
    words = read_query(corpus, "what happens if I set StrictGateChecking to yes?", None)
    assert the_value_asked(corpus, opening, eligible, words) == opening  # the entry's term opens the sentence on yes
    other = read_query(corpus, "What does CheckGateIP=ask do?", None)  # another setting's value: left as it is
    assert the_value_asked(corpus, opening, eligible, other) == opening
    unsaid = read_query(corpus, "What does StrictGateChecking=maybe do?", None)  # no sentence on that value
    assert the_value_asked(corpus, opening, eligible, unsaid) == opening


KEY_CONFIG = ("KEY_CONFIG(5)\n\nDESCRIPTION\n     The keywords are as follows:\n\n"
              "     ForwardKey\n\t     Specifies whether the gate key is handed on.  If no keeper is on duty, the key "
              "stays in its box.\n\n\t     If it is not set to yes, the gate stays shut.\n\n\t     When set to yes, "
              "the key travels with the barge.\n\n"
              "     LogLevel\n\t     Gives the verbosity of the keeper's log.  If the log cannot be opened, nothing "
              "is kept.\n")


def test_a_value_is_the_condition_only_where_a_sentence_opens_with_it_unnegated(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "key_config.5.txt", KEY_CONFIG, "What does ForwardKey=yes do?")
    opening = next(c for c in eligible if corpus.sentence_text(c.support).startswith("ForwardKey\n"))
    chosen = the_value_asked(corpus, opening, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("When set to yes")  # not "If it is not set to yes"
    no = read_query(corpus, "What does ForwardKey=no do?", None)  # "If no keeper ...": the word, not the value
    assert the_value_asked(corpus, opening, eligible, no) == opening
    level = next(c for c in eligible if corpus.sentence_text(c.support).startswith("LogLevel\n"))
    small = read_query(corpus, "what happens if I set LogLevel to the highest level?", None)  # "the" is no value
    assert the_value_asked(corpus, level, eligible, small) == level
    more = read_query(corpus, "Is ForwardKey=yes safe for barges?", None)  # asks more than what the value does
    assert the_value_asked(corpus, opening, eligible, more) == opening


GATECTL_MAN_PAGE = ("GATECTL(8)\n\nNAME\n       gatectl - set harbour gate parameters\n\nOPTIONS\n"
                    "       -B     Get/set the gate's power saving feature, if the gate supports\n"
                    "              it.  A low value means aggressive power saving.  A value of 255\n"
                    "              tells gatectl to disable power saving altogether on the gate.\n\n"
                    "       -M     Get/set the gate's noise level.  Most gates are quiet.\n")


def test_a_question_for_the_value_of_a_named_setting_takes_the_entrys_sentence_that_gives_one(writable) -> None:
    question = "Which -B value turns power saving off completely?"
    corpus, query, eligible = eligible_for(writable, "gatectl.8.txt", GATECTL_MAN_PAGE, question)
    opening = next(c for c in eligible if corpus.sentence_text(c.support).startswith("-B"))
    chosen = the_value_named(corpus, opening, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("A value of 255") and chosen.score == opening.score
    what = read_query(corpus, "What does -B set?", None)  # asks for no value: as it was
    assert the_value_named(corpus, opening, eligible, what) == opening
    other = read_query(corpus, "Which -M value is the quietest?", None)  # another setting's entry: as it was
    assert the_value_named(corpus, opening, eligible, other) == opening


def test_a_question_names_a_term_whole_or_by_all_its_words(writable) -> None:
    corpus, _ = corpus_with(writable, "gate_config.5.txt", GATE_CONFIG)
    assert names_term(read_query(corpus, "Is key forwarding on by default?", None), "ForwardKey")
    assert names_term(read_query(corpus, "What does forwardkey do?", None), "ForwardKey")
    assert not names_term(read_query(corpus, "Which key opens the gate by default?", None), "ForwardKey")
    assert not names_term(read_query(corpus, "Which key opens the gate by default?", None), "--all")  # no content
    assert names_term(read_query(corpus, "Is forwarding the key on by default?", None), "ForwardKey")  # either order
    # its words apart name another thing: "forward the gate's key" names no ForwardKey
    assert not names_term(read_query(corpus, "Which keyword makes the keeper forward the gate's key?", None),
                          "ForwardKey")


KEEPER_MAN_PAGE = ("KEEPER(8)\n\nOPTIONS\n       -b, --bell sound\n\t      Tells the keeper which bell to ring at "
                   "closing.  The bell is rung three times.  Each ring lasts a second.  A keeper may ring it "
                   "by hand.  The default bell is the harbour bell.\n\n       --version\n\t      Display version "
                   "information.\n")


def test_a_commands_options_over_their_text_are_an_entry(writable) -> None:
    corpus, _ = corpus_with(writable, "keeper.8.txt", KEEPER_MAN_PAGE)
    tells = next(s for s in corpus.sentences if corpus.sentence_text(s).lstrip().startswith("-b, --bell"))
    assert entry_name(corpus, tells) == "--bell"  # the long option names it
    version = next(s for s in corpus.sentences if corpus.sentence_text(s).lstrip().startswith("--version"))
    assert entry_name(corpus, version) == "--version"
    answer = writable.ask("What is the default bell of the keeper?", threshold=0.0).answer
    assert answer is not None and "harbour bell" in answer.text


def test_a_default_value_asked_is_taken_from_the_sentence_near_the_best_that_states_it(writable) -> None:
    page = ("WHEELRC(5)\n\nOPTIONS\n       set wheelsize number\n          Use a wheel of number spokes.  The value of "
            "number must be greater than 0.  The default value is 12.\n")
    writable.add_document(FileUpload("wheelrc.5.txt", "text/plain", page.encode()))
    answer = writable.ask("What is the default size of the wheel, the value of number?", threshold=0.0).answer
    assert answer is not None and answer.text == "12"


def test_a_default_value_is_not_taken_from_a_sentence_about_another_setting(writable) -> None:
    page = "# Pool\n\nThe pool starts 4 workers when it opens.  The default queue length is 100 jobs.\n"
    writable.add_document(FileUpload("pool.md", "text/markdown", page.encode()))
    answer = writable.ask("How many workers does the pool start by default?", threshold=0.0).answer
    assert answer is not None and answer.text == "4 workers"


def test_an_option_on_one_line_with_its_text_is_an_entry_and_says_what_it_does(writable) -> None:
    corpus, query, eligible = eligible_for(writable, "locker.1.txt", LOCKER_MAN_PAGE,
                                           "What does the -ro option of locker do?")
    doc_id = eligible[0].support.doc_id
    starting = partial(sentence_starting, corpus, doc_id)

    assert entry_name(corpus, starting("-ro    Allow")) == "-ro"  # no prose opens with a dash
    assert entry_name(corpus, starting("Implies -no-bell")) == "-ro"
    assert entry_name(corpus, starting("-wo    Allow")) == "-wo"
    assert entry_name(corpus, starting("Bells  Ring")) is None  # a word over no hanging indent stays prose
    example = next(c for c in eligible if corpus.sentence_text(c.support).startswith('command="locker -ro'))
    chosen = named_entry(corpus, example, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("-ro    Allow") and chosen.score == example.score
    implied = read_query(corpus, "Which bell does -ro imply?", None)  # a word of its own: the best stays
    assert named_entry(corpus, example, eligible, implied) == example
    capital = read_query(corpus, "What does the -RO option of locker do?", None)  # an option's case is its own
    assert named_entry(corpus, example, eligible, capital) == example


KEEPER_OPTIONS = ("Harbour keeper\n==============\n\nThe keeper opens the gates at dawn.\n\n"
                  "Options Reference\n-----------------\n\n"
                  "* `Harbour::Gate-Limit` - integer (default:0)\n\n"
                  " Set how many barges may pass the outer gate in one tide. Zero means no limit.\n\n"
                  "* `Harbour::Keep-Logs-After-Close` - boolean (default:False)\n \n"
                  " Keep the tide logs after the gates close. By default\n these are removed at dusk.\n\n"
                  "Logs of all kinds are kept in /var/log/harbour.\n\n"
                  "* `Harbour::Bell-Whitelist` - list of names\n\n"
                  " Only ships in this list ring the bell. The `Harbour::Bell-Blacklist` option still applies,\n"
                  " thus blacklisted ships never ring it.\n\n"
                  "* `Harbour::Bell-Blacklist` - list of names\n\n"
                  " No ship in this list may ring the bell, whatever its flag.\n")


def test_an_item_s_paragraphs_indented_under_it_are_its_entry_named_by_its_namespaced_name(writable) -> None:
    corpus, doc_id = corpus_with(writable, "keeper.md", KEEPER_OPTIONS)
    starting = partial(sentence_starting, corpus, doc_id)
    meaning = starting("Set how many barges")
    assert entry_name(corpus, meaning) == "Harbour::Gate-Limit"  # the item above, though a blank line comes between
    assert entry_name(corpus, starting("Logs of all kinds")) is None  # at the item's column: its own paragraph
    item = starting("* `Harbour::Keep-Logs-After-Close`")
    assert [corpus.sentence_text(s)[:12] for s in entry_of(corpus, item, 5)] == [
        "* `Harbour::", "Keep the tid", "By default\n "]  # up to the paragraph at the item's column
    named = read_query(corpus, "What does the Bell-Blacklist option do?", None)
    assert names_term(named, "Harbour::Bell-Blacklist") and not names_term(named, "Harbour::Bell-Whitelist")
    other = read_query(corpus, "What does Harbour::ftp::Proxy do?", None)
    assert not names_term(other, "Harbour::http::Proxy")  # a last part of one word names only with its namespace


def test_a_namespaced_option_is_answered_by_its_entry_from_its_name_on(writable) -> None:
    corpus_with(writable, "keeper.md", KEEPER_OPTIONS)
    which = writable.ask("Which option sets how many barges may pass the outer gate?", threshold=0.0).answer
    assert which is not None and which.text.startswith("* `Harbour::Gate-Limit`")  # its name, then what it does
    assert "how many barges" in which.text
    how = writable.ask("How do I keep the tide logs after the gates close?", threshold=0.0).answer
    assert how is not None and how.text.startswith("* `Harbour::Keep-Logs-After-Close`")  # the setting is how
    does = writable.ask("What does the Bell-Blacklist option do?", threshold=0.0).answer
    assert does is not None and does.text.startswith("* `Harbour::Bell-Blacklist`")  # not the whitelist naming it
    assert does.text.endswith("whatever its flag.")  # past the name and type, what it does


# A man page's options as terms: one entry mentions the option the next documents, one name is built on another.
GATE_OPTIONS = ("GATE(5)\t\t\t File Formats Manual\t\t\t GATE(5)\n\nNAME\n       gate - harbour gate table\n\n"
                "OPTIONS\n       sync   Close the gate only after the changes have been written\n"
                "\t      to the log.\n\n"
                "\t      In releases up to 1.0 the async option was the default. Now sync is the default.\n\n"
                "       async  This option lets the gate close before the changes have\n"
                "\t      been written to the log.\n\n"
                "       root_squash\n\t      Map the keeper of gate 0 to the night keeper.\n\n"
                "       no_root_squash\n\t      Turn off root squashing. Useful for gates without a keeper.\n")


def test_a_plain_word_the_question_calls_an_option_names_its_entry_over_one_that_mentions_it(writable) -> None:
    question = "What does the async option do?"
    corpus, query, eligible = eligible_for(writable, "gate.5.txt", GATE_OPTIONS, question)
    mention = next(c for c in eligible if corpus.sentence_text(c.support).startswith("In releases up to 1.0"))
    chosen = named_entry(corpus, mention, eligible, query)
    assert entry_name(corpus, chosen.support) == "async" and chosen.score == mention.score
    unnamed = read_query(corpus, "What was the default in releases up to 1.0?", None)
    assert named_entry(corpus, mention, eligible, unnamed) == mention  # no option named: the best stays
    assert _named_by_kind("What does the default option do?") == []  # says which option, names none
    assert _named_by_kind("What does the following setting do?") == []


def test_an_entry_whose_name_is_built_on_the_asked_one_gives_way_to_the_entry_of_that_name(writable) -> None:
    question = "What does the root_squash option do?"
    corpus, query, eligible = eligible_for(writable, "gate.5.txt", GATE_OPTIONS, question)
    longer = next(c for c in eligible if entry_name(corpus, c.support) == "no_root_squash")
    chosen = named_entry(corpus, longer, eligible, query)
    assert entry_name(corpus, chosen.support) == "root_squash"
    asked_longer = read_query(corpus, "What does no_root_squash do?", None)
    assert named_entry(corpus, longer, eligible, asked_longer) == longer
    assert not _built_on("chroot", {"root"}) and _built_on("no_root_squash", {"root_squash"})  # whole parts only
    settings = ("# Class: Pump\n\n## Parameter: `PumpOptions`\n\n* **pump** `object` (optional) - The settings of "
                "the pump.\n* **pump.drainTimeout** `number` (optional) - Default: `5e3` - The time after which an "
                "idle pump stops.\n")
    corpus, query, eligible = eligible_for(writable, "pump.md", settings, "What is the default drainTimeout of `pump`?")
    spaced = next(c for c in eligible if entry_name(corpus, c.support) == "pump.drainTimeout")
    assert named_entry(corpus, spaced, eligible, query) == spaced  # the asked name in the namespace the question says


# A Sphinx page of a module: each function a definition term (its signature) over its text.
CRANE_MODULE = ('<html><head><title>crane</title></head><body><h1>crane — lifting helpers</h1>'
                '<p>The crane module lifts crates.</p><dl><dt>crane.lift(weight, *, careful=False)</dt><dd><p>Lift a '
                'crate of the given weight.</p><p>Changed in version 3.5: Added the careful parameter.</p></dd></dl>'
                '<dl><dt>crane.escape(name)</dt><dd><p>Escape all special characters in a crate name.</p>'
                '<p>New in version 3.4.</p></dd></dl></body></html>')


def test_a_name_written_as_code_is_answered_under_the_definition_term_that_documents_it(writable) -> None:
    question = "Since which version is crane.escape available?"
    corpus, query, eligible = eligible_for(writable, "crane.html", CRANE_MODULE, question)
    other = next(c for c in eligible if corpus.sentence_text(c.support).startswith("Changed in version 3.5"))
    chosen = named_section(corpus, other, eligible, query)
    assert corpus.sentence_text(chosen.support) == "New in version 3.4." and chosen.score == other.score
    lift = read_query(corpus, "Since which version does crane.lift take careful?", None)
    assert named_section(corpus, other, eligible, lift) == other  # the best is under the name asked
    after = ('<html><head><title>yard</title></head><body><h1>yard — crate yard</h1><dl><dt>yard.lift(crate)</dt>'
             '<dd><p>Lift a crate off the stack.</p></dd></dl><dl><dt>yard.stack(crate)</dt><dd><p>Stack a crate in '
             'the yard.</p></dd></dl><p>Crates beginning with a dot are stacked apart.</p></body></html>')
    corpus, query, eligible = eligible_for(writable, "yard.html", after, "Does yard.lift() take crates beginning "
                                           "with a dot apart?")
    prose = next(c for c in eligible if corpus.sentence_text(c.support).startswith("Crates beginning"))
    assert named_section(corpus, prose, eligible, query) == prose  # text after the list is under no term


LOCKPING_MAN_PAGE = ("LOCKPING(8)\n\nNAME\n       lockping - send a bell to the lock keepers\n\n"
                     "SYNOPSIS\n       lockping [-aqx] [-c count] [-i interval] [-I interface] [-l preload] gate\n\n"
                     "DESCRIPTION\n       lockping rings the bell of a gate and waits for the keeper to answer.\n\n"
                     "OPTIONS\n       -a\n\t   Ring an audible bell.\n\n"
                     "       -c count\n\t   Stop after ringing count bells.\n\n"
                     "       -i interval\n\t   Wait interval seconds between bells. Only the harbour master may "
                     "ring faster than once a minute.\n\n"
                     "       -I interface\n\t   interface is either a gate name or a keeper's number.\n\n"
                     "       -l preload\n\t   Ring preload bells at once, not waiting for an answer.\n\n"
                     "       -x, --one-gate\n\t   Do not ring past the first gate, i.e. only the keepers of the gate "
                     "named are asked.\n\n"
                     "EXAMPLES\n       lockping -x -c 3 north-gate\n")


@pytest.mark.parametrize(("question", "opening"), [
    ("What does lockping's -i option do?", "-i interval"),
    ("What does lockping's -I option do?", "-I interface"),  # an option's case is its own: not "-i"
    ("What does lockping's -x option do?", "-x, --one-gate"),  # named by its short name, the long one beside it
])
def test_what_an_option_does_is_said_by_its_entry_not_a_synopsis_or_example(writable, question: str,
                                                                             opening: str) -> None:
    writable.add_document(FileUpload("lockping.8.txt", "text/plain", LOCKPING_MAN_PAGE.encode()))
    answer = writable.ask(question, threshold=0.0).answer
    assert answer is not None and answer.text.startswith(opening), answer


# A README's table of environment variables, each a line "NAME<tab>- what it is", one mentioning the next.
SLUICE_ENVIRONMENT = ("Sluice README\n\nEnvironment variables:\n\n"
                      "    SLUICE_FIRST_POLL\t  - time to the first poll (default is as\n"
                      "\t\t\t    SLUICE_POLL below).\n"
                      "    SLUICE_PIDFILE\t  - write the sluice pid to this file.\n"
                      "    SLUICE_POLL\t  - poll time in seconds; default is 600.\n")


def test_a_line_naming_a_setting_before_a_dash_is_its_entry(writable) -> None:
    question = "What is the default of SLUICE_POLL?"
    corpus, query, eligible = eligible_for(writable, "sluice-README.txt", SLUICE_ENVIRONMENT, question)
    first = next(c for c in eligible if corpus.sentence_text(c.support).startswith("SLUICE_FIRST_POLL"))
    assert entry_name(corpus, first.support) == "SLUICE_FIRST_POLL"
    chosen = named_entry(corpus, first, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("SLUICE_POLL") and chosen.score == first.score


# A man page's settings documented in pairs under one term line, the first pair's names built on the second's.
WEIR_SETTINGS = ("WEIR(8)\n\nCONFIGURATION\n"
                 "       SYS_GATE_MAX (number), SYS_GATE_MIN (number)\n"
                 "\t   Range of gate IDs used for the creation of system gates.\n\n"
                 "\t   The default value for SYS_GATE_MIN (resp.  SYS_GATE_MAX) is 101\n"
                 "\t   (resp.  GATE_MIN-1).\n\n"
                 "       GATE_MAX (number), GATE_MIN (number)\n"
                 "\t   Range of gate IDs used for the creation of regular gates.\n\n"
                 "\t   The default value for GATE_MIN (resp.\t GATE_MAX) is 1000 (resp.\n\t   60000).\n")


def test_a_setting_documented_second_under_its_term_line_is_found_by_that_name(writable) -> None:
    question = "What is the default value of GATE_MIN?"
    corpus, query, eligible = eligible_for(writable, "weir.8.txt", WEIR_SETTINGS, question)
    system = next(c for c in eligible if corpus.sentence_text(c.support).startswith("The default value for SYS_"))
    chosen = named_entry(corpus, system, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("The default value for GATE_MIN")


DOCK_CONFIG = ("DOCK.CONF(5)\n\nDESCRIPTION\n"
               "       berth_format\n\t      The berth format says how a berth is logged. There are 2 options: raw "
               "and named.\n\t      If set to RAW, the berth is logged as the crane reports it. The NAMED option "
               "will\n\t      resolve all crane and barge numbers to names before logging.\n")


def test_a_value_written_before_its_setting_is_answered_by_the_sentence_that_names_it(writable) -> None:
    question = "What does the NAMED berth_format do?"
    corpus, query, eligible = eligible_for(writable, "dock.conf.5.txt", DOCK_CONFIG, question)
    opening = next(c for c in eligible if corpus.sentence_text(c.support).startswith("berth_format\n"))
    chosen = the_value_asked(corpus, opening, eligible, query)
    assert corpus.sentence_text(chosen.support).startswith("The NAMED option")
    raw = read_query(corpus, "What does the RAW berth_format do?", None)
    assert corpus.sentence_text(the_value_asked(corpus, opening, eligible, raw).support).startswith("If set to RAW")
    plain = read_query(corpus, "What does the berth_format do?", None)  # no value: the entry's opening
    assert the_value_asked(corpus, opening, eligible, plain) == opening


LOCK_CONFIG = ("LOCK_CONFIG(5)\n\nDESCRIPTION\n     The keywords are as follows:\n\n"
               "     LogLevel\n\t     Gives the verbosity level of the keeper's log.  The default is INFO.\n\n"
               "     LogVerbose\n\t     Specify one or more overrides to LogLevel.\n")


def test_a_name_in_camel_case_said_word_by_word_finds_its_entry_over_one_that_mentions_it(writable) -> None:
    question = "What is the default log level in lock_config?"
    corpus, query, eligible = eligible_for(writable, "lock_config.5.txt", LOCK_CONFIG, question)
    verbose = next(c for c in eligible if corpus.sentence_text(c.support).startswith("LogVerbose"))
    chosen = named_entry(corpus, verbose, eligible, query)
    assert entry_name(corpus, chosen.support) == "LogLevel"
