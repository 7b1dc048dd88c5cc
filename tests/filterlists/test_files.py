"""CSV and TXT uploads -> items: encodings, line ends, quotes, headers, columns, errors."""

from __future__ import annotations

import pytest

from adplane.filterlists.files import parse_file
from adplane.filterlists.items import ItemType
from adplane.kit.errors import ValidationFailed

DOMAINS = ItemType.DOMAINS


def items(data: bytes, name: str, item_type: ItemType | None = DOMAINS, **kw: str) -> list[str]:
    return parse_file(data, name, item_type, **kw).items


def test_txt_with_bom_crlf_blank_lines_comments_and_quotes() -> None:
    data = b"\xef\xbb\xbfa.example\r\n\r\n# a comment\r\n  \"B.example\"  \r\n'c.example'\r\n\r\n"
    assert items(data, "list.txt") == ["a.example", "b.example", "c.example"]


def test_txt_with_lf_and_no_final_newline() -> None:
    assert items(b"a.example\nb.example", "list.txt") == ["a.example", "b.example"]


def test_utf16_with_a_byte_order_mark() -> None:
    data = "bücher.example\r\nz.example\r\n".encode("utf-16")
    assert items(data, "list.txt") == ["xn--bcher-kva.example", "z.example"]


def test_duplicates_are_kept_once_and_counted() -> None:
    parsed = parse_file(b"a.example\nA.example\na.example.\nb.example\n", "l.txt", DOMAINS)
    assert parsed.items == ["a.example", "b.example"]
    assert parsed.duplicates == 2
    assert parsed.format == "txt"


def test_a_one_column_csv_without_header() -> None:
    assert items(b"a.example\r\nb.example\r\n", "l.csv") == ["a.example", "b.example"]


def test_a_csv_header_names_the_column_of_the_type() -> None:
    data = b'id,Domain,impressions\r\n1,"a.example",10\r\n2,b.example,"1,000"\r\n'
    parsed = parse_file(data, "report.CSV", DOMAINS)
    assert parsed.items == ["a.example", "b.example"]
    assert parsed.format == "csv"


def test_a_csv_with_semicolons_and_a_generic_header() -> None:
    data = b"value;note\n10.0.0.0/8;office\n192.0.2.1;home\n"
    assert items(data, "ips.csv", ItemType.IPS) == ["10.0.0.0/8", "192.0.2.1"]


def test_a_csv_column_named_by_header_or_position() -> None:
    data = b"site,backup\na.example,b.example\nc.example,d.example\n"
    assert items(data, "l.csv", column="backup") == ["b.example", "d.example"]
    headerless = b"x,a.example\ny,b.example\n"
    assert items(headerless, "l.csv", column="2") == ["a.example", "b.example"]


def test_an_unknown_column_is_refused_naming_the_header() -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_file(b"site,backup\na.example,b.example\n", "l.csv", DOMAINS, column="nope")
    assert caught.value.errors[0].field == "column"
    assert "'site', 'backup'" in caught.value.errors[0].message


def test_a_quoted_value_with_an_embedded_newline_reports_the_right_line() -> None:
    data = b'domain\na.example\n"bad\nvalue"\nc.example\nbad one\n'
    with pytest.raises(ValidationFailed) as caught:
        parse_file(data, "l.csv", DOMAINS)
    messages = [e.message for e in caught.value.errors]
    assert messages[0].startswith("line 4: 'bad\\nvalue'")
    assert messages[1].startswith("line 6: 'bad one'")
    assert {e.field for e in caught.value.errors} == {"file"}


def test_a_bad_line_is_named_with_its_value() -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_file(b"a.example\n\nhttp://b.example/x\n", "l.txt", DOMAINS)
    assert caught.value.detail.startswith("1 invalid line: line 3: 'http://b.example/x'")


def test_without_a_type_items_are_the_raw_values() -> None:
    parsed = parse_file(b"Test.com\r\nTest.com\r\nanything at all\r\n", "f.csv", None)
    assert parsed.items == ["Test.com", "anything at all"]
    assert parsed.duplicates == 1


def test_a_binary_or_non_utf8_file_is_refused() -> None:
    with pytest.raises(ValidationFailed, match="not UTF-8"):
        parse_file(b"a.example\n\xff\xfe\xfa\n", "l.txt", DOMAINS)
    with pytest.raises(ValidationFailed, match="not a text file"):
        parse_file(b"PK\x03\x04\x00\x00", "l.txt", DOMAINS)


def test_an_empty_file_has_no_items() -> None:
    assert items(b"", "l.csv") == []
    assert items(b"\r\n\r\n", "l.txt") == []
