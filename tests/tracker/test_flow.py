"""The compiled campaign orders its streams the way the click path tries them."""

from __future__ import annotations

import dataclasses

import pytest

from adplane.tracker.flow import ActionType, Campaign, Stream, StreamSchema, StreamType


def _stream(id_: int, kind: StreamType, position: int) -> Stream:
    return Stream(
        id=id_,
        type=kind,
        position=position,
        weight=100,
        schema=StreamSchema.REDIRECT,
        action_type=ActionType.HTTP,
        action_payload="https://example.com/",
    )


def test_streams_are_grouped_by_type_and_run_by_position() -> None:
    campaign = Campaign(
        id=1,
        account_id=1,
        name="c",
        alias="c",
        token="t",
        streams=(
            _stream(1, StreamType.REGULAR, 3),
            _stream(2, StreamType.FORCED, 2),
            _stream(3, StreamType.DEFAULT, 0),
            _stream(4, StreamType.REGULAR, 1),
            _stream(5, StreamType.FORCED, 1),
        ),
    )
    assert [s.id for s in campaign.forced()] == [5, 2]
    assert [s.id for s in campaign.regular()] == [4, 1]
    default = campaign.default()
    assert default is not None
    assert default.id == 3


def test_compiled_values_are_frozen() -> None:
    stream = _stream(1, StreamType.REGULAR, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        stream.weight = 5  # type: ignore[misc]
