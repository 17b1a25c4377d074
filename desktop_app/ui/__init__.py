"""The Qt shell: widgets only; they read documents and emit intents."""
