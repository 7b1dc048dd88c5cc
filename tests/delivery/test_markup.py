"""The adm of each kind of creative, with the signed URLs of one auction in place."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import orjson

from adplane.creatives import vast
from adplane.delivery import markup
from adplane.delivery.model import ImpSpec, NativeAssetRequest
from tests.delivery import entries

CLICK = "https://ads.example/t/click?t=abc.def&x=1"
PIXEL = "https://ads.example/t/imp?t=abc.def"
NS = {"v": "http://www.iab.com/VAST"}


def test_an_image_banner_links_to_the_click_url_instead_of_the_destination() -> None:
    adm = markup.banner(entries.creative(), CLICK)
    assert adm is not None
    assert 'href="https://ads.example/t/click?t=abc.def&amp;x=1"' in adm
    assert "shop.example/landing" not in adm
    assert 'src="https://cdn.example/a.png"' in adm


def test_a_tags_click_macros_are_filled() -> None:
    tag = '<a href="%%CLICK_URL_UNESC%%https://x.example">x</a><i data-c="${CLICK_URL}"></i>'
    tag += '<b data-e="%%CLICK_URL_ESC%%"></b>'
    creative = entries.creative(variant="banner_tag", markup=tag, click_url=None)
    adm = markup.banner(creative, CLICK)
    assert adm is not None
    assert f'href="{CLICK}https://x.example"' in adm
    assert f'data-c="{CLICK}"' in adm
    assert 'data-e="https%3A%2F%2Fads.example%2Ft%2Fclick%3Ft%3Dabc.def%26x%3D1"' in adm


def test_an_html5_bundle_gets_a_click_tag() -> None:
    frame = '<iframe src="https://cdn.example/b/index.html" width="300" height="250"></iframe>'
    creative = entries.creative(variant="banner_html5", markup=frame, click_url=None)
    adm = markup.banner(creative, CLICK)
    assert adm is not None
    assert adm.startswith('<iframe src="https://cdn.example/b/index.html?clickTag=https%3A%2F%2F')


def test_our_vast_clicks_through_our_url_and_keeps_no_markers() -> None:
    adm = markup.vast(entries.video_creative(), CLICK, PIXEL)
    assert adm is not None
    assert "[ADPLANE_" not in adm
    root = ET.fromstring(adm)
    assert root.find(".//v:ClickThrough", NS).text == CLICK  # type: ignore[union-attr]
    assert root.find(".//v:Impression", NS).text == PIXEL  # type: ignore[union-attr]
    assert root.find(".//v:ClickTracking", NS) is None
    assert root.find(".//v:MediaFile", NS).text == "https://cdn.example/v.mp4"  # type: ignore[union-attr]


def test_a_wrapper_pings_our_click_url() -> None:
    document = vast.render_wrapper(5, "https://ads.example/vast.xml")
    creative = entries.creative(kind="video", variant="video_tag", markup=document)
    adm = markup.vast(creative, CLICK, PIXEL)
    assert adm is not None
    root = ET.fromstring(adm)
    assert root.find(".//v:ClickTracking", NS).text == CLICK  # type: ignore[union-attr]
    assert "[ADPLANE_" not in adm


def _imp(*assets: NativeAssetRequest, ver: str = "1.2") -> ImpSpec:
    return ImpSpec("1", frozenset({"native"}), native_ver=ver, native_assets=assets)


TITLE = NativeAssetRequest(1, True, "title", len=10)
MAIN = NativeAssetRequest(2, True, "img", type=3, wmin=600, hmin=300)
ICON = NativeAssetRequest(3, False, "img", type=1)
SPONSORED = NativeAssetRequest(4, False, "data", type=1)
CTA = NativeAssetRequest(5, False, "data", type=12)
RATING = NativeAssetRequest(6, False, "data", type=3)


def test_a_native_response_answers_the_assets_asked_for() -> None:
    adm = markup.native_response(
        entries.native_creative(), _imp(TITLE, MAIN, ICON, SPONSORED, CTA, RATING), CLICK
    )
    assert adm is not None
    native = orjson.loads(adm)
    assert native["ver"] == "1.2"
    assert native["link"] == {"url": CLICK}
    assert native["assets"] == [
        {"id": 1, "title": {"text": "A very goo"}, "required": 1},
        {
            "id": 2,
            "img": {"url": "https://cdn.example/main.png", "w": 1200, "h": 627},
            "required": 1,
        },
        {"id": 3, "img": {"url": "https://cdn.example/logo.png", "w": 80, "h": 80}},
        {"id": 4, "data": {"value": "Shop"}},
        {"id": 5, "data": {"value": "Buy"}},
    ]


def test_a_native_1_0_request_gets_the_wrapped_response() -> None:
    adm = markup.native_response(entries.native_creative(), _imp(TITLE, ver="1.0"), CLICK)
    assert adm is not None
    assert orjson.loads(adm)["native"]["ver"] == "1.0"


def test_a_required_asset_the_creative_lacks_is_no_markup() -> None:
    video = NativeAssetRequest(7, True, "video")
    assert markup.native_response(entries.native_creative(), _imp(TITLE, video), CLICK) is None
