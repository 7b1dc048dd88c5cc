"""Native wire models for filter lists, their items and their campaign links."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from adplane.filterlists.items import MAX_ITEMS, ItemType, ListMode
from adplane.kit.ids import RowId
from adplane.kit.schemas import Schema, StrictSchema
from adplane.models.filterlists import MAX_VALUE_LENGTH

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
RawItem = Annotated[str, StringConstraints(max_length=MAX_VALUE_LENGTH)]
Items = Annotated[
    list[RawItem],
    Field(
        max_length=MAX_ITEMS,
        description="Items of the list's type; each is validated and stored in canonical form, "
        "a repeated one once",
    ),
]
# A campaign uses at most this many lists.
MAX_LINKS = 1000


class Effect(StrEnum):
    """What a linked list does to a campaign's traffic, from the list's mode and the link."""

    ALLOW_ONLY = "allow_only"
    DENY = "deny"


def effect_of(mode: ListMode, include: bool) -> Effect:
    """White and included, or black and excluded: serve only there; otherwise: never there."""
    return Effect.ALLOW_ONLY if (mode is ListMode.WHITE) == include else Effect.DENY


class FilterList(Schema):
    id: int
    account_id: int
    name: str
    type: ItemType
    mode: ListMode
    is_active: bool
    item_count: int
    created_at: datetime
    updated_at: datetime


class FilterListCreate(StrictSchema):
    name: Name
    type: ItemType
    mode: ListMode = Field(description="white: serve only on these items; black: never on them")
    is_active: bool = True
    items: Items = Field(default_factory=list)
    account_id: RowId | None = Field(
        default=None, description="The owning account (admins only; others own what they create)"
    )


class FilterListUpdate(StrictSchema):
    """The type is fixed at creation: the items were validated for it."""

    name: Name | None = None
    mode: ListMode | None = None
    is_active: bool | None = None


class ItemsBody(StrictSchema):
    items: Items


class ItemsAdded(Schema):
    added: int = Field(description="How many of the items were new to the list")
    item_count: int


class ItemsRemoved(Schema):
    removed: int = Field(description="How many of the items were in the list")
    item_count: int


class ParsedFile(Schema):
    """A parsed upload: nothing is stored."""

    file_name: str
    format: str = Field(description="csv or txt, from the file name's extension")
    type: ItemType | None = Field(description="The type the items were validated for, if any")
    items: list[str]
    count: int
    duplicates: int = Field(description="Repeated items, kept once")


class LinkIn(StrictSchema):
    filter_list_id: RowId
    include: bool = Field(
        default=True, description="true: the list applies as its mode says; false: inverted"
    )


class LinksBody(StrictSchema):
    links: Annotated[list[LinkIn], Field(max_length=MAX_LINKS)]


class LinkRemoval(StrictSchema):
    filter_list_ids: Annotated[list[RowId], Field(max_length=MAX_LINKS)]


class CampaignFilterList(Schema):
    """One list a campaign uses."""

    campaign_id: int
    include: bool
    effect: Effect
    filter_list: FilterList
