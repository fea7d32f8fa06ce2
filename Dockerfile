# The dashboard in a container, after Streamlit's own deployment guidance: a slim Python base,
# a non-root user, the pinned requirements, a health check on /_stcore/health, the app on 8501.
# Several of these run behind a sticky proxy: compose.yaml, deploy/k8s/ and the README.
#
#   docker build -t ru-asean-dashboard .
#   docker run --rm -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=... ru-asean-dashboard
#
# Bookworm, as on the development machine (Debian 12): the same chromium and fonts. The tag names
# the exact Python release the project is tested on; a registry that mirrors it should pin the
# digest too (FROM python:3.11.7-slim-bookworm@sha256:...). `make lint` checks this file
# (hadolint).
FROM python:3.11.7-slim-bookworm

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The PNG and SVG download buttons draw the chart with kaleido, which drives Debian's chromium
# (it never downloads a browser); the export font is Liberation Sans, then DejaVu Sans. Debian's
# security updates replace these versions in place, so they follow bookworm rather than a pin.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin dashboard
WORKDIR /app

# Requirements first: the dependency layer is rebuilt only when requirements.txt changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# The first PNG/SVG export touches static/empty-mathjax.js (components/publish/export.py): the app's
# user owns static/; everything else stays read-only to it.
RUN chown -R dashboard:dashboard static

USER 10001
EXPOSE 8501

# No curl in the slim image: Python asks the health endpoint (it answers "ok").
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; r = urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2); sys.exit(0 if r.read().strip() == b'ok' else 1)"]

# .streamlit/config.toml already sets headless, no usage stats, no file watcher. The cookie
# secret comes from the environment (STREAMLIT_SERVER_COOKIE_SECRET), the same on every replica.
CMD ["streamlit", "run", "dashboard.py", "--server.port=8501", "--server.address=0.0.0.0"]
