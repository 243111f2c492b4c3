"""The tree format, declared once.

The builder checks keys and types against these tables and `schema.py` turns the same tables into
the JSON Schema editors use, so the two cannot disagree about what a tree may say. What each node
kind may say is in kinds.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wizard.model.kinds import NODE_KINDS

# Written for JSON Schema (ECMAScript, where `$` is the very end); Python code checks them
# with `fits`, never `re.match`.
NODE_ID = r"^[a-z0-9_]+$"
FACT = r"^[a-z0-9_]+$"
ITEM_ID = r"^[a-z0-9_-]+$"
TREE_ID = r"^[a-z0-9-]+$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# One line of text: no line break inside (surrounding blank space, as YAML's `>` leaves, is fine).
LINE = r"^\s*[^\n]*\S[^\n]*\s*$"
BRIEF_MAX = 120  # characters; a longer `brief` is warned about: it no longer reads at a glance
GLANCE_FIRST = 5  # "At a glance" shows at most this many first choices; the rest share one line

TEXT_TYPES = frozenset({"text", "line", "texts"})
"""Field types that hold words. Each such field says who reads it (`Field.read`); every other
type (ids, references, facts, conditions, numbers, dates) is for the program."""
READ_ROLES = ("prose", "name", "verbatim", "edition", "no")
"""Who reads a text field, and so which tool looks at it (wizard/model/texts.py):

- prose: sentences a person reads: graded for reading level, translated, compared by `diff`;
- name: names and contact lines (medicine names, a phone line, a source's title): translated and
  compared, never graded (the formula means nothing on a list of names);
- verbatim: shown exactly as written (web addresses, publishers): compared, never translated;
- edition: the edition's own label (its version), shown in headings and expected to change with
  every edition: `diff` names it in its title, not as a difference;
- no: never shown to a person (a language tag).
"""


def fits(pattern: str, text: str) -> bool:
    """Whether the WHOLE of `text` fits one of the patterns above.

    Why not `re.match`: in Python `$` also matches just before a final newline, so an id "fire\\n"
    passed the checker, crashed the app when answered and left a kiosk at a shell. Every id,
    fact, date and reference is checked here, so the format has one answer to "is this an id".
    """
    return re.fullmatch(pattern, text) is not None


@dataclass(frozen=True)
class Field:
    """One key of an object.

    `type` is one of: text, line (text on one line), int, bool, date, node_ref, item_ref, texts,
    facts, refs, condition, next, kind, format, tree_id, or `object:NAME`, `list:NAME`,
    `map:NAME` for nested objects.
    """

    name: str
    type: str
    required: bool = False
    doc: str = ""
    read: str = "prose"
    """For a text field (TEXT_TYPES): who reads it, one of READ_ROLES. New text fields are
    prose unless marked, so a new key is graded, translated and compared from the day it is
    declared; ignored for other types."""


F = Field

OBJECTS: dict[str, tuple[Field, ...]] = {
    "tree": (
        F("format", "format", True, "Format version of the file: 1."),
        F("id", "tree_id", True, "The tree's id, lowercase letters, digits and dashes."),
        F("title", "text", True, "Shown on the welcome screen and the summary."),
        F("description", "text", doc="What the guide does, in a sentence or two."),
        F("version", "text", True, 'Content version, such as "2026.11.0".', read="edition"),
        F("language", "text", doc="Language tag, default en.", read="no"),
        F("review", "object:review", True, "Content review dates."),
        F(
            "reading_grade",
            "int",
            doc="The hardest Flesch-Kincaid grade one text may have (default 9); "
            "`wizard check` warns above it.",
        ),
        F("disclaimer", "text", True, "Shown on the welcome screen and every summary."),
        F("start", "node_ref", True, "Id of the first node."),
        F("sources", "map:source", doc="Everything the tree cites, by id."),
        F("groups", "list:group", doc="Ordered headings of the summary."),
        F("nodes", "map:node", True, "The nodes, by id."),
        F("treatments", "map:treatment", doc="Items listed on the summary when `when` holds."),
        F("resources", "map:resource", doc="Coping and support resources."),
        F("red_flags", "map:red_flag", doc="Urgent alerts raised by an option's red_flag."),
        F("questions", "list:question", doc="Questions to ask the care team."),
        F(
            "at_a_glance",
            "list:glance",
            doc="Orders of the options in the summary's 'at a glance': the first entry with an "
            "`order` whose `when` holds is used; every entry whose `when` holds applies its "
            "`later` and `others`.",
        ),
        F(
            "safety_net",
            "object:safety_net",
            doc="'When to get help today': shown on every summary, whatever was answered, "
            "below anything urgent the person ticked.",
        ),
        F(
            "bring",
            "object:bring",
            doc="'Bring to your appointment': a checklist; each item listed when its `when` holds.",
        ),
        F("quiz", "object:quiz", doc="What `wizard quiz` asks about this tree's cases."),
        F("cases", "list:case", doc="People for the quiz: a short story and their answers."),
        F(
            "teach_back",
            "list:teach_back",
            doc="Questions after the summary checking that a person understood it.",
        ),
    ),
    "safety_net": (
        F("heading", "line", doc="The block's heading (default: the vocabulary's)."),
        F("intro", "text", doc="One or two sentences before the signs."),
        F("signs", "list:sign", True, "The signs that need help today, one short line each."),
        F(
            "write_in",
            "line",
            doc="Label of a line left blank on paper, such as the care team's 24-hour number.",
        ),
        F("sources", "refs"),
    ),
    "sign": (
        F("text", "text", True, "One sign and what to do."),
        F("when", "condition", doc="Shown only when this holds (default: always)."),
        F(
            "contacts",
            "texts",
            doc="Phone lines, each saying which country it serves.",
            read="name",
        ),
        F("sources", "refs"),
    ),
    "bring": (
        F("heading", "line", doc="The section's heading (default: the vocabulary's)."),
        F("intro", "text"),
        F("items", "list:bring_item", True, "Things to bring, one line each."),
    ),
    "bring_item": (
        F("text", "line", True),
        F("when", "condition", doc="Listed only when this holds (default: always)."),
    ),
    "review": (
        F("last_reviewed", "date", True, "YYYY-MM-DD"),
        F("next_review", "date", True, "YYYY-MM-DD"),
        F(
            "changed",
            "date",
            doc="YYYY-MM-DD: the content changed after `last_reviewed` and awaits review.",
        ),
    ),
    "source": (
        F("title", "text", True, read="name"),
        F("publisher", "text", read="verbatim"),
        F("url", "text", read="verbatim"),
    ),
    "group": (
        F("id", "item_ref", True),
        F("title", "text", True),
        F("about", "text"),
    ),
    "node": (
        F("kind", "kind", True, f"{', '.join(NODE_KINDS[:-1])} or {NODE_KINDS[-1]}."),
        F("prompt", "text", doc="The question, or an info node's heading."),
        F("title", "text", doc="An outcome's heading."),
        F("text", "text", doc="Body text of an info or outcome node."),
        F("help", "text", doc="Longer explanation, shown on request."),
        F("when", "condition", doc="The node is skipped unless this holds."),
        F("options", "list:option", doc="The answers to pick from (choice, multi)."),
        F("next", "next", doc="A node id, or routes {when, go} tried in order."),
        F("min", "int", doc="multi: fewest options to pick (default 1)."),
        F("max", "int", doc="multi: most options to pick (default all)."),
    ),
    "option": (
        F("id", "item_ref", True, "Unique within the node."),
        F("label", "text", True),
        F("help", "text"),
        F("sets", "facts", doc="Facts this answer adds."),
        F("next", "node_ref", doc="choice only: where this answer leads."),
        F("exclusive", "bool", doc="multi only: cannot be picked with other options."),
        F("red_flag", "item_ref", doc="Id of a red flag raised by this answer."),
    ),
    "route": (
        F("when", "condition"),
        F("go", "node_ref", True),
    ),
    "treatment": (
        F("name", "text", True),
        F("brief", "line", doc="One plain line for the summary's 'at a glance'."),
        F(
            "briefs",
            "list:brief",
            doc="Briefs for some facts: the first whose `when` holds replaces `brief`.",
        ),
        F("examples", "texts", read="name"),
        F(
            "caution",
            "bool",
            doc="The item is a caution, not an option (such as medicines to avoid): 'at a "
            "glance' shows it, with its brief, among the cautions, never among the options.",
        ),
        F("group", "item_ref", True, "Id of a group."),
        F("about", "text", True, "What it is."),
        F("given", "text", doc="How it is given."),
        F("side_effects", "object:side_effects"),
        F("notes", "list:note", doc="Lines shown when their condition holds."),
        F("when", "condition", True),
        F(
            "never_with",
            "condition",
            doc="A promise `wizard check` proves over every route: never shown when this holds.",
        ),
        F(
            "only_with",
            "condition",
            doc="A promise `wizard check` proves over every route: shown only when this holds.",
        ),
        F("sources", "refs"),
    ),
    "brief": (
        F("when", "condition", True),
        F("text", "line", True, "One plain line for the summary's 'at a glance'."),
    ),
    "side_effects": (
        F("common", "texts"),
        F("serious", "texts"),
    ),
    "note": (
        F("when", "condition", True),
        F("text", "text", True),
        F("sources", "refs", doc="Source ids this note cites (listed when the note applies)."),
        F(
            "caution",
            "bool",
            doc="The note warns against the item for these facts: it is also shown in the "
            "summary's cautions, and `wizard check` warns when 'at a glance' can show the item "
            "as a first choice while the note applies.",
        ),
        F(
            "never_with",
            "condition",
            doc="A promise `wizard check` proves over every route: never shown when this holds.",
        ),
        F(
            "only_with",
            "condition",
            doc="A promise `wizard check` proves over every route: shown only when this holds.",
        ),
    ),
    "resource": (
        F("name", "text", True),
        F("brief", "line", doc="One plain line for the summary's 'at a glance'."),
        F("about", "text", True),
        F("contact", "text", doc="Say which country a phone number serves.", read="name"),
        F("url", "text", read="verbatim"),
        F("notes", "list:note", doc="Lines shown when their condition holds."),
        F("when", "condition", True),
        F(
            "never_with",
            "condition",
            doc="A promise `wizard check` proves over every route: never shown when this holds.",
        ),
        F(
            "only_with",
            "condition",
            doc="A promise `wizard check` proves over every route: shown only when this holds.",
        ),
        F("sources", "refs"),
    ),
    "red_flag": (
        F("title", "text", True),
        F("advice", "text", True, "What to do now."),
        F("sources", "refs"),
    ),
    "question": (
        F("text", "text", True),
        F("when", "condition"),
        F(
            "never_with",
            "condition",
            doc="A promise `wizard check` proves over every route: never shown when this holds.",
        ),
        F(
            "only_with",
            "condition",
            doc="A promise `wizard check` proves over every route: shown only when this holds.",
        ),
        F("sources", "refs"),
    ),
    "glance": (
        F("when", "condition", True, "This entry applies when the condition holds."),
        F(
            "order",
            "refs",
            doc=f"Treatment ids, first shown first: the first {GLANCE_FIRST} listed are the "
            "person's first choices, the rest are named on one line.",
        ),
        F("later", "refs", doc="Treatment ids moved to the end of the order."),
        F(
            "others",
            "refs",
            doc="Treatment ids never shown as a first choice: named on the 'other options' line.",
        ),
    ),
    "quiz": (
        F(
            "ask",
            "refs",
            doc="The kinds of question to ask, of options, first, urgent and next (default all).",
        ),
    ),
    "case": (
        F("id", "item_ref", True, "Unique among the cases."),
        F("story", "text", True, "The person in a few plain words (no answers given away)."),
        F("answers", "answers", True, "Node id -> the option id picked (a list for multi)."),
        F("next_at", "node_ref", doc="A question on the route: predict what is asked after it."),
    ),
    "teach_back": (
        F("id", "item_ref", True, "Unique among the teach-back questions."),
        F("prompt", "text", True, "The question, about the person's own summary."),
        F(
            "about",
            "line",
            True,
            "The part of the summary holding the answer: treatment:ID, resource:ID or "
            "red_flag:ID. The question is only asked when that part is listed.",
            read="no",
        ),
        F("explain", "text", True, "The same point in other words, shown after a wrong answer."),
        F("when", "condition", doc="Asked only when this holds (default always)."),
        F("options", "list:teach_option", True, "The answers; at least one `right: true`."),
    ),
    "teach_option": (
        F("id", "item_ref", True, "Unique within the question."),
        F("label", "text", True),
        F("right", "bool", doc="This answer is what the summary says."),
    ),
}

# Map keys must look like this, per nested object kind.
MAP_KEY_PATTERNS: dict[str, str] = {
    "node": NODE_ID,
    "source": ITEM_ID,
    "treatment": ITEM_ID,
    "resource": ITEM_ID,
    "red_flag": ITEM_ID,
}
