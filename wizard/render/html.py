"""Summary -> a standalone, printable HTML page: no scripts, no external assets.

The page is the Markdown rendering turned into HTML by markdown-it-py (already installed with
Textual), so the saved HTML and the saved Markdown can never say different things.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from wizard.model.summary import Summary
from wizard.render.markdown import render_markdown

_STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .3rem; }
blockquote { border-left: 5px solid #333; margin: .5rem 0; padding: .3rem .8rem;
             background: #f3f3f3; }
a { color: #0645ad; word-break: break-word; }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; }
  h2, h3 { break-after: avoid; }
  blockquote, li { break-inside: avoid; }
  a::after { content: ""; }
}
"""


def render_html(summary: Summary) -> str:
    body = MarkdownIt("commonmark", {"html": False, "linkify": False}).render(
        render_markdown(summary)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(summary.tree.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(summary.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
