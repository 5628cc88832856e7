FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 network
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir uv==0.13.9 \
    && uv pip install --system --no-cache --require-hashes -r requirements.lock
COPY . .
# Build-time only values: collectstatic and compilemessages need settings to load.
RUN export DEBUG=false SECRET_KEY=build-only-not-secret-build-only-not-secret-build-only-0123 \
    ALLOWED_HOSTS=build \
    && python manage.py collectstatic --noinput -v 0 \
    && python manage.py compilemessages --ignore=var -v 0 \
    && mkdir -p /data/media && chown -R network /data /app/var
USER network
EXPOSE 8000
CMD ["gunicorn", "network.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4"]
