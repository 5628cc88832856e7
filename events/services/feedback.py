"""After the event: an attendee's rating and comment."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from events.access import can_give_feedback
from events.models import Event, Feedback


@transaction.atomic
def feedback_save(*, event: Event, author, rating: int, comment: str) -> Feedback:
    """An attendee rates the event and comments; saving again replaces their feedback."""
    if not can_give_feedback(author, event):
        raise PermissionDenied
    feedback, _created = Feedback.objects.update_or_create(
        event=event, author=author, defaults={"rating": rating, "comment": comment}
    )
    return feedback
