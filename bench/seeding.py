"""Bulk seeding shared by the benchmarks (digest, search, load) on PostgreSQL.

Main rows go through the ORM's ``bulk_create`` (model defaults apply, and the PostgreSQL
triggers fill the search vectors on insert); the many small link rows (facets, tags, spoken
languages, registrations) are inserted set-based with ``INSERT ... SELECT`` over the rows just
created, which is much faster than building a Python object for each, through the helpers
of ``bench/bulk.py`` (table and column names from the models' ``_meta``, so the SQL follows
the real schema).

Call ``django.setup()`` before importing this module. Every function is deterministic (seeded
random generators, arithmetic on primary keys), so two runs of a benchmark see the same data.
"""

# ruff: noqa: S608 -- SQL is built from the models' table and column names and from this
# module's own constants (prefixes, domains); every value goes through parameters.

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from bench.bulk import bulk, column, execute, link_tags, table
from network.taxonomy import (
    SDG,
    OrganisationType,
    Seeking,
    Stage,
    TargetGroup,
    Theme,
    region_for_country,
)

WORDS = [
    "apprenticeship", "training", "skills", "digital", "green", "youth", "women", "employers",
    "workers", "college", "formation", "compétences", "apprentissage", "numérique", "jeunes",
    "femmes", "emploi", "métiers", "école", "formación", "competencias", "aprendizaje",
    "digital", "jóvenes", "mujeres", "empleo", "oficios", "escuela", "solar", "construction",
    "agriculture", "care", "tourism", "garment", "mining", "logistics", "health", "water",
]  # fmt: skip
# Words that occur in one row of many: the "rare word" cases of the search benchmark.
RARE = ["zanzibar", "quokka", "ayacucho", "tombouctou", "ushuaia"]
TAGS = [
    "solar", "apprenticeships", "digital skills", "rpl", "green skills", "inclusion",
    "financing", "youth", "care work", "construction", "agriculture", "tourism", "logistics",
    "health", "water", "mining", "garment", "micro-credentials", "work-based learning",
    "teacher training", "career guidance", "informal economy", "migration", "platform work",
    "entrepreneurship", "skills anticipation", "lifelong learning", "e-learning", "mobile",
    "women in stem",
]  # fmt: skip
COUNTRIES = [
    "KE", "NG", "SN", "ZA", "ET", "CO", "BR", "MX", "PE", "CA", "JO", "LB", "SA", "IN", "BD",
    "ID", "PH", "VN", "AU", "FR", "DE", "ES", "TR", "UA", "KZ",
]  # fmt: skip
FIRST_NAMES = [
    "Amina", "Kwame", "Lucía", "Mateo", "Fatou", "Ravi", "Mei", "Olga", "Youssef", "Ana",
    "Chinedu", "Sofía", "Ahmed", "Priya", "Jean", "Thandiwe", "Carlos", "Leila", "Nguyen",
    "Elena",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Mensah", "García", "Diallo", "Sharma", "Chen", "Ivanova", "El Amrani", "Silva",
    "Ndlovu", "Pérez", "Haddad", "Rahman", "Dubois", "Kariuki", "Tran", "Müller", "Yilmaz",
    "Santos", "Abebe",
]  # fmt: skip


def sentence(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(WORDS, k=k))


def ensure_tags(names=TAGS) -> list:
    from taggit.models import Tag

    return [
        Tag.objects.get_or_create(name=name, defaults={"slug": name.replace(" ", "-")})[0]
        for name in names
    ]


# --- members ----------------------------------------------------------------------------------
def seed_organisations(count: int, *, prefix: str = "org") -> list:
    from members.models import Organisation

    types = OrganisationType.values
    rng = random.Random(3)

    def build():
        for i in range(count):
            country = COUNTRIES[i % len(COUNTRIES)]
            yield Organisation(
                name=f"{rng.choice(['Institute', 'Centre', 'Agency', 'College', 'Council'])} "
                f"of {sentence(rng, 2).title()} {i}",
                slug=f"{prefix}-{i}",
                type=types[i % len(types)],
                country=country,
                region=region_for_country(country) or "",
                website=f"https://{prefix}-{i}.example.org",
                description=sentence(rng, 30),
                verified=i % 3 == 0,
            )

    return bulk(Organisation, build())


def seed_members(
    count: int,
    *,
    prefix: str = "m",
    domain: str = "bench.example",
    delivery: str = "weekly",
    discovery_digest: bool = True,
    interests: int = 2,
    expertise: int = 0,
    rich: bool = False,
    organisations=None,
    tag_names=TAGS,
) -> list:
    """Approved members with profiles (country, region, interests). ``rich``: a headline, a
    bio, mixed profile visibility, spoken languages, expertise, one mentor in ten, and an
    affiliation with one of ``organisations``."""
    from members.models import (
        Affiliation,
        Profile,
        SpokenLanguage,
        TaggedExpertise,
        TaggedInterest,
        User,
    )

    rng = random.Random(11)
    languages = ["en", "fr", "es"]
    users = bulk(
        User,
        (
            User(
                email=f"{prefix}{i}@{domain}",
                username=f"{prefix}{i}",
                display_name=(
                    f"{FIRST_NAMES[i % 20]} {LAST_NAMES[(i // 20) % 20]} {i}"
                    if rich
                    else f"Member {i}"
                ),
                status=User.Status.APPROVED,
                password="!",
                language=languages[i % 3],
            )
            for i in range(count)
        ),
    )

    def profiles():
        for i, user in enumerate(users):
            country = COUNTRIES[i % len(COUNTRIES)]
            profile = Profile(
                user=user,
                delivery=delivery,
                discovery_digest=discovery_digest,
                country=country,
                region=region_for_country(country) or "",
            )
            if rich:
                profile.headline = sentence(rng, 6).capitalize()
                profile.bio = sentence(rng, 60)
                profile.links = f"https://example.org/{user.username}"
                profile.visibility = "public" if i % 4 == 0 else "members"
                profile.open_to_mentor = i % 10 == 0
            yield profile

    bulk(Profile, profiles())
    # The domain is ours (no quotes): the members just created, for the set-based inserts.
    ids = f"SELECT id FROM {table(User)} WHERE {column(User, 'email')} LIKE '%%@{domain}'"
    tags = ensure_tags(tag_names)
    if interests:
        link_tags(TaggedInterest, ids, tags, interests)
    if expertise:
        link_tags(TaggedExpertise, ids, tags[5:], expertise)
    if rich:
        execute(
            f"""INSERT INTO {table(SpokenLanguage)} ({column(SpokenLanguage, "profile")},
                                                     {column(SpokenLanguage, "code")})
                SELECT u.id, (ARRAY['en', 'fr', 'es', 'ar', 'pt'])[1 + (u.id + k) %% 5]
                FROM ({ids}) u CROSS JOIN generate_series(0, 1) k ON CONFLICT DO NOTHING""",
        )
    if organisations:
        org_ids = [org.pk for org in organisations]
        execute(
            f"""INSERT INTO {table(Affiliation)} ({column(Affiliation, "user")},
                    {column(Affiliation, "organisation")}, {column(Affiliation, "role")},
                    {column(Affiliation, "created_at")})
                SELECT u.id, (%s::bigint[])[1 + u.id %% %s], 'Programme officer', now()
                FROM ({ids}) u""",
            [org_ids, len(org_ids)],
        )
    return users


def seed_mentors(users) -> int:
    """A mentor profile (themes, languages, formats) for members open to mentoring."""
    from mentoring.models import Availability, MentorFacet, MentorProfile

    rng = random.Random(5)
    mentor_users = [u for i, u in enumerate(users) if i % 10 == 0]
    bulk(
        MentorProfile,
        (
            MentorProfile(
                user=user,
                bio=sentence(rng, 40),
                capacity=1 + i % 5,
                availability=Availability.PAUSED if i % 7 == 0 else Availability.AVAILABLE,
            )
            for i, user in enumerate(mentor_users)
        ),
    )
    themes, formats = Theme.values, ["video", "phone", "chat", "email", "in-person"]
    facet_columns = ", ".join(column(MentorFacet, f) for f in ("mentor", "kind", "value"))
    mentor_ids = [u.pk for u in mentor_users]
    return execute(
        f"""INSERT INTO {table(MentorFacet)} ({facet_columns})
            SELECT m.id, v.kind, v.value FROM unnest(%s::bigint[]) AS m(id)
            CROSS JOIN LATERAL (VALUES
                ('theme', (%s::text[])[1 + m.id %% %s]),
                ('theme', (%s::text[])[1 + (m.id + 3) %% %s]),
                ('language', (ARRAY['en', 'fr', 'es'])[1 + m.id %% 3]),
                ('format', (%s::text[])[1 + m.id %% 5])) AS v(kind, value)
            ON CONFLICT DO NOTHING""",
        [mentor_ids, themes, len(themes), themes, len(themes), formats],
    )


# --- innovations ------------------------------------------------------------------------------
def seed_innovations(
    count: int,
    *,
    prefix: str = "bench",
    rare_every: int = 20000,
    published_at=lambda i: f"2026-01-01T00:00:{i % 60:02d}Z",
    visibility=lambda i: "public" if i % 5 else "members",
    status=lambda i: "published",
    owners=None,
    organisations=None,
    rich: bool = False,
    tags: int = 0,
    facets: bool = False,
) -> list:
    """Innovations with multilingual text (the trigger fills the search vectors).

    ``rich``: varied stages, problem and evidence text, owners and organisations, a few
    featured. ``facets``: region and country, two themes, an SDG, a target group and what it
    seeks, as the showcase filters use them. ``tags``: that many tags each.
    """
    from innovations.models import Innovation, InnovationFacet, TaggedInnovation

    rng = random.Random(42)
    stages = Stage.values

    def build():
        for index in range(count):
            words = rng.choices(WORDS, k=40)
            if rare_every and index % rare_every == 0:
                words.append(RARE[(index // rare_every) % len(RARE)])
            innovation = Innovation(
                title=" ".join(words[:6]).capitalize(),
                slug=f"{prefix}-{index}",
                summary=" ".join(words[6:20]),
                solution=" ".join(words[20:]),
                stage="pilot",
                status=status(index),
                visibility=visibility(index),
                published_at=published_at(index) if status(index) == "published" else None,
            )
            if rich:
                innovation.stage = stages[index % len(stages)]
                innovation.problem = sentence(rng, 50)
                innovation.evidence = sentence(rng, 40)
                innovation.links = f"https://example.org/innovations/{index}"
                innovation.featured = index % 997 == 0
                if owners:
                    innovation.owner = owners[(index * 13) % len(owners)]
                if organisations:
                    innovation.organisation = organisations[index % len(organisations)]
            yield innovation

    innovations = bulk(Innovation, build())
    ids = (
        f"SELECT id FROM {table(Innovation)} WHERE {column(Innovation, 'slug')} LIKE '{prefix}-%%'"
    )
    if facets:
        themes, sdgs = Theme.values, [str(v) for v in SDG.values]
        targets, seeking = TargetGroup.values, Seeking.values
        regions = [region_for_country(c) for c in COUNTRIES]
        facet_columns = ", ".join(
            column(InnovationFacet, f) for f in ("innovation", "kind", "value")
        )
        execute(
            f"""INSERT INTO {table(InnovationFacet)} ({facet_columns})
                SELECT i.id, v.kind, v.value FROM ({ids}) i
                CROSS JOIN LATERAL (VALUES
                    ('country', (%s::text[])[1 + (i.id * 7) %% %s]),
                    ('region', (%s::text[])[1 + (i.id * 7) %% %s]),
                    ('theme', (%s::text[])[1 + i.id %% %s]),
                    ('theme', (%s::text[])[1 + (i.id + 1 + i.id %% 5) %% %s]),
                    ('sdg', (%s::text[])[1 + (i.id * 3) %% %s]),
                    ('target', (%s::text[])[1 + i.id %% %s]),
                    ('seeking', (%s::text[])[1 + (i.id * 3) %% %s])) AS v(kind, value)
                ON CONFLICT DO NOTHING""",
            [COUNTRIES, len(COUNTRIES), regions, len(regions), themes, len(themes), themes,
             len(themes), sdgs, len(sdgs), targets, len(targets), seeking, len(seeking)],
        )  # fmt: skip
    if tags:
        link_tags(TaggedInnovation, ids, ensure_tags(), tags)
    return innovations


# --- resources --------------------------------------------------------------------------------
def seed_resources(
    count: int,
    *,
    prefix: str = "bench-resource",
    rare_every: int = 5000,
    rich: bool = False,
    tags: int = 0,
    contributors=None,
    organisations=None,
) -> list:
    """Published resources with external links (the trigger fills the search vectors)."""
    from resources.models import Resource, ResourceType, TaggedResource

    rng = random.Random(7)
    types = ResourceType.values
    languages = ["en", "fr", "es", "ar", "pt"]

    def build():
        for index in range(count):
            words = rng.choices(WORDS, k=30)
            if rare_every and index % rare_every == 0:
                words.append(RARE[(index // rare_every) % len(RARE)])
            resource = Resource(
                title=" ".join(words[:6]).capitalize(),
                slug=f"{prefix}-{index}",
                summary=" ".join(words[6:18]),
                description=" ".join(words[18:]),
                type="guide",
                language="en",
                publisher_type="ilo",
                year=2025,
                external_url=f"https://example.org/{index}",
                access="public" if index % 5 else "members",
                status="published",
                published_at=f"2026-01-01T00:00:{index % 60:02d}Z",
            )
            if rich:
                resource.type = types[index % len(types)]
                resource.language = languages[index % len(languages)]
                resource.publisher_type = ["ilo", "partner", "member"][index % 3]
                resource.year = 2010 + index % 16
                resource.licence = "cc-by-4.0"
                resource.description = sentence(rng, 80)
                resource.published_at = timezone.now() - timedelta(hours=index)
                if contributors and resource.publisher_type == "member":
                    resource.contributor = contributors[(index * 17) % len(contributors)]
                if organisations and resource.publisher_type == "partner":
                    resource.organisation = organisations[index % len(organisations)]
            yield resource

    resources = bulk(Resource, build())
    if tags:
        ids = (
            f"SELECT id FROM {table(Resource)} WHERE {column(Resource, 'slug')} LIKE '{prefix}-%%'"
        )
        link_tags(TaggedResource, ids, ensure_tags(), tags)
    return resources


# --- events -----------------------------------------------------------------------------------
def seed_events(count: int, *, prefix: str = "bench-event", members=()) -> list:
    """Events over two years (half past, half upcoming) of every type, scope and visibility,
    with one to two languages, a host, and registrations on one event in four (twenty
    members each: confirmed, some waitlisted or cancelled; past ones marked attended)."""
    from events.models import Event, EventHost, EventLanguage, EventType, Registration

    rng = random.Random(13)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    types = EventType.values
    zones = [
        "UTC",
        "Africa/Nairobi",
        "America/Bogota",
        "Asia/Amman",
        "Asia/Kolkata",
        "Europe/Paris",
    ]

    def build():
        for index in range(count):
            starts = now + timedelta(hours=(index - count // 2) * (17520 // max(count, 1) or 1))
            scope = ["global", "regional", "national"][index % 3]
            country = COUNTRIES[index % len(COUNTRIES)] if scope == "national" else ""
            yield Event(
                type=types[index % len(types)],
                scope=scope,
                region=(
                    region_for_country(COUNTRIES[index % len(COUNTRIES)]) or ""
                    if scope != "global"
                    else ""
                ),
                country=country,
                title=sentence(rng, 6).capitalize(),
                slug=f"{prefix}-{index}",
                summary=sentence(rng, 15),
                description=sentence(rng, 80),
                starts_at=starts,
                ends_at=starts + timedelta(hours=1 + index % 3),
                timezone=zones[index % len(zones)],
                online_url=f"https://meet.example.org/{prefix}-{index}",
                capacity=None if index % 4 == 1 else 15 + index % 50,
                visibility=["public", "public", "members", "private"][index % 4],
                status="cancelled" if index % 50 == 7 else "published",
                published_at=starts - timedelta(days=30),
                material_links="https://example.org/slides.pdf" if starts < now else "",
            )

    events = bulk(Event, build())
    ids = f"SELECT id FROM {table(Event)} WHERE {column(Event, 'slug')} LIKE '{prefix}-%%'"
    execute(
        f"""INSERT INTO {table(EventLanguage)} ({column(EventLanguage, "event")},
                                                {column(EventLanguage, "code")})
            SELECT e.id, (ARRAY['en', 'fr', 'es'])[1 + (e.id + k) %% 3]
            FROM ({ids}) e CROSS JOIN generate_series(0, (e.id %% 2)::int) k
            ON CONFLICT DO NOTHING""",
    )
    member_ids = [m.pk for m in members]
    if member_ids:
        n = len(member_ids)
        execute(
            f"""INSERT INTO {table(EventHost)} ({column(EventHost, "event")},
                    {column(EventHost, "user")}, {column(EventHost, "guest_name")},
                    {column(EventHost, "guest_affiliation")}, {column(EventHost, "role")},
                    {column(EventHost, "position")})
                SELECT e.id, (%s::bigint[])[1 + (e.id * 31) %% %s], '', '', 'host', 0
                FROM ({ids}) e""",
            [member_ids, n],
        )
        e, r = "e", Registration
        execute(
            f"""INSERT INTO {table(r)} ({column(r, "event")}, {column(r, "user")},
                    {column(r, "status")}, {column(r, "registered_at")},
                    {column(r, "confirmed_at")}, {column(r, "wants_reminders")},
                    {column(r, "attended")}, {column(r, "guest_name")},
                    {column(r, "guest_email")}, {column(r, "guest_organisation")},
                    {column(r, "guest_country")}, {column(r, "guest_language")})
                SELECT {e}.id, (%s::bigint[])[1 + ({e}.id * 37 + g) %% %s],
                    CASE WHEN g < 15 THEN 'confirmed' WHEN g < 18 THEN 'waitlisted'
                         ELSE 'cancelled' END,
                    {e}.starts_at - interval '10 days' + g * interval '1 hour',
                    CASE WHEN g < 15 THEN {e}.starts_at - interval '10 days' END,
                    true,
                    CASE WHEN g < 15 AND {e}.ends_at < now() THEN g %% 3 > 0 END,
                    '', '', '', '', ''
                FROM {table(Event)} {e} CROSS JOIN generate_series(0, 19) g
                WHERE {e}.slug LIKE '{prefix}-%%' AND {e}.id %% 4 = 0
                ON CONFLICT DO NOTHING""",
            [member_ids, n],
        )
    return events


def analyse(*models, vacuum: bool = False) -> None:
    """Merge the GIN pending lists and gather statistics (VACUUM ANALYZE with ``vacuum``), as
    autovacuum would do eventually: a benchmark should not measure a freshly loaded table."""
    with connection.cursor() as cursor:
        for index in ("innovation_search_gin", "resource_search_gin", "event_search_gin"):
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [index])
            if cursor.fetchone()[0]:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        if vacuum:
            cursor.execute("VACUUM ANALYZE")
        else:
            for model in models:
                cursor.execute(f"ANALYZE {table(model)}")
