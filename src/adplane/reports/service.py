"""Reports as a use case: check the request, scope it to the caller, run it on the backend."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from adplane.accounts.principal import Principal
from adplane.kit.errors import FieldError, Forbidden, ValidationFailed
from adplane.kit.time import is_timezone
from adplane.reports.backends import Backend
from adplane.reports.catalog import DIMENSIONS, METRICS, Dimension
from adplane.reports.engine import Filter, FilterScalar, ReportQuery, run_report
from adplane.reports.labels import LABELLERS
from adplane.reports.schemas import MAX_FILTER_VALUES, FilterValue, ReportRequest, ReportResult
from adplane.reports.timezones import utc_range

EARLIEST_DAY = date(1970, 1, 1)
LATEST_DAY = date(2199, 12, 31)


async def run(
    backend: Backend,
    principal: Principal,
    request: ReportRequest,
    session: AsyncSession | None = None,
) -> ReportResult:
    """Run a report over the events the principal may see (an advertiser: its own account).

    With ``request.labels`` the rows also carry the names of their ids, read through the
    owning domains with ``session`` (which labels then require).
    """
    result = await run_report(resolve(principal, request), backend)
    if not request.labels:
        return result
    if session is None:
        raise TypeError("labels are read from the database: pass the request's session")
    rows = await LABELLERS.attach(session, principal, result.rows, request.dimensions)
    return replace(result, rows=rows)


def resolve(principal: Principal, request: ReportRequest) -> ReportQuery:
    """Turn a request into an engine query, or fail naming every invalid field."""
    errors: list[FieldError] = []
    for name, day in (("from", request.from_), ("to", request.to)):
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            errors.append(FieldError(name, f"must be between {EARLIEST_DAY} and {LATEST_DAY}"))
    if request.from_ > request.to:
        errors.append(FieldError("to", "must be on or after from"))
    if not is_timezone(request.timezone):
        errors.append(FieldError("timezone", f"unknown time zone {request.timezone!r}"))

    dimensions: list[Dimension] = []
    for i, name in enumerate(request.dimensions):
        if name not in DIMENSIONS:
            errors.append(FieldError(f"dimensions.{i}", f"unknown dimension {name!r}"))
        elif name in request.dimensions[:i]:
            errors.append(FieldError(f"dimensions.{i}", f"{name!r} is given twice"))
        else:
            dimensions.append(DIMENSIONS[name])
    metrics = []
    for i, name in enumerate(request.metrics):
        if name not in METRICS:
            errors.append(FieldError(f"metrics.{i}", f"unknown metric {name!r}"))
        elif name in request.metrics[:i]:
            errors.append(FieldError(f"metrics.{i}", f"{name!r} is given twice"))
        else:
            metrics.append(METRICS[name])
    if request.order_by is not None and request.order_by not in (
        *request.dimensions,
        *request.metrics,
    ):
        errors.append(FieldError("order_by", "must be one of the requested dimensions or metrics"))
    filters = []
    for name, raw in request.filters.items():
        if name not in DIMENSIONS:
            errors.append(FieldError(f"filters.{name}", f"unknown dimension {name!r}"))
            continue
        parsed = _filter(DIMENSIONS[name], raw, errors)
        if parsed is not None:
            filters.append(parsed)
    if errors:
        detail = "; ".join(f"{e.field}: {e.message}" for e in errors)
        raise ValidationFailed(f"invalid report: {detail}", errors=errors)

    if not principal.is_admin and principal.account_id is None:
        raise Forbidden("this user is not linked to an account")
    start, end = utc_range(request.from_, request.to, request.timezone)
    return ReportQuery(
        start=start,
        end=end,
        timezone=request.timezone,
        dimensions=tuple(dimensions),
        metrics=tuple(metrics),
        filters=tuple(filters),
        # An admin reports over every account (and may filter by account_id).
        account_id=None if principal.is_admin else principal.account_id,
        order_by=request.order_by,
        descending=request.order == "desc",
        page=request.page,
        page_size=request.page_size,
    )


def _filter(
    dimension: Dimension, raw: FilterValue | list[FilterValue], errors: list[FieldError]
) -> Filter | None:
    values = raw if isinstance(raw, list) else [raw]
    field = f"filters.{dimension.name}"
    if not values:
        errors.append(FieldError(field, "give a value or a non-empty list of values"))
        return None
    if len(values) > MAX_FILTER_VALUES:
        errors.append(FieldError(field, f"at most {MAX_FILTER_VALUES} values"))
        return None
    parsed: list[FilterScalar] = []
    include_null = False
    for value in values:
        if value is None:
            include_null = True
            continue
        converted = _convert(dimension, value)
        if converted is None:
            errors.append(FieldError(field, f"{value!r} is not {_expected(dimension)}"))
            return None
        parsed.append(converted)
    return Filter(dimension, tuple(dict.fromkeys(parsed)), include_null)


def _expected(dimension: Dimension) -> str:
    if dimension.values is not None:
        return "one of " + ", ".join(dimension.values)
    if dimension.kind == "bool":
        return "true or false"
    return f"a valid {dimension.kind} value"


_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


def _convert(dimension: Dimension, value: bool | int | str) -> FilterScalar | None:
    try:
        if dimension.kind == "bool":
            # Query strings and numeric flags say 1/0 or "true"/"false"; all mean the same.
            text = str(value).lower()
            return True if text in _TRUE else False if text in _FALSE else None
        if isinstance(value, bool):
            # A JSON boolean is never an id, a date or a code.
            return None
        if dimension.kind == "int":
            if isinstance(value, str):
                value = value.strip()
                if not (value.isascii() and value.isdigit()):
                    return None
            number = int(value)
            return number if 0 <= number <= 2**63 - 1 else None
        if dimension.kind == "date":
            return date.fromisoformat(str(value))
        if dimension.kind == "hour":
            moment = datetime.fromisoformat(str(value))
            if moment.tzinfo is not None or moment.minute or moment.second or moment.microsecond:
                return None
            return moment
        if dimension.values is not None and value not in dimension.values:
            return None
        return str(value)
    except ValueError:
        return None
