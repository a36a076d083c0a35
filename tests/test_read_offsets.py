"""SourceText.to_text: raw offsets back to clean-text offsets (the inverse of to_raw)."""
import pytest

from report_miner.read import read_string

HTML = ("<html><body><h1>Семинар &laquo;Физика&raquo;</h1>\r\n<p>14&nbsp;октября в <b>МАОУ</b> "
        "«Лицей&nbsp;№&nbsp;5» прошёл семинар.</p><p>Приняли участие 40&#160;педагогов.</p></body></html>")


def words(text):
    import re
    return [m.span() for m in re.finditer(r"\S+", text)]


@pytest.mark.parametrize("raw,fmt", [
    ("Семинар в лицее\r\nприняли участие 40 педагогов.", "txt"),
    ("a\u00adb\u200bc  d\r\ne", "txt"),
    (HTML, "html"),
])
def test_to_text_inverts_to_raw_on_every_word_and_span(raw, fmt):
    st = read_string(raw, fmt=fmt)
    spans = words(st.text) + [(0, len(st.text))]
    for a, b in spans:
        assert st.to_text(*st.to_raw(a, b)) == (a, b), st.text[a:b]


def test_to_text_on_html_maps_tags_and_entities():
    st = read_string(HTML, fmt="html")
    raw_start = HTML.index("Физика")
    start, end = st.to_text(raw_start - len("&laquo;"), raw_start + len("Физика&raquo;"))
    assert st.text[start:end] == "«Физика»"
    start, end = st.to_text(HTML.index("<b>"), HTML.index("</b>") + 4)  # tags around a word
    assert st.text[start:end].strip() == "МАОУ"
    start, end = st.to_text(HTML.index("&laquo;") + 2, HTML.index("&laquo;") + 3)  # inside an entity
    assert st.text[start:end] == "«"


def test_to_text_edges():
    st = read_string("ab\u00adcd")  # the soft hyphen is dropped
    assert st.text == "abcd"
    assert st.to_text(0, 0) == (0, 0)
    assert st.to_text(2, 3) == (2, 2)  # only the dropped char: empty, where the text goes on
    assert st.to_text(0, 5) == (0, 4)
    assert st.to_text(5, 5) == (4, 4)
    with pytest.raises(IndexError):
        st.to_text(0, 6)
    with pytest.raises(IndexError):
        st.to_text(3, 2)
