"""Where Save puts the summary, and writing it: the file side of the summary screen's Save.

Plain Python (no Textual), so the naming rules are easy to test: two files, Markdown and a
printable HTML page, named after the tree; an existing pair is never replaced without asking,
and "New name" picks the first free `-2`, `-3`, ... beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.model.summary import Summary


@dataclass(frozen=True)
class SummaryFiles:
    """The Markdown file and the HTML page saved together."""

    markdown: Path
    html: Path

    @property
    def exist(self) -> bool:
        """True when saving here would replace either file."""
        return self.markdown.exists() or self.html.exists()

    def describe(self) -> str:
        return f"{self.markdown} and {self.html.name}"


def files_for(folder: Path, stem: str) -> SummaryFiles:
    return SummaryFiles(folder / f"{stem}.md", folder / f"{stem}.html")


def default_files(folder: Path, summary: Summary) -> SummaryFiles:
    """`<tree id>-summary.md` and `.html` in the save folder."""
    return files_for(folder, f"{summary.tree.id}-summary")


def free_files(folder: Path, summary: Summary) -> SummaryFiles:
    """The first `<tree id>-summary-N` pair (N from 2) where neither file exists yet."""
    number = 2
    while (files := files_for(folder, f"{summary.tree.id}-summary-{number}")).exist:
        number += 1
    return files


def write_summary(files: SummaryFiles, summary: Summary) -> None:
    """Render and write both files (the renderers are imported only when saving)."""
    from wizard.render.html import render_html
    from wizard.render.markdown import render_markdown

    files.markdown.parent.mkdir(parents=True, exist_ok=True)
    files.markdown.write_text(render_markdown(summary), encoding="utf-8")
    files.html.write_text(render_html(summary), encoding="utf-8")
