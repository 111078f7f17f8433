"""The ``moto-appstream-server`` command: moto's server with AppStream added."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import moto

from ._registration import register, register_unsigned_target

logger = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> None:
    """Serve every moto service plus AppStream, taking ``moto_server``'s options.

    ``argv`` defaults to the command line. Options and defaults are moto's own
    (``--host 127.0.0.1``, ``--port 5000`` or ``MOTO_PORT``, ``--reload``,
    ``--ssl``, ``--ssl-cert``, ``--ssl-key``), because they are handed to
    ``moto.server.main`` unchanged.
    """
    register()
    register_unsigned_target()

    from moto import server

    logger.info("Serving AppStream with moto %s", moto.__version__)
    server.main(None if argv is None else list(argv))


if __name__ == "__main__":
    main()
