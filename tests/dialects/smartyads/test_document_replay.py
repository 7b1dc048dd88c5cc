"""Every example request of the SmartyAds document, replayed against a real server.

Ids in the document (campaign 5, filter list 15, ...) are examples; the replay uses the ids the
server hands out. The examples whose answer is fixed (logout, deletes, link writes) are
compared field by field; the others must echo the fields they sent and answer with the
document's fields. The four uploads send real files the test makes.

Sections not served are listed in ``NOT_YET`` (none now) and the test checks that this list
is exactly what the dialect does not serve, so it fails the day one of them is served without
being replayed here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.media.files import bundle, image, mp4
from tests.support.server import LiveServer, new_user

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("document_examples.json")).read_text()
)
FIXED = ("1.2", "3.5", "7.5", "8.2", "8.3", "8.4", "9.5", "10.3")
NOT_YET: set[str] = set()
FUTURE_YEAR = "2031"
JSON = {"Accept": "application/json", "Content-type": "application/json"}
FORM = {"Accept": "application/json", "Content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def sa(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{live_server.base_url}/smartyads/", timeout=60) as client:
        yield client


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, (
        response.request.method,
        response.request.url,
        response.text,
    )
    return response.json()


def _send(
    sa: httpx.Client, section: str, token: str, path: str | None = None, **body: Any
) -> httpx.Response:
    example = EXAMPLES[section]
    method = example["method"]
    headers = {**(FORM if method == "DELETE" else JSON), "Authorization": f"Bearer {token}"}
    payload = copy.deepcopy(example["request"])
    payload.update(body)
    return sa.request(
        method, path or example["path"], content=json.dumps(payload).encode(), headers=headers
    )


def _same_keys(got: Any, documented: Any) -> None:
    assert isinstance(got, dict)
    assert set(got) == set(documented), set(got) ^ set(documented)


def _same_creative(got: Any, documented: Any) -> None:
    """The documented fields; ``media`` printed whenever the creative has one (C.47-C.56)."""
    assert isinstance(got, dict)
    assert set(got) - {"media"} == set(documented) - {"media"}, set(got) ^ set(documented)
    assert set(got["relation"]) == set(documented["relation"])
    for kind, fields in documented["relation"].items():
        _same_keys(got["relation"][kind], fields)


def test_every_section_is_replayed_or_listed_as_not_yet(live_server: LiveServer) -> None:
    document = httpx.get(f"{live_server.base_url}/smartyads/openapi.json").json()
    served = {
        (method.upper(), path.removeprefix("/"))
        for path, item in document["paths"].items()
        for method in item
    }

    def template(path: str) -> str:
        parts = ["{id}" if p.isdigit() else p for p in path.split("/")]
        return "/".join(parts)

    missing = {
        section
        for section, example in EXAMPLES.items()
        if (example["method"], template(example["path"])) not in served
    }
    assert missing == NOT_YET


def test_the_documents_requests(live_server: LiveServer, sa: httpx.Client) -> None:
    user = new_user(live_server)
    admin = {"Authorization": f"Bearer {live_server.admin_key}"}
    for name in ("ISP Green-Stiedemann", "ISP Simonis Inc"):
        code = name.lower().replace(" ", "_").replace("-", "_")
        made = httpx.post(
            f"{live_server.base_url}/api/v1/targeting/carriers",
            json={"code": code, "name": name},
            headers=admin,
        )
        assert made.status_code in {201, 409, 422}, made.text

    # 1.1 login: the document's body shape with this user's credentials.
    login = sa.post(
        "api/users/login", json={"email": user.email, "password": user.password}, headers=JSON
    )
    body = _ok(login)
    _same_keys(body, EXAMPLES["1.1"]["response"])
    assert body["token_type"] == EXAMPLES["1.1"]["response"]["token_type"]
    assert login.headers["X-ratelimit-limit"] == "10"
    token = body["access_token"]

    # 3.3 create: every field sent comes back (dates moved out of the past, see NOTES.md).
    sent = copy.deepcopy(EXAMPLES["3.3"]["request"])
    for key in ("dateStart", "dateEnd"):
        sent[key] = FUTURE_YEAR + sent[key][4:]
    created = _send(sa, "3.3", token, **sent)
    assert created.headers["X-ratelimit-limit"] == "500"
    data = _ok(created)["data"]
    _same_keys(data, EXAMPLES["3.3"]["response"]["data"])
    for key, value in sent.items():
        assert data[key] == value, key
    cid = data["id"]

    # 3.4 update echoes the name; 3.2 get and 3.1 list have the documented fields.
    patched = _ok(_send(sa, "3.4", token, f"api/campaigns/{cid}"))["data"]
    assert patched["name"] == EXAMPLES["3.4"]["request"]["name"]
    _same_keys(_ok(_send(sa, "3.2", token, f"api/campaigns/{cid}"))["data"], data)
    listed = _ok(_send(sa, "3.1", token))
    _same_keys(listed, EXAMPLES["3.1"]["response"])
    _same_keys(listed["data"][0], EXAMPLES["3.1"]["response"]["data"][0])
    _same_keys(listed["meta"]["pagination"], EXAMPLES["3.1"]["response"]["meta"]["pagination"])

    # 2.1 / 2.2 statistic: the documented envelope, on the document's own request bodies.
    for section in ("2.1", "2.2"):
        report = _ok(_send(sa, section, token, filter={"campaignId": cid}))
        _same_keys(report, EXAMPLES[section]["response"])
        assert report["status"] == "success"
        _same_keys(report["pagination"], EXAMPLES[section]["response"]["pagination"])
        assert report["pagination"]["per_page"] == 25

    # 4.1-4.3 uploads with real files, sent as the document does (JSON content type).
    uploads = {
        "4.1": ("test-image.png", image(10, 10)),
        "4.2": ("test-video.mp4", mp4(320, 240)),
        "4.3": ("test-html.zip", bundle()),
    }
    uploaded: dict[str, int] = {}
    for section, (name, content) in uploads.items():
        answer = _ok(
            sa.post(
                EXAMPLES[section]["path"],
                params={"filename": name},
                content=content,
                headers={**JSON, "Authorization": f"Bearer {token}"},
            )
        )
        documented = EXAMPLES[section]["response"]
        assert answer["message"] == documented["message"]
        _same_keys(answer["data"][0], documented["data"][0])
        assert answer["data"][0]["originName"] == name
        uploaded[section] = answer["data"][0]["id"]
        if section != "4.3":
            assert answer["data"][0]["width"] == (10 if section == "4.1" else 320)

    # 5.5-5.10 the six create variants, with this user's uploads for the document's media ids.
    media_of = {
        "5.6": {"mediaId": uploaded["4.1"]},
        "5.7": {"mediaId": uploaded["4.3"]},
        "5.8": {
            "native": {
                **EXAMPLES["5.8"]["request"]["native"],
                "smallImageId": uploaded["4.1"],
                "largeImageId": uploaded["4.1"],
            }
        },
        "5.10": {"mediaId": uploaded["4.2"]},
    }
    made_creatives: dict[str, dict[str, Any]] = {}
    for section in ("5.5", "5.6", "5.7", "5.8", "5.9", "5.10"):
        answer = _ok(_send(sa, section, token, **media_of.get(section, {})))
        documented = EXAMPLES[section]["response"]
        assert answer["message"] == documented["message"], section
        creative = answer["data"]
        _same_creative(creative, documented["data"])
        sent = {**EXAMPLES[section]["request"], **media_of.get(section, {})}
        for key in ("name", "creativeType", "frequencyType", "frequencyCap", "frequencyPeriod"):
            if key in sent:
                assert creative[key] == sent[key], (section, key)
        assert creative["frequency"] == bool(sent["frequency"]), section
        assert creative["bidPrice"] == sent["bidPrice"], section
        assert creative["approved"] == "pending"
        made_creatives[section] = creative
    tag = made_creatives["5.5"]["relation"]["banner"]
    assert tag["admBody"] == EXAMPLES["5.5"]["request"]["banner"]["admBody"]
    assert made_creatives["5.5"]["size"] == "320 x 200"
    image_banner = made_creatives["5.6"]
    assert image_banner["size"] == "10 x 10"  # the file's size, not the one sent (C.47)
    assert image_banner["media"]["id"] == uploaded["4.1"]
    assert image_banner["media"]["url"] in image_banner["relation"]["banner"]["admBody"]
    assert image_banner["relation"]["banner"]["clickUrl"] == "http://volkman.com/"
    html = made_creatives["5.7"]["relation"]["banner"]
    assert html["apiFramework"] == 3
    assert made_creatives["5.7"]["media"]["url"] in html["admBody"]
    native = made_creatives["5.8"]["relation"]["native"]
    for key, value in EXAMPLES["5.8"]["request"]["native"].items():
        if key not in {"smallImageId", "largeImageId"}:
            assert native[key] == value, key
    assert native["largeImage"]["id"] == uploaded["4.1"]
    video_tag = made_creatives["5.9"]["relation"]["video"]
    for key, value in EXAMPLES["5.9"]["request"]["video"].items():
        assert video_tag[key] == value, key
    video = made_creatives["5.10"]["relation"]["video"]
    assert video["mimeType"] == ["video/mp4"]
    assert (video["width"], video["height"]) == (320, 240)
    assert "<VAST" in video["admBody"]
    assert video["clickUrl"] == EXAMPLES["5.10"]["request"]["video"]["clickUrl"]

    # 5.11 update; 5.2-5.4 get a banner, a native and a video creative; 5.1 the list.
    banner_id = made_creatives["5.5"]["id"]
    updated_creative = _ok(_send(sa, "5.11", token, f"api/creatives/{banner_id}"))
    assert updated_creative["message"] == EXAMPLES["5.11"]["response"]["message"]
    _same_creative(updated_creative["data"], EXAMPLES["5.11"]["response"]["data"])
    assert updated_creative["data"]["isActive"] is True
    for section, source in (("5.2", "5.5"), ("5.3", "5.8"), ("5.4", "5.9")):
        one = _ok(_send(sa, section, token, f"api/creatives/{made_creatives[source]['id']}"))
        _same_keys(one, EXAMPLES[section]["response"])
        _same_creative(one["data"], EXAMPLES[section]["response"]["data"])
        assert one["data"]["id"] == made_creatives[source]["id"]
    listed_creatives = _ok(_send(sa, "5.1", token))
    _same_keys(listed_creatives, EXAMPLES["5.1"]["response"])
    _same_keys(
        listed_creatives["meta"]["pagination"], EXAMPLES["5.1"]["response"]["meta"]["pagination"]
    )
    assert listed_creatives["meta"]["pagination"]["total"] == 6
    by_type = {c["creativeType"]: c for c in EXAMPLES["5.1"]["response"]["data"]}
    for creative in listed_creatives["data"]:
        _same_creative(creative, by_type[creative["creativeType"]])
    listed_media = next(c for c in listed_creatives["data"] if c["id"] == image_banner["id"])
    _same_keys(listed_media["media"], EXAMPLES["5.1"]["response"]["data"][0]["media"])

    # 4.4 parse a CSV, 7.3 create (echoes title, type, isInclude), 7.4 update, 7.1, 7.2.
    parsed = _ok(
        sa.post(
            "api/parsefile",
            files={"file": ("test-filter.csv", b"test.com\n", "text/csv")},
            headers={"Authorization": f"Bearer {token}"},
        )
    )
    _same_keys(parsed, EXAMPLES["4.4"]["response"])
    assert parsed["items"] == EXAMPLES["4.4"]["response"]["items"]
    made = _ok(_send(sa, "7.3", token))
    assert made["message"] == EXAMPLES["7.3"]["response"]["message"]
    for key in ("title", "type", "isInclude"):
        assert made["data"][key] == EXAMPLES["7.3"]["request"][key], key
    urls = _ok(_send(sa, "7.3", token, title="urls", type="urls", items=[], fileName=None))["data"][
        "id"
    ]
    updated = _ok(_send(sa, "7.4", token, f"api/filterlist/{urls}"))
    assert updated["message"] == EXAMPLES["7.4"]["response"]["message"]
    for key in ("title", "isInclude"):
        assert updated["data"][key] == EXAMPLES["7.4"]["request"][key], key
    _same_keys(_ok(_send(sa, "7.1", token))["data"][0], EXAMPLES["7.1"]["response"]["data"][0])
    _same_keys(
        _ok(_send(sa, "7.2", token, f"api/filterlist/{urls}"))["data"],
        EXAMPLES["7.2"]["response"]["data"],
    )

    # 8.x links, fixed answers; 8.1 has the documented fields.
    lid = made["data"]["id"]
    answers = {
        "8.2": _send(sa, "8.2", token, f"api/campaigns/{cid}/filterlists", items=[{"id": lid}]),
        "8.3": _send(
            sa,
            "8.3",
            token,
            f"api/campaigns/{cid}/filterlists",
            items=[{"id": urls, "isInclude": True}],
        ),
    }
    links = _ok(_send(sa, "8.1", token, f"api/campaigns/{cid}/filterlists"))
    _same_keys(links["data"][0], EXAMPLES["8.1"]["response"]["data"][0])
    assert [x["filterList"]["id"] for x in links["data"]] == [lid, urls]
    # 9.x rules (the core pairs a blacklist rule with a black list), 10.x the relation.
    black = _ok(_send(sa, "7.3", token, title="black", type="domain", isInclude=False, items=[]))
    bid = black["data"]["id"]
    rule = _ok(_send(sa, "9.3", token, targetFilterListId=bid))["data"]
    _same_keys(rule, EXAMPLES["9.3"]["response"]["data"])
    for key in ("name", "timeRange", "then", "targetFilterListId"):
        assert rule[key] == {**EXAMPLES["9.3"]["request"], "targetFilterListId": bid}[key], key
    white = _ok(_send(sa, "7.3", token, title="white", type="domain", isInclude=True, items=[]))
    changed = _ok(
        _send(
            sa,
            "9.4",
            token,
            f"api/optimization-rule/{rule['id']}",
            targetFilterListId=white["data"]["id"],
        )
    )["data"]
    for key in ("name", "timeRange", "then"):
        assert changed[key] == EXAMPLES["9.4"]["request"][key], key
    _same_keys(_ok(_send(sa, "9.1", token))["data"][0], EXAMPLES["9.1"]["response"]["data"][0])
    _same_keys(
        _ok(_send(sa, "9.2", token, f"api/optimization-rule/{rule['id']}"))["data"],
        EXAMPLES["9.2"]["response"]["data"],
    )
    relation = _ok(_send(sa, "10.2", token, campaignId=cid, ruleId=rule["id"]))
    assert relation["ruleId"] == rule["id"]
    _same_keys(
        _ok(_send(sa, "10.1", token, f"api/campaign/{cid}/optimization-rule-relation"))["data"],
        EXAMPLES["10.1"]["response"]["data"],
    )
    answers["10.3"] = _send(sa, "10.3", token, f"api/campaign/{cid}/optimization-rule-relation")
    answers["9.5"] = _send(sa, "9.5", token, f"api/optimization-rule/{rule['id']}")
    answers["8.4"] = _send(sa, "8.4", token, f"api/campaigns/{cid}/filterlists", ids=[urls])
    answers["7.5"] = _send(sa, "7.5", token, f"api/filterlist/{urls}")
    answers["3.5"] = _send(sa, "3.5", token, f"api/campaigns/{cid}")
    answers["1.2"] = _send(sa, "1.2", token)
    for section in FIXED:
        assert _ok(answers[section]) == EXAMPLES[section]["response"], section
    after = _send(sa, "3.1", token)
    assert after.status_code == 401
