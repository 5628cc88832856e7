"""Demo mentoring: a dozen mentors across the five regions and eight languages, requests in
every state, active, completed and ended mentorships, an open programme with applicants and
a closed one waiting for staff to run the matching.

The content is in ``mentoring.yaml`` beside this module. Idempotent: a mentor profile is keyed
on its member and left alone once it exists; a request (with its mentorship, goals, sessions
and feedback) on its mentee and mentor; a programme on its slug. Dates are relative to the
first run (a pending request must still be pending, the open programme open), and nothing is
changed by later runs. No notification or email is sent.
"""

from datetime import timedelta

from django.utils import timezone

from mentoring.models import (
    Availability,
    Feedback,
    Format,
    Goal,
    MentorFacet,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    Session,
)
from mentoring.ranking import card_queryset
from mentoring.reasons import stored
from mentoring.services.mentorships import add_months, goal_lines
from mentoring.services.requests import request_score
from network import demodata
from network.demodata import PERSON, SLUG, choice, optional, table
from network.taxonomy import Language, Theme

FEEDBACK = {"rating": choice([1, 2, 3, 4, 5]), "comment": str}
SCHEMA = {
    "mentors": [
        {
            "member": PERSON,
            "expertise": [str],
            "themes": [choice(Theme)],
            "languages": [choice(Language)],
            "capacity": int,
            "availability": choice(Availability),
            "formats": [choice(Format)],
            "bio": str,
        }
    ],
    "goals": table(SLUG, {"text": str, "topics": [str]}),
    "requests": [
        {
            "mentee": PERSON,
            "mentor": PERSON,
            "status": choice(MentoringRequest.Status),
            "days_ago": int,
            "goals": SLUG,
            "language": choice(Language),
            "months": int,
            optional("response", ""): str,
            optional("sessions", []): [{"days_ago": int, "note": str}],
            optional("done", 0): int,
            optional("completed"): int,
            optional("ended"): int,
        }
    ],
    "programmes": [
        {
            "slug": SLUG,
            "title": str,
            "description": str,
            "opens": int,
            "closes": int,
            "months": int,
            "mentors": [PERSON],
            "mentees": [{"member": PERSON, "topics": [str], "themes": [choice(Theme)]}],
        }
    ],
    "texts": {
        "session_notes": str,
        "session_next_steps": str,
        "end_reason": str,
        "feedback": {"mentee": FEEDBACK, "mentor": FEEDBACK},
        "programme_goals": {"mentor": str, "mentee": str},
    },
}


def content(*, seen: dict | None = None) -> dict:
    """The mentoring demo content, read and checked; each request names goals of the file."""
    data = demodata.load("mentoring", "mentoring", SCHEMA, seen=seen)
    for index, request in enumerate(data["requests"]):
        if request["goals"] not in data["goals"]:
            demodata.fail("mentoring", "mentoring", f"requests[{index}].goals",
                          f"{request['goals']!r} is not one of the goals of this file")  # fmt: skip
    return data


def _seed_mentors(data, users, log) -> dict[str, MentorProfile]:
    mentors = {}
    created = 0
    for row in data["mentors"]:
        user = users.get(row["member"])
        if user is None:
            continue
        mentor = MentorProfile.objects.filter(user=user).first()
        if mentor is None:
            mentor = MentorProfile.objects.create(
                user=user, bio=row["bio"], capacity=row["capacity"],
                availability=row["availability"],
            )  # fmt: skip
            MentorFacet.objects.bulk_create(
                [MentorFacet(mentor=mentor, kind="theme", value=v) for v in row["themes"]]
                + [MentorFacet(mentor=mentor, kind="language", value=v) for v in row["languages"]]
                + [MentorFacet(mentor=mentor, kind="format", value=v) for v in row["formats"]]
            )
            mentor.expertise.set(row["expertise"])
            created += 1
        mentors[row["member"]] = mentor
    log(f"Mentoring: {len(mentors)} mentors ({created} new).")
    return mentors


def _seed_request(now, mentee, mentor, row, goals, texts):
    state, days, language, months = row["status"], row["days_ago"], row["language"], row["months"]
    sent = now - timedelta(days=days)
    request = MentoringRequest.objects.create(
        mentee=mentee,
        mentor=mentor,
        goals=goals["text"],
        duration_months=months,
        language=language,
        status=state,
        response=row["response"],
        responded_at=None if state == "pending" else sent + timedelta(days=min(days, 10) / 2),
        created_at=sent,
    )
    request.topics.set(goals["topics"])
    profile = card_queryset(MentorProfile.objects.filter(user=mentor)).first()
    result = request_score(
        mentee=mentee, mentor=profile, topics=goals["topics"], themes=[], language=language,
        now=now,
    )  # fmt: skip
    request.score = result.total if result else 0
    request.reasons = stored(result.reasons) if result else []
    request.save(update_fields=["score", "reasons"])
    if state != "accepted":
        return
    started = request.responded_at
    status, ended_at, ended_by, reason = Mentorship.Status.ACTIVE, None, None, ""
    if row["completed"] is not None:
        status, ended_at = Mentorship.Status.COMPLETED, now - timedelta(days=row["completed"])
        ended_by = mentee
    elif row["ended"] is not None:
        status, ended_at = Mentorship.Status.ENDED, now - timedelta(days=row["ended"])
        ended_by = mentor
        reason = texts["end_reason"]
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, request=request, goals=goals["text"], language=language,
        status=status, started_at=started, ended_at=ended_at, ended_by=ended_by,
        end_reason=reason, agreed_end_date=add_months(started.date(), months),
    )  # fmt: skip
    done = row["done"]
    Goal.objects.bulk_create(
        [
            Goal(mentorship=mentorship, text=text, done=index < done,
                 done_at=started + timedelta(days=20) if index < done else None,
                 created_at=started)
            for index, text in enumerate(goal_lines(goals["text"]))
        ]
    )  # fmt: skip
    Session.objects.bulk_create(
        [
            Session(mentorship=mentorship, held_on=(now - timedelta(days=session["days_ago"])).date(),
                    notes=texts["session_notes"].format(note=session["note"]),
                    next_steps=texts["session_next_steps"], logged_by=mentee,
                    created_at=now - timedelta(days=session["days_ago"]))
            for session in row["sessions"]
        ]
    )  # fmt: skip
    if status == Mentorship.Status.COMPLETED:
        feedback = texts["feedback"]
        Feedback.objects.bulk_create(
            [
                Feedback(mentorship=mentorship, author=author, role=role,
                         rating=feedback[role]["rating"], comment=feedback[role]["comment"],
                         created_at=ended_at)
                for author, role in ((mentee, "mentee"), (mentor, "mentor"))
            ]
        )  # fmt: skip


def _seed_programme(now, spec, mentors, users, texts, log):
    programme = Programme.objects.filter(slug=spec["slug"]).first()
    if programme is not None:
        return programme
    programme = Programme.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        description=spec["description"],
        application_opens=now + timedelta(days=spec["opens"]),
        application_closes=now + timedelta(days=spec["closes"]),
        duration_months=spec["months"],
        created_at=now + timedelta(days=spec["opens"] - 3),
    )
    applied = now + timedelta(days=spec["opens"] + 1)
    goals = texts["programme_goals"]
    for local in spec["mentors"]:
        mentor = mentors.get(local)
        if mentor is not None:
            ProgrammeApplication.objects.create(
                programme=programme, user=mentor.user, role="mentor", goals=goals["mentor"],
                capacity=min(2, mentor.capacity), created_at=applied,
            )  # fmt: skip
    for row in spec["mentees"]:
        user = users.get(row["member"])
        if user is not None:
            ProgrammeApplication.objects.create(
                programme=programme, user=user, role="mentee", topics=row["topics"],
                themes=row["themes"], goals=goals["mentee"], created_at=applied,
            )  # fmt: skip
    log(f"Mentoring: programme “{programme.title}” with {programme.applications.count()} "
        "applicants.")  # fmt: skip
    return programme


def seed(*, log) -> None:
    data = content()
    now = timezone.now()
    users = demodata.people()
    mentors = _seed_mentors(data, users, log)
    created = 0
    for row in data["requests"]:
        mentee, mentor = users.get(row["mentee"]), users.get(row["mentor"])
        if mentee is None or mentor is None:
            continue
        if MentoringRequest.objects.filter(mentee=mentee, mentor=mentor).exists():
            continue
        _seed_request(now, mentee, mentor, row, data["goals"][row["goals"]], data["texts"])
        created += 1
    log(f"Mentoring: {MentoringRequest.objects.count()} requests ({created} new), "
        f"{Mentorship.objects.count()} mentorships.")  # fmt: skip
    for spec in data["programmes"]:
        _seed_programme(now, spec, mentors, users, data["texts"], log)
