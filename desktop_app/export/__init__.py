"""Exporters: pure functions from documents and annotations to text. The caller writes.

The table is in `desktop_app.export.registry`; this package imports nothing, so the window
can use `desktop_app.export.citation` at start-up without loading every exporter.
"""
