"""Triage Wizard: a decision tree, one question at a time, ending with a clear summary."""

__version__ = "0.1.0"
