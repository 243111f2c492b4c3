"""The command line: argument parsing and one function per command (see main.py).

Imports nothing heavy at module level, so `check`, `walk`, `graph`, `schema` and `trees` start
fast; Textual is imported only by the commands that draw a screen.
"""
