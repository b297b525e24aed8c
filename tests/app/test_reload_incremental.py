"""The live desk on a generated knowledge base: an edited line is searchable after the reload,
which analyses only the edited dossier while the old engine keeps answering."""

from __future__ import annotations

import os

import yaml

from briefing.app.messages import KnowledgeReady
from briefing.bench.search import write_kb
from tests.app.conftest import enter_text, ready, settle

NEW_LINE = "Het pontveer naar Noord vaart vanaf maart elke tien minuten."


async def test_an_edit_is_searchable_after_the_reload(build, tmp_path):
    root = tmp_path / "kb"
    write_kb(root, 300)
    ready_messages: list[KnowledgeReady] = []

    def hook(message) -> None:
        if isinstance(message, KnowledgeReady):
            ready_messages.append(message)

    app = build(root)
    async with app.run_test(size=(100, 32), message_hook=hook) as pilot:
        await ready(pilot)
        old_engine = app.engine
        assert not old_engine.search("pontveer noord tien minuten") or \
            NEW_LINE not in old_engine.search("pontveer noord")[0].line_texts

        path = sorted((root / "dossiers").glob("*.yaml"))[4]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["themas"][0]["regels"].append(NEW_LINE)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        stat = path.stat()   # a changed mtime even on file systems with coarse ones
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))

        app.poll_knowledge()
        # While the reload runs, the old engine keeps answering.
        assert old_engine.search("pontveer noord") is not None
        for _ in range(50):
            await settle(pilot)
            if any(m.reason == "reload" for m in ready_messages):
                break
        reload = next(m for m in ready_messages if m.reason == "reload")
        assert reload.changed == [f"dossiers/{path.name}"]
        assert app.engine is not old_engine
        assert app.engine._built.analysed <= 3   # the edited dossier (and few, if any, others)

        await enter_text(pilot, "pontveer naar noord tien minuten")
        results = app.engine.search("pontveer naar noord tien minuten")
        assert NEW_LINE in results[0].line_texts
