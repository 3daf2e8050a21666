# CSP Tracker production image: gunicorn serving Django, with the static files
# collected at build time and served by WhiteNoise. The same image runs the Celery
# worker and beat (see docker-compose.yml).
#
#   docker build -t csp-tracker .
#   docker run --rm -p 8000:8000 -e SECRET_KEY=... -e ALLOWED_HOSTS=... \
#     -e DATABASE_URL=postgres://... -e REDIS_URL=redis://... csp-tracker

# --- Front end: GOV.UK Frontend and MOJ Frontend compiled with Arial -------------
FROM node:20-bookworm-slim AS frontend

WORKDIR /src
# Install from the lock file first, so the npm layer is reused until the pins change.
# Install scripts are not needed: Sass is plain JavaScript.
COPY frontend/package.json frontend/package-lock.json frontend/
RUN npm --prefix frontend ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY frontend/ frontend/
# Writes static/build/ (css/app.css, js/, assets/images/).
RUN npm --prefix frontend run build


# --- Application ----------------------------------------------------------------
FROM python:3.11-slim-bookworm

LABEL org.opencontainers.image.title="CSP Tracker" \
      org.opencontainers.image.description="Statutory duties, plans, Domestic Homicide Reviews and scrutiny for Community Safety Partnerships" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=csp_tracker.settings \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    CSP_VAR_DIR=/data/var

# libmagic1: python-magic checks evidence uploads by content.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmagic1 \
 && rm -rf /var/lib/apt/lists/*

# The service account. Its home holds gunicorn's control socket (~/.gunicorn/).
RUN groupadd --system --gid 10001 csp \
 && useradd --system --uid 10001 --gid csp --create-home --home-dir /home/csp \
      --shell /usr/sbin/nologin csp

# Python dependencies only (pyproject.toml installs no packages of its own):
# this layer is reused until pyproject.toml changes.
WORKDIR /tmp/deps
COPY pyproject.toml ./
RUN pip install --no-cache-dir . \
 && rm -rf /tmp/deps

# The code runs from the working directory. It stays owned by root, so the service
# account can read it but not change it.
WORKDIR /app
COPY . .
COPY --from=frontend /src/static/build/ static/build/

# Hashed, compressed static files for WhiteNoise. The key is a placeholder that only
# lets settings load; the service never runs with it.
RUN SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --noinput \
 && mkdir -p "$MEDIA_ROOT" "$CSP_VAR_DIR" \
 && chown -R csp:csp /data

# Evidence uploads live in /data/media: mount a volume there (docker-compose.yml does).
USER csp:csp
EXPOSE 8000

# /healthz answers 200 when the database does. The Host header is the first entry of
# ALLOWED_HOSTS, so Django accepts the request whatever the service's hostname is.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('*.') or 'localhost'; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': h}), timeout=5)"]

CMD ["sh", "-c", "exec gunicorn csp_tracker.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
