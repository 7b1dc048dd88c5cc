"""The first session in the native document's description works, against a real server."""

from __future__ import annotations

import json

import httpx

from adplane.app import FIRST_SESSION, NATIVE_PREFIX
from tests.support.server import LiveServer, new_user


def test_the_documented_first_session_runs_as_written(live_server: LiveServer) -> None:
    user = new_user(live_server)
    headers: dict[str, str] = {}
    with httpx.Client(base_url=live_server.base_url + NATIVE_PREFIX, timeout=30) as http:
        for index, (_what, method, path, body) in enumerate(FIRST_SESSION):
            document = json.loads(body) if body is not None else None
            if index == 0:
                # The description's placeholders, filled with a real user's credentials.
                document = {"email": user.email, "password": user.password}
            response = http.request(method, path, json=document, headers=headers)
            assert response.status_code in (200, 201), (path, response.text)
            if index == 0:
                headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
