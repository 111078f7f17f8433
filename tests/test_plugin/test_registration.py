"""register(): what it changes in moto, and that it changes each thing once."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import threading
from pathlib import Path

import moto
import moto.backends
import pytest
from moto import backend_index
from moto.moto_api import state_manager
from moto.moto_api._internal import urls as moto_api_urls

import moto_appstream
from moto_appstream import NativeAppStreamWarning, _registration, register
from moto_appstream._images_api import add_private_image_response
from moto_appstream.appstream import urls as appstream_urls
from moto_appstream.appstream.models import TRANSITION_MODELS

PatternList = list[tuple[str, re.Pattern[str]]]
UNSIGNED_KEY = "PhotonAdminProxyService"
IMAGES_ROUTE = "{0}/moto-api/appstream/images$"


def _appstream_patterns(patterns: PatternList) -> list[str]:
    return [pattern.pattern for name, pattern in patterns if name == "appstream"]


def _service_module_names() -> list[str]:
    package = moto_appstream.appstream
    found = pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
    return [package.__name__, *(info.name for info in found)]


@pytest.fixture
def unregistered(monkeypatch: pytest.MonkeyPatch) -> PatternList:
    """A pattern list without AppStream and a cleared flag, both undone after."""
    patterns = [
        entry for entry in backend_index.backend_url_patterns if entry[0] != "appstream"
    ]
    monkeypatch.setattr(backend_index, "backend_url_patterns", patterns)
    monkeypatch.setattr(_registration, "_registered", False)
    return patterns


@pytest.fixture
def native_moto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the installed moto look as if it had an ``appstream`` folder."""
    (tmp_path / "appstream").mkdir()
    monkeypatch.setattr(moto, "__file__", str(tmp_path / "__init__.py"))
    return tmp_path


@pytest.fixture
def blank_moto(
    unregistered: PatternList, monkeypatch: pytest.MonkeyPatch
) -> PatternList:
    """Undo every change register() makes, for the duration of one test."""
    for name in list(sys.modules):
        if name == "moto.appstream" or name.startswith("moto.appstream."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.delattr(moto, "appstream")
    for model_name in TRANSITION_MODELS:
        monkeypatch.delitem(state_manager._default_transitions, model_name)
    monkeypatch.delitem(moto_api_urls.url_paths, IMAGES_ROUTE)
    return unregistered


def test_register_adds_each_url_base(unregistered: PatternList) -> None:
    register()

    assert _appstream_patterns(unregistered) == list(appstream_urls.url_bases)


def test_register_keeps_the_pattern_index_sorted_by_service(
    unregistered: PatternList,
) -> None:
    register()

    names = [name for name, _ in unregistered]
    assert names == sorted(names)


def test_register_matches_both_appstream_hosts() -> None:
    hosts = [
        "https://appstream2.us-east-1.amazonaws.com",
        "https://appstream.us-east-1.amazonaws.com",
    ]

    assert [moto.backends.get_service_from_url(host) for host in hosts] == [
        "appstream",
        "appstream",
    ]


def test_register_twice_adds_nothing_more(unregistered: PatternList) -> None:
    register()
    register()

    assert _appstream_patterns(unregistered) == list(appstream_urls.url_bases)


def test_register_rerun_skips_patterns_already_present(
    unregistered: PatternList, monkeypatch: pytest.MonkeyPatch
) -> None:
    register()
    monkeypatch.setattr(_registration, "_registered", False)
    register()

    assert _appstream_patterns(unregistered) == list(appstream_urls.url_bases)


def test_register_from_many_threads_adds_each_pattern_once(
    unregistered: PatternList,
) -> None:
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            register()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert _appstream_patterns(unregistered) == list(appstream_urls.url_bases)


def test_register_changes_the_pattern_list_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    patterns = backend_index.backend_url_patterns
    monkeypatch.setattr(_registration, "_registered", False)

    register()

    assert backend_index.backend_url_patterns is patterns


def test_register_aliases_every_service_module() -> None:
    names = _service_module_names()

    aliases = {
        name.replace("moto_appstream.appstream", "moto.appstream", 1): sys.modules[name]
        for name in names
    }
    assert {alias: sys.modules[alias] for alias in aliases} == aliases


def test_register_aliases_nested_model_modules() -> None:
    expected = [
        "moto.appstream.models.fleets",
        "moto.appstream.models.images",
        "moto.appstream.models.stacks",
        "moto.appstream.models.users",
    ]

    assert [sys.modules[name].__name__ for name in expected] == [
        name.replace("moto.", "moto_appstream.", 1) for name in expected
    ]


def test_register_sets_the_moto_attribute() -> None:
    assert moto.appstream is moto_appstream.appstream  # type: ignore[attr-defined]


def test_get_backend_returns_the_plugin_backends() -> None:
    backends = moto.backends.get_backend("appstream")  # type: ignore[call-overload]

    assert backends is moto_appstream.appstream_backends


def test_import_of_alias_does_not_load_a_second_copy() -> None:
    module = importlib.import_module("moto.appstream.models.fleets")

    assert module is importlib.import_module("moto_appstream.appstream.models.fleets")


def test_register_sets_default_transitions() -> None:
    registered = {
        name: state_manager._default_transitions[name] for name in TRANSITION_MODELS
    }

    assert registered == TRANSITION_MODELS


def test_fleet_transition_defaults_to_immediate() -> None:
    assert state_manager.get_transition("appstream::fleet") == {
        "progression": "immediate"
    }


def test_register_clears_cloudformation_caches_once_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsing = importlib.import_module("moto.cloudformation.parsing")
    parsing.get_model_list()
    parsing.get_model_map()
    parsing.get_name_type_map()
    monkeypatch.setattr(_registration, "_registered", False)

    register()

    caches = [parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map]
    assert [cache.cache_info().currsize for cache in caches] == [0, 0, 0]


def test_register_does_not_import_cloudformation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "moto.cloudformation.parsing", raising=False)
    monkeypatch.setattr(_registration, "_registered", False)

    register()

    assert "moto.cloudformation.parsing" not in sys.modules


def test_register_routes_unsigned_target_once_server_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    werkzeug_app = importlib.import_module("moto.moto_server.werkzeug_app")
    monkeypatch.delitem(werkzeug_app.UNSIGNED_REQUESTS, UNSIGNED_KEY, raising=False)
    monkeypatch.setattr(_registration, "_registered", False)

    register()

    assert werkzeug_app.UNSIGNED_REQUESTS[UNSIGNED_KEY] == ("appstream", "us-east-1")


def test_register_does_not_import_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    werkzeug_app = importlib.import_module("moto.moto_server.werkzeug_app")
    monkeypatch.delitem(werkzeug_app.UNSIGNED_REQUESTS, UNSIGNED_KEY, raising=False)
    monkeypatch.delitem(sys.modules, "moto.moto_server.werkzeug_app")
    monkeypatch.setattr(_registration, "_registered", False)

    register()

    assert "moto.moto_server.werkzeug_app" not in sys.modules
    assert UNSIGNED_KEY not in werkzeug_app.UNSIGNED_REQUESTS


def test_register_unsigned_target_routes_to_appstream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    werkzeug_app = importlib.import_module("moto.moto_server.werkzeug_app")
    monkeypatch.delitem(werkzeug_app.UNSIGNED_REQUESTS, UNSIGNED_KEY, raising=False)

    _registration.register_unsigned_target()

    assert werkzeug_app.UNSIGNED_REQUESTS[UNSIGNED_KEY] == ("appstream", "us-east-1")


def test_register_adds_the_private_images_route() -> None:
    assert moto_api_urls.url_paths[IMAGES_ROUTE] is add_private_image_response


def test_installed_moto_does_not_ship_appstream() -> None:
    assert _registration.moto_ships_appstream() is False


def test_moto_ships_appstream_detects_a_native_folder(native_moto: Path) -> None:
    assert _registration.moto_ships_appstream() is True


def test_register_warns_when_moto_ships_appstream(
    native_moto: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_registration, "_registered", False)
    expected = (
        f"moto {moto.__version__} at {str(native_moto)!r} ships its own AppStream "
        "service; moto_appstream leaves it in charge and registers nothing."
    )

    with pytest.warns(NativeAppStreamWarning) as caught:
        register()

    assert [str(warning.message) for warning in caught] == [expected]


def test_register_changes_nothing_when_moto_ships_appstream(
    native_moto: Path, blank_moto: PatternList
) -> None:
    with pytest.warns(NativeAppStreamWarning):
        register()

    assert _appstream_patterns(blank_moto) == []
    assert [name for name in sys.modules if name.startswith("moto.appstream")] == []
    assert hasattr(moto, "appstream") is False
    assert [
        name for name in TRANSITION_MODELS if name in state_manager._default_transitions
    ] == []
    assert IMAGES_ROUTE not in moto_api_urls.url_paths


def test_register_on_clean_moto_restores_everything(blank_moto: PatternList) -> None:
    register()

    assert _appstream_patterns(blank_moto) == list(appstream_urls.url_bases)
    assert sys.modules["moto.appstream.models"] is moto_appstream.appstream.models
    assert moto.appstream is moto_appstream.appstream  # type: ignore[attr-defined]
    assert moto_api_urls.url_paths[IMAGES_ROUTE] is add_private_image_response
