"""The media service as other domains call it: get, get_many, upload, and files that follow
the database's outcome (a rolled-back upload leaves no file, a rolled-back delete keeps it)."""

from __future__ import annotations

import asyncio
import io

import pytest

from adplane.kit.db import Database
from adplane.kit.errors import NotFound, ValidationFailed
from adplane.media import service
from adplane.media.schemas import MediaKind
from adplane.media.storage import LocalStorage
from adplane.settings import Settings
from tests.conftest import Actor
from tests.media import files


@pytest.fixture
def store(settings: Settings) -> LocalStorage:
    return LocalStorage.from_settings(settings, "http://cdn.test")


def asset_dirs(store: LocalStorage) -> list[str]:
    if not store.root.exists():
        return []
    return sorted(p.name for p in store.root.iterdir() if p.name != ".staging")


async def settled(store: LocalStorage, expected: int) -> list[str]:
    """The stored assets once the after-commit/rollback work (on a thread) has run."""
    for _ in range(100):
        found = asset_dirs(store)
        if len(found) == expected:
            return found
        await asyncio.sleep(0.02)
    return asset_dirs(store)


async def test_a_rolled_back_upload_leaves_no_file(
    database: Database, advertiser: Actor, store: LocalStorage, settings: Settings
) -> None:
    async with database.sessionmaker() as session:
        asset = await service.upload(
            session,
            advertiser.principal,
            content=files.image(),
            filename="a.png",
            storage=store,
            settings=settings,
        )
        assert asset.url.startswith("http://cdn.test/media/")
        assert len(asset_dirs(store)) == 1  # stored, waiting for the outcome
        await session.rollback()
    assert await settled(store, 0) == []


async def test_a_committed_upload_is_kept_and_a_rolled_back_delete_keeps_its_files(
    database: Database, advertiser: Actor, store: LocalStorage, settings: Settings
) -> None:
    async with database.sessionmaker() as session, session.begin():
        asset = await service.upload(
            session,
            advertiser.principal,
            content=io.BytesIO(files.image()),
            filename="a.png",
            kind=MediaKind.IMAGE,
            storage=store,
            settings=settings,
        )
    assert len(await settled(store, 1)) == 1
    async with database.sessionmaker() as session:
        await service.delete(session, advertiser.principal, asset.id, storage=store)
        await session.rollback()
    await asyncio.sleep(0.1)
    assert len(asset_dirs(store)) == 1
    async with database.sessionmaker() as session, session.begin():
        await service.delete(session, advertiser.principal, asset.id, storage=store)
    assert await settled(store, 0) == []


async def test_get_answers_another_account_as_missing(
    database: Database,
    advertiser: Actor,
    other_advertiser: Actor,
    admin: Actor,
    store: LocalStorage,
) -> None:
    async with database.sessionmaker() as session, session.begin():
        asset = await service.upload(
            session, advertiser.principal, content=files.mp4(), filename="v.mp4", storage=store
        )
    async with database.sessionmaker() as session:
        got = await service.get(session, advertiser.principal, asset.id, storage=store)
        assert got == asset
        assert (got.kind, got.width, got.height, got.duration_ms) == ("video", 320, 240, 5000)
        with pytest.raises(NotFound) as foreign:
            await service.get(session, other_advertiser.principal, asset.id, storage=store)
        with pytest.raises(NotFound) as missing:
            await service.get(session, other_advertiser.principal, 987654321, storage=store)
        assert str(foreign.value).replace(str(asset.id), "N") == str(missing.value).replace(
            "987654321", "N"
        )
        assert await service.get(session, admin.principal, asset.id, storage=store) == asset
        mine = await service.get_many(session, advertiser.principal, [asset.id, 5], storage=store)
        assert list(mine) == [asset.id]
        foreign_many = await service.get_many(
            session, other_advertiser.principal, [asset.id], storage=store
        )
        assert foreign_many == {}


async def test_an_ffmpeg_encoded_mp4_is_read_back(
    database: Database, advertiser: Actor, store: LocalStorage
) -> None:
    data = files.encoded_mp4(width=64, height=48, frames=20, fps=10)
    async with database.sessionmaker() as session, session.begin():
        asset = await service.upload(
            session, advertiser.principal, content=data, filename="real.mp4", storage=store
        )
    assert (asset.width, asset.height, asset.duration_ms) == (64, 48, 2000)
    assert asset.bitrate == len(data) * 8 // 2
    assert asset.mime_type == "video/mp4"
    async with database.sessionmaker() as session:
        with pytest.raises(ValidationFailed):
            await service.upload(
                session,
                advertiser.principal,
                content=data[: len(data) // 2],
                filename="cut.mp4",
                storage=store,
            )


async def test_an_ffmpeg_encoded_webm_is_read_back_and_a_truncated_one_refused(
    database: Database, advertiser: Actor, store: LocalStorage
) -> None:
    data = files.encoded_mp4(80, 60, 20, 10, container_format="webm", codec="libvpx")
    async with database.sessionmaker() as session, session.begin():
        asset = await service.upload(
            session, advertiser.principal, content=data, filename="ad.webm", storage=store
        )
    assert (asset.width, asset.height, asset.duration_ms) == (80, 60, 2000)
    assert (asset.mime_type, asset.url.rsplit(".", 1)[1]) == ("video/webm", "webm")
    async with database.sessionmaker() as session:
        with pytest.raises(ValidationFailed, match="truncated"):
            await service.upload(
                session,
                advertiser.principal,
                content=data[:-10],
                filename="cut.webm",
                storage=store,
            )


def test_the_stored_name_keeps_the_real_extension_and_no_folders() -> None:
    assert service.safe_filename("../../etc/passwd") == "passwd"
    assert service.safe_filename("C:\\Users\\me\\ad.png") == "ad.png"
    assert service.safe_filename("a\x00b\nc.png") == "abc.png"
    assert service._stored_name("Åd banner (1).html", "png") == "Ad-banner-1.png"
    assert service._stored_name("", "mp4") == "file.mp4"
    assert service._stored_name(service.safe_filename("../x"), "gif") == "x.gif"
