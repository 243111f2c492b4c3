"""The web front ends: plain HTML pages (`wizard serve`) and the terminal in a browser
(`wizard serve --terminal`)."""
