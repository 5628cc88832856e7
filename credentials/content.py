"""What credentials bring to the pages and jobs that gather everything (network.content)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from credentials.insights import INSIGHTS, SERIES
from credentials.models import Credential
from network.content import ContentApp, Section


def my_credentials_section(request) -> dict | None:
    """A member's way to their credentials, without a query: the page lists them."""
    if not request.user.is_member:
        return None
    return {
        "title": gettext("My credentials"),
        "items": [
            {"title": gettext("My credentials"), "url": reverse("credentials:mine")},
            {"title": gettext("Check a credential"), "url": reverse("credentials:verify")},
        ],
    }


def personal_data(user) -> dict:
    return {
        "credentials": [
            {
                "achievement": credential.achievement.name,
                "for": credential.occasion_label,
                "issued_at": credential.issued_at.isoformat(),
                "state": credential.state(),
                "shown_on_profile": credential.shown_on_profile,
                "verification_page": credential.get_absolute_url(),
                "signed": credential.jwt,
            }
            for credential in Credential.objects.of(user).select_related("achievement")
        ]
    }


CONTENT = ContentApp(
    urls=("credentials/", "credentials.urls"),
    dashboard=[
        Section(
            "credentials:mine", "components/dashboard_links.html", my_credentials_section, order=60
        )
    ],
    notification_kinds={"credential_issued": _("Credentials issued to me")},
    personal_data=personal_data,
    insights=INSIGHTS,
    series=SERIES,
    # The insight figures count credentials; the achievements' texts count nothing.
    uncounted={"achievement": None, "achievementversion": None},
    demo="credentials.demo.seed",
    demo_order=60,
)
