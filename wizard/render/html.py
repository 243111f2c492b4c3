"""Summary -> a standalone, printable HTML page: no scripts, no external assets.

It renders the one outline (outline.py), as the Markdown does, so the saved HTML and Markdown say
the same things. Tree text enters the page only through `_e` (every `<`, `&` and quote escaped);
the only links are `url`s of sources and resources with an http(s), mailto or tel scheme
(`outline.safe_url`, which also percent-encodes what could end the attribute). The page's
Content-Security-Policy forbids fetching anything, so even a mistake here could not load a remote
image, stylesheet or script.
"""

from __future__ import annotations

from html import escape

from wizard.model.plain import strip_control
from wizard.model.summary import Summary
from wizard.render.outline import (
    FIRST_PAGE,
    LINE_KINDS,
    Entry,
    Line,
    Outline,
    Paragraph,
    Section,
    build_outline,
    safe_url,
)
from wizard.render.words import fill, t

_STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .3rem; }
blockquote { border-left: 5px solid #333; margin: .5rem 0; padding: .3rem .8rem;
             background: #f3f3f3; }
.urgent { border-left-color: #b00020; }
ul.checklist { list-style: none; padding-left: 0; }
a { color: #0645ad; word-break: break-word; }
@page { margin: 8mm 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; line-height: 1.15; }
  h1 { font-size: 14pt; line-height: 1.2; margin: 0; }
  h1 + p { margin: 0; }
  h2 { font-size: 11pt; line-height: 1.2; margin: .3rem 0 .05rem; padding-bottom: 0;
       border-bottom-width: 1px; }
  h3 { font-size: 10.5pt; margin: .4rem 0 .1rem; }
  p, ul { margin: .1rem 0; }
  ul { padding-left: 1rem; }
  ul ul { margin: 0; }
  blockquote { margin: .1rem 0; padding: .05rem .4rem; border-left-width: 3px; }
  blockquote p { margin: 0; }
  h2, h3 { break-after: avoid; }
  h2.details { break-before: page; }
  blockquote, li, ul.checklist { break-inside: avoid; }
  a::after { content: ""; }
}
"""
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
_LIST_KINDS = LINE_KINDS


def _e(text: str) -> str:
    """Text as HTML text or attribute value: never markup."""
    return escape(text, quote=True)


def _link(url: str) -> str:
    safe = safe_url(url)
    return f'<a href="{_e(safe)}">{_e(url)}</a>' if safe is not None else _e(url)


def _paragraphs(text: str, css: str = "") -> list[str]:
    attribute = f' class="{css}"' if css else ""
    return [
        f"<p{attribute}>{_e(' '.join(p.split()))}</p>"
        for p in text.strip().split("\n\n")
        if p.strip()
    ]


def _line(line: Line) -> list[str]:
    label = f"<strong>{_e(line.label)}:</strong> " if line.label else ""
    if line.items:
        items = "".join(f"<li>{_e(item)}</li>" for item in line.items)
        return [f"<p>{label.strip()}</p>", f"<ul>{items}</ul>"]
    text = _link(line.text) if line.url else _e(line.text)
    if line.role == "note":
        return [f"<blockquote><p>{label}{text}</p></blockquote>"]
    return [f"<p>{label}{text}</p>"]


def _list_item(entry: Entry) -> str:
    title = _e(entry.title)
    if entry.kind == "urgent_line":
        return f'<li class="urgent"><strong>{title}</strong></li>'
    if entry.kind == "option":
        if not entry.detail:
            return f"<li><strong>{title}</strong></li>"
        words = fill("option_line", _e, name=f"<strong>{title}</strong>", brief=_e(entry.detail))
        return f"<li>{words}</li>"
    if entry.kind == "others":
        return f"<li>{title}</li>"
    if entry.kind == "caution":
        words = fill("caution_line", _e, name=f"<strong>{title}</strong>", text=_e(entry.detail))
        return f'<li class="caution">{words}</li>'
    if entry.kind == "sign":
        contacts = "".join(f"<li>{_e(item)}</li>" for line in entry.lines for item in line.items)
        return f"<li>{title}" + (f"<ul>{contacts}</ul>" if contacts else "") + "</li>"
    if entry.kind == "write_in":
        return f'<li class="write-in">{title}</li>'
    if entry.kind == "bring":
        return f"<li>☐ {title}</li>"
    if entry.kind == "answer":
        return f"<li>{title} <strong>{_e(entry.detail)}</strong></li>"
    if entry.kind == "source":
        publisher = f", {_e(entry.detail)}" if entry.detail else ""
        where = f" {_link(entry.url)}" if entry.url else ""
        return f"<li>{title}{publisher}{where}</li>"
    sub = "".join(
        f"<li>{_e(line.label)}: {_e(line.text)}</li>" for line in entry.lines if not line.items
    )
    return f"<li>☐ {title}" + (f"<ul>{sub}</ul>" if sub else "") + "</li>"


def _card(entry: Entry) -> list[str]:
    if entry.kind == "urgent":
        advice = "".join(f"<p>{_e(line.text)}</p>" for line in entry.lines)
        return [
            f'<blockquote class="urgent"><p><strong>{_e(entry.title)}</strong></p>{advice}'
            "</blockquote>"
        ]
    lines = [f"<h3>{_e(entry.title)}</h3>"]
    for line in entry.lines:
        lines += _line(line)
    return lines


def _section(section: Section, first_of_details: bool = False) -> list[str]:
    css = ' class="details"' if first_of_details else ""
    lines = [f"<h2{css}>{_e(section.heading)}</h2>"]
    listing = False
    for block in section.blocks:
        is_list = isinstance(block, Entry) and block.kind in _LIST_KINDS
        if listing and not is_list:
            lines.append("</ul>")
        if is_list and not listing:
            checklist = section.id in ("questions", "bring")
            lines.append('<ul class="checklist">' if checklist else "<ul>")
        listing = is_list
        if isinstance(block, Paragraph):
            lines += _paragraphs(block.text, block.role)
        elif isinstance(block, Entry) and is_list:
            lines.append(_list_item(block))
        elif isinstance(block, Entry):
            lines += _card(block)
    return lines + (["</ul>"] if listing else [])


def render_sections(outline: Outline, *, fold: bool = False) -> str:
    """The outline's sections as HTML (every tree string escaped): the web summary page uses
    this inside its own page, so the saved page and the web page say the same things.

    `fold`: each section after the first page's is a closed <details> whose <summary> holds its
    heading (the browser opens it by click, or by Tab and Enter or Space, with or without
    scripts), after one line saying so; the web page's print stylesheet opens them all."""
    first = next((s.id for s in outline.sections if s.id not in FIRST_PAGE), None)
    lines: list[str] = []
    for section in outline.sections:
        if not fold or section.id in FIRST_PAGE:
            lines += _section(section, section.id == first)
            continue
        if section.id == first:
            lines.append(f'<p class="details-hint">{_e(t("web_details_hint"))}</p>')
        heading, *body = _section(section, section.id == first)
        lines += ['<details class="fold">', f"<summary>{heading}</summary>", *body, "</details>"]
    return "\n".join(lines)


def render_html(summary: Summary) -> str:
    outline = build_outline(summary)
    body = [f"<h1>{_e(outline.title)}</h1>", f"<p><em>{_e(outline.subtitle)}</em></p>"]
    body.append(render_sections(outline))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(strip_control(summary.tree.language))}">\n'
        '<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(outline.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
