"""Writes with side effects for innovations: writing, review, and what members do with them."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations import proposals
from innovations.access import can_edit, require_member
from innovations.models import (
    RESERVED_SLUGS,
    Adoption,
    Comment,
    Endorsement,
    Follow,
    Innovation,
    Interest,
    Revision,
    Status,
    TeamMember,
    Update,
)
from innovations.snapshots import apply, facets_from, set_facets, snapshot
from members import contact
from members.models import User
from network.emails import send_email
from network.moderation import audit, moderator_emails, record_review
from network.notifications import notify
from network.utils import unique_slug

COMMENT_EDIT_WINDOW = timedelta(minutes=15)
# What a submission must have; drafts may have any part missing.
REQUIRED_TO_SUBMIT = {
    "summary": gettext_lazy("summary"),
    "problem": gettext_lazy("the problem"),
    "solution": gettext_lazy("the solution"),
    "stage": gettext_lazy("stage"),
    "theme": gettext_lazy("at least one theme"),
    "country": gettext_lazy("at least one country"),
}


# --- writing ----------------------------------------------------------------------------
@transaction.atomic
def innovation_save(
    *, innovation: Innovation | None, editor: User, fields: dict, facets: dict, tags: list[str],
    cover=None, remove_cover: bool = False,
) -> Innovation:  # fmt: skip
    """Create (as a draft owned by ``editor``) or update an innovation.

    A team's change to a published innovation waits for a moderator (innovations.proposals);
    a change that goes live keeps the previous state as a Revision.
    """
    if innovation is None:
        innovation = Innovation(owner=editor, status=Status.DRAFT)
        innovation.slug = unique_slug(Innovation, fields["title"], reserved=RESERVED_SLUGS)
    elif not can_edit(editor, innovation):
        raise PermissionDenied
    elif proposals.waits_for_review(innovation, editor) and proposals.propose(
        innovation=innovation, editor=editor, fields=fields, facets=facets, tags=tags,
        cover=cover, remove_cover=remove_cover,
    ):  # fmt: skip
        return Innovation.objects.get(pk=innovation.pk)  # as published, unchanged
    elif innovation.status == Status.PUBLISHED:
        # Snapshot what is stored: a bound form may already have changed ``innovation``.
        stored = Innovation.objects.get(pk=innovation.pk)
        Revision.objects.create(innovation=innovation, editor=editor, data=snapshot(stored))
    for name, value in fields.items():
        setattr(innovation, name, value)
    old_cover = innovation.cover.name if innovation.cover else ""
    if cover is not None:
        innovation.cover.save(cover.name, cover, save=False)
    elif remove_cover:
        innovation.cover = ""
    innovation.save()
    if (cover is not None or remove_cover) and old_cover:
        storage = innovation.cover.storage
        transaction.on_commit(lambda: storage.delete(old_cover))
    set_facets(innovation, facets_from(facets))
    innovation.tags.set(tags)
    return innovation


def missing_for_submission(innovation: Innovation) -> list[str]:
    kinds = {facet.kind for facet in innovation.facets.all()}
    missing = []
    for key, label in REQUIRED_TO_SUBMIT.items():
        present = key in kinds if key in ("theme", "country") else bool(getattr(innovation, key))
        if not present:
            missing.append(str(label))
    return missing


@transaction.atomic
def innovation_submit(*, innovation: Innovation, by: User) -> None:
    innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
    if not innovation.has_on_team(by) or innovation.status not in (
        Status.DRAFT,
        Status.CHANGES_REQUESTED,
    ):
        raise PermissionDenied
    missing = missing_for_submission(innovation)
    if missing:
        raise ValidationError(
            _("Before you submit, add: %(missing)s.") % {"missing": ", ".join(missing)}
        )
    innovation.status = Status.SUBMITTED
    innovation.submitted_at = timezone.now()
    innovation.save(update_fields=["status", "submitted_at", "updated_at"])
    for email in moderator_emails():
        send_email(
            to=[email],
            template="innovation_submitted",
            context={
                "innovation": innovation,
                "url": settings.SITE_URL + innovation.get_absolute_url(),
            },
            language=settings.LANGUAGE_CODE,
        )


def _decide(innovation, *, status, note, kind_message, moderator):
    innovation, changed = record_review(
        innovation, status=status, note=note, moderator=moderator, published=Status.PUBLISHED
    )
    if not changed:
        return innovation
    proposals.tell_team(
        innovation, note=note, status=innovation.get_status_display(), message=kind_message
    )
    return innovation


@transaction.atomic
def innovation_publish(*, innovation: Innovation, moderator: User, note: str = "") -> Innovation:
    return _decide(
        innovation,
        status=Status.PUBLISHED,
        note=note.strip(),
        kind_message=gettext_lazy("“%(title)s” is published."),
        moderator=moderator,
    )


@transaction.atomic
def innovation_request_changes(*, innovation: Innovation, moderator: User, note: str) -> Innovation:
    if not note.strip():
        raise ValidationError(_("Tell the team what to change."))
    # The version the moderator read: when the team sends it again, the review page shows
    # what they changed since.
    if innovation.status == Status.SUBMITTED:
        Revision.objects.create(innovation=innovation, editor=moderator, data=snapshot(innovation))
    return _decide(
        innovation,
        status=Status.CHANGES_REQUESTED,
        note=note,
        kind_message=gettext_lazy("A moderator asked for changes to “%(title)s”."),
        moderator=moderator,
    )


@transaction.atomic
def innovation_reject(*, innovation: Innovation, moderator: User, note: str) -> Innovation:
    if not note.strip():
        raise ValidationError(_("Give the team a reason."))
    return _decide(
        innovation,
        status=Status.REJECTED,
        note=note,
        kind_message=gettext_lazy("“%(title)s” was not accepted."),
        moderator=moderator,
    )


@transaction.atomic
def innovation_archive(*, innovation: Innovation, by: User) -> None:
    if not (innovation.owner_id == by.pk or by.is_staff) or innovation.status != Status.PUBLISHED:
        raise PermissionDenied
    innovation.status = Status.ARCHIVED
    innovation.save(update_fields=["status", "updated_at"])


@transaction.atomic
def revision_revert(*, revision: Revision, moderator: User) -> Innovation:
    """Put an innovation back as it was in ``revision`` (the current state is kept too)."""
    innovation = Innovation.objects.select_for_update().get(pk=revision.innovation_id)
    current = snapshot(innovation)
    Revision.objects.create(innovation=innovation, editor=moderator, data=current)
    audit(actor=moderator, action="innovation_reverted", target=innovation,
          before=current, after=revision.data)  # fmt: skip
    apply(innovation, revision.data)
    return innovation


@transaction.atomic
def team_add(*, innovation: Innovation, by: User, member: User, role: str = "") -> None:
    if innovation.owner_id != by.pk and not by.is_staff:
        raise PermissionDenied
    if not member.is_member:
        raise ValidationError(_("Only approved members can join a team."))
    if member.pk == innovation.owner_id or innovation.team.filter(user=member).exists():
        return
    contact.admit(sender=by, recipients=[member], kind="innovation_team")
    _member, created = TeamMember.objects.get_or_create(
        innovation=innovation, user=member, defaults={"role": role}
    )
    if created:
        notify(
            recipient=member,
            kind="innovation_team",
            message=gettext_lazy("%(name)s added you to the team of “%(title)s”."),
            params={"name": by, "title": innovation.title},
            url=innovation.get_absolute_url(),
        )


def team_remove(*, innovation: Innovation, by: User, member: User) -> None:
    if innovation.owner_id != by.pk and by.pk != member.pk and not by.is_staff:
        raise PermissionDenied
    TeamMember.objects.filter(innovation=innovation, user=member).delete()


# --- learning from each other --------------------------------------------------------------
def endorse_toggle(*, innovation: Innovation, user: User) -> bool:
    """Endorse, or take the endorsement back. Returns whether it is now endorsed."""
    require_member(user)
    deleted, _rows = Endorsement.objects.filter(innovation=innovation, user=user).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Endorsement.objects.create(innovation=innovation, user=user)
    except IntegrityError:
        pass  # a double click: already endorsed
    return True


def follow_toggle(*, innovation: Innovation, user: User) -> bool:
    require_member(user)
    deleted, _rows = Follow.objects.filter(innovation=innovation, user=user).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(innovation=innovation, user=user)
    return True


@transaction.atomic
def comment_create(*, innovation: Innovation, author: User, body: str) -> Comment:
    require_member(author)
    # Feedback to a team is contact; on one's own innovation with nobody else on it, it is not.
    others = [user for user in innovation.team_users() if user.pk != author.pk]
    told = (
        contact.admit(sender=author, recipients=others, kind="innovation_comment") if others else []
    )
    # Written, most likely, in the language its author reads the site in.
    comment = Comment.objects.create(
        innovation=innovation, author=author, body=body, language=author.language
    )
    for user in told:
        if user.pk != author.pk:
            notify(
                recipient=user,
                kind="innovation_comment",
                message=gettext_lazy("%(name)s commented on “%(title)s”."),
                params={"name": author, "title": innovation.title},
                url=innovation.get_absolute_url() + f"#comment-{comment.pk}",
            )
    return comment


def comment_edit(*, comment: Comment, author: User, body: str) -> Comment:
    if comment.author_id != author.pk:
        raise PermissionDenied
    if timezone.now() - comment.created_at > COMMENT_EDIT_WINDOW:
        raise ValidationError(_("Comments can be edited for 15 minutes after posting."))
    comment.body = body
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def update_post(*, innovation: Innovation, author: User, title: str, body: str) -> Update:
    if not innovation.has_on_team(author):
        raise PermissionDenied
    update = Update.objects.create(innovation=innovation, author=author, title=title, body=body)
    for follow in innovation.follows.select_related("user"):
        if follow.user_id != author.pk and follow.user.is_member:
            notify(
                recipient=follow.user,
                kind="innovation_update",
                message=gettext_lazy("New on “%(title)s”: %(update)s"),
                params={"title": innovation.title, "update": title},
                url=innovation.get_absolute_url() + f"#update-{update.pk}",
            )
    return update


@transaction.atomic
def interest_express(*, innovation: Innovation, user: User, purpose: str, message: str) -> Interest:
    """Tell the team, through the contact gate; nobody's address is shown to anyone: the team
    answers on the site."""
    require_member(user)
    if innovation.has_on_team(user):
        raise ValidationError(_("You are on this innovation's team."))
    told = contact.admit(
        sender=user, recipients=innovation.team_users(), kind="innovation_interest"
    )
    interest = Interest.objects.create(
        innovation=innovation, user=user, purpose=purpose, message=message
    )
    for member in told:
        contact.tell(
            member,
            kind="innovation_interest",
            message=gettext_lazy("%(name)s is interested in “%(title)s”: %(purpose)s"),
            params={
                "name": user,
                "title": innovation.title,
                "purpose": Interest.Purpose(interest.purpose).label,
            },
            url=innovation.get_absolute_url() + "#interests",
            template="innovation_interest",
            context={"interest": interest, "innovation": innovation, "sender": user},
        )
    return interest


@transaction.atomic
def adoption_record(*, innovation: Innovation, by: User, **fields) -> Adoption:
    """The team records an adoption (confirmed); another member proposes one (to confirm)."""
    require_member(by)
    status = Adoption.Status.CONFIRMED if innovation.has_on_team(by) else Adoption.Status.PROPOSED
    told = []
    if status == Adoption.Status.PROPOSED:  # a member outside the team tells the team
        told = contact.admit(
            sender=by, recipients=innovation.team_users(), kind="innovation_adoption"
        )
    adoption = Adoption.objects.create(
        innovation=innovation, proposed_by=by, status=status, **fields
    )
    if status == Adoption.Status.PROPOSED:
        for member in told:
            notify(
                recipient=member,
                kind="innovation_adoption",
                message=gettext_lazy("%(name)s reports an adoption of “%(title)s” to confirm."),
                params={"name": by, "title": innovation.title},
                url=innovation.get_absolute_url() + "#adoptions",
            )
    return adoption


def adoption_confirm(*, adoption: Adoption, by: User) -> None:
    if not adoption.innovation.has_on_team(by):
        raise PermissionDenied
    Adoption.objects.filter(pk=adoption.pk).update(status=Adoption.Status.CONFIRMED)


def adoption_delete(*, adoption: Adoption, by: User) -> None:
    if not (adoption.innovation.has_on_team(by) or by.is_staff):
        raise PermissionDenied
    adoption.delete()
