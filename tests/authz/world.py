"""One small network with every role and an object of each status and visibility, for the
authorisation matrix. Each role is one person; the objects name them as owner, team member,
host, invitee or mentoring partner."""

from datetime import timedelta
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from credentials.models import Achievement
from credentials.services import credential_issue
from events.models import Booking, CalendarToken
from events.services._shared import guest_token
from events.services.guests import guest_confirm, guest_register
from innovations.models import Adoption, Comment, TeamMember, VisitorInterest
from innovations.visitors import interest_token
from members.models import Message
from mentoring.models import Goal, Match
from network import links
from network.models import Notification
from spaces.models import Membership, Reply, SessionProposal, SharedFile, Space, Thread
from spaces.services.membership import invitation_token
from tests.factories import (
    ApplicantFactory,
    ClinicSlotFactory,
    CollectionFactory,
    CollectionItemFactory,
    EventFactory,
    EventHostFactory,
    InnovationFactory,
    InvitationFactory,
    JoinInvitationFactory,
    MentoringRequestFactory,
    MentorProfileFactory,
    MentorshipFactory,
    OrganisationFactory,
    ProgrammeApplicationFactory,
    ProgrammeFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)


def _jpeg() -> ContentFile:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue())


ROLES = ("visitor", "applicant", "member", "owner", "team", "pair", "moderator", "suspended")
# Roles whose every answer is another role's (DESIGN §1): staff without a second factor are the
# ordinary members they also are, on every page; the admin sends them to set one up.
DERIVED_ROLES = {"unverified": "member"}


def build_world():
    now = timezone.now()
    people = {
        "visitor": None,
        "applicant": ApplicantFactory(username="applicant"),
        "member": UserFactory(username="member"),
        "owner": UserFactory(username="owner"),
        "team": UserFactory(username="team"),
        "pair": UserFactory(username="pair"),
        "moderator": StaffFactory(username="moderator"),
        "unverified": StaffFactory(username="unverified", two_factor=False),
        "suspended": UserFactory(username="suspended", is_active=False, suspended_at=now),
    }
    owner, team, pair = people["owner"], people["team"], people["pair"]
    for username, visibility in [("owner", "public"), ("pair", "members")]:
        profile = people[username].profile
        profile.visibility = visibility
        profile.save()
    w = SimpleNamespace(people=people)
    w.hidden_profile = UserFactory(username="hidden-profile")
    w.hidden_profile.profile.visibility = "hidden"
    w.hidden_profile.profile.save()
    w.organisation = OrganisationFactory(slug="tvet-kenya")
    w.organisation.logo.save("logo.jpg", _jpeg())
    w.join_invitation = JoinInvitationFactory(
        invited_by=people["moderator"], organisation=w.organisation
    )
    for username in ("owner", "pair", "suspended"):
        people[username].profile.avatar.save("avatar.jpg", _jpeg())

    # Innovations: owner owns them, team is on the team of each.
    w.innovations = {}
    for variant, fields in {
        "public": {"visibility": "public"},
        "members": {"visibility": "members"},
        "draft": {"status": "draft", "published_at": None},
        "rejected": {"status": "rejected", "published_at": None},
        "archived": {"status": "archived"},
    }.items():
        innovation = InnovationFactory(owner=owner, slug=f"innovation-{variant}", **fields)
        TeamMember.objects.create(innovation=innovation, user=team)
        innovation.cover.save("cover.jpg", _jpeg())
        w.innovations[variant] = innovation
    public = w.innovations["public"]
    w.comment = Comment.objects.create(innovation=public, author=pair, body="Useful, thanks.")
    w.adoption = Adoption.objects.create(
        innovation=public, organisation_name="Polytechnic", country="GH", proposed_by=pair
    )

    # Resources: owner contributed the pending one.
    w.resources = {
        "public": ResourceFactory(slug="resource-public"),
        "members": ResourceFactory(slug="resource-members", access="members"),
        "pending": ResourceFactory(
            slug="resource-pending", status="submitted", published_at=None, contributor=owner
        ),
    }
    w.collection = CollectionFactory(slug="collection-public")
    CollectionItemFactory(collection=w.collection, resource=w.resources["public"])
    w.draft_collection = CollectionFactory(slug="collection-draft", published=False)
    # Owner curates collections (staff put curators in that group); this draft is theirs.
    owner.groups.add(Group.objects.get(name="Collection curators"))
    w.curated_collection = CollectionFactory(
        slug="collection-curated", published=False, curator=owner
    )
    w.curated_item = CollectionItemFactory(
        collection=w.curated_collection, resource=None, innovation=w.innovations["public"]
    )

    # Events: owner hosts each; pair is invited to the private workshop and has a booking.
    w.events = {
        "public": EventFactory(slug="event-public", guests_allowed=True),
        "members": EventFactory(slug="event-members", visibility="members"),
        "private": EventFactory(slug="event-private", type="workshop", visibility="private"),
        "draft": EventFactory(slug="event-draft", status="draft", published_at=None),
        "clinic": EventFactory(slug="event-clinic", type="clinic"),
    }
    for event in w.events.values():
        EventHostFactory(event=event, user=owner, role="host")
        event.created_by = owner
        event.save(update_fields=["created_by"])
    InvitationFactory(event=w.events["private"], user=pair)
    # A visitor (no account) wrote to the public innovation's team; a moderator released it.
    w.visit = VisitorInterest.objects.create(
        innovation=public, name="Vera Visitor", email="vera@fund.example", purpose="support",
        message="We could fund a pilot.", state=VisitorInterest.State.SENT,
    )  # fmt: skip
    w.visit_token = interest_token(w.visit)
    # A guest (no account) registered for the public event: their link is their key.
    w.guest = guest_confirm(
        registration=guest_register(
            event=w.events["public"], name="Gina Guest", email="gina@partner.example"
        )
    )
    w.guest_token = guest_token(w.guest)
    w.slot = ClinicSlotFactory(event=w.events["clinic"], expert=owner)
    w.booked_slot = ClinicSlotFactory(event=w.events["clinic"], expert=owner)
    w.booking = Booking.objects.create(
        event=w.events["clinic"], slot=w.booked_slot, member=pair, innovation=public
    )
    w.calendar_token = CalendarToken.objects.create(user=pair)
    w.suspended_calendar_token = CalendarToken.objects.create(user=people["suspended"])

    # Mentoring: owner mentors pair.
    MentorProfileFactory(user=owner)
    w.mentoring_request = MentoringRequestFactory(mentor=owner, mentee=pair)
    w.mentorship = MentorshipFactory(mentor=owner, mentee=pair)
    w.goal = Goal.objects.create(mentorship=w.mentorship, text="Draft the first curriculum.")
    w.programme = ProgrammeFactory(slug="cohort")
    ProgrammeApplicationFactory(programme=w.programme, user=pair)
    w.match = Match.objects.create(
        programme=w.programme, mentor=owner, mentee=pair, status=Match.Status.OFFERED
    )

    # Credentials: pair holds one (public by its unguessable id).
    w.achievement = Achievement.objects.create(
        slug="attended-a-session", name="Attended a session", kind="attended",
        description="Took part in a session.", criteria="Attended, as its hosts recorded.",
    )  # fmt: skip
    w.credential, _created = credential_issue(
        member=pair, achievement=w.achievement, occasion="event:1", quiet=True
    )

    # Spaces: owner moderates each, pair is in each and wrote its thread and file; team asked
    # to join the members' space and is invited to the private one.
    w.spaces, w.threads, w.replies, w.files, w.proposals = {}, {}, {}, {}, {}
    for variant, (visibility, entry) in {
        "public": ("public", "open"),
        "members": ("members", "request"),
        "private": ("private", "invitation"),
    }.items():
        space = Space.objects.create(
            slug=f"space-{variant}", kind="community", title=f"Space {variant}",
            description="Where we talk.", visibility=visibility, entry=entry,
        )  # fmt: skip
        Membership.objects.create(space=space, user=owner, role="moderator", joined_at=now)
        Membership.objects.create(space=space, user=pair, joined_at=now)
        thread = Thread.objects.create(
            space=space, author=pair, title=f"Thread {variant}", body="How?", mode="question"
        )
        w.replies[variant] = Reply.objects.create(thread=thread, author=owner, body="Like so.")
        shared = SharedFile(
            space=space, uploaded_by=pair, title="Notes", original_filename="notes.txt",
            file_size=5, content_type="text/plain; charset=utf-8",
        )  # fmt: skip
        shared.file.save("upload", ContentFile(b"notes"), save=False)
        shared.save()
        w.proposals[variant] = SessionProposal.objects.create(
            space=space, proposer=pair, topic="Our pilot", preferred_start=now + timedelta(days=9)
        )
        w.spaces[variant], w.threads[variant], w.files[variant] = space, thread, shared
    w.join_request = Membership.objects.create(
        space=w.spaces["members"], user=team, state="requested"
    )
    w.space_invitation = Membership.objects.create(
        space=w.spaces["private"], user=team, state="invited", invited_by=owner
    )
    w.space_invitation_token = invitation_token(w.space_invitation)

    w.notification = Notification.objects.create(
        recipient=pair, kind="member_message", message="Hello"
    )
    # Pair wrote to owner: only the two of them read it.
    w.message = Message.objects.create(
        sender=pair, recipient=owner, subject="Hello", body="Shall we compare curricula?"
    )
    w.unsubscribe_token = links.unsubscribe_token(pair)
    w.action_token = links.action_token(owner, "mentoring_accept_request", w.mentoring_request.pk)
    w.suspended_request = MentoringRequestFactory(mentor=people["suspended"], mentee=pair)
    w.suspended_action_token = links.action_token(
        people["suspended"], "mentoring_accept_request", w.suspended_request.pk
    )
    return w
