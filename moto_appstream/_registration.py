"""Registration of the AppStream service with the installed moto, by data only."""

from __future__ import annotations

import bisect
import importlib
import os
import pkgutil
import re
import sys
import threading
import warnings
from types import ModuleType

import moto

SERVICE_NAME = "appstream"
SERVICE_PACKAGE = "moto_appstream.appstream"
MOTO_ALIAS = f"moto.{SERVICE_NAME}"
UNSIGNED_TARGET_PREFIX = "PhotonAdminProxyService"
PRIVATE_IMAGES_PATH = "{0}/moto-api/appstream/images$"

_CLOUDFORMATION_PARSING = "moto.cloudformation.parsing"
_CLOUDFORMATION_CACHES = ("get_model_list", "get_model_map", "get_name_type_map")
_WERKZEUG_APP = "moto.moto_server.werkzeug_app"

_lock = threading.Lock()
_registered = False


class NativeAppStreamWarning(UserWarning):
    """The installed moto ships its own AppStream, so this package stays unused."""


def moto_ships_appstream() -> bool:
    """Tell whether the installed moto has an ``appstream`` service folder."""
    moto_dir = os.path.dirname(moto.__file__ or "")
    return os.path.isdir(os.path.join(moto_dir, SERVICE_NAME))


def register() -> None:
    """Make moto serve AppStream from this package; later calls do nothing.

    Only moto's data changes: module aliases, URL patterns inserted in place,
    state-manager defaults and a route on moto's own API. No moto function is
    rebound. If moto already ships AppStream, a ``NativeAppStreamWarning`` is
    issued and nothing is changed.
    """
    global _registered
    with _lock:
        if _registered:
            return
        if moto_ships_appstream():
            msg = (
                f"moto {moto.__version__} at {os.path.dirname(moto.__file__ or '')!r} "
                "ships its own AppStream service; moto_appstream leaves it in charge "
                "and registers nothing."
            )
            warnings.warn(msg, NativeAppStreamWarning, stacklevel=2)
            _registered = True
            return
        package = importlib.import_module(SERVICE_PACKAGE)
        _alias_modules(package)
        _add_url_patterns()
        _register_transitions()
        _refresh_cloudformation_caches()
        if _WERKZEUG_APP in sys.modules:
            register_unsigned_target()
        _add_private_images_route()
        _registered = True


def register_unsigned_target() -> None:
    """Route server requests carrying only an AppStream ``X-Amz-Target``."""
    from moto.moto_server import werkzeug_app

    werkzeug_app.UNSIGNED_REQUESTS.setdefault(
        UNSIGNED_TARGET_PREFIX, (SERVICE_NAME, "us-east-1")
    )


def _service_modules(package: ModuleType) -> dict[str, ModuleType]:
    modules = {package.__name__: package}
    prefix = f"{package.__name__}."
    for info in pkgutil.walk_packages(package.__path__, prefix=prefix):
        modules[info.name] = importlib.import_module(info.name)
    return modules


def _alias_modules(package: ModuleType) -> None:
    for name, module in _service_modules(package).items():
        alias = MOTO_ALIAS + name[len(package.__name__) :]
        sys.modules.setdefault(alias, module)
    setattr(moto, SERVICE_NAME, package)


def _add_url_patterns() -> None:
    from moto import backend_index

    from .appstream import urls

    patterns = backend_index.backend_url_patterns
    present = {(name, pattern.pattern) for name, pattern in patterns}
    for regex in urls.url_bases:
        if (SERVICE_NAME, regex) not in present:
            # moto's index is sorted by service and every request walks it in
            # order, so the entry goes where the generated index would put it.
            position = bisect.bisect_right([name for name, _ in patterns], SERVICE_NAME)
            patterns.insert(position, (SERVICE_NAME, re.compile(regex)))
            present.add((SERVICE_NAME, regex))


def _register_transitions() -> None:
    from moto.moto_api import state_manager

    from .appstream.models import TRANSITION_MODELS

    for model_name, transition in TRANSITION_MODELS.items():
        state_manager.register_default_transition(model_name, dict(transition))


def _refresh_cloudformation_caches() -> None:
    parsing = sys.modules.get(_CLOUDFORMATION_PARSING)
    if parsing is None:
        return
    for name in _CLOUDFORMATION_CACHES:
        cached = getattr(parsing, name, None)
        cache_clear = getattr(cached, "cache_clear", None)
        if cache_clear is not None:
            cache_clear()


def _add_private_images_route() -> None:
    from moto.moto_api._internal import urls as moto_api_urls

    from ._images_api import add_private_image_response

    moto_api_urls.url_paths.setdefault(PRIVATE_IMAGES_PATH, add_private_image_response)
