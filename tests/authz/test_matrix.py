"""The authorisation matrix: every URL the project resolves, for every role, by GET and by
POST, against objects of every status and visibility (DESIGN §4). A URL nobody has classified
fails the test; so does any answer that differs from the matrix. Every HTML answer is also
checked for the security headers, and every POST for the CSRF check.

Columns, in order: visitor, applicant, member, owner (owner of the innovations, contributor of
the pending resource, host of the events, mentor of the pair), team (on each innovation's
team), pair (the mentee; invited to the private workshop; holder of the clinic booking),
moderator (staff in "Moderators", with two-factor), suspended (signed in before suspension).
One token stands for all eight. "login" is a redirect to a sign-in page; "302" any other
redirect.
"""

import collections
import copy
import re
import shutil

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.authz.cases import CASES, admin_model_urls
from tests.authz.world import DERIVED_ROLES, ROLES, build_world
from tests.database import module_transaction

pytestmark = pytest.mark.django_db

STAFF = "login login login login login login 200 login"
NOT_STAFF = "login login login login login login"

# fmt: off
EXPECTED = {
    ("healthz", ""): ("200", "405"),
    ("robots", ""): ("200", "405"),
    ("sitemap", ""): ("200", "200"),
    ("home", ""): ("200", "200"),
    ("notifications", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("notifications_read_all", ""): ("login 405 405 405 405 405 405 login", "login 302 302 302 302 302 302 login"),
    ("notification_read", "pair's"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 302 404 login"),
    ("report", "public innovation"): ("login 404 200 200 200 200 200 login", "login 404 200 200 200 200 200 login"),
    ("report", "draft innovation"): ("login 404 404 200 200 404 200 login", "login 404 404 200 200 404 200 login"),
    ("report", "pair's comment"): ("login 404 200 200 200 200 200 login", "login 404 200 200 200 200 200 login"),
    ("report", "private event"): ("login 404 404 200 404 200 200 login", "login 404 404 200 404 200 200 login"),
    ("search", ""): ("200", "200"),
    ("figures", ""): ("200", "405"),
    ("insights", ""): ("login 403 403 403 403 403 200 login", "405"),
    ("insights_export", "csv"): ("login 403 403 403 403 403 200 login", "405"),
    ("insights_export", "xlsx"): ("login 403 403 403 403 403 200 login", "405"),
    ("members:follow", ""): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 404 login"),
    ("unsubscribe", "pair's"): ("200", "200"),
    ("unsubscribe", "forged"): ("404", "404"),
    ("act", "owner's"): ("200 404 404 200 404 404 404 200", "200 404 404 200 404 404 404 200"),
    ("act", "forged"): ("404", "404"),
    ("act", "suspended's"): ("404", "404"),
    ("account_login", ""): ("200 302 302 302 302 302 302 200", "200 302 302 302 302 302 302 200"),
    ("account_logout", ""): ("302 200 200 200 200 200 200 302", "302"),
    ("account_inactive", ""): ("200", "405"),
    ("account_signup", ""): ("200 302 302 302 302 302 302 200", "200 302 302 302 302 302 302 200"),
    ("account_reauthenticate", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("account_email", ""): ("login 200 200 200 200 200 200 login", "login 302 302 302 302 302 302 login"),
    ("account_email_verification_sent", ""): ("200", "405"),
    ("account_change_password", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("account_set_password", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("account_reset_password", ""): ("200", "200"),
    ("account_confirm_login_code", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("account_confirm_email", "forged"): ("200", "404"),
    ("account_reset_password_from_key_done", ""): ("200", "405"),
    ("account_reset_password_from_key", "forged"): ("200", "200"),
    ("account_reset_password_done", ""): ("200", "405"),
    ("mfa_index", ""): ("login 200 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("mfa_authenticate", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_reauthenticate", ""): ("login 302 302 302 302 302 200 login", "login 302 302 302 302 302 200 login"),
    ("mfa_activate_totp", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_deactivate_totp", ""): ("login 404 404 404 404 404 302 login", "login 404 404 404 404 404 302 login"),
    ("mfa_view_recovery_codes", ""): ("login 404 404 404 404 404 404 login", "login 405 405 405 405 405 405 login"),
    ("mfa_generate_recovery_codes", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_download_recovery_codes", ""): ("login 404 404 404 404 404 404 login", "login 404 404 404 404 404 404 login"),
    ("mfa_list_webauthn", ""): ("login 200 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("mfa_add_webauthn", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_reauthenticate_webauthn", ""): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_remove_webauthn", "forged"): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("mfa_edit_webauthn", "forged"): ("login 302 302 302 302 302 302 login", "login 302 302 302 302 302 302 login"),
    ("usersessions_list", ""): ("login 200 200 200 200 200 200 login", "login 302 302 302 302 302 302 login"),
    ("members:directory", ""): ("200", "200"),
    ("members:dashboard", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("members:edit", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("members:export", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("members:delete", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("members:conversations", ""): ("login 200 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("members:conversation", "pair's to owner"): ("login 404 404 200 404 200 404 login", "login 405 405 405 405 405 405 login"),
    ("members:profile", "owner"): ("200", "200"),
    ("members:profile", "pair"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("members:profile", "suspended"): ("404 404 404 404 404 404 200 404", "404 404 404 404 404 404 200 404"),
    ("members:profile", "hidden-profile"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("members:avatar", "owner"): ("200", "200"),
    ("members:avatar", "pair"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("members:avatar", "suspended"): ("404 404 404 404 404 404 200 404", "404 404 404 404 404 404 200 404"),
    ("members:avatar", "hidden-profile"): ("404", "404"),
    ("members:message", "owner"): ("login 404 200 404 200 200 200 login", "login 404 200 404 200 200 200 login"),
    ("members:message", "pair"): ("login 404 200 200 200 404 200 login", "login 404 200 200 200 404 200 login"),
    ("members:message", "suspended"): ("login 404 404 404 404 404 200 login", "login 404 404 404 404 404 200 login"),
    ("members:message", "hidden-profile"): ("login 404 200 200 200 200 200 login", "login 404 200 200 200 200 200 login"),
    ("members:block", "owner"): ("login 405 405 405 405 405 405 login", "login 302 302 302 302 302 302 login"),
    ("members:block", "pair"): ("login 405 405 405 405 405 405 login", "login 404 302 302 302 302 302 login"),
    ("members:block", "suspended"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 302 login"),
    ("members:block", "hidden-profile"): ("login 405 405 405 405 405 405 login", "login 404 302 302 302 302 302 login"),
    ("members:organisations", ""): ("200", "200"),
    ("members:organisation", ""): ("200", "200"),
    ("members:organisation_logo", ""): ("200", "200"),
    ("innovations:showcase", ""): ("200", "200"),
    ("innovations:create", ""): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("innovations:mine", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("innovations:feed", ""): ("200", "200"),
    ("innovations:export_csv", ""): ("200", "200"),
    ("innovations:export_json", ""): ("200", "200"),
    ("innovations:tags", ""): ("200", "200"),
    ("innovations:detail", "public"): ("200", "200"),
    ("innovations:detail", "members"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("innovations:detail", "draft"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:detail", "rejected"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:detail", "archived"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:edit", "public"): ("login 403 403 200 200 403 200 login", "login 403 403 200 200 403 200 login"),
    ("innovations:edit", "members"): ("login 404 403 200 200 403 200 login", "login 404 403 200 200 403 200 login"),
    ("innovations:edit", "draft"): ("login 404 404 200 200 404 200 login", "login 404 404 200 200 404 200 login"),
    ("innovations:edit", "rejected"): ("login 404 404 403 403 404 200 login", "login 404 404 403 403 404 200 login"),
    ("innovations:edit", "archived"): ("login 404 404 403 403 404 200 login", "login 404 404 403 403 404 200 login"),
    ("innovations:submit", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 403 403 403 403 login"),
    ("innovations:submit", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 403 403 403 403 login"),
    ("innovations:submit", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 404 403 login"),
    ("innovations:submit", "rejected"): ("login 405 405 405 405 405 405 login", "login 404 404 403 403 404 403 login"),
    ("innovations:submit", "archived"): ("login 405 405 405 405 405 405 login", "login 404 404 403 403 404 403 login"),
    ("innovations:archive", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 403 302 login"),
    ("innovations:archive", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 302 403 403 302 login"),
    ("innovations:archive", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 403 403 404 403 login"),
    ("innovations:archive", "rejected"): ("login 405 405 405 405 405 405 login", "login 404 404 403 403 404 403 login"),
    ("innovations:archive", "archived"): ("login 405 405 405 405 405 405 login", "login 404 404 403 403 404 403 login"),
    ("innovations:team", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 403 302 login"),
    ("innovations:team", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 302 403 403 302 login"),
    ("innovations:team", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 302 403 404 302 login"),
    ("innovations:team", "rejected"): ("login 405 405 405 405 405 405 login", "login 404 404 302 403 404 302 login"),
    ("innovations:team", "archived"): ("login 405 405 405 405 405 405 login", "login 404 404 302 403 404 302 login"),
    ("innovations:cover", "public"): ("200", "200"),
    ("innovations:cover", "members"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("innovations:cover", "draft"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:cover", "rejected"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:cover", "archived"): ("404 404 404 200 200 404 200 404", "404 404 404 200 200 404 200 404"),
    ("innovations:embed", "public"): ("200", "200"),
    ("innovations:embed", "members"): ("404", "404"),
    ("innovations:embed", "draft"): ("404", "404"),
    ("innovations:embed", "rejected"): ("404", "404"),
    ("innovations:embed", "archived"): ("404", "404"),
    ("innovations:endorse", "public"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("innovations:endorse", "members"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("innovations:endorse", "draft"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:endorse", "rejected"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:endorse", "archived"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:follow", "public"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("innovations:follow", "members"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("innovations:follow", "draft"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:follow", "rejected"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:follow", "archived"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:comment", "public"): ("login 405 405 405 405 405 405 login", "login 403 200 200 200 200 200 login"),
    ("innovations:comment", "members"): ("login 405 405 405 405 405 405 login", "login 403 200 200 200 200 200 login"),
    ("innovations:comment", "draft"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:comment", "rejected"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:comment", "archived"): ("login 405 405 405 405 405 405 login", "login 403 404 403 403 404 403 login"),
    ("innovations:update", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 302 403 403 login"),
    ("innovations:update", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 302 302 403 403 login"),
    ("innovations:update", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 404 403 login"),
    ("innovations:update", "rejected"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 404 403 login"),
    ("innovations:update", "archived"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 404 403 login"),
    # Visitors without an account write to public innovations' teams; members use the above.
    ("innovations:visitor_interest", "public"): ("200 302 302 302 302 302 302 200", "200 302 302 302 302 302 302 200"),
    ("innovations:visitor_interest", "members"): ("404", "404"),
    ("innovations:visitor_interest", "draft"): ("404", "404"),
    ("innovations:visitor_interest", "rejected"): ("404", "404"),
    ("innovations:visitor_interest", "archived"): ("404", "404"),
    # The visitor's link is their key, whoever holds it; only the team answers.
    ("innovations:visitor", "visitor's"): ("200", "200"),
    ("innovations:visitor", "forged"): ("404", "404"),
    ("innovations:visitor_reply", "visitor's"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 404 404 login"),
    ("innovations:interest", "public"): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("innovations:interest", "members"): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("innovations:interest", "draft"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:interest", "rejected"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:interest", "archived"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:adoption", "public"): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("innovations:adoption", "members"): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("innovations:adoption", "draft"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:adoption", "rejected"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:adoption", "archived"): ("login 403 404 403 403 404 403 login", "login 403 404 403 403 404 403 login"),
    ("innovations:comment_edit", "pair's"): ("login 403 404 404 404 200 404 login", "login 403 404 404 404 200 404 login"),
    ("innovations:adoption_confirm", "pair's"): ("login 405 405 405 405 405 405 login", "login 403 403 302 302 403 403 login"),
    ("resources:library", ""): ("200", "200"),
    ("resources:contribute", ""): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("resources:mine", ""): ("login 200 200 200 200 200 200 login", "login 200 200 200 200 200 200 login"),
    ("resources:collections", ""): ("200", "200"),
    ("resources:collection", "published"): ("200", "200"),
    ("resources:collection", "draft"): ("404 404 404 404 404 404 200 404", "404 404 404 404 404 404 200 404"),
    # Owner curates (the group "Collection curators"): their draft, their tools; moderators keep every one.
    ("resources:collection", "curated"): ("404 404 404 200 404 404 200 404", "404 404 404 200 404 404 200 404"),
    ("resources:collection_new", ""): ("login 403 403 200 403 403 200 login", "login 403 403 200 403 403 200 login"),
    ("resources:collection_edit", "published"): ("login 404 404 404 404 404 200 login", "login 404 404 404 404 404 200 login"),
    ("resources:collection_edit", "curated"): ("login 404 404 200 404 404 200 login", "login 404 404 200 404 404 200 login"),
    ("resources:collection_item_add", "curated"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 404 302 login"),
    ("resources:collection_item", "curated"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 404 302 login"),
    # For partners: the same for everyone, public items of published collections only.
    ("resources:collection_embed", "published"): ("200", "405"),
    ("resources:collection_embed", "draft"): ("404", "405"),
    ("resources:collection_export", "published"): ("200", "405"),
    ("resources:collection_export", "draft"): ("404", "405"),
    ("resources:collection_export", "published brief"): ("200", "405"),
    # Even its curator gets no brief of a draft: what leaves the site is published.
    ("resources:collection_export", "draft brief"): ("404", "405"),
    ("resources:detail", "public"): ("200", "200"),
    ("resources:detail", "members"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("resources:detail", "pending"): ("404 404 404 200 404 404 200 404", "404 404 404 200 404 404 200 404"),
    ("resources:download", "public"): ("200", "405"),
    ("resources:download", "members"): ("404 404 200 200 200 200 200 404", "405"),
    ("resources:download", "pending"): ("404 404 404 200 404 404 200 404", "405"),
    ("resources:useful", "public"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("resources:useful", "members"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("resources:useful", "pending"): ("login 405 405 405 405 405 405 login", "login 403 404 403 404 404 403 login"),
    ("events:listing", ""): ("200", "200"),
    ("events:my_calendar", ""): ("login 404 200 200 200 200 200 login", "login 404 200 200 200 200 200 login"),
    ("events:calendar_revoke", ""): ("login 405 405 405 405 405 405 login", "login 404 302 302 302 302 302 login"),
    ("events:feed", "pair's"): ("200", "200"),
    ("events:feed", "forged"): ("404", "404"),
    ("events:feed", "suspended's"): ("404", "404"),
    ("events:detail", "public"): ("200", "200"),
    ("events:detail", "members"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("events:detail", "private"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 200 404"),
    ("events:detail", "draft"): ("404 404 404 200 404 404 200 404", "404 404 404 200 404 404 200 404"),
    ("events:calendar", "public"): ("200", "200"),
    ("events:calendar", "members"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("events:calendar", "private"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 200 404"),
    ("events:calendar", "draft"): ("404 404 404 200 404 404 200 404", "404 404 404 200 404 404 200 404"),
    # Guests: the public event takes them; signed in, one registers on the event's page.
    ("events:guest_register", "public"): ("200 302 302 302 302 302 302 200", "200 302 302 302 302 302 302 200"),
    ("events:guest_register", "members"): ("404", "404"),
    ("events:guest_register", "private"): ("404", "404"),
    ("events:guest_register", "draft"): ("404", "404"),
    # The guest's link is their key, whoever holds it (nothing in it but their registration).
    ("events:guest", "guest's"): ("200", "302"),
    ("events:guest", "forged"): ("404", "404"),
    ("events:guest_calendar", "guest's"): ("200", "405"),
    ("events:guest_calendar", "forged"): ("404", "405"),
    ("events:register", "public"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("events:register", "members"): ("login 405 405 405 405 405 405 login", "login 404 302 302 302 302 302 login"),
    ("events:register", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 302 403 login"),
    ("events:register", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 404 302 login"),
    ("events:cancel", "public"): ("login 405 405 405 405 405 405 login", "login 302 302 302 302 302 302 login"),
    ("events:cancel", "members"): ("login 405 405 405 405 405 405 login", "login 404 302 302 302 302 302 login"),
    ("events:cancel", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 302 302 login"),
    ("events:cancel", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 404 302 login"),
    ("events:reminders", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 403 403 403 403 login"),
    ("events:reminders", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 403 403 403 403 login"),
    ("events:reminders", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 403 403 login"),
    ("events:reminders", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 404 403 login"),
    ("events:invitation", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 403 403 403 403 login"),
    ("events:invitation", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 403 403 403 403 login"),
    ("events:invitation", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 302 403 login"),
    ("events:invitation", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 404 403 login"),
    ("events:feedback", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 403 403 403 403 login"),
    ("events:feedback", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 403 403 403 403 login"),
    ("events:feedback", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 403 403 login"),
    ("events:feedback", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 404 403 login"),
    ("events:invite", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 200 403 403 200 login"),
    ("events:invite", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 200 403 403 200 login"),
    ("events:invite", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 200 404 403 200 login"),
    ("events:invite", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 200 404 404 200 login"),
    ("events:attendance", "public"): ("login 403 403 200 403 403 200 login", "login 403 403 200 403 403 200 login"),
    ("events:attendance", "members"): ("login 404 403 200 403 403 200 login", "login 404 403 200 403 403 200 login"),
    ("events:attendance", "private"): ("login 404 404 200 404 403 200 login", "login 404 404 200 404 403 200 login"),
    ("events:attendance", "draft"): ("login 404 404 200 404 404 200 login", "login 404 404 200 404 404 200 login"),
    ("events:slot_create", "public"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 404 login"),
    ("events:slot_create", "members"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 404 login"),
    ("events:slot_create", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 404 login"),
    ("events:slot_create", "draft"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 404 404 login"),
    ("events:slot_create", "clinic"): ("login 405 405 405 405 405 405 login", "login 403 403 200 403 403 200 login"),
    ("events:slot_delete", "open"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 403 302 login"),
    ("events:book", "open"): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("events:booking", "pair's"): ("login 404 404 200 200 200 200 login", "login 404 404 403 403 403 403 login"),
    ("events:booking_cancel", "pair's"): ("login 405 405 405 405 405 405 login", "login 404 404 302 403 302 302 login"),
    ("mentoring:home", ""): ("200", "200"),
    ("mentoring:mentors", ""): ("200", "200"),
    ("mentoring:ask", "owner"): ("login 403 200 403 200 200 200 login", "login 403 200 403 200 200 200 login"),
    ("mentoring:mentor_edit", ""): ("login 403 200 200 200 200 200 login", "login 403 200 200 200 200 200 login"),
    ("mentoring:request", "pending"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 200 404"),
    ("mentoring:request_respond", "pending"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 403 403 login"),
    ("mentoring:request_withdraw", "pending"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 302 403 login"),
    ("mentoring:request_forward", "pending"): ("login 405 405 405 405 405 405 login", "login 404 404 403 404 404 403 login"),
    ("mentoring:mentorship", "active"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 200 404"),
    ("mentoring:goal_add", "active"): ("405", "404 404 404 200 404 200 200 404"),
    ("mentoring:session_add", "active"): ("405", "404 404 404 200 404 200 200 404"),
    ("mentoring:end_date", "active"): ("405", "404 404 404 200 404 200 200 404"),
    ("mentoring:complete", "active"): ("405", "404 404 404 302 404 302 403 404"),
    ("mentoring:end", "active"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 200 404"),
    ("mentoring:feedback", "active"): ("404 404 404 200 404 200 302 404", "404 404 404 200 404 200 302 404"),
    ("mentoring:goal_toggle", "active"): ("405", "404 404 404 302 404 302 403 404"),
    ("mentoring:programme", "open"): ("404 404 200 200 200 200 200 404", "404 404 200 200 200 200 200 404"),
    ("mentoring:programme_withdraw", "open"): ("405", "404 404 302 302 302 302 302 404"),
    ("mentoring:match", "offered"): ("404 404 404 200 404 200 200 404", "404 404 404 302 404 302 302 404"),
    ("credentials:mine", ""): ("login 404 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("credentials:verify", ""): ("200", "200"),
    ("credentials:issuer", ""): ("200", "405"),
    ("credentials:jwks", ""): ("200", "405"),
    ("credentials:status_list", "revocation"): ("200", "405"),
    ("credentials:status_list", "unknown"): ("404", "405"),
    ("credentials:achievement", ""): ("200", "405"),
    ("credentials:achievement_image", "none"): ("404", "405"),
    # Public by its unguessable id (DESIGN §4); only its holder (pair) decides what shows.
    ("credentials:detail", "pair's"): ("200", "405"),
    ("credentials:download", "pair's"): ("200", "405"),
    ("credentials:document", "pair's"): ("200", "405"),
    ("credentials:pdf", "pair's"): ("200", "405"),
    ("credentials:show", "pair's"): ("login 405 405 405 405 405 405 login", "login 404 404 404 404 302 404 login"),
    # Spaces: owner moderates each, pair is in each and wrote its thread, file and proposal;
    # team asked to join the members' space and is invited to the private one.
    ("spaces:list", ""): ("200", "405"),
    ("spaces:space", "public"): ("200", "405"),
    ("spaces:space", "members"): ("404 404 200 200 200 200 200 404", "405"),
    ("spaces:space", "private"): ("404 404 404 200 200 200 200 404", "405"),
    ("spaces:members", "public"): ("login 403 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("spaces:members", "members"): ("login 404 200 200 200 200 200 login", "login 405 405 405 405 405 405 login"),
    ("spaces:members", "private"): ("login 404 404 200 403 200 200 login", "login 405 405 405 405 405 405 login"),
    ("spaces:files", "public"): ("200", "403 403 403 200 403 200 403 403"),
    ("spaces:files", "members"): ("404 404 200 200 200 200 200 404", "404 404 403 200 403 200 403 404"),
    ("spaces:files", "private"): ("404 404 404 200 404 200 200 404", "404 404 404 200 404 200 403 404"),
    ("spaces:join", "public"): ("login 405 405 405 405 405 405 login", "login 403 302 302 302 302 302 login"),
    ("spaces:join", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 302 403 login"),
    ("spaces:leave", "public"): ("login 405 405 405 405 405 405 login", "login 302 302 302 302 302 302 login"),
    ("spaces:leave", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 302 302 302 login"),
    ("spaces:following", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 302 403 login"),
    ("spaces:following", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 403 302 403 login"),
    ("spaces:manage", "public"): ("login 403 403 200 403 403 200 login", "login 403 403 200 403 403 200 login"),
    ("spaces:manage", "private"): ("login 404 404 200 403 403 200 login", "login 404 404 200 403 403 200 login"),
    ("spaces:thread_new", "public"): ("login 403 403 200 403 200 403 login", "login 403 403 200 403 200 403 login"),
    ("spaces:thread_new", "private"): ("login 404 404 200 404 200 403 login", "login 404 404 200 404 200 403 login"),
    ("spaces:link_innovation", "public"): ("login 403 403 200 403 200 403 login", "login 403 403 200 403 200 403 login"),
    ("spaces:link_innovation", "private"): ("login 404 404 200 404 200 403 login", "login 404 404 200 404 200 403 login"),
    ("spaces:propose", "public"): ("login 403 403 200 403 200 403 login", "login 403 403 200 403 200 403 login"),
    ("spaces:propose", "private"): ("login 404 404 200 404 200 403 login", "login 404 404 200 404 200 403 login"),
    ("spaces:thread", "public"): ("200", "405"),
    ("spaces:thread", "members"): ("404 404 200 200 200 200 200 404", "405"),
    ("spaces:thread", "private"): ("404 404 404 200 404 200 200 404", "405"),
    ("spaces:reply", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 200 403 200 403 login"),
    ("spaces:reply", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 200 404 200 403 login"),
    ("spaces:thread_edit", "public"): ("login 403 403 403 403 200 403 login", "login 403 403 403 403 200 403 login"),
    ("spaces:thread_edit", "private"): ("login 404 404 403 404 200 403 login", "login 404 404 403 404 200 403 login"),
    ("spaces:thread_moderate", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 403 302 login"),
    ("spaces:thread_moderate", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 403 302 login"),
    ("spaces:answer", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 302 302 login"),
    ("spaces:answer", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 302 302 login"),
    ("spaces:history", "public"): ("login 403 403 200 403 403 200 login", "login 405 405 405 405 405 405 login"),
    ("spaces:history", "private"): ("login 404 404 200 404 403 200 login", "login 405 405 405 405 405 405 login"),
    ("spaces:reply_edit", "public"): ("login 403 403 200 403 403 403 login", "login 403 403 200 403 403 403 login"),
    ("spaces:reply_edit", "private"): ("login 404 404 200 404 403 403 login", "login 404 404 200 404 403 403 login"),
    ("spaces:file", "public"): ("200", "405"),
    ("spaces:file", "members"): ("404 404 200 200 200 200 200 404", "405"),
    ("spaces:file", "private"): ("404 404 404 200 404 200 200 404", "405"),
    ("spaces:file_remove", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 302 302 login"),
    ("spaces:file_remove", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 302 302 login"),
    ("spaces:proposal_decide", "public"): ("login 405 405 405 405 405 405 login", "login 403 403 302 403 403 302 login"),
    ("spaces:proposal_decide", "private"): ("login 405 405 405 405 405 405 login", "login 404 404 302 404 403 302 login"),
    ("spaces:request_decide", "members"): ("login 405 405 405 405 405 405 login", "login 404 403 302 403 403 302 login"),
    ("spaces:invitation", "team's"): ("login 404 404 404 200 404 404 login", "login 404 404 404 302 404 404 login"),
    ("spaces:invitation", "forged"): ("login 404 404 404 404 404 404 login", "login 404 404 404 404 404 404 login"),
    ("report", "private thread"): ("login 404 404 200 404 200 200 login", "login 404 404 200 404 200 200 login"),
    ("report", "public reply"): ("login 404 200 200 200 200 200 login", "login 404 200 200 200 200 200 login"),
    ("admin:index", ""): (STAFF, STAFF),
    ("admin:login", ""): ("login 403 403 403 403 403 302 login", "login 403 403 403 403 403 200 login"),
    ("admin:logout", ""): ("302 302 302 302 302 302 405 302", "302 302 302 302 302 302 200 302"),
    ("admin:password_change", ""): (STAFF, STAFF),
    ("admin:password_change_done", ""): (STAFF, "login login login login login login 405 login"),
    ("admin:autocomplete", ""): ("login login login login login login 403 login", "login login login login login login 405 login"),
    ("admin:jsi18n", ""): (STAFF, "login login login login login login 405 login"),
    ("admin:app_list", "members"): (STAFF, STAFF),
    ("admin:moderation", ""): (STAFF, STAFF),
    ("admin:view_on_site", "public innovation"): ("login login login login login login 302 login", "login login login login login login 302 login"),
    ("admin:mentoring_programme_matching", "open"): (STAFF, NOT_STAFF + " 403 login"),
    ("admin:auth_user_password_change", "member"): (NOT_STAFF + " 403 login", NOT_STAFF + " 403 login"),
    ("admin:taggit_tag_merge_tags", ""): (NOT_STAFF + " 403 login", NOT_STAFF + " 403 login"),
}
# fmt: on

# What the Moderators group may do with each model in the admin (the roles migrations of
# network, members, innovations, mentoring, events and resources). Superusers alone have the rest.
MODERATOR_ADMIN = {
    "members.user": "view change",
    "members.organisation": "view add change",
    "members.invitation": "view add change",
    "members.message": "view",
    "members.block": "view",
    "innovations.innovation": "view change",
    "innovations.revision": "view change",
    "innovations.comment": "view change delete",
    "innovations.update": "view change delete",
    "innovations.adoption": "view change",
    "innovations.interest": "view",
    "innovations.visitorinterest": "view change",
    "innovations.visitorreply": "view",
    "network.report": "view change",
    "network.auditentry": "view",
    "mentoring.mentorprofile": "view",
    "mentoring.mentoringrequest": "view",
    "mentoring.mentorship": "view",
    "mentoring.programme": "view",
    "mentoring.match": "view",
    "mentoring.reminder": "view",
    "events.event": "view",
    "events.registration": "view",
    "events.booking": "view",
    "events.clinicslot": "view",
    "events.feedback": "view",
    "events.reminder": "view",
    "events.calendartoken": "view",
    "resources.resource": "view add change",
    "resources.collection": "view add change delete",
    "resources.usefulmark": "view delete",
    # Achievements are defined by moderators; credentials issued by hand (add) and decided on
    # through actions (credentials.decide_credential), never edited or deleted.
    "spaces.space": "view add change",
    "spaces.membership": "view add change delete",
    "spaces.thread": "view change",
    "spaces.reply": "view change",
    "spaces.revision": "view",
    "spaces.sharedfile": "view delete",
    "spaces.sharedinnovation": "view delete",
    "spaces.sessionproposal": "view",
    "credentials.achievement": "view add change",
    "credentials.credential": "view add",
    # nothing on: groups, email addresses, authenticators, sessions, tags, notifications,
    # deliveries, followed topics
}


def expand(row: str, name: str = "") -> dict:
    """The expected answer of each role, the derived roles included (an admin URL sends staff
    without a second factor to set one up)."""
    tokens = row.split()
    if len(tokens) == 1:
        tokens *= len(ROLES)
    assert len(tokens) == len(ROLES), row
    expected = dict(zip(ROLES, tokens, strict=True))
    for role, like in DERIVED_ROLES.items():
        expected[role] = "2fa" if name.startswith("admin:") else expected[like]
    return expected


def answer(response) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if re.match(r"(/fr|/es)?/(accounts|admin)/login/", location):
            return "login"
        if re.match(r"(/fr|/es)?/accounts/2fa/(totp/activate|reauthenticate)/", location):
            return "2fa"
        return "302"
    return str(response.status_code)


def security_header_problems(url, response) -> list[str]:
    """What an HTML answer lacks of the headers DESIGN §7 promises."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    problems = []
    csp = response.get("Content-Security-Policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    if directives.get("default-src") != ["'self'"]:
        problems.append("default-src")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append("unsafe-inline/eval")
    if directives.get("script-src", [None])[0] != "'self'":
        problems.append("script-src")
    if directives.get("object-src") != ["'none'"] or directives.get("base-uri") != ["'none'"]:
        problems.append("object-src/base-uri")
    # The cards partners frame on their sites: an innovation's and a collection's.
    embeddable = re.fullmatch(r"/(innovations|resources/collections)/[^/]+/embed/", url)
    if not embeddable and directives.get("frame-ancestors") != ["'none'"]:
        problems.append("frame-ancestors")
    if not embeddable and response.get("X-Frame-Options") != "DENY":
        problems.append("X-Frame-Options")
    for nonce in re.findall(rb'<script[^>]*\snonce="([^"]+)"', response.content):
        if f"'nonce-{nonce.decode()}'" not in directives.get("script-src", []):
            problems.append("script nonce not in the policy")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("Referrer-Policy")
    return [f"{url}: {problem}" for problem in problems]


def markup_problems(url, response) -> list[str]:
    """Ids an HTML page repeats, and labels that point at no field: a screen reader then
    reads the wrong field's label, or none, and a click on the label goes nowhere."""
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return []
    html = response.content.decode()
    ids = collections.Counter(re.findall(r'\sid="([^"]+)"', html))
    problems = [f"id {name!r} {count} times" for name, count in ids.items() if count > 1]
    problems += [
        f"label for missing {target!r}"
        for target in re.findall(r'<label[^>]*\sfor="([^"]+)"', html)
        if target not in ids
    ]
    return [f"{url}: {problem}" for problem in problems]


def as_role(client, world, role):
    client.logout()
    if world.people[role] is not None:
        client.force_login(world.people[role])


def request(client, world, role, method, url):
    """One request as ``role`` whose writes are rolled back, so each starts from the same
    world. The client signs in once per role; its cookies are put back after each request,
    as the session is (some answers sign out or start a new session)."""
    cache.clear()  # rate limits must not decide the answer
    if getattr(client, "role", None) != role:
        as_role(client, world, role)
        client.role = role
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


# --- every URL is classified ----------------------------------------------------------------
def resolved_patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from resolved_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern


def admin_model_pattern(name: str) -> bool:
    """A model admin's own page, which admin_model_urls walks for every registered model."""
    return any(
        name == f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}"
        for model in admin.site._registry
        for action in (
            "changelist", "add", "history", "delete", "change", "decide", "review_queue", "review",
            "import", "process_import", "export",
        )
    )  # fmt: skip


def test_every_url_pattern_is_classified():
    walked = {name for name, _variant, _kwargs in CASES}
    unclassified = []
    for namespace, pattern in resolved_patterns():
        if pattern.name is None:
            # The admin's catch-all and its bare object URLs only redirect to the pages above.
            if namespace == "admin:":
                continue
            unclassified.append(str(pattern.pattern))
            continue
        name = namespace + pattern.name
        if name not in walked and not admin_model_pattern(name):
            unclassified.append(name)
    assert unclassified == []
    assert {(name, variant) for name, variant, _kwargs in CASES} == set(EXPECTED)


def test_the_matrix_keeps_the_visibility_rules():
    """The rules of DESIGN §4, read off the matrix itself, so it cannot drift from them."""
    success = {"200", "302"}
    for (name, variant), (get, post) in EXPECTED.items():
        for method, row in (("GET", get), ("POST", post)):
            who = expand(row)
            # A suspended member is signed out: whatever they ask, they are a visitor.
            assert who["suspended"] == who["visitor"], (name, variant, method)
            # Members-only objects are nothing to visitors and applicants.
            if variant == "members":
                assert who["visitor"] not in success and who["applicant"] not in success, (
                    name, variant, method)  # fmt: skip
            # Drafts, private and pending objects are nothing to other members.
            if variant in ("draft", "rejected", "archived", "private", "pending"):
                assert who["member"] not in success, (name, variant, method)
            # Nobody but staff reaches the admin.
            if name.startswith("admin:") and name != "admin:logout":
                assert all(who[role] in ("login", "403") for role in ROLES if role != "moderator")


# --- the matrix ------------------------------------------------------------------------------
def case_urls(world):
    """Every case's URL, in English (a request may leave another language active)."""
    with translation.override("en"):
        return [
            (name, variant, reverse(name, kwargs=kwargs(world))) for name, variant, kwargs in CASES
        ]


@pytest.fixture(scope="module")
def _world(django_db_blocker, tmp_path_factory):
    """The world, built once for the module (tests.database.module_transaction)."""
    media = tmp_path_factory.mktemp("world-media")
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
            world = build_world()
        yield world, media


@pytest.fixture
def world(_world, db, settings):
    """The world as built: what a test's requests change is undone after it (files too)."""
    world, media = _world
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return world


@pytest.mark.parametrize("role", ROLES + tuple(DERIVED_ROLES))
def test_every_url_answers_each_role_as_the_matrix_says(client, world, role):
    wrong, headers, markup = [], [], []
    for name, variant, url in case_urls(world):
        expected_get, expected_post = EXPECTED[(name, variant)]
        for method, row in (("get", expected_get), ("post", expected_post)):
            response = request(client, world, role, method, url)
            got, expected = answer(response), expand(row, name)[role]
            if got != expected:
                wrong.append(
                    f"{method.upper()} {name} [{variant}] {url}: {got}, expected {expected}"
                )
            headers += security_header_problems(url, response)
            markup += markup_problems(url, response)
    assert wrong == []
    assert headers == []
    assert sorted(set(markup)) == []


def admin_expectation(role, label, action, method) -> str:
    if role in DERIVED_ROLES:
        return "2fa"
    if role != "moderator":
        return "login"
    allowed = set(MODERATOR_ADMIN.get(label, "").split())
    if action in ("review_queue", "review"):
        # Review pages are read: those who may view see them; a POST goes to a decision.
        if method == "post":
            return "405"
        return "200" if allowed & {"view", "change"} else "403"
    if action == "decide":
        # Seeing the decision's URL leads to the object; a decision no admin offers is refused.
        if method == "post":
            return "403"
        return "302" if allowed & {"view", "change"} else "403"
    if action in ("import", "process_import"):
        # An import adds and changes: both are needed. Its confirmation is a POST only; an
        # empty one re-shows the page, as an empty import form does.
        if action == "process_import" and method == "get":
            return "405"
        return "200" if {"add", "change"} <= allowed else "403"
    needed = {
        "export": {"view", "change"},
        "changelist": {"view", "change"},
        "history": {"view", "change"},
        "change": {"view", "change"} if method == "get" else {"change"},
        "add": {"add"},
        "delete": {"delete"},
    }[action]
    return "200" if allowed & needed else "403"


# Owner, team and pair are members like any other to the admin: their relations to objects
# give them nothing there.
@pytest.mark.parametrize(
    "role", ["visitor", "applicant", "member", "moderator", "suspended", *DERIVED_ROLES]
)
def test_every_admin_page_answers_each_role(client, world, role):
    wrong, headers = [], []
    with translation.override("en"):
        urls = admin_model_urls(world)
    for label, action, url in urls:
        for method in ("get", "post"):
            response = request(client, world, role, method, url)
            got, expected = answer(response), admin_expectation(role, label, action, method)
            if got != expected:
                wrong.append(f"{method.upper()} {url}: {got}, expected {expected}")
            headers += security_header_problems(url, response)
    assert wrong == []
    assert headers == []


def test_every_post_needs_the_csrf_token(world):
    """With CSRF enforced as a browser meets it, a POST without the token is refused
    everywhere, except the one-click unsubscribe that mail clients send (RFC 8058)."""
    client = Client(enforce_csrf_checks=True)
    accepted = []
    for name, variant, url in case_urls(world):
        response = request(client, world, "member", "post", url)
        if response.status_code != 403 and name != "unsubscribe":
            accepted.append(f"{name} [{variant}]: {response.status_code}")
    assert accepted == []
