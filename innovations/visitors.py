"""Visitors' interest in a public innovation: a funder, a ministry or a company without an
account says they would like to fund, pilot, adopt or collaborate.

Their email is confirmed first (a signed link). The first message from an address then waits
for a moderator (a queue on the moderation dashboard); once one was released, later ones go
straight to the team. The team answers on the site and the answer is relayed by email, so the
team sees the visitor's address only if the visitor chose to share it, and the visitor never
sees a team member's. The visitor answers from the page their link opens.

What a visitor wrote is deleted VISITOR_RETENTION_DAYS after its last message, and at once
once the link that confirms it has expired unused."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.models import Innovation, Interest, VisitorInterest, VisitorReply
from network.emails import send_email
from network.moderation import audit
from network.notifications import notify

SALT = "innovations.visitor-interest"
CONFIRM_WITHIN = timedelta(days=2)
# The team is told with the kind members' interest uses: one switch for both.
KIND = "innovation_interest"
State = VisitorInterest.State


def _check(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def interest_token(interest: VisitorInterest) -> str:
    return signing.dumps([interest.pk, _check(interest.email)], salt=SALT)


def interest_for_token(token: str) -> VisitorInterest | None:
    try:
        pk, check = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    interest = VisitorInterest.objects.select_related("innovation").filter(pk=pk).first()
    if interest is None or _check(interest.email) != check:
        return None
    return interest


def visitor_url(interest: VisitorInterest) -> str:
    """The visitor's own page (confirm, the conversation, answer), in their language."""
    with translation.override(interest.language):
        path = reverse(
            "innovations:visitor",
            kwargs={"slug": interest.innovation.slug, "token": interest_token(interest)},
        )
    return settings.SITE_URL + path


def _email_visitor(interest: VisitorInterest, template: str, **context) -> None:
    send_email(
        to=[interest.email],
        template=template,
        context={"interest": interest, "innovation": interest.innovation,
                 "url": visitor_url(interest), **context},
        language=interest.language,
    )  # fmt: skip


def visitor_interest_create(*, innovation: Innovation, language: str, **fields) -> VisitorInterest:
    """Record it (nobody is told yet) and send the visitor the link that confirms it."""
    if not innovation.is_public:
        raise ValidationError(_("This innovation is not public."))
    fields["email"] = fields["email"].strip().lower()
    interest = VisitorInterest.objects.create(innovation=innovation, language=language, **fields)
    _email_visitor(interest, "innovation_visitor_confirm", days=CONFIRM_WITHIN.days)
    return interest


@transaction.atomic
def visitor_interest_confirm(*, interest: VisitorInterest) -> VisitorInterest:
    """The email is the visitor's: held for a moderator the first time, straight to the team
    once a message from this address was released."""
    interest = VisitorInterest.objects.select_for_update().get(pk=interest.pk)
    if interest.state != State.UNCONFIRMED:
        return interest
    now = timezone.now()
    if interest.created_at < now - CONFIRM_WITHIN:
        raise ValidationError(_("This confirmation link has expired. Please write again."))
    interest.confirmed_at = now
    known = VisitorInterest.objects.filter(email=interest.email, state=State.SENT).exists()
    if known:
        interest.state, interest.decided_at = State.SENT, now
        interest.save(update_fields=["state", "confirmed_at", "decided_at"])
        _tell_team(interest)
    else:
        interest.state = State.HELD
        interest.save(update_fields=["state", "confirmed_at"])
    return interest


@transaction.atomic
def visitor_interest_decide(
    *, interest: VisitorInterest, moderator, release: bool
) -> VisitorInterest:
    """A moderator releases a held message to the team, or declines it (the visitor is told
    neither way: a declined message simply goes nowhere)."""
    interest = VisitorInterest.objects.select_for_update().get(pk=interest.pk)
    if interest.state != State.HELD:
        return interest
    interest.state = State.SENT if release else State.DECLINED
    interest.decided_at, interest.decided_by = timezone.now(), moderator
    interest.save(update_fields=["state", "decided_at", "decided_by"])
    audit(
        actor=moderator,
        action="visitor_interest_released" if release else "visitor_interest_declined",
        target=interest,
    )
    if release:
        _tell_team(interest)
    return interest


def _tell(members, interest: VisitorInterest, message, params: dict) -> None:
    url = interest.innovation.get_absolute_url() + "#interests"
    for member in members:
        if KIND in (member.profile.muted_kinds or []):
            continue
        notify(recipient=member, kind=KIND, message=message, params=params, url=url)


def _tell_team(interest: VisitorInterest) -> None:
    innovation = interest.innovation
    _tell(
        innovation.team_users(),
        interest,
        gettext_lazy("%(name)s, a visitor, is interested in “%(title)s”: %(purpose)s"),
        # The label stays lazy: each member reads it in their own language.
        {"name": interest.name, "title": innovation.title,
         "purpose": Interest.Purpose(interest.purpose).label},
    )  # fmt: skip


def visitor_reply_from_team(*, interest: VisitorInterest, author, body: str) -> VisitorReply:
    """A team member answers; the visitor gets it by email, without the member's address."""
    if not interest.innovation.has_on_team(author):
        raise PermissionDenied
    if interest.state != State.SENT:
        raise ValidationError(_("This message is not with the team."))
    reply = VisitorReply.objects.create(interest=interest, author=author, body=body)
    _email_visitor(interest, "innovation_visitor_reply", reply=reply)
    return reply


def visitor_reply_from_visitor(*, interest: VisitorInterest, body: str) -> VisitorReply:
    """The visitor answers from their page; the team is told on the site."""
    if interest.state != State.SENT:
        raise ValidationError(_("This message is not with the team."))
    reply = VisitorReply.objects.create(interest=interest, body=body)
    _tell(
        interest.innovation.team_users(),
        interest,
        gettext_lazy("%(name)s answered about “%(title)s”."),
        {"name": interest.name, "title": interest.innovation.title},
    )
    return reply


def visitors_forget(now=None) -> int:
    """Delete what is kept of visitors: unconfirmed messages once their link expired, and
    the others (with their conversation) VISITOR_RETENTION_DAYS after the last message in
    it. A later message from the same address is then held for a moderator again. Returns
    how many messages went."""
    now = now or timezone.now()
    kept_until = now - timedelta(days=settings.VISITOR_RETENTION_DAYS)
    recent_reply = VisitorReply.objects.filter(interest=OuterRef("pk"), created_at__gte=kept_until)
    done = VisitorInterest.objects.filter(
        Q(state=State.UNCONFIRMED, created_at__lt=now - CONFIRM_WITHIN)
        | (Q(created_at__lt=kept_until) & ~Exists(recent_reply))
    )
    _total, by_model = done.delete()
    return by_model.get(VisitorInterest._meta.label, 0)
