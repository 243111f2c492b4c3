"""The web front ends: `wizard serve` (serve.py, the Textual app in a browser through
textual-serve, with terminal_server.py's limits)."""
