"""Speed and peak memory of ``report-miner import`` with 1 and with 2 worker processes.

    python benchmarks/import_speed.py [-n 200]      (the issue's figure is for -n 1000)

Writes N synthetic news files (organisations, dates, event words and counts drawn from small
word lists) plus 10 bad files into a temporary folder, then imports the folder into a fresh
SQLite file once per worker setting. Each import runs in its own child process, so its peak
RSS is its own: the main process (which writes the database, and with 1 worker also extracts)
and its largest worker process.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORGS = ["МАОУ «Лицей № {n}» г. Томска", "МБОУ «Гимназия № {n}» г. Казани", "Инженерно-технологическая школа № {n}",
        "ГБОУ «Школа № {n}» г. Москвы", "МАОУ «СОШ № {n}» г. Перми", "Центр «Кванториум» г. Самары"]
EVENTS = [("семинар", "семинар для учителей физики"), ("вебинар", "вебинар «Цифровая лаборатория»"),
          ("олимпиада", "олимпиада по математике"), ("форум", "форум «Педагог будущего»"),
          ("конкурс", "конкурс проектов «Инженерные кадры»"), ("мастер-класс", "мастер-класс по робототехнике")]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "сентября", "октября", "ноября", "декабря"]
PEOPLE = ["Князева Вера Владимировна", "Иванов Пётр Сергеевич", "Смирнова Анна Петровна", "Орлов Илья Андреевич"]
UNITS = ["педагогов", "школьников", "участников", "учителей"]


def news(rng: random.Random) -> str:
    word, name = rng.choice(EVENTS)
    org = rng.choice(ORGS).format(n=rng.randint(1, 60))
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2023, 2024, 2025])} года"
    verb = "прошла" if word == "олимпиада" else "прошёл"
    approx = rng.choice(["более ", "около ", ""])
    lines = [f"{date} на базе {org} {verb} {name}.",
             f"Участниками стали {approx}{rng.randint(10, 400)} {rng.choice(UNITS)} из {rng.randint(2, 30)} школ."]
    if rng.random() < 0.6:
        lines.append(f"С приветственным словом выступил директор {rng.choice(PEOPLE)}.")
    return " ".join(lines) + "\n"


def bad_files(folder: Path) -> None:
    (folder / "bad_empty.txt").write_bytes(b"")
    (folder / "bad_photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (folder / "bad_archive.txt").write_bytes(b"\x1f\x8b\x08" + bytes(200))
    (folder / "bad_broken.pdf").write_bytes(b"%PDF-1.4\n%broken")
    (folder / "bad_random.pdf").write_bytes(random.Random(1).randbytes(4000))
    (folder / "bad_corrupt.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (folder / "bad_notzip.docx").write_bytes(b"not a zip at all")
    (folder / "bad_old.txt").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
    (folder / "bad_rtf.txt").write_bytes(b"{\\rtf1\\ansi " + bytes(range(32)) * 4)
    (folder / "bad_control.txt").write_bytes(b"\x01\x02\x03 abc " * 50)


def generate(folder: Path, n: int) -> None:
    rng = random.Random(42)
    for i in range(n):
        sub = folder / f"batch{i // 100:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"news{i:05d}.txt").write_text(news(rng), encoding="utf-8")
    bad_files(folder)


def measure(folder: str, url: str, workers: int) -> None:
    """Child process: one import; prints its figures as JSON."""
    from report_miner.importer import find_files, import_files
    from report_miner.store import open_database

    engine = open_database(url)
    files, _ = find_files([folder])
    t0 = time.perf_counter()
    summary = import_files(files, engine, workers=workers)
    seconds = time.perf_counter() - t0
    print(json.dumps({
        "workers": workers, "files": summary.seen, "seconds": seconds, "files_per_s": summary.seen / seconds,
        "error_rows": summary.errors, "events": summary.events,
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of good files (default 200)")
    parser.add_argument("--measure", nargs=3, metavar=("FOLDER", "URL", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure[0], args.measure[1], int(args.measure[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        generate(folder, args.n)
        print(f"{args.n} news files + 10 bad files; time includes loading the models (once per process)")
        print(f"{'workers':>7} {'files':>6} {'seconds':>8} {'files/s':>8} {'errors':>6} {'events':>6} "
              f"{'peak RSS main':>14} {'peak RSS worker':>16}")
        for workers in (1, 2):
            url = f"sqlite:///{Path(tmp) / f'w{workers}.sqlite'}"
            out = subprocess.run([sys.executable, __file__, "--measure", str(folder), url, str(workers)],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{r['workers']:>7} {r['files']:>6} {r['seconds']:>8.1f} {r['files_per_s']:>8.2f} "
                  f"{r['error_rows']:>6} {r['events']:>6} {r['rss_self_mb']:>11.0f} MB "
                  f"{r['rss_children_mb']:>13.0f} MB")


if __name__ == "__main__":
    main()
