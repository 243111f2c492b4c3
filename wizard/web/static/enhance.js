// Optional help from a script; every page works without it.
// - "Print" opens the browser's print dialog for this page (its print stylesheet leaves out
//   the buttons). Without a script the button posts the form and the server answers with a
//   printable page.
// - Kiosk pages: the "Still there?" notice and the fresh start come from timers here. Without
//   a script a stylesheet animation shows the notice and a <noscript> refresh starts over, at
//   the same times (a refresh inside <noscript> is ignored when scripts run).
// - The fresh start goes through /reset, which ends the visit on the server (as "I'm done"
//   does), so Back or Reload afterwards shows "This session was cleared".
// - Kiosk pages brought back from the browser's back-forward cache are fetched again, so the
//   server can refuse a finished visit's page (browsers keep no-store pages out of that cache
//   today; this holds if one does not).
// - A page with an error summary moves the focus to it (as `autofocus` does without a script).
// - Printing shows every folded section of the summary's details: they are opened before the
//   print dialog and folded again after it (the print stylesheet opens them too, where the
//   browser knows ::details-content).
"use strict";
document.documentElement.classList.add("scripting");
const problem = document.querySelector(".error-summary");
if (problem) problem.focus();
let opened = [];
window.addEventListener("beforeprint", () => {
  opened = [...document.querySelectorAll("details.fold:not([open])")];
  opened.forEach((fold) => { fold.open = true; });
});
window.addEventListener("afterprint", () => {
  opened.forEach((fold) => { fold.open = false; });
  opened = [];
});
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-print='browser']");
  if (button && typeof window.print === "function") {
    event.preventDefault();
    window.print();
  }
});

(() => {
  const idle = Number(document.body.dataset.idle);
  const forget = Number(document.body.dataset.forget);
  if (!(idle > 0 && forget > 0)) return;
  document.documentElement.classList.add("scripted");
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) window.location.reload();
  });
  const notice = document.querySelector(".still-there");
  window.setTimeout(() => notice && notice.classList.add("showing"), idle * 1000);
  const reset = document.body.dataset.reset || "/";  // ends the visit on the server first
  window.setTimeout(() => window.location.replace(reset), forget * 1000);
})();
