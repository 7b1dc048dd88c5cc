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

Private auctions: the core has no deal targeting yet, so an impression whose ``pmp`` says
``private_auction=1`` gets no candidates (a bid outside the named deals is not allowed).
Deals in an open auction are ignored and campaigns bid in the open auction.

Each campaign appears once, with its best-priced creative; candidates come best first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pyroaring import BitMap

from adplane.delivery.index import MULTI, CampaignIndex, address_keys
from adplane.delivery.model import (
    CampaignEntry,
    Candidate,
    CreativeEntry,
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


def blocked_by_bcat(categories: Iterable[str], bcat: frozenset[str]) -> bool:
    """A blocked category blocks its subcategories (``bcat`` IAB1 blocks IAB1-2)."""
    for code in categories:
        if code in bcat:
            return True
        dash = code.find("-")
        if dash > 0 and code[:dash] in bcat:
            return True
    return False


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


def creative_fits(creative: CreativeEntry, features: Features, imp: ImpSpec) -> bool:
    """Whether a creative may fill the impression (format, bcat, badv, battr)."""
    kind = creative.kind
    if kind not in imp.kinds:
        return False
    if kind == "banner":
        if imp.sizes and (creative.width, creative.height) not in imp.sizes:
            return False
    elif kind == "native":
        if not _native_fits(creative, imp.native_assets):
            return False
    elif not _video_fits(creative, imp):
        return False
    if features.bcat and blocked_by_bcat(creative.categories, features.bcat):
        return False
    if features.badv and creative.advertiser_domain:
        if any(d in features.badv for d in parent_domains(creative.advertiser_domain)):
            return False
    return not (imp.battr and creative.attributes & imp.battr)


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


class IndexedMatcher:
    """``model.Matcher`` over a snapshot's inverted indexes; no I/O per request."""

    def __init__(self, index: CampaignIndex) -> None:
        self.index = index

    @classmethod
    def build(cls, snapshot: Snapshot) -> IndexedMatcher:
        """Index every campaign of the snapshot."""
        return cls(CampaignIndex.from_snapshot(snapshot))

    def patched(self, snapshot: Snapshot, campaign_ids: Iterable[int]) -> IndexedMatcher:
        """A matcher for the refreshed snapshot, re-indexing only these campaigns."""
        return IndexedMatcher(self.index.patched(snapshot, campaign_ids))

    @property
    def snapshot(self) -> Snapshot:
        return self.index.snapshot

    # the bitmap stage

    def _formats(self, imp: ImpSpec) -> BitMap:
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

    def _dimension(self, cand: BitMap, dim: str, values: Iterable[str]) -> BitMap:
        get = self.index.get
        if self.index.includes[dim]:
            hits = cand & (get(("any", dim)) or BitMap())
            for value in values:
                included = get(("inc", dim, value))
                if included is not None:
                    hits |= cand & included
            cand = hits
        if self.index.excludes[dim]:
            for value in values:
                excluded = get(("exc", dim, value))
                if excluded is not None:
                    cand = cand - excluded
        return cand

    def _ip(self, cand: BitMap, ip: str | None) -> BitMap:
        index = self.index
        if not index.ip_prefixes:
            return cand
        keys = address_keys(ip, index.ip_prefixes) if ip else []
        hits = cand & (index.get(("any", "ip_ranges")) or BitMap())
        for key in keys:
            included = index.get(("ipinc", *key))
            if included is not None:
                hits |= cand & included
        for key in keys:
            excluded = index.get(("ipexc", *key))
            if excluded is not None:
                hits = hits - excluded
        return hits

    def _list_values(self, kind: str, features: Features, imp: ImpSpec) -> set[int]:
        lists = self.index.lists
        if kind == "ips":
            return lists.lists_with_ip(features.ip) if features.ip else set()
        if kind == "domains":
            values = parent_domains(features.domain) if features.domain else []
        elif kind == "urls":
            values = []
            if features.page:
                try:
                    values = [canonical_url(features.page)]
                except InvalidItem:
                    values = []
        else:
            value = {
                "apps": features.app_id,
                "bundles": features.bundle,
                "publishers": features.publisher_id,
                "site_ids": features.site_id,
                "tags": imp.spot,
                "ssps": features.exchange.lower() if features.exchange else None,
            }.get(kind)
            values = [value] if value else []
        return lists.lists_with(kind, values) if values else set()

    def _filter_lists(self, cand: BitMap, features: Features, imp: ImpSpec) -> BitMap:
        index = self.index
        get = index.get
        for kind, linked in index.linked_types.items():
            if not linked:
                continue
            hit = self._list_values(kind, features, imp)
            restricted = get(("allow_any", kind))
            if restricted is not None and restricted:
                allowed = BitMap()
                for list_id in hit:
                    allowing = get(("allow", list_id))
                    if allowing is not None:
                        allowed |= allowing
                cand = cand - (restricted - allowed)
            for list_id in hit:
                denying = get(("deny", list_id))
                if denying is not None:
                    cand = cand - denying
        return cand

    def matching_slots(self, features: Features, imp: ImpSpec, now: datetime) -> BitMap:
        """The campaigns (index slots) every indexed rule lets through."""
        index = self.index
        cand = self._formats(imp)
        if not cand:
            return cand
        for dim, value in _single_values(features, imp).items():
            if index.includes[dim] or index.excludes[dim]:
                cand = self._dimension(cand, dim, () if value is None else (value,))
        multi = _multi_values(features)
        for dim in MULTI:
            if index.includes[dim] or index.excludes[dim]:
                cand = self._dimension(cand, dim, multi[dim])
        traffic = features.traffic_type
        key: tuple[str, ...] = ("traffic", traffic) if traffic else ("traffic_any",)
        cand &= index.get(key) or BitMap()
        cand = self._ip(cand, features.ip)
        cand = self._filter_lists(cand, features, imp)
        never = index.get(("never",))
        if never:
            cand = cand - never
        if cand:
            cand &= index.day_parted(now)
        return cand

    # the per-candidate stage

    def candidates(self, features: Features, imp: ImpSpec, now: datetime) -> list[Candidate]:
        """The campaigns and creatives that may fill the impression, best price first."""
        floor = imp.bidfloor_micros
        if floor is None or imp.private_auction:
            return []
        slots = self.index.slots
        found: list[Candidate] = []
        for slot in self.matching_slots(features, imp, now):
            campaign = slots[slot]
            if campaign is None:
                continue
            if campaign.start_at is not None and campaign.start_at > now:
                continue
            if campaign.end_at is not None and campaign.end_at <= now:
                continue
            best: Candidate | None = None
            for creative in campaign.creatives:
                if not creative_fits(creative, features, imp):
                    continue
                price = price_for(campaign, creative, imp.spot)
                if price is None or price <= 0 or price < floor:
                    continue
                if best is None or price > best.price_micros:
                    best = Candidate(campaign, creative, price)
            if best is not None:
                found.append(best)
        found.sort(key=lambda c: (-c.price_micros, c.campaign.id))
        return found
