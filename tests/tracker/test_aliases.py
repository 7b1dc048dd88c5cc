"""A campaign alias never shadows one of adplane's own paths."""

from __future__ import annotations

import httpx

from adplane.app import create_app
from adplane.tracker.schemas import alias_reserved
from tests.conftest import Actor
from tests.support.native import API, create_campaign


def test_every_path_the_app_answers_is_reserved() -> None:
    app = create_app()
    firsts = {getattr(r, "path", "").strip("/").split("/", 1)[0] for r in app.router.routes}
    assert all(alias_reserved(first) for first in firsts - {""})


async def test_a_reserved_alias_is_refused(client: httpx.AsyncClient, advertiser: Actor) -> None:
    campaign = await create_campaign(client, advertiser.headers, alias="fine")
    for alias in ("rtb", "API", "healthz"):
        answer = await client.patch(
            f"{API}/campaigns/{campaign['id']}", json={"alias": alias}, headers=advertiser.headers
        )
        assert answer.status_code == 422, answer.text
        assert "own paths" in answer.text
