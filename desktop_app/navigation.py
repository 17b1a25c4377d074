"""Back and forward across in-app navigation: documents, notes, positions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader is: a document and a scroll position (or an anchor)."""

    doc_id: str
    scroll: int = 0
    anchor: str | None = None


class History:
    """A browser-style history: visiting a new place drops the forward list."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.current: Place | None = None
        self.limit = limit

    def visit(self, place: Place, *, leaving: Place | None = None) -> None:
        """Go to `place`; `leaving` updates where we were (its scroll position)."""
        if self.current is not None:
            self._back.append(leaving or self.current)
            del self._back[: -self.limit]
        self._forward.clear()
        self.current = place

    def can_go_back(self) -> bool:
        """Whether there is a place to go back to."""
        return bool(self._back)

    def can_go_forward(self) -> bool:
        """Whether there is a place to go forward to."""
        return bool(self._forward)

    def back(self, *, leaving: Place | None = None) -> Place | None:
        """The previous place, or None."""
        if not self._back:
            return None
        self._forward.append(leaving or self.current)  # type: ignore[arg-type]
        self.current = self._back.pop()
        return self.current

    def forward(self, *, leaving: Place | None = None) -> Place | None:
        """The next place, or None."""
        if not self._forward:
            return None
        self._back.append(leaving or self.current)  # type: ignore[arg-type]
        self.current = self._forward.pop()
        return self.current
