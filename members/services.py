"""Writes with side effects for members: applications, decisions, messages, blocks, accounts."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members import contact
from members.models import Affiliation, Block, Message, Organisation, Profile, SpokenLanguage, User
from network import content
from network.emails import send_email
from network.moderation import audit, moderator_emails
from network.notifications import notify_by_email
from network.zones import first_zone


@transaction.atomic
def application_submit(
    *,
    user: User,
    organisation: Organisation | None,
    new_organisation_name: str,
    organisation_type: str,
    role: str,
    country: str,
    motivation: str,
    tell_moderators: bool = True,
) -> Profile:
    """Record a new applicant's application and tell the moderators (unless the applicant
    was invited: then the invitation approves them, members.invitations)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.country = country
    profile.motivation = motivation
    profile.save()
    # A guess the member sees on their page and may change: their country's first zone.
    zone = first_zone(country)
    if zone and user.timezone == "UTC":
        user.timezone = zone
        user.save(update_fields=["timezone"])
    if organisation is None and new_organisation_name:
        organisation = Organisation.objects.filter(name__iexact=new_organisation_name).first()
        if organisation is None:
            # Seen by nobody but its applicant and staff until a moderator approves them.
            organisation = Organisation.objects.create(
                name=new_organisation_name,
                type=organisation_type or "other",
                country=country,
                pending=True,
            )
    if organisation is not None:
        Affiliation.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
    if tell_moderators:
        application_tell_moderators(user=user, profile=profile)
    return profile


def application_tell_moderators(*, user: User, profile: Profile) -> None:
    """Email the moderators that ``user``'s application waits for them."""
    admin_url = settings.SITE_URL + reverse("admin:members_user_review", args=[user.pk])
    for email in moderator_emails():
        send_email(
            to=[email],
            template="new_application",
            context={"applicant": user, "profile": profile, "admin_url": admin_url},
            language=settings.LANGUAGE_CODE,
        )


@transaction.atomic
def application_approve(*, user: User, moderator: User) -> None:
    _decide(user=user, moderator=moderator, status=User.Status.APPROVED, reason="")


@transaction.atomic
def application_decline(*, user: User, moderator: User, reason: str) -> None:
    if not reason.strip():
        raise ValidationError(_("Give the applicant a reason."))
    _decide(user=user, moderator=moderator, status=User.Status.DECLINED, reason=reason)


def _decide(*, user, moderator, status, reason):
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.status == status:
        return
    audit(
        actor=moderator,
        action="application_approved" if status == User.Status.APPROVED else "application_declined",
        target=user,
        reason=reason,
        before={"status": user.status},
        after={"status": status},
    )
    user.status = status
    user.save(update_fields=["status"])
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.decided_at = timezone.now()
    profile.decided_by = moderator
    profile.decision_reason = reason
    profile.save(update_fields=["decided_at", "decided_by", "decision_reason"])
    approved = status == User.Status.APPROVED
    if approved:
        # The organisations the new member named at sign-up are seen from now on.
        for organisation in Organisation.objects.filter(pending=True, affiliations__user=user):
            organisation.pending = False
            organisation.save(update_fields=["pending"])
            audit(actor=moderator, action="organisation_approved", target=organisation)
    notify_by_email(
        user,
        kind="application_decided",
        message=gettext_lazy("Your membership application was approved.")
        if approved
        else gettext_lazy("Your membership application was declined."),
        url=reverse("members:dashboard"),
        template="application_approved" if approved else "application_declined",
        context={"member": user, "reason": reason},
    )


@transaction.atomic
def application_ask(*, user: User, moderator: User, question: str) -> None:
    """Ask an applicant for more information: they are emailed the question and answer it on
    their account page; the application stays in the queue."""
    question = question.strip()
    if not question:
        raise ValidationError(_("Write the question for the applicant."))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.status != User.Status.APPLICANT:
        return
    audit(actor=moderator, action="application_question", target=user, reason=question)
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.question = question
    profile.question_asked_at = timezone.now()
    profile.answer = ""
    profile.answered_at = None
    profile.save(update_fields=["question", "question_asked_at", "answer", "answered_at"])
    notify_by_email(
        user,
        kind="application_decided",
        message=gettext_lazy("A moderator asked a question about your application."),
        url=reverse("members:dashboard"),
        template="application_question",
        context={
            "member": user,
            "question": question,
            "url": settings.SITE_URL + reverse("members:dashboard"),
        },
    )


@transaction.atomic
def application_answer(*, user: User, answer: str) -> None:
    """The applicant answers the moderators' question; the moderators are emailed."""
    answer = answer.strip()
    if not answer:
        raise ValidationError(_("Write your answer."))
    profile = Profile.objects.select_for_update().get(user=user)
    if user.status != User.Status.APPLICANT or not profile.question:
        raise PermissionDenied
    profile.answer = answer
    profile.answered_at = timezone.now()
    profile.save(update_fields=["answer", "answered_at"])
    review_url = settings.SITE_URL + reverse("admin:members_user_review", args=[user.pk])
    for email in moderator_emails():
        send_email(
            to=[email],
            template="application_answered",
            context={"applicant": user, "profile": profile, "url": review_url},
            language=settings.LANGUAGE_CODE,
        )


@transaction.atomic
def organisation_merge(*, duplicate: Organisation, into: Organisation, moderator: User) -> int:
    """Fold ``duplicate`` (often named at sign-up) into ``into``: every row that points at it
    (its members' affiliations, and whatever other apps link to organisations) points at
    ``into`` instead, then the duplicate goes. Returns how many rows moved."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("Choose another organisation to merge it into."))
    moved = 0
    for affiliation in duplicate.affiliations.all():
        if Affiliation.objects.filter(user=affiliation.user_id, organisation=into).exists():
            affiliation.delete()  # already a member of both: one affiliation is enough
        else:
            affiliation.organisation = into
            affiliation.save(update_fields=["organisation"])
            moved += 1
    # Other apps link to organisations by foreign key: move those through the reverse
    # relations, without knowing the apps.
    for relation in Organisation._meta.related_objects:
        if relation.related_model is Affiliation or not relation.one_to_many:
            continue
        moved += relation.related_model._default_manager.filter(
            **{relation.field.name: duplicate}
        ).update(**{relation.field.name: into})
    audit(actor=moderator, action="organisation_merged", target=into,
          reason=str(duplicate), before={"slug": duplicate.slug}, after={"slug": into.slug})  # fmt: skip
    duplicate.delete()
    return moved


@transaction.atomic
def message_send(*, sender: User, recipient: User, subject: str, body: str) -> Message:
    """A message to ``recipient`` through the contact gate (members.contact). Nobody's address
    is shown to anyone: the recipient reads it and answers on the site, and is told as they
    chose (this message by email at once, or in their digest, or only in the app)."""
    if not recipient.is_member:
        raise PermissionDenied
    contact.admit(sender=sender, recipients=[recipient], kind="member_message")
    message = Message.objects.create(sender=sender, recipient=recipient, subject=subject, body=body)
    url = reverse("members:conversation", kwargs={"pk": message.pk})
    contact.tell(
        recipient,
        kind="member_message",
        message=gettext_lazy("%(name)s sent you a message: %(subject)s"),
        params={"name": str(sender), "subject": subject[:80]},
        url=url,
        template="member_message",
        context={
            "sender": sender,
            "message": message,
            "url": settings.SITE_URL + url,
            "profile_url": settings.SITE_URL + sender.get_absolute_url(),
        },
    )
    return message


def block_create(*, blocker: User, blocked: User) -> None:
    if blocker != blocked:
        Block.objects.get_or_create(blocker=blocker, blocked=blocked)


def block_remove(*, blocker: User, blocked: User) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()


def account_export(*, user: User) -> dict:
    """Everything the portal holds about ``user``, for the "download your data" page."""
    profile, _created = Profile.objects.get_or_create(user=user)
    data = {
        "account": {
            "email": user.email,
            "username": user.username,
            "display_name": user.display_name,
            "status": user.status,
            "language": user.language,
            "timezone": user.timezone,
            "date_joined": user.date_joined.isoformat(),
            "last_active": user.last_active.isoformat() if user.last_active else None,
        },
        "profile": {
            "headline": profile.headline,
            "bio": profile.bio,
            "country": str(profile.country),
            "languages": list(profile.languages.values_list("code", flat=True)),
            "expertise": sorted(profile.expertise.names()),
            "interests": sorted(profile.interests.names()),
            "links": profile.link_list(),
            "open_to_mentor": profile.open_to_mentor,
            "visibility": profile.visibility,
            "field_visibility": {
                field: getattr(profile, f"{field}_visibility")
                for field in ("bio", "organisation", "country", "expertise", "links")
            },
            "delivery": profile.delivery,
            "muted_kinds": profile.muted_kinds,
            "motivation": profile.motivation,
        },
        "organisations": [
            {"organisation": affiliation.organisation.name, "role": affiliation.role}
            for affiliation in user.affiliations.select_related("organisation")
        ],
        "messages_sent": [
            {
                "to": str(m.recipient),
                "subject": m.subject,
                "body": m.body,
                "sent": m.created_at.isoformat(),
            }
            for m in user.sent_messages.select_related("recipient")
        ],
        "messages_received": [
            {
                "from": str(m.sender),
                "subject": m.subject,
                "body": m.body,
                "sent": m.created_at.isoformat(),
            }
            for m in user.received_messages.select_related("sender")
        ],
        "blocked_members": [str(block.blocked) for block in user.blocks.select_related("blocked")],
        "notifications": [
            {"message": n.message, "created": n.created_at.isoformat()}
            for n in user.notifications.all()
        ],
    }
    data.update(content.personal_data(user))
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and everything personal; shared content stays as "former member".

    Content apps point at authors with ``on_delete=SET_NULL`` and show "former member".
    """
    profile = Profile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        avatar = profile.avatar
        transaction.on_commit(lambda: avatar.storage.delete(avatar.name))
    user.delete()


@transaction.atomic
def profile_update(
    *,
    user: User,
    profile: Profile,
    display_name: str,
    languages: list[str],
    expertise: list[str],
    interests: list[str],
    avatar=None,
    remove_avatar: bool = False,
) -> Profile:
    """Save a profile form's extra parts: name, languages, tags and photo."""
    user.display_name = display_name
    user.save(update_fields=["display_name"])
    profile.save()
    profile.languages.exclude(code__in=languages).delete()
    existing = set(profile.languages.values_list("code", flat=True))
    SpokenLanguage.objects.bulk_create(
        [SpokenLanguage(profile=profile, code=code) for code in languages if code not in existing]
    )
    profile.expertise.set(expertise)
    profile.interests.set(interests)
    old = profile.avatar.name if profile.avatar else ""
    if avatar is not None:
        profile.avatar.save(avatar.name, avatar, save=False)
    elif remove_avatar:
        profile.avatar = ""
    if avatar is not None or remove_avatar:
        profile.save(update_fields=["avatar"])
        if old:
            storage = profile.avatar.storage
            transaction.on_commit(lambda: storage.delete(old))
    return profile


@transaction.atomic
def preferences_update(*, user: User, profile: Profile, language: str, timezone_name: str) -> None:
    user.language = language
    user.timezone = timezone_name
    user.save(update_fields=["language", "timezone"])
    profile.save(update_fields=["delivery", "muted_kinds", "discovery_digest"])
