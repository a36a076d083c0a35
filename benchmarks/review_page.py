"""How fast the review page of a long document opens: dev document 002 (the 82,000-character annual report).

    python benchmarks/review_page.py [--runs 5] [--browser] [FILE]

Imports the file (by default ../shared/eval/dev/texts/002_*.txt beside the repository) into a fresh SQLite database
in a temporary folder, then GETs its review page through Flask's test client: the first request
(which also reads the document's source map, cached afterwards) and the median and best of the
next ``--runs``. Prints the milliseconds, the HTML size and the numbers of events and marks.
With ``--browser`` it also opens the page in headless chromium (Playwright; the app served by
waitress on a free port) and prints the browser's own timings: response, DOM ready, load.
"""
from __future__ import annotations

import argparse
import glob
import statistics
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "texts" / "002_*.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help=f"the document (default {DEFAULT})")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time the page in headless chromium")
    args = parser.parse_args()
    path = Path(args.file or (sorted(glob.glob(DEFAULT)) or [DEFAULT])[0])
    if not path.is_file():
        sys.exit(f"review_page: {path}: no such file")

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from report_miner.importer import import_files
    from report_miner.store import Document, open_database
    from report_miner.web import create_app

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        engine = open_database(url)
        summary = import_files([path], engine)
        imported = time.perf_counter() - started
        with Session(engine) as session:
            document = session.scalars(select(Document)).one()
            doc_id, chars, events = document.id, len(document.text or ""), len(document.events)
        engine.dispose()
        print(f"{path.name}: {chars} chars, {events} events ({summary.events} imported in {imported:.1f} s)")

        app = create_app(url, secret_key="benchmark", config={"TESTING": True})
        client = app.test_client()
        timings = []
        for run in range(args.runs + 1):
            started = time.perf_counter()
            response = client.get(f"/documents/{doc_id}")
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        body = response.get_data()
        loads = in_browser(app, f"/documents/{doc_id}", args.runs) if args.browser else []
        app.extensions["report_miner.engine"].dispose()
    first, rest = timings[0], timings[1:]
    print(f"review page: first {first * 1000:.0f} ms, then median {statistics.median(rest) * 1000:.0f} ms, "
          f"best {min(rest) * 1000:.0f} ms over {len(rest)} runs")
    print(f"HTML: {len(body) / 1024:.0f} KiB, {body.count(b'<mark ')} marks, "
          f"{body.count(b'data-event-id=')} data-event-id attributes")
    if loads:
        print("chromium (median of {} loads): response {:.0f} ms, DOM ready {:.0f} ms, load {:.0f} ms".format(
            len(loads), *(statistics.median(load[key] for load in loads)
                          for key in ("responseEnd", "domContentLoadedEventEnd", "loadEventEnd"))))


def in_browser(app, path: str, runs: int) -> list[dict]:
    """Navigation timings of ``path`` in headless chromium, the app served by waitress in a thread."""
    import shutil
    import threading

    from playwright.sync_api import sync_playwright
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}{path}"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    timings = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--headless=new", "--no-sandbox", "--disable-gpu",
                                                "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for _ in range(runs + 1):
                page.goto(url, wait_until="load")
                timings.append(page.evaluate(
                    "() => performance.getEntriesByType('navigation')[0].toJSON()"))
            browser.close()
    finally:
        server.close()
    return timings[1:]  # the first warms the browser's cache of the script and styles


if __name__ == "__main__":
    main()
