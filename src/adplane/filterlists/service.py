"""Filter list use cases: lists, their items, uploads, and the campaigns that use them.

Tenancy: a list belongs to an account; another account's list is "not found", exactly like a
missing one, wherever an id names it (a route, a campaign link). A campaign may only use
lists of its own account, even when an admin links them.

Items are validated and made canonical by type (``items.py``) before anything is written;
a request with one bad item writes nothing and its error names the item's position and value.
Validating or parsing a big batch is CPU work, so it runs in a worker thread, off the event
loop. Every item write locks the list row first, so a replacement and an addition to the same
list never interleave, and ``item_count`` stays exact.

``add_items`` and ``iter_values`` take no principal: they are the ports of the rules job
(which adds the offending sources it found) and of the bidder (which compiles a list into a
set), both acting for the platform.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts import service as accounts_service
from adplane.accounts.principal import Principal
from adplane.campaigns import service as campaign_service
from adplane.filterlists import files, schemas
from adplane.filterlists.items import ItemType, ListMode, canonical_list
from adplane.filterlists.repository import (
    READ_CHUNK,
    FilterListRepository,
    ItemRepository,
    LinkRepository,
)
from adplane.filterlists.repository import ListFilter as ListFilter
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.models import CampaignFilterList, FilterList

# Below this many items validation runs inline: a thread hop would cost more than the work.
_INLINE_ITEMS = 2_000


def _view(row: FilterList) -> schemas.FilterList:
    return schemas.FilterList(
        id=row.id,
        account_id=row.account_id,
        name=row.name,
        type=ItemType(row.item_type),
        mode=ListMode(row.mode),
        is_active=row.is_active,
        item_count=row.item_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def canonical(item_type: ItemType, values: Sequence[str]) -> list[str]:
    """``values`` validated for ``item_type``, canonical, deduplicated (big ones in a thread)."""
    if len(values) <= _INLINE_ITEMS:
        return canonical_list(item_type, list(values))
    return await anyio.to_thread.run_sync(canonical_list, item_type, list(values))


async def parse_file(
    data: bytes, filename: str, list_type: ItemType | None = None, column: str | None = None
) -> schemas.ParsedFile:
    """The items of a CSV or TXT upload (validated when a type is given); nothing is stored."""
    parsed = await anyio.to_thread.run_sync(files.parse_file, data, filename, list_type, column)
    return schemas.ParsedFile(
        file_name=parsed.file_name,
        format=parsed.format,
        type=list_type,
        items=parsed.items,
        count=len(parsed.items),
        duplicates=parsed.duplicates,
    )


async def _load(
    session: AsyncSession, principal: Principal, list_id: int, *, for_update: bool = False
) -> FilterList:
    repo = FilterListRepository.from_session(session)
    scope = principal.scope()
    if for_update:
        row = await repo.get_for_update(list_id, account_id=scope)
    else:
        row = await repo.get(list_id, account_id=scope)
    if row is None or not principal.can_access(row.account_id):
        raise NotFound(f"filter list {list_id} not found")
    return row


async def _locked(session: AsyncSession, list_id: int) -> FilterList:
    row = await FilterListRepository.from_session(session).get_for_update(list_id, account_id=None)
    if row is None:
        raise NotFound(f"filter list {list_id} not found")
    return row


# lists


async def list_lists(
    session: AsyncSession, principal: Principal, filters: ListFilter, page: PageParams
) -> tuple[list[schemas.FilterList], int]:
    """The principal's lists (every account's for an admin), by id."""
    wanted = {
        "account_id": filters.account_id,
        "item_type": filters.item_type,
        "mode": filters.mode,
        "is_active": filters.is_active,
    }
    rows, total = await FilterListRepository.from_session(session).paginate(
        page, wanted, account_id=principal.scope()
    )
    return [_view(r) for r in rows], total


async def get(session: AsyncSession, principal: Principal, list_id: int) -> schemas.FilterList:
    return _view(await _load(session, principal, list_id))


async def _create(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    item_type: ItemType,
    mode: ListMode,
    is_active: bool,
    account_id: int | None,
    items: list[str],
) -> schemas.FilterList:
    owner = principal.account_for_write(account_id)
    await accounts_service.get_account(session, principal, owner)
    row = FilterList(
        account_id=owner,
        name=name,
        item_type=item_type.value,
        mode=mode.value,
        is_active=is_active,
        item_count=len(items),
    )
    await FilterListRepository.from_session(session).create(row)
    await ItemRepository.from_session(session).insert_new(row.id, items)
    return _view(row)


async def create(
    session: AsyncSession, principal: Principal, body: schemas.FilterListCreate
) -> schemas.FilterList:
    """A new list with its items (validated for its type)."""
    items = await canonical(body.type, body.items)
    return await _create(
        session,
        principal,
        name=body.name,
        item_type=body.type,
        mode=body.mode,
        is_active=body.is_active,
        account_id=body.account_id,
        items=items,
    )


async def create_from_file(
    session: AsyncSession,
    principal: Principal,
    *,
    name: str,
    item_type: ItemType,
    mode: ListMode,
    data: bytes,
    filename: str,
    column: str | None = None,
    is_active: bool = True,
    account_id: int | None = None,
) -> schemas.FilterList:
    """A new list built from a CSV or TXT upload."""
    principal.account_for_write(account_id)  # refuse a foreign account before parsing
    parsed = await anyio.to_thread.run_sync(files.parse_file, data, filename, item_type, column)
    return await _create(
        session,
        principal,
        name=name,
        item_type=item_type,
        mode=mode,
        is_active=is_active,
        account_id=account_id,
        items=parsed.items,
    )


async def update(
    session: AsyncSession, principal: Principal, list_id: int, body: schemas.FilterListUpdate
) -> schemas.FilterList:
    row = await _load(session, principal, list_id)
    changes: dict[str, Any] = {}
    for name in body.model_fields_set:
        value = getattr(body, name)
        if value is None:
            raise ValidationFailed.field(name, "must not be null")
        changes[name] = value.value if isinstance(value, ListMode) else value
    if not changes:
        return _view(row)
    return _view(await FilterListRepository.from_session(session).update(row, changes))


async def delete(session: AsyncSession, principal: Principal, list_id: int) -> None:
    """Delete a list with its items; campaigns that used it stop using it."""
    row = await _load(session, principal, list_id, for_update=True)
    await FilterListRepository.from_session(session).delete(row)


# items


async def items_page(
    session: AsyncSession, principal: Principal, list_id: int, page: PageParams
) -> tuple[list[str], int]:
    """One page of a list's items, in canonical (index) order."""
    row = await _load(session, principal, list_id)
    return await ItemRepository.from_session(session).page(row.id, page), row.item_count


async def add_items(session: AsyncSession, list_id: int, values: Sequence[str]) -> int:
    """Add items to a list (validated for its type); how many were new. Idempotent.

    No principal: the caller (the rules job) has already resolved the list it acts on.
    """
    row = await _locked(session, list_id)
    items = await canonical(ItemType(row.item_type), values)
    added = await ItemRepository.from_session(session).add(row.id, items)
    if added:
        await _counted(session, row, added)
    return added


async def _counted(session: AsyncSession, row: FilterList, delta: int) -> None:
    await FilterListRepository.from_session(session).update(
        row, {"item_count": row.item_count + delta}
    )


async def add(
    session: AsyncSession, principal: Principal, list_id: int, values: Sequence[str]
) -> schemas.ItemsAdded:
    """Add items to one of the principal's lists."""
    row = await _load(session, principal, list_id, for_update=True)
    added = await add_items(session, row.id, values)
    return schemas.ItemsAdded(added=added, item_count=row.item_count)


async def remove(
    session: AsyncSession, principal: Principal, list_id: int, values: Sequence[str]
) -> schemas.ItemsRemoved:
    """Remove items from a list; values are made canonical first, unknown ones are ignored."""
    row = await _load(session, principal, list_id, for_update=True)
    items = await canonical(ItemType(row.item_type), values)
    removed = await ItemRepository.from_session(session).remove(row.id, items)
    if removed:
        await _counted(session, row, -removed)
    return schemas.ItemsRemoved(removed=removed, item_count=row.item_count)


async def _replace(session: AsyncSession, row: FilterList, items: list[str]) -> schemas.FilterList:
    await ItemRepository.from_session(session).replace(row.id, items)
    await FilterListRepository.from_session(session).update(row, {"item_count": len(items)})
    return _view(row)


async def replace_items(
    session: AsyncSession, principal: Principal, list_id: int, values: Sequence[str]
) -> schemas.FilterList:
    """Replace every item of a list, in one transaction."""
    row = await _load(session, principal, list_id, for_update=True)
    return await _replace(session, row, await canonical(ItemType(row.item_type), values))


async def replace_from_file(
    session: AsyncSession,
    principal: Principal,
    list_id: int,
    *,
    data: bytes | None,
    filename: str,
    column: str | None = None,
) -> schemas.FilterList:
    """Replace every item of a list with those of a CSV or TXT upload."""
    row = await _load(session, principal, list_id, for_update=True)
    if data is None:
        raise ValidationFailed.field("file", "is required")
    item_type = ItemType(row.item_type)
    parsed = await anyio.to_thread.run_sync(files.parse_file, data, filename, item_type, column)
    return await _replace(session, row, parsed.items)


async def iter_values(
    session: AsyncSession, list_id: int, chunk: int = READ_CHUNK
) -> AsyncIterator[list[str]]:
    """A list's values, ``chunk`` at a time, in canonical order (for the bidder's sets)."""
    if await FilterListRepository.from_session(session).get(list_id) is None:
        raise NotFound(f"filter list {list_id} not found")
    async for values in ItemRepository.from_session(session).chunks(list_id, chunk):
        yield values


async def values(session: AsyncSession, principal: Principal, list_id: int) -> list[str]:
    """Every value of one of the principal's lists."""
    row = await _load(session, principal, list_id)
    found: list[str] = []
    async for chunk in ItemRepository.from_session(session).chunks(row.id):
        found.extend(chunk)
    return found


# campaign links


async def _links_view(
    session: AsyncSession, links: list[CampaignFilterList]
) -> list[schemas.CampaignFilterList]:
    lists = await FilterListRepository.from_session(session).by_ids(
        {link.filter_list_id for link in links}
    )
    result = []
    for link in links:
        row = lists[link.filter_list_id]
        result.append(
            schemas.CampaignFilterList(
                campaign_id=link.campaign_id,
                include=link.include,
                effect=schemas.effect_of(ListMode(row.mode), link.include),
                filter_list=_view(row),
            )
        )
    return result


async def list_links(
    session: AsyncSession, principal: Principal, campaign_id: int
) -> list[schemas.CampaignFilterList]:
    """The lists a campaign uses, in the order they were linked."""
    await campaign_service.account_of(session, principal, campaign_id)
    return await _links_view(
        session, await LinkRepository.from_session(session).for_campaign(campaign_id)
    )


async def links_for_campaigns(
    session: AsyncSession, campaign_ids: Sequence[int]
) -> dict[int, list[schemas.CampaignFilterList]]:
    """Campaign id -> the lists it uses, for callers that resolved the campaigns (delivery)."""
    links = await LinkRepository.from_session(session).for_campaigns(set(campaign_ids))
    result: dict[int, list[schemas.CampaignFilterList]] = {cid: [] for cid in campaign_ids}
    for link in await _links_view(session, links):
        result[link.campaign_id].append(link)
    return result


async def campaign_ids_for_lists(session: AsyncSession, list_ids: Sequence[int]) -> set[int]:
    """The campaigns that use these lists (delivery refreshes them when a list changes)."""
    return await LinkRepository.from_session(session).campaign_ids_for_lists(set(list_ids))


async def _check_lists(
    session: AsyncSession, principal: Principal, account_id: int, links: Sequence[schemas.LinkIn]
) -> dict[int, bool]:
    """List id -> include, for lists of the campaign's account; any other list is not found."""
    wanted: dict[int, bool] = {}
    for index, link in enumerate(links):
        if link.filter_list_id in wanted:
            raise ValidationFailed.field(
                f"links[{index}].filter_list_id", f"list {link.filter_list_id} is named twice"
            )
        wanted[link.filter_list_id] = link.include
    found = await FilterListRepository.from_session(session).by_ids(wanted)
    for list_id in wanted:
        row = found.get(list_id)
        if row is None or row.account_id != account_id or not principal.can_access(row.account_id):
            raise NotFound(f"filter list {list_id} not found")
    return wanted


async def replace_links(
    session: AsyncSession, principal: Principal, campaign_id: int, links: Sequence[schemas.LinkIn]
) -> list[schemas.CampaignFilterList]:
    """Make ``links`` the campaign's lists, exactly."""
    account_id = await campaign_service.account_of(session, principal, campaign_id)
    wanted = await _check_lists(session, principal, account_id, links)
    repo = LinkRepository.from_session(session)
    await repo.remove(campaign_id)
    await repo.add(campaign_id, wanted)
    return await list_links(session, principal, campaign_id)


async def append_links(
    session: AsyncSession, principal: Principal, campaign_id: int, links: Sequence[schemas.LinkIn]
) -> list[schemas.CampaignFilterList]:
    """Add lists to the campaign's; a list it already uses takes the new include flag."""
    account_id = await campaign_service.account_of(session, principal, campaign_id)
    wanted = await _check_lists(session, principal, account_id, links)
    repo = LinkRepository.from_session(session)
    current = {link.filter_list_id: link for link in await repo.for_campaign(campaign_id)}
    for include in (True, False):
        again = [current[i] for i, inc in wanted.items() if i in current and inc is include]
        await repo.set_include(again, include)
    await repo.add(campaign_id, {i: inc for i, inc in wanted.items() if i not in current})
    return await list_links(session, principal, campaign_id)


async def remove_links(
    session: AsyncSession, principal: Principal, campaign_id: int, list_ids: Sequence[int]
) -> list[schemas.CampaignFilterList]:
    """Stop the campaign using these lists; a list it does not use is ignored."""
    await campaign_service.account_of(session, principal, campaign_id)
    await LinkRepository.from_session(session).remove(campaign_id, set(list_ids))
    return await list_links(session, principal, campaign_id)
