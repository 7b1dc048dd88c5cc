"""CSV and TXT uploads -> filter list items: pure functions, run off the event loop by callers.

A TXT file holds one item per line. A CSV file holds items in one column: the column the
caller names (by header or 1-based position), else the one whose header names the list's type
(``domain``, ``ip`` ...) or a generic ``value``/``item``, else the first. Both accept a UTF-8
(or UTF-16 with a byte order mark) file with or without a BOM, CRLF or LF line ends, quoted
values, blank lines and ``#`` comment lines; a repeated item is kept once. Errors name the
line and the value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from adplane.filterlists.items import (
    ALL_HEADERS,
    GENERIC_HEADERS,
    HEADER_WORDS,
    MAX_ITEMS,
    ItemType,
    canonical_items,
)
from adplane.kit.errors import ValidationFailed
from adplane.models.filterlists import MAX_VALUE_LENGTH

FILE = "file"
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class ParsedFile:
    """What a file holds: its items (canonical when a type was given), in file order."""

    file_name: str
    format: str  # "csv" or "txt"
    items: list[str]
    duplicates: int


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValidationFailed.field(
            FILE, f"is not UTF-8 text (an invalid byte at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise ValidationFailed.field(FILE, "is not a text file (it holds NUL characters)")
    return text


def _format(filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return "csv" if extension in {"csv", "tsv"} else "txt"


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _txt_values(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        value = _unquoted(line)
        if value and not value.startswith("#"):
            yield number, value


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _column(header: list[str], list_type: ItemType | None, column: str | None) -> int | None:
    """The index of the items' column, and whether ``header`` is a header row (else None)."""
    names = [cell.strip().lower() for cell in header]
    if column is not None:
        wanted = column.strip().lower()
        if wanted.isdigit() and 0 < int(wanted) <= 10_000:
            return int(wanted) - 1
        if wanted in names:
            return names.index(wanted)
        shown = ", ".join(repr(n) for n in names[:20])
        raise ValidationFailed.field(
            "column", f"{column!r} is neither a column of the header ({shown}) nor a position"
        )
    if not any(name in ALL_HEADERS for name in names):
        return None
    for words in ([HEADER_WORDS[list_type]] if list_type else []) + [GENERIC_HEADERS, ALL_HEADERS]:
        for index, name in enumerate(names):
            if name in words:
                return index
    return 0  # pragma: no cover - some name is in ALL_HEADERS


def _csv_values(
    text: str, list_type: ItemType | None, column: str | None
) -> Iterator[tuple[int, str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    index: int | None = None
    try:
        for row in reader:
            if index is None:
                # The first row that holds anything: a header, or already an item.
                if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                    continue
                names = [cell.strip().lower() for cell in row]
                chosen = _column(row, list_type, column)
                index = chosen if chosen is not None else 0
                named = column is not None and not column.strip().isdigit()
                if named or any(n in ALL_HEADERS for n in names):
                    continue
            value = row[index].strip() if index < len(row) else ""
            if value and not row[0].lstrip().startswith("#"):
                yield reader.line_num, value
    except csv.Error as exc:
        raise ValidationFailed.field(FILE, f"line {reader.line_num}: {exc}") from None


def parse_file(
    data: bytes, filename: str, list_type: ItemType | None = None, column: str | None = None
) -> ParsedFile:
    """The items of a CSV or TXT upload; with ``list_type``, validated and canonical.

    CPU-bound on big files: call it through ``anyio.to_thread.run_sync``.
    """
    text = _text(data)
    kind = _format(filename)
    values = _csv_values(text, list_type, column) if kind == "csv" else _txt_values(text)
    found = 0

    def counted() -> Iterator[tuple[str, str]]:
        nonlocal found
        for number, value in values:
            found += 1
            yield f"line {number}", value

    if list_type is not None:
        items = canonical_items(list_type, counted(), noun="line", field=FILE)
    else:
        seen: dict[str, None] = {}
        for where, value in counted():
            if len(value) > MAX_VALUE_LENGTH:
                raise ValidationFailed.field(
                    FILE, f"{where}: longer than {MAX_VALUE_LENGTH} characters"
                )
            seen[value] = None
        if len(seen) > MAX_ITEMS:
            raise ValidationFailed.field(FILE, f"holds more than {MAX_ITEMS} items")
        items = list(seen)
    return ParsedFile(filename, kind, items, found - len(items))
