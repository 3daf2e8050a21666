"""The service's own settings, served for the benchmark: production-like (DEBUG off, cached
templates, persistent database connections), plus the bare baseline view in bench.urls.

Static files use the plain storage, so the pages render without running collectstatic
first (the manifest storage would refuse to name files it has not collected).
"""

from csp_tracker.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
