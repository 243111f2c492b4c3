// Optional: with scripts on, "Print" opens the browser's print dialog for this page (its
// print stylesheet leaves out the buttons). Without scripts the button posts the form and the
// server answers with a printable page, so nothing depends on this file.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-print='browser']");
  if (button && typeof window.print === "function") {
    event.preventDefault();
    window.print();
  }
});
