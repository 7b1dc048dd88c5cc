"""Inverted indexes over a snapshot's campaigns: pyroaring bitmaps per canonical value.

Each campaign gets a dense slot number (pyroaring bitmaps hold 32-bit integers; campaign ids
are 64-bit). Every bitmap a campaign belongs to is named by a *posting* key, a tuple:

- ``("any", dim)``: campaigns with no include list on ``dim`` (they match any value);
- ``("inc", dim, value)`` / ``("exc", dim, value)``: the include and exclude lists;
- ``("ipinc", version, prefix, network)`` / ``("ipexc", ...)``: ``ip_ranges`` networks, by
  prefix length, so an address is looked up once per prefix length present;
- ``("fmt", "b:300x250" | "banner" | "native" | "video")``: what creatives can fill;
- ``("traffic", kind)`` and ``("traffic_any",)``: the traffic type flags;
- ``("dp", timezone, pattern)`` and ``("dp_any",)``: day-parting, grouped by zone and hours;
- ``("allow_any", type)``, ``("allow", list_id)``, ``("deny", list_id)``: filter list links;
- ``("spot_price", spot)``: campaigns with their own price on that spot;
- ``("deal", deal_id)`` and ``("deal_none",)``: the PMP deals a campaign buys through, and
  the campaigns naming none (which buy in the open auction);
- ``("never",)``: campaigns that include values of a dimension no bid request tells.

The index is immutable once built. ``patched`` returns a new index sharing every bitmap the
changed campaigns do not touch (copy-on-write), so the index in use is never mutated.

Filter lists are indexed by value: item -> the ids of the lists holding it, and IP networks
by (version, prefix length, network), so a request costs a few dictionary lookups, whatever
the number of lists.
"""

from __future__ import annotations

import gc
import ipaddress
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from pyroaring import BitMap

from adplane.delivery.model import ALL_TRAFFIC, CampaignEntry, FilterListEntry, Snapshot

Posting = tuple[object, ...]
IpKey = tuple[int, int, int]  # (version, prefix length, network >> host bits)

# Dimensions a request gives at most one value of, and those it gives several of.
SINGLE = (
    "countries",
    "regions",
    "cities",
    "languages",
    "carriers",
    "connection_types",
    "oses",
    "browsers",
    "device_types",
    "sites",
    "spots",
)
MULTI = ("categories", "keywords", "applications")
PLACEMENT = ("sites", "spots")
INDEXED = SINGLE + MULTI
# Dimensions no OpenRTB request (as ``features`` reads it) tells: a campaign including
# values of one never matches; excluding values of one changes nothing. The one list of
# them: ``snapshot.AS_GIVEN`` compiles them from it.
UNKNOWABLE = (
    "sub_ids",
    "os_versions",
    "browser_versions",
    "device_brands",
    "device_models",
    "clicked_inventory_categories",
    "subscription_ages",
    "dynamic",
)
# The ``includes`` count of campaigns that buy through PMP deals (not a targeting dimension).
DEALS = "deal_ids"
ALWAYS = "1" * 168
HOURS_PER_WEEK = 168
# Distinct impression shapes (kinds and sizes) whose campaigns are kept at once.
MAX_CACHED_FORMATS = 4096
_EMPTY = BitMap()
# Day-parting is resolved once per quarter hour (zones with 30 and 45 minute offsets).
DP_SLOT_SECONDS = 900


def networks(values: Iterable[str]) -> Iterator[IpKey]:
    """Index keys of addresses, CIDR networks and ``a-b`` ranges; unreadable ones are skipped."""
    for raw in values:
        text = raw.strip()
        try:
            if "-" in text:
                first, last = (ipaddress.ip_address(p.strip()) for p in text.split("-", 1))
                nets: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network] = (
                    ipaddress.summarize_address_range(first, last)
                )
            else:
                nets = (ipaddress.ip_network(text, strict=False),)
            for net in nets:
                host_bits = net.max_prefixlen - net.prefixlen
                yield (net.version, net.prefixlen, int(net.network_address) >> host_bits)
        except (ValueError, TypeError):
            continue


Address = tuple[int, int]  # (IP version, the address as an integer)


def parse_address(ip: str | None) -> Address | None:
    """An address once per request, for every network lookup; None when it is not one."""
    if not ip:
        return None
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    return (address.version, int(address))


def address_keys(address: Address, prefixes: Iterable[tuple[int, int]]) -> list[IpKey]:
    """The keys an address falls under, for the (version, prefix length) pairs indexed."""
    version, value = address
    bits = 32 if version == 4 else 128
    return [(v, plen, value >> (bits - plen)) for v, plen in prefixes if v == version]


@contextmanager
def no_collection() -> Iterator[None]:
    """The cyclic collector paused: a build allocates hundreds of thousands of tuples and
    creates no cycles, and collections would walk the whole snapshot again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _hours(pattern: str) -> str:
    """168 hours from a day-parting string: 24 hours repeat daily; missing hours are off."""
    if len(pattern) == 24:
        return pattern * 7
    return pattern.ljust(HOURS_PER_WEEK, "0")[:HOURS_PER_WEEK]


def format_keys(entry: CampaignEntry) -> set[str]:
    """What the campaign's creatives can fill: banner sizes, native, video."""
    keys: set[str] = set()
    for creative in entry.creatives:
        if creative.kind == "banner":
            keys.add("banner")
            if creative.width is not None and creative.height is not None:
                keys.add(f"b:{creative.width}x{creative.height}")
        else:
            keys.add(creative.kind)
    return keys


def postings(entry: CampaignEntry, list_types: dict[int, str]) -> Iterator[Posting]:
    """Every bitmap a campaign belongs to."""
    t = entry.targeting
    for dim in INDEXED:
        include = t.include.get(dim)
        if include:
            for value in include:
                yield ("inc", dim, value)
        else:
            yield ("any", dim)
        for value in t.exclude.get(dim, ()):
            yield ("exc", dim, value)
    if t.include.get("ip_ranges"):
        for key in networks(t.include["ip_ranges"]):
            yield ("ipinc", *key)
    else:
        yield ("any", "ip_ranges")
    for key in networks(t.exclude.get("ip_ranges", ())):
        yield ("ipexc", *key)
    if any(t.include.get(dim) for dim in UNKNOWABLE):
        yield ("never",)
    for fmt in format_keys(entry):
        yield ("fmt", fmt)
    for spot in entry.spot_prices_micros:
        yield ("spot_price", spot)
    if entry.deal_ids:
        for deal_id in entry.deal_ids:
            yield ("deal", deal_id)
    else:
        yield ("deal_none",)
    if t.traffic == ALL_TRAFFIC:
        yield ("traffic_any",)
    for traffic in t.traffic:
        yield ("traffic", traffic)
    if entry.day_parting is None or _hours(entry.day_parting) == ALWAYS:
        yield ("dp_any",)
    else:
        yield ("dp", entry.timezone, _hours(entry.day_parting))
    allow_types: set[str] = set()
    for link in t.filter_links:
        list_type = list_types.get(link.list_id)
        if list_type is None:
            continue  # an inactive or missing list filters nothing
        if link.allow_only:
            allow_types.add(list_type)
            yield ("allow", link.list_id)
        else:
            yield ("deny", link.list_id)
    for list_type in allow_types:
        yield ("allow_any", list_type)


@dataclass
class ListIndex:
    """Filter list items -> the lists holding them, per item type; IPs by network."""

    values: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    nets: dict[IpKey, tuple[int, ...]] = field(default_factory=dict)
    prefixes: Counter[tuple[int, int]] = field(default_factory=Counter)

    def add(self, fl: FilterListEntry) -> None:
        if fl.type == "ips":
            for key in networks(fl.values):
                held = self.nets.get(key, ())
                if fl.id not in held:
                    self.nets[key] = (*held, fl.id)
                    self.prefixes[key[:2]] += 1
            return
        by_value = self.values.setdefault(fl.type, {})
        # Most items are in one list: one tuple shared by all of them keeps the map small,
        # and the set arithmetic runs in C; only items other lists hold too are looped over.
        alone = (fl.id,)
        shared = fl.values & by_value.keys()
        by_value.update(dict.fromkeys(fl.values - shared if shared else fl.values, alone))
        for value in shared:
            by_value[value] = (*by_value[value], fl.id)

    def remove(self, fl: FilterListEntry) -> None:
        if fl.type == "ips":
            for key in networks(fl.values):
                held = tuple(i for i in self.nets.get(key, ()) if i != fl.id)
                if key in self.nets:
                    self.prefixes[key[:2]] -= 1
                    if not self.prefixes[key[:2]]:
                        del self.prefixes[key[:2]]
                if held:
                    self.nets[key] = held
                else:
                    self.nets.pop(key, None)
            return
        by_value = self.values.get(fl.type, {})
        for value in fl.values:
            held = tuple(i for i in by_value.get(value, ()) if i != fl.id)
            if held:
                by_value[value] = held
            else:
                by_value.pop(value, None)

    def copy_for(self, types: set[str]) -> ListIndex:
        """A copy whose maps of these types (and of IPs) may be changed without touching this."""
        values = dict(self.values)
        for kind in types:
            if kind in values:
                values[kind] = dict(values[kind])
        if "ips" in types:
            return ListIndex(values, dict(self.nets), Counter(self.prefixes))
        return ListIndex(values, self.nets, self.prefixes)

    def lists_with(self, kind: str, values: Iterable[str]) -> set[int]:
        by_value = self.values.get(kind)
        found: set[int] = set()
        if by_value:
            for value in values:
                held = by_value.get(value)
                if held:
                    found.update(held)
        return found

    def lists_with_ip(self, address: Address) -> set[int]:
        found: set[int] = set()
        for key in address_keys(address, self.prefixes):
            held = self.nets.get(key)
            if held:
                found.update(held)
        return found


@dataclass
class CampaignIndex:
    """The bitmaps of one snapshot; build with ``from_snapshot``, change with ``patched``."""

    snapshot: Snapshot
    slots: list[CampaignEntry | None]
    slot_of: dict[int, int]
    bitmaps: dict[Posting, BitMap]
    everyone: BitMap
    # How many campaigns include / exclude values of each dimension: idle ones are skipped
    # (``DEALS`` counts the campaigns naming deals).
    includes: Counter[str]
    excludes: Counter[str]
    ip_prefixes: Counter[tuple[int, int]]
    list_types: dict[int, str]
    lists: ListIndex
    # Filter list types some campaign links (only those are looked up per request).
    linked_types: Counter[str]
    dp_keys: Counter[Posting] = field(default_factory=Counter)
    # One object per full build, kept by patches: slot numbers mean the same within it.
    lineage: object = field(default_factory=object)
    # The slots the patch that made this index emptied.
    removed_slots: list[int] = field(default_factory=list)
    # Slots below ``ordered`` follow ``order`` (the matcher's: best price first); patches
    # append the changed campaigns after them, in ``appended``.
    order: Callable[[CampaignEntry], int] | None = None
    ordered: int = 0
    appended: BitMap = field(default_factory=BitMap)
    _dp_cache: dict[int, BitMap] = field(default_factory=dict)
    # Bitmaps derived per request value, computed on first use (an index never changes, so
    # they never go stale; a patched index starts with empty caches).
    _allowed_cache: dict[tuple[str, str], BitMap] = field(default_factory=dict)
    _format_cache: dict[object, BitMap] = field(default_factory=dict)
    _union_cache: dict[tuple[Posting, ...], BitMap] = field(default_factory=dict)
    # The matcher's per-profile results (``matching.IndexedMatcher._profile``).
    profiles: dict[tuple[object, ...], BitMap] = field(default_factory=dict)
    # The matcher's per (list type, request value) bitmaps of campaigns the lists shut out.
    list_cache: dict[tuple[str, object], BitMap | None] = field(default_factory=dict)

    @classmethod
    def from_snapshot(
        cls, snapshot: Snapshot, order: Callable[[CampaignEntry], int] | None = None
    ) -> CampaignIndex:
        """Index every campaign of the snapshot, in slots sorted by ``order`` (ascending)."""
        lists = ListIndex()
        for fl in snapshot.filter_lists.values():
            lists.add(fl)
        index = cls(
            snapshot=snapshot,
            slots=[],
            slot_of={},
            bitmaps={},
            everyone=BitMap(),
            includes=Counter(),
            excludes=Counter(),
            ip_prefixes=Counter(),
            list_types={fl.id: fl.type for fl in snapshot.filter_lists.values()},
            lists=lists,
            linked_types=Counter(),
            order=order,
        )
        entries = list(snapshot.campaigns.values())
        if order is not None:
            entries.sort(key=order)
        with no_collection():
            index._add_all(entries)
        index.ordered = len(index.slots)
        return index

    # building

    def _bitmap(self, key: Posting, owned: set[Posting]) -> BitMap:
        """The bitmap for ``key``, copied first unless this change made or copied it."""
        found = self.bitmaps.get(key)
        if found is None:
            found = self.bitmaps[key] = BitMap()
            owned.add(key)
        elif key not in owned:
            found = self.bitmaps[key] = BitMap(found)
            owned.add(key)
        return found

    def _count(self, entry: CampaignEntry, sign: int) -> None:
        t = entry.targeting
        if entry.deal_ids:
            self.includes[DEALS] += sign
        for dim, values in t.include.items():
            if values:
                self.includes[dim] += sign
        for dim, values in t.exclude.items():
            if values:
                self.excludes[dim] += sign
        for link in t.filter_links:
            kind = self.list_types.get(link.list_id)
            if kind is not None:
                self.linked_types[kind] += sign

    def _note(self, key: Posting) -> None:
        if key[0] in ("ipinc", "ipexc"):
            self.ip_prefixes[(int(key[1]), int(key[2]))] += 1  # type: ignore[call-overload]
        elif key[0] == "dp":
            self.dp_keys[key] += 1

    def _add(self, entry: CampaignEntry, owned: set[Posting]) -> None:
        slot = len(self.slots)
        self.slots.append(entry)
        self.slot_of[entry.id] = slot
        self.everyone.add(slot)
        for key in postings(entry, self.list_types):
            self._bitmap(key, owned).add(slot)
            self._note(key)
        self._count(entry, 1)

    def _add_all(self, entries: Iterable[CampaignEntry]) -> None:
        """A fresh index's campaigns: slot lists first, each bitmap made in one call."""
        pending: dict[Posting, list[int]] = {}
        for entry in entries:
            slot = len(self.slots)
            self.slots.append(entry)
            self.slot_of[entry.id] = slot
            for key in postings(entry, self.list_types):
                found = pending.get(key)
                if found is None:
                    pending[key] = [slot]
                else:
                    found.append(slot)
                self._note(key)
            self._count(entry, 1)
        self.everyone = BitMap(range(len(self.slots)))
        self.bitmaps = {key: BitMap(slots) for key, slots in pending.items()}

    def _remove(self, entry: CampaignEntry, owned: set[Posting]) -> None:
        slot = self.slot_of.pop(entry.id)
        self.slots[slot] = None
        self.removed_slots.append(slot)
        self.everyone.discard(slot)
        for key in postings(entry, self.list_types):
            if key not in self.bitmaps:
                continue
            self._bitmap(key, owned).discard(slot)
            if key[0] in ("ipinc", "ipexc"):
                prefix = (int(key[1]), int(key[2]))  # type: ignore[call-overload]
                self.ip_prefixes[prefix] -= 1
                if not self.ip_prefixes[prefix]:
                    del self.ip_prefixes[prefix]
            elif key[0] == "dp":
                self.dp_keys[key] -= 1
                if not self.dp_keys[key]:
                    del self.dp_keys[key]
        self._count(entry, -1)

    def patched(self, snapshot: Snapshot, campaign_ids: Iterable[int]) -> CampaignIndex:
        """A new index for ``snapshot``, re-indexing only these campaigns (and changed lists).

        A list whose entry changed is re-indexed, and so is every campaign linking it.
        """
        old_lists, new_lists = self.snapshot.filter_lists, snapshot.filter_lists
        changed_lists = {
            i for i in set(old_lists) | set(new_lists) if old_lists.get(i) is not new_lists.get(i)
        }
        ids = set(campaign_ids)
        if changed_lists:
            for entry in (*self.snapshot.campaigns.values(), *snapshot.campaigns.values()):
                if any(link.list_id in changed_lists for link in entry.targeting.filter_links):
                    ids.add(entry.id)
        live = len(self.slot_of)
        # Slots are never reused: once many are holes or out of order, build afresh.
        holes = len(self.slots) > 2 * max(live, 1) + 1024
        if holes or len(self.slots) - self.ordered > 1024 + live // 10:
            return CampaignIndex.from_snapshot(snapshot, self.order)
        types = {old_lists[i].type for i in changed_lists if i in old_lists}
        types |= {new_lists[i].type for i in changed_lists if i in new_lists}
        new = CampaignIndex(
            snapshot=snapshot,
            slots=list(self.slots),
            slot_of=dict(self.slot_of),
            bitmaps=dict(self.bitmaps),
            everyone=BitMap(self.everyone),
            includes=Counter(self.includes),
            excludes=Counter(self.excludes),
            ip_prefixes=Counter(self.ip_prefixes),
            list_types=dict(self.list_types),
            lists=self.lists.copy_for(types) if changed_lists else self.lists,
            linked_types=Counter(self.linked_types),
            dp_keys=Counter(self.dp_keys),
            lineage=self.lineage,
            order=self.order,
            ordered=self.ordered,
            appended=BitMap(self.appended),
        )
        owned: set[Posting] = set()
        # Out with the old entries (postings computed with the lists they were indexed with).
        for cid in ids:
            old = self.snapshot.campaigns.get(cid)
            if old is not None and cid in new.slot_of:
                new._remove(old, owned)
        for list_id in changed_lists:
            if list_id in old_lists:
                new.lists.remove(old_lists[list_id])
                new.list_types.pop(list_id, None)
            if list_id in new_lists:
                new.lists.add(new_lists[list_id])
                new.list_types[list_id] = new_lists[list_id].type
        for cid in ids:
            fresh = snapshot.campaigns.get(cid)
            if fresh is not None:
                new._add(fresh, owned)
                new.appended.add(new.slot_of[cid])
        new.appended.difference_update(BitMap(new.removed_slots))
        return new

    # reading

    def get(self, key: Posting) -> BitMap | None:
        return self.bitmaps.get(key)

    @cached_property
    def active(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(single-valued dimensions, multi-valued ones, filter list types) some campaign
        restricts: the others are not looked at per request (an index never changes)."""
        used = {d for d in INDEXED if self.includes[d] or self.excludes[d]}
        return (
            tuple(d for d in SINGLE if d in used),
            tuple(d for d in MULTI if d in used),
            tuple(k for k, n in self.linked_types.items() if n),
        )

    @cached_property
    def profile_dims(self) -> tuple[str, ...]:
        """The restricted single-valued dimensions of the visitor (geo, device, language...)."""
        return tuple(d for d in self.active[0] if d not in PLACEMENT)

    @cached_property
    def placement_dims(self) -> tuple[str, ...]:
        """The restricted dimensions of the placement (sites, spots): many values, per request."""
        return tuple(d for d in self.active[0] if d in PLACEMENT)

    def union_of(self, keys: tuple[Posting, ...]) -> BitMap:
        """The union of these postings' bitmaps, computed once per index."""
        found = self._union_cache.get(keys)
        if found is None:
            bitmaps = [b for b in (self.bitmaps.get(k) for k in keys) if b is not None]
            found = self._union_cache[keys] = BitMap().union(*bitmaps) if bitmaps else _EMPTY
        return found

    def allowed(self, dim: str, value: str | None) -> BitMap:
        """Campaigns that match ``value`` on ``dim`` before exclusions: any | include[value]."""
        anyone = self.bitmaps.get(("any", dim)) or _EMPTY
        if value is None:
            return anyone
        included = self.bitmaps.get(("inc", dim, value))
        if included is None:
            return anyone
        key = (dim, value)
        found = self._allowed_cache.get(key)
        if found is None:
            found = self._allowed_cache[key] = anyone | included
        return found

    def formats(self, key: object, make: Callable[[], BitMap]) -> BitMap:
        """The campaigns able to fill one shape of impression (``make`` computes it once)."""
        found = self._format_cache.get(key)
        if found is None:
            if len(self._format_cache) > MAX_CACHED_FORMATS:
                self._format_cache.clear()
            found = self._format_cache[key] = make()
        return found

    def day_parted(self, now: datetime) -> BitMap:
        """Campaigns whose day-parting allows ``now``, each in its own time zone."""
        slot = int(now.timestamp()) // DP_SLOT_SECONDS
        cached = self._dp_cache.get(slot)
        if cached is not None:
            return cached
        allowed = BitMap(self.bitmaps.get(("dp_any",), ()))
        hour_of_week: dict[str, int] = {}
        for key in self.dp_keys:
            bitmap = self.bitmaps.get(key)
            if not bitmap:
                continue
            zone, pattern = str(key[1]), str(key[2])
            if zone not in hour_of_week:
                local = now.astimezone(ZoneInfo(zone))
                hour_of_week[zone] = local.weekday() * 24 + local.hour
            if pattern[hour_of_week[zone]] == "1":
                allowed |= bitmap
        self._dp_cache.clear()
        self._dp_cache[slot] = allowed
        return allowed
