"""Run the real command in a real pseudo-terminal, to see exactly what reaches the learner's screen.

Pilot tests drive the app in-process and headless; what they cannot see is the byte stream the
terminal receives: whether it was restored after a crash, whether a traceback was printed, which
colours were sent. This harness runs ``python -m dprk_it_tutor`` on a pty and records every byte.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence


class RealTerminal:
    def __init__(
        self,
        args: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
        prelude: str = "",
    ) -> None:
        """``prelude``: Python run before the CLI's main(), e.g. to plant a fault."""
        columns, rows = size
        self._master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        code = f"{prelude}\nimport sys\nfrom dprk_it_tutor.cli import main\nsys.exit(main(sys.argv[1:]))"
        environment = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}
        environment.update(TERM="xterm-256color", COLORTERM="truecolor", **(env or {}))
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = b""

    def read_until(self, text: str | bytes, timeout: float = 30.0) -> bool:
        """Read until ``text`` has appeared in the output or the process ends."""
        wanted = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < deadline:
            if not self._read(0.1) and self.process.poll() is not None:
                break
        return wanted in self.output

    def send(self, keys: str) -> None:
        os.write(self._master, keys.encode())

    def wait(self, timeout: float = 30.0) -> int:
        """Wait for the process to end, reading all it writes; its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        while self._read(0.1):
            pass
        return self.process.wait(timeout=1)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self._master)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self._master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self._master, 65536)
        except OSError:  # the other end closed (Linux raises EIO)
            return False
        self.output += chunk
        return bool(chunk)

    def __enter__(self) -> RealTerminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
