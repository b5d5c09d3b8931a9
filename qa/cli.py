"""The `qa` command: index, ask, serve, eval; domain errors become one-line messages."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable

from qa.errors import QAError
from qa.settings import MODES, Settings


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command not in ("eval", "bench") and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args, Settings())
    except QAError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Question answering over the documents in QA_SEEDS_DIR.")
    commands = parser.add_subparsers(dest="command")
    index = commands.add_parser("index", help="build the index (only when seeds or settings changed)")
    index.add_argument("--force", action="store_true", help="rebuild even when the index is current")
    index.set_defaults(run=_index)
    ask = commands.add_parser("ask", help="answer one question with numbered citations")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None)
    ask.add_argument("--mode", choices=MODES, default=None)
    ask.add_argument("--json", action="store_true", help="print the /ask response as JSON")
    ask.set_defaults(run=_ask)
    serve = commands.add_parser("serve", help="start the HTTP service (builds the index when needed)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=_workers, default=1,
                       help="worker processes, or 'auto' for one per core (the most requests/s); each loads the "
                            "model and maps the same index (QA_INDEX_MMAP=true)")
    serve.set_defaults(run=_serve)
    for name, summary in (("eval", "measure retrieval and answers on gold questions (qa eval --help)"),
                          ("bench", "measure latency and throughput against the bare encode (qa bench --help)")):
        delegated = commands.add_parser(name, help=summary, add_help=False)
        delegated.set_defaults(run=_delegate(name))
    return parser


def _index(args: argparse.Namespace, settings: Settings) -> int:
    from qa.documents.reading import load_documents
    from qa.embedding import load_embedder
    from qa.service.startup import ensure_index
    from qa.storage import open_store

    started = time.perf_counter()
    embedder = load_embedder(settings)
    if args.force:
        documents = load_documents(settings.seeds_dir, settings.gold_dirname)
        manifest = open_store(settings).sync(documents, settings, embedder, progress=True, reuse=False)
        built = True
    else:
        manifest, built = ensure_index(settings, embedder, progress=True)
    verb = "built" if built else "up to date:"
    counts = manifest["counts"]
    print(f"index {verb} {settings.index_dir} version {manifest['version']}: {counts['documents']} documents, "
          f"{counts['passages']} passages, {counts['sentences']} sentences ({time.perf_counter() - started:.1f} s)")
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from qa.service.render import response_json
    from qa.service.startup import open_service

    response = open_service(settings).ask(args.question, args.top_k, args.mode)
    if args.json:
        print(json.dumps(response_json(response), ensure_ascii=False, indent=2))
        return 0
    if response.answer is None:
        print("The documents do not answer this. Closest passages:")
    else:
        print(f"{response.answer.text}  [1]  (score {response.answer.score:.2f})")
        if response.answer.sentence and response.answer.sentence.text != response.answer.text:
            print(f"  in: {response.answer.sentence.text}")
    cited = ([response.answer] if response.answer else []) + list(response.passages)
    for number, item in enumerate(cited, start=1):
        c = item.citation
        print(f"[{number}] {c.title} ({c.source}, chars {c.start}-{c.end}): {item.text[:160]}")
    return 0


def _workers(value: str) -> int:
    """`--workers`: a count from 1 to 64, or `auto` (one per core)."""
    if value == "auto":
        return os.cpu_count() or 1
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"expected a number from 1 to 64 or 'auto', got {value!r}")
    return int(value)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    """uvicorn with the app factory `api.app:create_app`: the library never imports the HTTP layer."""
    import uvicorn  # lazy: only this command needs the server

    host, port = args.host or settings.host, args.port or settings.port
    if args.workers > 1:  # build once here, not in every worker; each then loads the index that is ready
        from qa.embedding import DeferredEmbedder
        from qa.service.startup import ensure_index

        manifest, built = ensure_index(settings, DeferredEmbedder(settings), progress=True)
        if built:
            print(f"built index version {manifest['version']}", file=sys.stderr)
        os.environ["QA_BUILD_ON_START"] = "false"
        if not settings.encode_workers:  # the cores are shared out: one model call at a time per process
            os.environ["QA_ENCODE_WORKERS"] = str(max(1, (os.cpu_count() or 1) // args.workers))
    uvicorn.run("api.app:create_app", factory=True, workers=args.workers, host=host, port=port, log_level="info",
                access_log=False)
    return 0


def _delegate(name: str) -> Callable[[argparse.Namespace, Settings], int]:
    """`qa eval` and `qa bench` parse their own options in their own modules."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        if name == "eval":
            from qa.evaluation import cli as evaluation

            return evaluation.main(args.rest, settings)
        from qa.benchmarks import cli as benchmarks

        return benchmarks.main(args.rest, settings)

    return run


if __name__ == "__main__":
    sys.exit(main())
