"""The review page's highlighting: spans cut into segments, marks nested properly."""
from html.parser import HTMLParser

from report_miner.web.segments import Highlight, Segment, render, segment


def test_segments_cover_the_text_once_and_carry_every_covering_key():
    segs = segment(20, [(2, 8, "a"), (5, 12, "b"), (5, 7, "c"), (15, 18, "d")])
    assert segs == [
        Segment(0, 2, ()), Segment(2, 5, ("a",)), Segment(5, 7, ("a", "b", "c")), Segment(7, 8, ("a", "b")),
        Segment(8, 12, ("b",)), Segment(12, 15, ()), Segment(15, 18, ("d",)), Segment(18, 20, ()),
    ]
    assert [s.start for s in segs[1:]] == [s.end for s in segs[:-1]]


def test_segment_order_outer_first_and_edge_cases():
    # same start: the longer span is outer; same span twice: input order
    assert segment(6, [(1, 3, "short"), (1, 5, "long")])[1].keys == ("long", "short")
    assert segment(4, [(0, 4, "x"), (0, 4, "y")]) == [Segment(0, 4, ("x", "y"))]
    # clamped to the text, empty and inverted spans dropped
    assert segment(5, [(-3, 2, "a"), (4, 99, "b"), (3, 3, "e"), (4, 2, "i")]) == [
        Segment(0, 2, ("a",)), Segment(2, 4, ()), Segment(4, 5, ("b",))]
    assert segment(0, [(0, 1, "a")]) == []
    assert segment(3, []) == [Segment(0, 3, ())]


class Tree(HTMLParser):
    """Checks that the tags nest and records each mark's text and the data-o of each span."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.spans, self.text = [], {}, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs))
        if tag == "mark":
            self.marks.setdefault(attrs["data-value-id"], []).append("")
        if tag == "span":
            self.spans.append((int(attrs["data-o"]), ""))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for tag, attrs in self.stack:
            if tag == "mark":
                self.marks[attrs["data-value-id"]][-1] += data
        start, prev = self.spans[-1]
        self.spans[-1] = (start, prev + data)


def parse(html):
    tree = Tree()
    tree.feed(str(html))
    tree.close()
    assert not tree.stack
    return tree


def test_render_nests_marks_keeps_nested_values_whole_and_splits_only_crossing_ones():
    text = "Семинар в МАОУ «Лицей № 5» г. Томска собрал 40 педагогов."
    org = (text.index("МАОУ"), text.index(" собрал"))
    lyceum = (text.index("Лицей"), text.index("»") + 1)
    city = (text.index("Томска"), text.index("Томска") + 6)
    crossing = (text.index("Томска"), text.index("40") + 2)  # starts inside org, ends after it
    html = render(text, [(*org, Highlight("o1", "organisation")), (*lyceum, Highlight("e1-title", "title")),
                         (*city, Highlight("e1-location", "location")), (*crossing, Highlight("c1", "count"))])
    tree = parse(html)
    assert "".join(tree.text) == text
    assert tree.marks["o1"] == [text[slice(*org)]]  # one mark: its nested values do not split it
    assert tree.marks["e1-title"] == ["«Лицей № 5»"[1:]]
    assert tree.marks["c1"] == ["Томска", " собрал 40"]  # crosses the end of o1: split there
    for start, chunk in tree.spans:
        assert text[start:start + len(chunk)] == chunk
    assert 'class="hl hl-organisation" data-field="organisation" data-value-id="o1"' in html


def test_render_escapes_the_text():
    text = 'Пост <script>alert(1)</script> & "кавычки"'
    html = render(text, [(5, 13, Highlight("x", "type"))])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "".join(parse(html).text) == text
