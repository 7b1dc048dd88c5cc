"""The preview page: the ad as a person would see it, on a neutral page (pure, no I/O).

Third-party tags run inside a sandboxed ``srcdoc`` iframe without ``allow-same-origin``, so a
tag's scripts get an opaque origin and cannot read adplane's pages or credentials. HTML5
bundles load from their public media URL in a sandboxed iframe too. Videos play in a
``<video>`` element: the uploaded file directly, a third-party tag through a few lines of
script that read the VAST document (fetched from its URL, or the given XML) and play its
first MediaFile.
"""

from __future__ import annotations

import json
from html import escape

from adplane.creatives import schemas

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
# The page itself may only load what the ad needs; the ad's own frames are sandboxed apart.
CONTENT_SECURITY_POLICY = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

_STYLE = """
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:24px;color:#111}
.meta{font-size:13px;color:#555;margin-bottom:16px}
.stage{background:#fff;display:inline-block;padding:16px;border:1px solid #ddd}
.native{width:320px;font-size:14px}
.native .top{display:flex;align-items:center;gap:8px;margin-bottom:8px}
.native .logo{width:32px;height:32px;object-fit:cover;border-radius:4px}
.native .image{width:100%;display:block}
.native h2{font-size:16px;margin:8px 0 4px}
.native .cta{display:inline-block;margin-top:8px;padding:6px 12px;background:#2563eb;
color:#fff;text-decoration:none;border-radius:4px}
.native .sponsor,.native .display{font-size:12px;color:#666}
"""

# Reads a VAST document and plays its first MediaFile; follows Wrapper tags a few times.
_VAST_PLAYER = """
(function () {
  var video = document.getElementById('ad-video');
  var status = document.getElementById('ad-status');
  function play(doc, depth) {
    var file = doc.querySelector('MediaFile');
    if (file) { video.src = file.textContent.trim(); status.textContent = ''; return; }
    var next = doc.querySelector('VASTAdTagURI');
    if (next && depth < 5) { load(next.textContent.trim(), depth + 1); return; }
    status.textContent = 'The VAST document has no media file.';
  }
  function parse(text, depth) {
    play(new DOMParser().parseFromString(text, 'application/xml'), depth);
  }
  function load(url, depth) {
    fetch(url).then(function (r) { return r.text(); }).then(function (t) { parse(t, depth); })
      .catch(function () { status.textContent = 'The VAST tag could not be loaded.'; });
  }
  var source = JSON.parse(document.getElementById('ad-vast').textContent);
  if (source.xml !== null) { parse(source.xml, 0); } else { load(source.url, 0); }
})();
"""


def _media(creative: schemas.Creative, role: str) -> schemas.CreativeMedia | None:
    return next((m for m in creative.media if m.role == role), None)


def _size(creative: schemas.Creative, width: int = 300, height: int = 250) -> tuple[int, int]:
    if creative.size is None:
        return width, height
    return creative.size.width, creative.size.height


def _frame(src_attr: str, width: int, height: int) -> str:
    return (
        f'<iframe {src_attr} sandbox="{SANDBOX}" width="{width}" height="{height}" '
        'frameborder="0" scrolling="no" style="border:0"></iframe>'
    )


def _script_json(value: object) -> str:
    # No "<" at all inside the <script> element: nothing in the data can end it or open a
    # comment; JSON reads "\\u003c" back as "<".
    return json.dumps(value).replace("<", "\\u003c")


def _native(content: schemas.Native, creative: schemas.Creative) -> str:
    logo, image = _media(creative, "logo"), _media(creative, "image")
    href = escape(content.click_url)
    parts = ['<div class="native">', '<div class="top">']
    if logo is not None:
        parts.append(f'<img class="logo" src="{escape(logo.url)}" alt="">')
    if content.sponsor:
        parts.append(f'<span class="sponsor">{escape(content.sponsor)}</span>')
    parts.append("</div>")
    if image is not None:
        parts.append(
            f'<a href="{href}" target="_blank"><img class="image" src="{escape(image.url)}" '
            'alt=""></a>'
        )
    if content.title:
        parts.append(f'<h2><a href="{href}" target="_blank">{escape(content.title)}</a></h2>')
    if content.text:
        parts.append(f"<p>{escape(content.text)}</p>")
    if content.display_url:
        parts.append(f'<div class="display">{escape(content.display_url)}</div>')
    if content.call_to_action:
        parts.append(
            f'<a class="cta" href="{href}" target="_blank">{escape(content.call_to_action)}</a>'
        )
    parts.append("</div>")
    return "".join(parts)


def _ad(creative: schemas.Creative) -> str:
    content = creative.content
    width, height = _size(creative)
    if isinstance(content, schemas.BannerTag):
        return _frame(f'srcdoc="{escape(content.tag)}"', width, height)
    if isinstance(content, schemas.BannerImage):
        main = _media(creative, "main")
        src = escape(main.url) if main else ""
        return (
            f'<a href="{escape(content.click_url)}" target="_blank">'
            f'<img src="{src}" width="{width}" height="{height}" alt=""></a>'
        )
    if isinstance(content, schemas.BannerHtml5):
        main = _media(creative, "main")
        return _frame(f'src="{escape(main.url) if main else "about:blank"}"', width, height)
    if isinstance(content, schemas.Native):
        return _native(content, creative)
    width, height = _size(creative, 640, 360)
    video = (
        f'<video id="ad-video" controls playsinline width="{width}" height="{height}"'
        "{src}></video>"
    )
    if isinstance(content, schemas.VideoMedia):
        main = _media(creative, "main")
        src = f' src="{escape(main.url)}"' if main else ""
        return video.replace("{src}", src)
    source = {"url": content.vast_url, "xml": content.vast_xml}
    return (
        video.replace("{src}", "")
        + '<div id="ad-status">Loading the VAST tag...</div>'
        + f'<script type="application/json" id="ad-vast">{_script_json(source)}</script>'
        + f"<script>{_VAST_PLAYER}</script>"
    )


def render(creative: schemas.Creative) -> str:
    """The whole preview page of one creative."""
    size = f"{creative.size.width} x {creative.size.height}" if creative.size else "no size"
    meta = (
        f"Creative {creative.id}: {escape(creative.name)} ({creative.content.variant}, "
        f"{size}, {creative.approval.value})"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>Preview: {escape(creative.name)}</title><style>{_STYLE}</style></head>"
        f'<body><div class="meta">{meta}</div>'
        f'<div class="stage" data-variant="{creative.content.variant}">{_ad(creative)}</div>'
        "</body></html>\n"
    )
