"""Settings for the Skills Innovation Network portal.

One module, read from the environment (see README "Configuration"). DEBUG is off unless
set: then start-up stops with a clear message without a strong SECRET_KEY and ALLOWED_HOSTS,
so a deployment that forgets a variable never runs with the development key. `make run`,
`make test` and the test suite set DEBUG=true, and with it the defaults that serve a laptop:
SQLite under var/, Celery eager, local-memory cache, console email, media under var/media.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from network.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)
SITE_NAME = env_str("SITE_NAME", "Skills Innovation Network")
# Absolute address used in emails, feeds and calendar files.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

_INSECURE_DEV_KEY = "django-insecure-dev-only-key-never-use-in-production"
SECRET_KEY = env_str("SECRET_KEY") or _INSECURE_DEV_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def _check_production_settings() -> None:
    """Refuse to run insecurely: a missing or weak key, or no allowed hosts, stops start-up."""
    problems = []
    if (
        SECRET_KEY == _INSECURE_DEV_KEY
        or SECRET_KEY.startswith("django-insecure")
        or len(SECRET_KEY) < 50
        or len(set(SECRET_KEY)) < 5
    ):
        problems.append(
            "SECRET_KEY is missing or weak: set it to a random string of 50 or more characters "
            '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
        )
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is empty: set it to the host names the site answers on.")
    if problems:
        raise ImproperlyConfigured("DEBUG is off and " + " ".join(problems))


if not DEBUG:
    _check_production_settings()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "taggit",
    "django_filters",
    "django_countries",
    # Staff's bulk import and export in the admin (network.imports).
    "import_export",
    "network",
    "members",
    "innovations",
    "mentoring",
    "events",
    "resources",
    "spaces",
    "credentials",
    # The top: it reads the others' declarations (network.content).
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise (static files are served precompressed and never reach it), before
    # anything that reads or changes the body. It pads each response with random bytes
    # against BREACH, and CSRF tokens are masked per request.
    "network.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside the headers above, which every page gets, kept or not; before anything that reads
    # the signed-in member, which a kept page has none of.
    "portal.middleware.VisitorPageCacheMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "members.middleware.StaffPowerMiddleware",
    "members.middleware.MemberTimezoneMiddleware",
    "members.middleware.LastActiveMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "network.wsgi.application"
ASGI_APPLICATION = "network.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "network.context_processors.site",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# Database: SQLite under var/ by default, PostgreSQL (psycopg 3) through DATABASE_URL.
if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Pages run short queries: PostgreSQL's JIT compiler, which starts on a high cost estimate,
# spends far longer compiling (0.2-0.5 s) than a count over 100,000 rows takes.
# DATABASE_JIT=true gives it back (reports, long analyses).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool(
    "DATABASE_JIT", False
):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: the email address is the login, and it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# People are named by the name they gave, never the handle made for their profile address.
ACCOUNT_USER_DISPLAY = "members.adapters.user_display"
# Confirming the address in the browser that signed up signs the person in (allauth keeps
# the pending sign-up in that session only; a link opened elsewhere still asks to sign in).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
# A member changes their address only through allauth's verified flow, and the old address
# is told (a takeover that changes it does not go unnoticed).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    # A training room signs up together from one address: forty an hour, then the 429 page
    # (members.views.too_many_requests) keeps what was typed.
    "signup": "40/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    # Registering for an event without an account (events.views.guests): per address and per
    # email, so that nobody floods an inbox with confirmation emails.
    "event_guest": "20/h/ip,3/h/key",
    # A visitor's interest in an innovation (innovations.visitors), the same way.
    "innovation_visitor": "10/h/ip,3/h/key",
}
# Behind a reverse proxy every request comes from the proxy's address: rate limits (ten failed
# sign-ins a minute per address) would then lock every client out together. Say how many
# proxies append to X-Forwarded-For (the compose stack's nginx: 1), or which header a trusted
# proxy sets to the client's address (e.g. X-Real-IP); README "Security model".
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None
# Second factors: an authenticator app's codes (TOTP) or a passkey / security key (WebAuthn,
# whose pages load allauth's own scripts, from static files); recovery codes back them up.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
# WebAuthn needs HTTPS, except on the development server's http://127.0.0.1.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Staff sessions end after this much inactivity (members.signals), members' after two weeks.
STAFF_SESSION_SECONDS = env_int("STAFF_SESSION_SECONDS", 12 * 3600)
MFA_TOTP_ISSUER = SITE_NAME

# Internationalisation: English without a prefix, French and Spanish under /fr/ and /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Static files: hashed and compressed by whitenoise outside DEBUG.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_STORAGE = env_choice("MEDIA_STORAGE", ("filesystem", "s3"), "filesystem")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if MEDIA_STORAGE == "s3":
    # S3-compatible object storage through django-storages; objects are private and
    # reached only through signed, short-lived URLs.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET_NAME"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "region_name": env_str("S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
    if not STORAGES["default"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET_NAME.")
# Behind a proxy that sends files itself (X-Accel-Redirect; the compose stack's Caddy): the
# internal URL prefix it maps to MEDIA_ROOT. Downloads are then checked and counted here and
# sent by the proxy, so no worker waits on a slow connection (network.files).
DOWNLOADS_X_ACCEL_REDIRECT = env_str("DOWNLOADS_X_ACCEL_REDIRECT")
# Largest document a member or moderator may upload to the resource library (bytes).
RESOURCE_MAX_UPLOAD_BYTES = env_int("RESOURCE_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
# Largest request body: uploads are checked again, per kind, by the forms.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Cache (and so rate limits): local memory by default, Redis at CACHE_URL (or REDIS_URL).
# Visitors' pages and searches are kept under keys anyone chooses (any query), so production
# keeps the cache in a Redis of its own that forgets its least used keys when full
# (docker-compose.yml), never in the one holding the jobs, which must not evict them.
REDIS_URL = env_str("REDIS_URL")
CACHE_URL = env_str("CACHE_URL") or REDIS_URL
if CACHE_URL:
    CACHES = {
        "default": {
            # Degrades (misses) instead of raising when Redis is away or full: pages serve.
            "BACKEND": "network.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            "KEY_PREFIX": "sin",
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
# Tasks are idempotent, so a task whose worker died is delivered again rather than lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # How long a task fetched by a worker that died stays invisible before it is delivered again.
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    # How often a worker sweeps for such tasks (kombu: seconds between sweeps, and every Nth).
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10),
}
# The one beat process's schedule (periodic tasks scan the database for due work).
CELERY_BEAT_SCHEDULE = {
    "daily-digest": {
        "task": "network.tasks.schedule_digests",
        "schedule": crontab(hour=6, minute=0),
        "kwargs": {"kind": "daily"},
    },
    "replay-pending-tasks": {  # what waited in the database while the broker was away
        "task": "network.tasks.replay_pending_tasks",
        "schedule": crontab(minute="*"),
        "options": {"expires": 50},
    },
    "event-reminders": {
        "task": "events.tasks.send_due_reminders",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 240},
    },
    "mentoring-requests": {  # hourly: expiry and the day-3 / day-7 reminders
        "task": "mentoring.tasks.scan_requests",
        "schedule": crontab(minute=15),
    },
    "mentoring-check-ins": {  # daily: a check-in after 14 days without a session
        "task": "mentoring.tasks.scan_mentorships",
        "schedule": crontab(hour=8, minute=30),
    },
    "insight-rollup": {  # nightly: the monthly series of the insight dashboard
        "task": "network.tasks.rollup_insights",
        "schedule": crontab(hour=2, minute=30),
    },
    "forget-guests": {  # guests' registrations after GUEST_RETENTION_DAYS
        "task": "events.tasks.forget_guests",
        "schedule": crontab(hour=3, minute=15),
    },
    "forget-visitors": {  # visitors' messages to teams after VISITOR_RETENTION_DAYS
        "task": "innovations.tasks.forget_visitors",
        "schedule": crontab(hour=3, minute=25),
    },
    "credentials-scan": {  # credentials whose condition became true without a save to hear
        "task": "credentials.tasks.scan",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 540},
    },
    "weekly-digest": {
        "task": "network.tasks.schedule_digests",
        "schedule": crontab(hour=7, minute=0, day_of_week=1),
        "kwargs": {"kind": "weekly"},
    },
}
DIGEST_BATCH_SIZE = env_int("DIGEST_BATCH_SIZE", 500)
REPORT_HIDE_THRESHOLD = env_int("REPORT_HIDE_THRESHOLD", 3)
# A team's edit of a published innovation waits for a moderator (innovations.proposals),
# except, when this is above 0, a small fix: text only, at most this many characters changed.
PUBLISHED_SMALL_FIX_CHARACTERS = env_int("PUBLISHED_SMALL_FIX_CHARACTERS", 0)
# How long a visitor's page stays in the shared cache at most (any write it may show forgets
# it at once: portal.middleware); 0 renders every page afresh.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Only reports from members approved at least this many days ago count towards hiding:
# accounts made for the purpose cannot hide anything at once.
REPORT_TRUSTED_AFTER_DAYS = env_int("REPORT_TRUSTED_AFTER_DAYS", 7)
# Guests' registrations (name, email, organisation, country) are deleted this many days after
# their event ends, or after they cancel.
GUEST_RETENTION_DAYS = env_int("GUEST_RETENTION_DAYS", 30)
if GUEST_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        f"GUEST_RETENTION_DAYS must be 1 or more, got {GUEST_RETENTION_DAYS}."
    )
# Visitors' messages to teams (name, organisation, email, the conversation) are deleted this
# many days after the last message in them.
VISITOR_RETENTION_DAYS = env_int("VISITOR_RETENTION_DAYS", 365)
if VISITOR_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        f"VISITOR_RETENTION_DAYS must be 1 or more, got {VISITOR_RETENTION_DAYS}."
    )
# How long the link of an invitation to join works (members.invitations); sending it again
# gives a new link for as long again.
INVITATION_DAYS = env_int("INVITATION_DAYS", 14)
if INVITATION_DAYS < 1:
    raise ImproperlyConfigured(f"INVITATION_DAYS must be 1 or more, got {INVITATION_DAYS}.")
# The file of an import waits between its dry run and its confirmation in the media storage
# (private, and shared by every web replica), not in one machine's temporary folder.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Open Badges credentials (credentials/keys.py): the network's Ed25519 private key, as PEM in
# the environment or in a file. Without either, DEBUG generates a throw-away key under
# VAR_DIR; production refuses to sign. Its key id defaults to the key's JWK thumbprint.
# Rotation: the JWKS the site published before (``/credentials/jwks.json``) saved to a file
# named here keeps the old public keys published, so old credentials still verify.
CREDENTIALS_SIGNING_KEY = env_str("CREDENTIALS_SIGNING_KEY")
CREDENTIALS_SIGNING_KEY_FILE = env_str("CREDENTIALS_SIGNING_KEY_FILE")
CREDENTIALS_KEY_ID = env_str("CREDENTIALS_KEY_ID")
CREDENTIALS_RETIRED_KEYS_FILE = env_str("CREDENTIALS_RETIRED_KEYS_FILE")
# Development (and the tests, which run on DEBUG's values) may make the throw-away key.
CREDENTIALS_THROWAWAY_KEY = DEBUG

# Email: console by default, SMTP when EMAIL_HOST is set (Django 6.1 mailers).
_email_host = env_str("EMAIL_HOST")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
elif env_str("EMAIL_FILE_PATH"):
    # Each email as a file in this folder: for inspecting what workers send.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH")},
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Security headers. Django's own CSP with nonces; no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
