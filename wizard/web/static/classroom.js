/* The classroom pages keep up with the room by themselves (they work without this script: a
   learner presses "Check for the answers or the next case", the educator reloads).
   Educator: every few seconds the page is fetched again and its tally (#live) swapped in place,
   so the focus and the scroll stay where they are; a new case or a reveal reloads the page.
   Learner: only the room's phase is fetched (/phase: which case, whether revealed); the page
   reloads when it changes, never while nothing has, so ticks being made are not lost. */
(function () {
  "use strict";
  var body = document.body;
  var watch = body.getAttribute("data-watch");
  if (!watch || !window.fetch) { return; }
  var phase = body.getAttribute("data-phase");
  var live = body.getAttribute("data-live");
  function check() {
    fetch(watch, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        if (text === null) { return; }
        if (!live) {
          if (text.trim() !== phase) { window.location.reload(); }
          return;
        }
        var fresh = new DOMParser().parseFromString(text, "text/html");
        if (fresh.body.getAttribute("data-phase") !== phase) {
          window.location.reload();
          return;
        }
        var now = fresh.getElementById(live);
        var here = document.getElementById(live);
        if (now && here) { here.replaceWith(document.adoptNode(now)); }
      })
      .catch(function () { /* the server is gone or busy: try again at the next tick */ });
  }
  window.setInterval(check, 3000);
}());
