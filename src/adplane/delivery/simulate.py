"""``adplane simulate``: an exchange that sends OpenRTB 2.6 traffic to a bidder and plays its part.

It generates bid requests modelled on the samples in the OpenRTB 2.6 document (sites and apps,
banners of the common sizes, Native 1.2, video and CTV, PMP deals, many countries and
devices), posts them open-loop at a fixed rate, and runs each auction against a simulated
competing bid. For a bid that wins it fires the win notice (``nurl``) with the clearing price
substituted, the billing notice (``burl``) when the ad renders, the loss notice (``lurl``)
otherwise, then clicks at a realistic rate (the ad's own click URL, without following the
redirect) and converts some clicks through the postback route.

Everything a run draws comes from one seed: request ``i`` and its auction use a generator
seeded by ``(seed, i)``, so the traffic and the outcomes are the same whatever order the
responses come back in. Money is integer micros: the exchange's prices are CPM in the
request's currency, ``${AUCTION_PRICE}`` is written as an exact decimal.
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import json
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import httpx

from adplane.delivery.openrtb import Bid, MalformedResponse, decode_response

MAX_DURATION_SECONDS = 3600
MAX_QPS = 100_000
DEFAULT_URL = "http://127.0.0.1:8000"
MICROS = 1_000_000
# OpenRTB 2.6 loss reason 102: lost to a higher bid (the only loss the simulation makes).
LOSS_TO_HIGHER_BID = "102"
CLICK_PATH = "/t/click"
CONVERSION_PATH = "/t/conv"
# The bidder's own routes: notice and tracking URLs outside them belong to third parties,
# which a simulation must never call.
OWN_PATHS = ("/rtb/", "/t/")
# Query parameters a destination URL may carry the click id in (the demo's uses ``click``).
CLICK_ID_PARAMS = ("click_id", "clickid", "click", "cid", "subid", "sub_id")


class SimulationRefused(ValueError):
    """A run the simulator will not start (too long, too fast, not loopback)."""


# --- the world the traffic comes from ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    weight: int
    regions: tuple[tuple[str, str], ...]  # (ISO 3166-2 subdivision without country, city)
    language: str
    carriers: tuple[str, ...]
    # First octets of address blocks allocated in the country: plausible, not a geo database.
    ip_prefixes: tuple[int, ...]
    utcoffset: int  # minutes
    eu: bool = False


# fmt: off
COUNTRIES: tuple[Country, ...] = tuple(
    Country(alpha3, weight, regions, language, carriers, prefixes, offset, eu)
    for alpha3, weight, regions, language, carriers, prefixes, offset, eu in (
        ("USA", 30, (("CA", "Los Angeles"), ("NY", "New York"), ("TX", "Austin"),
                     ("IL", "Chicago")), "en", ("Verizon", "AT&T", "T-Mobile"),
         (24, 73, 98, 108), -300, False),
        ("GBR", 12, (("ENG", "London"), ("SCT", "Glasgow"), ("WLS", "Cardiff")), "en",
         ("EE", "Vodafone", "O2"), (81, 86, 92), 0, True),
        ("DEU", 12, (("BE", "Berlin"), ("BY", "Munich"), ("HH", "Hamburg")), "de",
         ("Telekom", "Vodafone", "O2"), (84, 91, 93), 60, True),
        ("FRA", 6, (("IDF", "Paris"), ("ARA", "Lyon")), "fr", ("Orange", "SFR"), (90, 109), 60,
         True),
        ("CAN", 5, (("ON", "Toronto"), ("QC", "Montreal")), "en", ("Rogers", "Bell"), (99,),
         -300, False),
        ("BRA", 5, (("SP", "Sao Paulo"), ("RJ", "Rio de Janeiro")), "pt", ("Vivo", "Claro"),
         (177, 187), -180, False),
        ("IND", 6, (("MH", "Mumbai"), ("DL", "Delhi"), ("KA", "Bengaluru")), "hi",
         ("Jio", "Airtel"), (49, 106, 117), 330, False),
        ("JPN", 4, (("13", "Tokyo"), ("27", "Osaka")), "ja", ("NTT Docomo", "SoftBank"),
         (126, 133), 540, False),
        ("AUS", 3, (("NSW", "Sydney"), ("VIC", "Melbourne")), "en", ("Telstra", "Optus"),
         (1, 101), 600, False),
        ("ESP", 3, (("MD", "Madrid"), ("CT", "Barcelona")), "es", ("Movistar", "Orange"),
         (83, 88), 60, True),
        ("ITA", 3, (("RM", "Rome"), ("MI", "Milan")), "it", ("TIM", "Vodafone"), (79, 151), 60,
         True),
        ("NLD", 2, (("NH", "Amsterdam"),), "nl", ("KPN", "Vodafone"), (77, 145), 60, True),
        ("MEX", 3, (("CMX", "Mexico City"), ("JAL", "Guadalajara")), "es", ("Telcel",),
         (187, 189), -360, False),
        ("POL", 2, (("MZ", "Warsaw"),), "pl", ("Orange", "Play"), (83, 89), 60, True),
        ("TUR", 2, (("34", "Istanbul"), ("06", "Ankara")), "tr", ("Turkcell",), (78, 88), 180,
         False),
        ("IDN", 2, (("JK", "Jakarta"),), "id", ("Telkomsel",), (36, 114), 420, False),
        ("ZAF", 1, (("GP", "Johannesburg"),), "en", ("Vodacom", "MTN"), (41, 105), 120, False),
    )
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Device:
    """A device profile: what its requests say about it, and where it is seen."""

    name: str
    weight: int
    ua: str
    os: str
    osv: str
    make: str
    model: str
    devicetype: int  # AdCOM device type: 1 mobile/tablet, 2 PC, 3 CTV, 4 phone, 5 tablet, 7 STB
    traffic: tuple[str, ...]  # "site", "app", "ctv"
    w: int
    h: int


_CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.6367.82 Mobile Safari/537.36"
)
_SAMSUNG_ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/123.0.6312.118 Mobile Safari/537.36"
)
_SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
_SAFARI_IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/16.6 Mobile/15E148 Safari/604.1"
)
_EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67"
)
_CHROME_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)
_SAFARI_MACOS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15"
)
_FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"
_ROKU = "Roku/DVP-12.5 (12.5.0.4174-AE)"
_TIZEN_TV = (
    "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) "
    "85.0.4183.93/6.5 TV Safari/537.36"
)
_ANDROID_TV = (
    "Mozilla/5.0 (Linux; Android 11; BRAVIA 4K UR3 Build/RTT1.220524.001; wv) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Safari/537.36"
)
_WEB_APP = ("site", "app")

# fmt: off
DEVICES: tuple[Device, ...] = tuple(
    Device(*row)
    for row in (
        ("chrome-android", 24, _CHROME_ANDROID, "Android", "14", "Google", "Pixel 8", 4,
         _WEB_APP, 412, 915),
        ("samsung-android", 12, _SAMSUNG_ANDROID, "Android", "13", "Samsung", "SM-S918B", 4,
         _WEB_APP, 384, 854),
        ("safari-iphone", 20, _SAFARI_IPHONE, "iOS", "17.4", "Apple", "iPhone", 4, _WEB_APP,
         390, 844),
        ("safari-ipad", 4, _SAFARI_IPAD, "iOS", "16.6", "Apple", "iPad", 5, _WEB_APP, 820, 1180),
        ("edge-windows", 12, _EDGE_WINDOWS, "Windows", "10", "", "", 2, ("site",), 1920, 1080),
        ("chrome-windows", 14, _CHROME_WINDOWS, "Windows", "10", "", "", 2, ("site",), 1536, 864),
        ("safari-macos", 7, _SAFARI_MACOS, "macOS", "14.4", "Apple", "Mac", 2, ("site",), 1440,
         900),
        ("firefox-linux", 2, _FIREFOX_LINUX, "Linux", "", "", "", 2, ("site",), 1920, 1080),
        ("roku", 2, _ROKU, "Roku OS", "12.5", "Roku", "Ultra", 3, ("ctv",), 1920, 1080),
        ("samsung-tizen-tv", 2, _TIZEN_TV, "Tizen", "6.5", "Samsung", "QN90B", 3, ("ctv",), 1920,
         1080),
        ("android-tv", 1, _ANDROID_TV, "Android", "11", "Sony", "BRAVIA 4K UR3", 7, ("ctv",),
         1920, 1080),
    )
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    domain: str
    cat: tuple[str, ...]
    publisher_id: str
    publisher_name: str
    pages: tuple[str, ...]


# fmt: off
SITES: tuple[Site, ...] = tuple(
    Site(*row)
    for row in (
        ("102855", "Foobar", "www.foobar.com", ("IAB3-1",), "8953", "foobar.com",
         ("1234.html", "news/today")),
        ("1345135123", "Site ABCD", "siteabcd.com", ("IAB2-1", "IAB2-2"), "pub12345",
         "Publisher A", ("page.htm",)),
        ("s-news-1", "Daily News", "news.example", ("IAB12",), "pub-news", "Daily News Group",
         ("world", "sport/football", "business")),
        ("s-games-1", "Game Hub", "games.example", ("IAB9-30",), "pub-games", "Game Hub Media",
         ("reviews", "top-10")),
        ("s-recipes", "Kitchen Table", "recipes.example", ("IAB8",), "pub-food", "Foodie Inc",
         ("pasta", "baking/bread")),
        ("s-autos", "Motor Weekly", "motorweekly.example", ("IAB2",), "pub-auto", "Motor Media",
         ("suv", "ev/reviews")),
        ("s-tech", "Gadget Blog", "gadgets.example", ("IAB19",), "pub-tech", "Tech Press",
         ("phones", "laptops")),
        ("s-travel", "Wander", "wander.example", ("IAB20",), "pub-travel", "Wander Ltd",
         ("europe", "beaches")),
        ("s-finance", "Money Today", "moneytoday.example", ("IAB13",), "pub-fin",
         "MT Publishing", ("markets", "savings")),
        ("s-health", "Well", "well.example", ("IAB7",), "pub-health", "Well Media",
         ("fitness", "sleep")),
        ("s-weather", "Sky Watch", "skywatch.example", ("IAB15-10",), "pub-weather",
         "Sky Watch", ("forecast",)),
        ("s-sport", "Scoreboard", "scoreboard.example", ("IAB17",), "pub-sport", "Score Media",
         ("live", "results")),
    )
)
# fmt: on


@dataclass(frozen=True, slots=True)
class App:
    id: str
    name: str
    bundle: str
    storeurl: str
    cat: tuple[str, ...]
    publisher_id: str
    publisher_name: str
    ctv: bool = False


_PLAY = "https://play.google.com/store/apps/details?id="
_APPLE = "https://apps.apple.com/app/id"

# fmt: off
APPS: tuple[App, ...] = tuple(
    App(*row)
    for row in (
        ("agltb3B1Yi1pbmNyDAsSA0FwcBiJkfIUDA", "Yahoo Weather", "12345",
         "https://itunes.apple.com/id628677149", ("IAB15", "IAB15-10"),
         "agltb3B1Yi1pbmNyDAsSA0FwcBiJkfTUCV", "yahoo", False),
        ("a-puzzle", "Block Puzzle", "com.example.blockpuzzle", _PLAY + "com.example.blockpuzzle",
         ("IAB9-30",), "pub-apps-1", "Casual Games Co", False),
        ("a-news", "News Now", "com.example.newsnow", _PLAY + "com.example.newsnow", ("IAB12",),
         "pub-news", "Daily News Group", False),
        ("a-fitness", "Run Tracker", "1462839201", _APPLE + "1462839201", ("IAB7-1",),
         "pub-health", "Well Media", False),
        ("a-chat", "Chatter", "com.example.chatter", _PLAY + "com.example.chatter", ("IAB24",),
         "pub-apps-2", "Chatter Labs", False),
        ("a-match3", "Gem Swap", "1588001234", _APPLE + "1588001234", ("IAB9-30",), "pub-apps-1",
         "Casual Games Co", False),
        ("c-stream", "StreamBox", "com.example.streambox", "https://channels.example/streambox",
         ("IAB1-7",), "pub-ctv-1", "StreamBox TV", True),
        ("c-news", "News 24 TV", "tv.example.news24", "https://channels.example/news24",
         ("IAB12",), "pub-ctv-2", "News 24", True),
    )
)
# fmt: on

# Blocked categories (sample request 3) and advertisers exchanges commonly send.
BCAT_POOL = ("IAB25", "IAB26", "IAB7-39", "IAB8-18", "IAB8-5", "IAB9-9", "IAB3-7", "IAB11-4")
BADV_POOL = ("apple.com", "go-text.me", "heywire.com", "competitor.example")
BANNER_SIZES_WEB = ((300, 250), (728, 90), (160, 600), (300, 600), (970, 250), (336, 280))
BANNER_SIZES_MOBILE = ((320, 50), (300, 250), (320, 100), (320, 480))
VIDEO_MIMES = ("video/mp4", "video/webm", "application/javascript", "video/x-flv")
DEALS = (
    ("AB-Agency1-0001", 1, "2.5", "Agency1"),
    ("XY-Agency2-0001", 2, "2", "Agency2"),
    ("adplane-demo-pmp", 2, "0.8", "adplane"),
)
CONNECTION_TYPES = (2, 5, 6, 3)  # wifi, 4G, 5G, cellular unknown


def _weighted(items: Sequence[Any], weight: Callable[[Any], int]) -> tuple[list[Any], list[int]]:
    weights, total = [], 0
    for item in items:
        total += weight(item)
        weights.append(total)
    return list(items), weights


_COUNTRY_TABLE = _weighted(COUNTRIES, lambda c: c.weight)
_DEVICE_TABLE = _weighted(DEVICES, lambda d: d.weight)


def _pick(rng: random.Random, table: tuple[list[Any], list[int]]) -> Any:
    items, cumulative = table
    return rng.choices(items, cum_weights=cumulative)[0]


def _hex(rng: random.Random, nbytes: int) -> str:
    return rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big").hex()


def _decimal(micros: int) -> str:
    """Micros as an exact decimal string (``1.250000`` -> ``1.25``)."""
    text = str(Decimal(micros).scaleb(-6).normalize())
    return text if "E" not in text else format(Decimal(micros).scaleb(-6), "f")


def _floor_micros(rng: random.Random, kind: str) -> int:
    """A floor (CPM micros): most are low, video pays more; log-spread like real floors."""
    base = {"banner": 60_000, "native": 150_000, "video": 800_000}[kind]
    # Multiplier 0.5x .. 8x on a log scale, in thousandths, so the arithmetic stays integer.
    permille = int(500 * 16 ** rng.random())
    return base * permille // 1000 // 10_000 * 10_000 or 10_000


@dataclass(frozen=True, slots=True)
class ImpTerms:
    """What the auction of one impression needs: its floor and auction type, per deal too."""

    kind: str
    floor_micros: int  # CPM micros of the request's currency (USD)
    at: int  # 1 first price, 2 second price
    deals: dict[str, tuple[int, int]] = field(default_factory=dict)  # deal id -> (floor, at)
    private_auction: bool = False

    def for_deal(self, deal_id: object) -> tuple[int, int]:
        """The floor and auction type a bid made under ``deal_id`` (or none) competes at."""
        if isinstance(deal_id, str) and deal_id in self.deals:
            return self.deals[deal_id]
        return self.floor_micros, self.at


@dataclass(frozen=True, slots=True)
class GeneratedRequest:
    """One bid request as sent, with what the auction needs to know about its impressions."""

    index: int
    body: dict[str, Any]
    imps: dict[str, ImpTerms]


@dataclass(frozen=True, slots=True)
class TrafficShape:
    """What share of the traffic is which (fractions in percent, so the draws stay integer)."""

    app_percent: int = 30
    ctv_percent: int = 4
    native_percent: int = 15
    video_percent: int = 12
    deal_percent: int = 8
    bcat_percent: int = 50
    no_geo_percent: int = 5  # geo left to the bidder's IP lookup
    multi_imp_percent: int = 10
    users: int = 20_000  # distinct user ids (frequency caps need repeat visitors)
    # Spot ids the exchange knows the placements by (``imp.tagid``); empty: opaque tag ids.
    tagids: tuple[str, ...] = ()


class RequestGenerator:
    """Bid requests modelled on the OpenRTB 2.6 samples, the same for the same seed and index."""

    def __init__(self, seed: int, shape: TrafficShape | None = None) -> None:
        self.seed = seed
        self.shape = shape or TrafficShape()

    def rng(self, index: int, purpose: str = "request") -> random.Random:
        """The generator for request ``index``: independent of every other request's draws."""
        return random.Random(f"{self.seed}:{index}:{purpose}")

    def request(self, index: int, *, tmax: int | None = None) -> GeneratedRequest:
        rng = self.rng(index)
        shape = self.shape
        country: Country = _pick(rng, _COUNTRY_TABLE)
        roll = rng.randrange(100)
        if roll < shape.ctv_percent:
            traffic = "ctv"
        elif roll < shape.ctv_percent + shape.app_percent:
            traffic = "app"
        else:
            traffic = "site"
        device: Device = _pick(rng, _DEVICE_TABLE)
        while traffic not in device.traffic:
            device = _pick(rng, _DEVICE_TABLE)
        auction_id = _hex(rng, 16)
        imps: dict[str, ImpTerms] = {}
        at = 1 if rng.randrange(100) < 20 else 2
        count = 2 if rng.randrange(100) < shape.multi_imp_percent and traffic != "ctv" else 1
        imp_list = [self._imp(rng, str(n + 1), traffic, device, at, imps) for n in range(count)]
        body: dict[str, Any] = {
            "id": auction_id,
            "at": at,
            "tmax": tmax if tmax is not None else rng.choice((100, 120, 150, 200, 250, 300)),
            "cur": ["USD"],
            "imp": imp_list,
            "device": self._device(rng, device, country, traffic),
            "user": self._user(rng, country),
            "source": {"tid": _hex(rng, 16), "fd": 1},
            "regs": {"coppa": 0, "gdpr": 1 if country.eu else 0},
        }
        if traffic == "site":
            body["site"] = self._site(rng)
        else:
            body["app"] = self._app(rng, ctv=traffic == "ctv")
        if rng.randrange(100) < shape.bcat_percent:
            body["bcat"] = sorted(rng.sample(BCAT_POOL, rng.randint(1, 5)))
        if rng.randrange(100) < 20:
            body["badv"] = sorted(rng.sample(BADV_POOL, rng.randint(1, 3)))
        return GeneratedRequest(index, body, imps)

    def _imp(
        self,
        rng: random.Random,
        imp_id: str,
        traffic: str,
        device: Device,
        at: int,
        imps: dict[str, ImpTerms],
    ) -> dict[str, Any]:
        shape = self.shape
        roll = rng.randrange(100)
        if traffic == "ctv" or roll < shape.video_percent:
            kind = "video"
        elif roll < shape.video_percent + shape.native_percent:
            kind = "native"
        else:
            kind = "banner"
        floor = _floor_micros(rng, kind)
        imp: dict[str, Any] = {
            "id": imp_id,
            "bidfloor": float(_decimal(floor)),
            "bidfloorcur": "USD",
            "secure": 1 if rng.randrange(100) < 90 else 0,
            "tagid": rng.choice(shape.tagids) if shape.tagids else _hex(rng, 8),
        }
        if kind == "banner":
            mobile = device.devicetype in (1, 4, 5)
            sizes = BANNER_SIZES_MOBILE if mobile else BANNER_SIZES_WEB
            w, h = rng.choice(sizes)
            banner: dict[str, Any] = {"w": w, "h": h, "pos": rng.choice((0, 1, 3))}
            if rng.randrange(100) < 30:
                extra = [s for s in sizes if s != (w, h)]
                banner["format"] = [
                    {"w": fw, "h": fh} for fw, fh in [(w, h), *rng.sample(extra, 1)]
                ]
            if rng.randrange(100) < 25:
                banner["battr"] = sorted(rng.sample((1, 3, 6, 8, 9, 10, 13, 14), 2))
            if traffic == "app":
                banner["api"] = [3, 5]  # MRAID 1 and 2
                imp["instl"] = 1 if (w, h) == (320, 480) else 0
            imp["banner"] = banner
        elif kind == "native":
            imp["native"] = {"request": json.dumps(_native_request(rng)), "ver": "1.2"}
        else:
            ctv = traffic == "ctv"
            w, h = (1920, 1080) if ctv else rng.choice(((640, 480), (640, 360), (1280, 720)))
            imp["video"] = {
                "mimes": ["video/mp4"] if ctv else rng.sample(VIDEO_MIMES, rng.randint(1, 3)),
                "minduration": 5,
                "maxduration": rng.choice((15, 30, 60)),
                "protocols": [2, 3, 5, 6, 7, 8] if ctv else [2, 3, 5, 6],
                "w": w,
                "h": h,
                "startdelay": 0,
                "plcmt": 1,
                "linearity": 1,
                "skip": 0 if ctv else rng.choice((0, 1)),
                "playbackmethod": [1] if ctv else [2, 6],
                "api": [] if ctv else [1, 2],
            }
        deals: dict[str, tuple[int, int]] = {}
        private = False
        if rng.randrange(100) < shape.deal_percent:
            deal_id, deal_at, deal_floor, seat = rng.choice(DEALS)
            deals[deal_id] = (int(Decimal(deal_floor) * MICROS), deal_at)
            private = rng.randrange(2) == 1
            imp["pmp"] = {
                "private_auction": int(private),
                "deals": [
                    {
                        "id": deal_id,
                        "at": deal_at,
                        "bidfloor": float(deal_floor),
                        "bidfloorcur": "USD",
                        "wseat": [seat],
                    }
                ],
            }
        imps[imp_id] = ImpTerms(kind, floor, at, deals, private)
        return imp

    def _device(
        self, rng: random.Random, device: Device, country: Country, traffic: str
    ) -> dict[str, Any]:
        region, city = rng.choice(country.regions)
        geo: dict[str, Any] = {
            "country": country.alpha3,
            "region": region,
            "city": city,
            "type": 2,  # IP address derived
            "utcoffset": country.utcoffset,
        }
        out: dict[str, Any] = {
            "ua": device.ua,
            "ip": f"{rng.choice(country.ip_prefixes)}.{rng.randrange(256)}"
            f".{rng.randrange(256)}.{rng.randrange(1, 255)}",
            "devicetype": device.devicetype,
            "os": device.os,
            "osv": device.osv,
            "language": country.language,
            "js": 1,
            "dnt": 0,
            "lmt": 0,
            "w": device.w,
            "h": device.h,
        }
        if rng.randrange(100) >= self.shape.no_geo_percent:
            out["geo"] = geo
        if device.make:
            out["make"], out["model"] = device.make, device.model
        if device.devicetype in (1, 4, 5):
            out["carrier"] = rng.choice(country.carriers)
            out["connectiontype"] = rng.choice(CONNECTION_TYPES)
        else:
            out["connectiontype"] = rng.choice((1, 2))  # ethernet, wifi
        if traffic in ("app", "ctv"):
            out["ifa"] = str(_uuid(rng))
        return out

    def _user(self, rng: random.Random, country: Country) -> dict[str, Any]:
        # A small population, so the same users come back (frequency caps, uniqueness).
        number = rng.randrange(self.shape.users)
        user = {
            "id": f"u-{self.seed:x}-{number:06d}",
            "buyeruid": f"b-{number:06d}",
            "yob": 1950 + number % 55,
            "gender": "MF"[number % 2],
        }
        if country.eu:
            user["consent"] = "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA"
        return user

    def _site(self, rng: random.Random) -> dict[str, Any]:
        site: Site = rng.choice(SITES)
        return {
            "id": site.id,
            "name": site.name,
            "domain": site.domain,
            "cat": list(site.cat),
            "page": f"https://{site.domain}/{rng.choice(site.pages)}",
            "ref": "https://www.google.com/" if rng.randrange(3) == 0 else None,
            "publisher": {"id": site.publisher_id, "name": site.publisher_name},
            "privacypolicy": 1,
        }

    def _app(self, rng: random.Random, *, ctv: bool) -> dict[str, Any]:
        app: App = rng.choice([a for a in APPS if a.ctv == ctv])
        return {
            "id": app.id,
            "name": app.name,
            "bundle": app.bundle,
            "storeurl": app.storeurl,
            "cat": list(app.cat),
            "ver": f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            "publisher": {"id": app.publisher_id, "name": app.publisher_name},
        }


def _uuid(rng: random.Random) -> str:
    raw = _hex(rng, 16)
    return f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}".upper()


def _native_request(rng: random.Random) -> dict[str, Any]:
    """A Native 1.2 request: title, main image, and some of icon, description, sponsor, CTA."""
    assets: list[dict[str, Any]] = [
        {"id": 1, "required": 1, "title": {"len": rng.choice((25, 50, 90))}},
        {"id": 2, "required": 1, "img": {"type": 3, "wmin": 300, "hmin": 157}},
    ]
    if rng.randrange(2):
        assets.append({"id": 3, "required": 0, "img": {"type": 1, "w": 80, "h": 80}})
    assets.append({"id": 4, "required": rng.randrange(2), "data": {"type": 2, "len": 140}})
    if rng.randrange(2):
        assets.append({"id": 5, "required": 0, "data": {"type": 1, "len": 25}})
    if rng.randrange(2):
        assets.append({"id": 6, "required": 0, "data": {"type": 12, "len": 15}})
    return {
        "ver": "1.2",
        "context": rng.choice((1, 2)),
        "plcmttype": rng.choice((1, 4)),
        "plcmtcnt": 1,
        "assets": assets,
        "eventtrackers": [{"event": 1, "methods": [1]}],
    }


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def encode(request: GeneratedRequest) -> bytes:
    """The request body as the exchange sends it (no nulls: OpenRTB omits absent fields)."""
    return json.dumps(_drop_none(request.body), separators=(",", ":")).encode()


# --- the auction ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rates:
    """The exchange's behaviour, in parts per million so every draw is an integer compare."""

    # A competing bid is absent this often (thin inventory); otherwise drawn around ours.
    no_competition_ppm: int = 200_000
    # The competitor's bid relative to ours, in thousandths: uniform in [low, high].
    competitor_low_permille: int = 500
    competitor_high_permille: int = 1_400
    render_ppm: int = 900_000  # wins whose ad renders (billing notice)
    ctr_ppm: int = 10_000  # clicks per rendered impression (1%)
    cvr_ppm: int = 30_000  # conversions per click (3%)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One bid's auction: won or lost, at what price, and what the user then did."""

    won: bool
    clearing_micros: int  # CPM micros; the best other bid for a loss
    rendered: bool
    clicked: bool
    converted: bool


def run_auction(
    rng: random.Random, price_micros: int, floor_micros: int, at: int, rates: Rates
) -> Outcome:
    """First (``at`` 1) or second price against one simulated competing bid, floor included."""
    if rng.randrange(MICROS) < rates.no_competition_ppm:
        competitor = 0
    else:
        permille = rng.randint(rates.competitor_low_permille, rates.competitor_high_permille)
        competitor = price_micros * permille // 1000
    won = price_micros >= floor_micros and price_micros > competitor
    if not won:
        return Outcome(False, max(competitor, floor_micros), False, False, False)
    clearing = price_micros if at == 1 else min(price_micros, max(floor_micros, competitor))
    rendered = rng.randrange(MICROS) < rates.render_ppm
    clicked = rendered and rng.randrange(MICROS) < rates.ctr_ppm
    converted = clicked and rng.randrange(MICROS) < rates.cvr_ppm
    return Outcome(True, clearing, rendered, clicked, converted)


def fill_macros(
    url: str, *, request_id: str, bid: Bid, seat: str | None, price: str, loss: str
) -> str:
    """Substitute the OpenRTB 2.6 auction macros an exchange fills in notice URLs and markup."""
    if "${" not in url:
        return url
    values = {
        "${AUCTION_ID}": request_id,
        "${AUCTION_BID_ID}": bid.id,
        "${AUCTION_IMP_ID}": bid.impid,
        "${AUCTION_SEAT_ID}": seat or "",
        "${AUCTION_AD_ID}": bid.adid or "",
        "${AUCTION_PRICE}": price,
        "${AUCTION_CURRENCY}": "USD",
        "${AUCTION_MBR}": "",
        "${AUCTION_LOSS}": loss,
        "${AUCTION_MIN_TO_WIN}": price,
    }
    for macro, value in values.items():
        url = url.replace(macro, value)
    return url


_CLICK_IN_MARKUP = re.compile(r"""(https?://[^\s"'<>\]]+?/t/click\?[^\s"'<>\]]+)""")


def click_url(adm: str | None) -> str | None:
    """The ad's click URL: native ``link.url``, VAST ``ClickThrough``, or a banner's link."""
    if not adm:
        return None
    text = adm.strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        if isinstance(document, dict):
            native = document.get("native", document)
            link = native.get("link") if isinstance(native, dict) else None
            if isinstance(link, dict) and isinstance(link.get("url"), str):
                return str(link["url"])
    if "<VAST" in text:
        through = re.search(
            r"<ClickThrough[^>]*>\s*(?:<!\[CDATA\[)?\s*(.*?)\s*(?:\]\]>)?\s*</ClickThrough>",
            text,
            re.S,
        )
        if through:
            return html.unescape(through.group(1))
    found = _CLICK_IN_MARKUP.search(text)
    return html.unescape(found.group(1)) if found else None


def click_id_of(location: str | None) -> str | None:
    """The click id the click redirect filled into the destination URL."""
    if not location:
        return None
    query = parse_qs(urlsplit(location).query)
    for name in CLICK_ID_PARAMS:
        values = query.get(name)
        if values and values[0] and "{" not in values[0]:
            return values[0]
    return None


# --- the run ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SimulationConfig:
    qps: float
    duration: float
    url: str = DEFAULT_URL
    seed: int | None = None
    exchange: str | None = None
    concurrency: int = 64
    timeout: float = 2.0
    rates: Rates = field(default_factory=Rates)
    shape: TrafficShape = field(default_factory=TrafficShape)
    allow_remote: bool = False
    tmax: int | None = None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check(config: SimulationConfig) -> None:
    """Refuse a run that is unbounded, pointless or aimed past loopback without leave."""
    if not 0 < config.duration <= MAX_DURATION_SECONDS:
        raise SimulationRefused(
            f"--duration must be more than 0 and at most {MAX_DURATION_SECONDS} seconds"
        )
    if not 0 < config.qps <= MAX_QPS:
        raise SimulationRefused(f"--qps must be more than 0 and at most {MAX_QPS:,}")
    if config.qps * config.duration < 1:
        raise SimulationRefused("--qps times --duration sends no request: raise either")
    parts = urlsplit(config.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SimulationRefused(f"--url {config.url!r} is not an http(s) URL")
    if not config.allow_remote and not _is_loopback(parts.hostname):
        raise SimulationRefused(
            f"--url {config.url!r} is not a loopback address: the simulator sends synthetic "
            "traffic and notices; pass --allow-remote to aim it at a server you run elsewhere"
        )
    if config.exchange is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", config.exchange):
        raise SimulationRefused("--exchange must be 1-64 letters, digits, '-' or '_'")


def bid_url(config: SimulationConfig) -> str:
    path = f"/rtb/{config.exchange}/bid" if config.exchange else "/rtb/bid"
    return urljoin(config.url.rstrip("/") + "/", path.lstrip("/"))


@dataclass
class SimulationResult:
    seed: int
    duration_seconds: float = 0.0
    requests: int = 0
    bids: int = 0  # bids (seatbid[].bid[]) received
    responses_with_bid: int = 0
    no_bids: int = 0
    wins: int = 0
    losses: int = 0
    impressions: int = 0  # billing notices accepted
    clicks: int = 0
    conversions: int = 0
    # Sum of the billed impressions' clearing CPMs, in micros; spend is this / 1000.
    billed_cpm_micros: int = 0
    late: int = 0  # bid responses slower than the request's tmax (an exchange drops them)
    dropped: int = 0  # requests not sent: the concurrency bound was full (open loop)
    errors: int = 0
    notice_errors: int = 0
    external: int = 0  # notice or click URLs of third parties, not called
    error_samples: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def bid_rate(self) -> float:
        return self.responses_with_bid / self.requests if self.requests else 0.0

    @property
    def spend(self) -> Decimal:
        """Spend at the clearing prices of billed impressions, in the exchange's currency."""
        return Decimal(self.billed_cpm_micros).scaleb(-9)

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def error(self, message: str) -> None:
        if len(self.error_samples) < 5 and message not in self.error_samples:
            self.error_samples.append(message)

    def describe(self) -> list[str]:
        rate = self.requests / self.duration_seconds if self.duration_seconds else 0.0
        lines = [
            f"seed {self.seed}, {self.duration_seconds:.1f} s, {rate:,.0f} requests/s",
            f"requests     {self.requests:>10,}   dropped (concurrency full) {self.dropped:,}",
            f"bids         {self.bids:>10,}   bid rate {self.bid_rate:.1%}"
            f", no bid {self.no_bids:,}",
            f"wins         {self.wins:>10,}   losses {self.losses:,}",
            f"impressions  {self.impressions:>10,}",
            f"clicks       {self.clicks:>10,}",
            f"conversions  {self.conversions:>10,}",
            f"spend        {self.spend:>10.2f}   at clearing prices (USD)",
            f"latency      p50 {self.percentile(0.50):.1f} ms, p99 {self.percentile(0.99):.1f} ms"
            f", late (> tmax) {self.late:,}",
            f"errors       {self.errors:>10,}   notice errors {self.notice_errors:,}"
            f", third-party URLs not called {self.external:,}",
        ]
        lines.extend(f"  e.g. {sample}" for sample in self.error_samples)
        return lines


class Exchange:
    """One simulation run: paces requests, plays each auction, fires the notices."""

    def __init__(self, config: SimulationConfig, client: httpx.AsyncClient) -> None:
        check(config)
        self.config = config
        self.client = client
        seed = config.seed if config.seed is not None else random.SystemRandom().getrandbits(32)
        self.generator = RequestGenerator(seed, config.shape)
        self.result = SimulationResult(seed=seed)
        self.url = bid_url(config)
        self.base = config.url.rstrip("/") + "/"
        self._in_flight = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self) -> SimulationResult:
        """Send ``qps * duration`` requests on schedule, then wait for their notices."""
        total = int(self.config.qps * self.config.duration)
        interval = 1.0 / self.config.qps
        started = time.perf_counter()
        sent = 0
        while sent < total:
            now = time.perf_counter() - started
            due = min(total, int(now / interval) + 1)
            while sent < due:
                if self._in_flight >= self.config.concurrency:
                    self.result.dropped += 1
                else:
                    self._spawn(self._one(sent))
                sent += 1
            if sent < total:
                await asyncio.sleep(max(0.0, sent * interval - (time.perf_counter() - started)))
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        self.result.duration_seconds = time.perf_counter() - started
        return self.result

    def _spawn(self, work: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _one(self, index: int) -> None:
        self._in_flight += 1
        try:
            await self._auction(index)
        finally:
            self._in_flight -= 1

    async def _auction(self, index: int) -> None:
        generated = self.generator.request(index, tmax=self.config.tmax)
        result = self.result
        result.requests += 1
        start = time.perf_counter()
        try:
            response = await self.client.post(
                self.url,
                content=encode(generated),
                headers={"Content-Type": "application/json", "x-openrtb-version": "2.6"},
            )
        except httpx.HTTPError as exc:
            result.errors += 1
            result.error(f"bid request: {type(exc).__name__}: {exc}")
            return
        elapsed_ms = (time.perf_counter() - start) * 1000
        result.latencies_ms.append(elapsed_ms)
        if elapsed_ms > generated.body["tmax"]:
            result.late += 1
        if response.status_code == 204:
            result.no_bids += 1
            return
        if response.status_code != 200:
            result.errors += 1
            result.error(f"bid request: HTTP {response.status_code}: {response.text[:200]}")
            return
        try:
            document = decode_response(response.content)
        except MalformedResponse as exc:
            result.errors += 1
            result.error(f"bid response is not an OpenRTB 2.6 BidResponse: {exc}")
            return
        bids = [(seat.seat, bid) for seat in document.seatbid or () for bid in seat.bid]
        if not bids:
            result.no_bids += 1
            return
        result.responses_with_bid += 1
        result.bids += len(bids)
        rng = self.generator.rng(index, "auction")
        request_id = str(generated.body["id"])
        for seat, bid in bids:
            await self._settle(rng, request_id, generated, seat, bid)

    async def _settle(
        self,
        rng: random.Random,
        request_id: str,
        generated: GeneratedRequest,
        seat: str | None,
        bid: Bid,
    ) -> None:
        result = self.result
        imp = generated.imps.get(bid.impid)
        price_micros = int(bid.price * MICROS) if bid.price.is_finite() else -1
        if imp is None or price_micros < 0:
            result.errors += 1
            result.error(f"bid for an unknown impression or at no price: {bid!r:.200}")
            return
        floor, at = imp.for_deal(bid.dealid)
        if imp.private_auction and bid.dealid not in imp.deals:
            # A private auction takes deal bids only: an open-market bid there cannot win.
            floor = max(floor, price_micros + 1)
        outcome = run_auction(rng, price_micros, floor, at, self.config.rates)

        def filled(url: str) -> str:
            return fill_macros(
                url,
                request_id=request_id,
                bid=bid,
                seat=seat,
                price=_decimal(outcome.clearing_micros),
                loss="0" if outcome.won else LOSS_TO_HIGHER_BID,
            )

        if not outcome.won:
            result.losses += 1
            if bid.lurl:
                await self._notice(filled(bid.lurl))
            return
        result.wins += 1
        adm = bid.adm
        if bid.nurl:
            served = await self._notice(filled(bid.nurl))
            # Ad served on the win notice (sample response 1): the markup is the body.
            if not adm and served is not None and served.status_code == 200:
                adm = served.text
        if not outcome.rendered:
            return
        if bid.burl:
            billed = await self._notice(filled(bid.burl))
            if billed is None or billed.status_code >= 400:
                return
        result.impressions += 1
        result.billed_cpm_micros += outcome.clearing_micros
        if not outcome.clicked:
            return
        target = click_url(filled(adm) if adm else None)
        if target is None:
            return
        clicked = await self._notice(target)
        if clicked is None or clicked.status_code >= 400:
            return
        result.clicks += 1
        if not outcome.converted:
            return
        click_id = click_id_of(clicked.headers.get("location"))
        if click_id is None:
            return
        payout = rng.choice(("5", "12.5", "25", "49.99"))
        query = urlencode({"click_id": click_id, "payout": payout, "tid": f"sim-{request_id}"})
        converted = await self._notice(f"{CONVERSION_PATH}?{query}")
        if converted is not None and converted.status_code < 400:
            result.conversions += 1

    def local(self, url: str) -> str | None:
        """``url`` aimed at the server under test, or None for a third party's URL.

        The bidder writes its notice URLs with its public address, which may not be the one
        the simulation reaches it at; only the path and query are kept.
        """
        parts = urlsplit(url)
        if not parts.path.startswith(OWN_PATHS):
            return None
        return urljoin(self.base, parts.path.lstrip("/")) + (
            f"?{parts.query}" if parts.query else ""
        )

    async def _notice(self, url: str) -> httpx.Response | None:
        """GET a notice, pixel or click URL as a browser or exchange would, redirects unfollowed."""
        target = self.local(url)
        if target is None:
            self.result.external += 1
            return None
        try:
            response = await self.client.get(target, follow_redirects=False)
        except httpx.HTTPError as exc:
            self.result.notice_errors += 1
            self.result.error(f"notice {url[:80]}: {type(exc).__name__}")
            return None
        if response.status_code >= 400:
            self.result.notice_errors += 1
            self.result.error(f"notice {url[:80]}: HTTP {response.status_code}")
        return response


def summary(result: SimulationResult) -> dict[str, Any]:
    """The run's figures as JSON-ready values (spend as an exact decimal string)."""
    return {
        "seed": result.seed,
        "duration_seconds": round(result.duration_seconds, 3),
        "requests": result.requests,
        "dropped": result.dropped,
        "bids": result.bids,
        "bid_rate": round(result.bid_rate, 4),
        "no_bids": result.no_bids,
        "wins": result.wins,
        "losses": result.losses,
        "impressions": result.impressions,
        "clicks": result.clicks,
        "conversions": result.conversions,
        "spend": str(result.spend),
        "latency_p50_ms": round(result.percentile(0.50), 3),
        "latency_p99_ms": round(result.percentile(0.99), 3),
        "late": result.late,
        "errors": result.errors,
        "notice_errors": result.notice_errors,
        "external": result.external,
    }


async def simulate(config: SimulationConfig) -> SimulationResult:
    """Run one simulation against ``config.url`` with one keep-alive connection pool."""
    check(config)
    limits = httpx.Limits(
        max_connections=config.concurrency, max_keepalive_connections=config.concurrency
    )
    async with httpx.AsyncClient(
        limits=limits, timeout=config.timeout, headers={"User-Agent": "adplane-simulate/1"}
    ) as client:
        return await Exchange(config, client).run()
