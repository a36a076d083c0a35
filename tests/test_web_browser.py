"""The review page's script in a real headless chromium: selection → raw evidence, shortcuts, click ⇄ marks.

The script runs in a child process (``python tests/test_web_browser.py DB_URL``): Playwright's sync API
cannot start a second time inside a process whose browser tests (tests/e2e) already hold one. The child
serves the app on a free port, drives chromium and prints what it saw as JSON; the test checks that
and the database. Without chromium the test is skipped, except in CI (``CI=true``), where it fails.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

RAW = ("<html><body><h1>Семинар &laquo;Физика в школе&raquo;</h1><p>14&nbsp;октября 2024 года в "
       "<b>МАОУ «Лицей № 5» г. Томска</b> прошёл семинар для учителей физики.</p><p>Участие приняли "
       "40&nbsp;педагогов из Северска и Томска.</p><p>Организатор &mdash; <i>Томский областной институт "
       "повышения квалификации</i>.</p></body></html>")
ADDED = "Томский областной институт повышения квалификации"
PASSWORD = "password for chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def chromium() -> str | None:
    return os.environ.get("REPORT_MINER_CHROMIUM") or shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


def test_select_text_and_press_o_adds_the_value_at_raw_offsets(tmp_path):
    from report_miner.read import read_string
    from report_miner.records import DocumentRecord, Event, Organisation
    from report_miner.store import EventOrganisation, open_database
    from report_miner.store.review import save_document
    from report_miner.store.users import add_user

    ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    try:
        import playwright  # noqa: F401
    except ImportError:
        (pytest.fail if ci else pytest.skip)("Playwright for Python is not installed")
    if chromium() is None:
        (pytest.fail if ci else pytest.skip)("no chromium (bash scripts/browser.sh installs Debian's)")

    url = f"sqlite:///{tmp_path / 'browser.db'}"
    engine = open_database(url)
    source = read_string(RAW, "post.html")
    lyceum = source.text.index("МАОУ")
    events = [Event(type="seminar", date_start=f"2024-10-{day}", evidence={
        "date": [source.to_raw(0, 7)] if day == 14 else []},
        organisations=[Organisation("МАОУ «Лицей № 5» г. Томска", "host", [], [source.to_raw(lyceum, lyceum + 26)])]
        if day == 14 else []) for day in (14, 15, 16, 17)]  # four events: bodies come as templates
    with Session(engine) as session:
        add_user(session, "reviewer", PASSWORD)
        document = save_document(session, source, DocumentRecord("t", events), "upload:post.html")
        session.commit()
        doc_id = document.id
    engine.dispose()

    child = subprocess.run([sys.executable, __file__, url, str(doc_id)], capture_output=True, text=True,
                           timeout=180, check=False)
    assert child.returncode == 0, child.stderr[-3000:]
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["errors"] == []
    assert seen["templates_before"] == 4 and seen["current_after_j"] == seen["second_event"]
    assert seen["mark_click_opens"] is True and seen["row_click_marks"] >= 1
    assert seen["add_here"] is True
    assert seen["flash"] == ["Значение добавлено."]

    engine = sa.create_engine(url)
    with Session(engine) as session:
        added = session.scalars(sa.select(EventOrganisation).where(EventOrganisation.name == ADDED)).one()
        assert RAW[slice(*added.evidence[0])] == ADDED  # the selection's display offsets, mapped to raw
        assert added.event.id == seen["second_event_id"]  # the current event (j from the first)
    engine.dispose()


def drive(url: str, doc_id: int) -> dict:
    """In the child: serve the app, sign in, and use the review page as a reviewer would."""
    import threading

    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from report_miner.web import create_app

    app = create_app(url, secret_key="browser-test")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    seen: dict = {"errors": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
        page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
        page.goto(f"{base}/login")
        page.fill("input[name=username]", "reviewer")
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.click("#login-button")
        page.goto(f"{base}/documents/{doc_id}")
        seen["templates_before"] = page.locator("template.event-body").count()

        # a mark opens its event (made from its template) and lights its row
        page.click("#doc-text mark.hl-organisation")
        row = page.locator("#events li.value-row[data-kind=organisation]").first
        seen["mark_click_opens"] = row.is_visible() and "active" in (row.get_attribute("class") or "")
        page.keyboard.press("Escape")
        row.locator(".canonical").click(position={"x": 1, "y": 1})
        seen["row_click_marks"] = page.locator("#doc-text mark.hl-organisation.active").count()

        # j: the click made the first event current, so j goes to the second (typed in the Russian
        # layout: the key of j gives "о", the shortcut goes by the key)
        page.dispatch_event("body", "keydown", {"key": "о", "code": "KeyJ"})
        sections = page.locator("#events section.event")
        seen["second_event"] = sections.nth(1).get_attribute("id")
        seen["second_event_id"] = int(sections.nth(1).get_attribute("data-event-id"))
        seen["current_after_j"] = page.eval_on_selector(".event.current", "e => e.id")

        # "+ значение" of the third event points the shared add form at it
        page.keyboard.press("j")
        third = sections.nth(2)
        third.locator("button.add-here").click()
        seen["add_here"] = page.eval_on_selector("#add-value select[name=event]", "s => s.value") == \
            third.get_attribute("data-event-id")
        page.keyboard.press("Escape")  # leaves the text field
        page.keyboard.press("k")

        # select the organiser's name in the text and press o: added to the current event
        page.evaluate("""(wanted) => {
            const root = document.getElementById('doc-text');
            const at = root.textContent.indexOf(wanted);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let pos = 0, node, range = document.createRange(), started = false;
            while ((node = walker.nextNode())) {
                const end = pos + node.data.length;
                if (!started && at < end) { range.setStart(node, at - pos); started = true; }
                if (started && at + wanted.length <= end) { range.setEnd(node, at + wanted.length - pos); break; }
                pos = end;
            }
            const selection = getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""", ADDED)
        with page.expect_navigation():
            page.keyboard.press("o")
        seen["flash"] = page.locator(".flash").all_inner_texts()
        browser.close()
    server.shutdown()
    app.extensions["report_miner.engine"].dispose()
    return seen


if __name__ == "__main__":
    print(json.dumps(drive(sys.argv[1], int(sys.argv[2])), ensure_ascii=False))
