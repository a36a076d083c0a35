"""The read step: a TXT, HTML, DOCX or PDF file becomes clean text plus a map back to its source.

Later steps quote evidence by offsets into ``SourceText.text``; ``SourceText.to_raw`` turns
those offsets into offsets into ``SourceText.raw``, so every record can be shown in the
file as it was. Cleaning therefore only replaces or drops single characters (and CRLF)
and never reflows text: tables and paragraphs rely on the spaces and blank lines.
"""
from __future__ import annotations

import codecs
import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import pypdf

MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("txt", "html", "docx", "pdf")
_EXTENSIONS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


class ReadError(Exception):
    """A file that cannot be turned into text; ``str()`` is one line that names the file."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass
class SourceText:
    """Clean text with, for each of its chars, the span of ``raw`` it came from.

    ``raw_starts[i]``/``raw_ends[i]`` bound the source of ``text[i]``: one char for copied
    text, the whole entity for ``&laquo;``, both chars for CRLF, the tag for an inserted
    newline or tab. Both arrays are non-decreasing, so a span needs only its two ends.
    """

    name: str
    format: str
    encoding: str | None
    raw: str
    text: str
    raw_starts: array = field(repr=False)
    raw_ends: array = field(repr=False)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The ``[raw_start, raw_end)`` of ``raw`` that ``text[start:end]`` came from."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        if start < end:
            return self.raw_starts[start], self.raw_ends[end - 1]
        if start < len(self.text):
            return self.raw_starts[start], self.raw_starts[start]
        pos = self.raw_ends[-1] if self.text else 0
        return pos, pos

    def to_text(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """The ``[start, end)`` of ``text`` that came from ``raw[raw_start:raw_end]``: the inverse of ``to_raw``.

        A char belongs to the span when its source overlaps it, so a span cutting an entity
        or a tag takes the whole char; a span of dropped source only (a tag, a soft hyphen)
        is empty, placed where the text continues.
        """
        if not 0 <= raw_start <= raw_end <= len(self.raw):
            raise IndexError(f"span [{raw_start}, {raw_end}) outside raw text of length {len(self.raw)}")
        start = bisect_right(self.raw_ends, raw_start)  # first char whose source ends after raw_start
        if raw_start == raw_end:
            return start, start
        end = bisect_left(self.raw_starts, raw_end)  # chars whose source starts before raw_end
        return start, max(start, end)


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one file; any problem with it becomes a ReadError naming ``path``."""
    name = str(path)
    try:
        if not Path(path).is_file():
            raise ReadError(name, "file not found" if not Path(path).exists() else "not a regular file")
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise ReadError(name, f"file too large ({size} bytes, limit {max_bytes})")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(name, f"cannot read file ({exc.strerror or exc})") from None
    return read_bytes(data, name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read file content; ``name`` gives the extension for format detection and error messages."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}, expected one of {FORMATS}")
    if len(data) > max_bytes:
        raise ReadError(name, f"file too large ({len(data)} bytes, limit {max_bytes})")
    if not data:
        raise ReadError(name, "empty file (0 bytes)")
    fmt = fmt or _detect(data, name)
    if fmt == "docx":
        return _build(name, fmt, None, _docx_text(data, name, max_bytes))
    if fmt == "pdf":
        return _build(name, fmt, None, _pdf_text(data, name))
    if fmt == "html":
        raw, encoding = _decode(data, name, _meta_charset(data))
        return _build_html(name, encoding, raw)
    raw, encoding = _decode(data, name)
    return _build(name, "txt", encoding, raw)


def read_string(text: str, name: str = "-", fmt: str | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read text that is already a str (pasted, stdin); HTML is recognised by name or by its tags.

    ``max_bytes`` limits the length in characters here.
    """
    if fmt not in (None, "txt", "html"):
        raise ValueError(f"a str can be read as 'txt' or 'html', not {fmt!r}")
    if len(text) > max_bytes:
        raise ReadError(name, f"text too large ({len(text)} chars, limit {max_bytes})")
    if not text:
        raise ReadError(name, "empty text")
    ext = _EXTENSIONS.get(PurePath(name).suffix.lower())
    fmt = fmt or (ext if ext in ("txt", "html") else None) or ("html" if _looks_like_html(text) else "txt")
    if fmt == "html":
        return _build_html(name, None, text)
    return _build(name, "txt", None, text)


# --- format detection -------------------------------------------------------------------

_HTML_DOC_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|table|tr|td|th|br|li|ul|ol|span|a|b|i|u|em|strong|font|h[1-6])\b[^<>]*>", re.I
)


_PDF_HEADER_RE = re.compile(rb"\s*%PDF-")


def _detect(data: bytes, name: str) -> str:
    """A PDF or DOCX signature wins (archives hold misnamed files); then the extension, except that
    a .txt full of markup (a page saved as text) is read as HTML; then sniffing."""
    signed = _signature_format(data)
    if signed:
        return signed
    ext = _EXTENSIONS.get(PurePath(name).suffix.lower())
    sample = data[:65536].decode("latin-1")
    if ext is None and _looks_like_html(sample) or ext == "txt" and _mostly_markup(sample):
        return "html"
    return ext or "txt"


def _signature_format(data: bytes) -> str | None:
    if _PDF_HEADER_RE.match(data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            return None
    return None


def _mostly_markup(text: str) -> bool:
    """A text file that is really a saved page: a whole document, or a tag on most lines.
    A plain report with a few tags pasted into table cells stays text (its tabs are its tables)."""
    if _HTML_DOC_RE.search(text):
        return True
    lines = sum(1 for line in text.splitlines() if line.strip())
    return lines > 0 and len(_HTML_TAG_RE.findall(text)) >= max(3, lines // 2)


def _looks_like_html(text: str) -> bool:
    """A whole page, or a fragment with at least three common tags."""
    sample = text[:65536]
    if _HTML_DOC_RE.search(sample):
        return True
    return sum(1 for _ in zip(range(3), _HTML_TAG_RE.finditer(sample))) == 3


# --- decoding ---------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office file (.doc/.xls); save it as DOCX"),
    (b"{\\rtf", "an RTF document; save it as DOCX or TXT"),
    (b"%PDF-", "a PDF"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """BOM, then strict UTF-8, then the likeliest Russian 8-bit code page (a declared one first)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError:
                reason = f"undecodable text: not valid {codec} despite its byte-order mark"
                raise ReadError(name, reason) from None
    data = data.rstrip(b"\x00")  # old archives pad files with NULs
    _reject_binary(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":  # a cut-off file
            return data.decode("utf-8", "replace"), "utf-8"
    return _guess_code_page(data, name, declared)


def _reject_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(name, f"binary file, not text: {what}")
    bad = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if bad > 2 and bad * 100 > len(data):
        raise ReadError(name, f"binary file, not text ({bad} control bytes in {len(data)})")


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, if Python knows it and it keeps ASCII markup as is."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
        return codec if b"<p>".decode(codec) == "<p>" else None
    except (LookupError, UnicodeError):
        return None


# The commonest Russian letter pairs; a wrong code page turns most of them into rare ones.
_COMMON_BIGRAMS = frozenset(
    "ст но то на ен ов ни ра во ко ал ро ре пр по ос ли ор ет ер ан ол ка ел от ла ле де ва не "
    "ат та ть ри ом ем ин ит ый ой ая ие го од ия ск ые ев ес ам ед ма ки ми да за ти ло ны "
    "ве ог ав ил ся ек ци об че вы им те ду из ль ак тв ых ую ру уч ое ег сп св ик он ьн".split()
)
_CYRILLIC_WORD_RE = re.compile(r"[А-Яа-яЁё]+")
_ODD_CHAR_RE = re.compile(r"[^\x00-\x7fА-Яа-яЁё«»—–…№“”„‘’•·°\xa0\xad]")
_SCORED_BYTES = 100_000  # a long file's start decides its code page
_CANDIDATES = ("utf-8", "cp1251", "koi8-r", "cp866")  # on a tie the first wins


def _guess_code_page(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """The decoding that reads most like Russian; UTF-8 with a few bad bytes is a candidate too.

    A page's declared charset is tried first and wins ties, but a wrong declaration
    (latin-1 on a cp1251 page) loses. Bytes a code page lacks become U+FFFD (and count
    against it) rather than failing it, so one damaged byte does not rule out the right answer.
    """
    candidates = ((declared,) if declared else ()) + _CANDIDATES
    sample = data[:_SCORED_BYTES]
    samples = [sample.decode(codec, "replace") for codec in candidates]
    scores = [_russian_score(text) for text in samples]
    best = scores.index(max(scores))
    if not _plausible(samples[best], scores[best]):
        raise ReadError(name, "undecodable text: neither UTF-8 nor cp1251, koi8-r or cp866")
    return data.decode(candidates[best], "replace"), candidates[best]


def _plausible(text: str, score: int) -> bool:
    """Real Russian has about one common pair per three letters; garbage has almost none.

    A text with hardly any letters passes unless it holds more than two stray symbols.
    """
    letters = sum(map(len, _CYRILLIC_WORD_RE.findall(text)))
    return score >= -4 if letters < 20 else score * 10 >= letters


def _russian_score(text: str) -> int:
    """Common letter pairs count for, words in broken case and stray symbols count against."""
    score = -2 * len(_ODD_CHAR_RE.findall(text))
    for word in _CYRILLIC_WORD_RE.findall(text):
        lower = word.lower()
        score += sum(lower[i:i + 2] in _COMMON_BIGRAMS for i in range(len(lower) - 1))
        if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
            score -= 2
    return score


# --- offset-keeping text ----------------------------------------------------------------

class _Mapped:
    """Text being built, each char tied to the raw span ``[start, end)`` it came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("I")
        self.ends = array("I")
        self.last = ""

    def copy(self, text: str, a: int, b: int, src: _Mapped | None = None) -> None:
        """Append ``text[a:b]`` unchanged; ``src`` maps ``text`` into raw (None: text is raw)."""
        if a >= b:
            return
        self.parts.append(text[a:b])
        if src is None:
            self.starts.extend(range(a, b))
            self.ends.extend(range(a + 1, b + 1))
        else:
            self.starts.extend(src.starts[a:b])
            self.ends.extend(src.ends[a:b])
        self.last = text[b - 1]

    def put(self, s: str, start: int, end: int) -> None:
        """Append ``s``, every char of it mapped to the same raw span."""
        if not s:
            return
        self.parts.append(s)
        self.starts.extend([start] * len(s))
        self.ends.extend([end] * len(s))
        self.last = s[-1]

    def text(self) -> str:
        return "".join(self.parts)


_CLEAN_RE = re.compile(
    r"(\r\n?|[\x0b\x0c\x85\u2028\u2029])"  # line ends and separators -> "\n"
    r"|([\xa0\u1680\u2000-\u200a\u202f\u205f\u3000])"  # non-breaking and other odd spaces -> " "
    # dropped: control chars, soft hyphen, zero-width and direction marks, BOM, lone surrogates
    r"|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    r"\ufeff\ud800-\udfff]"
)


def _clean(text: str, src: _Mapped | None = None) -> _Mapped:
    """Normalise line ends and spaces, drop invisible chars; everything else stays as it is."""
    out = _Mapped()
    pos = 0
    for match in _CLEAN_RE.finditer(text):
        a, b = match.span()
        out.copy(text, pos, a, src)
        span = (a, b) if src is None else (src.starts[a], src.ends[b - 1])
        if match.group(1):
            out.put("\n", *span)
        elif match.group(2):
            out.put(" ", *span)
        pos = b
    out.copy(text, pos, len(text), src)
    return out


def _build(name: str, fmt: str, encoding: str | None, raw: str, src: _Mapped | None = None) -> SourceText:
    """Clean ``raw`` (or ``src``, text already extracted from it) and refuse a text with nothing in it."""
    out = _clean(raw if src is None else src.text(), src)
    text = out.text()
    if fmt == "txt":  # stray tags left in a text file are blanked, offsets unchanged
        text = _HTML_TAG_RE.sub(lambda m: " " * len(m.group()), text)
    if not text.strip():
        hint = " (a scanned PDF without a text layer?)" if fmt == "pdf" else ""
        raise ReadError(name, f"no text: empty or only whitespace{hint}")
    return SourceText(name, fmt, encoding, raw, text, out.starts, out.ends)


# --- HTML -------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav "
    "ol p section summary tbody tfoot thead ul".split()
)
_SKIP_TO = {
    tag: re.compile(rf"</{tag}(?:[\s/>]|\Z)", re.I) for tag in ("script", "style", "noscript", "template", "title")
}
_SKIP_TO["head"] = re.compile(r"</head(?:[\s/>]|\Z)|<body(?:[\s/>]|\Z)", re.I)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_LOOSE_TAG_RE = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>")  # an attribute quote left open
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_HTML_SPACE = " \t\n\r\f"
# whitespace runs, and words joined by single spaces (which stay as they are, so go in one piece)
_TOKEN_RE = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+(?: [^ \t\n\r\f]+)*")


def _build_html(name: str, encoding: str | None, raw: str) -> SourceText:
    return _build(name, "html", encoding, raw, _HtmlText(raw).out)


class _HtmlText:
    """The visible text of an HTML page or fragment, laid out as lines, mapped to the markup.

    A tokenizer of our own rather than a DOM parser: it knows where every char and tag
    sits in ``raw``. Whitespace collapses as in a browser (not in ``<pre>``); a space is
    held back until a word follows, so no line starts or ends with one. Inside a table
    cell, breaks become spaces so that each row stays one tab-separated line.
    """

    def __init__(self, raw: str):
        self.raw = raw
        self.out = _Mapped()
        self.space: tuple[int, int] | None = None  # a collapsed space waiting for the next word
        self.pre = 0
        self.rows: list[int | None] = []  # per open table: cells seen in the current row, None between rows
        self._parse()

    def _parse(self) -> None:
        raw, i = self.raw, 0
        while i < len(raw):
            j = raw.find("<", i)
            j = len(raw) if j < 0 else j
            self._text(i, j)
            i = self._markup(j) if j < len(raw) else j

    def _markup(self, j: int) -> int:
        """Handle the markup starting at ``raw[j] == "<"``; return where text resumes."""
        raw = self.raw
        if raw.startswith("<!--", j):
            end = raw.find("-->", j + 4)
            return len(raw) if end < 0 else end + 3
        if raw.startswith(("<!", "<?"), j):
            end = raw.find(">", j)
            return len(raw) if end < 0 else end + 1
        match = _TAG_RE.match(raw, j) or _LOOSE_TAG_RE.match(raw, j)
        if not match:  # a stray "<" is text
            self._word("<", j)
            return j + 1
        name, closing = match.group(2).lower(), match.group(1) == "/"
        self._tag(name, closing, j, match.end())
        if not closing and name in _SKIP_TO:
            return self._skip(name, match.end())
        return match.end()

    def _skip(self, name: str, i: int) -> int:
        """Jump over the content of script, style, head...; an unclosed head is not skipped."""
        match = _SKIP_TO[name].search(self.raw, i)
        if match:
            return match.start()
        return i if name == "head" else len(self.raw)

    def _tag(self, name: str, closing: bool, a: int, b: int) -> None:
        if name in ("td", "th"):
            if not closing:
                self._cell(a, b)
        elif name == "tr":
            self._row(a, b, opening=not closing)
        elif name == "table":
            self._table(a, b, opening=not closing)
        elif name == "br":
            self._line_break(a, b)
        elif name == "pre":
            self._break(a, b)
            self.pre = max(0, self.pre + (-1 if closing else 1))
        elif name in _BLOCK_TAGS:
            self._break(a, b)

    def _in_cell(self, outer_only: bool = False) -> bool:
        rows = self.rows[:-1] if outer_only else self.rows
        return any(rows)

    def _table(self, a: int, b: int, opening: bool) -> None:
        if opening:
            self._break(a, b)
            self.rows.append(None)
        else:
            if self.rows:
                self.rows.pop()
            self._break(a, b)

    def _row(self, a: int, b: int, opening: bool) -> None:
        if not self.rows:
            self.rows.append(None)
        if self._in_cell(outer_only=True):  # a table nested in a cell flattens into it
            self._space(a, b)
            return
        self.rows[-1] = None
        self._break(a, b)
        if opening:
            self.rows[-1] = 0

    def _cell(self, a: int, b: int) -> None:
        if not self.rows:
            self.rows.append(None)
        if self._in_cell(outer_only=True):
            self._space(a, b)
            return
        if self.rows[-1] is None:  # a cell with no <tr> starts a row
            self._break(a, b)
            self.rows[-1] = 0
        if self.rows[-1]:
            self.space = None
            self.out.put("\t", a, b)
        self.rows[-1] += 1

    def _break(self, a: int, b: int) -> None:
        """A block boundary: start a new line unless one was just started."""
        if self._in_cell():
            self._space(a, b)
            return
        self.space = None
        if self.out.last not in ("", "\n"):
            self.out.put("\n", a, b)

    def _line_break(self, a: int, b: int) -> None:
        """``<br>``: always a new line, so ``<br><br>`` leaves a blank one."""
        if self._in_cell():
            self._space(a, b)
            return
        self.space = None
        if self.out.last:
            self.out.put("\n", a, b)

    def _space(self, a: int, b: int) -> None:
        if self.space is None:
            self.space = (a, b)

    def _word(self, s: str, a: int, b: int | None = None) -> None:
        """Emit ``s`` from ``raw[a:]`` (``b`` given: all of ``s`` comes from ``raw[a:b]``)."""
        if self.space and self.out.last not in ("", "\n", "\t"):
            self.out.put(" ", *self.space)
        self.space = None
        if b is None:
            self.out.copy(self.raw, a, a + len(s))
        else:
            self.out.put(s, a, b)

    def _text(self, a: int, b: int) -> None:
        """Text between tags: plain runs and the entities inside it."""
        pos = a
        for match in _ENTITY_RE.finditer(self.raw, a, b):
            self._plain(pos, match.start())
            decoded = html.unescape(match.group())
            if decoded == match.group():  # not an entity after all
                self._plain(*match.span())
            elif self.pre or decoded.strip(_HTML_SPACE):
                self._word(decoded, *match.span())
            else:
                self._space(*match.span())
            pos = match.end()
        self._plain(pos, b)

    def _plain(self, a: int, b: int) -> None:
        if a >= b:
            return
        if self.pre:
            self._word(self.raw[a:b], a)
            return
        for match in _TOKEN_RE.finditer(self.raw, a, b):
            if match.group()[0] in _HTML_SPACE:
                self._space(*match.span())
            else:
                self._word(match.group(), match.start())


# --- DOCX -------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_UNPACKED_FACTOR = 10  # document.xml may be this many times larger than the file limit


def _docx_text(data: bytes, name: str, max_bytes: int) -> str:
    """Paragraphs as lines and table rows as tab-joined cells, in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > _UNPACKED_FACTOR * max_bytes:
                raise ReadError(name, f"DOCX too large unpacked ({info.file_size} bytes)")
            root = ET.fromstring(zf.read(info))
    except KeyError:
        raise ReadError(name, "corrupt DOCX: word/document.xml is missing") from None
    except (zipfile.BadZipFile, ET.ParseError, OSError, EOFError, RuntimeError, NotImplementedError,
            ValueError, zlib.error) as exc:
        raise ReadError(name, f"corrupt DOCX ({_one_line(exc)})") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise ReadError(name, "corrupt DOCX: document.xml has no body")
    return "\n".join(_docx_lines(body))


def _docx_lines(container: ET.Element):
    for child in container:
        if child.tag == f"{_W}p":
            yield _docx_paragraph(child)
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                yield "\t".join(_docx_cell(cell) for cell in row.findall(f"{_W}tc"))
        elif child.tag == f"{_W}sdt":  # content control: its content is ordinary body
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_lines(content)


def _docx_cell(cell: ET.Element) -> str:
    """A cell's paragraphs (and nested tables) on one line, so the row stays one line."""
    lines = (line for line in _docx_lines(cell) if line.strip())
    return " ".join(lines).replace("\t", " ").replace("\n", " ")


def _docx_paragraph(paragraph: ET.Element) -> str:
    parts: list[str] = []
    _docx_runs(paragraph, parts)
    return "".join(parts)


def _docx_runs(node: ET.Element, parts: list[str]) -> None:
    for child in node:
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag == f"{_W}tab":
            parts.append("\t")
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif child.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif child.tag != _MC_FALLBACK:  # Fallback repeats the Choice next to it
            _docx_runs(child, parts)


# --- PDF --------------------------------------------------------------------------------

def _pdf_text(data: bytes, name: str) -> str:
    """The text layer of every page, pages joined by a blank line."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(name, "PDF is password-protected")
        return "\n\n".join((page.extract_text() or "").strip("\n") for page in reader.pages)
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many exception types on broken files
        raise ReadError(name, f"corrupt PDF ({_one_line(exc)})") from None


def _one_line(exc: Exception) -> str:
    """An exception as a short single line, for ReadError messages."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 160 else text[:157] + "..."
