"""Located error messages in the compiler style ``FILE:LINE:COL: error: MESSAGE``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    message: str
    hint: str | None = None

    def format(self) -> str:
        text = f"{self.location}: error: {self.message}"
        if self.hint:
            text += f"\n{self.location}: hint: {self.hint}"
        return text


class SpecError(Exception):
    """Raised with every diagnostic of a spec that cannot be generated."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def did_you_mean(word: str, candidates) -> str | None:
    """A hint naming the closest candidate, if one is close enough to be a likely typo."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
