"""`wizard ask`: the plain-text front end, for screen readers and scripts (session.py)."""
