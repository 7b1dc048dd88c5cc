"""A decoded bid request -> the canonical features and impressions the bidder matches on.

Every value comes out in the form the index compares against, so matching never normalises:

- geography: ISO 3166-1 alpha-2 countries (OpenRTB sends alpha-3), ISO 3166-2 regions
  (``US-CA``), the city as the exchange spells it (campaign targeting keeps cities as typed);
  from ``device.geo``, else ``user.geo``, else the country of the IP (geoip2fast);
- device: OS and browser slugs of the targeting catalogue (ua-parser families resolved through
  the catalogue's aliases), device and connection types as the OpenRTB code in a string
  (``"4"``; the catalogue's entry id), carrier and language catalogue codes;
- placement: traffic type, ids, canonical domain, IP and URL as ``filterlists.items`` stores
  them, IAB categories, keywords (lower case), ``bcat`` and ``badv``;
- impressions: formats, sizes, the Native request's assets, video constraints, blocked
  attributes, the floor in exact USD micros, and the PMP deals open to our seat with theirs.

The work per request is a few dictionary look-ups: the catalogue is indexed once, user agents
go through an LRU cache (they repeat), and the GeoIP database is loaded once per process.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Final
from urllib.parse import urlsplit

from adplane.delivery import openrtb
from adplane.delivery.model import (
    DealSpec,
    Features,
    ImpKind,
    ImpSpec,
    NativeAssetRequest,
    TrafficType,
)
from adplane.filterlists import items
from adplane.targeting.catalogue import Catalogue, Dimension, builtin_catalogue

DEFAULT_RATES: Mapping[str, Decimal] = {"USD": Decimal(1)}

# OpenRTB (AdCOM 1.0) device types.
PHONE_OR_TABLET = frozenset({"1", "4", "5"})
CTV = frozenset({"3", "7"})
_PC, _PHONE, _TABLET, _TV, _OOH = "2", "4", "5", "3", "8"

# Devices that limit ad tracking all send the zero IFA: it identifies nobody.
_ZERO_IFA = "00000000-0000-0000-0000-000000000000"
_MAX_KEYWORDS = 64
_MAX_CACHE = 4096
_MICROS = Decimal(1_000_000)

# ua-parser families the catalogue's aliases do not spell (they are read before the catalogue).
_OS_FAMILIES = {"Web0S": "webos", "Chromecast Linux": "linux", "ATV OS X": "ios"}
_DESKTOP_OSES = frozenset(
    {"windows", "macos", "linux", "chrome_os", "ubuntu", "fedora", "debian", "freebsd"}
)
_HANDHELD_OSES = frozenset(
    {
        "android",
        "ios",
        "windows_phone",
        "blackberry",
        "symbian",
        "kaios",
        "harmonyos",
        "firefox_os",
    }
)
# Television, streaming stick and console markers in user agents.
_TV_UA = re.compile(
    r"smart-?tv|smart tv|hbbtv|web0s|netcast|\bbravia|googletv|android ?tv|\broku|apple ?tv"
    r"|\bcrkey|\baft[a-z]|firetv|\btizen\b.*\btv\b|\bxbox|playstation|nintendo|\bviera\b",
    re.IGNORECASE,
)
_TABLET_UA = re.compile(r"ipad|tablet|kindle|\bsilk\b|playbook", re.IGNORECASE)
_CARRIER_NOISE = re.compile(r"[^\w&+\- ]+")
# Text that ``filterlists.items`` would give back unchanged (so the check can be skipped).
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_PLAIN_IPV4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
_PLAIN_URL = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}(?<!-)"
    r"(?::[0-9]{1,5})?/[\x21-\x22\x24-\x7e]*"
)


# --- The catalogue, indexed for the hot path ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    countries: Mapping[str, str]  # alpha-2 and alpha-3, upper case -> alpha-2
    regions: frozenset[str]
    languages: frozenset[str]
    categories: frozenset[str]
    device_types: frozenset[str]
    connection_types: frozenset[str]
    catalogue: Catalogue


_vocabulary_slot: tuple[Catalogue, _Vocabulary] | None = None


def _vocabulary(catalogue: Catalogue | None) -> _Vocabulary:
    global _vocabulary_slot
    cat = catalogue if catalogue is not None else builtin_catalogue()
    slot = _vocabulary_slot
    if slot is not None and slot[0] is cat:
        return slot[1]
    countries: dict[str, str] = {}
    for entry in cat.entries(Dimension.COUNTRIES):
        countries[entry.code] = entry.code
        for alias in entry.aliases:
            if len(alias) == 3 and alias.isalpha() and alias.isupper():
                countries[alias] = entry.code
    vocabulary = _Vocabulary(
        countries=countries,
        regions=frozenset(e.code for e in cat.entries(Dimension.REGIONS)),
        languages=frozenset(e.code for e in cat.entries(Dimension.LANGUAGES)),
        categories=frozenset(e.code for e in cat.entries(Dimension.CATEGORIES)),
        device_types=frozenset(str(e.id) for e in cat.entries(Dimension.DEVICE_TYPES)),
        connection_types=frozenset(str(e.id) for e in cat.entries(Dimension.CONNECTION_TYPES)),
        catalogue=cat,
    )
    _vocabulary_slot = (cat, vocabulary)
    _resolved.clear()
    return vocabulary


# (dimension, text) -> code or None; the same few dozen spellings arrive all day.
_resolved: dict[tuple[Dimension, str], str | None] = {}
# Not in the cache (None is a cached answer: the catalogue does not know the text); a NUL is
# no catalogue code.
_UNRESOLVED: Final = "\x00"


def _resolve(vocabulary: _Vocabulary, dimension: Dimension, text: str) -> str | None:
    key = (dimension, text)
    found = _resolved.get(key, _UNRESOLVED)
    if found is not _UNRESOLVED:
        return found
    entry = vocabulary.catalogue.resolve(dimension, text)
    code = entry.code if entry is not None else None
    if code is None and dimension is Dimension.CARRIERS:
        code = _resolve_carrier(vocabulary.catalogue, text)
    if len(_resolved) >= _MAX_CACHE:
        _resolved.clear()
    _resolved[key] = code
    return code


def _resolve_carrier(catalogue: Catalogue, text: str) -> str | None:
    # Exchanges name operators their own way ("AT&T Wireless", "Vodafone UK", "O2 - UK"): the
    # longest leading run of words the catalogue knows names the operator.
    words = _CARRIER_NOISE.sub(" ", text).replace(" - ", " ").split()
    for end in range(len(words), 0, -1):
        entry = catalogue.resolve(Dimension.CARRIERS, " ".join(words[:end]))
        if entry is not None:
            return entry.code
    return None


def catalogue_device_type(code: str | None, catalogue: Catalogue | None = None) -> str | None:
    """The catalogue code of a ``Features.device_type`` (``"4"`` -> ``"phone"``)."""
    return _entry_code(Dimension.DEVICE_TYPES, code, catalogue)


def catalogue_connection_type(code: str | None, catalogue: Catalogue | None = None) -> str | None:
    """The catalogue code of a ``Features.connection_type`` (``"2"`` -> ``"wifi"``)."""
    return _entry_code(Dimension.CONNECTION_TYPES, code, catalogue)


def openrtb_device_type(code: str, catalogue: Catalogue | None = None) -> str | None:
    """The ``Features.device_type`` a catalogue code stands for (``"phone"`` -> ``"4"``), so
    campaign targeting (which stores catalogue codes) compiles to what ``extract`` gives."""
    return _entry_id(Dimension.DEVICE_TYPES, code, catalogue)


def openrtb_connection_type(code: str, catalogue: Catalogue | None = None) -> str | None:
    """The ``Features.connection_type`` a catalogue code stands for (``"wifi"`` -> ``"2"``)."""
    return _entry_id(Dimension.CONNECTION_TYPES, code, catalogue)


def _entry_id(dimension: Dimension, code: str, catalogue: Catalogue | None) -> str | None:
    cat = catalogue if catalogue is not None else builtin_catalogue()
    entry = cat.by_code(dimension, code)
    return str(entry.id) if entry is not None else None


def _entry_code(dimension: Dimension, code: str | None, catalogue: Catalogue | None) -> str | None:
    if code is None or not code.isdigit():
        return None
    cat = catalogue if catalogue is not None else builtin_catalogue()
    entry = cat.by_id(dimension, int(code))
    return entry.code if entry is not None else None


# --- User agents -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agent:
    """What a user agent says, as ua-parser families, and the device type it implies."""

    os_family: str | None
    browser_family: str | None
    device_family: str | None
    device_type: str | None
    bot: bool


_resolver: Any = None
_resolver_lock = threading.Lock()


def _ua_resolver() -> Any:
    global _resolver
    if _resolver is None:
        with _resolver_lock:
            if _resolver is None:
                try:
                    # The native matcher (ua-parser-rs): ~10 µs a miss instead of ~600 µs.
                    from ua_parser import load_lazy_builtins
                    from ua_parser.regex import Resolver

                    _resolver = Resolver(load_lazy_builtins())
                except ImportError:  # pragma: no cover - the pure-Python fallback
                    from ua_parser import BasicResolver, load_builtins

                    _resolver = BasicResolver(load_builtins())
    return _resolver


@lru_cache(maxsize=16_384)
def parse_user_agent(ua: str) -> Agent:
    """The families ua-parser reads in ``ua`` and the device type they imply (cached)."""
    from ua_parser import Domain

    result = _ua_resolver()(ua, Domain.ALL)
    os_family = result.os.family if result.os is not None else None
    browser = result.user_agent.family if result.user_agent is not None else None
    device = result.device.family if result.device is not None else None
    bot = device == "Spider"
    return Agent(os_family, browser, device, None if bot else _device_type_of(ua, os_family), bot)


def _device_type_of(ua: str, os_family: str | None) -> str | None:
    if _TV_UA.search(ua):
        return _TV
    os_code = _os_code_of_family(os_family)
    if (_TABLET_UA.search(ua) and os_code not in _DESKTOP_OSES) or (
        os_code == "android" and "Mobile" not in ua
    ):
        return _TABLET
    if os_code in _HANDHELD_OSES or "Mobile" in ua:
        return _PHONE
    if os_code in _DESKTOP_OSES:
        return _PC
    return None


def _os_code_of_family(family: str | None) -> str | None:
    if family is None:
        return None
    if family in _OS_FAMILIES:
        return _OS_FAMILIES[family]
    entry = builtin_catalogue().resolve(Dimension.OSES, family)
    return entry.code if entry is not None else None


# --- GeoIP -------------------------------------------------------------------------------

_geoip: Any = None
_geoip_lock = threading.Lock()


def _geoip_database() -> Any:
    global _geoip
    if _geoip is None:
        with _geoip_lock:
            if _geoip is None:
                from geoip2fast import GeoIP2Fast

                # The IPv6 file holds the IPv4 ranges too; loading takes ~0.1 s, once.
                _geoip = GeoIP2Fast(geoip2fast_data_file="geoip2fast-ipv6.dat.gz", verbose=False)
    return _geoip


def warm_up() -> None:
    """Load the GeoIP database and the user agent rules now, not on the first request."""
    _geoip_database()
    parse_user_agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.0.0 Safari/537.36")
    _vocabulary(None)


def country_of_ip(ip: str) -> str | None:
    """The ISO alpha-2 country geoip2fast places ``ip`` in, or None (private, unknown)."""
    try:
        code = _geoip_database().lookup(ip).country_code
    except Exception:  # geoip2fast raises its own errors for odd input; no country then
        return None
    if isinstance(code, str) and len(code) == 2 and code.isalpha():
        return code.upper()
    return None


# --- Features ----------------------------------------------------------------------------


def extract(
    request: openrtb.BidRequest,
    now: datetime,
    exchange: str | None,
    *,
    rates: Mapping[str, Decimal] = DEFAULT_RATES,
    catalogue: Catalogue | None = None,
    seat: str | None = None,
) -> tuple[Features, list[ImpSpec]]:
    """The request's features and impressions in catalogue codes.

    ``rates`` are USD per one unit of each currency (``{"EUR": Decimal("1.08")}``); a floor in
    a currency without a rate has ``bidfloor_micros`` None. ``catalogue`` adds admin-added
    values to the built-in one; ``seat`` (ours) keeps the deals whose ``wseat`` allows it.
    Never raises for a decoded request.
    """
    del now  # Nothing here depends on the time yet; matching reads it for day-parting.
    vocabulary = _vocabulary(catalogue)
    device = request.device
    user = request.user
    site, app, dooh = request.site, request.app, request.dooh

    ua = device.ua if device is not None and device.ua else None
    agent = parse_user_agent(ua) if ua is not None and len(ua) <= 2048 else None

    ip = _ip(device)
    country, region, city = _geography(vocabulary, device, user, ip)
    device_type = _device_type(vocabulary, device, agent)
    traffic = _traffic(site, app, dooh, device_type)

    placement = site or app or dooh
    publisher = placement.publisher if placement is not None else None
    features = Features(
        auction_id=request.id,
        country=country,
        region=region,
        city=city,
        os=_os(vocabulary, device, agent),
        browser=_browser(vocabulary, device, agent),
        device_type=device_type,
        language=_language(vocabulary, device),
        carrier=_carrier(vocabulary, device),
        connection_type=_connection_type(vocabulary, device),
        traffic_type=traffic,
        site_id=_text(site.id) if site is not None else None,
        app_id=_text(app.id) if app is not None else None,
        publisher_id=_text(publisher.id) if publisher is not None else None,
        domain=_site_domain(site) if site is not None else None,
        bundle=_text(app.bundle) if app is not None else None,
        page=_page(site.page) if site is not None else None,
        app_name=_text(app.name) if app is not None else None,
        ip=ip,
        user_agent=ua,
        user_key=_user_key(user, device),
        categories=_categories(vocabulary, site or app),
        keywords=_keywords(placement, user),
        bcat=frozenset(c.strip().upper() for c in request.bcat or () if c.strip()),
        badv=frozenset(d.strip().lower() for d in request.badv or () if d.strip()),
        exchange=exchange,
        test=request.test == 1,
    )
    return features, [imp_spec(imp, rates, seat) for imp in request.imp]


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _ip(device: openrtb.Device | None) -> str | None:
    if device is None:
        return None
    for raw in (device.ip, device.ipv6):
        if raw:
            if _PLAIN_IPV4.fullmatch(raw):
                # Already canonical: the common case, without building an ipaddress object.
                return raw
            try:
                return items.ip(raw.strip())
            except items.InvalidItem:
                continue
    return None


def _geography(
    vocabulary: _Vocabulary,
    device: openrtb.Device | None,
    user: openrtb.User | None,
    ip: str | None,
) -> tuple[str | None, str | None, str | None]:
    geos = [g for g in (device.geo if device else None, user.geo if user else None) if g]
    for geo in geos:
        if geo.country:
            country = vocabulary.countries.get(geo.country.strip().upper())
            if country is not None:
                return country, _region(vocabulary, country, geo.region), _text(geo.city)
    # No usable country in a geo object: the IP's country, and the device's city if it sent one.
    city = _text(device.geo.city) if device is not None and device.geo is not None else None
    if ip is not None:
        country = country_of_ip(ip)
        if country is not None and country in vocabulary.countries:
            return country, None, city
    return None, None, city


def _region(vocabulary: _Vocabulary, country: str, raw: str | None) -> str | None:
    if not raw:
        return None
    code = raw.strip().upper().replace("_", "-")
    if not code.startswith(f"{country}-"):
        code = f"{country}-{code}"
    return code if code in vocabulary.regions else None


def _device_type(
    vocabulary: _Vocabulary, device: openrtb.Device | None, agent: Agent | None
) -> str | None:
    if device is not None and device.devicetype is not None:
        code = str(device.devicetype)
        if code in vocabulary.device_types:
            return code
    if agent is not None:
        return agent.device_type
    if device is not None and device.sua is not None and device.sua.mobile == 1:
        return _PHONE
    return None


def _traffic(
    site: openrtb.Site | None,
    app: openrtb.App | None,
    dooh: openrtb.Dooh | None,
    device_type: str | None,
) -> TrafficType | None:
    if dooh is not None:
        return "dooh"
    if app is not None:
        return "ctv" if device_type in CTV else "mobile_app"
    if site is not None:
        return "mobile_web" if device_type in PHONE_OR_TABLET else "desktop_web"
    if device_type == _OOH:
        return "dooh"
    return None


def _os(vocabulary: _Vocabulary, device: openrtb.Device | None, agent: Agent | None) -> str | None:
    # The exchange's device.os first, when the catalogue knows it; else the user agent's.
    if device is not None and device.os:
        declared = _os_code(vocabulary, device.os.strip())
        if declared is not None and declared != "other":
            return declared
    if agent is not None:
        return _os_code(vocabulary, agent.os_family) or "other"
    if device is not None and device.sua is not None and device.sua.platform is not None:
        brand = device.sua.platform.brand
        if brand:
            return _os_code(vocabulary, brand)
    return None


def _os_code(vocabulary: _Vocabulary, family: str | None) -> str | None:
    if not family:
        return None
    return _resolve(vocabulary, Dimension.OSES, _OS_FAMILIES.get(family, family))


def _browser(
    vocabulary: _Vocabulary, device: openrtb.Device | None, agent: Agent | None
) -> str | None:
    if agent is not None:
        if not agent.browser_family:
            return "other"
        return _resolve(vocabulary, Dimension.BROWSERS, agent.browser_family) or "other"
    if device is not None and device.sua is not None and device.sua.browsers:
        # Client hints list the engine ("Chromium") and a decoy ("Not A;Brand") beside the
        # browser; the first brand the catalogue knows, other than the engine, is the browser.
        codes = [
            _resolve(vocabulary, Dimension.BROWSERS, b.brand.removeprefix("Google ").strip())
            for b in device.sua.browsers
            if b.brand
        ]
        known = [c for c in codes if c is not None]
        chosen = next((c for c in known if c != "chrome"), None) or (known[0] if known else None)
        return chosen
    return None


def _language(vocabulary: _Vocabulary, device: openrtb.Device | None) -> str | None:
    if device is None:
        return None
    for raw in (device.language, device.langb):
        if raw:
            # BCP 47 ("en-US") and POSIX ("en_US") spellings: the primary subtag is ISO 639-1.
            code = raw.strip().replace("_", "-").split("-", 1)[0].lower()
            if code in vocabulary.languages:
                return code
    return None


def _carrier(vocabulary: _Vocabulary, device: openrtb.Device | None) -> str | None:
    if device is None or not device.carrier:
        return None
    text = device.carrier.strip()
    if not text or len(text) > 128:
        return None
    return _resolve(vocabulary, Dimension.CARRIERS, text)


def _connection_type(vocabulary: _Vocabulary, device: openrtb.Device | None) -> str | None:
    if device is None or device.connectiontype is None:
        return None
    code = str(device.connectiontype)
    return code if code in vocabulary.connection_types else None


def _site_domain(site: openrtb.Site) -> str | None:
    for raw in (site.domain, _host(site.page)):
        if raw:
            try:
                return items.domain(raw.strip())
            except items.InvalidItem:
                continue
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url.strip()).hostname
    except ValueError:
        return None


def _page(raw: str | None) -> str | None:
    text = _text(raw)
    if text is None:
        return None
    if _PLAIN_URL.fullmatch(text):
        # Already canonical (lower-case scheme and ASCII host, a path): nearly every page.
        return text
    try:
        return items.url(text)
    except items.InvalidItem:
        # Not an http(s) URL a filter list could hold; kept as sent for the macros.
        return text


def _user_key(user: openrtb.User | None, device: openrtb.Device | None) -> str | None:
    if user is not None:
        for raw in (user.id, user.buyeruid):
            key = _text(raw)
            if key is not None:
                return key
    if device is not None:
        ifa = _text(device.ifa)
        if ifa is not None and ifa != _ZERO_IFA:
            return ifa
    return None


def _categories(
    vocabulary: _Vocabulary, placement: openrtb.Site | openrtb.App | None
) -> tuple[str, ...]:
    if placement is None or placement.cattax not in (None, 1):
        # Only IAB Content Taxonomy 1.0 (cattax 1, the default) is catalogued.
        return ()
    seen: dict[str, None] = {}
    for values in (placement.cat, placement.sectioncat, placement.pagecat):
        for raw in values or ():
            code = raw.strip().upper()
            if code in vocabulary.categories:
                seen[code] = None
    return tuple(seen)


def _keywords(
    placement: openrtb.Site | openrtb.App | openrtb.Dooh | None, user: openrtb.User | None
) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    sources: list[tuple[str | None, list[str] | None]] = []
    if placement is not None:
        kwarray = None if isinstance(placement, openrtb.Dooh) else placement.kwarray
        sources.append((placement.keywords, kwarray))
        if placement.content is not None:
            sources.append((placement.content.keywords, placement.content.kwarray))
    if user is not None:
        sources.append((user.keywords, user.kwarray))
    for text, array in sources:
        for word in _words(text, array):
            seen[word] = None
            if len(seen) >= _MAX_KEYWORDS:
                return tuple(seen)
    return tuple(seen)


def _words(text: str | None, array: list[str] | None) -> Iterable[str]:
    if text:
        for part in text.split(","):
            word = part.strip().lower()
            if word:
                yield word
    for part in array or ():
        word = part.strip().lower()
        if word:
            yield word


# --- Impressions -------------------------------------------------------------------------


def imp_spec(
    imp: openrtb.Imp, rates: Mapping[str, Decimal] = DEFAULT_RATES, seat: str | None = None
) -> ImpSpec:
    """One impression's formats, constraints, floor (in USD micros) and the deals ``seat``
    may bid under (a deal's ``wseat`` names the seats it takes; None: every deal)."""
    kinds: set[ImpKind] = set()
    sizes: dict[tuple[int, int], None] = {}
    battr: set[int] = set()
    banner, video, native = imp.banner, imp.video, imp.native

    if banner is not None:
        kinds.add("banner")
        if banner.w and banner.h:
            sizes[(banner.w, banner.h)] = None
        for fmt in banner.format or ():
            if fmt.w and fmt.h:
                sizes[(fmt.w, fmt.h)] = None
        battr.update(banner.battr or ())

    video_mimes: frozenset[str] = frozenset()
    video_protocols: frozenset[int] = frozenset()
    video_size = None
    if video is not None:
        kinds.add("video")
        video_mimes = frozenset(m.strip().lower() for m in video.mimes or () if m.strip())
        video_protocols = frozenset(
            [*(video.protocols or ()), *(() if video.protocol is None else (video.protocol,))]
        )
        if video.w and video.h:
            video_size = (video.w, video.h)
        battr.update(video.battr or ())

    if imp.audio is not None:
        kinds.add("audio")
        battr.update(imp.audio.battr or ())

    native_ver: str | None = None
    native_assets: tuple[NativeAssetRequest, ...] = ()
    if native is not None:
        native_ver, native_assets = _native(native)
        if native_assets:
            # A native request nobody can read, or one with no assets, cannot be filled.
            kinds.add("native")
        battr.update(native.battr or ())

    pmp = imp.pmp
    floor = floor_micros(imp.bidfloor, imp.bidfloorcur, rates)
    return ImpSpec(
        imp_id=imp.id,
        kinds=frozenset(kinds),
        spot=_text(imp.tagid),
        sizes=tuple(sizes),
        native_ver=native_ver,
        native_assets=native_assets,
        video_mimes=video_mimes,
        video_min_duration=video.minduration if video is not None else None,
        video_max_duration=video.maxduration if video is not None else None,
        video_protocols=video_protocols,
        video_size=video_size,
        battr=frozenset(battr),
        bidfloor_micros=floor,
        deals=_deals(pmp, floor, rates, seat) if pmp is not None and pmp.deals else (),
        private_auction=pmp is not None and pmp.private_auction == 1,
        secure=imp.secure == 1,
    )


def _deals(
    pmp: openrtb.Pmp, imp_floor: int | None, rates: Mapping[str, Decimal], seat: str | None
) -> tuple[DealSpec, ...]:
    found: list[DealSpec] = []
    for deal in pmp.deals or ():
        if seat is not None and deal.wseat and seat not in deal.wseat:
            continue  # the exchange takes this deal's bids from other seats only
        deal_id = deal.id.strip()
        if not deal_id:
            continue
        # A deal stating no floor (0, the default) is held to the impression's.
        floor = floor_micros(deal.bidfloor, deal.bidfloorcur, rates) if deal.bidfloor else imp_floor
        domains = frozenset(d.strip().lower() for d in deal.wadomain or () if d.strip())
        found.append(DealSpec(deal_id, floor, domains))
    return tuple(found)


def floor_micros(
    bidfloor: float, currency: str | None, rates: Mapping[str, Decimal] = DEFAULT_RATES
) -> int | None:
    """A CPM floor in whole USD micros, exact and rounded up (a bid at the result is never
    under the floor); None when ``currency`` has no rate."""
    if bidfloor == 0:
        return 0
    code = (currency or "USD").strip().upper() or "USD"
    rate = rates.get(code)
    if rate is None:
        return None
    return _floor_micros(bidfloor, rate)


@lru_cache(maxsize=4096)
def _floor_micros(bidfloor: float, rate: Decimal) -> int | None:
    # Floors repeat (0.03, 0.5 ...): the decimal arithmetic runs once per value and rate.
    try:
        # The float's shortest text is the number the exchange wrote (0.03, not 0.0299...).
        micros = Decimal(repr(bidfloor)) * rate * _MICROS
        return int(micros.to_integral_value(rounding=ROUND_CEILING))
    except (InvalidOperation, ValueError, OverflowError):
        return None


_NO_NATIVE: tuple[str | None, tuple[NativeAssetRequest, ...]] = (None, ())


def _native(native: openrtb.Native) -> tuple[str | None, tuple[NativeAssetRequest, ...]]:
    payload = native.request
    if payload is None:
        return _NO_NATIVE
    ver, assets = _native_text(payload) if isinstance(payload, str) else _native_of(payload)
    return _text(native.ver) or ver, assets


@lru_cache(maxsize=1024)
def _native_text(payload: str) -> tuple[str | None, tuple[NativeAssetRequest, ...]]:
    # A placement sends the same Native request string every time: read it once.
    return _native_of(payload)


def _native_of(payload: str | dict[str, Any]) -> tuple[str | None, tuple[NativeAssetRequest, ...]]:
    try:
        request = openrtb.decode_native_request(payload)
    except openrtb.MalformedMarkup:
        return _NO_NATIVE
    return _text(request.ver), _native_assets(request)


def _native_assets(request: openrtb.NativeRequest) -> tuple[NativeAssetRequest, ...]:
    out: list[NativeAssetRequest] = []
    for asset in request.assets or ():
        required = asset.required == 1
        if asset.title is not None:
            out.append(NativeAssetRequest(asset.id, required, "title", len=asset.title.len))
        elif asset.img is not None:
            img = asset.img
            out.append(
                NativeAssetRequest(
                    asset.id,
                    required,
                    "img",
                    type=img.type,
                    w=img.w,
                    h=img.h,
                    wmin=img.wmin,
                    hmin=img.hmin,
                )
            )
        elif asset.data is not None:
            out.append(
                NativeAssetRequest(
                    asset.id, required, "data", type=asset.data.type, len=asset.data.len
                )
            )
        elif asset.video is not None:
            out.append(NativeAssetRequest(asset.id, required, "video"))
    return tuple(out)
