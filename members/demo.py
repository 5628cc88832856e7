"""Demo members and organisations across the five ILO regions and every organisation type."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from members.models import Affiliation, Organisation, SpokenLanguage, User

DEMO_PASSWORD = "skills-network-demo"  # noqa: S105 - documented demo login, never in production

# (name, type, country, website, verified, description)
ORGANISATIONS = [
    (
        "National Industrial Training Authority",
        "government",
        "KE",
        "https://nita.example.org",
        True,
        "Regulates and funds industrial training and apprenticeships in Kenya.",
    ),
    (
        "Federation of Employers of East Africa",
        "employers",
        "UG",
        "https://feea.example.org",
        True,
        "Brings employers together on skills needs and work-based learning.",
    ),
    (
        "Centre de formation professionnelle de Dakar",
        "tvet",
        "SN",
        "",
        False,
        "Forme chaque année 1 200 jeunes aux métiers du bâtiment et du numérique.",
    ),
    (
        "Universidad Nacional – Laboratorio de Competencias",
        "academia",
        "CO",
        "",
        True,
        "Investigación aplicada sobre anticipación de competencias y formación dual.",
    ),
    (
        "Instituto Andino de Formación Técnica",
        "tvet",
        "PE",
        "",
        False,
        "Formación técnica para comunidades rurales de los Andes.",
    ),
    (
        "Confederación Sindical de Trabajadores Andinos",
        "workers",
        "EC",
        "",
        True,
        "Defiende la formación continua de las y los trabajadores.",
    ),
    (
        "Vocational Training Corporation",
        "government",
        "JO",
        "https://vtc.example.org",
        True,
        "Runs vocational training centres across Jordan.",
    ),
    (
        "Amal Youth Skills Initiative",
        "ngo",
        "LB",
        "",
        False,
        "Digital and green skills for young people and refugees in Lebanon.",
    ),
    (
        "Garment Skills Council",
        "employers",
        "BD",
        "",
        True,
        "Industry-led skills council for the ready-made garment sector.",
    ),
    (
        "Digital Skills Hub Manila",
        "company",
        "PH",
        "https://dshub.example.org",
        False,
        "Bootcamps and micro-credentials in digital skills.",
    ),
    (
        "Pacific TVET Network",
        "international",
        "FJ",
        "",
        True,
        "Connects TVET providers across Pacific island countries.",
    ),
    (
        "Apprenticeship Alliance Europe",
        "international",
        "BE",
        "",
        True,
        "A network of employers and providers for quality apprenticeships.",
    ),
    (
        "Central Asia Skills Partnership",
        "donor",
        "KZ",
        "",
        True,
        "Funds skills reform programmes in Central Asia.",
    ),
    (
        "Observatoire des compétences, Université de Lyon",
        "academia",
        "FR",
        "",
        False,
        "Étudie la reconnaissance des acquis et la formation tout au long de la vie.",
    ),
    (
        "Workers' Education Association",
        "workers",
        "IN",
        "",
        False,
        "Literacy, digital skills and lifelong learning for informal economy workers.",
    ),
    (
        "Makerspace Cooperativa",
        "other",
        "BR",
        "",
        False,
        "Um espaço maker comunitário que forma jovens em fabricação digital.",
    ),
]

# (display name, email local part, country, organisation index, role)
MEMBERS = [
    ("Amina Wanjiru", "amina.wanjiru", "KE", 0, "Head of apprenticeships"),
    ("Joseph Okello", "joseph.okello", "UG", 1, "Skills policy adviser"),
    ("Fatou Diop", "fatou.diop", "SN", 2, "Directrice pédagogique"),
    ("Moussa Sarr", "moussa.sarr", "SN", 2, "Formateur en électricité"),
    ("Chiamaka Eze", "chiamaka.eze", "NG", 9, "Programme manager"),
    ("Thabo Nkosi", "thabo.nkosi", "ZA", 1, "Workplace learning lead"),
    ("Hanna Bekele", "hanna.bekele", "ET", 0, "TVET quality officer"),
    ("Kofi Mensah", "kofi.mensah", "GH", 11, "Apprenticeship coordinator"),
    ("Lucía Ramírez", "lucia.ramirez", "CO", 3, "Investigadora principal"),
    ("Diego Fernández", "diego.fernandez", "PE", 4, "Director académico"),
    ("Valentina Torres", "valentina.torres", "EC", 5, "Secretaria de formación"),
    ("Carlos Mendoza", "carlos.mendoza", "MX", 3, "Especialista en formación dual"),
    ("Ana Souza", "ana.souza", "BR", 15, "Coordenadora de projetos"),
    ("Marie-Claire Joseph", "marieclaire.joseph", "HT", 2, "Conseillère en insertion"),
    ("Jennifer Clarke", "jennifer.clarke", "JM", 11, "Employer engagement lead"),
    ("Rania Haddad", "rania.haddad", "LB", 7, "Founder"),
    ("Omar Al-Masri", "omar.almasri", "JO", 6, "Director of training centres"),
    ("Layla Nasser", "layla.nasser", "JO", 6, "Curriculum developer"),
    ("Yousef Al-Harthy", "yousef.alharthy", "OM", 6, "Skills anticipation analyst"),
    ("Mariam Khalil", "mariam.khalil", "PS", 7, "Youth programme officer"),
    ("Ahmed Saleh", "ahmed.saleh", "YE", 7, "Field coordinator"),
    ("Nusrat Jahan", "nusrat.jahan", "BD", 8, "Industry skills manager"),
    ("Rahul Mehta", "rahul.mehta", "IN", 14, "Trainer and organiser"),
    ("Priya Nair", "priya.nair", "IN", 14, "Research officer"),
    ("Maria Santos", "maria.santos", "PH", 9, "Head of learning design"),
    ("Nguyen Thi Lan", "nguyen.lan", "VN", 9, "Partnerships lead"),
    ("Siosaia Taufa", "siosaia.taufa", "TO", 10, "TVET coordinator"),
    ("Mere Rokotuiwai", "mere.rokotuiwai", "FJ", 10, "Network manager"),
    ("Budi Santoso", "budi.santoso", "ID", 9, "Digital skills trainer"),
    ("Aigerim Nurlanovna", "aigerim.nurlanovna", "KZ", 12, "Programme officer"),
    ("Bakhyt Omarov", "bakhyt.omarov", "UZ", 12, "Skills reform adviser"),
    ("Elif Yılmaz", "elif.yilmaz", "TR", 11, "Apprenticeship expert"),
    ("Claire Martin", "claire.martin", "FR", 13, "Chercheuse"),
    ("Julien Lefèvre", "julien.lefevre", "FR", 13, "Maître de conférences"),
    ("Sofie Peeters", "sofie.peeters", "BE", 11, "Policy officer"),
    ("Giorgi Beridze", "giorgi.beridze", "GE", 12, "Monitoring specialist"),
    ("Olena Kovalenko", "olena.kovalenko", "UA", 11, "Training manager"),
    ("Javier López", "javier.lopez", "ES", 3, "Consultor en competencias verdes"),
    ("Samuel Mwangi", "samuel.mwangi", "KE", 0, "ICT instructor"),
    ("Grace Banda", "grace.banda", "MW", 1, "Gender and inclusion officer"),
]

# Named demo logins listed in the README and printed by `make run`.
DEMO_LOGINS = [
    # (email, display name, country, organisation index, role, kind)
    ("member@example.org", "Aisha Bello", "NG", 0, "Innovation lead", "member"),
    ("mentor@example.org", "Roberto Silva", "CL", 3, "Senior skills expert", "member"),
    ("moderator@example.org", "Mina Park", "KR", 11, "Network moderator", "moderator"),
    ("admin@example.org", "Network Administrator", "CH", 11, "Administrator", "admin"),
]

APPLICANTS = [
    ("Pedro Alves", "pedro.alves", "MZ", 2, "Trainer"),
    ("Sara Hussein", "sara.hussein", "IQ", 7, "Volunteer coordinator"),
    ("Tomás Rivera", "tomas.rivera", "GT", 4, "Docente"),
]


EXPERTISE = [
    ["apprenticeships", "work-based learning", "employer engagement"],
    ["digital skills", "micro-credentials", "online learning"],
    ["green skills", "renewable energy", "curriculum design"],
    ["recognition of prior learning", "informal economy", "assessment"],
    ["skills anticipation", "labour market information", "policy"],
    ["inclusion", "gender", "persons with disabilities"],
    ["TVET governance", "quality assurance", "financing"],
    ["entrepreneurship", "youth employment", "mentoring"],
]
LANGUAGES_BY_COUNTRY = {
    "SN": ["fr", "en"], "HT": ["fr"], "FR": ["fr", "en"], "BE": ["fr", "en"],
    "CO": ["es", "en"], "PE": ["es"], "EC": ["es"], "MX": ["es", "en"], "ES": ["es", "fr", "en"],
    "GT": ["es"], "CL": ["es", "en"], "BR": ["pt", "es", "en"], "MZ": ["pt", "en"],
    "JO": ["ar", "en"], "LB": ["ar", "fr", "en"], "OM": ["ar", "en"], "PS": ["ar", "en"],
    "YE": ["ar"], "IQ": ["ar", "en"], "KE": ["en", "sw"], "UG": ["en", "sw"],
    "BD": ["bn", "en"], "IN": ["hi", "en"], "KZ": ["ru", "en"], "UZ": ["ru", "en"],
    "TR": ["tr", "en"], "UA": ["ru", "en"], "GE": ["ru", "en"], "ID": ["id", "en"],
    "ET": ["am", "en"], "NG": ["en", "ha"],
}  # fmt: skip


def _profile(user, *, country, index, role):
    profile = user.profile
    if profile.headline:
        return  # already seeded: leave what is there (and what people changed) alone
    profile.headline = role
    profile.country = country
    profile.bio = (
        f"{role}. I work on **{EXPERTISE[index % len(EXPERTISE)][0]}** and like to compare "
        "notes with peers in other regions."
    )
    profile.open_to_mentor = index % 4 == 0
    profile.visibility = "public" if index % 3 == 0 else "members"
    profile.save()
    profile.expertise.set(EXPERTISE[index % len(EXPERTISE)])
    profile.interests.set(EXPERTISE[(index + 3) % len(EXPERTISE)][:2])
    for code in LANGUAGES_BY_COUNTRY.get(country, ["en"]):
        SpokenLanguage.objects.get_or_create(profile=profile, code=code)


def _user(*, email, name, status, is_staff=False, is_superuser=False):
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            display_name=name,
            status=status,
            is_staff=is_staff,
            is_superuser=is_superuser,
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(*, log) -> None:
    organisations = []
    for name, kind, country, website, verified, description in ORGANISATIONS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                type=kind,
                country=country,
                website=website,
                verified=verified,
                description=description,
            )
        organisations.append(organisation)

    # The demo moderator holds both staff roles, as DESIGN's moderator does: review and
    # reports (Moderators), events and programmes (Programme and event managers).
    staff_groups = [
        Group.objects.get_or_create(name=name)[0]
        for name in ("Moderators", "Programme and event managers")
    ]
    for index, (email, name, country, org, role, kind) in enumerate(DEMO_LOGINS):
        user = _user(
            email=email,
            name=name,
            status=User.Status.APPROVED,
            is_staff=kind in {"moderator", "admin"},
            is_superuser=kind == "admin",
        )
        if kind == "moderator":
            user.groups.add(*staff_groups)
        _profile(user, country=country, index=index, role=role)
        Affiliation.objects.get_or_create(
            user=user, organisation=organisations[org], defaults={"role": role}
        )
    for rows, status in ((MEMBERS, User.Status.APPROVED), (APPLICANTS, User.Status.APPLICANT)):
        for index, (name, local, country, org, role) in enumerate(rows):
            user = _user(email=f"{local}@example.org", name=name, status=status)
            _profile(user, country=country, index=index + 1, role=role)
            Affiliation.objects.get_or_create(
                user=user, organisation=organisations[org], defaults={"role": role}
            )
    log(
        f"Members: {User.objects.approved().count()} approved, "
        f"{User.objects.applicants().count()} applicants, "
        f"{Organisation.objects.count()} organisations."
    )
    log(f"Demo logins (password: {DEMO_PASSWORD}):")
    for email, _name, _country, _org, _role, kind in DEMO_LOGINS:
        log(f"  {kind:<10} {email}")
