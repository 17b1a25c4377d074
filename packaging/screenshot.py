"""Screenshot of the real app window: `xvfb-run -a python packaging/screenshot.py OUT.png`.

Opens the main window on the seed telegram (or FILE), waits for it to paint on the X
server, grabs the screen area of the window and saves a PNG. Used for the README picture
and by the Xvfb test.
"""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.paths import seed_path
from desktop_app.ui.main_window import MainWindow


def main() -> int:
    """Open, paint, grab, save; exit 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--file", default=str(seed_path()))
    parser.add_argument("--size", default="1100x800")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(width, height)
    window.move(0, 0)
    if not window.open_path(args.file):
        return 1
    window.show()

    def grab() -> None:
        screen = window.screen()
        frame = window.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        ok = picture.save(args.out)
        print(f"platform={app.platformName()} saved={ok} size={picture.width()}x{picture.height()}")
        app.exit(0 if ok else 1)

    QTimer.singleShot(700, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
