"""Media through a real ``adplane serve``: real files uploaded, dimensions read back, and the
absolute public URL fetched from the server as a browser would, without credentials."""

from __future__ import annotations

import httpx

from tests.media import files
from tests.support.server import LiveServer, new_user


def test_png_mp4_and_zip_round_trip_through_a_real_server(live_server: LiveServer) -> None:
    owner = new_user(live_server)
    intruder = new_user(live_server)
    uploads = [
        ("banner.png", files.image(300, 250), {"width": 300, "height": 250}),
        ("spot.mp4", files.encoded_mp4(64, 48, 20, 10), {"width": 64, "height": 48}),
        ("ad.zip", files.bundle(), {"kind": "html", "file_count": 3}),
    ]
    with httpx.Client(base_url=live_server.base_url, timeout=30) as http:
        for name, data, expected in uploads:
            created = http.post(
                "/api/v1/media", files={"file": (name, data)}, headers=owner.headers
            )
            assert created.status_code == 201, created.text
            asset = created.json()
            read = http.get(f"/api/v1/media/{asset['id']}", headers=owner.headers).json()
            assert {k: read[k] for k in expected} == expected
            assert read["url"].startswith(live_server.base_url + "/media/")
            served = httpx.get(read["url"], timeout=30)
            assert served.status_code == 200
            if name != "ad.zip":
                assert served.content == data
            else:
                assert served.content == files.INDEX_HTML
            foreign = http.get(f"/api/v1/media/{asset['id']}", headers=intruder.headers)
            assert foreign.status_code == 404
        video = http.get("/api/v1/media", params={"kind": "video"}, headers=owner.headers)
        assert video.json()["items"][0]["duration_ms"] == 2000
