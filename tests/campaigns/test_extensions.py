"""Extension documents: a dialect's vendor-only fields, stored beside the campaign by the core."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import httpx
import pytest
from pydantic import Field
from sqlalchemy import func, select

from adplane.accounts.principal import Principal
from adplane.campaigns import schemas
from adplane.campaigns import service as campaign_service
from adplane.campaigns.extensions import Extension, by_dialect, extension_of
from adplane.kit.db import Database
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.models import Campaign, CampaignExtension
from tests.conftest import Actor
from tests.support.native import API


class Extras(Extension):
    dialect: ClassVar[str] = "example"

    color: str | None = Field(default=None, max_length=16)
    size: int = Field(default=1, ge=1, le=10)
    price: Decimal | None = Field(default=None, decimal_places=6)
    tags: list[str] = Field(default_factory=list)


class Other(Extension):
    dialect: ClassVar[str] = "other"

    flag: bool = False


class NativeExtras(Extension):
    """A document of a dialect without a write surface: the native API writes it."""

    dialect: ClassVar[str] = "native_example"
    native: ClassVar[bool] = True

    label: str | None = Field(default=None, max_length=8)
    count: int = 0


FIELDS = schemas.CampaignFields(name="With extras")


async def create(
    database: Database, principal: Principal, *extensions: Extension, **kwargs: object
) -> schemas.Campaign:
    async with database.sessionmaker() as session, session.begin():
        return await campaign_service.create(
            session, principal, FIELDS, extensions=extensions, **kwargs
        )


async def get(database: Database, principal: Principal, campaign_id: int) -> schemas.Campaign:
    async with database.sessionmaker() as session:
        return await campaign_service.get(session, principal, campaign_id)


async def update(
    database: Database, principal: Principal, campaign_id: int, *extensions: Extension
) -> schemas.Campaign:
    async with database.sessionmaker() as session, session.begin():
        return await campaign_service.update(
            session, principal, campaign_id, schemas.CampaignFields(), extensions=extensions
        )


async def stored_documents(database: Database) -> list[tuple[int, str, dict[str, object]]]:
    async with database.sessionmaker() as session:
        rows = await session.execute(
            select(
                CampaignExtension.campaign_id, CampaignExtension.dialect, CampaignExtension.document
            ).order_by(CampaignExtension.campaign_id, CampaignExtension.dialect)
        )
        return [(cid, dialect, doc) for cid, dialect, doc in rows.all()]


async def test_a_document_given_at_create_is_stored_and_read_back_typed(
    database: Database, advertiser: Actor
) -> None:
    extras = Extras(color="red", price=Decimal("0.123456"), tags=["a"])
    created = await create(database, advertiser.principal, extras)
    document = {"color": "red", "size": 1, "price": "0.123456", "tags": ["a"]}
    assert created.extensions == {"example": document}
    view = await get(database, advertiser.principal, created.id)
    assert extension_of(view, Extras) == extras
    assert extension_of(view, Extras).price == Decimal("0.123456")
    assert await stored_documents(database) == [(created.id, "example", document)]


async def test_a_campaign_without_a_document_reads_the_defaults(
    database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal)
    assert created.extensions == {}
    assert extension_of(created, Extras) == Extras()
    assert await stored_documents(database) == []


async def test_each_dialect_keeps_its_own_document(database: Database, advertiser: Actor) -> None:
    created = await create(database, advertiser.principal, Extras(size=3), Other(flag=True))
    assert created.extensions["other"] == {"flag": True}
    assert extension_of(created, Extras).size == 3
    updated = await update(database, advertiser.principal, created.id, Other(flag=False))
    assert extension_of(updated, Other).flag is False
    assert extension_of(updated, Extras).size == 3


async def test_an_update_changes_only_the_fields_the_dialect_set(
    database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, Extras(color="red", size=4))
    updated = await update(database, advertiser.principal, created.id, Extras(size=5))
    assert extension_of(updated, Extras) == Extras(color="red", size=5)
    async with database.sessionmaker() as session:
        history = await campaign_service.history(
            session, advertiser.principal, created.id, PageParams(1, 100)
        )
    last = history.items[-1]
    assert last.action == "update"
    assert last.changes == {"extensions.example.size": [4, 5]}


async def test_an_update_can_add_a_document_to_a_campaign_that_had_none(
    database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal)
    updated = await update(database, advertiser.principal, created.id, Extras(color="blue"))
    assert updated.extensions == {
        "example": {"color": "blue", "size": 1, "price": None, "tags": []}
    }


async def test_a_document_its_model_refuses_is_not_stored_and_names_the_field(
    database: Database, advertiser: Actor
) -> None:
    # Built without validation, as a buggy mapping might: the core validates it again.
    bad = Extras.model_construct(size=99)
    with pytest.raises(ValidationFailed) as refused:
        await create(database, advertiser.principal, bad)
    assert [e.field for e in refused.value.errors] == ["extensions.example.size"]
    async with database.sessionmaker() as session:
        assert (await session.execute(select(func.count(Campaign.id)))).scalar_one() == 0
    assert await stored_documents(database) == []


async def test_a_nul_character_in_a_document_is_refused(
    database: Database, advertiser: Actor
) -> None:
    with pytest.raises(ValueError, match="NUL"):
        Extras(color="a\x00b")
    created = await create(database, advertiser.principal, Extras(color="ok"))
    with pytest.raises(ValidationFailed) as refused:
        await update(
            database, advertiser.principal, created.id, Extras.model_construct(tags=["a\x00"])
        )
    assert refused.value.errors[0].field.startswith("extensions.example")
    assert extension_of(await get(database, advertiser.principal, created.id), Extras).tags == []


async def test_a_failed_update_leaves_the_document_as_it_was(
    database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, Extras(color="red"))
    with pytest.raises(ValidationFailed):
        async with database.sessionmaker() as session, session.begin():
            await campaign_service.update(
                session,
                advertiser.principal,
                created.id,
                schemas.CampaignFields(frequency_enabled=True),
                extensions=[Extras(color="green")],
            )
    view = await get(database, advertiser.principal, created.id)
    assert extension_of(view, Extras).color == "red"


async def test_a_clone_copies_every_document_and_a_save_as_changes_the_fields_given(
    database: Database, advertiser: Actor
) -> None:
    source = await create(database, advertiser.principal, Extras(color="red"), Other(flag=True))
    async with database.sessionmaker() as session, session.begin():
        copy = await campaign_service.clone(session, advertiser.principal, source.id)
        saved_as = await campaign_service.clone(
            session,
            advertiser.principal,
            source.id,
            schemas.CampaignFields(name="Saved as"),
            extensions=[Extras(size=7)],
        )
    assert copy.extensions == source.extensions
    assert extension_of(saved_as, Extras) == Extras(color="red", size=7)
    assert extension_of(saved_as, Other).flag is True
    again = await get(database, advertiser.principal, source.id)
    assert extension_of(again, Extras).size == 1


async def test_archiving_and_restoring_keep_the_document(
    database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, Extras(color="red"))
    async with database.sessionmaker() as session, session.begin():
        archived = await campaign_service.archive(session, advertiser.principal, created.id)
        restored = await campaign_service.restore(session, advertiser.principal, created.id)
    assert archived.extensions == created.extensions == restored.extensions


async def test_another_accounts_document_is_out_of_reach(
    database: Database, advertiser: Actor, other_advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, Extras(color="red"))
    with pytest.raises(NotFound):
        await update(database, other_advertiser.principal, created.id, Extras(color="blue"))
    view = await get(database, advertiser.principal, created.id)
    assert extension_of(view, Extras).color == "red"


async def test_the_native_api_returns_the_documents_untouched(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, Extras(price=Decimal("1.5")))
    response = await client.get(f"{API}/campaigns/{created.id}", headers=advertiser.headers)
    assert response.status_code == 200
    assert response.json()["extensions"] == {
        "example": {"color": None, "size": 1, "price": "1.5", "tags": []}
    }


async def test_the_native_api_writes_a_document_of_a_dialect_without_a_write_surface(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    body = {"name": "Native", "extensions": {"native_example": {"label": "a"}}}
    created = await client.post(f"{API}/campaigns", json=body, headers=advertiser.headers)
    assert created.status_code == 201, created.text
    assert created.json()["extensions"] == {"native_example": {"label": "a", "count": 0}}
    cid = created.json()["id"]
    changed = await client.patch(
        f"{API}/campaigns/{cid}",
        json={"extensions": {"native_example": {"count": 2}}},
        headers=advertiser.headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["extensions"] == {"native_example": {"label": "a", "count": 2}}
    assert changed.json()["name"] == "Native"
    history = await client.get(f"{API}/campaigns/{cid}/history", headers=advertiser.headers)
    assert "extensions.native_example.count" in history.text


async def test_the_native_api_does_not_write_a_document_its_dialect_writes(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    for dialect in ("example", "unknown"):
        body = {"name": "Native", "extensions": {dialect: {"color": "red"}}}
        response = await client.post(f"{API}/campaigns", json=body, headers=advertiser.headers)
        assert response.status_code == 422, response.text
        assert f"extensions.{dialect}" in response.text
    assert await stored_documents(database) == []


async def test_a_native_document_its_model_refuses_names_the_field_and_changes_nothing(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal, NativeExtras(label="a"))
    response = await client.patch(
        f"{API}/campaigns/{created.id}",
        json={"name": "Renamed", "extensions": {"native_example": {"label": "too long a label"}}},
        headers=advertiser.headers,
    )
    assert response.status_code == 422, response.text
    assert "extensions.native_example.label" in response.text
    view = await get(database, advertiser.principal, created.id)
    assert (view.name, extension_of(view, NativeExtras).label) == ("With extras", "a")


async def test_an_empty_native_update_is_refused(
    client: httpx.AsyncClient, database: Database, advertiser: Actor
) -> None:
    created = await create(database, advertiser.principal)
    response = await client.patch(
        f"{API}/campaigns/{created.id}", json={"extensions": {}}, headers=advertiser.headers
    )
    assert response.status_code == 422, response.text


def test_an_extension_model_must_name_its_dialect_and_default_every_field() -> None:
    with pytest.raises(TypeError, match="dialect"):

        class Unnamed(Extension):
            color: str | None = None

    with pytest.raises(TypeError, match="defaults"):

        class Required(Extension):
            dialect: ClassVar[str] = "required"
            color: str


def test_two_documents_for_one_dialect_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="two extension documents"):
        by_dialect([Extras(), Extras(size=2)])
