"""Native reports: ``POST /api/v1/reports``."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from adplane.accounts.auth import CurrentPrincipal
from adplane.events.endpoints import runtime_of
from adplane.kit.db import Session
from adplane.kit.problems import PROBLEM_RESPONSES
from adplane.reports import service
from adplane.reports.backends import Backend, DuckDBBackend
from adplane.reports.catalog import DIMENSIONS, METRICS
from adplane.reports.labels import LABELLERS
from adplane.reports.schemas import ReportRequest, ReportResponse, ReportResult

router = APIRouter(prefix="/reports", tags=["reports"])


def report_backend(request: Request) -> Backend:
    """The analytics backend of the running app (dialects depend on this too)."""
    return DuckDBBackend(runtime_of(request).store)


ReportBackend = Annotated[Backend, Depends(report_backend)]


def _default(value: Any) -> Any:
    # Exact decimals go out as JSON numbers with their exact digits, never through a float.
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value).encode())
    raise TypeError(f"cannot serialise {type(value).__name__}")


def render(result: ReportResult) -> Response:
    """The native JSON body of a report result."""
    body = {
        "rows": result.rows,
        "totals": result.totals,
        "page": result.page,
        "page_size": result.page_size,
        "total_rows": result.total_rows,
    }
    return Response(orjson.dumps(body, default=_default), media_type="application/json")


@router.post(
    "",
    response_model=ReportResponse,
    responses=PROBLEM_RESPONSES,
    description=(
        "Group the events of a date range (inclusive days in `timezone`) by `dimensions` and "
        "measure them by `metrics`. Ratios are computed from sums (a zero denominator gives "
        "0); `totals` cover every row, not only the page. Counts are integers; money and "
        "ratios are exact decimal numbers with six places; `ctr`, `cr`, `winrate` and `roi` "
        "are percentages. Advertisers see their own campaigns' events only. With `labels` "
        "every row also names its ids: "
        f"{', '.join(f'{lb.dimension} -> {lb.label}' for lb in LABELLERS)}.\n\n"
        f"Dimensions: {', '.join(DIMENSIONS)}.\n\nMetrics: {', '.join(METRICS)}."
    ),
)
async def run(
    body: ReportRequest, principal: CurrentPrincipal, backend: ReportBackend, session: Session
) -> Response:
    """Run a report."""
    return render(await service.run(backend, principal, body, session))
