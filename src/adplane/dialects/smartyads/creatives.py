"""Creatives (``api/creatives``: list, get, the six create variants, update, delete) and
creatives assigned to campaigns (``api/campaigns/{id}/creatives``), over ``adplane.creatives``.

The document tells its six create variants apart by ``creativeType`` and by which of
``admBody`` / ``mediaId`` is sent; a banner's ``mediaId`` is an image or an HTML5 bundle by
what the uploaded file is. Fields only SmartyAds has live in the creative's ``smartyads``
extension document (NOTES.md).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Body, Path, Query
from pydantic import BaseModel, ValidationError

from adplane.accounts.principal import Principal
from adplane.creatives import schemas as core
from adplane.creatives import service as creatives
from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.ids import MAX_ID
from adplane.kit.pagination import PageParams
from adplane.kit.time import as_utc
from adplane.kit.validation import field_errors
from adplane.media import service as media
from adplane.moderation.schemas import Approval

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

M = TypeVar("M", bound=BaseModel)

CreativeId = Annotated[int, Path(gt=0, le=MAX_ID, description="Creative Id")]
CampaignId = Annotated[int, Path(gt=0, le=MAX_ID, description="Campaign Id")]
ASSIGNED_PAGE_SIZE = 1000
EXTENSION = "smartyads"
_APPROVED: dict[Approval, Literal["approved", "pending", "disapproved"]] = {
    Approval.APPROVED: "approved",
    Approval.PENDING: "pending",
    Approval.REJECTED: "disapproved",
}


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).strftime("%Y-%m-%d %H:%M:%S")


def _number(value: Decimal | None) -> wire.Number | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def base(view: core.Creative) -> wire.CreativeBase:
    """A creative's base fields (sizes ``"W x H"``, weight in MB of its main file)."""
    cap = view.frequency_cap
    extras = view.extensions.get(EXTENSION, {})
    size_bytes = sum(m.size_bytes for m in view.media if m.role == "main")
    return wire.CreativeBase(
        id=view.id,
        userId=view.created_by_user_id or 0,
        isActive=view.is_active,
        approved=_APPROVED[view.approval],
        creativeType=view.type.value,
        name=view.name,
        frequencyType=None if cap is None else cap.per,
        frequency=cap is not None,
        frequencyCap=0 if cap is None else cap.count,
        # SmartyAds counts the period in days; the core in hours.
        frequencyPeriod=0 if cap is None else max(1, cap.period_hours // 24),
        bidPrice=_number(view.bid_price),
        autoresize=bool(extras.get("autoresize", False)),
        adaptiveCpm=bool(extras.get("adaptiveCpm", False)),
        size=" x " if view.size is None else f"{view.size.width} x {view.size.height}",
        weight=f"{size_bytes / 1_000_000:.2f} MB",
        folderId=extras.get("folderId"),
        createdAt=_stamp(view.created_at) or "",
        updatedAt=_stamp(view.updated_at) or "",
        pendingAt=_stamp(view.pending_since),
        deletedAt=None,
    )


@router.delete("/creatives/{id}", tags=["Creatives"], summary="Delete a Custom Creative")
async def delete_creative(
    id: CreativeId, principal: CurrentPrincipal, session: Session
) -> wire.Empty:
    """Delete the creative; it leaves every campaign."""
    await creatives.delete(session, principal, id)
    return wire.Empty()


@router.get(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Get list of Creatives assigned to Campaign",
)
async def campaign_creatives(
    id: CampaignId, principal: CurrentPrincipal, session: Session
) -> wire.CreativeBasePage:
    """The campaign's creatives by id."""
    views, total = await creatives.list_for_campaign(
        session, principal, id, PageParams(1, ASSIGNED_PAGE_SIZE)
    )
    data = [base(v) for v in views]
    return wire.CreativeBasePage(data=data, meta=wire.meta(total, len(data), ASSIGNED_PAGE_SIZE, 1))


@router.post(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Replace Creatives assigned to Campaign",
)
async def replace_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Make these the campaign's creatives."""
    await creatives.replace_assignment(session, principal, id, body.ids)
    return wire.Message(message="Replaced.")


@router.patch(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Append Creatives assigned to Campaign",
)
async def append_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Message:
    """Add creatives to the campaign's."""
    await creatives.append_assignment(session, principal, id, body.ids)
    return wire.Message(message="Appended.")


@router.delete(
    "/campaigns/{id}/creatives",
    tags=["Assign creatives to campaigns"],
    summary="Remove Creatives assigned to Campaign",
)
async def remove_campaign_creatives(
    id: CampaignId,
    body: Annotated[wire.IdsBody, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.Deleted:
    """Take creatives off the campaign; ids not assigned are ignored."""
    await creatives.remove_assignment(session, principal, id, body.ids)
    return wire.Deleted(message="Deleted.", deleted=True)


# --- creative CRUD (5.1-5.11) --------------------------------------------------------------

LIST_PAGE_SIZE = 15
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number")]
PerPage = Annotated[int, Query(ge=1, le=1000, description="Items per page")]
# Rich media: the document's apiFramework codes (OpenRTB API frameworks) <-> MRAID versions.
API_FRAMEWORKS: dict[int, list[Literal[1, 2, 3]]] = {0: [], 3: [1], 5: [2], 6: [3], 10: [1, 2, 3]}
_FRAMEWORK_OF = {tuple(v): k for k, v in API_FRAMEWORKS.items()}
# The vendor-only fields kept in the extension document, with the defaults they print.
_VENDOR_FIELDS = ("bannerType", "sizes", "partyTagFormat", "folderId", "autoresize", "adaptiveCpm")
_CONTENT_FIELDS = {
    "tag": "admBody",
    "vast_url": "admBody",
    "vast_xml": "admBody",
    "click_url": "clickUrl",
    "mraid_versions": "apiFramework",
    "title": "assetTitle",
    "text": "assetDataDesc",
    "sponsor": "assetDataSponsored",
    "call_to_action": "assetCtaText",
    "logo_media_id": "smallImageId",
    "image_media_id": "largeImageId",
    "display_url": "displayUrl",
    "impression_trackers": "impTracker",
    "mime_types": "mimeType",
    "duration_seconds": "duration",
}
_FIELDS = {
    "name": "name",
    "bid_price": "bidPrice",
    "frequency_cap": "frequencyCap",
    "categories": "categories",
    "is_active": "isActive",
    "extensions": "folderId",
}


def _relation_name(creative_type: str) -> str:
    return {"banner": "banner", "native": "native", "video": "video"}.get(creative_type, "banner")


def _renamed(exc: ValidationFailed, relation: str) -> ValidationFailed:
    """Core field paths in SmartyAds words (``content.click_url`` -> ``banner.clickUrl``)."""
    found = []
    for error in exc.errors:
        head, _, rest = error.field.partition(".")
        if head == "content":
            # A discriminated union puts the variant in the path: content.<variant>.<field>.
            parts = [p for p in rest.split(".") if p not in core.TYPE_OF]
            name = parts[0] if parts else ""
            if name == "media_id":
                field = "mediaId"
            elif name in _CONTENT_FIELDS:
                field = f"{relation}.{_CONTENT_FIELDS[name]}"
            else:
                field = relation
        elif head == "size":
            field = f"{relation}.width"
        else:
            field = _FIELDS.get(head, head) + (f".{rest}" if rest else "")
        found.append(FieldError(field, error.message))
    return ValidationFailed(exc.detail, errors=found)


def _failed(errors_: list[FieldError]) -> ValidationFailed:
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors_), errors=errors_)


def _category_codes(body: wire.CreativeInput) -> list[str] | None:
    """``categories`` ``{"IAB1": true}`` and ``subCategories`` ``{"IAB1": ["IAB1-1"]}``
    (or plain lists of codes), as one list of IAB codes; None when neither was sent."""
    if body.categories is None and body.subCategories is None:
        return None
    codes: list[str] = []
    if isinstance(body.categories, dict):
        for code, flag in body.categories.items():
            if isinstance(flag, list):
                codes.extend([code, *flag] if flag else [code])
            elif flag:
                codes.append(code)
    elif body.categories is not None:
        codes.extend(body.categories)
    if isinstance(body.subCategories, dict):
        for values in body.subCategories.values():
            codes.extend(values)
    elif body.subCategories is not None:
        codes.extend(body.subCategories)
    return list(dict.fromkeys(codes))


def _frequency(
    body: wire.CreativeInput, current: core.FrequencyCap | None
) -> tuple[bool, core.FrequencyCap | None]:
    """Whether the request touches the frequency cap, and the cap it asks for."""
    sent = body.model_fields_set & {"frequency", "frequencyType", "frequencyCap", "frequencyPeriod"}
    if not sent:
        return False, current
    enabled = body.frequency if "frequency" in sent else None
    if enabled is None:
        enabled = current is not None or bool(body.frequencyCap)
    if not enabled:
        return True, None
    count = body.frequencyCap if "frequencyCap" in sent else (current.count if current else None)
    days = (
        body.frequencyPeriod
        if "frequencyPeriod" in sent
        else (max(1, current.period_hours // 24) if current else None)
    )
    per = body.frequencyType if "frequencyType" in sent else (current.per if current else None)
    problems = [
        FieldError(name, f"The {name} field is required if frequency is on.")
        for name, value in (
            ("frequencyType", per),
            ("frequencyCap", count),
            ("frequencyPeriod", days),
        )
        if not value
    ]
    if problems:
        raise _failed(problems)
    assert count is not None
    assert days is not None
    assert per is not None
    return True, core.FrequencyCap(count=count, period_hours=days * 24, per=per)


def _blank(value: str | None) -> str | None:
    return None if value is None or not value.strip() else value


async def _media_kind(session: Session, principal: Principal, media_id: int) -> str | None:
    found = await media.get_many(session, principal, [media_id])
    asset = found.get(media_id)
    return None if asset is None else asset.kind.value


def _media_id(body: wire.CreativeInput) -> int | None:
    if isinstance(body.mediaId, list):
        return body.mediaId[0]
    return body.mediaId


async def _content(
    session: Session,
    principal: Principal,
    creative_type: str,
    body: wire.CreativeInput,
    media_id: int | None,
) -> tuple[dict[str, Any], core.Size | None]:
    """The core content variant (as a document for the core schema) and the size asked for."""
    if creative_type == "audio":
        raise ValidationFailed.field("creativeType", "there is no audio creative (NOTES.md C.37)")
    if creative_type == "native":
        n = body.native or wire.NativeIn()
        return {
            "variant": "native",
            "title": _blank(n.assetTitle),
            "text": _blank(n.assetDataDesc),
            "sponsor": _blank(n.assetDataSponsored),
            "call_to_action": _blank(n.assetCtaText),
            "logo_media_id": n.smallImageId,
            "image_media_id": n.largeImageId,
            "click_url": n.clickUrl,
            "display_url": _blank(n.displayUrl),
            "impression_trackers": [n.impTracker] if _blank(n.impTracker) else [],
        }, None
    if creative_type == "video":
        v = body.video or wire.VideoIn()
        if media_id is not None:
            return {"variant": "video_media", "media_id": media_id, "click_url": v.clickUrl}, None
        tag = v.admBody
        size = core.Size(width=v.width, height=v.height) if v.width and v.height else None
        document: dict[str, Any] = {
            "variant": "video_tag",
            "click_url": _blank(v.clickUrl),
            "mime_types": v.mimeType or [],
            "duration_seconds": v.duration or None,
        }
        if tag is not None and tag.strip().startswith(("http://", "https://")):
            document["vast_url"] = tag.strip()
        else:
            document["vast_xml"] = tag
        return document, size
    b = body.banner or wire.BannerIn()
    mraid = API_FRAMEWORKS[b.apiFramework or 0]
    size = core.Size(width=b.width, height=b.height) if b.width and b.height else None
    if media_id is None:
        return {
            "variant": "banner_tag",
            "tag": b.admBody,
            "click_url": _blank(b.clickUrl),
            "mraid_versions": mraid,
        }, size
    if await _media_kind(session, principal, media_id) == "html":
        return {
            "variant": "banner_html5",
            "media_id": media_id,
            "click_url": _blank(b.clickUrl),
            "mraid_versions": mraid,
        }, size
    # An image decides the size itself (C.47: the answer prints the file's size).
    return {
        "variant": "banner_image",
        "media_id": media_id,
        "click_url": b.clickUrl,
        "mraid_versions": mraid,
    }, None


def _vendor(body: wire.CreativeInput, stored: dict[str, Any]) -> dict[str, Any]:
    """The extension document: the stored one with the vendor-only fields sent."""
    sent = body.model_fields_set
    extras = dict(stored)
    if "folderId" in sent:
        extras["folderId"] = None if body.folderId is None else str(body.folderId)
    for name in ("autoresize", "adaptiveCpm"):
        if name in sent and getattr(body, name) is not None:
            extras[name] = getattr(body, name)
    if body.banner is not None and "bannerType" in body.banner.model_fields_set:
        extras["bannerType"] = body.banner.bannerType
    if body.video is not None:
        for name in ("sizes", "partyTagFormat"):
            if name in body.video.model_fields_set:
                extras[name] = getattr(body.video, name)
    return extras


def _core(model: type[M], fields: dict[str, Any], relation: str) -> M:
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise _renamed(
            ValidationFailed("invalid creative", errors=field_errors(exc)), relation
        ) from None


def _file_name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def _extension(filename: str) -> str:
    return PurePosixPath(filename).suffix.lstrip(".").lower()


def _media_out(
    view: core.Creative, m: core.CreativeMedia, *, detail: bool
) -> wire.CreativeMediaOut:
    out = wire.CreativeMediaOut(
        id=m.media_id,
        userId=view.created_by_user_id or 0,
        mediaType=m.kind.value,
        originName=m.filename,
        name=_file_name(m.url),
        extension=_extension(m.filename),
        url=m.url,
        width=m.width or 0,
        height=m.height or 0,
        weight=m.size_bytes,
    )
    if detail:
        out.modifiedUrl = None
    return out


def _image(
    view: core.Creative, m: core.CreativeMedia | None, folder: str | None
) -> wire.NativeImage | None:
    if m is None:
        return None
    stamp = as_utc(view.updated_at).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return wire.NativeImage(
        id=m.media_id,
        folderId=folder,
        userId=view.created_by_user_id or 0,
        width=m.width or 0,
        height=m.height or 0,
        name=_file_name(m.url),
        url=m.url,
        href=None,
        originName=m.filename,
        path=None,
        extension=_extension(m.filename),
        mediaType=m.kind.value,
        createdAt=stamp,
        updatedAt=stamp,
        deletedAt=None,
        weight=m.size_bytes,
    )


def _relation(view: core.Creative, extras: dict[str, Any], *, listed: bool) -> wire.Relation:
    content = view.content
    role = {m.role: m for m in view.media}
    if isinstance(content, core.Native):
        folder = extras.get("folderId")
        return wire.Relation(
            native=wire.NativeOut(
                smallImageId=content.logo_media_id,
                largeImageId=content.image_media_id,
                smallImage=_image(view, role.get("logo"), folder),
                largeImage=_image(view, role.get("image"), folder),
                assetDataDesc=content.text,
                assetTitle=content.title,
                assetDataSponsored=content.sponsor,
                assetCtaText=content.call_to_action,
                clickUrl=content.click_url,
                displayUrl=content.display_url,
                impTracker=content.impression_trackers[0] if content.impression_trackers else None,
            )
        )
    size = view.size
    if isinstance(content, core.VideoTag | core.VideoMedia):
        main = role.get("main")
        if isinstance(content, core.VideoMedia):
            adm = view.markup
            mimes = [main.mime_type] if main else []
            duration = (main.duration_ms or 0) // 1000 if main else 0
        else:
            adm = content.vast_xml if content.vast_xml is not None else content.vast_url
            mimes = list(content.mime_types)
            duration = content.duration_seconds or 0
        return wire.Relation(
            video=wire.VideoOut(
                sizes=extras.get("sizes"),
                admBody=adm,
                mimeType=mimes,
                width=size.width if size else 0,
                height=size.height if size else 0,
                duration=duration,
                clickUrl=content.click_url or "",
                partyTagFormat=extras.get("partyTagFormat"),
            )
        )
    mraid = tuple(content.mraid_versions)
    banner = wire.BannerOut(
        # A set of versions the document has no code for prints as "all MRAID".
        apiFramework=_FRAMEWORK_OF.get(mraid, 10),
        admBody=view.markup,
        bannerType=extras.get("bannerType"),
        clickUrl=content.click_url,
        width=size.width if size else None,
        height=size.height if size else None,
    )
    if listed:
        banner.childrenCreative = None
        banner.statusChildrenCreative = []
        banner.main = True
    return wire.Relation(banner=banner)


def render(view: core.Creative, *, listed: bool = False) -> wire.CreativeOut:
    """A core creative as the document prints it (``media`` only when it has one)."""
    extras = view.extensions.get(EXTENSION, {})
    out = wire.CreativeOut(
        **base(view).model_dump(), relation=_relation(view, extras, listed=listed)
    )
    shown = next((m for r in ("main", "logo", "image") for m in view.media if m.role == r), None)
    if shown is not None:
        out.media = _media_out(view, shown, detail=not listed)
    return out


@router.get(
    "/creatives",
    tags=["Creatives"],
    summary="Creatives list",
    response_model_exclude_unset=True,
)
async def list_creatives(
    principal: CurrentPrincipal,
    session: Session,
    page: PageNumber = 1,
    per_page: PerPage = LIST_PAGE_SIZE,
) -> wire.CreativePage:
    """The caller's creatives by id, 15 a page."""
    views, total = await creatives.list_creatives(
        session, principal, creatives.CreativeFilter(), PageParams(page, per_page)
    )
    data = [render(v, listed=True) for v in views]
    return wire.CreativePage(data=data, meta=wire.meta(total, len(data), per_page, page))


@router.get(
    "/creatives/{id}",
    tags=["Creatives"],
    summary="Get by ID",
    response_model_exclude_unset=True,
)
async def get_creative(
    id: CreativeId, principal: CurrentPrincipal, session: Session
) -> wire.CreativeOne:
    """One creative."""
    return wire.CreativeOne(data=render(await creatives.get(session, principal, id)))


@router.post(
    "/creatives",
    tags=["Creatives"],
    summary="Create a Custom Creative (banner tag or media, native, video tag or media)",
    response_model_exclude_unset=True,
)
async def create_creative(
    body: Annotated[wire.CreativeInput, Body()], principal: CurrentPrincipal, session: Session
) -> wire.CreativeWritten:
    """A new creative, pending review. The variant: ``creativeType`` and which of ``admBody``
    and ``mediaId`` is sent (a banner's media is an image or an HTML5 bundle)."""
    missing = [
        FieldError(name, f"The {name} field is required.")
        for name in ("name", "creativeType", "bidPrice")
        if getattr(body, name) is None
    ]
    codes = _category_codes(body)
    if not codes:
        missing.append(
            FieldError("categories", "The categories field is required if subCategories is empty.")
        )
    if missing:
        raise _failed(missing)
    assert body.creativeType is not None
    relation = _relation_name(body.creativeType)
    content, size = await _content(session, principal, body.creativeType, body, _media_id(body))
    _, cap = _frequency(body, None)
    fields: dict[str, Any] = {
        "name": body.name,
        "content": content,
        "size": size,
        "bid_price": body.bidPrice or None,
        "frequency_cap": cap,
        "categories": codes,
        "is_active": True if body.isActive is None else body.isActive,
        "extensions": {EXTENSION: _vendor(body, {})},
    }
    request = _core(core.CreativeCreate, fields, relation)
    try:
        made = await creatives.create(session, principal, request)
    except ValidationFailed as exc:
        raise _renamed(exc, relation) from None
    return wire.CreativeWritten(message="Creative created.", data=render(made))


_RELATION_INPUTS: dict[str, type[BaseModel]] = {
    "banner": wire.BannerIn,
    "native": wire.NativeIn,
    "video": wire.VideoIn,
}


def _merged(
    body: wire.CreativeInput, current: core.Creative, creative_type: str
) -> wire.CreativeInput:
    """The request with the creative's current relation under the relation fields it sent."""
    name = _relation_name(creative_type)
    shown = getattr(_relation(current, current.extensions.get(EXTENSION, {}), listed=False), name)
    sent = getattr(body, name)
    if shown is None:
        return body
    model = _RELATION_INPUTS[name]
    values = {k: v for k, v in shown.model_dump().items() if k in model.model_fields}
    if sent is not None:
        values |= sent.model_dump(exclude_unset=True)
    return body.model_copy(update={name: model.model_validate(values)})


async def _update(
    id: int, body: wire.CreativeInput, principal: Principal, session: Session
) -> wire.CreativeWritten:
    current = await creatives.get(session, principal, id)
    sent = body.model_fields_set
    fields: dict[str, Any] = {}
    creative_type = body.creativeType or current.type.value
    relation = _relation_name(creative_type)
    if "name" in sent and body.name is not None:
        fields["name"] = body.name
    if "isActive" in sent and body.isActive is not None:
        fields["is_active"] = body.isActive
    if "bidPrice" in sent:
        fields["bid_price"] = body.bidPrice or None
    touched, cap = _frequency(body, current.frequency_cap)
    if touched:
        fields["frequency_cap"] = cap
    codes = _category_codes(body)
    if codes is not None:
        if not codes:
            raise ValidationFailed.field("categories", "give at least one category")
        fields["categories"] = codes
    if sent & {"banner", "native", "video", "mediaId"} or creative_type != current.type.value:
        # The relation fields sent change, the others keep their values (of the same type);
        # the creative keeps its media unless a new mediaId is sent.
        media_id = _media_id(body)
        if media_id is None and "mediaId" not in sent:
            media_id = next((m.media_id for m in current.media if m.role == "main"), None)
        merged = (
            _merged(body, current, creative_type) if creative_type == current.type.value else body
        )
        content, size = await _content(session, principal, creative_type, merged, media_id)
        fields["content"] = content
        if size is not None or content["variant"] != current.content.variant:
            fields["size"] = size
    stored = current.extensions.get(EXTENSION, {})
    extras = _vendor(body, stored)
    if extras != stored:
        fields["extensions"] = {**current.extensions, EXTENSION: extras}
    if not fields:
        return wire.CreativeWritten(message="Creative updated.", data=render(current))
    request = _core(core.CreativeUpdate, fields, relation)
    try:
        changed = await creatives.update(session, principal, id, request)
    except ValidationFailed as exc:
        raise _renamed(exc, relation) from None
    return wire.CreativeWritten(message="Creative updated.", data=render(changed))


@router.put(
    "/creatives/{id}",
    tags=["Creatives"],
    summary="Update a Custom Creative",
    response_model_exclude_unset=True,
)
async def update_creative(
    id: CreativeId,
    body: Annotated[wire.CreativeInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.CreativeWritten:
    """Change the fields sent; a relation sent replaces the creative's content."""
    return await _update(id, body, principal, session)


@router.patch(
    "/creatives/{id}",
    tags=["Creatives"],
    summary="Update a Custom Creative (PATCH)",
    description="The same partial update as PUT (NOTES.md: PUT vs PATCH).",
    response_model_exclude_unset=True,
)
async def patch_creative(
    id: CreativeId,
    body: Annotated[wire.CreativeInput, Body()],
    principal: CurrentPrincipal,
    session: Session,
) -> wire.CreativeWritten:
    return await _update(id, body, principal, session)
