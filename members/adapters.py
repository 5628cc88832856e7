"""allauth, as this site needs it: display names instead of generated usernames, and emails
that name the site from the settings (never the host a request came on), link to SITE_URL,
and are plain text where they are text."""

import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from members.models import unique_username
from network.emails import render_text


def user_display(user) -> str:
    """How allauth names a person in pages and emails: the name they gave, never the handle
    made for their profile address (ACCOUNT_USER_DISPLAY)."""
    return user.display_name or user.email


def on_site(url: str) -> str:
    """``url`` at the site's own address (SITE_URL), whatever host the request came on."""
    parts = urlsplit(url)
    return settings.SITE_URL + parts.path + (f"?{parts.query}" if parts.query else "")


class AccountAdapter(DefaultAccountAdapter):
    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A password typed to sign in a moment ago (within ACCOUNT_REAUTHENTICATION_TIMEOUT)
        counts as typed again: staff sent to set up their second factor right after signing
        in are not asked for it twice. allauth itself counts only a reauthentication."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = getattr(context, "request", None)
        if request is None or not request.user.is_authenticated:
            return True
        signed_in_at = [
            record["at"]
            for record in get_authentication_records(request, request.user)
            if record.get("method") == "password"
        ]
        window = account_settings.REAUTHENTICATION_TIMEOUT
        return not (signed_in_at and time.time() - max(signed_in_at) < window)

    def save_user(self, request, user, form, commit=True):
        # The profile URL is made from the name people chose, never from their email address.
        user.display_name = form.cleaned_data.get("display_name", "")[:120]
        user.language = getattr(request, "LANGUAGE_CODE", "en") or "en"
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        user.username = unique_username(user.display_name or "member")

    def send_mail(self, template_prefix, email, context):
        """As allauth sends it, but the site is the one in the settings, never the host the
        request came on (``Hello from 127.0.0.1:8000!``)."""
        site = SimpleNamespace(
            name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc or "localhost"
        )
        context = {
            "email": email, "request": getattr(self, "request", None), **context,
            "current_site": site, "SITE_NAME": settings.SITE_NAME,
        }  # fmt: skip
        self.render_mail(template_prefix, email, context).send()

    def render_mail(self, template_prefix, email, context, headers=None):
        """Subject and text as text (nothing HTML-escaped); HTML, if a template has it, as
        allauth renders it."""
        subject = " ".join(render_text(f"{template_prefix}_subject.txt", context).split())
        body = render_text(f"{template_prefix}_message.txt", context).strip()
        message = EmailMultiAlternatives(
            self.format_email_subject(subject), body, self.get_from_email(),
            [email] if isinstance(email, str) else email, headers=headers,
        )  # fmt: skip
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            html = ""
        if html:
            message.attach_alternative(html, "text/html")
        return message

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return on_site(super().get_reset_password_from_key_url(key))
