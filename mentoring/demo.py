"""Demo mentoring: a dozen mentors across the five regions and eight languages, requests in
every state, active, completed and ended mentorships, an open programme with applicants and
a closed one waiting for staff to run the matching.

Idempotent: a mentor profile is keyed on its member and left alone once it exists; a request
(with its mentorship, goals, sessions and feedback) on its mentee and mentor; a programme on
its slug. Dates are relative to the first run (a pending request must still be pending, the
open programme open), and nothing is changed by later runs. No notification or email is sent.
"""

from datetime import timedelta

from django.utils import timezone

from members.models import User
from mentoring.models import (
    Feedback,
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
from mentoring.services import add_months, goal_lines, request_score

# (member, expertise, themes, languages, capacity, availability, formats, bio)
MENTORS = [
    ("mentor", ["dual training", "apprenticeships", "employer engagement"],
     ["apprenticeships-and-work-based-learning", "tvet-quality-and-governance"], ["es", "en"],
     3, "available", ["video", "email"],
     "Twenty years building **dual training** with employers in Chile and the Andes. I help "
     "teams design work-based learning that employers want to join."),
    ("amina.wanjiru", ["informal apprenticeship", "trade testing", "mobile learning"],
     ["apprenticeships-and-work-based-learning", "digital-skills"], ["en", "sw"],
     2, "available", ["video", "phone", "chat"],
     "I scaled a digital logbook for informal apprentices in Kenya. Happy to talk about "
     "pilots, master craftspeople and trade tests."),
    ("fatou.diop", ["curriculum design", "digital skills", "gender"],
     ["digital-skills", "inclusion-and-gender"], ["fr", "en"],
     2, "available", ["video", "in-person"],
     "Directrice pédagogique à Dakar : programmes numériques pour les jeunes femmes."),
    ("kofi.mensah", ["apprenticeships", "employer engagement"],
     ["apprenticeships-and-work-based-learning"], ["en"],
     1, "available", ["phone", "chat"],
     "Apprenticeship coordinator; I like practical, small steps."),
    ("lucia.ramirez", ["skills anticipation", "labour market information", "research"],
     ["skills-anticipation"], ["es", "en"],
     2, "available", ["video"],
     "Investigadora en anticipación de competencias. Ayudo a usar datos del mercado laboral."),
    ("ana.souza", ["digital fabrication", "youth employment", "makerspaces"],
     ["digital-skills", "entrepreneurship-skills"], ["pt", "es", "en"],
     2, "available", ["video", "chat"],
     "Coordeno um espaço maker comunitário. Mentoria em português, espanhol ou inglês."),
    ("omar.almasri", ["TVET governance", "quality assurance", "financing"],
     ["tvet-quality-and-governance", "financing-skills"], ["ar", "en"],
     3, "available", ["video", "in-person"],
     "I direct vocational training centres in Jordan: governance, quality and funding."),
    ("nusrat.jahan", ["sector skills councils", "employer engagement", "green skills"],
     ["green-skills", "skills-anticipation"], ["bn", "en"],
     2, "paused", ["video"],
     "Industry skills manager in the garment sector. Paused until after our busy season."),
    ("maria.santos", ["learning design", "micro-credentials", "online learning"],
     ["digital-skills", "lifelong-learning"], ["en"],
     2, "available", ["video", "chat", "email"],
     "Head of learning design: bootcamps, micro-credentials and blended courses."),
    ("claire.martin", ["recognition of prior learning", "assessment", "lifelong learning"],
     ["recognition-of-prior-learning", "lifelong-learning"], ["fr", "en"],
     2, "available", ["video"],
     "Chercheuse : validation des acquis de l'expérience et formation tout au long de la vie."),
    ("elif.yilmaz", ["apprenticeships", "quality assurance"],
     ["apprenticeships-and-work-based-learning"], ["tr", "en"],
     1, "available", ["video"],
     "Apprenticeship expert working with chambers of commerce in Türkiye."),
    ("aigerim.nurlanovna", ["skills reform", "financing", "monitoring"],
     ["financing-skills", "tvet-quality-and-governance"], ["ru", "en"],
     2, "available", ["video", "email"],
     "Programme officer for skills reform in Central Asia; I read budgets for fun."),
]  # fmt: skip

GOALS = {
    "pre-apprenticeship": "Design a three-month pre-apprenticeship\nSign up two employers\n"
    "Plan the first intake",
    "logbook": "Adapt a digital logbook to our trades\nRun a pilot with ten apprentices",
    "assessment": "Prepare the first trade test with the new standard\nTrain three assessors",
    "data": "Use labour market data to choose our next courses",
    "girls": "Bring more young women into our coding course",
    "rpl": "Understand how RPL works in practice\nDraft a pilot for construction workers",
    "funding": "Find a sustainable way to fund our centre",
    "dual": "Start a dual training programme with local firms\nConvince the ministry",
}

TOPICS = {
    "pre-apprenticeship": ["apprenticeships", "employer engagement"],
    "logbook": ["informal apprenticeship", "mobile learning"],
    "assessment": ["trade testing", "assessment"],
    "data": ["labour market information"],
    "girls": ["gender", "digital skills"],
    "rpl": ["recognition of prior learning"],
    "funding": ["financing"],
    "dual": ["dual training", "employer engagement"],
}

# (mentee, mentor, state, days ago, goals key, language, months, mentor's message, extra)
REQUESTS = [
    ("member", "mentor", "pending", 2, "dual", "en", 4, "", {}),
    ("member", "maria.santos", "accepted", 40, "pre-apprenticeship", "en", 3,
     "Yes! Let's start with your intake plan.", {"sessions": [(35, "Mapped employers"),
                                                             (20, "Drafted the curriculum"),
                                                             (6, "Reviewed the timetable")]}),
    ("carlos.mendoza", "mentor", "accepted", 30, "dual", "es", 6,
     "Con gusto. Empezamos por las empresas.", {"sessions": [(24, "Primera reunión")],
                                                "done": 1}),
    ("joseph.okello", "amina.wanjiru", "accepted", 60, "logbook", "en", 3,
     "Happy to share what we learnt.", {"sessions": [(55, "Walked through the app"),
                                                     (41, "Chose two trades")]}),
    ("moussa.sarr", "fatou.diop", "accepted", 150, "girls", "fr", 3,
     "Avec plaisir.", {"sessions": [(140, "Premier échange"), (110, "Bilan d'étape"),
                                    (70, "Bilan final")], "completed": 65, "done": 1}),
    ("samuel.mwangi", "kofi.mensah", "accepted", 120, "assessment", "en", 2,
     "Let's do it.", {"sessions": [(110, "Planned the assessment")], "completed": 50,
                      "done": 2}),
    ("thabo.nkosi", "elif.yilmaz", "accepted", 90, "pre-apprenticeship", "en", 3,
     "Sure.", {"sessions": [(80, "Kick-off")], "ended": 45}),
    ("chiamaka.eze", "kofi.mensah", "declined", 20, "assessment", "en", 3,
     "I am at capacity this quarter, sorry. Amina would be a great fit.", {}),
    ("diego.fernandez", "lucia.ramirez", "expired", 14, "data", "es", 2, "", {}),
    ("hanna.bekele", "claire.martin", "withdrawn", 9, "rpl", "en", 3, "", {}),
    ("rania.haddad", "omar.almasri", "pending", 4, "funding", "ar", 3, "", {}),
]  # fmt: skip

OPEN_PROGRAMME = {
    "slug": "green-skills-mentoring-cohort",
    "title": "Green skills mentoring cohort",
    "description": "Three months of peer mentoring for teams that bring **green skills** into "
    "TVET: solar installation, energy efficiency, circular economy. Mentors and mentees apply "
    "here; after the window closes we pair you and both of you accept.",
    "opens": -7,
    "closes": 21,
    "mentors": ["claire.martin", "ana.souza", "omar.almasri", "maria.santos"],
    "mentees": [
        ("grace.banda", ["green skills", "gender"], ["green-skills", "inclusion-and-gender"]),
        ("layla.nasser", ["curriculum design", "green skills"], ["green-skills"]),
        ("budi.santoso", ["digital skills", "solar"], ["green-skills", "digital-skills"]),
        ("valentina.torres", ["workers' education"], ["green-skills", "lifelong-learning"]),
        ("rahul.mehta", ["informal economy", "rpl"], ["recognition-of-prior-learning"]),
    ],
}
CLOSED_PROGRAMME = {
    "slug": "apprenticeship-mentors-spring-cohort",
    "title": "Apprenticeship mentors: spring cohort",
    "description": "Applications are closed: staff can run the matching engine from the admin.",
    "opens": -40,
    "closes": -2,
    "mentors": ["mentor", "amina.wanjiru", "aigerim.nurlanovna", "lucia.ramirez"],
    "mentees": [
        (
            "priya.nair",
            ["apprenticeships", "research"],
            ["apprenticeships-and-work-based-learning"],
        ),
        ("mariam.khalil", ["youth employment"], ["entrepreneurship-skills"]),
        ("ahmed.saleh", ["apprenticeships"], ["apprenticeships-and-work-based-learning"]),
        ("giorgi.beridze", ["monitoring", "financing"], ["financing-skills"]),
        ("sofie.peeters", ["employer engagement"], ["apprenticeships-and-work-based-learning"]),
        ("nguyen.lan", ["micro-credentials"], ["digital-skills"]),
    ],
}


def _member(local: str) -> User | None:
    return User.objects.filter(email__iexact=f"{local}@example.org").first()


def _seed_mentors(log) -> dict[str, MentorProfile]:
    mentors = {}
    created = 0
    for local, expertise, themes, languages, capacity, availability, formats, bio in MENTORS:
        user = _member(local)
        if user is None:
            continue
        mentor = MentorProfile.objects.filter(user=user).first()
        if mentor is None:
            mentor = MentorProfile.objects.create(
                user=user, bio=bio, capacity=capacity, availability=availability
            )
            MentorFacet.objects.bulk_create(
                [MentorFacet(mentor=mentor, kind="theme", value=v) for v in themes]
                + [MentorFacet(mentor=mentor, kind="language", value=v) for v in languages]
                + [MentorFacet(mentor=mentor, kind="format", value=v) for v in formats]
            )
            mentor.expertise.set(expertise)
            created += 1
        mentors[local] = mentor
    log(f"Mentoring: {len(mentors)} mentors ({created} new).")
    return mentors


def _seed_request(now, mentee, mentor, state, days, key, language, months, message, extra):
    goals = GOALS[key]
    sent = now - timedelta(days=days)
    request = MentoringRequest.objects.create(
        mentee=mentee,
        mentor=mentor,
        goals=goals,
        duration_months=months,
        language=language,
        status=state,
        response=message,
        responded_at=None if state == "pending" else sent + timedelta(days=min(days, 10) / 2),
        created_at=sent,
    )
    request.topics.set(TOPICS[key])
    profile = card_queryset(MentorProfile.objects.filter(user=mentor)).first()
    result = request_score(
        mentee=mentee, mentor=profile, topics=TOPICS[key], themes=[], language=language, now=now
    )
    request.score = result.total if result else 0
    request.reasons = stored(result.reasons) if result else []
    request.save(update_fields=["score", "reasons"])
    if state != "accepted":
        return
    started = request.responded_at
    status, ended_at, ended_by, reason = Mentorship.Status.ACTIVE, None, None, ""
    if "completed" in extra:
        status, ended_at = Mentorship.Status.COMPLETED, now - timedelta(days=extra["completed"])
        ended_by = mentee
    elif "ended" in extra:
        status, ended_at = Mentorship.Status.ENDED, now - timedelta(days=extra["ended"])
        ended_by = mentor
        reason = "I changed jobs and cannot give this the time it deserves. Sorry!"
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, request=request, goals=goals, language=language,
        status=status, started_at=started, ended_at=ended_at, ended_by=ended_by,
        end_reason=reason, agreed_end_date=add_months(started.date(), months),
    )  # fmt: skip
    done = extra.get("done", 0)
    Goal.objects.bulk_create(
        [
            Goal(mentorship=mentorship, text=text, done=index < done,
                 done_at=started + timedelta(days=20) if index < done else None,
                 created_at=started)
            for index, text in enumerate(goal_lines(goals))
        ]
    )  # fmt: skip
    Session.objects.bulk_create(
        [
            Session(mentorship=mentorship, held_on=(now - timedelta(days=ago)).date(),
                    notes=f"{note}. We agreed on the next steps together.",
                    next_steps="Share the draft before our next call.", logged_by=mentee,
                    created_at=now - timedelta(days=ago))
            for ago, note in extra.get("sessions", [])
        ]
    )  # fmt: skip
    if status == Mentorship.Status.COMPLETED:
        Feedback.objects.bulk_create(
            [
                Feedback(mentorship=mentorship, author=mentee, role="mentee", rating=5,
                         comment="Generous with time and very practical.", created_at=ended_at),
                Feedback(mentorship=mentorship, author=mentor, role="mentor", rating=4,
                         comment="Motivated; would benefit from a follow-up next year.",
                         created_at=ended_at),
            ]
        )  # fmt: skip


def _seed_programme(now, spec, mentors, log):
    programme = Programme.objects.filter(slug=spec["slug"]).first()
    if programme is not None:
        return programme
    programme = Programme.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        description=spec["description"],
        application_opens=now + timedelta(days=spec["opens"]),
        application_closes=now + timedelta(days=spec["closes"]),
        duration_months=3,
        created_at=now + timedelta(days=spec["opens"] - 3),
    )
    applied = now + timedelta(days=spec["opens"] + 1)
    for local in spec["mentors"]:
        mentor = mentors.get(local)
        if mentor is not None:
            ProgrammeApplication.objects.create(
                programme=programme, user=mentor.user, role="mentor",
                goals="Happy to accompany a team through the cohort.",
                capacity=min(2, mentor.capacity), created_at=applied,
            )  # fmt: skip
    for local, topics, themes in spec["mentees"]:
        user = _member(local)
        if user is not None:
            ProgrammeApplication.objects.create(
                programme=programme, user=user, role="mentee", topics=topics, themes=themes,
                goals="Learn from a peer who has done it before\nPlan our next pilot",
                created_at=applied,
            )  # fmt: skip
    log(f"Mentoring: programme “{programme.title}” with {programme.applications.count()} "
        "applicants.")  # fmt: skip
    return programme


def seed(*, log) -> None:
    now = timezone.now()
    mentors = _seed_mentors(log)
    created = 0
    for (
        mentee_local,
        mentor_local,
        state,
        days,
        goals,
        language,
        months,
        message,
        extra,
    ) in REQUESTS:
        mentee, mentor = _member(mentee_local), _member(mentor_local)
        if mentee is None or mentor is None:
            continue
        if MentoringRequest.objects.filter(mentee=mentee, mentor=mentor).exists():
            continue
        _seed_request(now, mentee, mentor, state, days, goals, language, months, message, extra)
        created += 1
    log(f"Mentoring: {MentoringRequest.objects.count()} requests ({created} new), "
        f"{Mentorship.objects.count()} mentorships.")  # fmt: skip
    _seed_programme(now, OPEN_PROGRAMME, mentors, log)
    _seed_programme(now, CLOSED_PROGRAMME, mentors, log)
