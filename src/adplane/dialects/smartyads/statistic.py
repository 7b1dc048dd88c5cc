"""``POST api/statistic``: the document's report, as a view of the core report engine.

Every ``groupBy`` key is a core dimension and every ``agregatedFields`` key a core metric
(``GROUP_BY``, ``METRICS``). Totals are the engine's: counts and spend are sums, and ratios
are computed from those sums, never averaged over rows (NOTES.md: the document's example
totals average them; adplane does not). Id dimensions carry a ``<key>_dict`` label
``"<name>| id# <id>"``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Body

from adplane.campaigns import service as campaigns
from adplane.campaigns.service import CampaignFilter
from adplane.dialects.smartyads import errors, wire
from adplane.dialects.smartyads.auth import CurrentPrincipal
from adplane.kit.db import Session
from adplane.kit.errors import AppError, FieldError, ValidationFailed
from adplane.kit.pagination import PageParams
from adplane.reports import service as reports
from adplane.reports.endpoints import ReportBackend
from adplane.reports.schemas import ReportRequest, Value

router = APIRouter(prefix="/api", responses=errors.ERROR_RESPONSES)

# SmartyAds groupBy key -> core report dimension.
GROUP_BY: dict[str, str] = {
    "YMD": "date",
    "YMDH": "hour",
    "campaignId": "campaign_id",
    "creativeId": "creative_id",
    "country": "country",
    "connectionType": "connection_type",
    "carrier": "carrier",
    "sspId": "ssp",
    "region": "region",
    "city": "city",
    "browser": "browser",
    "os": "os",
    "appName": "app_name",
    "siteName": "domain",
    "source": "source",
    "originalPubId": "publisher_id",
    "sitePage": "page",
    # The document's labels are crossed: trafficType is "Media Type", requestType "Traffic
    # Type"; the core names what each holds.
    "trafficType": "traffic_type",
    "requestType": "request_type",
    "deviceType": "device_type",
    "language": "language",
    "size": "size",
    "isPmpReq": "is_pmp",
}
METRICS: dict[str, str] = {
    "bids": "bids",
    "wins": "wins",
    "impressions": "impressions",
    "clicks": "clicks",
    "conversions": "conversions",
    "reach": "reach",
    "dspSpend": "spend",
    "ecpm": "ecpm",
    "ecpc": "ecpc",
    "ctr": "ctr",
    "winrate": "winrate",
}
_CORE_FIELD = {
    **{f"dimensions.{i}": "groupBy" for i in range(len(GROUP_BY))},
    "order_by": "orderField",
    "page_size": "rowsOnPage",
}
LABELLED = ("campaignId", "creativeId")
HOURLY_MAX_DAYS = 2


def _day(raw: str, field: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationFailed.field(field, "must be a date as yyyy-mm-dd") from None


def to_report(body: wire.StatisticRequest) -> ReportRequest:
    """The document's request as a core report request (or a 422 naming SmartyAds fields)."""
    errors_: list[FieldError] = []
    day_from = _day(body.from_, "from")
    day_to = _day(body.to, "to")
    for index, key in enumerate(body.groupBy):
        if key in body.groupBy[:index]:
            errors_.append(FieldError(f"groupBy.{index}", f"{key!r} is given twice"))
    if "YMDH" in body.groupBy and (day_to - day_from) >= timedelta(days=HOURLY_MAX_DAYS):
        errors_.append(FieldError("groupBy", "YMDH covers 2 days at most (from .. to)"))
    order_by = None
    if body.orderField is not None:
        if body.orderField in body.groupBy:
            order_by = GROUP_BY[body.orderField]
        elif body.orderField in body.agregatedFields:
            order_by = METRICS[body.orderField]
        else:
            errors_.append(
                FieldError("orderField", "must be one of the groupBy or agregatedFields keys")
            )
    if errors_:
        raise ValidationFailed(
            "; ".join(f"{e.field}: {e.message}" for e in errors_), errors=errors_
        )
    filters: dict[str, int | str | list[int | str | None] | None] = {}
    if body.filter is not None:
        if body.filter.campaignId is not None:
            filters["campaign_id"] = body.filter.campaignId
        if body.filter.creativeId is not None:
            filters["creative_id"] = body.filter.creativeId
    return ReportRequest.model_validate(
        {
            "from": day_from,
            "to": day_to,
            "timezone": body.timezone or "UTC",
            "dimensions": [GROUP_BY[k] for k in dict.fromkeys(body.groupBy)],
            "metrics": [METRICS[k] for k in dict.fromkeys(body.agregatedFields)],
            "filters": filters,
            "order_by": order_by,
            "order": body.orderDir or "asc",
            "page": body.page,
            "page_size": body.rowsOnPage,
        }
    )


def _printed(key: str, value: Value) -> str | int | float | None:
    """A value as the document prints it: numbers as JSON numbers, hours with a space."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        # Printing only: the engine computed the exact value; the document shows floats.
        return float(value)
    if key == "YMDH" and isinstance(value, str):
        return value.replace("T", " ")
    return value


def _empty_total(key: str) -> str | int:
    """The document's totals carry each groupBy key empty: "" for text, 0 for ids."""
    return 0 if key in ("campaignId", "creativeId", "originalPubId", "sspId") else ""


async def _labels(
    session: Session, principal: CurrentPrincipal, rows: list[dict[str, Value]]
) -> dict[str, dict[int, str]]:
    """Names of the campaigns in the rows, read once for the page."""
    ids = sorted({int(v) for r in rows if isinstance(v := r.get("campaign_id"), int)})
    names: dict[int, str] = {}
    if ids:
        found = await campaigns.list_campaigns(
            session, principal, CampaignFilter(ids=ids), page=PageParams(1, len(ids))
        )
        names = {view.id: view.name or "" for view in found.items}
    # PENDING (w-creatives, w-events' label registry): creative names join here.
    return {"campaignId": names, "creativeId": {}}


def _label(names: dict[int, str], value: Value) -> str:
    return "" if value is None else f"{names.get(int(str(value)), '')}| id# {value}"


@router.post("/statistic", tags=["Statistic"], summary="Statistic")
async def statistic(
    body: Annotated[wire.StatisticRequest, Body()],
    principal: CurrentPrincipal,
    session: Session,
    backend: ReportBackend,
) -> wire.Statistic:
    """Rows grouped by ``groupBy`` with the ``agregatedFields`` metrics, totals, one page."""
    request = to_report(body)
    try:
        result = await reports.run(backend, principal, request)
    except AppError as exc:
        renamed = [FieldError(_CORE_FIELD.get(e.field, e.field), e.message) for e in exc.errors]
        exc.errors = renamed
        raise
    keys: list[str] = list(dict.fromkeys(body.groupBy))
    metrics: list[str] = list(dict.fromkeys(body.agregatedFields))
    labels = await _labels(session, principal, result.rows)
    data: list[dict[str, str | int | float | None]] = []
    for row in result.rows:
        out: dict[str, str | int | float | None] = {}
        for key in keys:
            value = row.get(GROUP_BY[key])
            out[key] = _printed(key, value)
            if key in LABELLED:
                out[f"{key}_dict"] = _label(labels[key], value)
        for metric in metrics:
            out[metric] = _printed(metric, row.get(METRICS[metric]))
        data.append(out)
    totals: dict[str, str | int | float | None] = {}
    for key in keys:
        totals[key] = _empty_total(key)
        if key in LABELLED:
            totals[f"{key}_dict"] = ""
    for metric in metrics:
        totals[metric] = _printed(metric, result.totals.get(METRICS[metric]))
    return wire.Statistic(
        data=data,
        totals=totals,
        pagination=wire.StatisticPagination(
            page=result.page, per_page=result.page_size, total=result.total_rows
        ),
    )
