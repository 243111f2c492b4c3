"""`wizard serve [TREE]`: the guide as web pages, or with `--terminal` the terminal app in a
browser tab (both in wizard/web/serve.py)."""

from __future__ import annotations

import argparse
import os

from wizard.cli.output import UsageError


def refuse_unusable_secrets(*, kiosk: bool, pages: bool) -> None:
    """UsageError, in one sentence that never repeats them, when the environment's secrets
    cannot be used: checked before listening, so no visitor meets a crash.

    The terminal kiosk's tabs each run `wizard run --kiosk`, which needs the admin PIN; the
    pages sign their state with WIZARD_SECRET. A shell can export bytes that are not UTF-8.
    """
    from wizard.render.words import t

    if kiosk and (pin := os.environ.get("WIZARD_ADMIN_PIN")):
        from wizard.tui.pin import pin_problem  # no Textual in it

        if (problem := pin_problem(pin)) is not None:
            raise UsageError(problem)
    if pages:
        try:
            os.environ.get("WIZARD_SECRET", "").encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(t("secret_not_utf8")) from None


def refuse_quiz_combinations(args: argparse.Namespace) -> None:
    """UsageError, in one sentence, for `--quiz` with what it cannot be: a kiosk (the quiz is
    for learners; a kiosk's next visitor must see nothing of the last, and a quiz's pages are
    the learner's to go back over and save) or the terminal mode (`wizard quiz` is that); and
    for `--cases` or `--seed` without a quiz (`--quiz` or `--classroom`)."""
    from wizard.render.words import t

    if args.quiz and args.kiosk:
        raise UsageError(t("quiz_web_no_kiosk"))
    if args.quiz and args.terminal:
        raise UsageError(t("quiz_web_no_terminal"))
    if args.quiz and args.classroom:
        raise UsageError(t("quiz_web_or_classroom"))
    if not (args.quiz or args.classroom) and (args.cases is not None or args.seed is not None):
        raise UsageError(t("quiz_web_needs_quiz"))
    refuse_unused_options(args)


def refuse_unused_options(args: argparse.Namespace) -> None:
    """UsageError, naming it, for an option the chosen quiz mode would quietly ignore: a
    printer, an idle reset or a kiosk's allowances mean nothing to a learner's quiz or a
    classroom, and an educator who sets one should learn so before the class, not find out
    during it. `--max-learners` likewise means nothing outside a classroom."""
    from wizard.model.limits import MAX_LEARNERS
    from wizard.render.kiosk import IDLE_TIMEOUT
    from wizard.render.words import t

    if not args.classroom and args.max_learners != MAX_LEARNERS:
        raise UsageError(t("option_unused", option="--max-learners", mode="--classroom"))
    if not (args.quiz or args.classroom):
        return
    mode = "--classroom" if args.classroom else "--quiz"
    given = {
        "--print-command": args.print_command is not None,
        "--idle-timeout": args.idle_timeout != IDLE_TIMEOUT,
        "--allow-overdue": args.allow_overdue,
        "--allow-draft-translation": args.allow_draft_translation,
    }
    for option, is_given in given.items():
        if is_given:
            raise UsageError(t("option_unused_with", option=option, mode=mode))


def cmd_serve(args: argparse.Namespace) -> int:
    from wizard.cli.language import open_in_language, refuse_draft
    from wizard.cli.run import refuse_overdue
    from wizard.render.words import language
    from wizard.web.limits import ConnectionLimits
    from wizard.web.serve import serve, serve_pages_mode

    refuse_quiz_combinations(args)
    if args.classroom and (args.terminal or args.kiosk):
        from wizard.render.words import t

        raise UsageError(t("class_alone"))
    refuse_unusable_secrets(kiosk=args.kiosk and args.terminal, pages=not args.terminal)
    connections = ConnectionLimits(per_client=args.max_connections_per_client,
                                   head_seconds=args.header_timeout,
                                   body_seconds=args.body_timeout)
    tree = open_in_language(args.tree, args.lang)
    if args.kiosk and not args.allow_overdue:
        refuse_overdue(tree)
    if args.kiosk and not args.allow_draft_translation:
        refuse_draft(tree)
    if args.classroom:
        from wizard.cli.quiz import make_quiz
        from wizard.web.classroom_run import serve_classroom

        return serve_classroom(make_quiz(args, tree), host=args.host, port=args.port,
                               theme=args.theme, public_address=args.public_url,
                               max_learners=args.max_learners, connections=connections)
    if not args.terminal:
        from wizard.web.quiz_state import QuizSettings

        return serve_pages_mode(
            tree, host=args.host, port=args.port, kiosk=args.kiosk,
            idle_timeout=args.idle_timeout, print_command=args.print_command, theme=args.theme,
            public_address=args.public_url, connections=connections,
            quiz=QuizSettings(args.seed, args.cases) if args.quiz else None)
    run_options: list[str] = []
    if args.allow_overdue:
        run_options += ["--allow-overdue"]
    if args.allow_draft_translation:
        run_options += ["--allow-draft-translation"]
    run_options += ["--lang", language(), "--idle-timeout", str(args.idle_timeout)]
    if args.print_command is not None:
        run_options += ["--print-command", args.print_command]
    if args.theme is not None:
        run_options += ["--theme", args.theme]
    return serve(
        tree, host=args.host, port=args.port, kiosk=args.kiosk, run_options=run_options,
        max_sessions=args.max_sessions, public_address=args.public_url,
        connections=connections,
    )
