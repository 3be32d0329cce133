"""Caches live in a folder private to the user, checked before each use (hooks/zhguide/cache.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhguide.cache import CacheError, private_cache

pytestmark = pytest.mark.pure


def test_a_cache_folder_others_can_write_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = private_cache()
    assert folder == tmp_path / "icbc-overdue-guide" and folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)  # as if another user had planted it, or opened it to all
    with pytest.raises(CacheError, match="must belong to you alone"):
        private_cache()
