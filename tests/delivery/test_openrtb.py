"""OpenRTB 2.6 structs: the samples decode, anything malformed is one MalformedRequest."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from adplane.delivery.openrtb import (
    Bid,
    BidResponse,
    MalformedMarkup,
    MalformedRequest,
    NativeAsset,
    NativeData,
    NativeImage,
    NativeLink,
    NativeResponse,
    NativeTitle,
    SeatBid,
    decode_native_request,
    decode_request,
    decode_response,
    encode_native_markup,
    encode_response,
    micros_to_price,
    price_to_micros,
)

SAMPLES = Path(__file__).parent / "samples"
REQUESTS = sorted(SAMPLES.glob("request-*.json"))
RESPONSES = sorted(SAMPLES.glob("response-*.json"))

_GOOD = {"id": "a1", "imp": [{"id": "1", "banner": {"w": 300, "h": 250}}]}


def _with(**changes: object) -> bytes:
    return json.dumps({**_GOOD, **changes}).encode()


def _imp_with(**changes: object) -> bytes:
    return json.dumps({**_GOOD, "imp": [{**_GOOD["imp"][0], **changes}]}).encode()  # type: ignore[dict-item]


MALFORMED: dict[str, bytes] = {
    "empty body": b"",
    "not json": b"hello",
    "truncated": b'{"id": "a1", "imp": [',
    "array top level": b'[{"id": "a1"}]',
    "string top level": b'"a1"',
    "null top level": b"null",
    "id missing": json.dumps({"imp": _GOOD["imp"]}).encode(),
    "id a number": _with(id=123),
    "id empty": _with(id=""),
    "id huge": _with(id="x" * 100_000),
    "imp missing": json.dumps({"id": "a1"}).encode(),
    "imp not a list": _with(imp={"id": "1"}),
    "imp empty": _with(imp=[]),
    "imp item not an object": _with(imp=["1"]),
    "imp id missing": _with(imp=[{"banner": {"w": 1, "h": 1}}]),
    "imp id a number": _with(imp=[{"id": 1}]),
    "bidfloor a string": _imp_with(bidfloor="0.5"),
    "bidfloor negative": _imp_with(bidfloor=-1),
    "bidfloor 1e400": b'{"id": "a1", "imp": [{"id": "1", "bidfloor": 1e400}]}',
    "bidfloor NaN": b'{"id": "a1", "imp": [{"id": "1", "bidfloor": NaN}]}',
    "bidfloor Infinity": b'{"id": "a1", "imp": [{"id": "1", "bidfloor": Infinity}]}',
    "banner width a float": _imp_with(banner={"w": 300.5, "h": 250}),
    "banner width huge": b'{"id":"a1","imp":[{"id":"1","banner":{"w":' + b"9" * 400 + b"}}]}",
    "banner width negative": _imp_with(banner={"w": -300, "h": 250}),
    "nested depth 10000 in ext": b'{"id":"a1","imp":[{"id":"1"}],"ext":'
    + b'{"a":' * 10_000
    + b"1"
    + b"}" * 10_001,
    "nested arrays 10000 deep": b'{"id":"a1","imp":[{"id":"1"}],"ext":{"a":'
    + b"[" * 10_000
    + b"]" * 10_000
    + b"}}",
    "raw NUL byte": b'{"id":"a\x00","imp":[{"id":"1"}]}',
    "escaped NUL": b'{"id":"a\\u0000","imp":[{"id":"1"}]}',
    "trailing garbage": _with() + b"}",
    "invalid utf-8": b'{"id":"\xff\xfe","imp":[{"id":"1"}]}',
    "body over a megabyte": _with(ext={"pad": "x" * (2 << 20)}),
    "too many imps": _with(imp=[{"id": str(i)} for i in range(1000)]),
    "site not an object": _with(site="example.com"),
    "device type a string": _with(device={"devicetype": "4"}),
    "bcat not a list": _with(bcat="IAB25"),
    "tmax negative": _with(tmax=-1),
    "test a boolean": _with(test=True),
    "lone surrogate": b'{"id":"\\ud800","imp":[{"id":"1"}]}',
    "native request a number": _imp_with(native={"request": 5}),
    "deal without id": _imp_with(pmp={"deals": [{"bidfloor": 1}]}),
}


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.stem)
def test_every_sample_request_decodes(path: Path) -> None:
    raw = json.loads(path.read_bytes())
    request = decode_request(path.read_bytes())
    assert request.id == raw["id"]
    assert [imp.id for imp in request.imp] == [imp["id"] for imp in raw["imp"]]


@pytest.mark.parametrize("path", RESPONSES, ids=lambda p: p.stem)
def test_every_sample_response_round_trips(path: Path) -> None:
    raw = json.loads(path.read_bytes())
    response = decode_response(path.read_bytes())
    assert json.loads(encode_response(response)) == raw


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_request_is_one_exception(body: bytes) -> None:
    with pytest.raises(MalformedRequest) as caught:
        decode_request(body)
    assert 0 < len(str(caught.value)) <= 200


def test_unknown_fields_are_skipped_and_ext_is_kept() -> None:
    body = _with(
        unknown={"deep": [1, 2, 3]},
        ext={"prebid": {"targeting": True}},
        imp=[{"id": "1", "metric": [{"type": "viewability", "value": 0.8}], "ext": {"a": 1}}],
    )
    request = decode_request(body)
    assert request.ext == {"prebid": {"targeting": True}}
    assert request.imp[0].ext == {"a": 1}


def test_request_defaults_follow_the_specification() -> None:
    request = decode_request(_with())
    imp = request.imp[0]
    assert (request.at, request.test, imp.bidfloor, imp.bidfloorcur) == (2, 0, 0.0, "USD")


def test_native_request_string_and_object_and_wrapper_decode_alike() -> None:
    payload = {"ver": "1.2", "assets": [{"id": 1, "required": 1, "title": {"len": 90}}]}
    as_string = decode_native_request(json.dumps(payload))
    as_object = decode_native_request(payload)
    wrapped = decode_native_request(json.dumps({"native": payload}))
    assert as_string == as_object == wrapped
    assert as_string.assets is not None
    assert as_string.assets[0].title is not None
    assert as_string.assets[0].title.len == 90


@pytest.mark.parametrize("payload", ["", "not json", "[1]", '{"assets": [{"required": 1}]}', "{"])
def test_malformed_native_request_is_malformed_markup(payload: str) -> None:
    with pytest.raises(MalformedMarkup):
        decode_native_request(payload)


def test_response_omits_unset_fields_and_writes_exact_prices() -> None:
    response = BidResponse(
        id="a1",
        seatbid=[SeatBid(bid=[Bid(id="b1", impid="1", price=Decimal("0.015"), crid="7")])],
        cur="USD",
    )
    assert encode_response(response) == (
        b'{"id":"a1","seatbid":[{"bid":[{"id":"b1","impid":"1","price":0.015,"crid":"7"}]}],'
        b'"cur":"USD"}'
    )


def test_native_markup_is_bare_for_native_1_2_and_wrapped_for_1_0() -> None:
    native = NativeResponse(
        ver="1.2",
        link=NativeLink(url="https://example.com/c", clicktrackers=["https://t.example/c"]),
        assets=[
            NativeAsset(id=1, title=NativeTitle(text="Hello")),
            NativeAsset(id=2, img=NativeImage(url="https://cdn.example/i.png", w=1200, h=627)),
            NativeAsset(id=3, data=NativeData(value="Sponsor")),
        ],
        imptrackers=["https://t.example/i"],
    )
    bare = json.loads(encode_native_markup(native, "1.2"))
    wrapped = json.loads(encode_native_markup(native, "1.0"))
    assert bare["link"]["url"] == "https://example.com/c"
    assert bare["assets"][1] == {
        "id": 2,
        "img": {"url": "https://cdn.example/i.png", "w": 1200, "h": 627},
    }
    assert wrapped == {"native": bare}


@pytest.mark.parametrize(
    ("micros", "price"),
    [
        (0, "0"),
        (1, "0.000001"),
        (30_000, "0.03"),
        (1_250_000, "1.25"),
        (10_000_000, "10"),
        (123_456_789, "123.456789"),
    ],
)
def test_prices_convert_exactly_both_ways(micros: int, price: str) -> None:
    assert micros_to_price(micros) == Decimal(price)
    assert str(micros_to_price(micros)) == price
    assert price_to_micros(Decimal(price)) == micros


def test_float_prices_convert_by_their_shortest_text() -> None:
    # 0.03 * 1e6 in float arithmetic is 29999.999999999996.
    assert price_to_micros(0.03) == 30_000
    assert price_to_micros(9.43) == 9_430_000
