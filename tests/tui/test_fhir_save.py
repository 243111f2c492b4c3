"""The app's Save with `--save-fhir`: the dialog names the third file, and Save writes it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tui.pilots import press, shown_text, to_summary
from wizard.model.tree import Tree
from wizard.tui.launch import create_app
from wizard.tui.screens.save import SaveModal

TO_SUMMARY = ("enter", "enter", "2", "enter", "enter", "2", "1", "2", "enter", "1")  # pets, fern


async def test_the_app_saves_three_files_when_asked(example_tree: Tree, tmp_path: Path) -> None:
    app = create_app(example_tree, save_dir=tmp_path, save_fhir=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_summary(pilot, *TO_SUMMARY)
        await press(pilot, "s")
        assert isinstance(app.screen, SaveModal)
        assert "garden-summary.fhir.json" in shown_text(app, ".dialog-text")
        await press(pilot, "enter")
        fhir = tmp_path / "garden-summary.fhir.json"
        data = json.loads(fhir.read_text(encoding="utf-8"))
        assert [i["linkId"] for i in data["item"]][:2] == ["danger", "kind"]
        assert str(fhir) in shown_text(app, "#status")
