"""CSP Tracker settings: every knob is an environment variable with a safe default.

`.env.example` lists them all. With nothing set, the service runs on a SQLite file and a
filesystem message queue under `var/`, which is what the quick start uses.
"""

import os
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("CSP_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEVELOPMENT_SECRET_KEY = "development-only-key-never-used-with-DEBUG-off"

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Shows the demo logins on the sign-in page; never set it on a live service.
DEMO_MODE = env.bool("DEMO_MODE", default=False)
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=False)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "partnerships",
    "duties",
    "plans",
    "dhr",
    "meetings",
    "indicators",
    "reminders",
    "scrutiny",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "csp_tracker.urls"
WSGI_APPLICATION = "csp_tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerships.context_processors.navigation",
            ],
        },
    },
]

_default_sqlite = f"sqlite:///{VAR_DIR / 'csp_tracker.sqlite3'}"
DATABASES = {"default": env.db("DATABASE_URL", default=_default_sqlite)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded worker writes while the web process reads: wait for the lock
    # instead of failing, and take the write lock at the start of each transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # A file, not memory, so a real worker process in the tests sees the test data; one
    # per test run, so two runs on one machine do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# crispy-forms-gds leaves link (URL) boxes unstyled.
CRISPY_CLASS_CONVERTERS = {"urlinput": "govuk-input"}

# Evidence uploads: the cap the form enforces (bytes), checked by content, not by name.
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=20 * 1024 * 1024)
# Above this an upload is spooled to disk rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Days after the CSP's agreement (or its conditions being met) by which each later step on a
# plan's road to adoption is expected. No statutory deadline; a local target (domain.md R4).
PLAN_STEP_TARGET_DAYS = {
    "committee": env.int("PLAN_COMMITTEE_TARGET_DAYS", default=60),
    "cabinet": env.int("PLAN_CABINET_TARGET_DAYS", default=90),
    "full_council": env.int("PLAN_FULL_COUNCIL_TARGET_DAYS", default=120),
}

# Email: console in the quick start; SMTP in production through EMAIL_URL
# (smtp+tls://user:password@host:587); GOV.UK Notify when its API key is set. Notify sends
# the plain-text part through a template whose subject is ((subject)) and body ((body)).
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default=EMAIL_BACKEND)  # noqa: F821 (set just above)
# Seconds before a stalled mail server fails the send (it is tried again later) rather than
# holding the worker for ever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="CSP Tracker <noreply@localhost>")
GOVUK_NOTIFY_API_KEY = env.str("GOVUK_NOTIFY_API_KEY", default="")
GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = env.str("GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID", default="")
if GOVUK_NOTIFY_API_KEY:
    if not GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID:
        raise ImproperlyConfigured(
            "GOVUK_NOTIFY_API_KEY is set: set GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID to the id of a "
            "Notify email template whose subject is ((subject)) and whose body is ((body))."
        )
    EMAIL_BACKEND = "django_gov_notify.backends.NotifyEmailBackend"

# Links in emails and calendar feeds point here.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Reminders: the weekly digest lists what is overdue or due within this many days; a
# failed send is tried this many times before it shows on the failed sends page.
REMINDER_DIGEST_DAYS = env.int("REMINDER_DIGEST_DAYS", default=60)
REMINDER_SEND_ATTEMPTS = env.int("REMINDER_SEND_ATTEMPTS", default=5)

# Celery: Redis in production (REDIS_URL or CELERY_BROKER_URL); with neither set, a
# filesystem queue under var/ so the quick start needs no broker to install.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))
_queue_folders = []
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "filesystem://"
    _queue = VAR_DIR / "celery" / "queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
        # Where kombu keeps its exchange table; by default it is the working directory.
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
    _queue_folders = [_queue, VAR_DIR / "celery" / "processed", VAR_DIR / "celery" / "control"]
elif not CELERY_BROKER_URL.startswith(("redis://", "rediss://", "filesystem://", "memory://")):
    raise ImproperlyConfigured(f"Unsupported CELERY_BROKER_URL scheme: {CELERY_BROKER_URL!r}")
# A separate queue name lets a test worker share a broker without taking others' tasks.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
HEARTBEAT_SECONDS = env.float("HEARTBEAT_SECONDS", default=60.0)
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "reminders.tasks.record_heartbeat", "schedule": HEARTBEAT_SECONDS},
    "move-paused-dhr-deadlines": {
        "task": "dhr.tasks.move_paused_deadlines",
        "schedule": crontab(hour=0, minute=30),
    },
    # Every hour of the working day: a sweep records nothing twice, and one missed (worker
    # or broker down) is caught up by the next.
    "sweep-deadlines": {
        "task": "reminders.tasks.sweep_deadlines",
        "schedule": env.float("REMINDER_SWEEP_SECONDS", default=0) or crontab(minute=5, hour="7-19"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

for _folder in (VAR_DIR, MEDIA_ROOT, STATIC_ROOT, *_queue_folders):
    _folder.mkdir(parents=True, exist_ok=True)

# The scrutiny pack: WeasyPrint reports every step of every PDF at INFO; its warnings still show.
LOGGING["loggers"] = {**LOGGING.get("loggers", {}), "weasyprint.progress": {"level": "WARNING"}}
