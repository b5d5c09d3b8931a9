"""Ask a new-user trial round (docs/eval/trials) and count the right answers.

    python tools/ask_trial.py ROUND_FOLDER QUESTIONS.tsv [INDEX_FOLDER]

ROUND_FOLDER is one made by docs/eval/trials/fetch.sh (its seeds/ is the corpus; the index is built in
ROUND_FOLDER/index unless INDEX_FOLDER is given). Each line of the .tsv is a question (or, in a
-conversations.tsv, the turns in order), a tab, and the text a right answer must contain, compared
without case or whitespace, or "-" when the answer must be withheld. Earlier turns are asked first
and their answers passed back as history, as the widget does.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qa.conversation.followups import Turn
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings


def main(folder: Path, questions: Path, index: Path) -> int:
    settings = Settings().model_copy(update={"seeds_dir": folder / "seeds", "index_dir": index})
    service = open_service(settings, cache_size=0)
    right = asked = 0
    for number, line in enumerate(questions.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            *turns, expected = line.split("\t")
            if not turns:
                sys.exit(f"{questions}:{number}: a question, a tab and the expected text (or -) are needed")
            answer, score = ask_turns(service, turns)
            ok = answer is None if expected.strip() == "-" else _plain(expected) in _plain(answer or "")
            right, asked = right + ok, asked + 1
            print(f"{'ok  ' if ok else 'MISS'} {turns[-1][:70]:70} | {score} {(answer or 'NONE')[:100]!r}")
    print(f"{right}/{asked}")
    return 0


def ask_turns(service: QuestionAnswerer, turns: list[str]) -> tuple[str | None, str]:
    """The last turn's answer (None when withheld) and its score, the earlier turns asked first as history."""
    history: list[Turn] = []
    for question in turns[:-1]:
        earlier = service.ask(question, history=history).answer
        history.append(Turn(question, earlier.text if earlier else None))
    answer = service.ask(turns[-1], history=history).answer
    return (answer.text, f"{answer.score:.2f}") if answer else (None, "-")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    root = Path(sys.argv[1])
    sys.exit(main(root, Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) == 4 else root / "index"))
