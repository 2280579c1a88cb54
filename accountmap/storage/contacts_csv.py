"""Reading a CRM's contact export into a table of text cells: CSV (any delimiter, UTF-8
with or without BOM, Windows-1251, UTF-16 from Excel, CRLF) or XLSX. No Qt.

What the cells mean is decided in `accountmap.domain.contact_columns`; this module only
turns bytes into `ContactTable(headers, rows)` or refuses with one clear sentence
(`WorkspaceError`, keys `contacts.*`), before anything is written anywhere.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from accountmap.storage.errors import WorkspaceError
from accountmap.storage.output_guard import guard_input, read_limited

MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 500
DELIMITERS = (",", ";", "\t", "|")



@dataclass
class ContactTable:
    """The cells of an export: a header row and data rows, each as long as the header
    (ragged rows are padded; cells beyond the header are kept in `extra`)."""

    headers: list[str]
    rows: list[list[str]]
    encoding: str = "utf-8"
    delimiter: str = ","
    kind: str = "csv"  # or "xlsx"
    extra: dict[int, list[str]] = field(default_factory=dict)  # row index -> cells past the header
    numbers: list[int] = field(default_factory=list)  # each row's number in the file (header = 1)


def read_contact_file(path: Path, encoding: str | None = None) -> ContactTable:
    path = Path(path)
    if not path.exists():
        raise WorkspaceError("contacts.missing", path=path)
    guard_input(path)  # a FIFO hung the window, /dev/zero filled the memory (issue 13)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise WorkspaceError("contacts.too_large", path=path, size=size // (1024 * 1024),
                                 limit=MAX_BYTES // (1024 * 1024))
    except OSError as exc:
        raise WorkspaceError("contacts.unreadable", path=path, detail=exc.strerror or exc) from exc
    data = read_limited(path, MAX_BYTES)  # the bytes read count, not the size it reports
    if len(data) > MAX_BYTES:
        raise WorkspaceError("contacts.too_large", path=path, size=len(data) // (1024 * 1024),
                             limit=MAX_BYTES // (1024 * 1024))
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, path)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Excel 97-2003
        raise WorkspaceError("contacts.old_excel", path=path)
    return parse_csv_bytes(data, path, encoding)


# ---------------------------------------------------------------------------- text
def decode(data: bytes, path: Path | str = "", encoding: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding it was in."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise WorkspaceError("contacts.encoding", path=path) from exc
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    sample = data[:4096]
    if len(sample) >= 4:  # UTF-16 without a BOM: ASCII (delimiters, line ends) has a 0 byte
        even, odd = sample[0::2].count(0), sample[1::2].count(0)  # on one side only
        least = max(2, len(sample) // 200)
        if odd >= least and even == 0:
            return _strict(data, "utf-16-le", path), "utf-16-le"
        if even >= least and odd == 0:
            return _strict(data, "utf-16-be", path), "utf-16-be"
    if b"\x00" in sample:
        raise WorkspaceError("contacts.binary", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise WorkspaceError("contacts.encoding", path=path) from exc
    return _plausible(text, path), "cp1251"


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise WorkspaceError("contacts.encoding", path=path) from exc
    return _plausible(text.lstrip("\ufeff"), path)


def _plausible(text: str, path) -> str:
    """Refuse text full of control characters: a binary file that happened to decode."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > max(2, len(sample) // 100):
        raise WorkspaceError("contacts.binary", path=path)
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most columns, consistently."""
    lines = text.splitlines()[:30]
    sample = "\n".join(lines)
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        same = sum(1 for w in widths if w == widths[0]) / len(widths)
        score = widths[0] * same
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_csv_bytes(data: bytes, path: Path | str = "", encoding: str | None = None) -> ContactTable:
    if not data.strip():
        raise WorkspaceError("contacts.empty", path=path)
    text, used = decode(data, path, encoding)
    return parse_csv_text(text, path, used)


def parse_csv_text(text: str, path: Path | str = "", encoding: str = "utf-8") -> ContactTable:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise WorkspaceError("contacts.empty", path=path)
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's hint line: "sep=;"
    else:
        delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = []
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise WorkspaceError("contacts.too_many_rows", path=path, limit=MAX_ROWS)
    except csv.Error as exc:
        raise WorkspaceError("contacts.bad_csv", path=path,
                             detail_key="contacts.detail.line", line=reader.line_num,
                             reason=exc) from exc
    table = _table(rows, path)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _table(rows: list[list], path, kind: str = "csv") -> ContactTable:
    skipped = 0
    while skipped < len(rows) and not any(str(c or "").strip() for c in rows[skipped]):
        skipped += 1
    rows = rows[skipped:]
    if not rows:
        raise WorkspaceError("contacts.empty", path=path)
    headers = [str(h).strip() for h in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers or sum(1 for h in headers if h) < 1:
        raise WorkspaceError("contacts.no_header", path=path)
    headers = headers[:MAX_COLUMNS]
    width = len(headers)
    body: list[list[str]] = []
    extra: dict[int, list[str]] = {}
    numbers: list[int] = []
    for number, raw in enumerate(rows[1:], start=skipped + 2):
        cells = ["" if c is None else str(c) for c in raw]
        if not any(c.strip() for c in cells):
            continue  # blank lines (and Excel's trailing ;;;;) are not contacts
        if len(cells) > width:
            rest = cells[width:]
            if any(c.strip() for c in rest):
                extra[len(body)] = rest
            cells = cells[:width]
        elif len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        body.append(cells)
        numbers.append(number)
    if not body:
        raise WorkspaceError("contacts.header_only", path=path)
    return ContactTable(headers, body, kind=kind, extra=extra, numbers=numbers)


# ---------------------------------------------------------------------------- xlsx
def read_xlsx(data: bytes, path: Path | str = "") -> ContactTable:
    """The first sheet of an .xlsx workbook (values, not formulas)."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a dependency
        raise WorkspaceError("contacts.bad_xlsx", path=path, detail=exc) from exc
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkspaceError("contacts.bad_xlsx", path=path, detail=exc) from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise WorkspaceError("contacts.empty", path=path)
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in values])
            if len(rows) > MAX_ROWS + 1:
                raise WorkspaceError("contacts.too_many_rows", path=path, limit=MAX_ROWS)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise WorkspaceError("contacts.bad_xlsx", path=path, detail=exc) from exc
    finally:
        book.close()
    table = _table(rows, path, "xlsx")
    table.encoding, table.delimiter = "xlsx", ""
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
