"""VAST documents for video creatives, written with an XML library so every value is escaped.

An uploaded video gets a VAST 4.0 InLine ad: one Linear creative whose MediaFile is the
upload (URL, MIME type, width, height, bitrate), its Duration, the ClickThrough, and the
impression, click and progress trackers. A third-party VAST URL gets a Wrapper around it.

The trackers are placeholders until the delivery plane knows the auction: it signs one
impression, click and event URL per bid and puts them in place of the ``[ADPLANE_...]``
markers (``render_inline(..., trackers=...)`` writes them directly). Each marker is a whole
element text, so replacing it cannot break the document.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

VAST_VERSION = "4.0"
AD_SYSTEM = "adplane"
PROGRESS_EVENTS = ("start", "firstQuartile", "midpoint", "thirdQuartile", "complete")


@dataclass(frozen=True)
class Trackers:
    """The URLs delivery fires: impression, click, and one per progress event."""

    impression: str = "[ADPLANE_IMPRESSION_URL]"
    click: str = "[ADPLANE_CLICK_TRACKING_URL]"
    error: str = "[ADPLANE_ERROR_URL]"
    events: dict[str, str] = field(
        default_factory=lambda: {e: f"[ADPLANE_EVENT_URL:{e}]" for e in PROGRESS_EVENTS}
    )


PLACEHOLDERS = Trackers()


@dataclass(frozen=True)
class VideoFile:
    url: str
    mime_type: str
    width: int | None
    height: int | None
    bitrate: int | None  # bits per second
    duration_ms: int | None


def duration(ms: int | None) -> str:
    """``HH:MM:SS.mmm``, as VAST writes a duration."""
    total = max(0, ms or 0)
    seconds, millis = divmod(total, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _document(root: ET.Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _ad(creative_id: int) -> tuple[ET.Element, ET.Element]:
    root = ET.Element("VAST", {"version": VAST_VERSION, "xmlns": "http://www.iab.com/VAST"})
    ad = ET.SubElement(root, "Ad", {"id": str(creative_id)})
    return root, ad


def render_inline(
    creative_id: int,
    title: str,
    video: VideoFile,
    click_url: str,
    *,
    trackers: Trackers = PLACEHOLDERS,
) -> str:
    """An InLine VAST 4.0 document for an uploaded video."""
    root, ad = _ad(creative_id)
    inline = ET.SubElement(ad, "InLine")
    _text(inline, "AdSystem", AD_SYSTEM)
    _text(inline, "AdTitle", title)
    _text(inline, "Error", trackers.error)
    _text(inline, "Impression", trackers.impression, id=AD_SYSTEM)
    creatives = ET.SubElement(inline, "Creatives")
    creative = ET.SubElement(
        creatives, "Creative", {"id": str(creative_id), "adId": str(creative_id)}
    )
    _text(creative, "UniversalAdId", str(creative_id), idRegistry=AD_SYSTEM)
    linear = ET.SubElement(creative, "Linear")
    _text(linear, "Duration", duration(video.duration_ms))
    events = ET.SubElement(linear, "TrackingEvents")
    for event in PROGRESS_EVENTS:
        _text(events, "Tracking", trackers.events.get(event, ""), event=event)
    clicks = ET.SubElement(linear, "VideoClicks")
    _text(clicks, "ClickThrough", click_url, id=AD_SYSTEM)
    _text(clicks, "ClickTracking", trackers.click, id=AD_SYSTEM)
    files = ET.SubElement(linear, "MediaFiles")
    attrs = {"delivery": "progressive", "type": video.mime_type}
    if video.width is not None and video.height is not None:
        attrs |= {"width": str(video.width), "height": str(video.height)}
    if video.bitrate:
        # VAST counts kilobits per second.
        attrs["bitrate"] = str(max(1, round(video.bitrate / 1000)))
    _text(files, "MediaFile", video.url, **attrs)
    return _document(root)


def render_wrapper(creative_id: int, tag_url: str, *, trackers: Trackers = PLACEHOLDERS) -> str:
    """A Wrapper VAST 4.0 document around a third-party VAST tag URL."""
    root, ad = _ad(creative_id)
    wrapper = ET.SubElement(ad, "Wrapper")
    _text(wrapper, "AdSystem", AD_SYSTEM)
    _text(wrapper, "Error", trackers.error)
    _text(wrapper, "Impression", trackers.impression, id=AD_SYSTEM)
    _text(wrapper, "VASTAdTagURI", tag_url)
    creatives = ET.SubElement(wrapper, "Creatives")
    creative = ET.SubElement(creatives, "Creative", {"id": str(creative_id)})
    linear = ET.SubElement(creative, "Linear")
    clicks = ET.SubElement(linear, "VideoClicks")
    _text(clicks, "ClickTracking", trackers.click, id=AD_SYSTEM)
    return _document(root)
