"""Browser tests: Debian's chromium driven by Playwright for Python, against the web app on a live port.

Playwright downloads no browser here: it launches the system's chromium (``REPORT_MINER_CHROMIUM``,
else ``chromium`` on PATH, else /usr/bin/chromium; ``bash scripts/browser.sh`` installs Debian's).
Without one the browser tests are skipped with the reason, except in CI (``CI=true``, set by
``.ci/run``): there they fail, so a green CI run really drove a browser.

``live_server`` serves ``report_miner.web.create_app`` with waitress (the server of ``report-miner
serve``) on 127.0.0.1 and a free port, in a background thread, over a new SQLite database holding one
reviewer; the server is stopped and the database removed after the test.
"""
from __future__ import annotations

import os
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM_ENV = "REPORT_MINER_CHROMIUM"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1400, "height": 1000}  # the README's screenshot is 1400 px wide


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip the browser tests for ``reason``; in CI fail instead (they must run there)."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests: {reason}")


def chromium_executable() -> tuple[str | None, str]:
    """The chromium to launch, or None and why there is none."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        if os.access(named, os.X_OK):
            return named, ""
        return None, f"${CHROMIUM_ENV}={named} is no executable"
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if found:
        return found, ""
    return None, "no chromium on PATH nor /usr/bin/chromium; `bash scripts/browser.sh` installs Debian's"


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module (each test opens its own context). Not one per session:
    while Playwright's sync API runs, no other code in the process may start it (or an asyncio loop)."""
    path, missing = chromium_executable()
    if path is None:
        unavailable(missing)
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        unavailable(f"Playwright for Python is not installed ({exc}); `pip install -e '.[test]'`")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, timeout=60_000)
        except Error as exc:
            unavailable(f"{path} does not start: {str(exc).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)  # the page fixture saves the page of a failed test
    return report


@pytest.fixture
def page(browser, request, tmp_path):
    """A fresh page (own cookies) 1400 px wide, Russian locale; dialogs are recorded and dismissed
    (confirm dialogs accepted). A failed test leaves the page's screenshot and HTML in its tmp_path."""
    context = browser.new_context(viewport=VIEWPORT, locale="ru-RU")
    context.set_default_timeout(30_000)
    new = context.new_page()
    new.dialogs = []  # every alert/confirm/prompt the page opened (none is expected)

    def answer(dialog) -> None:
        new.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.accept() if dialog.type == "confirm" else dialog.dismiss()

    new.on("dialog", answer)
    yield new
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and not new.is_closed():
        try:
            new.screenshot(path=str(tmp_path / "failed-page.png"), full_page=True)
            (tmp_path / "failed-page.html").write_text(new.content(), encoding="utf-8")
            print(f"\nbrowser test failed on {new.url}: page saved as {tmp_path}/failed-page.png and .html")
        except Exception as exc:  # the browser itself may be what failed
            print(f"\nbrowser test failed on {new.url}; the page could not be saved: {exc}")
    context.close()


@dataclass(frozen=True)
class LiveServer:
    url: str  # http://127.0.0.1:PORT
    db_url: str
    username: str
    password: str


def add_reviewer(db_url: str, username: str, password: str) -> None:
    from sqlalchemy.orm import Session

    from report_miner.store import open_database
    from report_miner.store.users import add_user

    engine = open_database(db_url)
    try:
        with Session(engine) as session:
            add_user(session, username, password)
            session.commit()
    finally:
        engine.dispose()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The web app on a new SQLite database with one reviewer, served by waitress on a free port."""
    from waitress import wasyncore
    from waitress.server import create_server

    from report_miner.web import create_app

    db_url = f"sqlite:///{tmp_path / 'e2e.sqlite'}"
    username, password = "reviewer", "e2e-password-1"
    add_reviewer(db_url, username, password)
    app = create_app(db_url, secret_key=os.urandom(32).hex())

    server = create_server(app, host="127.0.0.1", port=0, threads=4, clear_untrusted_proxy_headers=True)
    thread = threading.Thread(target=server.run, name="e2e-waitress", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"
    with urllib.request.urlopen(f"{url}/login", timeout=30) as response:  # up and answering
        assert response.status == 200
    try:
        yield LiveServer(url, db_url, username, password)
    finally:
        # close every socket from inside the server's own loop, which then ends (its map is empty)
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(timeout=10)
        server.task_dispatcher.shutdown(timeout=10)
