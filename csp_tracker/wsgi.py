import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csp_tracker.settings")
application = get_wsgi_application()

from csp_tracker.checks import refuse_insecure_production  # noqa: E402

refuse_insecure_production()
