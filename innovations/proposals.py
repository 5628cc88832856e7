"""Changes to a published innovation wait for a moderator.

A team's edit of a published innovation is kept as a proposed Revision: the public page keeps
the text a moderator approved, the team sees and can go on editing its change, moderators see
it beside what is published (admin: revisions, and a queue on the moderation dashboard), and
publishing it puts it on the innovation. So approved text cannot be swapped unseen for spam
links. ``PUBLISHED_SMALL_FIX_CHARACTERS`` lets a text-only fix of at most that many
characters go live at once (0, the default: none does).
"""

import difflib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.models import Innovation, Revision, cover_path
from innovations.snapshots import apply, differences, edited, snapshot
from network.emails import send_email
from network.moderation import audit, moderator_emails
from network.notifications import notify_by_email

TEXT_FIELDS = ("title", "summary", "problem", "solution", "evidence")


def waits_for_review(innovation: Innovation, editor) -> bool:
    """Whether ``editor``'s change to ``innovation`` waits for a moderator: a team's change to
    a published innovation does; staff publish their own."""
    return innovation.status == "published" and not editor.is_staff


def proposal_of(innovation: Innovation) -> Revision | None:
    return Revision.objects.proposed().filter(innovation=innovation).first()


def small_fix(before: dict, after: dict) -> bool:
    """A change of text alone, of at most PUBLISHED_SMALL_FIX_CHARACTERS characters."""
    limit = settings.PUBLISHED_SMALL_FIX_CHARACTERS
    if limit <= 0 or "cover" in after:
        return False
    if any(part not in TEXT_FIELDS for part, _old, _new in differences(before, after)):
        return False
    changed = 0
    for field in TEXT_FIELDS:
        matcher = difflib.SequenceMatcher(None, before[field] or "", after[field] or "")
        changed += sum(
            max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
        )
    return changed <= limit


@transaction.atomic
def propose(*, innovation, editor, fields, facets, tags, cover=None, remove_cover=False):
    """Keep the team's change to a published innovation for review (replacing a change still
    waiting), and tell the moderators. Returns the proposal, or None when it was a small fix
    that went live at once (the caller saves it as any edit)."""
    innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
    published = snapshot(innovation)
    data = edited(innovation, fields=fields, facets=facets, tags=tags)
    waiting = proposal_of(innovation)
    if cover is None and not remove_cover and waiting is None and small_fix(published, data):
        return None
    if cover is not None:
        data["cover"] = innovation.cover.storage.save(cover_path(innovation, cover.name), cover)
    elif remove_cover:
        data["cover"] = ""
    elif waiting is not None and "cover" in waiting.data:
        data["cover"] = waiting.data["cover"]
    if waiting is not None:
        _forget_cover(waiting, keep=data.get("cover"))
        waiting.data, waiting.editor = data, editor
        waiting.save(update_fields=["data", "editor"])
        Revision.objects.filter(pk=waiting.pk).update(created_at=timezone.now())
        return waiting
    proposal = Revision.objects.create(
        innovation=innovation, editor=editor, data=data, proposed=True
    )
    url = settings.SITE_URL + f"/admin/innovations/revision/{proposal.pk}/change/"
    for email in moderator_emails():
        send_email(
            to=[email],
            template="innovation_changes_submitted",
            context={"innovation": innovation, "url": url},
            language=settings.LANGUAGE_CODE,
        )
    return proposal


@transaction.atomic
def proposal_publish(*, proposal: Revision, moderator) -> Innovation | None:
    """Put the proposed change on the innovation (its published state is kept as history),
    and tell the team. Publishing twice changes nothing."""
    proposal = Revision.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.proposed or proposal.decided_at is not None:
        return None
    innovation = Innovation.objects.select_for_update().get(pk=proposal.innovation_id)
    before = snapshot(innovation)
    Revision.objects.create(innovation=innovation, editor=moderator, data=before)
    apply(innovation, proposal.data)
    if "cover" in proposal.data:
        old = innovation.cover.name
        innovation.cover = proposal.data["cover"]
        innovation.save(update_fields=["cover"])
        if old and old != innovation.cover.name:
            storage = innovation.cover.storage
            transaction.on_commit(lambda: storage.delete(old))
    _decide(proposal, moderator=moderator, accepted=True, note="")
    audit(actor=moderator, action="innovation_changes_published", target=innovation,
          before=before, after=proposal.data)  # fmt: skip
    tell_team(
        innovation, note="", status=_("your changes are published"),
        message=gettext_lazy("Your changes to “%(title)s” are published."),
    )  # fmt: skip
    return innovation


@transaction.atomic
def proposal_decline(*, proposal: Revision, moderator, note: str) -> None:
    """Leave the published innovation as it is, and tell the team why."""
    if not note.strip():
        raise ValidationError(_("Tell the team why."))
    proposal = Revision.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.proposed or proposal.decided_at is not None:
        return
    _forget_cover(proposal, keep=None)
    _decide(proposal, moderator=moderator, accepted=False, note=note)
    innovation = proposal.innovation
    audit(actor=moderator, action="innovation_changes_declined", target=innovation, reason=note)
    tell_team(
        innovation, note=note, status=_("your changes were not published"),
        message=gettext_lazy("Your changes to “%(title)s” were not published."),
    )  # fmt: skip


def _decide(proposal, *, moderator, accepted, note):
    proposal.decided_at, proposal.decided_by = timezone.now(), moderator
    proposal.accepted, proposal.note = accepted, note
    proposal.save(update_fields=["decided_at", "decided_by", "accepted", "note"])


def _forget_cover(proposal, *, keep):
    """Delete the cover a proposal uploaded, unless it is still ``keep``'s."""
    name = proposal.data.get("cover")
    if name and name != keep:
        storage = proposal.innovation.cover.storage
        transaction.on_commit(lambda: storage.delete(name))


def tell_team(innovation, *, note, status, message):
    """Tell the team, on the site and by email, of a moderator's decision on their innovation
    or on its proposed change (``status``: how the decision reads, ``note``: the moderator's)."""
    url = innovation.get_absolute_url()
    for user in innovation.team_users():
        notify_by_email(
            user,
            kind="innovation_reviewed",
            message=message,
            params={"title": innovation.title},
            url=url,
            template="innovation_reviewed",
            context={
                "innovation": innovation,
                "status": status,
                "note": note,
                "url": settings.SITE_URL + url,
            },
        )
