"""The read step: formats, encodings, cleaning, the offset map and the refusal of bad files."""
import html
import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from report_miner.read import ReadError, SourceText, read_bytes, read_path, read_string

DATA = Path(__file__).parent / "data" / "read"

SENTENCE = "25 апреля на базе МАОУ «Лицей №10» прошло заседание."
# about 200 characters, the length the cp1251 detection has to get right
SHORT_NEWS = (
    "25 апреля на базе МАОУ «Лицей №10» прошло заседание городского методического "
    "объединения учителей истории. Приняли участие 34 педагога из 12 школ. "
    "Обсуждали подготовку к ЕГЭ."
)


# --- helpers ----------------------------------------------------------------------------

_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\ufeff]")  # what cleaning drops
_TAG = re.compile(r"<[^>]*>")


def words(s: str) -> list[str]:
    return re.findall(r"\w+", _INVISIBLE.sub("", s))


def assert_map_ok(st: SourceText) -> None:
    """Every word of text maps back to the same word in raw; the map is complete and ordered."""
    assert len(st.raw_starts) == len(st.raw_ends) == len(st.text)
    assert list(st.raw_starts) == sorted(st.raw_starts)
    assert list(st.raw_ends) == sorted(st.raw_ends)
    assert all(0 <= a < b <= len(st.raw) for a, b in zip(st.raw_starts, st.raw_ends))
    for match in re.finditer(r"\w+", st.text):
        a, b = st.to_raw(*match.span())
        source = st.raw[a:b]
        if st.format == "html":
            source = html.unescape(_TAG.sub("", source))  # inline tags may sit inside a word
        assert words(source) == [match.group()], (match.group(), st.raw[a:b])


def make_docx(body: str, with_document: bool = True) -> bytes:
    """A minimal DOCX: only what Word needs to open it and what the reader reads."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{ns}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        if with_document:
            zf.writestr("word/document.xml", document)
    return buf.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs) + "</w:p>"


def table(*rows: tuple[str, ...]) -> str:
    cells = lambda row: "".join(f"<w:tc>{para(c)}</w:tc>" for c in row)  # noqa: E731
    return "<w:tbl>" + "".join(f"<w:tr>{cells(row)}</w:tr>" for row in rows) + "</w:tbl>"


def make_pdf(pages: list[str]) -> bytes:
    """A PDF written by hand: Helvetica re-encoded so that cp1251 codes draw Cyrillic glyphs."""
    cyrillic = bytes(range(192, 256)).decode("cp1251")
    differences = "192 " + " ".join(f"/uni{ord(ch):04X}" for ch in cyrillic)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        (f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
         f"/Encoding << /Type /Encoding /Differences [{differences}] >> >>").encode(),
    ]
    for i, text in enumerate(pages):
        objects.append(
            (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
             f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>").encode()
        )
        shown = b" ".join(
            b"(" + line.encode("cp1251").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            + b") Tj 0 -16 Td"
            for line in text.split("\n") if line
        )
        stream = b"BT /F1 12 Tf 72 760 Td " + shown + b" ET"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- TXT and encodings ------------------------------------------------------------------

def test_utf8_file_is_read_unchanged():
    st = read_path(DATA / "news.txt")
    raw = (DATA / "news.txt").read_text(encoding="utf-8")
    assert (st.name, st.format, st.encoding) == (str(DATA / "news.txt"), "txt", "utf-8")
    assert st.raw == st.text == raw
    assert "Лицей №10    12" in st.text  # runs of spaces and the blank line stay
    assert "\n\n" in st.text and "«Лицей №10»" in st.text and "школ — это" in st.text
    assert st.to_raw(3, 9) == (3, 9)
    assert_map_ok(st)


def test_utf8_with_bom():
    st = read_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "bom.txt")
    assert st.encoding == "utf-8-sig"
    assert st.raw == st.text == SENTENCE


def test_utf16_with_bom():
    st = read_bytes("\ufeff".encode("utf-16-le") + SENTENCE.encode("utf-16-le"), "u16.txt")
    assert st.encoding == "utf-16-le"
    assert st.text == SENTENCE


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "cp866"])
def test_russian_code_pages_of_a_short_text(codec):
    text = SHORT_NEWS.encode(codec, "replace").decode(codec)  # koi8-r, cp866 have no « » (and no № in koi8-r)
    assert 150 <= len(text) <= 210
    st = read_bytes(text.encode(codec), "old.txt")
    assert st.encoding == codec
    assert st.text == text


@pytest.mark.parametrize(
    "text", [SENTENCE, "Прошло заседание.", "ЗАСЕДАНИЕ МО УЧИТЕЛЕЙ", "Итоги: 1 место — 10 «А»."]
)
def test_cp1251_one_line(text):
    st = read_bytes(text.encode("cp1251"), "line.txt")
    assert (st.encoding, st.text) == ("cp1251", text)


def test_utf8_with_one_broken_byte_stays_utf8():
    data = SHORT_NEWS.encode("utf-8") + b"\xff" + SENTENCE.encode("utf-8")
    st = read_bytes(data, "mixed.txt")
    assert st.encoding == "utf-8"
    assert st.text.startswith(SHORT_NEWS) and st.text.endswith(SENTENCE)


def test_damaged_archive_files_still_decode():
    cut = SENTENCE.encode("utf-8")[:-2]  # the file ends inside "е"
    st = read_bytes(cut, "cut.txt")
    assert (st.encoding, st.text) == ("utf-8", SENTENCE[:-2] + "\ufffd")
    padded = read_bytes(SHORT_NEWS.encode("cp1251") + b"\x00" * 500, "padded.txt")
    assert (padded.encoding, padded.text) == ("cp1251", SHORT_NEWS)
    damaged = SHORT_NEWS.encode("cp1251").replace("ЕГЭ".encode("cp1251"), b"\x98")  # a byte cp1251 lacks
    assert read_bytes(damaged, "damaged.txt").encoding == "cp1251"


def test_cp1251_with_crlf(tmp_path):
    text = "Заседание МО.\r\n\r\nПриняли участие 34 педагога.\r\nСтарый Mac:\rконец."
    path = tmp_path / "archive.txt"
    path.write_bytes(text.encode("cp1251"))
    st = read_path(path)
    assert st.encoding == "cp1251"
    assert st.raw == text
    assert st.text == "Заседание МО.\n\nПриняли участие 34 педагога.\nСтарый Mac:\nконец."
    start = st.text.index("Приняли")
    assert st.to_raw(start, start + 7) == (text.index("Приняли"), text.index("Приняли") + 7)
    first_newline = st.text.index("\n")
    assert st.raw[slice(*st.to_raw(first_newline, first_newline + 1))] == "\r\n"
    assert st.raw[slice(*st.to_raw(0, len(st.text)))] == text
    assert_map_ok(st)


def test_odd_spaces_soft_hyphens_and_zero_width():
    raw = "34\u00a0педа\u00adгога из\u202f12\u2007школ\u200b, «Лицей\ufeff №10» — итог:\x07 да"
    st = read_string(raw)
    assert st.text == "34 педагога из 12 школ, «Лицей №10» — итог: да"
    assert (st.format, st.encoding, st.name) == ("txt", None, "-")
    start = st.text.index("педагога")
    a, b = st.to_raw(start, start + len("педагога"))
    assert st.raw[a:b] == "педа\u00adгога"
    start = st.text.index("12")
    assert st.raw[slice(*st.to_raw(start - 1, start + 2))] == "\u202f12"
    assert_map_ok(st)


def test_tabs_spaces_and_blank_lines_are_kept():
    raw = "Школа\tУчастники\n\n\nЛицей   №10\t12  \n"
    assert read_string(raw).text == raw


def test_to_raw_edges():
    st = read_string("а\r\nб")
    assert st.text == "а\nб"
    assert st.to_raw(0, 0) == (0, 0)
    assert st.to_raw(1, 1) == (1, 1)
    assert st.to_raw(2, 2) == (3, 3)
    assert st.to_raw(3, 3) == (4, 4)
    assert st.to_raw(1, 2) == (1, 3)
    with pytest.raises(IndexError):
        st.to_raw(2, 4)
    with pytest.raises(IndexError):
        st.to_raw(2, 1)


# --- HTML -------------------------------------------------------------------------------

def test_html_page_layout():
    st = read_path(DATA / "page.html")
    assert (st.format, st.encoding) == ("html", "utf-8")
    lines = st.text.splitlines()
    assert lines[:3] == [
        "Главная | Новости",
        "Заседание методического объединения",
        "25 апреля на базе МАОУ «Лицей №10» прошло заседание учителей истории.",
    ]
    assert "Приняли участие 34 педагога." in lines
    assert "Школа\tУчастники" in lines and "Лицей №10\t12" in lines and "Гимназия №3\t7" in lines
    assert "доклад «Новые ФГОС»;" in lines and "мастер-класс — 2 часа." in lines
    assert lines[-1] == "© 2024 Управление образования"
    for hidden in ("не текст", "margin", "старая версия", "Новости образования"):
        assert hidden not in st.text
    assert_map_ok(st)


def test_html_fragment_and_entities_map_to_their_spans():
    st = read_path(DATA / "fragment.html")
    assert st.text.splitlines() == [
        "Итоги олимпиады по математике",
        "Победители: Иванов И., Петрова А.",
        "1 место – 10 «А» класс",
        "2 место – 9 «Б» класс",
    ]
    dash = st.text.index("–")
    assert st.raw[slice(*st.to_raw(dash, dash + 1))] == "&ndash;"
    name = st.text.index("Иванов И.")
    assert st.raw[slice(*st.to_raw(name, name + len("Иванов И.")))] == "Иванов&nbsp;И."
    assert_map_ok(st)


def test_html_inserted_breaks_and_tabs_map_to_tags():
    raw = "<table><tr><td>Лицей&nbsp;№10</td><td>12</td></tr><tr><td>Школа №5</td><td>7</td></tr></table>"
    st = read_string(raw, "t.html")
    assert st.text == "Лицей №10\t12\nШкола №5\t7\n"
    tab = st.text.index("\t")
    assert st.raw[slice(*st.to_raw(tab, tab + 1))] == "<td>"
    newline = st.text.index("\n")
    assert st.raw[slice(*st.to_raw(newline, newline + 1))] == "</tr>"
    row = st.text.splitlines()[0]
    assert st.raw[slice(*st.to_raw(0, len(row)))] == "Лицей&nbsp;№10</td><td>12"
    assert_map_ok(st)


def test_html_table_cells_with_blocks_and_empty_cells_stay_one_row():
    raw = "<table><tr><td><p>Иванов</p><p>учитель</p></td><td></td><td>5<br>класс</td></tr></table>"
    assert read_string(raw, fmt="html").text == "Иванов учитель\t\t5 класс\n"


def test_html_unclosed_cells_and_rows():
    raw = "<table><tr><td>Лицей<td>12<tr><td>Школа<td>7</table>После таблицы"
    assert read_string(raw, fmt="html").text == "Лицей\t12\nШкола\t7\nПосле таблицы"


def test_html_br_and_pre():
    raw = "<p>Строка один<br>строка два<br><br>после пустой</p><pre>  а  б\n  в</pre>"
    assert read_string(raw, fmt="html").text == "Строка один\nстрока два\n\nпосле пустой\n  а  б\n  в\n"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<p>Заседание <b>прошло", "Заседание прошло"),
        ("<div>5 < 7 и 8 > 3</div>", "5 < 7 и 8 > 3\n"),
        ("<p>до<!-- незакрытый комментарий <p>после", "до"),
        ('<p>Лицей <a href="x>№10</a> прошло</p>', "Лицей №10 прошло\n"),  # open quote
        ("<p>Текст</p><script>var x = '<p>не текст</p>'", "Текст\n"),
        ("<p>Текст</p></div></span></table></tr></td><p>ещё", "Текст\nещё"),
        ("<td>ячейка без таблицы</td><td>вторая", "ячейка без таблицы\tвторая"),
        ("<html><head><meta charset=utf-8><p>Без закрытой головы", "Без закрытой головы"),
        ("AT&T &copy 2024 &unknown; &#1040;&#x411; &", "AT&T © 2024 &unknown; АБ &"),
        ("<p>a<", "a<"),
        ("<", "<"),
    ],
)
def test_broken_html_does_not_crash(raw, expected):
    st = read_string(raw, fmt="html")
    assert st.text == expected
    assert_map_ok(st)


def test_html_in_cp1251_with_and_without_meta_charset():
    page = (DATA / "page.html").read_text(encoding="utf-8")
    declared = page.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251")
    st = read_bytes(declared, "page.htm")
    assert st.encoding == "cp1251"
    assert "25 апреля на базе МАОУ «Лицей №10» прошло" in st.text
    undeclared = read_bytes(page.replace('<meta charset="utf-8">', "").encode("cp1251"), "page.html")
    assert undeclared.encoding == "cp1251"
    assert undeclared.text == read_string(page.replace('<meta charset="utf-8">', ""), fmt="html").text


def test_html_declared_charset_is_checked_against_the_bytes():
    body = f"<p>{SHORT_NEWS}</p>"
    wrong = read_bytes(f'<meta charset="iso-8859-1">{body}'.encode("cp1251"), "wrong.html")
    assert wrong.encoding == "cp1251" and SHORT_NEWS in wrong.text
    koi = read_bytes(f'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">{body}'
                     .encode("koi8-r", "replace"), "koi.html")
    assert koi.encoding == "koi8-r" and "методического объединения" in koi.text


def test_html_nested_table_flattens_into_its_cell():
    raw = "<table><tr><td>Итоги</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>"
    assert read_string(raw, fmt="html").text == "Итоги\t1 2\n"


def test_format_sniffing_without_extension():
    assert read_bytes(b"<p>one</p><p>two</p><p>three</p>", "noext").format == "html"
    assert read_bytes("Текст про <p> в скобках.".encode(), "noext").format == "txt"
    assert read_bytes(b"<!DOCTYPE html><html><body>x</body></html>", "post.dat").format == "html"
    assert read_bytes(make_docx(para("Текст")), "upload.bin").format == "docx"
    assert read_bytes(make_pdf(["Текст"]), "scan.txt").format == "pdf"
    assert read_string("<html><body>Пост</body></html>").format == "html"
    assert read_string("<b>Пост</b>", "post.html").format == "html"
    assert read_string("<b>Пост</b>").format == "txt"
    assert read_bytes(b"<p>one</p><p>two</p><p>three</p>", "x.html", fmt="txt").format == "txt"


# --- DOCX and PDF -----------------------------------------------------------------------

def test_docx_paragraphs_and_table_in_order():
    body = (
        para("25 апреля на базе МАОУ ", "«Лицей №10»", " прошло заседание.")
        + table(("Школа", "Участники"), ("Лицей №10", "12"))
        + '<w:p><w:r><w:t>Итог:</w:t><w:tab/><w:t>34\u00a0педагога</w:t><w:br/><w:t>конец</w:t></w:r></w:p>'
        + "<w:tbl><w:tr><w:tc>" + para("Иванов") + para("учитель") + "</w:tc>"
        + "<w:tc>" + para("") + "</w:tc></w:tr></w:tbl>"
    )
    st = read_bytes(make_docx(body), "report.docx")
    assert (st.format, st.encoding) == ("docx", None)
    assert st.raw == (
        "25 апреля на базе МАОУ «Лицей №10» прошло заседание.\n"
        "Школа\tУчастники\nЛицей №10\t12\nИтог:\t34\u00a0педагога\nконец\nИванов учитель\t"
    )
    assert st.text == st.raw.replace("\u00a0", " ")
    assert st.to_raw(0, 10) == (0, 10)
    assert_map_ok(st)


def test_docx_from_path(tmp_path):
    path = tmp_path / "отчёт.docx"
    path.write_bytes(make_docx(para(SENTENCE)))
    st = read_path(path)
    assert st.text == SENTENCE and st.name == str(path)


def test_pdf_pages_joined_by_blank_line(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["Заседание МО учителей истории", "Приняли участие 34 педагога"]))
    st = read_path(path)
    assert (st.format, st.encoding) == ("pdf", None)
    assert st.text == "Заседание МО учителей истории\n\nПриняли участие 34 педагога"
    assert st.raw == st.text and st.to_raw(0, 9) == (0, 9)
    assert_map_ok(st)


# --- bad input --------------------------------------------------------------------------

def _bad_zip() -> bytes:
    return make_docx(para("Текст"))[:60]


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b" \r\n\t \xc2\xa0\n",
    "blank.html": b"<html><head><title>t</title></head><body><p> </p></body></html>",
    "nul.txt": b"\x00\x01\x02\x03" * 50 + "Заседание".encode(),
    "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "picture.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
    "garbage.txt": random.Random(7).randbytes(300).translate(bytes(range(128, 256)) * 2),  # high bytes only
    "letters.txt": b"\xd2" * 300,  # "ТТТ..." in cp1251
    "utf16.txt": b"\xff\xfe" + b"\x00\xd8a\x00",  # lone high surrogate
    "broken.docx": b"PK\x03\x04 not really a zip",
    "cut.docx": _bad_zip(),
    "nodoc.docx": make_docx(para("Текст"), with_document=False),
    "badxml.docx": make_docx("<w:p><w:r><w:t>без конца"),
    "empty.docx": make_docx(para("  ")),
    "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage",
    "notpdf.pdf": b"\x00\x00\x00garbage",
    "scan.pdf": make_pdf([""]),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_read_error_naming_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert caught.value.path == str(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message
    with pytest.raises(ReadError) as caught:
        read_bytes(BAD_INPUTS[name], name)
    assert caught.value.path == name


def test_missing_file_and_directory(tmp_path):
    for path in (tmp_path / "нет.txt", tmp_path):
        with pytest.raises(ReadError) as caught:
            read_path(path)
        assert caught.value.path == str(path) and str(path) in str(caught.value)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE * 10, encoding="utf-8")
    with pytest.raises(ReadError, match="too large"):
        read_path(path, max_bytes=100)
    with pytest.raises(ReadError, match="too large"):
        read_bytes(path.read_bytes(), "big.txt", max_bytes=100)
    with pytest.raises(ReadError, match="too large"):
        read_string(SENTENCE * 10, max_bytes=100)
    assert read_path(path).text == SENTENCE * 10


def test_empty_string_and_bad_format_argument():
    with pytest.raises(ReadError):
        read_string("")
    with pytest.raises(ReadError):
        read_string("\u200b \n\u00ad")
    with pytest.raises(ValueError):
        read_bytes(b"x", "x", fmt="rtf")
    with pytest.raises(ValueError):
        read_string("x", fmt="pdf")


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_damaged_files_give_text_or_read_error(fmt):
    """Cut and scrambled copies of good files: nothing but ReadError may come out."""
    good = {
        "txt": (DATA / "news.txt").read_text(encoding="utf-8").encode("cp1251"),
        "html": (DATA / "page.html").read_bytes(),
        "docx": make_docx(para(SENTENCE) + table(("Школа", "12"))),
        "pdf": make_pdf([SENTENCE, "Вторая страница"]),
    }[fmt]
    rng = random.Random(fmt)
    for _ in range(60):
        data = bytearray(good[: rng.randrange(1, len(good) + 1)])
        for _ in range(rng.randrange(0, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        for given in (fmt, None):
            try:
                st = read_bytes(bytes(data), f"damaged.{fmt}", fmt=given)
            except ReadError:
                continue
            assert_map_ok(st)
