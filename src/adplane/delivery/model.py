"""The shapes delivery's modules hand each other: plain, immutable, canonical.

Every code here is a canonical catalogue code (``targeting/``): ISO country and region codes,
lower-case OS and browser slugs, OpenRTB device and connection type codes as strings, IAB
category codes. Money is integer micros of the account's currency; time is UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

import msgspec

TrafficType = Literal["desktop_web", "mobile_web", "mobile_app", "ctv", "dooh"]
ImpKind = Literal["banner", "native", "video", "audio"]
CreativeKind = Literal["banner", "native", "video"]
PricingModel = Literal["cpm", "cpc", "cpa", "cpi", "cpv"]
Notice = Literal["win", "bill", "loss"]


class Features(msgspec.Struct, frozen=True, gc=False):
    """What one bid request says about the visitor and the placement, in catalogue codes.

    A msgspec struct rather than a frozen dataclass: one is built per bid request, and a
    frozen dataclass's 28 ``object.__setattr__`` calls cost several microseconds of it.
    """

    auction_id: str
    country: str | None = None
    region: str | None = None  # ISO 3166-2, e.g. "US-CA"
    city: str | None = None
    os: str | None = None
    browser: str | None = None
    device_type: str | None = None  # OpenRTB device type code as a string, e.g. "4"
    language: str | None = None
    carrier: str | None = None
    connection_type: str | None = None
    traffic_type: TrafficType | None = None
    site_id: str | None = None
    app_id: str | None = None
    publisher_id: str | None = None
    domain: str | None = None
    bundle: str | None = None
    page: str | None = None
    app_name: str | None = None
    ip: str | None = None
    user_agent: str | None = None
    # The frequency key: user.id, else user.buyeruid, else the device ifa.
    user_key: str | None = None
    # The content's categories (site.cat / app.cat and their section and page cats).
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    bcat: frozenset[str] = frozenset()
    badv: frozenset[str] = frozenset()
    exchange: str | None = None
    test: bool = False


@dataclass(frozen=True, slots=True)
class NativeAssetRequest:
    """One asset a Native 1.2 request asks for."""

    id: int
    required: bool
    kind: Literal["title", "img", "data", "video"]
    # title: len; img: type (1 icon, 3 main) and w/h or wmin/hmin; data: type (1 sponsored,
    # 2 desc, 12 ctatext, 11 displayurl ...) and len.
    type: int | None = None
    len: int | None = None
    w: int | None = None
    h: int | None = None
    wmin: int | None = None
    hmin: int | None = None


@dataclass(frozen=True, slots=True)
class DealSpec:
    """A PMP deal of an impression open to our seat: what a bid under it must meet."""

    id: str
    # The deal's floor in micros of the bidder's currency at CPM (the impression's floor when
    # the deal states none); None when its currency has no known rate (no bid under it).
    floor_micros: int | None
    # ``wadomain``: the advertiser domains the deal takes (lower case); empty: any.
    advertiser_domains: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ImpSpec:
    """One impression of a request: what may fill it and the least it must pay."""

    imp_id: str
    kinds: frozenset[ImpKind]
    spot: str | None = None  # imp.tagid
    sizes: tuple[tuple[int, int], ...] = ()  # banner w/h and format[]
    native_ver: str | None = None
    native_assets: tuple[NativeAssetRequest, ...] = ()
    video_mimes: frozenset[str] = frozenset()
    video_min_duration: int | None = None
    video_max_duration: int | None = None
    video_protocols: frozenset[int] = frozenset()
    video_size: tuple[int, int] | None = None
    battr: frozenset[int] = frozenset()
    # The floor in micros of the bidder's currency (USD) per impression at CPM, i.e. the
    # OpenRTB bidfloor * 1_000_000; None when the floor's currency has no known rate
    # (such an impression gets no bid).
    bidfloor_micros: int | None = 0
    # ``pmp.deals`` whose ``wseat`` lets our seat bid, in the request's order.
    deals: tuple[DealSpec, ...] = ()
    private_auction: bool = False
    secure: bool = False

    @property
    def deal_ids(self) -> tuple[str, ...]:
        return tuple(deal.id for deal in self.deals)


@dataclass(frozen=True, slots=True)
class FrequencyRule:
    count: int
    period_seconds: int
    per: Literal["user", "ip"] = "user"


@dataclass(frozen=True, slots=True)
class NativeContent:
    title: str | None = None
    text: str | None = None
    sponsor: str | None = None
    call_to_action: str | None = None
    display_url: str | None = None
    image_url: str | None = None
    image_size: tuple[int, int] | None = None
    logo_url: str | None = None
    logo_size: tuple[int, int] | None = None
    impression_trackers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CreativeEntry:
    """An approved, active creative as the bidder serves it."""

    id: int
    account_id: int
    kind: CreativeKind
    variant: str
    width: int | None
    height: int | None
    # The creative's own bid (CPM for cpm campaigns), or None: the campaign's.
    bid_price_micros: int | None
    categories: tuple[str, ...]
    attributes: frozenset[int]
    advertiser_domain: str | None
    # Banner and third-party markup as the creatives service renders it, or a VAST document.
    markup: str | None
    click_url: str | None
    native: NativeContent | None = None
    video_mimes: frozenset[str] = frozenset()
    video_duration_seconds: int | None = None
    video_protocols: frozenset[int] = frozenset()
    frequency: FrequencyRule | None = None
    mraid_versions: tuple[int, ...] = ()


ALL_TRAFFIC: frozenset[TrafficType] = frozenset(
    {"desktop_web", "mobile_web", "mobile_app", "ctv", "dooh"}
)


@dataclass(frozen=True, slots=True)
class FilterLink:
    """A filter list a campaign uses: serve only on its items (allow_only) or never on them."""

    list_id: int
    allow_only: bool


@dataclass(frozen=True, slots=True)
class FilterListEntry:
    """An active filter list's items as a set, each canonical as ``filterlists.items`` says."""

    id: int
    type: str  # a ``filterlists.items.ItemType`` value: domains, bundles, ips, publishers...
    values: frozenset[str]


@dataclass(frozen=True, slots=True)
class TargetingEntry:
    """A campaign's targeting compiled to canonical strings, for the index.

    Keys are ``campaigns.schemas.Targeting`` field names (countries, cities, spots...); an
    absent or empty include means any value; spot and site ids are decimal strings.
    """

    include: Mapping[str, frozenset[str]] = field(default_factory=dict)
    exclude: Mapping[str, frozenset[str]] = field(default_factory=dict)
    traffic: frozenset[TrafficType] = ALL_TRAFFIC
    filter_links: tuple[FilterLink, ...] = ()


@dataclass(frozen=True, slots=True)
class CampaignEntry:
    """A runnable campaign: what the guard and the response need once matching chose it."""

    id: int
    account_id: int
    name: str
    currency: str
    pricing_model: PricingModel
    # CPM bids per thousand, CPC/CPA bids per action; in micros.
    bid_price_micros: int | None
    rtb_bid_price_micros: int | None
    spot_prices_micros: Mapping[str, int]
    daily_budget_micros: int | None
    total_budget_micros: int | None
    daily_impressions_cap: int | None
    total_impressions_cap: int | None
    daily_clicks_cap: int | None
    total_clicks_cap: int | None
    pacing: Literal["even", "asap"]
    frequency: FrequencyRule | None
    timezone: str
    day_parting: str | None  # 168 chars of 0/1, Monday 00:00 first, in ``timezone``
    start_at: datetime | None
    end_at: datetime | None
    destination_url: str | None
    advertiser_domain: str | None
    creatives: tuple[CreativeEntry, ...]
    # PMP deal ids the campaign buys; a campaign naming any buys only through them.
    deal_ids: frozenset[str] = frozenset()
    # Spend and counts already recorded when the snapshot was taken (the guard's baseline).
    spend_today_micros: int = 0
    spend_total_micros: int = 0
    impressions_today: int = 0
    impressions_total: int = 0
    clicks_today: int = 0
    clicks_total: int = 0
    targeting: TargetingEntry = field(default_factory=TargetingEntry)


@dataclass(frozen=True, slots=True)
class AccountEntry:
    """An account's funds as the guard starts from them."""

    id: int
    currency: str
    # The wallet's posted balance less spend recorded but not yet posted (billing/).
    available_micros: int
    # Every credit the wallet ever took (all transactions but spend): the guard takes its
    # growth as new funds and never re-reads ``available_micros`` (``guard`` explains why).
    credits_micros: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A campaign and creative that may fill an impression, and what they would bid."""

    campaign: CampaignEntry
    creative: CreativeEntry
    # The bid as OpenRTB ``price``: CPM in micros (a CPC bid is converted by matching).
    price_micros: int
    # The PMP deal the bid is made under (OpenRTB ``dealid``); None: the open auction.
    deal_id: str | None = None


@dataclass(slots=True)
class Snapshot:
    """Everything the bidder needs, in memory; replaced or patched, never read from tables."""

    campaigns: dict[int, CampaignEntry]
    accounts: dict[int, AccountEntry]
    built_at: datetime
    version: int = 0
    stats: dict[str, float] = field(default_factory=dict)
    # The active filter lists the campaigns link, by id.
    filter_lists: dict[int, FilterListEntry] = field(default_factory=dict)


class Matcher(Protocol):
    """``matching``: the candidates for one impression, best first."""

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]: ...


@dataclass(frozen=True, slots=True)
class Reservation:
    """Spend held at bid time for one (auction, impression); settled or released later."""

    key: tuple[str, str]  # (auction id, impression id)
    campaign_id: int
    account_id: int
    creative_id: int
    amount_micros: int
    pricing_model: PricingModel
    expires_at: datetime


class Guard(Protocol):
    """``guard``: budgets, caps, pacing and frequency, in memory and exact."""

    def admit(
        self, candidate: Candidate, features: Features, imp: ImpSpec, now: datetime
    ) -> Reservation | None: ...

    def settle(self, key: tuple[str, str], amount_micros: int, now: datetime) -> bool: ...

    def release(self, key: tuple[str, str]) -> None: ...

    def record(
        self, campaign_id: int, kind: Literal["impression", "click"], now: datetime
    ) -> None: ...

    def charge(self, campaign_id: int, amount_micros: int, now: datetime) -> None: ...

    def refresh(self, snapshot: Snapshot) -> None: ...


@dataclass(frozen=True, slots=True)
class Change:
    """A control-plane change the snapshot must take in: which rows, of what."""

    kind: Literal["campaign", "creative", "filterlist", "account", "all"]
    ids: tuple[int, ...] = ()


class ChangeListener(Protocol):
    def __call__(self, changes: Iterable[Change]) -> None: ...
