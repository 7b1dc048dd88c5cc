"""OpenRTB 2.6 bid request and response, and Native 1.2 request and response, as msgspec structs.

Only the fields the bidder, the markup and the simulator use are declared; msgspec skips the
others without building them, which is most of what makes decoding cheap. Every ``ext`` is kept
as the raw object. Declared fields are typed as the specification types them, so a request that
sends a number where a string belongs is malformed (HTTP 400), not guessed at.

The structs are ``gc=False``: a decoded request holds no reference cycles, and leaving thousands
of short-lived objects per second out of the cycle collector keeps its pauses out of the p99.
Do not build cycles through them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import msgspec

# A bid request is a few kilobytes; one far larger is an attack or a broken exchange, and
# refusing it before parsing bounds the memory one request can take.
MAX_BODY_BYTES = 1 << 20

Ext = dict[str, Any]
# Identifiers are short in practice; the bound keeps a megabyte "id" out of logs and URLs.
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=512)]
# Creative and placement sizes in device-independent pixels.
Pixels = Annotated[int, msgspec.Meta(ge=0, le=100_000)]
Floor = Annotated[float, msgspec.Meta(ge=0)]


class Object(msgspec.Struct, kw_only=True, omit_defaults=True, gc=False):
    """An OpenRTB object: unknown fields skipped, omitted ones left out when encoding."""


# --- Bid request -------------------------------------------------------------------------


class Format(Object):
    w: Pixels | None = None
    h: Pixels | None = None
    wratio: int | None = None
    hratio: int | None = None
    wmin: int | None = None
    ext: Ext | None = None


class Banner(Object):
    w: Pixels | None = None
    h: Pixels | None = None
    format: list[Format] | None = None
    btype: list[int] | None = None
    battr: list[int] | None = None
    pos: int | None = None
    mimes: list[str] | None = None
    topframe: int | None = None
    expdir: list[int] | None = None
    api: list[int] | None = None
    id: str | None = None
    vcm: int | None = None
    ext: Ext | None = None


class Video(Object):
    mimes: list[str] | None = None
    minduration: int | None = None
    maxduration: int | None = None
    startdelay: int | None = None
    protocols: list[int] | None = None
    # OpenRTB 2.2's single protocol, still sent by some exchanges.
    protocol: int | None = None
    w: Pixels | None = None
    h: Pixels | None = None
    placement: int | None = None
    plcmt: int | None = None
    linearity: int | None = None
    skip: int | None = None
    battr: list[int] | None = None
    maxextended: int | None = None
    minbitrate: int | None = None
    maxbitrate: int | None = None
    boxingallowed: int | None = None
    playbackmethod: list[int] | None = None
    delivery: list[int] | None = None
    pos: int | None = None
    companionad: list[Banner] | None = None
    api: list[int] | None = None
    companiontype: list[int] | None = None
    rqddurs: list[int] | None = None
    ext: Ext | None = None


class Audio(Object):
    mimes: list[str] | None = None
    minduration: int | None = None
    maxduration: int | None = None
    protocols: list[int] | None = None
    startdelay: int | None = None
    battr: list[int] | None = None
    api: list[int] | None = None
    ext: Ext | None = None


class Native(Object):
    # A JSON-encoded Native request per the specification; some exchanges send the object.
    request: str | Ext | None = None
    ver: str | None = None
    api: list[int] | None = None
    battr: list[int] | None = None
    ext: Ext | None = None


class Deal(Object):
    id: Id
    bidfloor: Floor = 0.0
    # Per the specification a deal's currency does not inherit the impression's.
    bidfloorcur: str = "USD"
    at: int | None = None
    wseat: list[str] | None = None
    wadomain: list[str] | None = None
    guar: int | None = None
    ext: Ext | None = None


class Pmp(Object):
    private_auction: int = 0
    deals: list[Deal] | None = None
    ext: Ext | None = None


class Imp(Object):
    id: Id
    banner: Banner | None = None
    video: Video | None = None
    audio: Audio | None = None
    native: Native | None = None
    pmp: Pmp | None = None
    displaymanager: str | None = None
    displaymanagerver: str | None = None
    instl: int = 0
    tagid: str | None = None
    bidfloor: Floor = 0.0
    bidfloorcur: str = "USD"
    clickbrowser: int | None = None
    secure: int | None = None
    rwdd: int | None = None
    exp: int | None = None
    ext: Ext | None = None


class Publisher(Object):
    id: str | None = None
    name: str | None = None
    cat: list[str] | None = None
    domain: str | None = None
    ext: Ext | None = None


class Content(Object):
    id: str | None = None
    title: str | None = None
    series: str | None = None
    season: str | None = None
    episode: int | None = None
    cat: list[str] | None = None
    cattax: int | None = None
    keywords: str | None = None
    kwarray: list[str] | None = None
    language: str | None = None
    livestream: int | None = None
    len: int | None = None
    ext: Ext | None = None


class Site(Object):
    id: str | None = None
    name: str | None = None
    domain: str | None = None
    cattax: int | None = None
    cat: list[str] | None = None
    sectioncat: list[str] | None = None
    pagecat: list[str] | None = None
    page: str | None = None
    ref: str | None = None
    search: str | None = None
    mobile: int | None = None
    privacypolicy: int | None = None
    publisher: Publisher | None = None
    content: Content | None = None
    keywords: str | None = None
    kwarray: list[str] | None = None
    ext: Ext | None = None


class App(Object):
    id: str | None = None
    name: str | None = None
    bundle: str | None = None
    domain: str | None = None
    storeurl: str | None = None
    cattax: int | None = None
    cat: list[str] | None = None
    sectioncat: list[str] | None = None
    pagecat: list[str] | None = None
    ver: str | None = None
    privacypolicy: int | None = None
    paid: int | None = None
    publisher: Publisher | None = None
    content: Content | None = None
    keywords: str | None = None
    kwarray: list[str] | None = None
    ext: Ext | None = None


class Dooh(Object):
    id: str | None = None
    name: str | None = None
    venuetype: list[str] | None = None
    venuetypetax: int | None = None
    publisher: Publisher | None = None
    domain: str | None = None
    keywords: str | None = None
    content: Content | None = None
    ext: Ext | None = None


class Geo(Object):
    lat: float | None = None
    lon: float | None = None
    type: int | None = None
    accuracy: int | None = None
    ipservice: int | None = None
    # ISO 3166-1 alpha-3 per the specification.
    country: str | None = None
    # ISO 3166-2 subdivision (a 2-letter state code in the USA).
    region: str | None = None
    metro: str | None = None
    city: str | None = None
    zip: str | None = None
    utcoffset: int | None = None
    ext: Ext | None = None


class BrandVersion(Object):
    brand: str | None = None
    version: list[str] | None = None
    ext: Ext | None = None


class UserAgent(Object):
    """``device.sua``: structured user agent (client hints)."""

    browsers: list[BrandVersion] | None = None
    platform: BrandVersion | None = None
    mobile: int | None = None
    architecture: str | None = None
    bitness: str | None = None
    model: str | None = None
    source: int | None = None
    ext: Ext | None = None


class Device(Object):
    geo: Geo | None = None
    dnt: int | None = None
    lmt: int | None = None
    ua: str | None = None
    sua: UserAgent | None = None
    ip: str | None = None
    ipv6: str | None = None
    devicetype: int | None = None
    make: str | None = None
    model: str | None = None
    os: str | None = None
    osv: str | None = None
    hwv: str | None = None
    h: int | None = None
    w: int | None = None
    ppi: int | None = None
    pxratio: float | None = None
    js: int | None = None
    language: str | None = None
    langb: str | None = None
    carrier: str | None = None
    mccmnc: str | None = None
    connectiontype: int | None = None
    ifa: str | None = None
    ext: Ext | None = None


class Segment(Object):
    id: str | None = None
    name: str | None = None
    value: str | None = None
    ext: Ext | None = None


class Data(Object):
    id: str | None = None
    name: str | None = None
    segment: list[Segment] | None = None
    ext: Ext | None = None


class User(Object):
    id: str | None = None
    buyeruid: str | None = None
    keywords: str | None = None
    kwarray: list[str] | None = None
    customdata: str | None = None
    geo: Geo | None = None
    data: list[Data] | None = None
    consent: str | None = None
    eids: list[Ext] | None = None
    ext: Ext | None = None


class Source(Object):
    fd: int | None = None
    tid: str | None = None
    pchain: str | None = None
    schain: Ext | None = None
    ext: Ext | None = None


class Regs(Object):
    coppa: int | None = None
    gdpr: int | None = None
    us_privacy: str | None = None
    gpp: str | None = None
    gpp_sid: list[int] | None = None
    ext: Ext | None = None


class BidRequest(Object):
    id: Id
    imp: Annotated[list[Imp], msgspec.Meta(min_length=1, max_length=100)]
    site: Site | None = None
    app: App | None = None
    dooh: Dooh | None = None
    device: Device | None = None
    user: User | None = None
    test: int = 0
    at: int = 2
    tmax: Annotated[int, msgspec.Meta(ge=0)] | None = None
    wseat: list[str] | None = None
    bseat: list[str] | None = None
    allimps: int | None = None
    cur: list[str] | None = None
    wlang: list[str] | None = None
    cattax: int | None = None
    bcat: list[str] | None = None
    acat: list[str] | None = None
    badv: list[str] | None = None
    bapp: list[str] | None = None
    source: Source | None = None
    regs: Regs | None = None
    ext: Ext | None = None


# --- Native 1.2 request ------------------------------------------------------------------


class NativeTitleRequest(Object):
    len: int | None = None
    ext: Ext | None = None


class NativeImageRequest(Object):
    # 1 icon, 3 main image (Native 1.2 "Image Asset Types").
    type: int | None = None
    w: int | None = None
    wmin: int | None = None
    h: int | None = None
    hmin: int | None = None
    mimes: list[str] | None = None
    ext: Ext | None = None


class NativeVideoRequest(Object):
    mimes: list[str] | None = None
    minduration: int | None = None
    maxduration: int | None = None
    protocols: list[int] | None = None
    ext: Ext | None = None


class NativeDataRequest(Object):
    # 1 sponsored, 2 desc, 11 displayurl, 12 ctatext ... (Native 1.2 "Data Asset Types").
    type: int | None = None
    len: int | None = None
    ext: Ext | None = None


class NativeRequestAsset(Object):
    id: int
    required: int = 0
    title: NativeTitleRequest | None = None
    img: NativeImageRequest | None = None
    video: NativeVideoRequest | None = None
    data: NativeDataRequest | None = None
    ext: Ext | None = None


class EventTrackerRequest(Object):
    event: int | None = None
    methods: list[int] | None = None
    ext: Ext | None = None


class NativeRequest(Object):
    ver: str | None = None
    context: int | None = None
    contextsubtype: int | None = None
    plcmttype: int | None = None
    plcmtcnt: int | None = None
    seq: int | None = None
    assets: list[NativeRequestAsset] | None = None
    aurlsupport: int | None = None
    durlsupport: int | None = None
    eventtrackers: list[EventTrackerRequest] | None = None
    privacy: int | None = None
    # Native 1.0 wraps the request in {"native": {...}}; 1.1 and later dropped the wrapper.
    native: NativeRequest | None = None
    ext: Ext | None = None


# --- Native 1.2 response -----------------------------------------------------------------


class NativeLink(Object):
    url: str
    clicktrackers: list[str] | None = None
    fallback: str | None = None
    ext: Ext | None = None


class NativeTitle(Object):
    text: str
    len: int | None = None
    ext: Ext | None = None


class NativeImage(Object):
    url: str
    type: int | None = None
    w: int | None = None
    h: int | None = None
    ext: Ext | None = None


class NativeData(Object):
    value: str
    type: int | None = None
    len: int | None = None
    ext: Ext | None = None


class NativeVideo(Object):
    vasttag: str
    ext: Ext | None = None


class NativeAsset(Object):
    id: int | None = None
    required: int | None = None
    title: NativeTitle | None = None
    img: NativeImage | None = None
    video: NativeVideo | None = None
    data: NativeData | None = None
    link: NativeLink | None = None
    ext: Ext | None = None


class EventTracker(Object):
    # event 1 impression, 2 viewable-mrc50 ...; method 1 img, 2 js.
    event: int
    method: int
    url: str | None = None
    customdata: Ext | None = None
    ext: Ext | None = None


class NativeResponse(Object):
    link: NativeLink
    ver: str | None = None
    assets: list[NativeAsset] | None = None
    assetsurl: str | None = None
    dcourl: str | None = None
    imptrackers: list[str] | None = None
    jstracker: str | None = None
    eventtrackers: list[EventTracker] | None = None
    privacy: str | None = None
    ext: Ext | None = None


class _NativeResponseEnvelope(Object):
    native: NativeResponse


# --- Bid response ------------------------------------------------------------------------


class Bid(Object):
    id: str
    impid: str
    # Exact decimal CPM, written as a JSON number (never through float arithmetic).
    price: Decimal
    nurl: str | None = None
    burl: str | None = None
    lurl: str | None = None
    adm: str | None = None
    adid: str | None = None
    adomain: list[str] | None = None
    bundle: str | None = None
    iurl: str | None = None
    cid: str | None = None
    crid: str | None = None
    tactic: str | None = None
    cat: list[str] | None = None
    attr: list[int] | None = None
    apis: list[int] | None = None
    protocol: int | None = None
    language: str | None = None
    dealid: str | None = None
    w: int | None = None
    h: int | None = None
    exp: int | None = None
    dur: int | None = None
    # 1 banner, 2 video, 3 audio, 4 native.
    mtype: int | None = None
    ext: Ext | None = None


class SeatBid(Object):
    bid: list[Bid]
    seat: str | None = None
    group: int | None = None
    ext: Ext | None = None


class BidResponse(Object):
    id: str
    seatbid: list[SeatBid] | None = None
    bidid: str | None = None
    cur: str | None = None
    customdata: str | None = None
    nbr: int | None = None
    ext: Ext | None = None


# --- Decoding and encoding ---------------------------------------------------------------


class MalformedRequest(ValueError):
    """A bid request that is not valid OpenRTB 2.6 JSON; the message says briefly why."""


class MalformedResponse(ValueError):
    """A bid response that is not valid OpenRTB 2.6 JSON; the message says briefly why."""


class MalformedMarkup(ValueError):
    """A Native request payload that is not a valid Native 1.x request."""


_request_decoder = msgspec.json.Decoder(BidRequest)
_response_decoder = msgspec.json.Decoder(BidResponse)
_native_decoder = msgspec.json.Decoder(NativeRequest)
# Decimal prices go out as JSON numbers ("price": 1.25), as the specification types them.
_encoder = msgspec.json.Encoder(decimal_format="number")
# A JSON escape of U+0000: text with it is refused, as the native API refuses it.
_ESCAPED_NUL = b"\\u0000"
_MAX_MESSAGE = 160


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


def decode_request(body: bytes) -> BidRequest:
    """A bid request from its JSON body; ``MalformedRequest`` for anything else."""
    if len(body) > MAX_BODY_BYTES:
        raise MalformedRequest(f"bid request larger than {MAX_BODY_BYTES} bytes")
    if _ESCAPED_NUL in body:
        raise MalformedRequest("bid request contains the NUL character (U+0000)")
    try:
        return _request_decoder.decode(body)
    except msgspec.ValidationError as exc:
        raise MalformedRequest(f"invalid bid request: {_short(exc)}") from None
    except msgspec.DecodeError as exc:
        raise MalformedRequest(f"bid request is not JSON: {_short(exc)}") from None
    except RecursionError:
        raise MalformedRequest("bid request nests too deeply") from None
    except (TypeError, ValueError, MemoryError) as exc:
        # Not expected from msgspec, but the endpoint promises a 400 for any bad body.
        raise MalformedRequest(f"invalid bid request: {_short(exc)}") from None


def decode_response(body: bytes) -> BidResponse:
    """A bid response from its JSON body (the simulator's side); ``MalformedResponse`` else."""
    try:
        return _response_decoder.decode(body)
    except (msgspec.MsgspecError, RecursionError, TypeError, ValueError) as exc:
        raise MalformedResponse(f"invalid bid response: {_short(exc)}") from None


def encode_response(response: BidResponse) -> bytes:
    """The JSON body of a bid response; fields left at None are omitted."""
    return _encoder.encode(response)


def encode_request(request: BidRequest) -> bytes:
    """The JSON body of a bid request (the simulator's side); None fields are omitted."""
    return _encoder.encode(request)


def decode_native_request(payload: str | Ext) -> NativeRequest:
    """``imp.native.request`` (a JSON string, or an object) as a Native request, unwrapping the
    Native 1.0 ``{"native": {...}}`` envelope; ``MalformedMarkup`` if it is not one."""
    try:
        if isinstance(payload, str):
            if len(payload) > MAX_BODY_BYTES:
                raise MalformedMarkup("native request too large")
            native = _native_decoder.decode(payload)
        else:
            native = msgspec.convert(payload, NativeRequest)
    except (msgspec.MsgspecError, RecursionError, TypeError, ValueError) as exc:
        if isinstance(exc, MalformedMarkup):
            raise
        raise MalformedMarkup(f"invalid native request: {_short(exc)}") from None
    if native.native is not None:
        return native.native
    return native


def encode_native_markup(native: NativeResponse, request_ver: str | None = None) -> str:
    """A Native response as the ``adm`` text: wrapped in ``{"native": ...}`` for a Native 1.0
    request (whose response had that root), bare for 1.1 and later."""
    if request_ver is not None and request_ver.strip().startswith("1.0"):
        return _encoder.encode(_NativeResponseEnvelope(native=native)).decode()
    return _encoder.encode(native).decode()


_MICROS = Decimal(1_000_000)


def micros_to_price(micros: int) -> Decimal:
    """A CPM in micros as the exact ``price`` decimal (``1_250_000`` -> ``1.25``)."""
    price = (Decimal(micros) / _MICROS).normalize()
    # normalize() writes 2_000_000 micros as 2E+0 style exponents for round numbers.
    _, _, exponent = price.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        price = price.quantize(Decimal(1))
    return price


def price_to_micros(price: Decimal | float | int) -> int:
    """A ``price`` (CPM) in whole micros, exact for a decimal, via its shortest text for a
    float; a fraction of a micro is rounded half-even."""
    value = price if isinstance(price, Decimal) else Decimal(repr(price))
    return int((value * _MICROS).to_integral_value())
