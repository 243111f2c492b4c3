"""The Textual app (app.py) with its kiosk and educator modes, screens/, widgets/ and styles.

This file imports nothing, so `wizard.tui.themes` and `wizard.tui.printing` can be read by the
command line without importing Textual.
"""
