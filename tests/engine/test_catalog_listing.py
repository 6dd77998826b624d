"""The catalog's names are listed once and listed again whenever its folder changes."""

import os

from derive import identities, registry


def test_the_listing_follows_modules_added_and_removed(tmp_path, monkeypatch):
    (tmp_path / "alpha.py").write_text("")
    (tmp_path / "_private.py").write_text("")
    monkeypatch.setattr(identities, "__path__", [str(tmp_path)])
    assert registry.catalog_names() == ["alpha"]
    (tmp_path / "beta.py").write_text("")
    os.utime(tmp_path, ns=(1, os.stat(tmp_path).st_mtime_ns + 1))  # a later time even on a coarse clock
    assert registry.catalog_names() == ["alpha", "beta"]
    (tmp_path / "alpha.py").unlink()
    os.utime(tmp_path, ns=(1, os.stat(tmp_path).st_mtime_ns + 1))
    assert registry.catalog_names() == ["beta"]


def test_the_listing_is_not_shared_with_callers(tmp_path, monkeypatch):
    (tmp_path / "alpha.py").write_text("")
    monkeypatch.setattr(identities, "__path__", [str(tmp_path)])
    registry.catalog_names().append("intruder")
    assert registry.catalog_names() == ["alpha"]


def test_the_real_catalog_is_listed_as_before():
    import pkgutil

    expected = sorted(m.name for m in pkgutil.iter_modules(identities.__path__) if not m.name.startswith("_"))
    assert registry.catalog_names() == expected and len(expected) > 40


def test_an_unchanged_folder_is_not_listed_again(tmp_path, monkeypatch):
    (tmp_path / "alpha.py").write_text("")
    monkeypatch.setattr(identities, "__path__", [str(tmp_path)])
    listings = []
    real = registry.pkgutil.iter_modules
    monkeypatch.setattr(registry.pkgutil, "iter_modules", lambda path: listings.append(path) or real(path))
    registry.catalog_names()
    registry.catalog_names()
    assert len(listings) == 1
