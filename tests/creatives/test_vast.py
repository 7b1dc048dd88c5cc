"""The generated VAST documents: well-formed XML carrying the video's facts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from adplane.creatives import vast

NS = {"v": "http://www.iab.com/VAST"}


def _inline() -> ET.Element:
    video = vast.VideoFile(
        url="https://media.example/m/abc/clip.mp4?a=1&b=2",
        mime_type="video/mp4",
        width=640,
        height=360,
        bitrate=1_500_000,
        duration_ms=15_250,
    )
    return ET.fromstring(
        vast.render_inline(7, "Spring <sale>", video, "https://shop.example/?x=1&y=2")
    )


def test_an_uploaded_video_becomes_an_inline_linear_ad() -> None:
    root = _inline()
    assert (root.tag, root.get("version")) == ("{http://www.iab.com/VAST}VAST", "4.0")
    assert root.findtext("v:Ad/v:InLine/v:AdTitle", namespaces=NS) == "Spring <sale>"
    linear = root.find("v:Ad/v:InLine/v:Creatives/v:Creative/v:Linear", NS)
    assert linear is not None
    assert linear.findtext("v:Duration", namespaces=NS) == "00:00:15.250"
    media = linear.find("v:MediaFiles/v:MediaFile", NS)
    assert media is not None
    assert media.text == "https://media.example/m/abc/clip.mp4?a=1&b=2"
    assert (media.get("type"), media.get("width"), media.get("height"), media.get("bitrate")) == (
        "video/mp4",
        "640",
        "360",
        "1500",
    )
    assert media.get("delivery") == "progressive"
    click = linear.findtext("v:VideoClicks/v:ClickThrough", namespaces=NS)
    assert click == "https://shop.example/?x=1&y=2"


def test_trackers_are_placeholders_until_delivery_fills_them() -> None:
    root = _inline()
    assert root.findtext("v:Ad/v:InLine/v:Impression", namespaces=NS) == "[ADPLANE_IMPRESSION_URL]"
    events = root.findall(".//v:TrackingEvents/v:Tracking", NS)
    assert [e.get("event") for e in events] == list(vast.PROGRESS_EVENTS)
    filled = vast.render_inline(
        7,
        "x",
        vast.VideoFile("https://m.example/v.mp4", "video/mp4", None, None, None, 1000),
        "https://c.example/",
        trackers=vast.Trackers(impression="https://t.example/i?sig=1"),
    )
    assert ET.fromstring(filled).findtext("v:Ad/v:InLine/v:Impression", namespaces=NS) == (
        "https://t.example/i?sig=1"
    )


def test_durations_are_written_as_vast_clock_times() -> None:
    assert vast.duration(0) == "00:00:00.000"
    assert vast.duration(3_723_004) == "01:02:03.004"
    assert vast.duration(None) == "00:00:00.000"


def test_a_tag_url_becomes_a_wrapper() -> None:
    root = ET.fromstring(vast.render_wrapper(3, "https://ads.example/v?a=1&b=2"))
    assert root.findtext("v:Ad/v:Wrapper/v:VASTAdTagURI", namespaces=NS) == (
        "https://ads.example/v?a=1&b=2"
    )
