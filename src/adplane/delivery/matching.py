"""The candidates for one impression: bitmap intersections, then checks per candidate.

``IndexedMatcher.candidates`` first narrows the campaigns with the index (``index.py``):
what the creatives can fill (banner sizes, native, video), every targeting dimension, the
traffic type, the filter lists, day-parting and the dimensions no request tells. Only the
few campaigns left are looked at one by one: schedule, creatives (size, native assets,
video mimes, duration and protocols, ``bcat``, ``badv``, ``battr``) and price.

Per dimension: campaigns without an include list match any value; the request's value
matches ``any | include[value]``, less ``exclude[value]``; an unknown value (None) matches
only the campaigns without an include list. Multi-valued dimensions (content categories,
keywords, app id and bundle) match when any value does; a category matches its parent too
(content ``IAB1-2`` is in a campaign's ``IAB1``).

Filter lists: a campaign passes a list that allows only its items when the request's value
is in it, and a list of items to deny when it is not. Several allow-only lists of one item
type are one allowed set (their union); different item types all apply. An unknown value
fails an allow-only list and passes a deny list. Domains match the domain and each parent
(``a.news.example`` is in a list holding ``news.example``); IPs match addresses and CIDR
networks; tags are the impression's ``tagid``; device_ifas lists, whose value no request
gives here, fail when allow-only and pass when denying.

Prices, in micros of CPM (OpenRTB ``price``): the campaign's price for the impression's spot
(its per-spot override), else the creative's bid, else the campaign's ``rtb_bid_price``, else
its ``bid_price``. ``rtb_bid_price`` is a CPM price by definition; the others are in the
campaign's pricing model and are turned into an effective CPM with an assumed rate of actions
per impression (``ASSUMED_RATES_PPM``): CPC at a 0.1% click-through rate (so a CPC bid is
its own eCPM), CPA and CPI at 0.01% conversions, CPV at a 50% view rate. A candidate must
bid at least the floor; a floor in an unknown currency (None) gets no candidates.

Deals (PMP): a campaign naming deal ids buys only through them, like a PMP line item; one
naming none buys in the open auction. An impression's deals open to our seat (``wseat``)
let the campaigns naming one of them through (the ``("deal", id)`` postings), and an open
auction lets the campaigns naming none through as well; a private auction
(``private_auction=1``) takes deal bids only. A bid under a deal meets that deal's floor
(the impression's when the deal states none; a deal in a currency without a rate takes no
bid) and its ``wadomain``; of several deals a campaign buys, the lowest floor the bid meets
is chosen. The bid carries the deal's id (``Candidate.deal_id``, OpenRTB ``dealid``).

Each campaign appears once, with its best-priced creative; candidates come best first, at
most ``IndexedMatcher.limit`` (8) of them: the bidder bids once per impression and needs the
best few the guard admits. Slots are numbered by each campaign's best base price, so the walk
over the matching slots stops as soon as no later campaign can beat the ones found; campaigns
patched in since the last full build and those with a price on the impression's spot are
always weighed.

Cost: the visitor's part (formats, traffic type, geo, device, language, connection, day-parting)
is one cached bitmap per distinct combination; the rest is a handful of bitmap operations
and a few dictionary lookups, then the per-candidate checks on the few campaigns walked.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from pyroaring import BitMap

from adplane.delivery.index import (
    DEALS,
    DP_SLOT_SECONDS,
    Address,
    CampaignIndex,
    address_keys,
    no_collection,
    parse_address,
)
from adplane.delivery.model import (
    CampaignEntry,
    Candidate,
    CreativeEntry,
    DealSpec,
    Features,
    ImpSpec,
    NativeAssetRequest,
    Snapshot,
)
from adplane.filterlists.items import InvalidItem
from adplane.filterlists.items import url as canonical_url

# Assumed actions per million impressions, to bid an effective CPM for non-CPM models.
ASSUMED_RATES_PPM: dict[str, int] = {
    "cpm": 1_000_000 // 1000,  # CPM prices are per thousand: the price itself
    "cpc": 1_000,  # 0.1% click-through
    "cpa": 100,  # 0.01% conversions
    "cpi": 100,  # 0.01% installs
    "cpv": 500_000,  # 50% of video impressions viewed
}
_NONE = BitMap()
# Distinct request profiles (formats, traffic, geo, device...) whose campaigns are kept.
MAX_PROFILES = 4096
# Distinct (list type, request value) pairs whose filter-list verdicts are kept.
MAX_LIST_VALUES = 65536
# Native 1.2 image asset types and data asset types adplane's native creative can fill.
IMAGE_ICON, IMAGE_MAIN = 1, 3
DATA_FILLED = {1: "sponsor", 2: "text", 11: "display_url", 12: "call_to_action"}


def effective_cpm(price_micros: int, pricing_model: str) -> int:
    """A bid in the campaign's pricing model as micros of CPM (whole micros, rounded down)."""
    if pricing_model == "cpm":
        return price_micros
    return price_micros * 1000 * ASSUMED_RATES_PPM[pricing_model] // 1_000_000


def category_values(categories: Iterable[str]) -> set[str]:
    """Content categories with their parents (``IAB1-2`` is also ``IAB1``)."""
    found: set[str] = set()
    for code in categories:
        found.add(code)
        dash = code.find("-")
        if dash > 0:
            found.add(code[:dash])
    return found


def parent_domains(domain: str) -> list[str]:
    """``a.b.example`` -> itself, ``b.example``, ``example``... while a dot remains."""
    host = domain.lower().rstrip(".")
    found = [host]
    while True:
        dot = host.find(".")
        if dot < 0:
            return found
        host = host[dot + 1 :]
        if "." in host:
            found.append(host)
        else:
            return found


def _native_fits(creative: CreativeEntry, assets: Iterable[NativeAssetRequest]) -> bool:
    native = creative.native
    if native is None:
        return False
    for asset in assets:
        if not asset.required:
            continue
        if asset.kind == "title":
            if not native.title or (asset.len is not None and len(native.title) > asset.len):
                return False
        elif asset.kind == "img":
            if asset.type == IMAGE_ICON:
                url, size = native.logo_url, native.logo_size
            else:
                url, size = native.image_url, native.image_size
            if url is None:
                return False
            if size is not None and not _image_fits(size, asset):
                return False
        elif asset.kind == "data":
            name = DATA_FILLED.get(asset.type or 0)
            value = getattr(native, name) if name else None
            if not value or (asset.len is not None and len(value) > asset.len):
                return False
        else:
            return False  # a required video asset: the native creative has none
    return True


def _image_fits(size: tuple[int, int], asset: NativeAssetRequest) -> bool:
    w, h = size
    if asset.wmin is not None and w < asset.wmin:
        return False
    if asset.hmin is not None and h < asset.hmin:
        return False
    if asset.wmin is None and asset.w is not None and w != asset.w:
        return False
    return not (asset.hmin is None and asset.h is not None and h != asset.h)


def _video_fits(creative: CreativeEntry, imp: ImpSpec) -> bool:
    if imp.video_mimes and not (creative.video_mimes & imp.video_mimes):
        return False
    duration = creative.video_duration_seconds
    if imp.video_min_duration is not None and (
        duration is None or duration < imp.video_min_duration
    ):
        return False
    if imp.video_max_duration is not None and (
        duration is None or duration > imp.video_max_duration
    ):
        return False
    return not (imp.video_protocols and not (creative.video_protocols & imp.video_protocols))


def price_for(campaign: CampaignEntry, creative: CreativeEntry, spot: str | None) -> int | None:
    """The CPM bid (micros) of a campaign and creative on a spot; None when it has none."""
    if spot is not None:
        override = campaign.spot_prices_micros.get(spot)
        if override is not None:
            return effective_cpm(override, campaign.pricing_model)
    if creative.bid_price_micros is not None:
        return effective_cpm(creative.bid_price_micros, campaign.pricing_model)
    if campaign.rtb_bid_price_micros is not None:
        return campaign.rtb_bid_price_micros
    if campaign.bid_price_micros is not None:
        return effective_cpm(campaign.bid_price_micros, campaign.pricing_model)
    return None


def _single_values(features: Features, imp: ImpSpec) -> dict[str, str | None]:
    return {
        "countries": features.country,
        "regions": features.region,
        "cities": features.city.lower() if features.city else None,
        "languages": features.language,
        "carriers": features.carrier,
        "connection_types": features.connection_type,
        "oses": features.os,
        "browsers": features.browser,
        "device_types": features.device_type,
        "sites": features.site_id,
        "spots": imp.spot,
    }


def _multi_values(features: Features) -> dict[str, set[str]]:
    apps = {v for v in (features.app_id, features.bundle) if v}
    return {
        "categories": category_values(features.categories),
        "keywords": {k.lower() for k in features.keywords},
        "applications": apps,
    }


@dataclass(frozen=True, slots=True)
class Option:
    """One creative of a campaign, with what the per-request checks need precomputed."""

    creative: CreativeEntry
    # The candidate at the creative's own price (reused whenever no spot price applies).
    candidate: Candidate | None
    categories: frozenset[str]  # the creative's categories and their parents
    advertiser_domains: frozenset[str]  # its advertiser domain and the parents


@dataclass(frozen=True, slots=True)
class Compiled:
    """A campaign as the per-candidate stage reads it."""

    entry: CampaignEntry
    by_size: Mapping[tuple[int, int], tuple[Option, ...]]
    by_kind: Mapping[str, tuple[Option, ...]]  # "banner" (every size), "native", "video"
    spot_prices: Mapping[str, int]  # effective CPM micros per spot
    max_price: int  # the best base price of its creatives (-1: none has one)


def _price_key(option: Option) -> int:
    return -(option.candidate.price_micros if option.candidate else -1)


def compile_campaign(entry: CampaignEntry) -> Compiled:
    """Options per size and kind, best base price first, and effective spot prices."""
    options: list[Option] = []
    for creative in entry.creatives:
        price = price_for(entry, creative, None)
        candidate = Candidate(entry, creative, price) if price else None
        domains = parent_domains(creative.advertiser_domain) if creative.advertiser_domain else []
        options.append(
            Option(
                creative,
                candidate,
                frozenset(category_values(creative.categories)),
                frozenset(domains),
            )
        )
    options.sort(key=_price_key)
    by_size: dict[tuple[int, int], list[Option]] = {}
    by_kind: dict[str, list[Option]] = {}
    for option in options:
        c = option.creative
        by_kind.setdefault(c.kind, []).append(option)
        if c.kind == "banner" and c.width is not None and c.height is not None:
            by_size.setdefault((c.width, c.height), []).append(option)
    spot_prices = {
        spot: effective_cpm(price, entry.pricing_model)
        for spot, price in entry.spot_prices_micros.items()
    }
    return Compiled(
        entry,
        {k: tuple(v) for k, v in by_size.items()},
        {k: tuple(v) for k, v in by_kind.items()},
        spot_prices,
        max_price(entry),
    )


def max_price(entry: CampaignEntry) -> int:
    """The best CPM a campaign bids with any of its creatives off its spot prices (-1: none)."""
    prices = [price_for(entry, c, None) for c in entry.creatives]
    return max((p for p in prices if p), default=-1)


def _best_price_first(entry: CampaignEntry) -> int:
    return -max_price(entry)


def _price_of(candidate: Candidate) -> int:
    return candidate.price_micros


class IndexedMatcher:
    """``model.Matcher`` over a snapshot's inverted indexes; no I/O per request."""

    # Candidates the ordered walk returns at most (campaigns patched in since the last full
    # build and those priced on the spot come on top): the bidder bids once per impression,
    # so it needs the best few that the guard admits, not every campaign that matches.
    limit = 8

    def __init__(self, index: CampaignIndex, compiled: list[Compiled | None] | None = None) -> None:
        self.index = index
        if compiled is None:
            with no_collection():
                compiled = [None if e is None else compile_campaign(e) for e in index.slots]
        self.compiled = compiled

    @classmethod
    def build(cls, snapshot: Snapshot) -> IndexedMatcher:
        """Index every campaign of the snapshot."""
        return cls(CampaignIndex.from_snapshot(snapshot, _best_price_first))

    def patched(self, snapshot: Snapshot, campaign_ids: Iterable[int]) -> IndexedMatcher:
        """A matcher for the refreshed snapshot, re-indexing only these campaigns."""
        index = self.index.patched(snapshot, campaign_ids)
        if index.lineage is not self.index.lineage:
            return IndexedMatcher(index)  # built afresh: slots numbered anew
        # Slots are kept across a patch: only new slots are compiled, emptied ones dropped.
        compiled = list(self.compiled)
        for slot in index.removed_slots:
            compiled[slot] = None
        for slot in range(len(compiled), len(index.slots)):
            entry = index.slots[slot]
            compiled.append(None if entry is None else compile_campaign(entry))
        return IndexedMatcher(index, compiled)

    @property
    def snapshot(self) -> Snapshot:
        return self.index.snapshot

    # the bitmap stage

    def _make_formats(self, imp: ImpSpec) -> BitMap:
        get = self.index.get
        found = BitMap()
        if "banner" in imp.kinds:
            if imp.sizes:
                for w, h in imp.sizes:
                    bitmap = get(("fmt", f"b:{w}x{h}"))
                    if bitmap is not None:
                        found |= bitmap
            else:
                found |= get(("fmt", "banner")) or BitMap()
        for kind in ("native", "video"):
            if kind in imp.kinds:
                found |= get(("fmt", kind)) or BitMap()
        return found

    def _formats(self, imp: ImpSpec) -> BitMap:
        return self.index.formats((imp.kinds, imp.sizes), lambda: self._make_formats(imp))

    def _dimension_multi(
        self, ands: list[BitMap], subs: list[BitMap], dim: str, values: Iterable[str]
    ) -> None:
        index = self.index
        if index.includes[dim]:
            allowed: BitMap | None = None
            for value in values:
                one = index.allowed(dim, value)
                allowed = one if allowed is None else allowed | one
            ands.append(allowed if allowed is not None else index.allowed(dim, None))
        if index.excludes[dim]:
            for value in values:
                excluded = index.get(("exc", dim, value))
                if excluded is not None:
                    subs.append(excluded)

    def _ip(self, ands: list[BitMap], subs: list[BitMap], address: Address | None) -> None:
        index = self.index
        keys = address_keys(address, index.ip_prefixes) if address is not None else []
        allowed = index.get(("any", "ip_ranges")) or _NONE
        for key in keys:
            included = index.get(("ipinc", *key))
            if included is not None:
                allowed = allowed | included
        ands.append(allowed)
        for key in keys:
            excluded = index.get(("ipexc", *key))
            if excluded is not None:
                subs.append(excluded)

    def _list_value(self, kind: str, features: Features, imp: ImpSpec) -> str | None:
        if kind == "bundles":
            return features.bundle
        if kind == "publishers":
            return features.publisher_id
        if kind == "apps":
            return features.app_id
        if kind == "site_ids":
            return features.site_id
        if kind == "tags":
            return imp.spot
        if kind == "ssps":
            return features.exchange.lower() if features.exchange else None
        if kind == "urls" and features.page:
            try:
                return canonical_url(features.page)
            except InvalidItem:
                return None
        return None

    def _lists_hit(
        self, kind: str, features: Features, imp: ImpSpec, address: Address | None
    ) -> set[int]:
        lists = self.index.lists
        if kind == "ips":
            return lists.lists_with_ip(address) if address is not None else set()
        if kind == "domains":
            if not features.domain:
                return set()
            return lists.lists_with(kind, parent_domains(features.domain))
        value = self._list_value(kind, features, imp)
        return lists.lists_with(kind, (value,)) if value else set()

    def _list_key(
        self, kind: str, features: Features, imp: ImpSpec, address: Address | None
    ) -> object:
        """What the lists of ``kind`` are looked up by: the request's value of that kind."""
        if kind == "ips":
            return address
        if kind == "domains":
            return features.domain.lower() if features.domain else None
        return self._list_value(kind, features, imp)

    def _list_subtrahend(
        self, kind: str, features: Features, imp: ImpSpec, address: Address | None
    ) -> BitMap | None:
        """The campaigns the lists of ``kind`` shut out for this request's value of it."""
        get = self.index.get
        restricted = get(("allow_any", kind))
        hit = self._lists_hit(kind, features, imp, address)
        if not hit:
            return restricted or None  # allow-only campaigns whose lists miss the value
        subs: list[BitMap] = []
        if restricted:
            allowed: BitMap | None = None
            for list_id in hit:
                allowing = get(("allow", list_id))
                if allowing is not None:
                    allowed = allowing if allowed is None else allowed | allowing
            subs.append(restricted if allowed is None else restricted - allowed)
        for list_id in hit:
            denying = get(("deny", list_id))
            if denying is not None:
                subs.append(denying)
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else BitMap.union(*subs)

    def _filter_lists(
        self,
        subs: list[BitMap],
        kinds: tuple[str, ...],
        features: Features,
        imp: ImpSpec,
        address: Address | None,
    ) -> None:
        # One bitmap per list type and request value, computed once per index: a domain is
        # in a hundred lists, and the same domains, bundles and publishers come again and
        # again, so the lists' bitmaps are not walked per request.
        cache = self.index.list_cache
        for kind in kinds:
            key = (kind, self._list_key(kind, features, imp, address))
            if key in cache:
                found = cache[key]
            else:
                if len(cache) >= MAX_LIST_VALUES:
                    cache.clear()
                found = cache[key] = self._list_subtrahend(kind, features, imp, address)
            if found is not None:
                subs.append(found)

    def _single(
        self,
        ands: list[BitMap],
        subs: list[BitMap],
        dims: Iterable[str],
        values: Mapping[str, str | None],
    ) -> None:
        index = self.index
        includes, excludes, get = index.includes, index.excludes, index.get
        for dim in dims:
            value = values[dim]
            if includes[dim]:
                ands.append(index.allowed(dim, value))
            if value is not None and excludes[dim]:
                excluded = get(("exc", dim, value))
                if excluded is not None:
                    subs.append(excluded)

    @staticmethod
    def _combine(ands: list[BitMap], subs: list[BitMap]) -> BitMap:
        ands.sort(key=len)
        cand = ands[0].intersection(*ands[1:]) if len(ands) > 1 else ands[0]
        if cand and subs:
            cand = cand.difference(*subs)
        return cand

    def _profile(
        self, features: Features, imp: ImpSpec, now: datetime, values: Mapping[str, str | None]
    ) -> BitMap:
        """The campaigns matching the impression's formats, the traffic type, geo, device,
        language and connection, within their day-parting now: computed once per distinct
        combination (requests repeat them far more than sites, IPs and lists)."""
        index = self.index
        dims = index.profile_dims
        traffic = features.traffic_type
        slot = int(now.timestamp()) // DP_SLOT_SECONDS
        key = (slot, imp.kinds, imp.sizes, traffic, *(values[d] for d in dims))
        cached = index.profiles.get(key)
        if cached is not None:
            return cached
        formats = self._formats(imp)
        ands = [formats, index.get(("traffic", traffic) if traffic else ("traffic_any",)) or _NONE]
        subs: list[BitMap] = []
        if formats:
            self._single(ands, subs, dims, values)
            never = index.get(("never",))
            if never:
                subs.append(never)
            ands.append(index.day_parted(now))
        found = self._combine(ands, subs)
        if len(index.profiles) >= MAX_PROFILES:
            index.profiles.clear()
        index.profiles[key] = found
        return found

    def _deal_slots(self, imp: ImpSpec) -> BitMap | None:
        """The campaigns that may bid in the impression's auction: those buying through one
        of its deals and, unless it is private, those naming no deal; None: every campaign
        (none names a deal and the auction is open). A few lookups per deal the request has."""
        index = self.index
        if not index.includes[DEALS]:
            return _NONE if imp.private_auction else None
        found = _NONE if imp.private_auction else (index.get(("deal_none",)) or _NONE)
        for deal in imp.deals:
            if deal.floor_micros is not None:
                held = index.get(("deal", deal.id))
                if held is not None:
                    found = found | held
        return found

    def matching_slots(self, features: Features, imp: ImpSpec, now: datetime) -> BitMap:
        """The campaigns (index slots) every indexed rule lets through.

        The bitmaps to intersect and to subtract are gathered first and combined in one
        call each, smallest first, so the Python overhead is a few calls per request.
        """
        index = self.index
        values = _single_values(features, imp)
        profile = self._profile(features, imp, now, values)
        if not profile:
            return profile
        ands = [profile]
        dealt = self._deal_slots(imp)
        if dealt is not None:
            if not dealt:
                return dealt
            ands.append(dealt)
        subs: list[BitMap] = []
        _, multi, list_kinds = index.active
        self._single(ands, subs, index.placement_dims, values)
        if multi:
            values_multi = _multi_values(features)
            for dim in multi:
                self._dimension_multi(ands, subs, dim, values_multi[dim])
        address = parse_address(features.ip) if index.ip_prefixes or "ips" in list_kinds else None
        if index.ip_prefixes:
            self._ip(ands, subs, address)
        if list_kinds:
            self._filter_lists(subs, list_kinds, features, imp, address)
        return self._combine(ands, subs)

    # the per-candidate stage

    def _options(self, compiled: Compiled, imp: ImpSpec) -> Sequence[Option]:
        """The campaign's creatives of the impression's formats, best base price first."""
        groups: list[tuple[Option, ...]] = []
        kinds = imp.kinds
        if "banner" in kinds:
            if imp.sizes:
                for size in imp.sizes:
                    group = compiled.by_size.get(size)
                    if group:
                        groups.append(group)
            else:
                groups.append(compiled.by_kind.get("banner", ()))
        for kind in ("native", "video"):
            if kind in kinds:
                groups.append(compiled.by_kind.get(kind, ()))
        if len(groups) == 1:
            return groups[0]  # already in price order: the common case, one size matches
        return sorted((o for g in groups for o in g), key=_price_key)

    def _best(
        self,
        compiled: Compiled,
        features: Features,
        imp: ImpSpec,
        now: datetime,
        floor: int,
        deals: Sequence[DealSpec] = (),
    ) -> Candidate | None:
        """The campaign's best-priced creative that may fill the impression, at its price.

        ``deals``: the impression's deals the campaign buys through, lowest floor first, and
        ``floor`` the lowest of theirs; none: the open auction, at ``floor``.
        """
        campaign = compiled.entry
        if campaign.start_at is not None and campaign.start_at > now:
            return None
        if campaign.end_at is not None and campaign.end_at <= now:
            return None
        spot = imp.spot
        override = compiled.spot_prices.get(spot) if spot is not None else None
        if override is not None and (override <= 0 or override < floor):
            return None
        bcat, badv, battr = features.bcat, features.badv, imp.battr
        for option in self._options(compiled, imp):
            base = option.candidate
            if override is not None:
                price = override
            elif base is not None:
                price = base.price_micros
            else:
                continue
            if price < floor:
                return None  # options come best price first
            creative = option.creative
            if creative.kind == "native":
                if not _native_fits(creative, imp.native_assets):
                    continue
            elif creative.kind == "video" and not _video_fits(creative, imp):
                continue
            if bcat and not option.categories.isdisjoint(bcat):
                continue
            if badv and not option.advertiser_domains.isdisjoint(badv):
                continue
            if battr and not battr.isdisjoint(creative.attributes):
                continue
            if deals:
                deal = _deal_for(deals, price, option)
                if deal is None:
                    continue
                return Candidate(campaign, creative, price, deal.id)
            if override is None and base is not None:
                return base
            return Candidate(campaign, creative, price)
        return None

    def _weigh(
        self,
        compiled: Compiled,
        features: Features,
        imp: ImpSpec,
        now: datetime,
        floor: int,
        deals: Sequence[DealSpec],
    ) -> Candidate | None:
        """``_best`` in the open auction, or under the impression's deals the campaign buys."""
        wanted = compiled.entry.deal_ids
        if not wanted:
            # matching_slots let it through: the auction is open to campaigns without deals.
            return self._best(compiled, features, imp, now, floor)
        mine = [d for d in deals if d.id in wanted]
        if not mine:
            return None
        mine.sort(key=_deal_floor)
        return self._best(compiled, features, imp, now, _deal_floor(mine[0]), mine)

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]:
        """The best campaigns and creatives that may fill the impression, best price first.

        At most ``limit`` come from the campaigns in price order (slots are sorted by each
        campaign's best base price, so the walk stops once no later one can beat them);
        campaigns patched in since the last full build and those with a price on this spot
        are all looked at.
        """
        floor = imp.bidfloor_micros
        if floor is None:
            return []
        deals = [d for d in imp.deals if d.floor_micros is not None]
        if imp.private_auction and not deals:
            return []
        # The least floor any candidate is held to: the walk stops below it.
        floors = [_deal_floor(d) for d in deals]
        least = min(floors) if imp.private_auction else min([floor, *floors])
        cand = self.matching_slots(features, imp, now)
        if not cand:
            return []
        index = self.index
        special = index.appended
        if imp.spot is not None:
            priced = index.get(("spot_price", imp.spot))
            if priced:
                special = special | priced
        compiled_slots = self.compiled
        found: list[Candidate] = []
        if special:
            for slot in cand & special:
                compiled = compiled_slots[slot]
                if compiled is not None:
                    best = self._weigh(compiled, features, imp, now, floor, deals)
                    if best is not None:
                        found.append(best)
            cand = cand - special
        limit = self.limit
        walked: list[int] = []  # prices of the ordered walk's candidates, a min-heap
        for slot in cand:
            compiled = compiled_slots[slot]
            if compiled is None:
                continue
            ceiling = compiled.max_price
            if ceiling < least:
                break
            if len(walked) >= limit and ceiling <= walked[0]:
                break
            best = self._weigh(compiled, features, imp, now, floor, deals)
            if best is None:
                continue
            found.append(best)
            if len(walked) < limit:
                heapq.heappush(walked, best.price_micros)
            elif best.price_micros > walked[0]:
                heapq.heapreplace(walked, best.price_micros)
        found.sort(key=_price_of, reverse=True)
        return found[:limit]


def _deal_floor(deal: DealSpec) -> int:
    return deal.floor_micros or 0


def _deal_for(deals: Sequence[DealSpec], price: int, option: Option) -> DealSpec | None:
    """The first deal (lowest floor first) the bid meets and whose ``wadomain`` takes the
    creative's advertiser domain (or a parent of it)."""
    for deal in deals:
        if price < _deal_floor(deal):
            return None
        if not deal.advertiser_domains or not deal.advertiser_domains.isdisjoint(
            option.advertiser_domains
        ):
            return deal
    return None
