"""A member's offer to mentor: opting in, and changing the offer."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Profile
from mentoring.access import require_member
from mentoring.models import MAX_CAPACITY, Availability, MentorFacet, MentorProfile


@transaction.atomic
def mentor_profile_save(
    *,
    user,
    bio: str,
    capacity: int,
    availability: str,
    expertise: list[str],
    themes: list[str],
    languages: list[str],
    formats: list[str],
) -> MentorProfile:
    """Opt in as a mentor, or change the offer. The directory's "open to mentor" follows."""
    require_member(user)
    if not languages:
        raise ValidationError(_("Choose at least one language you can mentor in."))
    mentor = MentorProfile.objects.select_for_update().filter(user=user).first()
    if mentor is None:
        mentor = MentorProfile(user=user)
    mentor.bio = bio
    mentor.capacity = max(1, min(int(capacity), MAX_CAPACITY))
    mentor.availability = availability
    mentor.save()
    mentor.facets.all().delete()
    MentorFacet.objects.bulk_create(
        [
            MentorFacet(mentor=mentor, kind=kind, value=value)
            for kind, values in (("theme", themes), ("language", languages), ("format", formats))
            for value in dict.fromkeys(values)
        ]
    )
    mentor.expertise.set(expertise)
    Profile.objects.filter(user=user).update(open_to_mentor=availability == Availability.AVAILABLE)
    return mentor
