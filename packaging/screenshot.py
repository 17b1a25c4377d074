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

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.app import create_window


def main() -> int:
    """Open, paint, grab, save; exit 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--file", help="a document to open (default: the seed telegram)")
    parser.add_argument("--note", type=int, help="also pin this footnote")
    parser.add_argument("--stub", type=int, help="also show the stub of this reference")
    parser.add_argument("--size", default="1100x800")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    app = QApplication(sys.argv[:1])
    window, controller, pending = create_window([args.file] if args.file else [])
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.start_library(pending)
    if args.stub is not None:
        window.show_stub(args.stub, window.reader.viewport().mapToGlobal(QPoint(300, 200)))
    elif args.note is not None:
        window.show_note(args.note, window.reader.viewport().mapToGlobal(QPoint(300, 200)))

    def grab() -> None:
        screen = window.screen()
        frame = window.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        ok = picture.save(args.out)
        print(f"platform={app.platformName()} saved={ok} size={picture.width()}x{picture.height()}")
        controller.close()
        app.exit(0 if ok else 1)

    QTimer.singleShot(700, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
