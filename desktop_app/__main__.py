"""`python -m desktop_app` is the `dispatch-reader` command."""

from __future__ import annotations

from desktop_app.cli import main

raise SystemExit(main())
