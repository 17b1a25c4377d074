"""Cold start to the painted seed telegram, under Xvfb (real xcb windows).

Runs `python -m desktop_app` N times with DISPATCH_READER_TRACE_STARTUP=1 and reads the
`first-paint <seconds>` line (seconds since the OS started the process). Prints the median
for a first run (empty data dir), for later runs (library present), and for a bare PySide6
window showing the same text, for scale. Needs Xvfb (apt: xvfb).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import os, sys, time
from pathlib import Path
def started():
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
START = started()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv[:1])
view = QTextBrowser()
view.setPlainText(Path(sys.argv[1]).read_text(encoding="utf-8"))
class Hook(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.time() - START:.3f}", flush=True)
            app.exit(0)
        return False
hook = Hook()
view.viewport().installEventFilter(hook)
view.resize(1100, 800)
view.show()
app.exec()
"""


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    for number in range(90, 120):
        display = f":{number}"
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, display
            time.sleep(0.05)
        server.kill()
    raise RuntimeError("could not start Xvfb")


def _first_paint(command: list[str], env: dict[str, str]) -> float:
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode().strip()
            if line.startswith("first-paint "):
                return float(line.split()[1])
        raise RuntimeError(f"no first-paint line from {command}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    """Print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        sys.exit("startup.py: Xvfb is not installed (apt-get install xvfb)")
    # An installed app has its bytecode compiled by pip; a checkout with
    # PYTHONDONTWRITEBYTECODE set would recompile every module on every start.
    import compileall

    import desktop_app

    compileall.compile_dir(Path(desktop_app.__file__).parent, quiet=1)
    server, display = _start_xvfb()
    seed = Path(__file__).resolve().parent.parent / "resources" / "samples"
    seed_file = seed / "frus1945Berlinv01-d584.txt"
    base = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = [sys.executable, "-m", "desktop_app"]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            first, later = [], []
            for run in range(args.runs):
                data = Path(tmp) / f"run{run}"
                env = {**base, "DISPATCH_READER_DATA_DIR": str(data)}
                env["DISPATCH_READER_TRACE_STARTUP"] = "1"
                first.append(_first_paint(app, env))
                later.append(_first_paint(app, env))
            bare = [
                _first_paint([sys.executable, "-c", BARE, str(seed_file)], base)
                for _ in range(args.runs)
            ]
    finally:
        server.terminate()
    print(f"first run (new data dir): median {statistics.median(first):.3f} s  {first}")
    print(f"later runs (library present): median {statistics.median(later):.3f} s  {later}")
    print(f"bare PySide6 window, same text: median {statistics.median(bare):.3f} s  {bare}")


if __name__ == "__main__":
    main()
