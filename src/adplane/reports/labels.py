"""Names beside ids in report rows: ``campaign_id`` 42 gets ``campaign_name``.

Events hold ids only; names live with their owning domain, in the relational database, and
change without touching a single event. So a report is run first, and then each id dimension
asks its domain, through that domain's service, for the names of the ids on the page: one
lookup per dimension per page, never a join across the two databases. Each lookup takes the
principal, so a name is given only for what the principal may see (another account's
campaign gets no name, exactly as if it did not exist).

A domain adds its ids to reports by registering one lookup here (``LABELLERS.register``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as account_service
from adplane.accounts.principal import Principal
from adplane.campaigns import service as campaign_service
from adplane.creatives import service as creative_service
from adplane.inventory import service as inventory_service
from adplane.kit.pagination import PageParams
from adplane.reports.catalog import DIMENSIONS
from adplane.reports.schemas import Value

# (session, principal, ids) -> id -> name, for the ids that exist and the principal may see.
Lookup = Callable[[AsyncSession, Principal, list[int]], Awaitable[Mapping[int, str]]]


@dataclass(frozen=True)
class Labeller:
    """Where the names of one id dimension come from, and the row key they go under."""

    dimension: str
    label: str
    lookup: Lookup


class Labellers:
    """The registry: at most one labeller per id dimension."""

    def __init__(self) -> None:
        self._by_dimension: dict[str, Labeller] = {}

    def register(self, dimension: str, label: str, lookup: Lookup) -> None:
        """Name the ids of ``dimension`` (an integer report dimension) under ``label``."""
        known = DIMENSIONS.get(dimension)
        if known is None or known.kind != "int":
            raise ValueError(f"{dimension!r} is not an id dimension of reports")
        if label in DIMENSIONS:
            raise ValueError(f"label {label!r} would shadow a report dimension")
        if dimension in self._by_dimension:
            raise ValueError(f"{dimension!r} already has a labeller")
        self._by_dimension[dimension] = Labeller(dimension, label, lookup)

    def get(self, dimension: str) -> Labeller | None:
        return self._by_dimension.get(dimension)

    def __iter__(self) -> Iterator[Labeller]:
        return iter(self._by_dimension.values())

    async def attach(
        self,
        session: AsyncSession,
        principal: Principal,
        rows: list[dict[str, Value]],
        dimensions: Sequence[str],
    ) -> list[dict[str, Value]]:
        """The rows with each labelled dimension's name right after its id (None if unseen)."""
        names: dict[str, Mapping[int, str]] = {}
        for dimension in dimensions:
            labeller = self.get(dimension)
            if labeller is None:
                continue
            ids = sorted({v for row in rows if isinstance(v := row.get(dimension), int)})
            names[dimension] = await labeller.lookup(session, principal, ids) if ids else {}
        if not names:
            return rows
        labelled = []
        for row in rows:
            out: dict[str, Value] = {}
            for key, value in row.items():
                out[key] = value
                if key in names:
                    label = self._by_dimension[key].label
                    out[label] = names[key].get(value) if isinstance(value, int) else None
            labelled.append(out)
        return labelled


async def _campaign_names(
    session: AsyncSession, principal: Principal, ids: list[int]
) -> dict[int, str]:
    # The campaign service scopes the list to the principal's account.
    found = await campaign_service.list_campaigns(
        session,
        principal,
        campaign_service.CampaignFilter(ids=ids),
        page=PageParams(1, len(ids)),
    )
    return {view.id: view.name or "" for view in found.items}


async def _account_names(
    session: AsyncSession, principal: Principal, ids: list[int]
) -> dict[int, str]:
    accounts = await account_service.accounts_by_ids(session, ids)
    return {aid: a.name for aid, a in accounts.items() if principal.can_access(aid)}


LABELLERS = Labellers()
LABELLERS.register("account_id", "account_name", _account_names)
LABELLERS.register("campaign_id", "campaign_name", _campaign_names)
LABELLERS.register("creative_id", "creative_name", creative_service.creative_names)
LABELLERS.register("site_id", "site_name", inventory_service.site_names)
LABELLERS.register("spot_id", "spot_name", inventory_service.spot_names)
