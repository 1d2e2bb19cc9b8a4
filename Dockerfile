FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=protocol.settings

RUN apt-get update && apt-get install --yes --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 protocol

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Build-time only: these commands load settings, not the real secret (given at run time).
RUN SECRET_KEY=build-only python manage.py compilemessages --ignore=.venv \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /app/media \
    && chown -R protocol /app

USER protocol
EXPOSE 8000
CMD ["gunicorn", "protocol.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
