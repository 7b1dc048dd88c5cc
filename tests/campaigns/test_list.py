"""Listing campaigns: the page envelope, page sizes, sorting and filters."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Actor
from tests.support.native import API, act, assert_problem, create_campaign


async def listing(client: httpx.AsyncClient, actor: Actor, **params: Any) -> dict[str, Any]:
    response = await client.get(f"{API}/campaigns", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def names(page: dict[str, Any]) -> list[str]:
    return [c["name"] for c in page["items"]]


async def test_a_list_is_an_envelope_of_items_total_page_and_page_size(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers)
    page = await listing(client, advertiser)
    assert set(page) == {"items", "total", "page", "page_size"}
    assert (page["total"], page["page"], page["page_size"]) == (1, 1, 20)


async def test_the_default_page_holds_twenty(client: httpx.AsyncClient, advertiser: Actor) -> None:
    for i in range(21):
        await create_campaign(client, advertiser.headers, name=f"c{i:02}")
    first = await listing(client, advertiser)
    assert (len(first["items"]), first["total"]) == (20, 21)
    second = await listing(client, advertiser, page=2)
    assert len(second["items"]) == 1


async def test_pages_do_not_overlap(client: httpx.AsyncClient, advertiser: Actor) -> None:
    for i in range(5):
        await create_campaign(client, advertiser.headers, name=f"c{i}")
    seen = []
    for page in (1, 2, 3):
        seen += names(await listing(client, advertiser, page=page, page_size=2, sort="name"))
    assert seen == [f"c{i}" for i in range(5)]


async def test_a_page_past_the_end_is_empty(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create_campaign(client, advertiser.headers)
    page = await listing(client, advertiser, page=5)
    assert (page["items"], page["total"], page["page"]) == ([], 1, 5)


async def test_a_page_size_of_500_is_allowed(client: httpx.AsyncClient, advertiser: Actor) -> None:
    page = await listing(client, advertiser, page_size=500)
    assert page["page_size"] == 500


@pytest.mark.parametrize(
    ("param", "value"),
    [("page_size", 501), ("page_size", 0), ("page", 0), ("page", -1), ("page_size", "ten")],
)
async def test_out_of_range_paging_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, param: str, value: int | str
) -> None:
    response = await client.get(
        f"{API}/campaigns", params={param: value}, headers=advertiser.headers
    )
    assert_problem(response, 422, field=param)


async def test_the_newest_campaign_comes_first_by_default(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for name in ("first", "second", "third"):
        await create_campaign(client, advertiser.headers, name=name)
    assert names(await listing(client, advertiser)) == ["third", "second", "first"]


async def test_sort_by_a_field_ascending(client: httpx.AsyncClient, advertiser: Actor) -> None:
    for name in ("b", "c", "a"):
        await create_campaign(client, advertiser.headers, name=name)
    assert names(await listing(client, advertiser, sort="name")) == ["a", "b", "c"]


async def test_a_dash_sorts_descending(client: httpx.AsyncClient, advertiser: Actor) -> None:
    for name in ("b", "c", "a"):
        await create_campaign(client, advertiser.headers, name=name)
    assert names(await listing(client, advertiser, sort="-name")) == ["c", "b", "a"]


async def test_sort_by_money_compares_amounts_not_text(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for name, price in (("ten", "10"), ("nine", "9"), ("half", "0.5")):
        await create_campaign(client, advertiser.headers, name=name, bid_price=price)
    assert names(await listing(client, advertiser, sort="bid_price")) == ["half", "nine", "ten"]


async def test_several_sort_fields_apply_in_order(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for name, model in (("b", "cpc"), ("a", "cpm"), ("c", "cpc")):
        await create_campaign(client, advertiser.headers, name=name, pricing_model=model)
    page = await listing(client, advertiser, sort="pricing_model,-name")
    assert names(page) == ["c", "b", "a"]


async def test_an_unknown_sort_field_is_refused(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/campaigns", params={"sort": "password"}, headers=advertiser.headers
    )
    assert_problem(response, 422, field="sort")


async def test_status_filter(client: httpx.AsyncClient, admin: Actor, advertiser: Actor) -> None:
    pending = await create_campaign(client, advertiser.headers, name="pending")
    active = await create_campaign(client, advertiser.headers, name="active")
    await act(client, admin.headers, active["id"], "approve")
    paused = await create_campaign(client, advertiser.headers, name="paused", is_active=False)
    await act(client, admin.headers, paused["id"], "approve")
    rejected = await create_campaign(client, advertiser.headers, name="rejected")
    await client.post(f"{API}/campaigns/{rejected['id']}/reject", json={}, headers=admin.headers)
    await create_campaign(client, advertiser.headers, name="draft", draft=True)
    archived = await create_campaign(client, advertiser.headers, name="archived")
    await act(client, advertiser.headers, archived["id"], "archive")
    for status in ("pending", "active", "paused", "rejected", "draft", "archived"):
        page = await listing(client, advertiser, status=status)
        assert names(page) == [status], status
        assert [c["status"] for c in page["items"]] == [status]
    assert pending["status"] == "pending"


async def test_several_statuses_combine(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create_campaign(client, advertiser.headers, name="pending")
    await create_campaign(client, advertiser.headers, name="draft", draft=True)
    await create_campaign(client, advertiser.headers, name="other", draft=True, is_active=False)
    response = await client.get(
        f"{API}/campaigns?status=pending&status=draft&sort=name", headers=advertiser.headers
    )
    assert names(response.json()) == ["draft", "other", "pending"]


async def test_archived_campaigns_are_listed_only_on_request(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    kept = await create_campaign(client, advertiser.headers, name="kept")
    gone = await create_campaign(client, advertiser.headers, name="gone")
    await act(client, advertiser.headers, gone["id"], "archive")
    assert names(await listing(client, advertiser)) == ["kept"]
    assert kept["status"] == "pending"


async def test_an_unknown_status_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await client.get(
        f"{API}/campaigns", params={"status": "sleeping"}, headers=advertiser.headers
    )
    assert_problem(response, 422, field="status.0")


async def test_filter_by_ids(client: httpx.AsyncClient, advertiser: Actor) -> None:
    a = await create_campaign(client, advertiser.headers, name="a")
    await create_campaign(client, advertiser.headers, name="b")
    c = await create_campaign(client, advertiser.headers, name="c")
    response = await client.get(
        f"{API}/campaigns?id={a['id']}&id={c['id']}&sort=name", headers=advertiser.headers
    )
    assert names(response.json()) == ["a", "c"]


async def test_filter_by_name(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create_campaign(client, advertiser.headers, name="Summer Sale")
    await create_campaign(client, advertiser.headers, name="Winter")
    assert names(await listing(client, advertiser, q="summer")) == ["Summer Sale"]


async def test_name_filter_treats_wildcards_literally(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="50% off")
    await create_campaign(client, advertiser.headers, name="500 off")
    await create_campaign(client, advertiser.headers, name="a_b")
    await create_campaign(client, advertiser.headers, name="axb")
    assert names(await listing(client, advertiser, q="50%")) == ["50% off"]
    assert names(await listing(client, advertiser, q="a_b")) == ["a_b"]


async def test_filter_by_pricing_model_and_format(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="cpc", pricing_model="cpc", format_id=1)
    await create_campaign(client, advertiser.headers, name="cpm", pricing_model="cpm", format_id=1)
    await create_campaign(
        client, advertiser.headers, name="video", pricing_model="cpc", format_id=63
    )
    assert names(await listing(client, advertiser, pricing_model="cpc", format_id=1)) == ["cpc"]


async def test_filter_by_traffic_type(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create_campaign(client, advertiser.headers, name="prime", traffic_type="prime")
    await create_campaign(client, advertiser.headers, name="ron")
    assert names(await listing(client, advertiser, traffic_type="prime")) == ["prime"]


async def test_an_advertiser_lists_only_its_own_campaigns(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="mine")
    await create_campaign(client, other_advertiser.headers, name="theirs")
    assert names(await listing(client, advertiser)) == ["mine"]


async def test_an_admin_lists_every_accounts_campaigns(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="a")
    await create_campaign(client, other_advertiser.headers, name="b")
    assert names(await listing(client, admin, sort="name")) == ["a", "b"]


async def test_an_admin_filters_by_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="a")
    await create_campaign(client, other_advertiser.headers, name="b")
    page = await listing(client, admin, account_id=other_advertiser.account_id)
    assert names(page) == ["b"]


async def test_a_missing_value_sorts_as_the_largest_on_every_backend(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    await create_campaign(client, advertiser.headers, name="none")
    await create_campaign(client, advertiser.headers, name="two", daily_budget="2")
    await create_campaign(client, advertiser.headers, name="one", daily_budget="1")
    ascending = await listing(client, advertiser, sort="daily_budget")
    descending = await listing(client, advertiser, sort="-daily_budget")
    assert names(ascending) == ["one", "two", "none"]
    assert names(descending) == ["none", "two", "one"]
