"""The mentoring figures of the insight dashboard (network.insights)."""

from collections import Counter

from django.utils.translation import gettext_lazy as _

from mentoring.models import Match, MentoringRequest, Mentorship
from network.insights import Insight, Period, Series, Table, grouped, median, monthly, rate

SECTION = _("Mentoring")
Request = MentoringRequest.Status


def _requests(period: Period):
    """Requests sent in the period, by mentees of the region."""
    return period.filter(MentoringRequest.objects.all(), "created_at", "mentee__profile__region")


def requests(period: Period) -> Table:
    """How requests fared: answered, accepted, how fast the first answer came."""
    sent = list(_requests(period).values_list("status", "created_at", "responded_at"))
    answered = [(status, responded - created) for status, created, responded in sent if responded]
    accepted = sum(status == Request.ACCEPTED for status, _wait in answered)
    rows = [
        (_("Requests sent"), len(sent)),
        (_("Answered by the mentor"), len(answered)),
        (_("Accepted, % of those answered"), rate(accepted, len(answered))),
        (_("Expired without an answer"), sum(status == Request.EXPIRED for status, *_r in sent)),
        (
            _("Median time to an answer, in days"),
            median([wait.total_seconds() / 86400 for _status, wait in answered]),
        ),
    ]
    return Table([_("Mentoring requests"), _("Number")], rows)


def requests_per_month(period: Period) -> Table:
    return monthly("mentoring-requests", period, label=_("Requests"))


def mentorships(period: Period) -> Table:
    """Mentorships started in the period, by how they stand: a programme's or one member's
    request."""
    started = period.filter(Mentorship.objects.all(), "started_at", "mentee__profile__region")
    counts = Counter(
        (programme is not None, status)
        for programme, status in started.values_list("programme_id", "status")
    )
    rows = [
        (f"{label}: {status_label}", counts[(of_programme, status)])
        for label, of_programme in ((_("Through a programme"), True), (_("On request"), False))
        for status, status_label in Mentorship.Status.choices
    ]
    return Table([_("Mentorships"), _("Number")], [row for row in rows if row[1]])


def programme_matches(period: Period) -> Table:
    matches = period.filter(
        Match.objects.exclude(status=Match.Status.PROPOSED), "programme__matched_at",
        "mentee__profile__region",
    )  # fmt: skip
    return Table(
        [_("Programme offers"), _("Number")], grouped(matches, "status", dict(Match.Status.choices))
    )


SERIES = [
    Series(
        "mentoring-requests", MentoringRequest.objects.all, "created_at", "mentee__profile__region"
    )
]

INSIGHTS = [
    Insight(
        "mentoring-requests", SECTION, _("Mentoring requests"),
        _("Requests members sent to mentors in the period: how many were answered and "
          "accepted, and the median time to the mentor's answer."),
        requests, chart="", order=40,
    ),
    Insight(
        "mentoring-requests-per-month", SECTION, _("Mentoring requests per month"),
        _("Requests sent, by month. Counted each night."),
        requests_per_month, chart="columns", order=41,
    ),
    Insight(
        "mentorships", SECTION, _("Mentorships"),
        _("Mentorships that started in the period, by how they began and how they stand now "
          "(completed: both confirmed the end)."),
        mentorships, public=True, order=42,
    ),
    Insight(
        "programme-matches", SECTION, _("Programme offers"),
        _("Offers made by programmes whose matching ran in the period, by the answer of the "
          "mentor and mentee."),
        programme_matches, order=43,
    ),
]  # fmt: skip
