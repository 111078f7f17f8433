import moto_appstream  # noqa: F401  (registers AppStream with moto)
