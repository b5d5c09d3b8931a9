"""A real `qa serve` in a subprocess on a free loopback port: started, watched (CPU, memory) and stopped."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from qa.errors import QAError
from qa.settings import Settings


@dataclass
class Server:
    """A `qa serve` subprocess on a free loopback port, its output in `log`."""

    process: subprocess.Popen
    url: str
    log: Path
    ready_seconds: float = 0.0

    @classmethod
    def start(cls, env: dict[str, str], log: Path, timeout: float = 180.0, options: tuple[str, ...] = (),
              cwd: Path | None = None, port: int | None = None) -> Server:
        """`qa serve` with environment `env` (and extra command-line `options`), once /health answers 200."""
        port = port or free_port()
        command = [sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *options]
        return cls.launch(command, env, log, f"http://127.0.0.1:{port}", "/health", timeout, cwd)

    @classmethod
    def launch(cls, command: list[str], env: dict[str, str], log: Path, url: str, ready_path: str,
               timeout: float = 180.0, cwd: Path | None = None) -> Server:
        """Any HTTP server's `command` (a peer's too), once `url + ready_path` answers 200."""
        import httpx  # lazy: only the bench and the tests start servers

        started = time.perf_counter()
        with open(log, "wb") as output:
            process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=cwd)
        server = cls(process, url, log)
        while time.perf_counter() - started < timeout and process.poll() is None:
            try:
                if httpx.get(f"{server.url}{ready_path}", timeout=1, trust_env=False).status_code == 200:
                    server.ready_seconds = time.perf_counter() - started
                    return server
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        exited = process.poll()
        server.stop()
        what = f"exited with {exited}" if exited is not None else f"did not answer {ready_path} within {timeout:.0f} s"
        raise QAError(f"`{' '.join(command[:4])}` {what}; its log ends:\n{server.log_tail()}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:]

    def _proc(self, name: str) -> str:
        return Path(f"/proc/{self.process.pid}/{name}").read_text()

    def peak_rss_mb(self) -> float:
        line = next(line for line in self._proc("status").splitlines() if line.startswith("VmHWM:"))
        return round(int(line.split()[1]) / 1024, 1)

    def cpu_seconds(self) -> float:
        """CPU time of the server and its worker processes (utime + stime of all their threads)."""
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue  # gone meanwhile
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # ppid, ticks
        tree = {self.process.pid}
        for _ in range(3):  # the server, its workers, and anything they start
            tree |= {pid for pid, (parent, _) in stats.items() if parent in tree}
        return sum(stats[pid][1] for pid in tree if pid in stats) / os.sysconf("SC_CLK_TCK")

    def maps_mention(self, library: str) -> bool:
        return library in self._proc("maps")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def server_env(settings: Settings) -> dict[str, str]:
    """The environment without any QA_* of its own, plus every setting as QA_*: the server sees exactly these."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if name not in ("host", "port") and value is not None:
            env[f"QA_{name.upper()}"] = _env_value(value)
    return env


def _env_value(value: object) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, list):
        return ",".join(_env_value(item) for item in value)
    return json.dumps(value) if isinstance(value, dict) else str(value)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


