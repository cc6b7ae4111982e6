"""Shorthand for writing tables in the papers' content."""

from .model import c


def r(*texts):
    """A table row of plain cells ("" is an empty cell)."""
    return [c(text) for text in texts]
