"""Native creatives: create, read, update and delete; validation; review."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Actor
from tests.creatives.helpers import TAG, banner_tag, create, video_tag
from tests.support.native import API, assert_problem


async def test_a_tag_banner_is_stored_with_its_fields_and_waits_for_review(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    assert made["type"] == "banner"
    assert made["content"] == {
        "variant": "banner_tag",
        "tag": TAG,
        "click_url": None,
        "mraid_versions": [2],
    }
    assert made["size"] == {"width": 320, "height": 50}
    assert made["bid_price"] == "0.500000"
    assert made["frequency_cap"] == {"count": 3, "period_hours": 24, "per": "ip"}
    assert made["categories"] == ["IAB1-1", "IAB3"]
    assert (made["approval"], made["account_id"], made["markup"]) == (
        "pending",
        advertiser.account_id,
        TAG,
    )
    read = await client.get(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert read.status_code == 200
    assert read.json() == made


async def test_a_vast_url_video_is_served_as_a_wrapper(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, video_tag())
    assert (made["type"], made["size"], made["content"]["mime_types"]) == (
        "video",
        None,
        ["video/mp4"],
    )
    vast = await client.get(f"{API}/creatives/{made['id']}/vast", headers=advertiser.headers)
    assert vast.status_code == 200
    assert vast.headers["content-type"].startswith("application/xml")
    assert "<VASTAdTagURI>https://ads.example/vast.xml?id=7</VASTAdTagURI>" in vast.text


async def test_a_vast_xml_video_is_passed_through_as_given(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    xml = '<VAST version="2.0"><Ad id="1"/></VAST>'
    body = video_tag(content={"variant": "video_tag", "vast_xml": xml})
    made = await create(client, advertiser.headers, body)
    assert made["markup"] == xml
    vast = await client.get(f"{API}/creatives/{made['id']}/vast", headers=advertiser.headers)
    assert vast.text == xml


async def test_a_banner_has_no_vast(client: httpx.AsyncClient, advertiser: Actor) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    response = await client.get(f"{API}/creatives/{made['id']}/vast", headers=advertiser.headers)
    assert_problem(response, 404)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"categories": ["IAB99-1"]}, "categories"),
        ({"categories": ["sports"]}, "categories"),
        ({"size": {"width": 0, "height": 50}}, "size.width"),
        ({"size": {"width": 320, "height": 10_001}}, "size.height"),
        ({"size": None}, "size"),
        ({"bid_price": "-1"}, "bid_price"),
        ({"bid_price": "0.0000001"}, "bid_price"),
        ({"frequency_cap": {"count": 0, "period_hours": 24}}, "frequency_cap.count"),
        ({"content": {"variant": "banner_tag", "tag": ""}}, "content.banner_tag.tag"),
        ({"content": {"variant": "poster", "tag": "x"}}, "content"),
        (
            {"content": {"variant": "banner_tag", "tag": "x", "click_url": "javascript:x"}},
            "content.banner_tag.click_url",
        ),
        ({"advertiser_domain": "not a domain"}, "advertiser_domain"),
        ({"attributes": [0]}, "attributes.0"),
        ({"attributes": [18]}, "attributes.0"),
        ({"attributes": [1.5]}, "attributes.0"),
    ],
)
async def test_bad_fields_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, advertiser: Actor, change: dict[str, object], field: str
) -> None:
    response = await client.post(
        f"{API}/creatives", json=banner_tag(**change), headers=advertiser.headers
    )
    assert_problem(response, 422, field=field)
    listing = await client.get(f"{API}/creatives", headers=advertiser.headers)
    assert listing.json()["total"] == 0


async def test_a_video_tag_needs_exactly_one_source(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    for content in (
        {"variant": "video_tag"},
        {"variant": "video_tag", "vast_url": "https://a.example/v", "vast_xml": "<VAST/>"},
    ):
        response = await client.post(
            f"{API}/creatives", json=video_tag(content=content), headers=advertiser.headers
        )
        assert_problem(response, 422, field="content.video_tag")


async def test_a_size_is_required_for_a_tag(client: httpx.AsyncClient, advertiser: Actor) -> None:
    body = banner_tag()
    del body["size"]
    response = await client.post(f"{API}/creatives", json=body, headers=advertiser.headers)
    assert_problem(response, 422, field="size")


async def test_an_update_changes_only_the_fields_given(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    response = await client.patch(
        f"{API}/creatives/{made['id']}",
        json={"name": "Renamed", "bid_price": "1.25", "frequency_cap": None, "is_active": False},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert (updated["name"], updated["bid_price"], updated["frequency_cap"]) == (
        "Renamed",
        "1.250000",
        None,
    )
    assert updated["is_active"] is False
    assert (updated["content"], updated["size"], updated["categories"]) == (
        made["content"],
        made["size"],
        made["categories"],
    )


async def test_an_update_may_change_the_variant(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    response = await client.patch(
        f"{API}/creatives/{made['id']}",
        json={"content": {"variant": "video_tag", "vast_url": "https://v.example/t.xml"}},
        headers=advertiser.headers,
    )
    assert response.status_code == 200, response.text
    assert (response.json()["type"], response.json()["size"]) == ("video", made["size"])


@pytest.mark.parametrize("body", [{}, {"name": None}, {"content": None}, {"surprise": 1}])
async def test_an_empty_or_null_update_is_refused(
    client: httpx.AsyncClient, advertiser: Actor, body: dict[str, object]
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    response = await client.patch(
        f"{API}/creatives/{made['id']}", json=body, headers=advertiser.headers
    )
    assert_problem(response, 422)
    again = await client.get(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert again.json() == made


async def test_a_deleted_creative_is_gone(client: httpx.AsyncClient, advertiser: Actor) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    deleted = await client.delete(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert deleted.status_code == 204
    assert_problem(
        await client.get(f"{API}/creatives/{made['id']}", headers=advertiser.headers), 404
    )
    listing = await client.get(f"{API}/creatives", headers=advertiser.headers)
    assert listing.json()["total"] == 0
    again = await client.delete(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert_problem(again, 404)


async def test_lists_filter_by_type_and_page(client: httpx.AsyncClient, advertiser: Actor) -> None:
    await create(client, advertiser.headers, banner_tag())
    await create(client, advertiser.headers, banner_tag(name="Second banner"))
    video = await create(client, advertiser.headers, video_tag())
    listing = await client.get(
        f"{API}/creatives", params={"type": "video"}, headers=advertiser.headers
    )
    assert [c["id"] for c in listing.json()["items"]] == [video["id"]]
    paged = await client.get(
        f"{API}/creatives", params={"page_size": 2, "page": 2}, headers=advertiser.headers
    )
    assert (paged.json()["total"], [c["id"] for c in paged.json()["items"]]) == (3, [video["id"]])
    named = await client.get(f"{API}/creatives", params={"q": "second"}, headers=advertiser.headers)
    assert [c["name"] for c in named.json()["items"]] == ["Second banner"]


# review


async def test_only_an_admin_reviews(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    url = f"{API}/creatives/{made['id']}/review"
    assert_problem(
        await client.post(url, json={"approval": "approved"}, headers=advertiser.headers), 403
    )
    approved = await client.post(url, json={"approval": "approved"}, headers=admin.headers)
    assert approved.status_code == 200, approved.text
    assert (approved.json()["approval"], approved.json()["reviewed_by_user_id"]) == (
        "approved",
        admin.user_id,
    )


async def test_a_rejection_keeps_its_reasons(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    url = f"{API}/creatives/{made['id']}/review"
    body = {"approval": "rejected", "reason_codes": [0, 2], "comment": "misleading"}
    rejected = await client.post(url, json=body, headers=admin.headers)
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["reject_reason_codes"], rejected.json()["reject_comment"]) == (
        [0, 2],
        "misleading",
    )
    unknown = await client.post(
        url, json={"approval": "rejected", "reason_codes": [999]}, headers=admin.headers
    )
    assert_problem(unknown, 422, field="reason_codes")


async def test_new_ad_content_sends_an_approved_creative_back_to_review(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    url = f"{API}/creatives/{made['id']}"
    await client.post(f"{url}/review", json={"approval": "approved"}, headers=admin.headers)
    renamed = await client.patch(url, json={"name": "Only a name"}, headers=advertiser.headers)
    assert renamed.json()["approval"] == "approved"
    same = await client.patch(
        url, json={"categories": ["IAB1-1", "IAB3"]}, headers=advertiser.headers
    )
    assert same.json()["approval"] == "approved"
    changed = await client.patch(
        url,
        json={"content": {"variant": "banner_tag", "tag": "<b>new</b>"}},
        headers=advertiser.headers,
    )
    assert (changed.json()["approval"], changed.json()["reviewed_by_user_id"]) == (
        "pending",
        None,
    )


async def test_creative_attributes_are_stored_distinct_and_sorted(
    client: httpx.AsyncClient, advertiser: Actor
) -> None:
    assert (await create(client, advertiser.headers, banner_tag()))["attributes"] == []
    made = await create(client, advertiser.headers, banner_tag(attributes=[16, 1, 16]))
    assert made["attributes"] == [1, 16]
    url = f"{API}/creatives/{made['id']}"
    cleared = await client.patch(url, json={"attributes": []}, headers=advertiser.headers)
    assert cleared.json()["attributes"] == []
    refused = await client.patch(url, json={"attributes": None}, headers=advertiser.headers)
    assert_problem(refused, 422, field="attributes")


async def test_changed_attributes_send_an_approved_creative_back_to_review(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    # Dropping an attribute would let the creative past exchanges that block it: a reviewer
    # sees it first.
    made = await create(client, advertiser.headers, banner_tag(attributes=[9]))
    url = f"{API}/creatives/{made['id']}"
    await client.post(f"{url}/review", json={"approval": "approved"}, headers=admin.headers)
    same = await client.patch(url, json={"attributes": [9, 9]}, headers=advertiser.headers)
    assert same.json()["approval"] == "approved"
    changed = await client.patch(url, json={"attributes": []}, headers=advertiser.headers)
    assert changed.json()["approval"] == "pending"


async def test_an_admin_creates_for_a_named_account_only_if_it_exists(
    client: httpx.AsyncClient, advertiser: Actor, admin: Actor
) -> None:
    made = await create(client, admin.headers, banner_tag(account_id=advertiser.account_id))
    assert made["account_id"] == advertiser.account_id
    missing = await client.post(
        f"{API}/creatives", json=banner_tag(account_id=987654), headers=admin.headers
    )
    assert_problem(missing, 404)


# tenancy


async def test_another_accounts_creative_is_not_found(
    client: httpx.AsyncClient, advertiser: Actor, other_advertiser: Actor
) -> None:
    made = await create(client, advertiser.headers, banner_tag())
    intruder = other_advertiser.headers
    for method, suffix, body in (
        ("GET", "", None),
        ("PATCH", "", {"name": "mine"}),
        ("DELETE", "", None),
        ("GET", "/preview", None),
        ("GET", "/vast", None),
        ("POST", "/review", {"approval": "approved"}),
    ):
        foreign = await client.request(
            method, f"{API}/creatives/{made['id']}{suffix}", json=body, headers=intruder
        )
        missing = await client.request(
            method, f"{API}/creatives/987654{suffix}", json=body, headers=intruder
        )
        assert foreign.status_code == missing.status_code == 404, (method, suffix)
        assert foreign.json()["detail"].replace(str(made["id"]), "N") == missing.json()[
            "detail"
        ].replace("987654", "N")
    listing = await client.get(f"{API}/creatives", headers=intruder)
    assert listing.json()["total"] == 0
    filtered = await client.get(
        f"{API}/creatives", params={"account_id": advertiser.account_id}, headers=intruder
    )
    assert filtered.json()["total"] == 0
    still = await client.get(f"{API}/creatives/{made['id']}", headers=advertiser.headers)
    assert still.json() == made
