"""The newsroom desk at /redaksi/: Django's admin, customised for the workflow."""

from . import articles, content, photos, site  # noqa: F401  (registers the model admins)
