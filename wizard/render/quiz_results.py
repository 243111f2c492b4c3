"""A quiz's results as files: JSON (with xAPI statements), Markdown and printable HTML.

Results leave the program only where the learner asks (`--results FILE`); the format follows the
file's suffix. The JSON carries the same facts as the screen (score, per question what was picked,
missed and why) and, under `statements`, one xAPI statement per question and one for the session,
the record format learning systems such as Moodle read. Statements name no person (an anonymous
account) and carry no timestamp: the learning record store stamps what it stores, and the program
never reads the clock.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path
from typing import Any

from wizard.model.plain import strip_control
from wizard.model.quiz import QuizRun
from wizard.render.quiz import Feedback, feedback, story
from wizard.render.saving import reason as save_reason
from wizard.render.saving import stage
from wizard.render.words import t

FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html"}  # fmt: skip
_VERBS = {
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
}
_ACTOR = {"objectType": "Agent", "account": {"homePage": "urn:triage-wizard", "name": "anonymous"}}


def _activity(run: QuizRun, *parts: str) -> str:
    tree = run.quiz.tree
    return "/".join([f"urn:triage-wizard:quiz:{tree.id}:{tree.version}", *parts])


def results_json(run: QuizRun) -> dict[str, Any]:
    tree = run.quiz.tree
    right, asked = run.score
    cases = []
    statements: list[dict[str, Any]] = []
    for result in run.results:
        case = result.case
        questions = []
        for number, marked in enumerate(result.marks, 1):
            view = feedback(case, marked)
            question = marked.question
            questions.append(
                {
                    "kind": question.kind,
                    "question": view.question,
                    "choices": [{"id": c.id, "label": c.words, "why": c.why} for c in view.choices],
                    "right": sorted(question.right),
                    "picked": list(marked.picked),
                    "correct": marked.correct,
                    "missed": list(marked.missed),
                    "wrong": list(marked.wrong),
                }
            )
            statements.append(
                {
                    "actor": _ACTOR,
                    "verb": {"id": _VERBS["answered"], "display": {"en-US": "answered"}},
                    "object": {
                        "objectType": "Activity",
                        "id": _activity(run, case.id, f"{number}-{question.kind}"),
                        "definition": {
                            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                            "interactionType": "choice",
                            "description": {tree.language: view.question},
                            "correctResponsesPattern": ["[,]".join(sorted(question.right))],
                        },
                    },
                    "result": {"success": marked.correct, "response": "[,]".join(marked.picked)},
                }
            )
        cases.append(
            {
                "id": case.id,
                "story": story(case),
                "score": result.score,
                "asked": result.total,
                "questions": questions,
            }
        )
    statements.append(
        {
            "actor": _ACTOR,
            "verb": {"id": _VERBS["completed"], "display": {"en-US": "completed"}},
            "object": {"objectType": "Activity", "id": _activity(run)},
            "result": {
                "score": {"raw": right, "min": 0, "max": asked,
                          "scaled": round(right / asked, 4) if asked else 0},
                "completion": run.finished,
            },
        }
    )  # fmt: skip
    return {
        "quiz": {"tree": {"id": tree.id, "version": tree.version}, "seed": run.quiz.seed,
                 "language": tree.language, "authored_cases": run.quiz.authored},
        "score": {"right": right, "asked": asked},
        "cases": cases,
        "statements": statements,
    }  # fmt: skip


def _views(run: QuizRun) -> list[tuple[str, str, str, list[Feedback]]]:
    total = len(run.quiz.cases)
    return [
        (
            t("quiz_case", number=str(n), total=str(total)),
            story(result.case),
            t("quiz_case_score", score=str(result.score), total=str(result.total)),
            [feedback(result.case, marked) for marked in result.marks],
        )
        for n, result in enumerate(run.results, 1)
    ]


def _md(text: str) -> str:
    """Tree text as Markdown text: every character Markdown could read as markup escaped."""
    special = "\\`*_{}[]()<>#+-.!|"
    return "".join("\\" + c if c in special else c for c in strip_control(text))


def results_markdown(run: QuizRun) -> str:
    right, asked = run.score
    lines = [f"# {_md(t('quiz_results'))}", "", _md(t("quiz_title", tree=run.quiz.tree.title)), ""]
    lines += [f"**{_md(t('quiz_score', score=str(right), total=str(asked)))}**", ""]
    for heading, person, score, views in _views(run):
        lines += [f"## {_md(heading)}", "", _md(person), "", _md(score), ""]
        for view in views:
            lines += [f"### {_md(view.question)}", "", f"**{_md(view.verdict)}**", ""]
            for part in (view.guide_says, view.you_picked, view.missed, view.wrong):
                if part:
                    lines.append(f"- {_md(part)}")
            lines.append("")
            for choice in view.choices:
                mark = "✓" if choice.right else "✗"
                lines.append(f"- {mark} {_md(choice.words)}: {_md(choice.why)}")
            lines.append("")
    lines.append(_md(t("quiz_seed", seed=str(run.quiz.seed))))
    return "\n".join(lines) + "\n"


def results_html(run: QuizRun) -> str:
    def e(text: str) -> str:
        return escape(strip_control(text))

    right, asked = run.score
    body = [
        f"<h1>{e(t('quiz_results'))}</h1>",
        f"<p>{e(t('quiz_title', tree=run.quiz.tree.title))}</p>",
        f"<p><strong>{e(t('quiz_score', score=str(right), total=str(asked)))}</strong></p>",
    ]
    for heading, person, score, views in _views(run):
        body += [f"<h2>{e(heading)}</h2>", f"<p>{e(person)}</p>", f"<p>{e(score)}</p>"]
        for view in views:
            body += [f"<h3>{e(view.question)}</h3>", f"<p><strong>{e(view.verdict)}</strong></p>"]
            parts = [p for p in (view.guide_says, view.you_picked, view.missed, view.wrong) if p]
            body += ["<ul>", *(f"<li>{e(p)}</li>" for p in parts), "</ul>", "<ul>"]
            for choice in view.choices:
                mark = "✓" if choice.right else "✗"
                body.append(f"<li>{mark} {e(choice.words)}: {e(choice.why)}</li>")
            body.append("</ul>")
    body.append(f"<p>{e(t('quiz_seed', seed=str(run.quiz.seed)))}</p>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(run.quiz.tree.language)}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>{e(t('quiz_results'))}</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
        "padding:0 1rem}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def render_results(run: QuizRun, form: str) -> str:
    if form == "json":
        return json.dumps(results_json(run), indent=2, ensure_ascii=False) + "\n"
    if form == "markdown":
        return results_markdown(run)
    return results_html(run)


def format_of(path: Path) -> str:
    """The results format a file name asks for (JSON unless it ends .md or .html)."""
    return FORMATS.get(path.suffix.lower(), "json")


def write_results(run: QuizRun, path: Path) -> str:
    """Save the results where asked, atomically; the sentence to show (saved, or why not)."""
    try:
        temporary = stage(path, render_results(run, format_of(path)).encode("utf-8"))
        os.replace(temporary, path)
    except OSError as error:
        return t("quiz_not_saved", path=str(path), reason=save_reason(error))
    return t("quiz_saved", path=str(path))
