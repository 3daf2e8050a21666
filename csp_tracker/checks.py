from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from csp_tracker.settings import DEVELOPMENT_SECRET_KEY


def refuse_insecure_production():
    """Stop a server or worker starting with DEBUG off on the development key.

    Called when the web server or the Celery worker starts (not on import of settings),
    so tests and management commands still run on a laptop with no configuration.
    """
    if not settings.DEBUG and settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY (and ALLOWED_HOSTS) in the environment, "
            "or DEBUG=true on a development machine."
        )
