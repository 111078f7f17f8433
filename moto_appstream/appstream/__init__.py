"""Amazon AppStream 2.0."""

from .models import appstream_backends

__all__ = ["appstream_backends"]
