"""The lines that state how current a tree's content is, built once for every front end.

The summary's closing line (the outline's, so every output ends with it) and the welcome page's
version line (the app's welcome screen and the web welcome page). Content changed after its last
review (`review.changed`, see Review.unreviewed_change) says so in both: a person must never read
that the words in front of them were reviewed when they were not. Kept apart from the page view
so the app's first screen imports no state machine.
"""

from __future__ import annotations

from wizard.model.plain import strip_control
from wizard.model.tree import Review, Tree
from wizard.render.words import t


def reviewed_line(review: Review) -> str:
    """The summary's closing line: when the content was reviewed and is next due, and any change
    since that review."""
    last, due = strip_control(review.last_reviewed), strip_control(review.next_review)
    if review.unreviewed_change:
        return t("reviewed_changed", last=last, changed=review.unreviewed_change, next=due)
    return t("reviewed", last=last, next=due)


def version_line(tree: Tree) -> str:
    """The welcome page's line: the content's version and last review, and any change since."""
    version, last = strip_control(tree.version), strip_control(tree.review.last_reviewed)
    changed = tree.review.unreviewed_change
    if changed:
        return t("content_version_changed", version=version, reviewed=last, changed=changed)
    return t("content_version", version=version, reviewed=last)
