"""Realistic synthetic events for the existing campaigns (demos, benchmarks, load tests).

Traffic is generated as auction chains: a bid, which may be won, shown, clicked (and, for
tracker campaigns, land as a visit) and convert. Every later step belongs to an earlier one of
the same chain, so per campaign bids >= wins >= impressions >= clicks >= conversions always.
Countries, devices, exchanges, publishers and users follow skewed (Zipf-like) distributions,
each chain has a traffic type (desktop or mobile web, app, CTV, screens) that decides what it
asks for (banner, native, video, audio) and how often it is sold through a private deal,
traffic follows the day's rhythm, and costs follow each campaign's pricing model: CPM
campaigns pay a clearing price at or under their bid per impression, CPC their bid per click,
CPA and CPI their bid per conversion.

The same seed, count and days give the same events with the same ids, so running the same
generation twice adds nothing: the second run's events are all duplicates.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import orjson

from adplane.campaigns import schemas

_DEFAULT_BID_MICROS: Final = {
    "cpm": 1_500_000,
    "cpv": 20_000,
    "cpc": 250_000,
    "cpa": 5_000_000,
    "cpi": 2_000_000,
}


@dataclass(frozen=True)
class CampaignProfile:
    """What the generator needs to know of a campaign."""

    id: int
    account_id: int
    pricing_model: str = "cpm"
    bid_micros: int = 0
    payout_micros: int | None = None
    countries: tuple[str, ...] = ()
    spots: tuple[int, ...] = ()
    tracker: bool = False


def profile_of(campaign: schemas.Campaign) -> CampaignProfile:
    """A campaign's generator profile: its pricing, bid, targeted countries and spots."""
    model = str(campaign.pricing_model.value if campaign.pricing_model else "cpm")
    bid = campaign.bid_price
    bid_micros = int(bid * 1_000_000) if bid else _DEFAULT_BID_MICROS.get(model, 1_000_000)
    payout = campaign.payout
    targeting = campaign.targeting
    countries = tuple(str(c) for c in targeting.countries.include) if targeting else ()
    spots = tuple(int(s) for s in targeting.spots.include if str(s).isdigit()) if targeting else ()
    return CampaignProfile(
        id=campaign.id,
        account_id=campaign.account_id,
        pricing_model=model,
        bid_micros=bid_micros,
        payout_micros=int(payout * 1_000_000) if payout else None,
        countries=countries,
        spots=spots,
        tracker=bool(campaign.alias),
    )


class _Weighted:
    """Draws from weighted values with one random number and a binary search."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cumulative = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> Any:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.values[min(index, len(self.values) - 1)]


def _zipf(values: Sequence[Any], exponent: float = 1.0) -> _Weighted:
    return _Weighted([(v, 1 / (rank**exponent)) for rank, v in enumerate(values, start=1)])


# Share of real-world programmatic traffic, roughly.
COUNTRIES: Final = _Weighted(
    [
        ("US", 28), ("IN", 9), ("GB", 6), ("DE", 6), ("BR", 5), ("FR", 4.5), ("CA", 4),
        ("JP", 3.5), ("MX", 3), ("ES", 3), ("IT", 3), ("ID", 2.5), ("PH", 2), ("TR", 2),
        ("PL", 1.5), ("NL", 1.5), ("AU", 1.5), ("VN", 1.5), ("TH", 1.2), ("AR", 1.2),
        ("ZA", 1), ("NG", 1), ("EG", 0.9), ("SE", 0.8), ("KR", 0.8), ("CO", 0.7),
        ("UA", 0.6), ("RO", 0.5), ("CL", 0.5), ("PT", 0.4),
    ]
)  # fmt: skip
_REGIONS: Final[dict[str, list[tuple[str, str, float]]]] = {
    "US": [
        ("CA", "Los Angeles", 8), ("CA", "San Francisco", 4), ("NY", "New York", 9),
        ("TX", "Houston", 5), ("TX", "Dallas", 4), ("FL", "Miami", 4), ("IL", "Chicago", 5),
        ("WA", "Seattle", 3), ("GA", "Atlanta", 3), ("AZ", "Phoenix", 2),
    ],
    "GB": [("ENG", "London", 10), ("ENG", "Manchester", 3), ("SCT", "Glasgow", 2)],
    "DE": [("BE", "Berlin", 6), ("BY", "Munich", 4), ("HH", "Hamburg", 3), ("NW", "Cologne", 3)],
    "IN": [("MH", "Mumbai", 6), ("DL", "Delhi", 6), ("KA", "Bengaluru", 5), ("TN", "Chennai", 3)],
    "BR": [("SP", "Sao Paulo", 8), ("RJ", "Rio de Janeiro", 5), ("MG", "Belo Horizonte", 2)],
    "FR": [("IDF", "Paris", 8), ("ARA", "Lyon", 3), ("PAC", "Marseille", 3)],
    "CA": [("ON", "Toronto", 6), ("QC", "Montreal", 4), ("BC", "Vancouver", 3)],
    "JP": [("13", "Tokyo", 8), ("27", "Osaka", 4)],
}  # fmt: skip
_LANGUAGES: Final = {
    "US": "en", "GB": "en", "CA": "en", "AU": "en", "IN": "en", "PH": "en", "NG": "en",
    "ZA": "en", "DE": "de", "FR": "fr", "BR": "pt", "PT": "pt", "JP": "ja", "MX": "es",
    "ES": "es", "AR": "es", "CO": "es", "CL": "es", "IT": "it", "ID": "id", "TR": "tr",
    "PL": "pl", "NL": "nl", "VN": "vi", "TH": "th", "EG": "ar", "SE": "sv", "KR": "ko",
    "UA": "uk", "RO": "ro",
}  # fmt: skip
_CARRIERS: Final = {
    "US": ["Verizon", "T-Mobile", "AT&T"],
    "GB": ["EE", "Vodafone", "O2", "Three"],
    "DE": ["Telekom", "Vodafone", "O2"],
    "IN": ["Jio", "Airtel", "Vi"],
    "BR": ["Vivo", "Claro", "TIM"],
    "FR": ["Orange", "SFR", "Bouygues", "Free"],
}
DEVICES: Final = _Weighted(
    [("mobile", 60), ("desktop", 30), ("tablet", 7), ("ctv", 3), ("ooh", 0.5)]
)
_OS: Final = {
    "mobile": _Weighted([("Android", 70), ("iOS", 30)]),
    "desktop": _Weighted([("Windows", 75), ("macOS", 18), ("Linux", 4), ("ChromeOS", 3)]),
    "tablet": _Weighted([("iPadOS", 55), ("Android", 45)]),
    "ctv": _Weighted([("Tizen", 35), ("webOS", 25), ("Roku", 25), ("Android TV", 15)]),
    "ooh": _Weighted([("Linux", 60), ("Android", 40)]),
}
_OS_VERSIONS: Final = {
    "Android": ["14", "13", "12", "11", "10"],
    "iOS": ["17.4", "17.2", "16.6", "15.8"],
    "iPadOS": ["17.4", "16.6"],
    "Windows": ["10", "11"],
    "macOS": ["14.4", "13.6", "12.7"],
    "Linux": ["6.5"],
    "ChromeOS": ["122"],
    "Tizen": ["7.0"],
    "webOS": ["23"],
    "Roku": ["12.5"],
    "Android TV": ["12"],
}
_BROWSERS: Final = {
    "Android": _Weighted([("Chrome", 80), ("Samsung Internet", 12), ("Firefox", 4), ("Opera", 4)]),
    "iOS": _Weighted([("Safari", 85), ("Chrome", 15)]),
    "iPadOS": _Weighted([("Safari", 90), ("Chrome", 10)]),
    "Windows": _Weighted([("Chrome", 65), ("Edge", 25), ("Firefox", 10)]),
    "macOS": _Weighted([("Safari", 55), ("Chrome", 40), ("Firefox", 5)]),
    "Linux": _Weighted([("Chrome", 60), ("Firefox", 40)]),
    "ChromeOS": _Weighted([("Chrome", 100)]),
}
_BROWSER_VERSIONS: Final = {
    "Chrome": "122.0",
    "Samsung Internet": "24.0",
    "Firefox": "123.0",
    "Opera": "80.0",
    "Safari": "17.4",
    "Edge": "122.0",
}
# What the events carry: the targeting catalogues' codes (GET /api/v1/targeting/{dimension}),
# so reports group and filter on the values campaigns target. The tables above keep the names
# a user agent shows, for the user agent string.
_DEVICE_CODES: Final = {
    "mobile": "phone",
    "desktop": "pc",
    "tablet": "tablet",
    "ctv": "ctv",
    "ooh": "ooh",
}
_OS_CODES: Final = {
    "Android": "android",
    "iOS": "ios",
    "iPadOS": "ios",
    "Windows": "windows",
    "macOS": "macos",
    "Linux": "linux",
    "ChromeOS": "chrome_os",
    "Tizen": "tizen",
    "webOS": "webos",
    "Roku": "other",
    # Android TV reports itself as Android.
    "Android TV": "android",
}
_BROWSER_CODES: Final = {
    "Chrome": "chrome",
    "Samsung Internet": "samsung_internet",
    "Firefox": "firefox",
    "Opera": "opera",
    "Safari": "safari",
    "Edge": "edge",
}
_CARRIER_CODES: Final = {
    "Verizon": "verizon",
    "T-Mobile": "t_mobile_us",
    "AT&T": "att",
    "EE": "ee",
    "Vodafone": "vodafone",
    "O2": "o2",
    "Three": "three",
    "Telekom": "deutsche_telekom",
    "Jio": "jio",
    "Airtel": "airtel",
    "Vi": "vi",
    "Vivo": "vivo_br",
    "Claro": "claro",
    "TIM": "tim",
    "Orange": "orange",
    "SFR": "sfr",
    "Bouygues": "bouygues",
    "Free": "free_mobile",
}
_SIZES: Final = {
    "mobile": _Weighted([("300x250", 40), ("320x50", 35), ("320x480", 15), ("300x50", 10)]),
    "desktop": _Weighted(
        [("300x250", 35), ("728x90", 30), ("160x600", 15), ("970x250", 10), ("300x600", 10)]
    ),
    "tablet": _Weighted([("300x250", 50), ("728x90", 30), ("768x1024", 20)]),
    "ctv": _Weighted([("1920x1080", 100)]),
    "ooh": _Weighted([("1920x1080", 70), ("1080x1920", 30)]),
}
EXCHANGES: Final = _zipf(["adx", "openx", "pubmatic", "magnite", "index", "triplelift", "xandr"])
# Most requests come straight from the exchange's own supply platform; some are resold.
SSPS: Final = _zipf(["magnite", "pubmatic", "openx", "index", "sovrn", "triplelift", "smaato"])
# What each traffic type asks for: CTV and screens are mostly video, apps carry every format.
_REQUEST_TYPES: Final = {
    "desktop_web": _Weighted([("banner", 72), ("native", 18), ("video", 10)]),
    "mobile_web": _Weighted([("banner", 68), ("native", 22), ("video", 10)]),
    "mobile_app": _Weighted([("banner", 55), ("video", 25), ("native", 14), ("audio", 6)]),
    "ctv": _Weighted([("video", 95), ("audio", 5)]),
    "dooh": _Weighted([("video", 60), ("banner", 40)]),
}
# Private-marketplace share by traffic type: premium CTV and screens sell more through deals.
_PMP_SHARE: Final = {
    "desktop_web": 0.06,
    "mobile_web": 0.05,
    "mobile_app": 0.08,
    "ctv": 0.3,
    "dooh": 0.4,
}
_APP_WORDS: Final = (
    ("Solitaire", "Weather", "Puzzle", "Recipes", "Fitness", "Radio", "Chess", "News", "Maps"),
    ("Pro", "Daily", "Live", "Plus", "World", "Classic", "Go", "HD", "Pocket"),
)
_SCREEN_NAMES: Final = ("Mall Screens", "Transit Displays", "Airport Boards", "Roadside Panels")
_SECTIONS: Final = ("news", "sports", "video", "games", "finance", "tech", "lifestyle")

# Traffic by hour of the day (UTC): a night trough and an evening peak.
_HOURS: Final = (3, 2, 2, 2, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 8, 9, 9, 8, 6, 4)


@dataclass
class _Campaign:
    profile: CampaignProfile
    win_rate: float
    show_rate: float
    ctr: float
    cvr: float
    clearing: tuple[float, float]
    revenue_micros: int
    creatives: tuple[int, ...]
    countries: _Weighted


def _money(micros: int) -> str:
    return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"


def _plan(profile: CampaignProfile, rng: random.Random) -> _Campaign:
    win_rate = rng.uniform(0.25, 0.65)
    show_rate = rng.uniform(0.88, 0.98)
    ctr = rng.uniform(0.01, 0.04) if profile.pricing_model == "cpc" else rng.uniform(0.004, 0.025)
    cvr = rng.uniform(0.02, 0.12)
    bid = profile.bid_micros
    # What one conversion costs on average, so revenue makes ROI land around -50%..+150%.
    per_conversion = {
        "cpm": bid / 1000 * 0.7 / max(ctr * cvr, 1e-6),
        "cpv": bid / max(ctr * cvr, 1e-6),
        "cpc": bid / max(cvr, 1e-6),
    }.get(profile.pricing_model, float(bid))
    revenue = profile.payout_micros or int(per_conversion * rng.uniform(0.5, 2.5))
    if profile.countries:
        countries = _zipf(profile.countries, 0.8)
    else:
        countries = COUNTRIES
    creatives = tuple(profile.id * 100 + k for k in range(1, rng.randint(2, 4) + 1))
    return _Campaign(
        profile=profile,
        win_rate=win_rate,
        show_rate=show_rate,
        ctr=ctr,
        cvr=cvr,
        clearing=(0.45, 0.95),
        revenue_micros=max(revenue, 1),
        creatives=creatives,
        countries=countries,
    )


def _context(campaign: _Campaign, rng: random.Random, user_pool: int) -> dict[str, Any]:
    """The attributes every event of one auction chain shares."""
    country = campaign.countries.draw(rng)
    device = DEVICES.draw(rng)
    os_name = _OS[device].draw(rng)
    user = int(user_pool * rng.random() ** 2)
    publisher = int(2000 * rng.random() ** 3)
    exchange = EXCHANGES.draw(rng)
    context: dict[str, Any] = {
        "campaign_id": campaign.profile.id,
        "account_id": campaign.profile.account_id,
        "creative_id": rng.choice(campaign.creatives),
        "exchange": exchange,
        "ssp": exchange if rng.random() < 0.85 else SSPS.draw(rng),
        "publisher_id": f"pub-{publisher:04d}",
        "country": country,
        "device_type": _DEVICE_CODES[device],
        "os": _OS_CODES[os_name],
        "os_version": rng.choice(_OS_VERSIONS[os_name]),
        "size": _SIZES[device].draw(rng),
        "user_key": f"u{user:07d}",
        "ip": f"203.0.{(user >> 8) & 255}.{user & 255}",
    }
    places = _REGIONS.get(country)
    if places:
        region, city, _ = places[int(len(places) * rng.random() ** 1.5)]
        context["region"] = f"{country}-{region}"  # ISO 3166-2
        context["city"] = city
    language = _LANGUAGES.get(country)
    if language:
        context["language"] = language
    # A screen in a mall runs a player, not a browser.
    browsers = None if device == "ooh" else _BROWSERS.get(os_name)
    if browsers is not None:
        browser = browsers.draw(rng)
        context["browser"] = _BROWSER_CODES[browser]
        context["browser_version"] = _BROWSER_VERSIONS[browser]
        context["user_agent"] = f"Mozilla/5.0 ({os_name} {context['os_version']}) {browser}"
    if device in {"mobile", "tablet"}:
        carriers = _CARRIERS.get(country)
        if carriers and rng.random() < 0.55:
            context["carrier"] = _CARRIER_CODES[carriers[int(len(carriers) * rng.random() ** 1.5)]]
            context["connection_type"] = "cellular"
        else:
            context["connection_type"] = "wifi"
    else:
        context["connection_type"] = "wifi" if rng.random() < 0.6 else "ethernet"
    site = publisher * 4 + int(4 * rng.random() ** 2)
    if device in {"ctv", "ooh"} or (device in {"mobile", "tablet"} and rng.random() < 0.5):
        context["app_id"] = f"app-{site:05d}"
        context["bundle"] = f"com.example.app{site}"
        context["app_name"] = _app_name(site, device)
        traffic = {"ctv": "ctv", "ooh": "dooh"}.get(device, "mobile_app")
    else:
        domain = f"site{site}.example"
        context["site_id"] = site + 1
        context["domain"] = domain
        context["page"] = f"https://{domain}/{rng.choice(_SECTIONS)}/"
        traffic = "desktop_web" if device == "desktop" else "mobile_web"
    context["traffic_type"] = traffic
    context["request_type"] = _REQUEST_TYPES[traffic].draw(rng)
    context["is_pmp"] = rng.random() < _PMP_SHARE[traffic]
    # The seller's own id of the placement: several per site, reused across its pages.
    context["source"] = f"src-{(site * 7 + int(3 * rng.random())) % 10_000:04d}"
    spots = campaign.profile.spots
    context["spot_id"] = rng.choice(spots) if spots else 1 + int(500 * rng.random() ** 2)
    if campaign.profile.tracker:
        base = campaign.profile.id * 10
        context["stream_id"] = base + 1 + int(3 * rng.random() ** 2)
        context["landing_id"] = base + 1 + int(2 * rng.random())
        context["offer_id"] = base + 1 + int(2 * rng.random() ** 2)
        context["sub_id_1"] = f"src-{publisher % 50}"
        context["sub_id_2"] = f"zone-{site % 300}"
    return context


def _app_name(site: int, device: str) -> str:
    if device == "ooh":
        return f"{_SCREEN_NAMES[site % len(_SCREEN_NAMES)]} {site % 97 + 1}"
    first, second = _APP_WORDS
    return f"{first[site % len(first)]} {second[(site // len(first)) % len(second)]}"


def generate(
    profiles: Sequence[CampaignProfile],
    *,
    count: int,
    days: int = 30,
    seed: int = 0,
    end: datetime | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """Yield ``count`` events over the ``days`` before ``end``, in chunks, oldest first.

    Each event is a dict in the log's stored form (UTC ``ts`` text, money as decimal text,
    with ``account_id``).
    """
    if count <= 0 or not profiles:
        return
    rng = random.Random(seed)
    end = (end or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    start = end - timedelta(days=days)
    campaigns = [_plan(p, rng) for p in profiles]
    order = list(range(len(campaigns)))
    rng.shuffle(order)
    picker = _Weighted([(campaigns[i], 1 / (rank + 1) ** 0.8) for rank, i in enumerate(order)])
    user_pool = max(1000, count // 8)
    hours = days * 24
    weights = [
        _HOURS[(start + timedelta(hours=h)).hour] * rng.uniform(0.9, 1.1) for h in range(hours)
    ]
    total_weight = sum(weights)
    # Ids depend on every parameter: the same run twice adds nothing; another run adds all.
    prefix = f"gen-{seed}-{count}x{days}-"
    emitted = 0
    sequence = 0
    carry = 0.0
    for hour in range(hours):
        if emitted >= count:
            break
        hour_start = start + timedelta(hours=hour)
        # Events this hour, on average; a chain yields about 1.9 events.
        share = count * weights[hour] / total_weight + carry
        budget = int(share)
        carry = share - budget
        if hour == hours - 1:
            budget = count - emitted
        chunk: list[dict[str, Any]] = []
        while len(chunk) < budget:
            campaign = picker.draw(rng)
            moment = hour_start + timedelta(seconds=rng.random() * 3600)
            chain = _chain(campaign, rng, moment, end, user_pool)
            for event in chain:
                sequence += 1
                event["event_id"] = f"{prefix}{sequence}"
            chunk.extend(chain)
        chunk = chunk[: min(budget, count - emitted)]
        if not chunk:
            continue
        chunk.sort(key=lambda e: e["ts"])
        emitted += len(chunk)
        yield chunk


def _chain(
    campaign: _Campaign, rng: random.Random, moment: datetime, end: datetime, user_pool: int
) -> list[dict[str, Any]]:
    context = _context(campaign, rng, user_pool)
    profile = campaign.profile
    auction = f"a{rng.getrandbits(48):012x}"
    stamp = _stamp(moment)
    events = [{**context, "type": "bid", "ts": stamp, "auction_id": auction}]
    if rng.random() >= campaign.win_rate:
        return events
    events.append({**context, "type": "win", "ts": stamp, "auction_id": auction})
    if rng.random() >= campaign.show_rate:
        return events
    shown = moment + timedelta(seconds=rng.uniform(0.2, 3))
    impression = {**context, "type": "impression", "ts": _stamp(shown), "auction_id": auction}
    if profile.pricing_model == "cpm":
        low, high = campaign.clearing
        impression["cost"] = _money(int(profile.bid_micros / 1000 * rng.uniform(low, high)))
    elif profile.pricing_model == "cpv":
        impression["cost"] = _money(profile.bid_micros)
    events.append(impression)
    if rng.random() >= campaign.ctr:
        return events
    clicked = shown + timedelta(seconds=rng.expovariate(1 / 20))
    if clicked >= end:
        return events
    click_id = f"c{rng.getrandbits(48):012x}"
    click = {**context, "type": "click", "ts": _stamp(clicked), "click_id": click_id}
    if profile.pricing_model == "cpc":
        click["cost"] = _money(profile.bid_micros)
    events.append(click)
    if profile.tracker:
        visited = clicked + timedelta(seconds=rng.uniform(0.3, 2))
        if visited < end:
            events.append({**context, "type": "visit", "ts": _stamp(visited), "click_id": click_id})
    if rng.random() >= campaign.cvr:
        return events
    converted = clicked + timedelta(seconds=rng.expovariate(1 / 1800))
    if converted >= end:
        return events
    revenue = int(campaign.revenue_micros * rng.uniform(0.5, 1.5))
    conversion = {
        **context,
        "type": "conversion",
        "ts": _stamp(converted),
        "click_id": click_id,
        "revenue": _money(revenue),
    }
    if profile.pricing_model in {"cpa", "cpi"}:
        conversion["cost"] = _money(profile.bid_micros)
    events.append(conversion)
    return events


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_lines(chunk: Sequence[dict[str, Any]], *, with_account: bool = True) -> list[bytes]:
    """Serialise generated events: for the log (with account) or for an import file."""
    if with_account:
        return [orjson.dumps(e) for e in chunk]
    return [orjson.dumps({k: v for k, v in e.items() if k != "account_id"}) for e in chunk]
