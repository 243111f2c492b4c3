"""The answers to one question, as a list to move through, pick from, or tick.

Built on Textual's OptionList (keyboard, mouse, wrapping and scrolling come with it). Every row
says in characters what colour also shows: `›` marks the highlighted row, `●`/`○` the chosen
answer of a single choice, `[x]`/`[ ]` the ticks of a multi-select; then the one key that picks
the answer (1-9, then letters: the page view's) and the label, with "(on its own)" after an
answer that clears the others. The list reports what the person did as messages; it decides
nothing about the tree (the screen asks the session).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option as ListOption

from wizard.render.pageview import OptionView
from wizard.render.words import t
from wizard.tui.widgets.tree_text import plain


def prefix(key: str, *, multi: bool, chosen: bool, pointed: bool) -> str:
    """What goes before a label: the pointer, the answer's key (1-9, a, b, ...), the marker."""
    pointer = "›" if pointed else " "
    ticks, dots = ("[x]", "[ ]"), ("●", "○")
    marker = (ticks if multi else dots)[0 if chosen else 1]
    return f"{pointer} {key or ' '} {marker}"


class DrawnOnce:
    """A renderable that draws what it wraps once per set of console options, then reuses it.

    OptionList measures and draws every answer several times while a page is laid out (its
    height at each width tried, then each line, again for the highlighted style), and a rich
    grid redoes all of its column arithmetic each time: most of the cost of showing a question.
    The row never changes once made (a changed row is a new one, `AnswerList._redraw`), and the
    style OptionList adds is applied to the lines after they are drawn, so what is drawn for the
    same options is always the same and can be kept.
    """

    __slots__ = ("_drawn", "_measured", "renderable")

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}
        self._measured: dict[tuple[object, ...], Measurement] = {}

    @staticmethod
    def _key(options: ConsoleOptions) -> tuple[object, ...]:
        return (
            options.size,
            options.min_width,
            options.max_width,
            options.max_height,
            options.height,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
            options.encoding,
            options.ascii_only,
            options.legacy_windows,
            options.is_terminal,
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = self._key(options)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = list(console.render(self.renderable, options))
        return drawn

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        key = self._key(options)
        measured = self._measured.get(key)
        if measured is None:
            measured = self._measured[key] = Measurement.get(console, options, self.renderable)
        return measured


def row(option: OptionView, head: str, *, chosen: bool) -> Table:
    """One answer: the prefix, then the label (and "on its own") with its help under it.

    A grid keeps wrapped lines of a long label under the label, not under the marker. The
    label and help are the tree's words, so they go in as `Text` (OptionList would read a plain
    string as markup).
    """
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    label = plain(option.label, "bold" if chosen else "")
    if option.alone_words:
        label.append_text(plain(" " + option.alone_words, "italic"))
    if option.help:
        label.append_text(plain("\n" + option.help, "italic"))
    grid.add_row(Text(head), label)
    return grid


class AnswerList(OptionList):
    """The options of a choice or multi node.

    Enter, Space and a click pick (choice) or tick (multi); Enter on an answer already ticked
    goes on with what is ticked, so a tick and a second Enter answer a multi-select.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", t("continue"), show=False),
        Binding("space", "space", t("tick"), show=False),
    ]

    class Picked(Message):
        """A single-choice answer was picked (Enter, Space or a click)."""

        def __init__(self, option_id: str) -> None:
            super().__init__()
            self.option_id = option_id

    class Toggled(Message):
        """A multi-select answer was ticked or unticked (Space or a click)."""

        def __init__(self, option_id: str) -> None:
            super().__init__()
            self.option_id = option_id

    class Submitted(Message):
        """Enter on a ticked answer of a multi-select: go on with what is ticked."""

    def __init__(
        self,
        options: Sequence[OptionView],
        *,
        multi: bool,
        id: str | None = None,
    ) -> None:
        self._answers = tuple(options)
        self._multi = multi
        self._chosen = frozenset(option.id for option in options if option.chosen)
        start = next((i for i, o in enumerate(self._answers) if o.id in self._chosen), 0)
        self._pointed = start
        super().__init__(
            *(
                ListOption(self._row(index), id=option.id)
                for index, option in enumerate(self._answers)
            ),
            id=id,
        )
        self.highlighted = start

    def _prefix(self, index: int) -> str:
        return prefix(
            self._answers[index].key,
            multi=self._multi,
            chosen=self._answers[index].id in self._chosen,
            pointed=index == self._pointed,
        )

    def _row(self, index: int) -> DrawnOnce:
        option = self._answers[index]
        return DrawnOnce(row(option, self._prefix(index), chosen=option.id in self._chosen))

    def row_text(self, index: int) -> str:
        """A row as plain words and markers, e.g. '› 2 [x] Brown tips' (for tests, logs)."""
        option = self._answers[index]
        alone = f" {option.alone_words}" if option.alone_words else ""
        return f"{self._prefix(index)} {plain(option.label)}{alone}"

    def _redraw(self, *indexes: int) -> None:
        for index in dict.fromkeys(indexes):
            if 0 <= index < len(self._answers):
                self.replace_option_prompt_at_index(index, self._row(index))

    @property
    def highlighted_id(self) -> str | None:
        """The id of the answer under the cursor."""
        index = self.highlighted
        return None if index is None else self._answers[index].id

    def show_chosen(self, chosen: Sequence[str]) -> None:
        """Show these answers as ticked (or chosen); what is ticked is the screen's to decide."""
        self._chosen = frozenset(chosen)
        self._redraw(*range(len(self._answers)))

    def point_at(self, index: int) -> None:
        """Move the cursor to an answer (a digit key was pressed)."""
        self.highlighted = index

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the `›` pointer with the cursor, so it is not shown by colour alone."""
        super().watch_highlighted(highlighted)
        if highlighted is None or highlighted == self._pointed:
            return
        before, self._pointed = self._pointed, highlighted
        self._redraw(before, highlighted)

    def _act(self, index: int | None) -> None:
        if index is None:
            return
        option_id = self._answers[index].id
        self.post_message(self.Toggled(option_id) if self._multi else self.Picked(option_id))

    def action_enter(self) -> None:
        index = self.highlighted
        if self._multi and index is not None and self._answers[index].id in self._chosen:
            self.post_message(self.Submitted())
        else:
            self._act(index)

    def hidden_below(self) -> int:
        """How many answers are cut off below the visible part of the list (wholly or not)."""
        lines = self._lines
        bottom = round(self.scroll_y) + self.scrollable_content_region.height
        return len({index for index, _ in lines[bottom:]})

    def action_space(self) -> None:
        self._act(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click selects in OptionList; here it picks or ticks."""
        event.stop()
        self._act(event.option_index)
