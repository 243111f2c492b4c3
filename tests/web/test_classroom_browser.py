"""`wizard serve --classroom` in Chromium: the projector's QR code, read from a screenshot with
a real reader (zxing-cpp), opens the learners' page; a phone with scripts and one without
predict; the educator's tally follows by itself; the reveal reaches the phones; axe-core finds
nothing serious on either page, before or after the reveal, in the default and high-contrast
themes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import SCREEN_SECONDS, loopback_only
from tests.web.test_web_browser import axe_problems, browser, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e
__all__ = ["browser"]
EDUCATOR = re.compile(r"(http://\S+/teach\?key=\S+)")


@pytest.fixture(scope="module", params=["default", "high-contrast"])
def classroom(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """(the learners' address, the educator's, the server's log) of a class on the bundled
    tree's cases."""
    folder = tmp_path_factory.mktemp("classroom")
    server = start_server(folder, "--classroom", "--seed", "3", "--cases", "2", "--theme",
                          request.param, tree_path="paraneoplastic")
    learners = next(server)
    found = EDUCATOR.search((Path(folder) / "server.log").read_text())
    assert found, "the educator's address is printed at start"
    try:
        yield learners, found.group(1), Path(folder) / "server.log"
    finally:
        server.close()


def open_page(browser: Browser, address: str, *, scripts: bool = True,
              width: int = 1280) -> Page:
    context = browser.new_context(java_script_enabled=scripts,
                                  viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    page.goto(address)
    return page


def predict_first_choices(phone: Page) -> None:
    """Pick the first choice of every question, then send."""
    for fieldset in phone.locator("fieldset.question").all():
        fieldset.locator("input").first.check()
    phone.click("button:has-text('Send my prediction')")
    phone.wait_for_selector("text=Your prediction is in")


def test_a_class_from_the_qr_code_to_the_reveal(browser: Browser,
                                                classroom: tuple[str, str, Path]) -> None:
    import zxingcpp
    from PIL import Image

    learners, educator_address, log = classroom
    projector = open_page(browser, educator_address)
    projector.wait_for_load_state("load")  # the tally's script is deferred
    phones: list[Page] = []
    try:
        assert projector.locator("h1").inner_text() == "Case 1 of 2"
        assert axe_problems(projector) == []
        shot = projector.locator(".join .qr").screenshot()
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
        assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
        assert found[0].text == learners

        phone = open_page(browser, found[0].text, width=360)
        quiet = open_page(browser, found[0].text, scripts=False, width=360)
        phones += [phone, quiet]
        phone.wait_for_load_state("load")
        assert phone.locator("h1").inner_text() == "Case 1 of 2"
        assert "teach" not in phone.content()
        assert axe_problems(phone) == []
        predict_first_choices(phone)
        assert axe_problems(phone) == []
        predict_first_choices(quiet)  # without scripts: the form and a redirect

        # the projector counts both without being reloaded (its script swaps the tally in)
        projector.wait_for_selector("text=2 learners have predicted")
        assert projector.locator("h1").inner_text() == "Case 1 of 2"

        projector.click("button:has-text('Show the answers')")
        projector.wait_for_selector("text=the guide's answer")
        assert "Listed when" in projector.locator("main").inner_text()
        assert axe_problems(projector) == []

        # the phone with scripts sees the reveal by itself; the one without, on its button
        phone.wait_for_selector("text=predictions for this case are closed")
        assert axe_problems(phone) == []
        quiet.click("text=Check for the answers or the next case")
        quiet.wait_for_selector("text=predictions for this case are closed")

        projector.click("button:has-text('Next case')")
        projector.wait_for_selector("h1:has-text('Case 2 of 2')")
        phone.wait_for_selector("h1:has-text('Case 2 of 2')")
        assert projector.locator("text=0 learners have predicted").count() == 1
        projector.click("button:has-text('Show the answers')")
        projector.click("button:has-text('End the class')")
        projector.wait_for_selector("h1:has-text('That was the last case')")
        assert projector.locator("text=Right: 0 of 2").count() >= 1  # case 1, counts only
        assert axe_problems(projector) == []
        phone.wait_for_selector("h1:has-text('That was the last case')")

        # the log names pages, never the educator's key (beyond the line printed at start)
        # nor a learner's token
        written = log.read_text()
        assert "POST /predict 303" in written and "GET /teach 200" in written
        assert written.count(educator_address.split("key=")[1]) == 1
        tokens = [c["value"] for page in (phone, quiet) for c in page.context.cookies()]
        assert len(tokens) == 2 and not any(token in written for token in tokens)
    finally:
        for page in [projector, *phones]:
            page.context.close()
