"""Amazon AppStream 2.0 for moto: importing this package registers the service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID

from ._registration import NativeAppStreamWarning, register

register()

from .appstream import appstream_backends  # noqa: E402

if TYPE_CHECKING:
    from .appstream.models.images import Image

__all__ = [
    "NativeAppStreamWarning",
    "add_private_image",
    "appstream_backends",
    "mock_appstream",
    "register",
]

mock_appstream = mock_aws


def add_private_image(
    name: str,
    platform: str,
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    region_name: str = "us-east-1",
    **attrs: Any,
) -> Image:
    """Add a private image, as if an image builder had created it, and return it.

    AWS only creates private images from inside an image builder's streaming
    session, so tests put them in place with this function instead. The image is
    owned by ``account_id`` in ``region_name`` and can then be found with
    DescribeImages and used by CreateFleet. Keyword ``attrs`` are passed on to the
    backend: ``display_name``, ``description``, ``supported_instance_families``,
    ``image_builder_supported`` and ``state``.

    Call it while the mock is active (inside the decorated test or ``with``
    block), because starting a mock resets all state. A duplicate name raises
    ``ResourceAlreadyExistsException``. Against a running server, POST the same
    data as JSON to ``/moto-api/appstream/images`` instead.
    """
    backend = appstream_backends[account_id][region_name]
    return backend.add_image(name, platform, **attrs)
