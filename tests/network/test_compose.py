"""Docker does not run here: check the production stack's file against the settings instead."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS_SOURCE = (ROOT / "network" / "settings.py").read_text()
READ_BY_SETTINGS = set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', SETTINGS_SOURCE))
REQUIRED_IN_PRODUCTION = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
DJANGO_SERVICES = ("web", "worker", "beat")


def service_env(name):
    env = dict(COMPOSE["x-django-env"]) if "x-django-env" in COMPOSE else {}
    service_environment = COMPOSE["services"][name].get("environment", {})
    env.update(service_environment)
    return env


def test_compose_has_the_production_services():
    assert set(COMPOSE["services"]) == {
        "proxy", "postgres", "redis", "cache", "web", "worker", "beat"
    }  # fmt: skip


def test_only_the_proxy_faces_the_internet_with_a_body_size_limit():
    """gunicorn publishes no port; the proxy in front limits request bodies to just above the
    largest upload the site accepts, and the site trusts exactly that one proxy for the
    client's address (rate limits per client, not per proxy)."""
    services = COMPOSE["services"]
    assert [name for name, service in services.items() if service.get("ports")] == ["proxy"]
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "max_size {$PROXY_MAX_BODY_BYTES}" in caddyfile
    assert "reverse_proxy web:8000" in caddyfile
    default = int(re.search(r"PROXY_MAX_BODY_BYTES:-(\d+)", services["proxy"]["environment"]["PROXY_MAX_BODY_BYTES"]).group(1))  # fmt: skip
    upload = int(re.search(r":-(\d+)", service_env("web")["RESOURCE_MAX_UPLOAD_BYTES"]).group(1))
    assert upload < default <= upload + 2 * 1024 * 1024
    for name in DJANGO_SERVICES:
        assert service_env(name)["ALLAUTH_TRUSTED_PROXY_COUNT"] == "1"


def test_exactly_one_beat():
    beats = [
        name
        for name, service in COMPOSE["services"].items()
        if "beat" in service.get("command", [])
    ]
    assert beats == ["beat"]
    assert COMPOSE["services"]["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_redis_never_evicts_queued_jobs():
    command = " ".join(COMPOSE["services"]["redis"]["command"])
    assert "--maxmemory-policy noeviction" in command


def test_the_cache_has_a_redis_of_its_own_that_evicts_when_full():
    """Visitors' pages and searches are kept under any query anyone sends: they must fill a
    Redis that forgets old keys, never the one whose jobs must not be evicted."""
    command = " ".join(COMPOSE["services"]["cache"]["command"])
    assert "--maxmemory-policy allkeys-lru" in command
    assert re.search(r"--maxmemory \d+mb", command)
    for name in DJANGO_SERVICES:
        env = service_env(name)
        assert env["CACHE_URL"].startswith("redis://cache:")
        assert env["REDIS_URL"].startswith("redis://redis:")


def test_every_variable_compose_sets_is_read_by_the_settings():
    for name in DJANGO_SERVICES:
        unknown = set(service_env(name)) - READ_BY_SETTINGS - {"DJANGO_SETTINGS_MODULE"}
        assert unknown == set(), f"{name} sets variables no setting reads"


def test_every_required_variable_is_set_for_production():
    for name in DJANGO_SERVICES:
        env = service_env(name)
        assert set(env) >= REQUIRED_IN_PRODUCTION, name
        assert str(env["DEBUG"]).lower() == "false"


def test_env_example_lists_only_variables_the_settings_read():
    names = {
        line.split("=", 1)[0].lstrip("# ").strip()
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("##")
    }
    # Compose's own: it builds DATABASE_URL from POSTGRES_PASSWORD, the proxy's address from
    # SITE_ADDRESS.
    assert names - READ_BY_SETTINGS == {"POSTGRES_PASSWORD", "SITE_ADDRESS"}
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "DEFAULT_FROM_EMAIL"} <= names


def test_readme_documents_every_environment_variable():
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in READ_BY_SETTINGS if f"`{name}`" not in readme)
    assert missing == []
