"""Accounts and their wallets: create, get, list, deposit, transactions."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from sqlalchemy import func, select

from adplane.kit.db import Database
from adplane.models import Account, Transaction
from tests.conftest import Actor, Factory
from tests.support.native import API, assert_problem


async def deposit(
    client: httpx.AsyncClient, admin: Actor, account_id: int | None, amount: str
) -> httpx.Response:
    return await client.post(
        f"{API}/accounts/{account_id}/deposit", json={"amount": amount}, headers=admin.headers
    )


async def test_an_admin_creates_an_account_with_an_empty_wallet(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.post(
        f"{API}/accounts", json={"name": "Acme", "currency": "EUR"}, headers=admin.headers
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "Acme"
    assert body["currency"] == "EUR"
    assert Decimal(body["balance"]) == 0
    assert body["external_id"]


async def test_an_account_currency_defaults_to_usd(client: httpx.AsyncClient, admin: Actor) -> None:
    response = await client.post(f"{API}/accounts", json={"name": "Acme"}, headers=admin.headers)
    assert response.json()["currency"] == "USD"


async def test_a_duplicate_external_id_is_a_conflict(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    first = await client.post(
        f"{API}/accounts", json={"name": "A", "external_id": "vendor-1"}, headers=admin.headers
    )
    assert first.status_code == 201
    second = await client.post(
        f"{API}/accounts", json={"name": "B", "external_id": "vendor-1"}, headers=admin.headers
    )
    assert_problem(second, 409)
    async with database.sessionmaker() as session:
        names = (await session.execute(select(Account.name))).scalars().all()
    assert "B" not in names


async def test_an_advertiser_cannot_create_accounts(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.post(
        f"{API}/accounts", json={"name": "Mine"}, headers=advertiser.headers
    )
    assert_problem(response, 403)


async def test_an_admin_gets_any_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    response = await client.get(f"{API}/accounts/{advertiser.account_id}", headers=admin.headers)
    assert response.status_code == 200
    assert response.json()["id"] == advertiser.account_id
    assert Decimal(response.json()["balance"]) == Decimal("1000")


async def test_an_advertiser_gets_its_own_account(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    response = await client.get(
        f"{API}/accounts/{advertiser.account_id}", headers=advertiser.headers
    )
    assert response.status_code == 200


async def test_a_missing_account_is_not_found(client: httpx.AsyncClient, admin: Actor) -> None:
    assert_problem(await client.get(f"{API}/accounts/424242", headers=admin.headers), 404)


async def test_an_admin_lists_every_account(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, other_advertiser: Actor
) -> None:
    response = await client.get(f"{API}/accounts", headers=admin.headers)
    body = response.json()
    assert body["total"] == 2
    assert {a["id"] for a in body["items"]} == {advertiser.account_id, other_advertiser.account_id}
    assert (body["page"], body["page_size"]) == (1, 20)


async def test_an_advertiser_lists_only_its_own_account(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    body = (await client.get(f"{API}/accounts", headers=advertiser.headers)).json()
    assert body["total"] == 1
    assert [a["id"] for a in body["items"]] == [advertiser.account_id]


async def test_the_account_list_pages(
    client: httpx.AsyncClient, admin: Actor, factory: Factory
) -> None:
    for name in ("a", "b", "c"):
        await client.post(f"{API}/accounts", json={"name": name}, headers=admin.headers)
    page = (
        await client.get(
            f"{API}/accounts", params={"page": 2, "page_size": 2}, headers=admin.headers
        )
    ).json()
    assert page["total"] == 3
    assert [a["name"] for a in page["items"]] == ["c"]
    assert (page["page"], page["page_size"]) == (2, 2)


async def test_a_deposit_credits_the_wallet(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    response = await deposit(client, admin, advertiser.account_id, "250.5")
    assert response.status_code == 201, response.text
    tx = response.json()
    assert tx["kind"] == "deposit"
    assert Decimal(tx["amount"]) == Decimal("250.5")
    assert Decimal(tx["balance_after"]) == Decimal("1250.5")
    account = await client.get(f"{API}/accounts/{advertiser.account_id}", headers=admin.headers)
    assert Decimal(account.json()["balance"]) == Decimal("1250.5")


async def test_deposits_of_tenths_add_up_exactly(
    client: httpx.AsyncClient, admin: Actor, factory: Factory
) -> None:
    owner = await factory.advertiser(balance=Decimal(0))
    await deposit(client, admin, owner.account_id, "0.1")
    await deposit(client, admin, owner.account_id, "0.2")
    account = await client.get(f"{API}/accounts/{owner.account_id}", headers=admin.headers)
    assert account.json()["balance"] == "0.300000"


async def test_a_deposit_sent_as_a_json_number_is_exact(
    client: httpx.AsyncClient, admin: Actor, factory: Factory
) -> None:
    owner = await factory.advertiser(balance=Decimal(0))
    response = await client.post(
        f"{API}/accounts/{owner.account_id}/deposit",
        content=b'{"amount": 123456789012.123456}',
        headers={**admin.headers, "content-type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["balance_after"] == "123456789012.123456"


async def test_a_deposit_keeps_six_decimal_places(
    client: httpx.AsyncClient, admin: Actor, factory: Factory
) -> None:
    owner = await factory.advertiser(balance=Decimal(0))
    response = await deposit(client, admin, owner.account_id, "0.000001")
    assert response.json()["balance_after"] == "0.000001"


@pytest.mark.parametrize("amount", ["0.0000001", "0", "-5", "NaN", "Infinity", "lots"])
async def test_an_invalid_deposit_amount_is_refused(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor, amount: str
) -> None:
    assert_problem(await deposit(client, admin, advertiser.account_id, amount), 422, field="amount")


async def test_a_deposit_that_would_overflow_the_wallet_is_refused(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    for _ in range(9):
        ok = await deposit(client, admin, advertiser.account_id, "999999999999")
        assert ok.status_code == 201, ok.text
    response = await deposit(client, admin, advertiser.account_id, "999999999999")
    assert_problem(response, 422, field="amount")
    account = await client.get(f"{API}/accounts/{advertiser.account_id}", headers=admin.headers)
    assert Decimal(account.json()["balance"]) == Decimal("8999999999991") + 1000


async def test_an_advertiser_cannot_deposit(client: httpx.AsyncClient, advertiser: Actor) -> None:
    response = await deposit(client, advertiser, advertiser.account_id, "10")
    assert_problem(response, 403)


async def test_a_deposit_to_a_missing_account_is_not_found(
    client: httpx.AsyncClient, admin: Actor, database: Database
) -> None:
    assert_problem(await deposit(client, admin, 424242, "10"), 404)
    async with database.sessionmaker() as session:
        count = (await session.execute(select(func.count(Transaction.id)))).scalar_one()
    assert count == 0


async def test_transactions_list_newest_first(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await deposit(client, admin, advertiser.account_id, "1")
    await deposit(client, admin, advertiser.account_id, "2")
    response = await client.get(
        f"{API}/accounts/{advertiser.account_id}/transactions", headers=advertiser.headers
    )
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 3
    assert [Decimal(t["amount"]) for t in body["items"]] == [2, 1, 1000]
    assert [Decimal(t["balance_after"]) for t in body["items"]] == [1003, 1001, 1000]


async def test_transactions_of_a_missing_account_are_not_found(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.get(f"{API}/accounts/424242/transactions", headers=admin.headers)
    assert_problem(response, 404)


async def test_accounts_sort_by_a_field(client: httpx.AsyncClient, admin: Actor) -> None:
    for name in ("b", "c", "a"):
        await client.post(f"{API}/accounts", json={"name": name}, headers=admin.headers)
    page = await client.get(f"{API}/accounts", params={"sort": "-name"}, headers=admin.headers)
    assert [a["name"] for a in page.json()["items"]] == ["c", "b", "a"]


async def test_accounts_refuse_an_unknown_sort_field(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    response = await client.get(f"{API}/accounts", params={"sort": "secret"}, headers=admin.headers)
    assert_problem(response, 422, field="sort")


async def test_transactions_filter_by_kind_and_sort(
    client: httpx.AsyncClient, admin: Actor, advertiser: Actor
) -> None:
    await deposit(client, admin, advertiser.account_id, "5")
    response = await client.get(
        f"{API}/accounts/{advertiser.account_id}/transactions",
        params={"kind": "deposit", "sort": "amount"},
        headers=admin.headers,
    )
    assert [Decimal(t["amount"]) for t in response.json()["items"]] == [5, 1000]
    other = await client.get(
        f"{API}/accounts/{advertiser.account_id}/transactions",
        params={"kind": "spend"},
        headers=admin.headers,
    )
    assert other.json()["total"] == 0


@pytest.mark.parametrize("currency", ["XYZ", "eur", "EURO", ""])
async def test_an_account_currency_must_be_an_iso_code(
    client: httpx.AsyncClient, admin: Actor, currency: str
) -> None:
    response = await client.post(
        f"{API}/accounts", json={"name": "A", "currency": currency}, headers=admin.headers
    )
    assert_problem(response, 422, field="currency")
