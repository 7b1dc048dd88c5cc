"""The ``adm`` of a bid: the creative's markup with the signed click URL in place.

The creatives service renders each creative once (``creatives.markup``), with the creative's
own click-through in it and ``[ADPLANE_...]`` markers in its VAST; the bidder only swaps in
the URLs of one auction, so a bid costs a few string replacements, not a render:

- a banner image: its ``href`` (the creative's ``click_url``, HTML-escaped) becomes the
  signed click URL, which records the click and redirects to the destination;
- a third-party banner tag: the click macros a tag may carry (``{CLICK_URL}``,
  ``${CLICK_URL}``, ``%%CLICK_URL_UNESC%%``, ``%%CLICK_URL_ESC%%``) are filled; a tag without
  them counts its clicks itself;
- an HTML5 bundle: the iframe gets ``clickTag=<signed click URL>`` (the IAB convention);
- native: Native 1.2 response JSON for the assets the request asked for (``native_response``);
- video: our own VAST's ClickThrough becomes the signed click URL; a third party's VAST (or
  our wrapper around its URL) gets the click URL as a ClickTracking ping beside its own
  ClickThrough; the impression marker becomes the ``/t/imp`` pixel, which records nothing:
  the billing notice (``burl``) is the impression of record, so a pixel cannot count it twice.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from adplane.delivery import openrtb
from adplane.delivery.model import CreativeEntry, ImpSpec, NativeAssetRequest, NativeContent

# ``${...}`` before ``{...}``: the shorter form is inside the longer one.
_TAG_MACROS = ("${CLICK_URL}", "{CLICK_URL}", "%%CLICK_URL_UNESC%%")
_ESCAPED_TAG_MACROS = ("%%CLICK_URL_ESC%%", "${CLICK_URL_ENC}", "{CLICK_URL_ENC}")
# Native 1.2 data asset types (section 7.4): what each asset type takes from the content.
DATA_SPONSORED = 1
DATA_DESC = 2
DATA_DISPLAY_URL = 11
DATA_CTA = 12
IMG_ICON = 1
IMG_MAIN = 3
# The markers are whole element texts (creatives.vast), so these cannot cut an element apart.
_CLICK_THROUGH = re.compile(r"(<ClickThrough[^>]*>)[^<]*</ClickThrough>")
_CLICK_TRACKING_MARKER = re.compile(
    r"<ClickTracking[^>]*>\[ADPLANE_CLICK_TRACKING_URL\]</ClickTracking>"
)
_VIDEO_CLICKS = re.compile(r"<VideoClicks[^>/]*>")
_OTHER_MARKERS = re.compile(r"<(\w+)[^>]*>\[ADPLANE_[^\]<]*\]</\1>")


def banner(creative: CreativeEntry, click_url: str) -> str | None:
    """The banner markup with our click URL as its click-through."""
    markup = creative.markup
    if markup is None:
        return None
    if creative.variant == "banner_image" and creative.click_url:
        return markup.replace(
            f'href="{escape(creative.click_url)}"', f'href="{escape(click_url)}"', 1
        )
    if creative.variant == "banner_html5":
        head, sep, tail = markup.partition('<iframe src="')
        if sep:
            src, _, rest = tail.partition('"')
            joiner = "&amp;" if "?" in src else "?"
            return f'{head}{sep}{src}{joiner}clickTag={escape(quote(click_url, safe=""))}"{rest}'
        return markup
    if "CLICK_URL" not in markup:
        return markup
    for macro in _TAG_MACROS:
        markup = markup.replace(macro, click_url)
    if "CLICK_URL" in markup:
        escaped = quote(click_url, safe="")
        for macro in _ESCAPED_TAG_MACROS:
            markup = markup.replace(macro, escaped)
    return markup


def _truncate(text: str, limit: int | None) -> str:
    return text[:limit] if limit else text


def _asset(asset: NativeAssetRequest, content: NativeContent) -> openrtb.NativeAsset | None:
    required = 1 if asset.required else None
    if asset.kind == "title" and content.title:
        title = openrtb.NativeTitle(text=_truncate(content.title, asset.len))
        return openrtb.NativeAsset(id=asset.id, required=required, title=title)
    if asset.kind == "img":
        if asset.type == IMG_ICON:
            url, size = content.logo_url, content.logo_size
        else:
            url, size = content.image_url, content.image_size
        if not url:
            return None
        image = openrtb.NativeImage(
            url=url, w=size[0] if size else None, h=size[1] if size else None
        )
        return openrtb.NativeAsset(id=asset.id, required=required, img=image)
    if asset.kind == "data":
        value = {
            DATA_SPONSORED: content.sponsor,
            DATA_DESC: content.text,
            DATA_CTA: content.call_to_action,
            DATA_DISPLAY_URL: content.display_url,
        }.get(asset.type or 0)
        if not value:
            return None
        data = openrtb.NativeData(value=_truncate(value, asset.len))
        return openrtb.NativeAsset(id=asset.id, required=required, data=data)
    return None


def native_response(creative: CreativeEntry, imp: ImpSpec, click_url: str) -> str | None:
    """Native 1.2 response JSON for ``imp``'s assets, or None when a required one is missing."""
    content = creative.native
    if content is None:
        return None
    assets: list[openrtb.NativeAsset] = []
    for asset in imp.native_assets:
        answer = _asset(asset, content)
        if answer is None:
            if asset.required:
                return None
            continue
        assets.append(answer)
    native = openrtb.NativeResponse(
        link=openrtb.NativeLink(url=click_url),
        ver="1.0" if _is_native_1_0(imp.native_ver) else "1.2",
        assets=assets,
        # The advertiser's own third-party counters; ours is the billing notice.
        imptrackers=list(content.impression_trackers) or None,
    )
    # Native 1.0 wrapped the response in {"native": ...}; 1.1 dropped the root node.
    return openrtb.encode_native_markup(native, imp.native_ver)


def _is_native_1_0(version: str | None) -> bool:
    return version is not None and version.strip().startswith("1.0")


def vast(creative: CreativeEntry, click_url: str, pixel_url: str) -> str | None:
    """The creative's VAST with our click URL and pixel in place of the markers."""
    document = creative.markup
    if document is None:
        return None
    click = xml_escape(click_url)
    document = document.replace(">[ADPLANE_IMPRESSION_URL]<", f">{xml_escape(pixel_url)}<")
    if creative.variant == "video_media":
        # Our own document: the ClickThrough records the click and lands on the destination,
        # so a tracking ping would only repeat it.
        document = _CLICK_THROUGH.sub(lambda m: f"{m.group(1)}{click}</ClickThrough>", document)
        document = _CLICK_TRACKING_MARKER.sub("", document)
    elif "[ADPLANE_CLICK_TRACKING_URL]" in document:
        # Our wrapper around a third-party tag: the click is pinged beside the tag's own.
        document = document.replace(">[ADPLANE_CLICK_TRACKING_URL]<", f">{click}<")
    else:
        # A third party's VAST as given: its ClickThrough stays theirs; ours is a ping.
        document = _VIDEO_CLICKS.sub(
            lambda m: (
                f'{m.group(0)}<ClickTracking id="adplane"><![CDATA[{click_url}]]></ClickTracking>'
            ),
            document,
            count=1,
        )
    # Error and progress events: nothing of ours answers them, so they are not sent.
    return _OTHER_MARKERS.sub("", document)
