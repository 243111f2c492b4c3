"""YAML -> plain data with a mark on every value, then -> a checked Tree.

The YAML is read strictly: only `true`/`false` are booleans, dates stay text, duplicate keys,
aliases and tags are refused, size and nesting are capped. libyaml composes the node graph when
the file is safe for it (it crashes on extreme nesting), and a pure-Python composer takes over
when it is not, or to point at the exact alias a file uses.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from wizard.model.build import build_tree
from wizard.model.check import check_tree
from wizard.model.errors import Diagnostic, TreeError
from wizard.model.gcpause import paused_gc
from wizard.model.marked import MarkedDict, MarkedList, YamlMark
from wizard.model.plain import find_control
from wizard.model.tree import Tree

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
# libyaml's composer recurses in C; past a few thousand levels it overflows the stack, so files
# whose brackets could nest this deep are composed in Python, where depth is checked as it goes.
_SAFE_FLOW_DEPTH = 500

# Longer digit strings stay text: no count in a tree is that long, and int() refuses 4,300+ digits.
_INT = re.compile(r"[-+]?[0-9]{1,100}\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
_PLAIN_TAGS = frozenset(
    {_STR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG}
)


class _CLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser and composer with no implicit resolvers: every plain scalar stays text
    until `_Converter` decides, so YAML 1.1's yes/no/on/off and dates never become anything else."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012

    # With no implicit resolvers and no path resolvers (SafeLoader has none), PyYAML's resolver
    # always answers the default tag of the node's kind, after a few dictionary look-ups per
    # node; libyaml calls these three for every node, so they answer directly (a sixth of the
    # parse of the bundled tree and its overlay, see docs/performance.md).
    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


_DEFAULT_TAGS: dict[type[Node], str] = {
    ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}


class _DepthError(Exception):
    def __init__(self, mark: YamlMark) -> None:
        super().__init__()
        self.mark = mark


class StrictLoader(yaml.SafeLoader):
    """The pure-Python SafeLoader, composing only: refuses aliases where they are written and
    stops at MAX_DEPTH before Python's own recursion limit could be reached."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.problems: list[tuple[YamlMark, str]] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(yaml.AliasEvent):
            event: Any = self.get_event()  # type: ignore[no-untyped-call]
            self.problems.append((event.start_mark, _ALIAS_MESSAGE))
            return ScalarNode(_STR_TAG, "", event.start_mark, event.end_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _DepthError(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            node: Any = Composer.compose_node(self, parent, index)
            return node  # type: ignore[no-any-return]
        finally:
            self.depth -= 1


_ALIAS_MESSAGE = "aliases (*name) are not allowed in trees; write the value out in full"
_TAG_MESSAGE = "tags such as '{tag}' are not allowed in trees; remove the tag"


class _Converter:
    """Turns a composed node graph into MarkedDict / MarkedList / scalars, collecting every
    problem (duplicate keys, tags, aliases, non-text keys) instead of stopping at the first."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text
        self.seen: set[int] = set()
        self.problems: list[tuple[YamlMark, str]] = []

    def convert(self, node: Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise _DepthError(node.start_mark)
        if isinstance(node, ScalarNode):
            if node.tag != _STR_TAG:
                self.problems.append((node.start_mark, _TAG_MESSAGE.format(tag=node.tag)))
            self.control(node)
            return _scalar(node)
        if id(node) in self.seen:
            # libyaml shares the node an alias points to; seeing it twice means an alias.
            self.problems.append((node.start_mark, _ALIAS_MESSAGE))
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append((node.start_mark, _TAG_MESSAGE.format(tag=node.tag)))
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        assert isinstance(node, SequenceNode)
        result = MarkedList(node.start_mark)
        for item in node.value:
            result.append(self.convert(item, depth + 1))
            result.marks.append(item.start_mark)
        return result

    def _mapping(self, node: MappingNode, depth: int) -> MarkedDict:
        result = MarkedDict(node.start_mark)
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problems.append((key_node.start_mark, "a key must be plain text"))
                continue
            key = key_node.value
            self.control(key_node)
            if key in result:
                first = result.key_marks[key]
                self.problems.append(
                    (
                        key_node.start_mark,
                        f"duplicate key '{key}' (first written at line {first.line + 1}); "
                        "keep one of them",
                    )
                )
                continue
            result[key] = self.convert(value_node, depth + 1)
            result.key_marks[key] = key_node.start_mark
            result.value_marks[key] = value_node.start_mark
        return result

    def control(self, node: ScalarNode) -> None:
        """Report each control character in a scalar's value where it was written.

        Raw ones never get here (`_raw_controls` reports and replaces them first), so only the
        escapes of double-quoted text ("\\e", "\\x1b", "\\u202e") can make one: each is pointed
        at its own backslash (at the value's start if it cannot be found).
        """
        if node.style != '"' or find_control(node.value) is None:
            return
        if self.text:
            start, end = node.start_mark.index, node.end_mark.index
            found = False
            for match in _ESCAPE.finditer(self.text, start, end):
                char = _unescape(match.group(1))
                if char and find_control(char) is not None:
                    found = True
                    self.problems.append((_mark_at(self.text, match.start()), _control(char)))
            if found:
                return
        at = find_control(node.value)
        assert at is not None
        self.problems.append((node.start_mark, _control(node.value[at])))


# A double-quoted scalar's escapes (YAML 1.1 as PyYAML reads them): \x41, \u0041, \U00000041,
# or a backslash and one character.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_C0_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
)  # fmt: skip
_C1_NAMES = (
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
    "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI",
    "SCI", "CSI", "ST", "OSC", "PM", "APC",
)  # fmt: skip
MAX_CONTROL_REPORTS = 100


def _unescape(code: str) -> str:
    if code[0] in "xuU" and len(code) > 1:
        return chr(int(code[1:], 16))
    return str(yaml.scanner.Scanner.ESCAPE_REPLACEMENTS.get(code, ""))


def describe_char(char: str) -> str:
    """A character in words a tree author can search for, e.g. "ESC (U+001B)"."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code <= 0x9F:
        name = _C1_NAMES[code - 0x80]
    else:
        name = unicodedata.name(char, "")
    return f"{name} (U+{code:04X})" if name else f"U+{code:04X}"


def _control(char: str) -> str:
    return (
        f"control character {describe_char(char)} in tree text; it could change what a screen "
        "shows, so remove it"
    )


def _mark_at(text: str, index: int) -> YamlMark:
    line_start = text.rfind("\n", 0, index) + 1
    return YamlMark("", index, text.count("\n", 0, index), index - line_start, None, 0)


def _raw_controls(text: str) -> tuple[str, list[tuple[YamlMark, str]], bool]:
    """Control characters written straight into the file, each at its own line and column.

    Returns the text with each replaced by U+FFFD (same length, so every later mark still points
    at the right place, and the YAML reader does not stop at the first one), the problems, and
    whether there were too many to list (then the file is not read further).
    CR is a line break to YAML and is let be.
    """
    problems: list[tuple[YamlMark, str]] = []
    if find_control(text) is None:
        return text, problems, False
    positions: list[int] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        column = 0
        while (at := find_control(line[column:])) is not None:
            column += at
            if line[column] != "\r":
                if len(positions) == MAX_CONTROL_REPORTS:
                    return text, problems, True
                positions.append(offset + column)
                mark = YamlMark("", offset + column, number, column, None, 0)
                problems.append((mark, _control(line[column])))
            column += 1
        offset += len(line) + 1
    pieces: list[str] = []
    last = 0
    for position in positions:
        pieces += [text[last:position], "\ufffd"]
        last = position + 1
    pieces.append(text[last:])
    return "".join(pieces), problems, False


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.style:  # quoted or block: always text (plain is None, or "" from libyaml)
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    if _INT.match(value):
        return int(value)
    if value in _NULLS:
        return None
    return value


def _max_flow_depth(text: str) -> int:
    """An upper bound on how deep `[` and `{` nest, counting brackets inside text too."""
    depth = deepest = 0
    for match in re.finditer(r"[\[\]{}]", text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


def _diag(file: str, mark: YamlMark | None, message: str) -> Diagnostic:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Diagnostic(file, line, col, "error", message)


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(path: Path) -> str | None:
    """What `path` is when it is something other than a regular file (following symlinks), e.g.
    "a named pipe (FIFO)"; None for a regular file or one that cannot be looked at (reading it
    then says why). Looking never opens it, so a FIFO cannot make the caller wait."""
    try:
        return _kind_of(path.stat().st_mode)
    except (OSError, ValueError):
        return None


def _refuse_kind(name: str, kind: str) -> TreeError:
    if kind == "a folder":
        return TreeError([_diag(name, None, "this is a folder, not a tree file")])
    return TreeError([_diag(name, None, f"this is {kind}, not a tree file; give a regular file")])


def _too_big(name: str, size: int) -> TreeError:
    return TreeError(
        [_diag(name, None, f"the file is {size / 1e6:.1f} MB; trees are capped at 5 MB")]
    )


def _read_bounded(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file.

    Why not `read_bytes`: opening a FIFO waits for a writer forever, and a device such as
    /dev/zero never ends. So the kind is looked at before opening (without opening), the file is
    opened non-blocking (a FIFO swapped in meanwhile cannot make it wait), looked at again through
    the open descriptor, and read only up to one byte past the cap, whatever its size claims.
    """
    name = str(path)
    kind = not_regular(path)
    if kind is not None:
        raise _refuse_kind(name, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        info = os.fstat(stream.fileno())
        kind = _kind_of(info.st_mode)
        if kind is not None:
            raise _refuse_kind(name, kind)
        if info.st_size > MAX_BYTES:
            raise _too_big(name, info.st_size)
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    return data


def read_text(path: Path) -> str:
    """The file as text, or TreeError with one clear sentence on why it cannot be read.

    Only regular files are read, and never more than MAX_BYTES (see `_read_bounded`).
    """
    name = str(path)
    try:
        data = _read_bounded(path)
    except FileNotFoundError:
        raise TreeError([_diag(name, None, "no such file")]) from None
    except PermissionError:
        raise TreeError(
            [_diag(name, None, "the file cannot be read (permission denied)")]
        ) from None
    except IsADirectoryError:
        raise _refuse_kind(name, "a folder") from None
    except OSError as error:
        raise TreeError(
            [_diag(name, None, f"the file cannot be read ({error.strerror})")]
        ) from None
    except ValueError:  # e.g. a NUL byte in the name
        raise TreeError([_diag(name, None, "this is not a usable file name")]) from None
    if b"\x00" in data[:8192]:
        raise TreeError([_diag(name, None, "this looks like a binary file, not a YAML tree")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        message = (
            f"the file is not UTF-8 (byte 0x{data[error.start]:02x} cannot be read); "
            "save it as UTF-8"
        )
        raise TreeError([Diagnostic(name, line, col, "error", message)]) from None


def parse_yaml(text: str, file: str) -> tuple[Any, list[Diagnostic]]:
    """Text -> marked data and the problems found in the YAML itself."""
    text, raw, too_many = _raw_controls(text)
    if too_many:
        more = _diag(
            file, None, f"over {MAX_CONTROL_REPORTS} control characters; is this a tree file?"
        )
        return None, [*(_diag(file, mark, message) for mark, message in raw), more]
    try:
        data, problems = _compose_and_convert(text, file)
        problems = raw + problems
    except _DepthError as error:
        failed = _diag(file, error.mark, f"nesting deeper than {MAX_DEPTH} levels")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "the YAML cannot be read"
        failed = _diag(file, mark, f"YAML syntax: {problem}")
    except yaml.YAMLError as error:
        failed = _diag(file, None, f"YAML: {error}")
    except RecursionError:
        failed = _diag(file, None, f"nesting deeper than {MAX_DEPTH} levels")
    else:
        return data, [_diag(file, mark, message) for mark, message in problems]
    return None, [*(_diag(file, mark, message) for mark, message in raw), failed]


def _compose_and_convert(text: str, file: str) -> tuple[Any, list[tuple[YamlMark, str]]]:
    if _max_flow_depth(text) <= _SAFE_FLOW_DEPTH:
        data, problems = _convert(_CLoader(text), file, text)
        if not any(message == _ALIAS_MESSAGE for _, message in problems):
            return data, problems
    # Deep brackets, or an alias whose exact place libyaml's shared graph cannot tell.
    strict = StrictLoader(text)
    data, problems = _convert(strict, file, text)
    return data, strict.problems + problems


def _convert(loader: Any, file: str, text: str) -> tuple[Any, list[tuple[YamlMark, str]]]:
    """Compose the single document with `loader`, then convert it to marked data."""
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    converter = _Converter(file, text)
    data = converter.convert(node) if node is not None else None
    return data, converter.problems


def load_tree(path: str | Path) -> Tree:
    """Read, build and check a tree; TreeError (with every diagnostic) if it has errors.

    Only errors stop a tree from loading, so the searches that can only warn are left out
    (check_tree's `searches`), unless there are errors to report: then with every warning, as
    `check` gives them. The file is read, parsed and built once either way (it used to be
    checked twice over when it had errors).
    """
    name = Path(path)
    tree, diagnostics = _check_text(read_text(name), str(name), searches=False)
    if tree is None:
        raise TreeError(diagnostics)
    return tree


def check_file(path: Path, *, searches: bool = True) -> tuple[Tree | None, list[Diagnostic]]:
    """Every diagnostic for one file, and the Tree when the file has no errors."""
    try:
        text = read_text(path)
    except TreeError as error:
        return None, error.diagnostics
    return check_text(text, str(path), searches=searches)


def check_text(
    text: str, file: str, *, searches: bool = True
) -> tuple[Tree | None, list[Diagnostic]]:
    """As check_file, for text already in memory (tests, editors). `searches=False` leaves out
    the warning-only searches of a tree without errors (see `load_tree`)."""
    return _check_text(text, file, searches)


def _check_text(
    text: str, file: str, searches: bool = True
) -> tuple[Tree | None, list[Diagnostic]]:
    with paused_gc():
        data, diagnostics = parse_yaml(text, file)
        if data is None and not diagnostics:
            diagnostics.append(Diagnostic(file, 1, 1, "error", "the file is empty"))
        if diagnostics and data is None:
            return None, sorted(diagnostics)
        tree, build_diagnostics, broken = build_tree(data, file)
        diagnostics.extend(build_diagnostics)
        if tree is not None:
            found = check_tree(tree, broken, searches=searches)
            if not searches and any(d.is_error for d in (*diagnostics, *found)):
                found = check_tree(tree, broken)  # errors to report: with every warning
            diagnostics.extend(found)
    return (tree if not any(d.is_error for d in diagnostics) else None), sorted(diagnostics)
