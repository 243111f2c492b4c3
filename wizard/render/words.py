"""The words the program says to a person, in one place: the vocabulary.

Every front end (the Textual app with its kiosk and educator modes, `ask`, `walk`) and every
output (text, Markdown, HTML, JSON and the summary screen) takes its sentences, buttons, key
names, progress, pick rules, errors and dialogs from here through `t`, so they cannot drift apart,
and a translation replaces this one table: `t` looks each key up in a gettext catalogue
(wizard/locale/<lang>/LC_MESSAGES/messages.mo, msgctxt = the key, msgid = the English here), made
with Babel (`make locale`; wizard/render/catalogue.py extracts this table). A translation that is
missing, or whose blanks do not match, says the English.
Templates name their blanks (`{title}`); what fills them is data and is never read as a template
itself. A test (tests/render/test_vocabulary.py) finds any sentence a front end writes itself.

Words used in class attributes (key bindings) are looked up when the module is imported; a
translation must be chosen (`use_language`) before that. `speaking(lang)` sets another
language for one block (a context variable) over the process's default: the checker uses it to
read a translation's urgent words.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.model.machine import AnswerError, Progress

WORDS: dict[str, str] = {
    # section headings, in outline order
    "glance": "At a glance",
    "urgent": "URGENT: get help now",
    "cautions": "Take care",
    "safety_net": "When to get help today",
    "bring": "Bring to your appointment",
    "treatments": "Treatments",
    "resources": "Help with coping",
    "questions": "Questions to ask your care team",
    "more_questions": "More questions to ask",
    "answers": "What you told us",
    "sources": "Sources",
    "note": "Please note",
    # one-line entries of "At a glance"
    "urgent_line": "Urgent: {title}",
    "option_line": "{name}: {brief}",
    "others_line": "Other options your team may consider: {names}",
    "caution_line": "{name}: {text}",
    "write_in_blank": "{label}: ____________________",
    "web_details_hint": (
        "The details below are folded. Open one by its title: click it, or press Tab until it "
        "is marked, then Enter or Space. Printing shows them all."
    ),
    "details_hint": (
        "The details below are folded. To open one, press Tab until its title is lit, then "
        "Enter or Space. Press o to open them all."
    ),
    "more_questions_below_one": "1 more question is further on, under \"More questions to ask\".",
    "more_questions_below": (
        "{count} more questions are further on, under \"More questions to ask\"."
    ),
    # labels of an item's lines
    "examples": "Examples",
    "about": "What it is",
    "given": "How it is given",
    "common": "Common side effects",
    "serious": "Serious side effects (tell your care team at once)",
    "note_for_you": "Note for you",
    "rule": "Listed when",
    "because": "Why this is listed",
    "cites": "Sources",
    "contact": "Contact",
    "web": "Web",
    # sentences
    "subtitle": "{tree}, content version {version}",
    "nothing_listed": "Nothing in this guide is listed for these answers.",
    "nothing_picked": "(nothing)",
    "reviewed": "Content reviewed {last}; next review due {next}.",
    # the tree's `review.changed` is later than its last review: never claim it was reviewed
    "reviewed_changed": (
        "Content last reviewed {last}; changed on {changed} and not yet reviewed again; next "
        "review due {next}."
    ),
    "change": "change",
    "urgent_badge": "⚠ URGENT",
    # why an item is listed (reasons.py); the JSON's `because` holds these sentences too
    "for_everyone": "Listed for everyone who uses this guide.",
    "you_said": "You said: {label}",
    "rule_always": "always listed",
    "rule_answer": "'{label}'",
    "rule_not": "not {rule}",
    "rule_and": " and ",
    "rule_or": " or ",
    "rule_group": "({rule})",
    "question_line": "Question: {text}",
    # why an answer does not fit (the session's AnswerError.reason; see `refusal`)
    "refuse_finished": "This is the end of the guide; there is nothing more to answer.",
    "refuse_no_options": "This page has no options; just continue.",
    "refuse_unknown": "'{option}' is not one of the answers here{hint}",
    "refuse_pick_one": "Please pick one answer.",
    "refuse_exclusive": "'{label}' cannot be picked together with others.",
    "refuse_too_few_one": "Please pick at least one answer.",
    "refuse_too_few": "Please pick at least {count} answers.",
    "refuse_too_many": "Please pick no more than {most}.",
    "refuse_not_answered": "'{node}' has not been answered on this route.",
    "refuse_at_node": "{node}: {refusal}",
    # -- the walk, every front end ----------------------------------------------------------
    "progress_question": "Question {step} of {total}",
    "progress_page": "Questions answered: {step} of {total}",
    "total_about": "about {about}",
    "summary_progress_one": "Summary · {count} answer",
    "summary_progress": "Summary · {count} answers",
    "on_its_own": "(on its own)",
    "more_below_one": "↓ {count} more answer below",
    "more_below": "↓ {count} more answers below",
    # the rule of a multi-select (the screen's hint and `ask`'s instruction)
    "pick_any": "Pick all that apply.",
    "pick_at_least": "Pick at least {least}.",
    "pick_exactly": "Pick {least}.",
    "pick_between": "Pick {least} to {most}.",
    # -- buttons and keys (the Textual app) ---------------------------------------------------
    "app_title": "Triage Wizard",
    "continue": "Continue",
    "back": "Back",
    "tick": "Tick",
    "help": "Help",
    "quit": "Quit",
    "start": "Start",
    "start_over": "Start over",
    "colours": "Colours",
    "tree": "Tree",
    "close": "Close",
    "cancel": "Cancel",
    "save": "Save",
    "copy": "Copy",
    "print": "Print",
    "what_if": "What if",
    "yes": "Yes",
    "no": "No",
    "previous": "Previous",
    "next": "Next",
    "key_esc": "Esc",
    "save_key": "Save (s)",
    "copy_key": "Copy (c)",
    "print_key": "Print (p)",
    "what_if_key": "What if… (w)",
    "change_answer": "Change an answer",
    "done_kiosk": "I'm done",
    "theme_now": "Colours: {theme}",
    # -- pages --------------------------------------------------------------------------------
    "please_read": "Please read",
    "content_version": "Content version {version} · last reviewed {reviewed}",
    "content_version_changed": (
        "Content version {version} · last reviewed {reviewed} · changed on {changed} and not "
        "yet reviewed again"
    ),
    "draft_translation": (
        "This translation is a draft: a clinician reviewed the original content, but not this "
        "translation yet. If anything is unclear, ask your care team."
    ),
    "press_to_start": "Press Enter or click Start to begin.",
    "your_answers": "Your answers: ",
    "choice_keys": (
        "↑ ↓ move · Enter or the key beside an answer picks it · Esc goes back · ? hides this help"
    ),
    "multi_keys": (
        "↑ ↓ move · Space, Enter or the key beside an answer ticks it · Enter on a ticked "
        "answer goes on · Esc goes back · ? hides this help"
    ),
    "warning_line": "⚠ {message}",
    "flag_note": "This advice stays on the page, and it will be at the top of your summary.",
    "flag_read": "I have read this, continue",
    "not_saved": "Not saved.",
    "copied": "Copied the summary as plain text. If pasting does not work here, use Save.",
    "printing": "Printing…",
    # -- dialogs ------------------------------------------------------------------------------
    "quit_title": "Quit the guide?",
    "quit_text": "Your answers are not kept after you quit. Save the summary first if you want it.",
    "keep_going": "Keep going",
    "start_over_title": "Start over?",
    "start_over_text": "All your answers will be cleared.",
    "keep_answers": "Keep my answers",
    "replace_title": "Replace the saved summary?",
    "replace_text": (
        "{names} already exist. Replace them, or keep them and save under a new name?"
    ),
    "replace": "Replace",
    "new_name": "New name",
    "save_title": "Save the summary",
    "save_files": "Two files: {markdown} to read or edit, and {html}, a page to print.",
    # Live preview (wizard run --watch)
    "reloaded": "Reloaded {name}.",
    "reload_warnings": "{count} warnings: run wizard check.",
    "reload_warnings_one": "{count} warning: run wizard check.",
    "reload_dropped": "Dropped: {answers}",
    "problems_title": "The tree file has problems",
    "problems_text": (
        "{path} was saved with {count} problems. The guide keeps showing the last version that "
        "worked; save the file again once it is fixed."
    ),
    "problems_text_one": (
        "{path} was saved with {count} problem. The guide keeps showing the last version that "
        "worked; save the file again once it is fixed."
    ),
    "problems_more": "... and {count} more (run: wizard check)",
    "save_files_fhir": (
        "Three files: {markdown} to read or edit, {html}, a page to print, and {fhir}, your "
        "answers for a health record (FHIR)."
    ),
    "save_folder": "Save in this folder:",
    "save_create": "There is no folder {folder} yet: press Save again to create it.",
    "keys_title": "Keys",
    # the help dialog: headings, then (key, what it does)
    "keys_answering": "Answering",
    "keys_summary": "On the summary",
    "keys_dialog": "In a pop-up box",
    "keys_anywhere": "Anywhere",
    "keys_move": "Move between the answers",
    "keys_enter": "Enter",
    "keys_pick": "Pick the highlighted answer; where you may pick several, tick it",
    "keys_go_on": "On a ticked answer, where you may pick several: go on",
    "keys_numbers": "1 to 9, a, b, …",
    "keys_number": "The key beside an answer: pick (or tick) it straight away",
    "keys_space": "Space",
    "keys_tick": "Tick or untick, where you may pick several",
    "keys_esc_backspace": "Esc, Backspace",
    "keys_back": "Go back one step; your answer stays selected",
    "keys_help_keys": "? or F1",
    "keys_help": "On a question: show or hide its help",
    "keys_save": "Save it as Markdown and as a page to print",
    "keys_copy": "Copy it to the clipboard as plain text",
    "keys_scroll_keys": "↑ ↓, PgUp, PgDn",
    "keys_fold_keys": "Tab, Enter",
    "keys_fold": "Tab to a folded section's title, then Enter or Space opens or folds it",
    "keys_open_details": "Open all the details (again: fold them)",
    "open_details": "Open all details",
    "keys_scroll": "Scroll",
    "keys_change": "Change an answer",
    "keys_tab": "Tab, Shift+Tab",
    "keys_next_button": "Move to the next or the previous button",
    "keys_buttons": "Move between the buttons",
    "keys_press": "Press the highlighted button",
    "keys_cancel": "Cancel or close (not an urgent alert)",
    "keys_yes_no": "Yes or no, where the box asks",
    "keys_ctrl_r": "Ctrl+R",
    "keys_start_over": "Start over (asks first)",
    "keys_ctrl_t": "Ctrl+T",
    "keys_colours": "Colours: default, light, high contrast",
    "keys_quit_keys": "q, Ctrl+Q",
    "keys_quit": "Quit (asks first once you have answered)",
    "keys_print": "Print it",
    "keys_what_if": "What if: try a different answer",
    "keys_ctrl_e": "Ctrl+E",
    "keys_tree": "Show or hide the whole tree",
    "keys_mouse": (
        "With a mouse: click an answer or a button. Click an earlier answer at the top to go "
        "back to that question."
    ),
    "image": "[image: {alt}]",
    "image_bare": "[image]",
    "unknown_theme": "unknown theme '{name}'; choose one of: {names}",
    # -- saving the summary (render/saving.py) ------------------------------------------------
    "folder_empty": "Type the folder to save in.",
    "folder_bad_characters": "That folder name has characters that cannot be used.",
    "folder_no_home": "Cannot find the home folder for {text}.",
    "folder_dangling": "{folder} is a link to a folder that is not there.",
    "folder_is_file": "{folder} is a file, not a folder.",
    "folder_not_created": "Could not create {folder}: {why}.",
    "files_pair": "{markdown} and {html}",
    "files_list": "{first} and {last}",
    "saved": "Saved {files} (open the .html file to print it).",
    "saved_one": "Saved only {written}, not {missed}, because {why}; try again.",
    "save_failed": "Not saved, because {why}; nothing in {folder} was changed.",
    "why_disk_full": "the disk is full",
    "why_read_only": "the folder is on a read-only disk",
    "why_not_allowed": "you are not allowed to write there",
    "why_folder_gone": "the folder is no longer there",
    "why_folder_named": "a folder has that name",
    "why_refused": "the system refused",
    # -- kiosk --------------------------------------------------------------------------------
    "still_there_title": "Still there?",
    "still_there": "Are you still there?",
    "still_there_keys": "Press any key or click anywhere to keep going.",
    "still_here": "I'm still here",
    "countdown_one": "For your privacy, your answers will be cleared in {seconds} second.",
    "countdown": "For your privacy, your answers will be cleared in {seconds} seconds.",
    "staff_only": "Staff only",
    "pin_prompt": "Type the admin PIN and press Enter to close the guide.",
    "pin": "PIN",
    "pin_wrong": "That PIN is not right.",
    "pin_wait": "Too many wrong tries: try again in {wait}.",
    "pin_too_long": (
        "WIZARD_ADMIN_PIN is {length} characters long but the PIN box holds at most {most}; "
        "choose a shorter PIN"
    ),
    # Not shown: what `wizard check` looks for in a translated red flag (comma-separated). A
    # red flag whose English has an urgent word must keep one; a "calm" phrase must not appear
    # in a translation unless the English has one too.
    "urgency_words": "now, urgent, urgently, emergency, immediately, right away, today",
    "calm_words": "not urgent, no rush, no hurry, can wait, not an emergency",
    "pin_not_utf8": (
        "WIZARD_ADMIN_PIN is not UTF-8 text, so it could never be typed; set it again"
    ),
    "secret_not_utf8": (
        "WIZARD_SECRET is not UTF-8 text; set it again, for example to letters and digits"
    ),
    "pin_control": (
        "WIZARD_ADMIN_PIN holds a control character, which cannot be typed; choose another"
    ),
    "seconds": "{count} seconds",
    "seconds_one": "{count} second",
    "minutes": "{count} minutes",
    "minutes_one": "{count} minute",
    "ask_staff": "Please ask a member of staff.",
    "print_command_unreadable": "--print-command cannot be read: {error}",
    "print_command_empty": "--print-command is empty",
    "printer_unreachable": "The printer could not be reached. {staff}",
    "printer_timeout": "The printer did not answer in time. {staff}",
    "printer_busy": "Your summary is already printing. Please wait for it.",
    "printer_too_many": (
        "The printer has had many summaries to print in the last minute. Please try again in "
        "a minute."
    ),
    "printed": "Sent to the printer. Please collect your summary.",
    "printer_failed": (
        "The summary could not be printed (the printer reported a problem). {staff}"
    ),
    # -- educator -----------------------------------------------------------------------------
    "whole_tree": "The whole tree",
    "here_mark": "  ◀ here",
    "skipped_mark": "  (skipped)",
    "what_if_title": "What if…",
    "what_if_pick_question": (
        "Pick one of your answers to try a different one. Your own answers stay as they are."
    ),
    "what_if_pick_answer": "Pick a different answer.",
    "what_if_tick_answers": "Tick a different set of answers, then Continue.",
    "what_if_unchanged_answers": "Your own answers have not changed.",
    "what_if_back": "Back to my summary",
    "what_if_change": "What would change",
    "what_if_same": "That is the answer you gave. Pick a different one to see what changes.",
    "what_if_intro": "If you had answered {after} instead of {before} to “{question}”:",
    "what_if_added": "+ Added: ",
    "what_if_dropped": "− Dropped: ",
    "what_if_nothing": "= Nothing on the summary would change.",
    "what_if_stopped": (
        "The new route reaches a question you have not answered (“{question}”), so the summary "
        "below lists what the answers so far support."
    ),
    # -- ask (line by line) -------------------------------------------------------------------
    "ask_help": "show these commands",
    "ask_explain": "explain the current question and its answers",
    "ask_back": "go back one step (your answer there is kept, press Enter to keep it)",
    "ask_restart": "start again from the first question, forgetting every answer",
    "ask_quit": "stop now, without a summary",
    "ask_how": "Answer by typing a number and pressing Enter. Type help for commands.",
    "ask_commands": "Type the number of an answer, or one of these commands:",
    "ask_not_a_number": (
        "'{word}' is not an answer number or a command; type a number from 1 to {count}, or help."
    ),
    "ask_no_such_answer": "There is no answer {number} here; pick a number from 1 to {count}.",
    "ask_too_long": "That line is too long to be an answer (over {limit} characters).",
    "ask_input_ended": "Input ended",
    "ask_you_stopped": "You stopped",
    "ask_stopped": (
        "{why} at step {step} ({heading}) before the end, so there is no summary. Run wizard ask "
        "again to start over."
    ),
    "ask_restarted": "Starting again from the beginning; every answer was cleared.",
    "ask_restart_confirm": "Type yes to start over, or press Enter to keep your answers.",
    "ask_restart_kept": "Your answers are kept.",
    "ask_check_how": (
        "Type the number of an answer to change it, or press Enter to see your summary."
    ),
    "ask_change_word": "change",
    "ask_change_offer": "Type {word} to check or change your answers, or press Enter to finish.",
    "ask_change_offer_teach": "Type {word} to check or change your answers.",
    "ask_first_step": "This is the first step; there is nothing to go back to.",
    "ask_page_has_no_answers": "This page has no answers to pick; press Enter to continue.",
    "ask_type_number": "Please type the number of your answer, then press Enter.",
    "ask_type_numbers": "Please type the numbers of your answers, for example 1 3.",
    "ask_press_enter": "Press Enter to continue.",
    "ask_one": "Type the number of your answer.",
    "ask_many": "{rule} Type their numbers, for example 1 3.",
    "ask_keep": " Press Enter to keep your earlier answer ({numbers}).",
    "ask_no_help": "There is no more help for this question.",
    "ask_urgent": "URGENT: {title}",
    # -- the web pages (wizard/web/templates) ----------------------------------------------
    "web_please_check": "Please check:",
    "web_check_title": "Error: ",
    "web_problem": "There is a problem",
    "web_skip": "Skip to the main content",
    "web_still_here": "I am still here",
    "web_display": "Display",
    "web_apply": "Apply",
    "web_done": "I'm done: clear my answers",
    "web_start_again": "Start again",
    "web_read_continue": "I have read this: continue",
    "web_save_html": "Save as a web page (HTML)",
    "web_save_markdown": "Save as text (Markdown)",
    "web_save_fhir": "Save answers for a health record (FHIR)",
    # the web pages' problem pages (wizard/web/app.py)
    "web_not_found": "This page does not exist",
    "web_too_large": "This form is too large",
    "web_unusable_request": "This request cannot be used",
    "web_from_the_beginning": "Please start again from the beginning.",
    "web_went_wrong": "Something went wrong",
    "web_wrong_address": "Wrong address",
    "web_wrong_address_text": "This server does not answer to that name.",
    "web_other_site": "This form came from another site",
    "web_other_site_text": (
        "For your safety, answers are only taken from this guide's own pages. Please start again "
        "from the beginning."
    ),
    "web_no_saving": "Saving is off here",
    "web_no_saving_text": "This guide is on a shared screen, so nothing is saved. Use Print.",
    "web_cleared": "This session was cleared",
    "web_cleared_text": (
        "Nobody used this screen for a while, so the answers were cleared. Please start again."
    ),
    "web_expired": "This page has expired",
    "web_expired_text": (
        "Pages of this guide open for a day, and this one is older. Nothing was kept, so please "
        "start again from the beginning."
    ),
    "web_updated": "The guide has been updated",
    "web_updated_text": (
        "The guide changed since this page was made, so your answers must be given again. Please "
        "start again from the beginning."
    ),
    "web_bad_page": "This page cannot be used",
    "web_bad_page_text": (
        "The answers on this page could not be read: they were changed, or the page is from "
        "another server. Please start again from the beginning."
    ),
    "web_welcome": "Welcome",
    # `wizard serve` (wizard/web/run.py, serve.py, terminal_server.py)
    "serve_at": "Serving the guide at {url} (Ctrl+C to stop)",
    "serve_cannot_listen": "wizard: cannot listen on {address}: {why}",
    "serve_reachable": (
        "wizard: warning: listening on {host} lets anyone who can reach this machine on port "
        "{port} open the app, with no password (--host 127.0.0.1 keeps it to this machine)."
    ),
    "serve_max_sessions": "--max-sessions must be a whole number of at least 1",
    "serve_public_url": "--public-url must look like http://host:port or https://host, not '{url}'",
    "serve_busy_title": "All sessions are in use",
    "serve_busy_text": (
        "This server runs at most {limit} sessions at once, and all of them are open. Please try "
        "again when someone has finished, or close another tab of this page."
    ),
    "serve_busy_short": "All sessions are in use; try again later.",
    "serve_wrong_name": (
        "This server does not answer to that name; start it with --public-url set to the address "
        "visitors use."
    ),
    "serve_own_pages": "This page may only be opened from this server.",
    "web_start_over_yes": "Yes, start over",
    "take_home_title": "Take your summary home",
    "take_home_text": (
        "Scan the square code with your phone's camera, or type the address below, to open "
        "this summary on your phone. Nothing is stored: the code holds your answers, locked so "
        "only this guide can read them, and it works for one day."
    ),
    "take_home_qr": "A QR code that opens this summary on a phone",
    "run_public_url_kiosk": (
        "--public-url is for a kiosk (--kiosk): its summary then offers a take-home code"
    ),
    "run_public_url_secret": (
        "--public-url needs {name}, the same secret as the wizard serve at that address, so "
        "the take-home codes open there"
    ),
    "web_code_expired": "This code has expired",
    "web_code_expired_text": (
        "A code works for one day after it is made. Please go through the guide again."
    ),
    "web_bad_code": "This code cannot be used",
    "web_bad_code_text": (
        "Please check the code letter by letter, or go through the guide again."
    ),
    "check_title": "Check your answers",
    "check_change": "Change",
    "check_change_which": "your answer to: {question}",
    "check_show_summary": "Show my summary",
    "check_from_summary": "Check or change your answers",
    "check_no_answer": "None",
    "check_keys_how": "Press the key beside an answer to change it, or Enter to see your summary.",
    "check_from_summary_key": "Your answers (a)",
    "check_no_longer": "These earlier answers no longer fit, so they are left out:",
    "web_back_to_summary": "Back to the summary",
    "web_print_hint": (
        "Use your browser's Print command (Ctrl+P, or ⌘P on a Mac) to print this page."
    ),
    "web_print_now": "Print this page",
    "theme_default": "Dark",
    "theme_light": "Light",
    "theme_high_contrast": "High contrast",
    # -- walk (answers given on the command line) ---------------------------------------------
    "walk_answer_shape": "--answer '{item}' must look like NODE=OPTION[,OPTION...]",
    "walk_no_node": "--answer {item}: there is no node '{node}'{hint}",
    "walk_twice": (
        "--answer {item}: '{node}' is already answered by an earlier --answer; give all its "
        "options once, as --answer {node}=OPTION[,OPTION...]"
    ),
    "walk_no_option": "--answer {item}: '{option}' is not an option of '{node}'{hint} (options: "
    "{options})",
    "walk_refused": "--answer: {error}",
    "walk_option": "{id} ({label})",
    "walk_stops": (
        "wizard: the answers stop before the end, at '{node}': {prompt}\n  options: {options}\n"
        "  add: --answer {node}=OPTION"
    ),
    "walk_unused": "wizard: note: the route did not reach {nodes}; those answers were not used",
    # -- the case quiz (wizard quiz, ask --quiz, serve --quiz) --------------------------------
    "quiz_title": "Quiz: {tree}",
    "quiz_intro": (
        "Each case is a person. Predict what the guide says for them, then see its answer "
        "and why."
    ),
    "quiz_case": "Case {number} of {total}",
    "quiz_they_said": "They said: {answers}",
    "quiz_q_options": "Which of these does the guide list for this person? Pick all that apply.",
    "quiz_q_first": "Which of these comes first in \"At a glance\"?",
    "quiz_q_urgent": "Is anything urgent today? If so, which?",
    "quiz_q_next": "They answered \"{question}\" with \"{answer}\". What are they asked next?",
    "quiz_nothing_urgent": "Nothing urgent",
    "quiz_right": "Right.",
    "quiz_not_quite": "Not quite.",
    "quiz_guide_says": "The guide's answer: {items}",
    "quiz_you_picked": "You picked: {items}",
    "quiz_missed": "Missed: {items}",
    "quiz_wrong": "Picked, but not right: {items}",
    "quiz_listed": "Listed. {because} Listed when: {rule}",
    "quiz_not_listed": "Not listed for this person. Listed when: {rule}",
    "quiz_first_order": "First in the order used when: {rule}",
    "quiz_first_groups": "First in the order of the summary's groups.",
    "quiz_not_first": "Listed, but not first.",
    "quiz_raised_by": "Raised by the answer: {labels}",
    "quiz_not_raised": "No answer of this person raises it.",
    "quiz_nothing_because": "None of this person's answers raises an urgent alert.",
    "quiz_something_urgent": "An answer of this person raises an urgent alert.",
    "quiz_next_because": "This is the question the route asks next.",
    "quiz_next_not": "Not the next question on this route.",
    "quiz_case_score": "Case score: {score} of {total}",
    "quiz_score": "Score: {score} of {total}",
    "quiz_seed": "Seed {seed}: run again with --seed {seed} for the same cases.",
    "quiz_results": "Quiz results",
    "quiz_no_cases": "This tree has no cases to quiz on.",
    "quiz_refuse_pick_one": "Pick one answer.",
    "quiz_refuse_pick_some": "Pick at least one answer.",
    "quiz_refuse_unknown": "That is not one of the answers.",
    "quiz_refuse_exclusive": "\"Nothing urgent\" cannot be picked with an urgent sign.",
    "quiz_refuse_not_ready": "Answer every question of this case first.",
    "quiz_refuse_revealed": "The answers are shown now; they cannot be changed.",
    "quiz_back_first": "This is the first question of this case.",
    "quiz_ask_how": (
        "Type the numbers of your answers and press Enter. Type back to change your last "
        "answer, quit to stop."
    ),
    "quiz_ask_one": "Type one number.",
    "quiz_ask_many": "Type one or more numbers.",
    "quiz_ask_reveal": "Press Enter to see the guide's answers.",
    "quiz_ask_next": "Press Enter for the next case.",
    "quiz_ask_stopped": "The quiz stopped before the end.",
    "quiz_saved": "Results saved to {path}.",
    "quiz_not_saved": "The results could not be saved to {path}: {reason}",
    "quiz_reveal": "Show the answers",
    "quiz_next": "Next case",
    "quiz_finish": "See your score",
    "quiz_again": "Start again",
    "quiz_predict": "Next",
    "quiz_keys": "Space ticks, Enter goes on, Escape goes back before the answers are shown.",
    "quiz_ready": "Every question of this case is answered. Show the guide's answers?",
    # the quiz's web pages (serve --quiz)
    "quiz_web_how": (
        "Each case has a few questions. Back changes a prediction until the answers are shown, "
        "never after. Nothing is saved: to keep your results, save them at the end."
    ),
    "quiz_web_same": "Everyone here gets the same {count} cases, in the same order (seed {seed}).",
    "quiz_web_same_one": "Everyone here gets the same case (seed {seed}).",
    "quiz_web_start": "Start the quiz",
    "quiz_web_seed_label": "Seed (you may leave it empty)",
    "quiz_web_seed_hint": "To repeat a quiz, type its seed: the same seed gives the same cases.",
    "quiz_web_bad_seed": "Type the seed as a whole number, such as 42, or leave it empty.",
    "quiz_web_progress": "{case} · Question {number} of {total}",
    "quiz_web_seed": "Seed {seed}: Start again gives the same cases in the same order.",
    "quiz_web_new": "Start a new quiz",
    "quiz_web_save_json": "Save for a learning system (JSON with xAPI)",
    "quiz_mark_right": "In the guide's answer:",
    "quiz_mark_not": "Not in the guide's answer:",
    "quiz_mark_picked": "(you picked it)",
    "quiz_web_ended": "This quiz page cannot be used",
    "quiz_web_ended_text": (
        "Quiz pages open for a day, and only on the server that made them while it runs. Nothing "
        "was kept, so please start the quiz again: the same seed gives the same cases."
    ),
    "quiz_web_no_kiosk": (
        "--quiz cannot be used with --kiosk: the quiz is for learners, a kiosk for patients one "
        "after another"
    ),
    "quiz_serve_at": "Serving the quiz at {url} (Ctrl+C to stop)",
    "quiz_web_needs_quiz": "--cases and --seed choose a quiz's cases: add --quiz or --classroom",
    "quiz_web_or_classroom": (
        "--quiz and --classroom are two ways to run the quiz: choose one (--quiz, each learner "
        "on their own; --classroom, the room together)"
    ),
    "quiz_web_no_terminal": (
        "--quiz cannot be used with --terminal: for the quiz in a terminal, run wizard quiz"
    ),
    # -- teach-back (after the summary) -------------------------------------------------------
    "teach_offer": "Check what you understood",
    "teach_offer_key": "Check you understood (k)",
    "teach_intro": (
        "A few questions about your own summary. It is not a test. If an answer is not right, "
        "you see that part of your summary again."
    ),
    "teach_question": "Question {number} of {total}",
    "teach_right": "Yes, that is right.",
    "teach_wrong": "Not quite. Here is that part of your summary again, in other words:",
    "teach_try_again": "Please try again.",
    "teach_done": "Thank you. You went over {count} points of your summary.",
    "teach_done_one": "Thank you. You went over 1 point of your summary.",
    "teach_back_to_summary": "Back to your summary",
    "teach_web_answer": "Check my answer",
    "teach_ask_offer": (
        "Would you like to check what you understood? Type yes, or press Enter to finish."
    ),
    "teach_ask_how": "Type the number of your answer.",
    # -- the classroom (`wizard serve --classroom`): a projector and the room's phones -------
    "class_title": "Class",
    "class_join": "Join on your phone",
    "class_join_text": "Open this address, or point your phone's camera at the code:",
    "class_join_qr": "QR code of the address to join",
    "class_anonymous": (
        "Anonymous: no names are asked or kept, and every prediction is forgotten when the "
        "class ends."
    ),
    "class_predicted": "{count} learners have predicted",
    "class_predicted_one": "1 learner has predicted",
    "class_count": "{count} ({share}%)",
    "class_right_count": "Right: {right} of {answered}",
    "class_end": "End the class",
    "class_is_right": "✓ the guide's answer",
    "class_was_picked": "your prediction",
    "class_choices": "What the room predicted",
    "class_over": "That was the last case",
    "class_over_text": "Thank you. Every prediction is forgotten when the server stops.",
    "class_send": "Send my prediction",
    "class_change": "Change my prediction",
    "class_sent": "Your prediction is in. You can change it until the answers are shown.",
    "class_closed": "The answers are shown: predictions for this case are closed.",
    "class_refresh": "Check for the answers or the next case",
    "class_wait": "Predict below. The answers are shown when your educator reveals them.",
    "class_not_predicted": "You did not predict this one.",
    "class_stale": "That case was already revealed, so your prediction was not counted.",
    "class_full_title": "This room is full",
    "class_full_text": (
        "The room takes at most {count} learners. Please follow on the shared screen."
    ),
    "class_cookie_title": "Your prediction could not be counted",
    "class_cookie_text": (
        "This page keeps one random number in a cookie, so that each person's prediction is "
        "counted once. Please allow cookies for this site, then try again."
    ),
    "class_not_educator_title": "Only the educator can do this",
    "class_not_educator_text": "This needs the educator's own address.",
    "class_loopback": (
        "Phones cannot open this address. Start again with --host 0.0.0.0 and --public-url "
        "set to this computer's address on the room's network."
    ),
    "class_alone": "--classroom is a mode of its own: leave out --terminal and --kiosk",
    "option_unused": "{option} works only with {mode}: add {mode} or leave {option} out",
    "option_unused_with": "{option} does nothing with {mode}: leave it out",
    "class_serving": "Classroom: learners join at {url} (Ctrl+C to stop)",
    "class_educator_at": "Your screen, for the projector (keep this address to yourself): {url}",
}


LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for a language tag (`es`, `es-US` falls back to `es`); a
    catalogue that says the English when there is none."""
    tag = language.replace("-", "_")
    tried = list(dict.fromkeys([tag, tag.split("_")[0].lower()]))
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=tried, fallback=True)


_default: list[str] = [SOURCE_LANGUAGE]
_speaking: ContextVar[str | None] = ContextVar("wizard_language", default=None)


def use_language(language: str | None) -> None:
    """The language this process speaks unless `speaking` says otherwise (None: English)."""
    _default[0] = language or SOURCE_LANGUAGE


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Speak `language` inside the block (this thread or task only)."""
    token = _speaking.set(language or SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _speaking.reset(token)


def language() -> str:
    """The language being spoken now (a tag such as `en` or `es`)."""
    return _speaking.get() or _default[0]


def _template(key: str) -> str:
    english = WORDS[key]
    tag = language()
    if tag == SOURCE_LANGUAGE or tag.split("-")[0] == SOURCE_LANGUAGE:
        return english
    return catalogue(tag).pgettext(key, english)


def t(key: str, **blanks: str) -> str:
    """The words for `key` in the language spoken now, with its named blanks filled in."""
    words = _template(key)
    if not blanks:
        return words
    try:
        return words.format(**blanks)
    except (KeyError, IndexError, ValueError):  # a translation with broken blanks: the English
        return WORDS[key].format(**blanks)


def t_count(key: str, count: int, **blanks: str) -> str:
    """`t` for words that change with a number: `key_one` for exactly one, else `key`.

    (gettext's ngettext takes this place in a translation.)
    """
    return t(f"{key}_one" if count == 1 else key, count=str(count), **blanks)


def pieces(key: str) -> list[tuple[str, str]]:
    """The words for `key` as (text, blank) pairs, for a screen that styles what fills a blank.

    "If you had answered {after} instead" -> [("If you had answered ", "after"), (" instead", "")]
    """
    words = _template(key)
    try:
        parsed = list(Formatter().parse(words))
    except ValueError:
        parsed = list(Formatter().parse(WORDS[key]))
    return [(text, blank or "") for text, blank, _, _ in parsed]


def progress_words(progress: Progress, question: bool) -> str:
    """Where the person is, "Question 3 of about 6", exact ("of 6") when every route from here
    is as long. Every front end shows progress through this one function."""
    if progress.fewest == progress.most:
        total = str(progress.most)
    else:
        total = t("total_about", about=str(progress.about))
    key = "progress_question" if question else "progress_page"
    return t(key, step=str(progress.step), total=total)


def refusal(error: AnswerError) -> str:
    """Why the session refused an answer, in words for the person."""
    key = f"refuse_{error.reason}"
    values = dict(error.values)
    if "count" in values:
        words = t_count(key, int(values.pop("count")), **values)
    else:
        words = t(key, **values)
    return t("refuse_at_node", node=error.node, refusal=words) if error.node else words


def pick_rule(least: int, most: int, count: int) -> str:
    """The rule of a multi-select in words, e.g. 'Pick 1 to 3.'"""
    if most >= count:
        if least <= 1:
            return t("pick_any")
        return t("pick_at_least", least=str(least))
    if least == most:
        return t("pick_exactly", least=str(least))
    return t("pick_between", least=str(least), most=str(most))


def fill(key: str, escape: Callable[[str], str], **parts: str) -> str:
    """The words for `key` escaped for a markup language, with ready-made markup in its blanks.

    The words are escaped (a translation may hold a `<` or `*`), the parts are not: the caller
    made them, from tree text it escaped itself.
    """
    marks = {name: f"\x00{number}\x00" for number, name in enumerate(parts)}
    text = escape(t(key, **marks))
    for name, mark in marks.items():
        text = text.replace(mark, parts[name])
    return text
