"""Dispatch Reader: an offline reader and annotator for diplomatic documents."""

from __future__ import annotations

__version__ = "0.1.0"
APP_ID = "io.github.dispatch_reader.DispatchReader"
APP_NAME = "Dispatch Reader"
