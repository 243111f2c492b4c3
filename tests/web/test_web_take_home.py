"""The kiosk's take-home code in Chromium: the QR code on the summary, read from a screenshot
with a real reader (zxing-cpp), opens the same summary on another `wizard serve` that shares
WIZARD_SECRET, as a phone would through the clinic's public address."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.web.test_serve_e2e import SCREEN_SECONDS, free_port, loopback_only
from tests.web.test_web_browser import axe_problems, browser, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e
__all__ = ["browser"]
ENV = {**os.environ, "WIZARD_SECRET": "one secret for the kiosk and the public pages"}


@pytest.fixture(scope="module")
def kiosk_and_public(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    port = free_port()
    public = start_server(tmp_path_factory.mktemp("public"), port=port, env=ENV)
    public_url = next(public)
    kiosk = start_server(tmp_path_factory.mktemp("kiosk"), "--kiosk", "--public-url",
                         public_url.rstrip("/"), env=ENV)
    try:
        yield next(kiosk), public_url
    finally:
        for server in (kiosk, public):
            server.close()


@pytest.mark.parametrize("theme", ["Dark", "High contrast"])
def test_the_qr_code_on_the_kiosk_summary_opens_it_on_a_phone(
        browser: Browser, kiosk_and_public: tuple[str, str], theme: str) -> None:
    import zxingcpp
    from PIL import Image

    kiosk_url, public_url = kiosk_and_public
    page = browser.new_page(viewport={"width": 900, "height": 900})
    page.set_default_timeout(SCREEN_SECONDS * 1000)
    page.route("**/*", loopback_only)
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    phone.set_default_timeout(SCREEN_SECONDS * 1000)
    phone.route("**/*", loopback_only)
    try:
        page.goto(kiosk_url)
        page.check(f"text={theme}")
        page.click("text=Apply")
        page.click("text=Start")
        page.click("text=Continue")
        page.check("text=None of these")
        page.click("button[value=answer]")
        page.check("text=A fern")
        page.click("button[value=answer]")
        page.check("text=Spots")
        page.click("button[value=answer]")
        page.check("input[value=dry]")
        page.click("button[value=answer]")
        page.click("text=Show my summary")
        assert axe_problems(page) == []
        shot = page.locator(".take-home .qr").screenshot()
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
        assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
        address = found[0].text
        code = page.locator(".take-home .code").inner_text()
        assert address == public_url.rstrip("/") + "/h/" + code.replace("-", "")
        phone.goto(address)
        phone.wait_for_selector("h1:has-text('Your plant plan')")
        shown = phone.locator("main").text_content() or ""  # folded details included
        assert "Spots" in shown and "A fern" in shown
        assert phone.locator(".take-home").count() == 0  # the phone's copy is not a kiosk's
    finally:
        page.close()
        phone.close()
