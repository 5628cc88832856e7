"""A member's part of "download all your data": their spaces, threads and replies."""

from django.conf import settings

from spaces.models import Membership, Reply, SessionProposal, Thread


def personal_data(user) -> dict:
    return {
        "spaces": [
            {
                "space": m.space.title,
                "state": m.state,
                "role": m.role,
                "following": m.following,
                "since": m.created_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user).select_related("space").order_by("pk")
        ],
        "space_threads": [
            {
                "title": t.title,
                "body": t.body,
                "space": t.space.title,
                "at": t.created_at.isoformat(),
                "url": settings.SITE_URL + t.get_absolute_url(),
            }
            for t in Thread.objects.filter(author=user).select_related("space").order_by("pk")
        ],
        "space_replies": [
            {"thread": r.thread.title, "body": r.body, "at": r.created_at.isoformat()}
            for r in Reply.objects.filter(author=user).select_related("thread").order_by("pk")
        ],
        "proposed_sessions": [
            {"topic": p.topic, "status": p.status, "at": p.created_at.isoformat()}
            for p in SessionProposal.objects.filter(proposer=user).order_by("pk")
        ],
    }
