"""The one way tests run a real `qa serve`: the benchmark harness, on a free loopback port, with chosen settings."""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa.benchmarks.harness import Server, free_port
from qa.errors import QAError
from tests.helpers.paths import ROOT

__all__ = ["WRITE", "WRITE_KEY", "Server", "free_port", "listening", "running", "server_env", "serving", "start",
           "wait_until"]

WRITE_KEY = "test-write-key-0123456789abcdef"
WRITE = {"X-API-Key": WRITE_KEY}
_logs = itertools.count(1)


def server_env(**settings: object) -> dict[str, str]:
    """The environment without the developer's own QA_* variables, plus `settings` as QA_<NAME>."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    return env | {f"QA_{name.upper()}": str(value) for name, value in settings.items()} | {"PYTHONUNBUFFERED": "1"}


def start(folder: Path, options: tuple[str, ...] = (), port: int | None = None, timeout: float = 180,
          **settings: object) -> Server:
    """`qa serve` with these settings, healthy; its log in `folder`. A server that does not start fails the test."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"server-{next(_logs)}.log"
    try:
        return Server.start(server_env(**settings), log, timeout, options, cwd=ROOT, port=port)
    except QAError as error:
        pytest.fail(str(error))


@contextlib.contextmanager
def running(folder: Path, options: tuple[str, ...] = (), port: int | None = None,
            **settings: object) -> Iterator[Server]:
    """A started server, stopped when the block ends; when the block fails, the end of the server's log is
    printed (pytest shows it with the failure), since the temporary folder holding it may be gone by then."""
    server = start(folder, options, port, **settings)
    try:
        yield server
    except BaseException:
        print(f"the server's log ({server.log}) ends:\n{server.log_tail()}")
        raise
    finally:
        server.stop()


def serving(folder: Path, options: tuple[str, ...] = (),
            **settings: object) -> contextlib.AbstractContextManager[Server]:
    """`qa serve` on `folder`/seeds and `folder`/index with a write key, loopback never rate-limited.

    The int8 ONNX backend starts in about 2 s (no torch import); it has the same model name as the
    session's torch backend, so the session's index loads as it is.
    """
    defaults: dict[str, object] = {"seeds_dir": folder / "seeds", "index_dir": folder / "index",
                                   "api_keys": WRITE_KEY, "rate_limit_exempt": "127.0.0.1", "backend": "onnx"}
    return running(folder, options, **(defaults | settings))


def wait_until(check, seconds: float, what: str):
    """Poll `check` until it returns something truthy and return that; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:`port`."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
