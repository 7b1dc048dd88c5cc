"""Reports name creatives beside their ids, for the creatives the reader may see."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Actor
from tests.creatives.helpers import banner_tag, create
from tests.events.helpers import event, post_events, report
from tests.support.native import API, create_campaign


async def test_a_report_names_creatives_even_deleted_ones(
    client: httpx.AsyncClient, app: Any, advertiser: Actor, other_advertiser: Actor
) -> None:
    campaign = await create_campaign(client, advertiser.headers)
    kept = await create(client, advertiser.headers, banner_tag(name="Kept"))
    gone = await create(client, advertiser.headers, banner_tag(name="Gone"))
    theirs = await create(client, other_advertiser.headers, banner_tag(name="Theirs"))
    await client.delete(f"{API}/creatives/{gone['id']}", headers=advertiser.headers)
    events = [event(campaign["id"], creative_id=c["id"]) for c in (kept, gone, theirs)]
    response = await post_events(client, advertiser.headers, events)
    assert response.status_code == 202, response.text
    await app.state.events.flush()
    body = await report(
        client,
        advertiser.headers,
        dimensions=["creative_id"],
        metrics=["impressions"],
        labels=True,
    )
    names = {row["creative_id"]: row["creative_name"] for row in body["rows"]}
    assert names == {kept["id"]: "Kept", gone["id"]: "Gone", theirs["id"]: None}
