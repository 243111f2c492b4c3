"""Teach-back: after the summary, a person may check what they understood of it.

Why: people forget much of what they are told; asking them to say it back, and explaining again
what they got wrong, is the health-literacy practice (AHRQ's Universal Precautions Toolkit).
The questions are the tree author's, never generated: a question is asked only when its `when`
holds AND the part of the summary it is about is on this person's summary, so its right answer is
always there to be shown again. At most MOST questions are asked, in the tree's order.

A run is plain state with no I/O; its answers live in it alone, so dropping it (a kiosk's wipe,
closing the screen) forgets them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.model.summary import Summary
from wizard.model.tree import TeachBack

MOST = 3


def on_summary(summary: Summary, about: str) -> bool:
    """Whether the part of the summary named `kind:id` is listed on this summary."""
    kind, _, ref = about.partition(":")
    if kind == "treatment":
        return any(t.item.id == ref for t in summary.treatments)
    if kind == "resource":
        return any(r.item.id == ref for r in summary.resources)
    if kind == "red_flag":
        return any(f.id == ref for f in summary.red_flags)
    return False


def teach_back_for(summary: Summary) -> tuple[TeachBack, ...]:
    """The questions for this person's own summary: the first MOST that apply."""
    found = [
        q
        for q in summary.tree.teach_back
        if q.when.holds(summary.facts) and on_summary(summary, q.about)
    ]
    return tuple(found[:MOST])


@dataclass
class TeachBackRun:
    """One person checking their summary: a question at a time, asked again until right."""

    questions: tuple[TeachBack, ...]
    index: int = 0
    missed: bool = False
    """The current question was answered wrongly at least once (show it again, in other words)."""
    first_try: list[bool] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def question(self) -> TeachBack | None:
        return None if self.finished else self.questions[self.index]

    def answer(self, option_id: str) -> bool:
        """True when right (and on to the next question); False asks again."""
        question = self.question
        if question is None:
            return False
        option = next((o for o in question.options if o.id == option_id), None)
        if option is None or not option.right:
            self.missed = True
            return False
        self.first_try.append(not self.missed)
        self.index += 1
        self.missed = False
        return True
