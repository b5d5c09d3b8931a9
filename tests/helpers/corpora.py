"""Sample documents and services over seeds folders of a test's own, built from the session's index."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.answering.answer import may_answer, score_candidates
from qa.answering.model import default_model
from qa.answering.questions import read_query
from qa.documents.chunking import Sentence
from qa.documents.uploads import FileUpload
from qa.embedding.base import Embedder
from qa.retrieval.search import search
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings
from qa.storage.corpus import Corpus
from tests.helpers.paths import RELEASE

HARBOR = "Harbor notice\n\nThe harbor master is Ada Quist. The harbor closes at 6 pm on Sundays.\n"
HARBOR_HTML = """<!doctype html><html><head><title>Harbor and Docks</title><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<main><h1>Harbor &amp; Docks</h1><p>The dock master is Ines Vale. She opens the gate at 5&nbsp;am.</p></main>
<footer>Copyright 2026 Harbor Board</footer></body></html>"""


# A man page with an AUTHOR section that names its author first and a contributor after ("Who wrote frob?").
FROB = ("FROB(1)                    User Commands                    FROB(1)\n\n"
        "NAME\n       frob - polish files until they shine\n\n"
        "DESCRIPTION\n       frob polishes each FILE in place. frob keeps a backup of each file it polishes.\n\n"
        "OPTIONS\n       -q, --quiet\n              frob prints nothing while it polishes.\n\n"
        "AUTHOR\n       Nadia Oyelaran (nadia@example.org)\n"
        "       Colour output hacked by Tomas Brenner (tomas@example.org)\n"
        "       Charsets and OS/2 support by Kyosuke Tokoro (tokoro@example.org)\n\n"
        "SEE ALSO\n       shine(1)\n")
PUMP_OPTIONS = ("# Class: Pump\n\n## Parameter: `PumpOptions`\n\n"
                "* **drainTimeout** `number` (optional) - Default: `5e3` - The time after which an idle pump stops. "
                "Defaults to 5 seconds.\n"
                "* **drainMaxTimeout** `number` (optional) - Default: `90e3` - The longest `drainTimeout` a server "
                "hint may set. Defaults to 90 seconds.\n"
                "* **flowRate** `number` (optional) - Default: `12` - Litres pumped per second.\n")
VALVE_OPTIONS = (PUMP_OPTIONS + "\n## Parameter: `ValveOptions`\n\n"
                 "* **flowLimit** `number` (optional) - The most litres a valve passes. Calls above it are queued. "
                 "Defaults to 40 litres.\n* **matches** `number` - How many valves match a pump.\n")


# A man page: its NAME line, an example that uses an option, options each on one line with its text.
LOCKER_MAN_PAGE = ("LOCKER(1)\t\t\t User Commands\t\t\t     LOCKER(1)\n\nNAME\n       locker - a script to keep "
                   "harbour gates shut\n\nDESCRIPTION\n       To use it, add a line like one of these to the gate "
                   "list:\n\n\t   command=\"locker -ro GATE\"\n\t   command=\"locker -ro -no-bell GATE\"\n\n"
                   "OPTIONS\n       -ro    Allow only reading the gate log. Implies -no-bell.\n\n"
                   "       -wo    Allow only writing to the gate log.\n\n"
                   "       Bells  Ring  once  at  closing,  as  justified  prose  puts  it.\n")
_KINDS = {".md": "text/markdown", ".txt": "text/plain", ".html": "text/html"}


def corpus_with(service: QuestionAnswerer, filename: str, text: str) -> tuple[Corpus, str]:
    """The service's corpus once `text` is uploaded as `filename` (its kind read from the suffix), and the new
    document's id."""
    added = service.add_document(FileUpload(filename, _KINDS[Path(filename).suffix], text.encode()))
    return service.current().corpus, added.doc_id


def sentence_starting(corpus: Corpus, doc_id: str, text: str) -> Sentence:
    """The first sentence of the document `doc_id` whose text starts with `text`."""
    return next(s for s in corpus.sentences if s.doc_id == doc_id and corpus.sentence_text(s).startswith(text))


def api_entry(heading: str, text: str) -> FileUpload:
    """A Markdown API reference of one entry: its heading, the label under it as inline HTML, then its text."""
    page = f"# fetch\n\n## {heading}\n\n<small>*(spec-compliant)*</small>\n\n{text}\n"
    return FileUpload("fetch.md", "text/markdown", page.encode())


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF: one Helvetica line per string, one page per list; an empty list is a page without text."""
    objects: list[str | bytes] = ["<< /Type /Catalog /Pages 2 0 R >>", "",
                                  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        ops = ["BT /F1 12 Tf 72 720 Td 14 TL", *(f"({line}) Tj T*" for line in escaped), "ET"] if lines \
            else ["0 0 1 rg 72 600 200 100 re f"]  # a filled box: a page with drawing but no text layer
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       f">> /Contents {len(objects)} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode()) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def writable_service(folder: Path, settings: Settings, embedder: Embedder, **overrides) -> QuestionAnswerer:
    """A service over a seeds folder of its own (the release), starting from a copy of the session index."""
    corpus_folder(folder, settings)
    own = Settings(seeds_dir=folder / "seeds", index_dir=folder / "index", **overrides)
    return open_service(own, embedder=embedder, cache_size=0)


def slices_everywhere(service: QuestionAnswerer, question: str) -> bool:
    """Every citation of an answer slices the stored original file to its text."""
    response = service.ask(question)
    cited = list(response.passages) + ([response.answer, response.answer.sentence] if response.answer else [])
    return all((service.settings.seeds_dir / c.citation.source).read_text(encoding="utf-8")
               [c.citation.start:c.citation.end] == c.text for c in cited if c is not None)


def files_of(service: QuestionAnswerer) -> dict[str, bytes]:
    """Every file under the service's seeds folder, with its bytes."""
    seeds = service.settings.seeds_dir
    return {str(p.relative_to(seeds)): p.read_bytes() for p in sorted(seeds.rglob("*")) if p.is_file()}


class CountingEmbedder(Embedder):
    """The real embedder, counting the texts it is asked to embed (the reuse oracle)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name, self.dimension, self.texts = inner, inner.name, inner.dimension, 0

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.texts += len(texts)
        return self.inner.embed(texts, batch_size, progress)




def corpus_folder(folder: Path, settings: Settings) -> Path:
    """Seeds holding the release, and a copy of the session's index of it (so start-up builds nothing)."""
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(RELEASE, folder / "seeds" / RELEASE.name)
    shutil.copytree(settings.index_dir, folder / "index")
    return folder


def note(n: int) -> dict:
    """A JSON note numbered `n`, with a keeper and an opening hour to ask about."""
    return {"title": f"Lock keeper notice {n}", "text": f"The keeper of lock {n} is Ilse Marr number {n}. "
                                                       f"Lock {n} opens at {n} am on weekdays."}


def scored(writable: QuestionAnswerer, upload: FileUpload, question: str) -> tuple:
    """(corpus, query, candidates) of `question` once `upload` is among the documents."""
    writable.add_document(upload)
    return scored_now(writable, question)


def scored_now(writable: QuestionAnswerer, question: str) -> tuple:
    """(corpus, query, candidates) of `question` over the documents there are."""
    corpus, vector = writable.current().corpus, writable.queries.encode(question)
    query = read_query(corpus, question, vector)
    return corpus, query, score_candidates(corpus, query, search(writable.current(), question, vector, 10),
                                           default_model())


def eligible_for(writable: QuestionAnswerer, filename: str, text: str, question: str) -> tuple:
    """(corpus, query, the candidates that may answer) of `question` once `text` is uploaded as `filename`."""
    corpus, query, candidates = scored(writable, FileUpload(filename, _KINDS[Path(filename).suffix], text.encode()),
                                       question)
    return corpus, query, [c for c in candidates if may_answer(c, query)]
