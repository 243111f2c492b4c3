"""Live preview (`wizard run --watch TREE`): the app reloads the tree file each time it is saved.

For tree authors: edit the YAML in one window, see the change in the other without losing their
place. Every `poll_seconds` a Textual timer asks `TreeFile.poll` (wizard/tui/watch.py) whether the
file changed; the reload goes through the loader and the checker as `wizard check` does.

- The file has errors: the checker's messages are shown in a dialog (screens/problems.py) and
  the guide keeps running on the last good tree; nothing the person did is lost.
- The file is fine: the session is rebuilt on the new tree and the answers so far are given
  again (model/replay.py); the walk stops where the person was, or at the first question the
  new route asks. Answers that no longer fit are dropped, and a notice says which.

The timer reads and checks the file on a worker thread (`poll_in_background`): a 4.9 MB file
with 447,577 problems once took 18 s to read, build and check, and the app froze for all of it.
Now the guide keeps answering keys meanwhile, and the dialog lists the first problems (at most
MOST_SHOWN, screens/problems.py) as soon as the check is done; one check runs at a time.

`check_tree_file` is public so tests drive a reload without waiting for the timer.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.model.replay import replay_answers
from wizard.render.words import t, t_count
from wizard.tui.app import WizardApp
from wizard.tui.config import AppConfig
from wizard.tui.watch import Reload, TreeFile

if TYPE_CHECKING:
    from wizard.model.tree import Tree

POLL_SECONDS = 0.5


class LiveApp(WizardApp):
    """The guide for one tree file, reloaded whenever the file is saved."""

    def __init__(
        self, tree: Tree, config: AppConfig | None = None, poll_seconds: float = POLL_SECONDS
    ) -> None:
        super().__init__(tree, config)
        self.tree_file = TreeFile(Path(tree.path))
        self.poll_seconds = poll_seconds
        self.reloads = 0
        """Good reloads so far (tests and the curious)."""
        self.problems: tuple[str, ...] = ()
        """The last bad save's first error messages (at most MOST_SHOWN); empty once the file
        is fine again."""
        self.polling = False
        """A check is running on the worker thread (the timer starts no second one)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(self.poll_seconds, self.poll_in_background, name="watch-tree")

    def poll_in_background(self) -> None:
        """Read and check the file on a thread, then use the result on the app's own loop."""
        if self.polling:
            return
        self.polling = True
        self.run_worker(self._poll_on_thread, thread=True, group="watch-tree",
                        exit_on_error=False)

    def _poll_on_thread(self) -> None:
        reload: Reload | None = None
        try:
            reload = self.tree_file.poll()
        finally:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.call_from_thread(self._polled, reload)

    def _polled(self, reload: Reload | None) -> None:
        self.polling = False
        if reload is not None:
            self.use_reload(reload)

    def check_tree_file(self) -> bool:
        """Reload the tree if its file changed, here and now; True when it did (good or bad)."""
        reload = self.tree_file.poll()
        if reload is None:
            return False
        self.use_reload(reload)
        return True

    def use_reload(self, reload: Reload) -> None:
        """Show a bad reading's problems, or carry the session over to a good one."""
        if reload.tree is None:
            self._show_problems(reload)
        else:
            warnings = sum(d.severity == "warning" for d in reload.diagnostics)  # not notes
            self._use_tree(reload.tree, warnings)

    def _show_problems(self, reload: Reload) -> None:
        from wizard.tui.screens.problems import MOST_SHOWN, ProblemsModal

        self.problems = tuple(str(d) for d in reload.problems[:MOST_SHOWN])
        self._drop_modals()
        self.push_screen(ProblemsModal(str(self.tree_file.path), reload.diagnostics))

    def _use_tree(self, tree: Tree, warnings: int = 0) -> None:
        replayed = replay_answers(tree, self.session.history)
        self.guide = tree
        self._session = replayed.session
        self.problems = ()
        self.reloads += 1
        self.show_current()
        notice = [t("reloaded", name=self.tree_file.path.name)]
        if warnings:
            notice.append(t_count("reload_warnings", warnings))
        if replayed.dropped:
            notice.append(t("reload_dropped", answers="; ".join(replayed.dropped)))
        self.notify(" ".join(notice), markup=False, timeout=6)
