"""What delivery serves for a creative (pure functions, no I/O).

- ``banner_tag``: the tag as given;
- ``banner_image``: ``<a href=click><img src=image></a>``;
- ``banner_html5``: an iframe on the bundle's ``index.html``;
- ``native``: none here: the bidder answers OpenRTB native requests with its own JSON;
- ``video_media``: the generated VAST 4 InLine document; ``video_tag``: the given XML, or a
  VAST Wrapper around the given URL.
"""

from __future__ import annotations

from html import escape

from adplane.creatives import schemas, vast


def _media(media: list[schemas.CreativeMedia], role: str) -> schemas.CreativeMedia | None:
    return next((m for m in media if m.role == role), None)


def _dims(size: schemas.Size | None) -> str:
    if size is None:
        return ""
    return f' width="{size.width}" height="{size.height}"'


def video_file(media: schemas.CreativeMedia) -> vast.VideoFile:
    return vast.VideoFile(
        url=media.url,
        mime_type=media.mime_type,
        width=media.width,
        height=media.height,
        bitrate=media.bitrate,
        duration_ms=media.duration_ms,
    )


def vast_document(
    creative_id: int,
    name: str,
    content: schemas.VideoTag | schemas.VideoMedia,
    media: list[schemas.CreativeMedia],
    *,
    trackers: vast.Trackers = vast.PLACEHOLDERS,
) -> str:
    """The VAST document of a video creative."""
    if isinstance(content, schemas.VideoMedia):
        main = _media(media, "main")
        if main is None:  # pragma: no cover - a stored media video always has its file
            raise ValueError(f"creative {creative_id} has no video file")
        return vast.render_inline(
            creative_id, name, video_file(main), content.click_url, trackers=trackers
        )
    if content.vast_xml is not None:
        return content.vast_xml
    assert content.vast_url is not None  # the schema requires one of the two
    return vast.render_wrapper(creative_id, content.vast_url, trackers=trackers)


def markup(
    creative_id: int,
    name: str,
    content: schemas.AnyContent,
    size: schemas.Size | None,
    media: list[schemas.CreativeMedia],
) -> str | None:
    if isinstance(content, schemas.BannerTag):
        return content.tag
    if isinstance(content, schemas.BannerImage):
        main = _media(media, "main")
        src = escape(main.url if main else "")
        href = escape(content.click_url)
        return f'<a target="_blank" href="{href}"><img src="{src}"{_dims(size)} alt=""/></a>'
    if isinstance(content, schemas.BannerHtml5):
        main = _media(media, "main")
        src = escape(main.url if main else "")
        return (
            f'<iframe src="{src}"{_dims(size)} frameborder="0" scrolling="no" '
            'style="border:0"></iframe>'
        )
    if isinstance(content, schemas.Native):
        return None
    return vast_document(creative_id, name, content, media)
