"""Demo innovations: a showcase across every stage, theme and ILO region.

Idempotent: each innovation is keyed on the slug of its title and skipped when it exists;
its team, comments, endorsements, follows, updates, interests and adoptions are only
added in the run that creates it. Every date is fixed, so two fresh databases seeded on
different days hold the same content. No notifications or emails are sent.
"""

from datetime import UTC, date, datetime, timedelta

from django.utils.text import slugify

from innovations.models import (
    Adoption,
    Comment,
    Endorsement,
    Follow,
    Innovation,
    Interest,
    Status,
    TeamMember,
    Update,
    Visibility,
)
from innovations.services import innovation_save
from members.demo import approved_locals
from members.models import Affiliation, User
from network.taxonomy import Seeking, Stage, TargetGroup, Theme

# Nothing the demo dates (endorsements, follows) goes past this moment.
LATEST = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)

CONFIRMED = Adoption.Status.CONFIRMED
PROPOSED = Adoption.Status.PROPOSED
COLLABORATE = "collaborate"
SUPPORT = "support"
PILOT = "pilot"
ADOPT = "adopt"

# People are named by the local part of their demo address (``member`` is
# member@example.org). Dates are "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", in UTC.
INNOVATIONS = [
    # --- Africa --------------------------------------------------------------------------
    {
        "title": "Jifunze Logbook: digital records for informal apprenticeships",
        "owner": "amina.wanjiru",
        "status": Status.PUBLISHED,
        "featured": True,
        "stage": Stage.SCALED,
        "themes": [Theme.APPRENTICESHIPS, Theme.DIGITAL_SKILLS],
        "sdgs": [4, 8],
        "targets": [TargetGroup.YOUTH, TargetGroup.INFORMAL, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.ADOPTERS, Seeking.PARTNERS],
        "countries": ["KE"],
        "tags": ["informal apprenticeship", "mobile", "trade testing"],
        "summary": (
            "A mobile logbook in which master craftspeople and apprentices in Kenya's jua kali "
            "sector record tasks, skills and hours, so that an informal apprenticeship leads to "
            "a recognised trade test."
        ),
        "problem": (
            "Around **eight in ten young Kenyans who learn a trade** do so through an informal "
            "apprenticeship with a master craftsperson in the jua kali sector. What they learn is "
            "rarely written down, so after two or three years they have skills but no proof of "
            "them. Trade-test centres and employers cannot tell a welder with 200 hours of arc "
            "welding from one who mostly swept the workshop, and paper logbooks got lost or were "
            "filled in the night before the test."
        ),
        "solution": (
            "Jifunze is a light Android app, with a USSD fallback for basic phones, built on "
            "NITA's occupational standards. Each week the apprentice ticks off the tasks "
            "practised, the master confirms with a PIN, and the app builds a skills profile "
            "mapped to the Grade III trade test.\n\n"
            "- Works offline and synchronises when a connection is available\n"
            "- Master craftspeople receive a small stipend for each apprentice who completes "
            "the log\n"
            "- Trade-test centres see the profile in advance and book the apprentice directly"
        ),
        "evidence": (
            "Since 2022, **14,600 apprentices and 3,900 master craftspeople** in 21 counties have "
            "used the logbook. Among apprentices with a complete log, **71% passed the Grade III "
            "trade test at the first attempt**, against 48% of informal-route candidates without "
            "one. A tracer survey of 1,200 completers found that 62% were in paid work or "
            "self-employed twelve months later."
        ),
        "links": "https://jifunze.example.org",
        "team": [("samuel.mwangi", "Technical lead"), ("member", "Nigeria adaptation lead")],
        "created": "2025-01-20",
        "published": "2025-02-10",
        "comments": [
            (
                "kofi.mensah",
                "2025-02-18 14:10",
                "We have the same problem with traditional apprenticeships in Ghana. How do you "
                "stop masters from confirming tasks the apprentice never did? Is there any "
                "spot-checking?",
            ),
            (
                "amina.wanjiru",
                "2025-02-19 08:45",
                "Good question, Kofi. County officers check a random 5% of logs every quarter, "
                "and a log with too many tasks confirmed in a single week is flagged "
                "automatically. The trade test itself remains the final check.",
            ),
            (
                "thabo.nkosi",
                "2025-04-03 11:20",
                "The USSD fallback is a smart choice. In our workplace learning pilots, tools "
                "that needed a smartphone reached fewer than half of the informal workshops.",
            ),
            (
                "member",
                "2025-07-22 16:05",
                "We are adapting the logbook for auto mechanics in Lagos. Mapping the tasks to "
                "our own occupational standards took longest, so budget time for that step.",
            ),
        ],
        "updates": [
            (
                "samuel.mwangi",
                "2025-03-04",
                "USSD version released",
                "Apprentices without a smartphone can now log tasks by dialling a short code. "
                "Masters confirm with the same PIN as in the app.",
            ),
            (
                "amina.wanjiru",
                "2025-11-18",
                "Part of NITA's standard procedure",
                "From January 2026, a complete Jifunze log is accepted as evidence of practice "
                "for every informal-route candidate to the Grade III trade test.",
            ),
        ],
        "endorsements": 14,
        "follows": 9,
        "interests": [
            (
                "chiamaka.eze",
                ADOPT,
                "2025-05-12 10:30",
                "We run digital skills bootcamps and would like to use the logbook for the "
                "workplace phase of our ICT support apprenticeships. Could we talk about the "
                "licence and the cost of hosting?",
            ),
        ],
        "adoptions": [
            (
                "Federation of Employers of East Africa",
                "UG",
                "2025-06-02",
                "Used with motorcycle mechanics in Kampala; tasks mapped to the Uganda "
                "Vocational Qualifications Framework.",
                CONFIRMED,
                "amina.wanjiru",
            ),
            (
                "Dar es Salaam Artisans' Association",
                "TZ",
                "2025-10-01",
                "Swahili-only interface and a paper back-up card for workshops without power.",
                CONFIRMED,
                "amina.wanjiru",
            ),
            (
                "Kumasi Magazine Artisans' Association",
                "GH",
                "2026-02-10",
                "Planned for vehicle repair apprentices in Suame Magazine, linked to the "
                "national TVET qualifications.",
                PROPOSED,
                "kofi.mensah",
            ),
        ],
    },
    {
        "title": "Chantiers-écoles solaires pour jeunes femmes électriciennes",
        "owner": "fatou.diop",
        "status": Status.PUBLISHED,
        "stage": Stage.EVALUATED,
        "themes": [Theme.GREEN_SKILLS, Theme.INCLUSION_GENDER],
        "sdgs": [5, 7, 8],
        "targets": [TargetGroup.WOMEN, TargetGroup.YOUTH, TargetGroup.RURAL],
        "seeking": [Seeking.FUNDING, Seeking.ADOPTERS],
        "countries": ["SN"],
        "tags": ["solaire", "femmes", "chantier-école"],
        "summary": (
            "Des chantiers-écoles où des jeunes femmes apprennent à installer et entretenir des "
            "systèmes solaires en électrifiant de vrais bâtiments publics dans les régions "
            "rurales du Sénégal."
        ),
        "problem": (
            "Le Sénégal installe chaque année des milliers de kits et de mini-réseaux solaires, "
            "mais les entreprises peinent à recruter des techniciennes et techniciens qualifiés. "
            "**Moins de 5 % des inscrits** dans les filières électricité de nos centres sont des "
            "femmes : les familles jugent le métier dangereux et les stages se trouvent loin des "
            "villages."
        ),
        "solution": (
            "Pendant six mois, des cohortes de 20 jeunes femmes alternent cours au centre et "
            "**chantiers-écoles** : encadrées par des formateurs et une entreprise partenaire, "
            "elles posent les installations solaires d'écoles et de postes de santé de leur "
            "région.\n\n"
            "- Module de sécurité électrique et de travail en hauteur\n"
            "- Marraines issues des premières promotions\n"
            "- Caisse à outils remise à la fin de la formation"
        ),
        "evidence": (
            "L'évaluation menée en 2024 avec un laboratoire universitaire porte sur **4 cohortes "
            "(78 apprenantes)**. **87 %** ont obtenu le certificat de technicienne en "
            "installation photovoltaïque et **64 %** travaillaient dans le secteur solaire six "
            "mois plus tard, contre 31 % dans un groupe de comparaison formé uniquement en salle. "
            "Les chantiers ont électrifié 23 écoles et 9 postes de santé."
        ),
        "team": [("moussa.sarr", "Formateur référent")],
        "created": "2024-10-21",
        "published": "2024-11-12",
        "comments": [
            (
                "marieclaire.joseph",
                "2024-11-20 09:15",
                "Très inspirant. Comment avez-vous convaincu les familles au départ ? En Haïti, "
                "c'est souvent le principal frein pour les filières techniques.",
            ),
            (
                "fatou.diop",
                "2024-11-21 17:40",
                "Nous organisons une journée portes ouvertes sur le premier chantier : les "
                "parents voient leurs filles travailler en sécurité, avec tout l'équipement. Les "
                "marraines des promotions précédentes font le reste.",
            ),
            (
                "grace.banda",
                "2025-03-06 12:00",
                "We are considering something similar in Malawi. Would you share the safety "
                "module? We would be glad to translate it into English and send it back.",
            ),
        ],
        "updates": [
            (
                "moussa.sarr",
                "2025-06-20",
                "Cinquième cohorte à Kolda",
                "Vingt nouvelles apprenantes ont commencé leur formation ; leur premier "
                "chantier sera le poste de santé de Médina Yoro Foulah.",
            ),
        ],
        "endorsements": 11,
        "follows": 8,
        "adoptions": [
            (
                "Lycée technique de Thiès",
                "SN",
                "2025-02-01",
                "Chantiers-écoles intégrés au brevet de technicien en électricité, avec la moitié "
                "des places réservée aux filles.",
                CONFIRMED,
                "fatou.diop",
            ),
            (
                "Mzuzu Community Technical College",
                "MW",
                "2026-01-15",
                "Solar installation fieldwork for young women, adapted to Malawi's off-grid "
                "health centres.",
                PROPOSED,
                "grace.banda",
            ),
        ],
    },
    {
        "title": "Validation des acquis sur chantier pour les artisans du bâtiment",
        "owner": "moussa.sarr",
        "status": Status.PUBLISHED,
        "stage": Stage.PILOT,
        "themes": [Theme.RECOGNITION_OF_PRIOR_LEARNING],
        "sdgs": [8, 4],
        "targets": [TargetGroup.INFORMAL, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.PARTNERS, Seeking.MENTORING],
        "countries": ["SN"],
        "tags": ["VAE", "bâtiment", "économie informelle"],
        "summary": (
            "Une validation des acquis qui permet aux maçons, ferrailleurs et plombiers formés "
            "sur le tas d'obtenir un certificat de qualification grâce à un entretien oral et une "
            "épreuve pratique sur un vrai chantier."
        ),
        "problem": (
            "À Dakar, la grande majorité des ouvriers du bâtiment a appris le métier sur le tas, "
            "dans l'économie informelle. Sans diplôme, ils restent cantonnés aux tâches les moins "
            "payées et ne peuvent pas être déclarés sur les marchés publics qui exigent du "
            "personnel certifié. Les procédures classiques de validation reposent sur un dossier "
            "écrit que beaucoup ne peuvent pas remplir."
        ),
        "solution": (
            "Nous remplaçons le dossier écrit par **un entretien en wolof ou en français et une "
            "épreuve pratique sur chantier**, évaluée par un binôme formateur et maître "
            "artisan.\n\n"
            "1. Positionnement : un conseiller recense les savoir-faire du candidat.\n"
            "2. Épreuve pratique de deux jours sur un chantier partenaire.\n"
            "3. Certification totale ou partielle, avec un module court pour combler les écarts."
        ),
        "evidence": (
            "Le pilote porte sur **212 candidats** dans trois métiers. À ce jour, 148 ont passé "
            "l'épreuve pratique : **96 ont obtenu une certification complète** et 41 une "
            "validation partielle. Les entreprises partenaires sont satisfaites, mais nous "
            "n'avons pas encore de données sur les revenus."
        ),
        "created": "2025-08-25",
        "published": "2025-09-08",
        "comments": [
            (
                "claire.martin",
                "2025-09-12 10:05",
                "L'épreuve sur chantier est une excellente idée. Avez-vous prévu de suivre les "
                "revenus des certifiés à 12 mois ? Nous pouvons vous aider pour le protocole "
                "d'enquête.",
            ),
            (
                "moussa.sarr",
                "2025-09-13 08:30",
                "Avec plaisir ! Nous voulions justement ajouter une enquête téléphonique à 6 et "
                "12 mois. Je vous écris cette semaine.",
            ),
            (
                "omar.almasri",
                "2025-09-30 13:45",
                "Our RPL for construction workers in Jordan also moved from portfolios to "
                "practical tests, and completion rose a lot. Happy to share our assessor guide.",
            ),
        ],
        "updates": [
            (
                "moussa.sarr",
                "2025-12-15",
                "Premiers certificats remis",
                "Les 96 premiers certificats ont été remis au centre en présence de la chambre "
                "des métiers et de trois entreprises de BTP.",
            ),
        ],
        "endorsements": 6,
        "follows": 5,
        "interests": [
            (
                "julien.lefevre",
                COLLABORATE,
                "2025-10-02 15:20",
                "Nous travaillons sur la VAE en France et serions heureux de comparer vos "
                "grilles d'évaluation avec les nôtres, peut-être dans le cadre d'un mémoire de "
                "master.",
            ),
        ],
    },
    {
        "title": "Inclusive apprenticeships for young people with disabilities in Lagos",
        "owner": "member",
        "status": Status.PUBLISHED,
        "stage": Stage.PILOT,
        "themes": [Theme.INCLUSION_GENDER, Theme.APPRENTICESHIPS],
        "sdgs": [4, 8, 10],
        "targets": [TargetGroup.DISABILITIES, TargetGroup.YOUTH, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.FUNDING, Seeking.MENTORING, Seeking.PARTNERS],
        "countries": ["NG"],
        "tags": ["disability inclusion", "apprenticeships", "reasonable accommodation"],
        "summary": (
            "Employers, organisations of persons with disabilities and a technical college in "
            "Lagos prepare workshops and trainers to take on apprentices with disabilities, with "
            "reasonable accommodation paid from a small shared fund."
        ),
        "problem": (
            "Few young Nigerians with disabilities complete technical training. Employers say "
            "they would take on apprentices with disabilities but do not know how to adapt tasks "
            "or workshops, and in-company trainers have never been taught how. Families often "
            "keep young people at home because transport and workplaces are inaccessible."
        ),
        "solution": (
            "Each apprentice is matched with a host company and a **disability inclusion "
            "adviser** from an organisation of persons with disabilities.\n\n"
            "- An accessibility check of the workshop and a **reasonable accommodation plan** "
            "for each apprentice\n"
            "- A three-day course for in-company trainers on inclusive instruction, including "
            "basic sign language and visual job aids\n"
            "- A shared fund pays for ramps, adapted tools and transport allowances"
        ),
        "evidence": (
            "The pilot started in September 2025 with **18 companies and 42 apprentices** who are "
            "deaf, physically disabled or have low vision, in tailoring, ICT support, catering "
            "and solar installation. After six months, **39 apprentices are still in their "
            "placements**. Accommodation has cost USD 180 per apprentice on average, far less "
            "than employers expected."
        ),
        "team": [("grace.banda", "Inclusion adviser")],
        "created": "2026-03-16",
        "published": "2026-03-30",
        "comments": [
            (
                "amina.wanjiru",
                "2026-04-02 09:00",
                "Congratulations, Aisha. The USD 180 figure is worth putting in front of every "
                "employers' association: cost is the first objection we hear in Kenya too.",
            ),
            (
                "mentor",
                "2026-04-09 18:25",
                "Keep the shared fund simple to claim from. In a Chilean programme, firms stopped "
                "asking for accommodation money once the paperwork took longer than a week.",
            ),
            (
                "hanna.bekele",
                "2026-05-14 07:50",
                "Do you assess the apprentices with the standard trade test, or with adapted "
                "arrangements? We are struggling with accessible assessment in Ethiopia.",
            ),
            (
                "member",
                "2026-05-15 10:10",
                "With the standard test, but with adapted arrangements agreed in advance with the "
                "awarding body: extra time, a sign language interpreter, large-print drawings.",
            ),
        ],
        "updates": [
            (
                "member",
                "2026-06-02",
                "Ten more companies join",
                "After a breakfast meeting with the chamber of commerce, ten more companies "
                "signed up to host apprentices from the next intake.",
            ),
            (
                "grace.banda",
                "2026-09-14",
                "First practical assessments",
                "Eleven apprentices in tailoring and catering took their first practical "
                "assessment with adapted arrangements; all eleven passed.",
            ),
        ],
        "endorsements": 8,
        "follows": 6,
        "interests": [
            (
                "joseph.okello",
                SUPPORT,
                "2026-04-20 11:00",
                "Our federation could help you recruit host companies in other states and cover "
                "part of the shared fund through our members' training levy.",
            ),
        ],
    },
    # --- Americas ------------------------------------------------------------------------
    {
        "title": "Cercles de compétences de vie pour jeunes déscolarisés",
        "owner": "marieclaire.joseph",
        "status": Status.PUBLISHED,
        "visibility": Visibility.MEMBERS,
        "stage": Stage.PROTOTYPE,
        "themes": [Theme.CORE_SKILLS, Theme.INCLUSION_GENDER],
        "sdgs": [4, 10, 16],
        "targets": [TargetGroup.YOUTH, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.FUNDING, Seeking.PILOT_SITES, Seeking.MENTORING],
        "countries": ["HT"],
        "tags": ["compétences de vie", "pairs-éducateurs", "décrochage"],
        "summary": (
            "Des cercles hebdomadaires animés par des pairs où les jeunes déscolarisés de "
            "Port-au-Prince travaillent la communication, la résolution de problèmes et la "
            "gestion du stress avant d'entrer en formation professionnelle."
        ),
        "problem": (
            "Beaucoup de jeunes abandonnent nos formations professionnelles dans les trois "
            "premiers mois : près d'un sur trois l'an dernier. Ils arrivent après des années "
            "hors de l'école, souvent marqués par la violence des quartiers, et manquent de "
            "confiance et de méthodes pour régler un conflit avec un formateur ou un employeur."
        ),
        "solution": (
            "Avant la formation technique, les jeunes suivent **huit semaines de cercles** de 12 "
            "participants, animés par d'anciens apprenants formés comme pairs-éducateurs. Chaque "
            "séance part d'une situation réelle (un retard, un client mécontent, un conflit "
            "d'équipe) et se termine par un petit engagement pour la semaine. Un carnet de "
            "progression illustré aide les jeunes qui lisent difficilement."
        ),
        "evidence": (
            "Le prototype a été testé avec **deux cercles (23 jeunes)** en 2025. 20 ont terminé "
            "les huit semaines et 18 sont entrés en formation professionnelle. Ces chiffres sont "
            "encourageants mais trop faibles pour conclure : nous cherchons un partenaire pour "
            "un pilote avec groupe de comparaison."
        ),
        "created": "2025-09-01",
        "published": "2025-09-22",
        "comments": [
            (
                "fatou.diop",
                "2025-09-25 14:30",
                "Les pairs-éducateurs, c'est exactement ce qui nous manque à Dakar. Comment les "
                "rémunérez-vous ?",
            ),
            (
                "marieclaire.joseph",
                "2025-09-26 09:10",
                "Une indemnité par séance et une priorité pour les stages en entreprise. Pour "
                "beaucoup, c'est leur première expérience de responsabilité.",
            ),
            (
                "mentor",
                "2025-10-08 20:15",
                "Consider a short situational judgement test at entry and exit. It is cheap and "
                "convinces funders more than self-assessment does.",
            ),
        ],
        "updates": [
            (
                "marieclaire.joseph",
                "2025-12-05",
                "Un troisième cercle à Carrefour",
                "Un troisième cercle a démarré avec 12 jeunes, cette fois avec un test de mise "
                "en situation en début et en fin de parcours.",
            ),
        ],
        "endorsements": 5,
        "follows": 6,
        "interests": [
            (
                "rania.haddad",
                PILOT,
                "2025-10-20 16:45",
                "We see the same drop-out in our first months in Lebanon. We would like to test "
                "the circles in Arabic with one cohort in Tripoli. Could we adapt your booklet?",
            ),
        ],
    },
    {
        "title": "Radar de ocupaciones emergentes a partir de vacantes en línea",
        "owner": "lucia.ramirez",
        "status": Status.PUBLISHED,
        "featured": True,
        "stage": Stage.EVALUATED,
        "themes": [Theme.SKILLS_ANTICIPATION, Theme.TVET_QUALITY],
        "sdgs": [8, 9, 4],
        "targets": [TargetGroup.TEACHERS, TargetGroup.EMPLOYERS, TargetGroup.YOUTH],
        "seeking": [Seeking.PARTNERS, Seeking.ADOPTERS],
        "countries": ["CO"],
        "tags": ["datos de vacantes", "inteligencia laboral", "currículo"],
        "summary": (
            "Un tablero que analiza cada mes más de 200.000 vacantes publicadas en línea en "
            "Colombia para detectar ocupaciones y competencias emergentes y actualizar a tiempo "
            "los programas de formación técnica."
        ),
        "problem": (
            "Los programas de formación técnica tardan en promedio **tres a cuatro años** en "
            "actualizarse, y las encuestas de demanda laboral son caras y llegan tarde. Mientras "
            "tanto, los centros siguen ofreciendo cupos en perfiles saturados y las empresas no "
            "encuentran técnicos en analítica de datos, energías renovables o logística "
            "refrigerada."
        ),
        "solution": (
            "El radar recoge vacantes de los principales portales de empleo, las depura y las "
            "clasifica con un modelo entrenado en la Clasificación Única de Ocupaciones para "
            "Colombia (CUOC).\n\n"
            "- **Alertas trimestrales** a las mesas sectoriales cuando la demanda de una "
            "competencia crece más de 25 %\n"
            "- Tablero abierto por departamento y nivel de formación\n"
            "- Talleres con docentes para traducir las señales en cambios de currículo"
        ),
        "evidence": (
            "Una evaluación independiente de 2025 comparó el radar con la encuesta de hogares: "
            "**las tendencias coincidieron en 83 % de las ocupaciones**, con nueve meses de "
            "anticipación. A partir de sus alertas se actualizaron **17 programas técnicos** y se "
            "abrieron 5 nuevos en logística y energía solar. Los centros que usaron el radar "
            "redujeron en 18 % los cupos en programas con baja inserción laboral."
        ),
        "links": "https://radar.example.org",
        "team": [("carlos.mendoza", "Análisis de datos")],
        "created": "2025-05-05",
        "published": "2025-05-19",
        "comments": [
            (
                "yousef.alharthy",
                "2025-05-27 08:20",
                "How do you deal with the bias of online vacancies towards urban, formal and "
                "higher-skilled jobs? That is our main worry in Oman.",
            ),
            (
                "lucia.ramirez",
                "2025-05-28 15:00",
                "We weight the results with household survey data and never use the radar alone "
                "for rural or informal occupations: there, sector councils and employer "
                "interviews come first.",
            ),
            (
                "javier.lopez",
                "2025-06-11 12:35",
                "Muy útil. ¿El modelo de clasificación está disponible para adaptarlo a la "
                "clasificación de ocupaciones española?",
            ),
            (
                "mentor",
                "2025-07-02 19:40",
                "En Chile estamos discutiendo algo parecido con el observatorio laboral. Los "
                "felicito por validar el radar con la encuesta de hogares: eso convence a los "
                "ministerios.",
            ),
        ],
        "updates": [
            (
                "carlos.mendoza",
                "2025-10-14",
                "Nueva versión del clasificador",
                "El clasificador reconoce ahora 1.200 competencias digitales y verdes, y su "
                "código está publicado con licencia abierta.",
            ),
            (
                "lucia.ramirez",
                "2026-03-09",
                "Cinco programas nuevos abiertos",
                "Tres centros abrieron programas en logística refrigerada y dos en instalación "
                "de sistemas solares, a partir de las alertas de 2025.",
            ),
        ],
        "endorsements": 16,
        "follows": 12,
        "interests": [
            (
                "yousef.alharthy",
                COLLABORATE,
                "2025-06-03 09:45",
                "We would like to test your classifier on Arabic-language vacancies in Oman and "
                "share the results with you.",
            ),
        ],
        "adoptions": [
            (
                "Observatorio Laboral de Jalisco",
                "MX",
                "2025-11-03",
                "Clasificador adaptado al sistema mexicano de ocupaciones (SINCO), con alertas "
                "para la industria electrónica.",
                CONFIRMED,
                "carlos.mendoza",
            ),
            (
                "Dirección General de Empleo, Ministerio de Trabajo",
                "PY",
                "2026-03-02",
                "Propuesta de uso con las vacantes del portal público de empleo de Paraguay.",
                PROPOSED,
                "mentor",
            ),
        ],
    },
    {
        "title": "Escuelas de campo para técnicos en riego y agricultura resiliente al clima",
        "owner": "diego.fernandez",
        "status": Status.PUBLISHED,
        "stage": Stage.PILOT,
        "themes": [Theme.GREEN_SKILLS],
        "sdgs": [2, 13, 4],
        "targets": [TargetGroup.RURAL, TargetGroup.YOUTH],
        "seeking": [Seeking.FUNDING, Seeking.PILOT_SITES],
        "countries": ["PE", "BO"],
        "tags": ["riego", "agricultura", "formación itinerante"],
        "summary": (
            "Formación técnica itinerante en comunidades altoandinas: jóvenes productores "
            "aprenden riego por goteo, manejo de suelos y cosecha de agua en parcelas "
            "demostrativas y obtienen una certificación modular."
        ),
        "problem": (
            "En las comunidades altoandinas de Cusco y Puno, las heladas y las sequías cada vez "
            "más frecuentes destruyen las cosechas, y los jóvenes migran a las ciudades porque "
            "la agricultura no les da ingresos. Los institutos técnicos están a horas de viaje y "
            "sus horarios no se ajustan al calendario agrícola."
        ),
        "solution": (
            "Dos docentes recorren las comunidades con un **módulo móvil de riego** y trabajan en "
            "parcelas demostrativas cedidas por la comunidad. La formación se organiza en cuatro "
            "módulos de 60 horas, en quechua y castellano, según el calendario de siembra. Cada "
            "módulo aprobado se certifica y suma hacia el título de técnico agropecuario."
        ),
        "evidence": (
            "En el piloto, iniciado en marzo de 2025, participan **146 jóvenes de 11 "
            "comunidades**, 41 % de ellos mujeres. 112 ya aprobaron al menos dos módulos, y 38 "
            "familias instalaron riego por goteo con apoyo del gobierno regional. Aún no tenemos "
            "datos de ingresos: los rendimientos se medirán tras la cosecha de 2026."
        ),
        "created": "2025-11-03",
        "published": "2025-11-24",
        "comments": [
            (
                "valentina.torres",
                "2025-11-28 10:00",
                "Qué bueno que la formación se dicte en quechua. ¿Los módulos son reconocidos "
                "por el ministerio de educación o solo por el instituto?",
            ),
            (
                "diego.fernandez",
                "2025-11-29 07:30",
                "Están registrados en el catálogo nacional de la oferta formativa, así que "
                "cualquier instituto público los reconoce para el título.",
            ),
            (
                "javier.lopez",
                "2026-01-16 13:15",
                "Les recomiendo describir las competencias verdes de cada módulo con una "
                "taxonomía común: facilita el reconocimiento en otros países andinos.",
            ),
        ],
        "updates": [
            (
                "diego.fernandez",
                "2026-02-10",
                "Segunda campaña en Puno",
                "El módulo móvil llegó a cuatro comunidades nuevas del lago Titicaca; 52 jóvenes "
                "se inscribieron en la primera semana.",
            ),
        ],
        "endorsements": 7,
        "follows": 5,
    },
    {
        "title": "Fondo bipartito de formación continua para trabajadores de la agroindustria",
        "owner": "valentina.torres",
        "status": Status.PUBLISHED,
        "stage": Stage.SCALING,
        "themes": [Theme.FINANCING_SKILLS, Theme.LIFELONG_LEARNING],
        "sdgs": [8, 4, 10],
        "targets": [TargetGroup.LOW_SKILLED, TargetGroup.OLDER, TargetGroup.WOMEN],
        "seeking": [Seeking.PARTNERS, Seeking.ADOPTERS],
        "countries": ["EC"],
        "tags": ["diálogo social", "fondo de formación", "agroindustria"],
        "summary": (
            "Un fondo financiado con el 0,5 % de la nómina y gestionado por sindicatos y empresas "
            "que paga cursos certificados para trabajadoras y trabajadores de plantaciones de "
            "banano y flores, en horario laboral."
        ),
        "problem": (
            "En las plantaciones de banano y flores de Ecuador, la mayoría de los trabajadores "
            "tiene baja escolaridad y casi nunca accede a formación: los cursos públicos se "
            "dictan en las ciudades y las fincas pequeñas no pueden pagarlos. Cuando llegan la "
            "mecanización o nuevas normas de certificación, son los primeros en perder el empleo."
        ),
        "solution": (
            "Sindicatos y asociaciones de productores firmaron un convenio que crea un **fondo "
            "bipartito**:\n\n"
            "- Las empresas aportan el 0,5 % de la nómina y el Estado iguala el aporte durante "
            "los tres primeros años\n"
            "- Un comité paritario decide los cursos según las necesidades de cada finca\n"
            "- Los cursos se dictan en la finca, en horario pagado, y conducen a una "
            "certificación de competencias reconocida"
        ),
        "evidence": (
            "Desde 2022 el fondo ha financiado formación para **9.400 trabajadoras y "
            "trabajadores** de 186 fincas en cuatro provincias; el 58 % eran mujeres y el 35 % "
            "tenía más de 45 años. Una evaluación de 2024 encontró que los participantes "
            "certificados ganaban **un 11 % más** y rotaban un 30 % menos que trabajadores "
            "similares de fincas no afiliadas."
        ),
        "created": "2025-01-06",
        "published": "2025-01-20",
        "comments": [
            (
                "aigerim.nurlanovna",
                "2025-01-29 06:40",
                "How did you get the state to match the contributions? In Kazakhstan, every "
                "levy discussion gets stuck on who controls the money.",
            ),
            (
                "valentina.torres",
                "2025-01-30 17:20",
                "The joint committee was the key: the money stays in a trust that neither side "
                "controls alone, and the ministry sits on the committee as an observer.",
            ),
            (
                "rahul.mehta",
                "2025-03-12 11:55",
                "Paid training time on site is what makes the difference for seasonal and "
                "low-paid workers. A great design.",
            ),
        ],
        "updates": [
            (
                "valentina.torres",
                "2025-05-01",
                "Convenio renovado hasta 2029",
                "Sindicatos y productores renovaron el convenio por cuatro años más y sumaron "
                "las fincas de cacao de Los Ríos.",
            ),
        ],
        "endorsements": 9,
        "follows": 6,
        "adoptions": [
            (
                "Sindicato de trabajadores bananeros de Urabá",
                "CO",
                "2026-04-20",
                "Propuesta de un fondo similar con aportes de las comercializadoras de banano.",
                PROPOSED,
                "lucia.ramirez",
            ),
        ],
    },
    # --- Arab States ---------------------------------------------------------------------
    {
        "title": "Recognising the construction skills of refugees and Jordanian workers",
        "owner": "omar.almasri",
        "status": Status.PUBLISHED,
        "featured": True,
        "stage": Stage.SCALED,
        "themes": [Theme.MIGRANTS_REFUGEES, Theme.RECOGNITION_OF_PRIOR_LEARNING],
        "sdgs": [8, 10, 16],
        "targets": [TargetGroup.MIGRANTS, TargetGroup.INFORMAL, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.ADOPTERS, Seeking.PARTNERS],
        "countries": ["JO"],
        "tags": ["RPL", "refugees", "construction", "work permits"],
        "summary": (
            "Practical skills tests and short top-up courses give Syrian refugees and Jordanian "
            "construction workers an occupational licence: the condition for a work permit and "
            "for formal jobs on building sites."
        ),
        "problem": (
            "Many Syrian refugees in Jordan are skilled masons, tilers, plumbers and "
            "electricians, but they arrived without certificates. Without an occupational "
            "licence they cannot get a work permit in construction, so many work informally for "
            "lower pay, without safety equipment or social protection. Jordanian workers in the "
            "informal sector face the same barrier."
        ),
        "solution": (
            "Training centres run **one-day practical assessments** against Jordan's "
            "occupational standards, in Arabic, with assessors trained by the national "
            "accreditation body.\n\n"
            "- Candidates who pass receive an occupational licence and are referred for a work "
            "permit\n"
            "- Those with gaps take a short top-up course of 40 to 80 hours and are reassessed\n"
            "- Employers' associations help with outreach and sit on assessment panels"
        ),
        "evidence": (
            "Since 2017, **over 28,000 workers** (about 60% Syrian refugees and 40% Jordanians) "
            "have been assessed and **24,000 certified** in 14 occupations. A 2023 tracer study "
            "found that **certified workers earned 17% more** and were twice as likely to have a "
            "written contract as before certification. The approach was written into the "
            "national RPL bylaw in 2021 and now runs in 12 centres."
        ),
        "team": [("layla.nasser", "Assessment standards")],
        "created": "2023-11-06",
        "published": "2023-11-28",
        "comments": [
            (
                "bakhyt.omarov",
                "2023-12-05 07:15",
                "Very relevant for our labour migrants returning to Uzbekistan. Did you have to "
                "change the law first, or could you start under the existing rules?",
            ),
            (
                "omar.almasri",
                "2023-12-06 10:30",
                "We started in 2017 under a ministerial decision for a pilot. The bylaw came "
                "four years later, once the numbers had convinced the ministry.",
            ),
            (
                "olena.kovalenko",
                "2024-02-14 09:05",
                "The top-up course instead of a full programme is the detail that matters. "
                "Adults who need an income cannot spend a year back at school.",
            ),
            (
                "rania.haddad",
                "2024-09-18 14:50",
                "We have started using your test specifications for tiling and electrical "
                "installation in Lebanon. Thank you, Layla, for the assessor training!",
            ),
        ],
        "updates": [
            (
                "omar.almasri",
                "2024-05-15",
                "24,000 certificates",
                "The 24,000th certificate went to a tiler from Zaatari camp, now a site "
                "supervisor for a contractor in Amman.",
            ),
            (
                "layla.nasser",
                "2025-02-03",
                "Two new occupations",
                "Solar PV installer and air-conditioning technician are now assessed too, "
                "following demand from employers.",
            ),
        ],
        "endorsements": 18,
        "follows": 13,
        "interests": [
            (
                "bakhyt.omarov",
                ADOPT,
                "2024-01-10 08:00",
                "We are designing skills recognition for returning migrants in Uzbekistan and "
                "would like to adapt your test specifications and the top-up course model.",
            ),
            (
                "aigerim.nurlanovna",
                SUPPORT,
                "2024-03-21 12:30",
                "Our partnership could fund a study visit to Amman for a delegation from two "
                "Central Asian ministries of labour.",
            ),
        ],
        "adoptions": [
            (
                "Amal Youth Skills Initiative",
                "LB",
                "2024-10-01",
                "Practical tests in tiling and electrical installation for Syrian and Lebanese "
                "young people, certified by the vocational education directorate.",
                CONFIRMED,
                "omar.almasri",
            ),
            (
                "Erbil Vocational Training Centre",
                "IQ",
                "2025-06-15",
                "Adapted for displaced people and Syrian refugees in the Kurdistan Region, with "
                "assessments in Kurdish and Arabic.",
                CONFIRMED,
                "layla.nasser",
            ),
        ],
    },
    {
        "title": "Online freelancing academy for young people in Lebanon",
        "owner": "rania.haddad",
        "status": Status.PUBLISHED,
        "stage": Stage.SCALING,
        "themes": [Theme.DIGITAL_SKILLS, Theme.ENTREPRENEURSHIP_SKILLS],
        "sdgs": [8, 5, 10],
        "targets": [TargetGroup.YOUTH, TargetGroup.WOMEN, TargetGroup.MIGRANTS],
        "seeking": [Seeking.FUNDING, Seeking.PARTNERS],
        "countries": ["LB"],
        "tags": ["online work", "freelancing", "youth employment"],
        "summary": (
            "A 12-week blended programme that takes young Lebanese and refugees from basic "
            "digital skills to their first paid freelance contracts in translation, design and "
            "data work, with coaching by alumni."
        ),
        "problem": (
            "Youth unemployment in Lebanon has been very high since the 2019 crisis, and "
            "refugees face legal limits on the jobs they can take locally. Online work opens "
            "international markets, but young people lack the skills, portfolios and confidence "
            "to win a first contract, and many give up after weeks of unanswered bids."
        ),
        "solution": (
            "Cohorts of 30 combine online modules with weekly sessions in community hubs that "
            "have reliable power and internet.\n\n"
            "- **Weeks 1–6:** one technical track (translation, graphic design or data work)\n"
            "- **Weeks 7–12:** profile, pricing, client communication and contracts\n"
            "- A **first-contract fund** pays for two small real assignments from local NGOs, so "
            "every graduate has reviewed work to show\n\n"
            "Alumni coach the next cohort."
        ),
        "evidence": (
            "Since 2022, **1,140 young people** have graduated (56% women, 38% refugees). **61% "
            "earned income online within six months**, with a median of USD 310 a month, and "
            "23% now earn more than the minimum wage. A hub opened in Tripoli in January 2026 "
            "and one in the Bekaa follows this year."
        ),
        "team": [("mariam.khalil", "Coaching coordinator")],
        "created": "2025-03-24",
        "published": "2025-04-14",
        "comments": [
            (
                "maria.santos",
                "2025-04-22 03:30",
                "We see the same drop-off after unanswered bids in the Philippines. The "
                "first-contract fund is a clever fix. Do you worry about graduates depending on "
                "NGO clients?",
            ),
            (
                "rania.haddad",
                "2025-04-22 09:10",
                "We cap it at two assignments per graduate; after that they bid on the open "
                "platforms. Most first real clients come from the reviews of those two jobs.",
            ),
            (
                "chiamaka.eze",
                "2025-06-17 15:25",
                "Could you share how you run the weekly hub sessions when the power is out? We "
                "have the same issue in parts of Nigeria.",
            ),
        ],
        "updates": [
            (
                "rania.haddad",
                "2025-06-30",
                "Partnership with a translation platform",
                "A translation platform now reserves a first batch of paid tasks for our "
                "graduates in Arabic–English and Arabic–French.",
            ),
            (
                "mariam.khalil",
                "2026-01-20",
                "Tripoli hub opens",
                "Our second hub opened in Tripoli with a solar-powered room for 30 learners and "
                "childcare on session days.",
            ),
        ],
        "endorsements": 12,
        "follows": 9,
        "interests": [
            (
                "nguyen.lan",
                COLLABORATE,
                "2025-05-06 04:15",
                "We are building a similar track for young people in the Mekong Delta and would "
                "like to compare curricula and the results of the first-contract fund.",
            ),
        ],
    },
    {
        "title": "Anticipating the skills for Oman's green hydrogen projects",
        "owner": "yousef.alharthy",
        "status": Status.PUBLISHED,
        "stage": Stage.IDEA,
        "themes": [Theme.SKILLS_ANTICIPATION, Theme.GREEN_SKILLS],
        "sdgs": [7, 8, 13],
        "targets": [TargetGroup.YOUTH, TargetGroup.EMPLOYERS, TargetGroup.TEACHERS],
        "seeking": [Seeking.PARTNERS, Seeking.MENTORING],
        "countries": ["OM"],
        "tags": ["green hydrogen", "forecasting", "energy transition"],
        "summary": (
            "An idea for a joint employer and college task force that turns the plans of green "
            "hydrogen projects into a year-by-year forecast of the technicians Oman will need, "
            "before the jobs appear."
        ),
        "problem": (
            "Oman plans large-scale green hydrogen production by 2030, which will need "
            "electrical, instrumentation and process technicians, welders and safety officers. "
            "Today, colleges learn about new skill needs only when companies start recruiting, "
            "and the gap is filled by workers from abroad."
        ),
        "solution": (
            "We propose to use project pipelines (capacity, construction schedules, technology "
            "choices) to estimate staffing needs by occupation and year, and to feed the "
            "forecasts into college intake plans and short courses for oil and gas workers.\n\n"
            "- Staffing ratios from comparable projects abroad\n"
            "- **Employer panels** of developers, contractors and colleges validating the "
            "numbers every six months\n"
            "- An open dashboard updated twice a year"
        ),
        "evidence": "",
        "created": "2026-03-30",
        "published": "2026-04-20",
        "comments": [
            (
                "lucia.ramirez",
                "2026-04-24 13:00",
                "Project pipelines are a good leading indicator. Once the projects start "
                "hiring, online vacancies could help you check the forecasts.",
            ),
            (
                "giorgi.beridze",
                "2026-05-06 08:40",
                "Decide early how you will check the accuracy of the forecasts. We learnt that "
                "the hard way with a sector study in Georgia.",
            ),
        ],
        "updates": [
            (
                "yousef.alharthy",
                "2026-05-11",
                "First employer workshop",
                "Eleven companies and four colleges met in Muscat and agreed on a first list of "
                "22 occupations to forecast.",
            ),
        ],
        "endorsements": 4,
        "follows": 7,
        "interests": [
            (
                "javier.lopez",
                COLLABORATE,
                "2026-05-20 10:00",
                "I worked on green skills mapping for renewable energy projects in Spain and "
                "would be glad to share the staffing ratios we used.",
            ),
        ],
    },
    {
        "title": "Incubation lab for young women graduates' social enterprises",
        "owner": "mariam.khalil",
        "status": Status.PUBLISHED,
        "stage": Stage.PROTOTYPE,
        "themes": [Theme.ENTREPRENEURSHIP_SKILLS, Theme.INCLUSION_GENDER],
        "sdgs": [5, 8],
        "targets": [TargetGroup.WOMEN, TargetGroup.YOUTH],
        "seeking": [Seeking.MENTORING, Seeking.FUNDING],
        "countries": ["PS"],
        "tags": ["social enterprise", "women entrepreneurs", "incubation"],
        "summary": (
            "A six-month lab in Ramallah and Nablus where young women graduates turn a "
            "community problem into a small social enterprise, learning costing, digital "
            "marketing and negotiation along the way."
        ),
        "problem": (
            "Unemployment among young women graduates in the occupied Palestinian territory is "
            "among the highest in the region. Restrictions on movement limit the jobs they can "
            "reach, and business training mostly targets men who already run a business. Women "
            "who want to start one face family doubts and have no access to credit."
        ),
        "solution": (
            "Teams of three develop a social enterprise in six months through **design "
            "thinking, costing and pricing, digital marketing and pitching**. Each team is "
            "paired with a woman entrepreneur as mentor, receives a small seed grant after a "
            "public pitch, and works from a shared space with childcare."
        ),
        "evidence": (
            "The first cohort (2025) had **27 women in 9 teams**. Seven teams launched a product "
            "or service, and **four were earning revenue after six months**, among them an "
            "organic vegetable box and a sign-language tutoring service. This is early evidence "
            "from a single cohort."
        ),
        "created": "2026-01-12",
        "published": "2026-02-02",
        "comments": [
            (
                "grace.banda",
                "2026-02-10 09:30",
                "Childcare in the shared space is such an important detail. How many of the "
                "participants used it?",
            ),
            (
                "mariam.khalil",
                "2026-02-11 11:45",
                "Eleven of the 27, and three told us they could not have joined without it.",
            ),
        ],
        "updates": [
            (
                "mariam.khalil",
                "2026-06-18",
                "Second cohort selected",
                "36 women in 12 teams start in July, half of them from Nablus.",
            ),
        ],
        "endorsements": 6,
        "follows": 4,
    },
    # --- Asia and the Pacific ------------------------------------------------------------
    {
        "title": "Upskilling garment operators before automation arrives",
        "owner": "nusrat.jahan",
        "status": Status.PUBLISHED,
        "stage": Stage.SCALING,
        "themes": [Theme.LIFELONG_LEARNING, Theme.INCLUSION_GENDER],
        "sdgs": [5, 8, 9],
        "targets": [TargetGroup.WOMEN, TargetGroup.LOW_SKILLED, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.PARTNERS, Seeking.ADOPTERS],
        "countries": ["BD"],
        "tags": ["garment industry", "automation", "women workers"],
        "summary": (
            "Factory-based training that moves sewing operators, most of them women, into "
            "machine maintenance, quality control and supervisory roles as factories automate "
            "their cutting and sewing lines."
        ),
        "problem": (
            "Bangladesh's ready-made garment sector employs about four million workers, most of "
            "them women with little formal schooling. As factories install automated cutting and "
            "sewing equipment, the most repetitive jobs go first, and the new technician and "
            "supervisor roles go mostly to men recruited from outside."
        ),
        "solution": (
            "The council and member factories identify the roles that automation creates and "
            "train existing operators for them, **inside the factory and during paid hours**:\n\n"
            "- Three-month courses in machine maintenance, quality control and line supervision\n"
            "- Literacy and numeracy support built into every course\n"
            "- Factories commit to promoting graduates and keep paying their wage during training"
        ),
        "evidence": (
            "In 2023–2025, **6,300 operators from 84 factories** completed a course, **78% of "
            "them women**. Twelve months later, 59% had moved into a higher-grade role, with an "
            "average wage increase of 22%. Participating factories lost 40% fewer women workers "
            "during automation than comparable factories."
        ),
        "created": "2026-01-19",
        "published": "2026-02-09",
        "comments": [
            (
                "priya.nair",
                "2026-02-16 05:20",
                "Keeping the wage during training is what makes this work. Did factories resist "
                "that commitment at first?",
            ),
            (
                "nusrat.jahan",
                "2026-02-16 08:55",
                "Some did. What convinced them was the cost of recruiting technicians from "
                "outside, which is higher than three months of an operator's wage.",
            ),
            (
                "olena.kovalenko",
                "2026-03-25 12:10",
                "The comparison with factories outside the programme is very convincing. Would "
                "you share the evaluation design?",
            ),
        ],
        "updates": [
            (
                "nusrat.jahan",
                "2026-06-15",
                "Sixty more factories join",
                "Sixty factories in Gazipur and Chattogram signed up for the 2026–2027 round, "
                "with a new course in digital pattern-making.",
            ),
        ],
        "endorsements": 10,
        "follows": 7,
        "adoptions": [
            (
                "Cambodian Garment Training Institute",
                "KH",
                "2026-09-01",
                "Khmer-language materials and an added course in digital pattern-making.",
                CONFIRMED,
                "nusrat.jahan",
            ),
        ],
    },
    {
        "title": "Literacy and digital payment circles for street vendors",
        "owner": "rahul.mehta",
        "status": Status.PUBLISHED,
        "stage": Stage.EVALUATED,
        "themes": [Theme.DIGITAL_SKILLS, Theme.ENTREPRENEURSHIP_SKILLS],
        "sdgs": [1, 8, 10],
        "targets": [TargetGroup.INFORMAL, TargetGroup.WOMEN, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.FUNDING, Seeking.ADOPTERS],
        "countries": ["IN"],
        "tags": ["street vendors", "digital payments", "adult literacy"],
        "summary": (
            "Trained vendor leaders run one-hour circles at markets before opening time, so "
            "that street vendors, many of them women, can read receipts, take digital payments "
            "and keep simple accounts."
        ),
        "problem": (
            "India has millions of street vendors. Many read with difficulty, have no bank "
            "account in their own name and lost customers when buyers moved to digital "
            "payments. Formal courses do not work for them: they cannot leave their stalls "
            "during the day."
        ),
        "solution": (
            "Our union trains experienced vendors as **circle leaders**. Circles of 10 to 15 "
            "vendors meet at the market for an hour before opening:\n\n"
            "- Reading and numeracy using prices, receipts and the vendor's own stock\n"
            "- Opening a bank account, taking UPI payments and spotting fraud\n"
            "- Simple accounts on a phone and registration for social protection schemes"
        ),
        "evidence": (
            "A randomised evaluation with a university partner covered **2,400 vendors in 120 "
            "markets** in Delhi and Pune. After six months, **82% of participants accepted "
            "digital payments**, against 36% in control markets, and their reported monthly "
            "income was 14% higher. Effects were largest for women vendors."
        ),
        "team": [("priya.nair", "Research and evaluation")],
        "created": "2024-12-02",
        "published": "2024-12-16",
        "comments": [
            (
                "budi.santoso",
                "2024-12-20 04:45",
                "Using the vendor's own stock for numeracy exercises is brilliant. We will try "
                "it with market traders in Surabaya.",
            ),
            (
                "thabo.nkosi",
                "2025-01-22 10:35",
                "How much does a circle leader earn, and who pays? That is usually where peer "
                "models stop after the project ends.",
            ),
            (
                "rahul.mehta",
                "2025-01-23 06:00",
                "A small honorarium paid from union dues, plus the standing it gives them in the "
                "market. None of our leaders has left in two years.",
            ),
        ],
        "updates": [
            (
                "priya.nair",
                "2025-03-18",
                "Evaluation report published",
                "The full report, with results by gender and by market, is available from our "
                "office in Hindi and English.",
            ),
        ],
        "endorsements": 13,
        "follows": 8,
        "adoptions": [
            (
                "Nepal Street Vendors' Union",
                "NP",
                "2025-04-10",
                "Circles in Nepali, focused on QR payments and receipts for market fees.",
                CONFIRMED,
                "rahul.mehta",
            ),
        ],
    },
    {
        "title": "Stackable data micro-credentials for contact-centre workers",
        "owner": "maria.santos",
        "status": Status.PUBLISHED,
        "visibility": Visibility.MEMBERS,
        "stage": Stage.PILOT,
        "themes": [Theme.DIGITAL_SKILLS, Theme.LIFELONG_LEARNING],
        "sdgs": [4, 8],
        "targets": [TargetGroup.YOUTH, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.PILOT_SITES, Seeking.PARTNERS],
        "countries": ["PH"],
        "tags": ["micro-credentials", "BPO", "AI transition"],
        "summary": (
            "Evening micro-credentials, co-designed with outsourcing companies, that let "
            "contact-centre agents work up to a data analyst role in four stackable steps, each "
            "recognised by employers for promotion."
        ),
        "problem": (
            "The Philippine IT and business process outsourcing industry employs well over a "
            "million people, many in voice roles that generative AI is now automating. Agents "
            "work night shifts and cannot attend full-time courses, and online certificates are "
            "rarely recognised by employers for promotion."
        ),
        "solution": (
            "Four **eight-week micro-credentials** (spreadsheets, SQL, dashboards, data "
            "storytelling), each with two evening sessions a week and assessed on real, "
            "anonymised employer data. Employers agree in advance that each credential counts "
            "towards a specific job grade, and the credentials are being registered as "
            "stackable units in the national qualifications framework."
        ),
        "evidence": (
            "The pilot with **three employers and 260 agents** started in October 2024. 71% "
            "completed the first credential and 44% the second. **38 agents have already moved "
            "into reporting or quality-analyst roles.** Full results come once the first cohort "
            "completes all four steps in 2026."
        ),
        "team": [("budi.santoso", "Curriculum design")],
        "created": "2025-06-09",
        "published": "2025-06-30",
        "comments": [
            (
                "nguyen.lan",
                "2025-07-08 02:50",
                "Linking each credential to a job grade before the course starts is the key. "
                "How did you get employers to commit to that?",
            ),
            (
                "maria.santos",
                "2025-07-08 07:15",
                "We started with the HR heads, not the training managers, and showed them what "
                "hiring a data analyst from outside costs them.",
            ),
        ],
        "updates": [
            (
                "maria.santos",
                "2025-11-27",
                "Fourth employer joins",
                "A healthcare outsourcing company joins the pilot with 80 agents, adding a "
                "module on health data privacy.",
            ),
        ],
        "endorsements": 8,
        "follows": 6,
        "interests": [
            (
                "chiamaka.eze",
                PILOT,
                "2025-08-04 13:40",
                "Our hub in Lagos works with two contact centres that face the same shift to AI. "
                "We would like to host a pilot of the first two credentials.",
            ),
        ],
    },
    {
        "title": "Climate-resilient building skills for outer islands",
        "owner": "mere.rokotuiwai",
        "status": Status.PUBLISHED,
        "stage": Stage.SCALING,
        "themes": [Theme.GREEN_SKILLS, Theme.TVET_QUALITY],
        "sdgs": [11, 13, 4],
        "targets": [TargetGroup.RURAL, TargetGroup.YOUTH, TargetGroup.WOMEN],
        "seeking": [Seeking.FUNDING, Seeking.PARTNERS],
        "countries": ["FJ", "TO", "VU"],
        "tags": ["climate resilience", "construction", "mobile training"],
        "summary": (
            "Mobile TVET teams train carpenters and builders on outer islands in "
            "cyclone-resistant construction, with a micro-qualification recognised across "
            "Pacific island countries."
        ),
        "problem": (
            "After cyclones Winston and Harold, many houses on the outer islands of Fiji and "
            "Tonga were rebuilt by local builders without training in cyclone-resistant "
            "techniques, and were damaged again by the next storm. TVET institutions are in the "
            "main towns, and few rural builders can afford weeks away to train there."
        ),
        "solution": (
            "Teams of two trainers travel by boat with a **tool container** and run three-week "
            "courses in the villages, building a real community structure (a classroom, an "
            "evacuation centre) as the practical assessment.\n\n"
            "- Bracing, hold-down connections, roof tie-downs and site selection\n"
            "- Assessment against a **regional micro-qualification**, recognised in every "
            "participating country\n"
            "- Women are trained as site supervisors and quality checkers"
        ),
        "evidence": (
            "Since 2021, **1,020 builders in 64 villages** in Fiji, Tonga and Vanuatu have earned "
            "the micro-qualification; 19% are women. **41 community buildings** were completed "
            "during training. After Cyclone Lola in 2023, all 12 training buildings in the "
            "affected area of Vanuatu remained usable as shelters."
        ),
        "team": [("siosaia.taufa", "Tonga coordinator")],
        "created": "2024-06-17",
        "published": "2024-07-08",
        "comments": [
            (
                "diego.fernandez",
                "2024-07-15 22:10",
                "Building a real community structure as the assessment is a great idea. We do "
                "something similar with irrigation plots in the Andes.",
            ),
            (
                "jennifer.clarke",
                "2024-09-02 13:25",
                "The Caribbean has exactly the same problem after every hurricane season. Is the "
                "micro-qualification documented in English somewhere we could read it?",
            ),
            (
                "siosaia.taufa",
                "2024-09-03 19:00",
                "Yes: the unit standards are public on the regional qualifications register. "
                "Happy to walk you through them.",
            ),
        ],
        "updates": [
            (
                "siosaia.taufa",
                "2025-03-12",
                "Ha'apai cohort completed",
                "Eighteen builders from four islands in Ha'apai completed the course and rebuilt "
                "the evacuation centre at Pangai.",
            ),
            (
                "mere.rokotuiwai",
                "2026-01-28",
                "Solomon Islands and Samoa join",
                "Two more countries will run the course from 2026, using the same "
                "micro-qualification.",
            ),
        ],
        "endorsements": 9,
        "follows": 7,
        "adoptions": [
            (
                "Solomon Islands Rural Training Centres Association",
                "SB",
                "2026-02-15",
                "Adapted for timber-frame houses on stilts in coastal villages.",
                CONFIRMED,
                "mere.rokotuiwai",
            ),
        ],
    },
    # --- Europe and Central Asia ---------------------------------------------------------
    {
        "title": "Performance-based funding for technical colleges",
        "owner": "aigerim.nurlanovna",
        "status": Status.PUBLISHED,
        "visibility": Visibility.MEMBERS,
        "stage": Stage.EVALUATED,
        "themes": [Theme.FINANCING_SKILLS, Theme.TVET_QUALITY],
        "sdgs": [4, 8, 17],
        "targets": [TargetGroup.TEACHERS, TargetGroup.YOUTH, TargetGroup.DISABILITIES],
        "seeking": [Seeking.PARTNERS, Seeking.MENTORING],
        "countries": ["KZ", "UZ"],
        "tags": ["performance-based funding", "colleges", "tracer studies"],
        "summary": (
            "Part of the public funding of technical colleges in Kazakhstan and Uzbekistan is "
            "paid on results: graduate employment, employer satisfaction and the enrolment of "
            "disadvantaged students."
        ),
        "problem": (
            "Colleges were funded purely per enrolled student, so they had no reason to keep "
            "programmes relevant or follow up on graduates. Many kept enrolling students in "
            "programmes with low employment rates, while employers complained about outdated "
            "equipment and curricula."
        ),
        "solution": (
            "Since 2022, **15% of each participating college's budget** depends on three "
            "indicators:\n\n"
            "1. Graduates in work or further study one year later, from social insurance "
            "records\n"
            "2. An employer satisfaction survey\n"
            "3. Enrolment and completion of students from rural areas and with disabilities\n\n"
            "Colleges receive a grant to improve their data systems and a coach for their "
            "improvement plans."
        ),
        "evidence": (
            "An evaluation of **48 pilot and 52 comparison colleges** (2022–2025) found that the "
            "one-year employment rate of graduates rose **from 54% to 63%** in pilot colleges. "
            "Enrolment of students with disabilities doubled, and colleges closed or merged 37 "
            "low-performing programmes. The evaluation also warns that some colleges tried to "
            "select stronger students, which the equity indicator only partly offsets."
        ),
        "team": [("bakhyt.omarov", "Uzbekistan focal point")],
        "created": "2025-10-27",
        "published": "2025-11-10",
        "comments": [
            (
                "hanna.bekele",
                "2025-11-14 08:25",
                "Ethiopia is discussing the same reform. Was 15% of the budget enough to change "
                "behaviour, or did colleges ignore it at first?",
            ),
            (
                "aigerim.nurlanovna",
                "2025-11-15 05:50",
                "In the first year many ignored it. The change came when the results were "
                "published by college: directors cared about the ranking more than the money.",
            ),
            (
                "giorgi.beridze",
                "2025-12-03 10:00",
                "Thank you for being open about cream-skimming. Most reports on results-based "
                "funding leave that out.",
            ),
        ],
        "updates": [
            (
                "bakhyt.omarov",
                "2026-02-24",
                "Uzbekistan extends the scheme",
                "The ministry extends performance-based funding to 30 more colleges in the "
                "Fergana Valley from September 2026.",
            ),
        ],
        "endorsements": 7,
        "follows": 5,
        "interests": [
            (
                "hanna.bekele",
                COLLABORATE,
                "2025-11-20 09:00",
                "We would like to learn from your indicator design and data systems for a "
                "reform of TVET funding in Ethiopia.",
            ),
        ],
    },
    {
        "title": "Shared apprenticeships for small firms in industrial zones",
        "owner": "elif.yilmaz",
        "status": Status.PUBLISHED,
        "stage": Stage.PILOT,
        "themes": [Theme.APPRENTICESHIPS],
        "sdgs": [8, 9, 4],
        "targets": [TargetGroup.EMPLOYERS, TargetGroup.YOUTH],
        "seeking": [Seeking.PILOT_SITES, Seeking.ADOPTERS],
        "countries": ["TR"],
        "tags": ["SMEs", "shared apprenticeships", "manufacturing"],
        "summary": (
            "Small manufacturers in Turkish industrial zones share apprentices through a "
            "zone-level training office that rotates them between firms and handles contracts, "
            "mentoring and off-the-job training."
        ),
        "problem": (
            "Most firms in Türkiye's organised industrial zones have fewer than 50 employees. "
            "Each is too small to cover every task of an apprenticeship occupation or to manage "
            "the paperwork, so they take few apprentices and then struggle to find skilled "
            "machinists and electricians."
        ),
        "solution": (
            "A **shared training office** in each zone employs an apprenticeship coordinator, "
            "signs the contracts and organises rotations: an apprentice spends four to six "
            "months in each of two or three firms to cover every task in the occupational "
            "standard. Firms pay a monthly fee per apprentice, and in-company trainers take a "
            "40-hour course."
        ),
        "evidence": (
            "In the pilot zones of Bursa and Kayseri, **64 SMEs** have taken on **210 "
            "apprentices** since September 2024, three times as many as the same firms did "
            "before. 89% of apprentices were still in the programme after the first year. "
            "Completion and employment results will follow in 2027."
        ),
        "created": "2025-10-06",
        "published": "2025-10-27",
        "comments": [
            (
                "joseph.okello",
                "2025-11-03 09:40",
                "Who employs the apprentice legally: the training office or the firm where they "
                "are placed? That question has blocked group training schemes in Uganda.",
            ),
            (
                "elif.yilmaz",
                "2025-11-04 07:05",
                "The training office signs the contract and pays the allowance; firms reimburse "
                "it through the monthly fee. That keeps one employer for social security.",
            ),
            (
                "sofie.peeters",
                "2025-12-09 15:30",
                "Very close to group training organisations in Australia and to some of our "
                "labelled companies. Happy to connect you.",
            ),
        ],
        "updates": [
            (
                "elif.yilmaz",
                "2026-04-14",
                "A third zone joins",
                "The Gaziantep industrial zone will open a shared training office in September "
                "2026 with 25 firms.",
            ),
        ],
        "endorsements": 6,
        "follows": 6,
    },
    {
        "title": "A portable skills record for home care workers",
        "owner": "claire.martin",
        "status": Status.PUBLISHED,
        "stage": Stage.IDEA,
        "themes": [Theme.RECOGNITION_OF_PRIOR_LEARNING, Theme.LIFELONG_LEARNING],
        "sdgs": [4, 5, 8],
        "targets": [TargetGroup.WOMEN, TargetGroup.OLDER, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.PARTNERS, Seeking.PILOT_SITES],
        "countries": ["FR"],
        "tags": ["care work", "VAE", "digital credentials"],
        "summary": (
            "An idea for a digital skills record that home care workers own and take from "
            "employer to employer, gathering short trainings and observed practice towards a "
            "recognised care qualification."
        ),
        "problem": (
            "Home care workers in France often work for several employers at once, and most "
            "are women over 45 without a qualification in care. The short trainings they follow "
            "never add up to a diploma, while demand for qualified carers rises as the "
            "population ages."
        ),
        "solution": (
            "We imagine a **skills record owned by the worker**, in which employers and training "
            "bodies add validated blocks of competences of the national care qualification. "
            "Once enough blocks are gathered, the worker applies for recognition of prior "
            "learning (VAE) for the full qualification with a pre-filled file."
        ),
        "evidence": (
            "Tentative: interviews with **14 care workers and 5 employers** in the Lyon area "
            "suggest that lost certificates and the paperwork of VAE are the main barriers. "
            "Nothing has been tested yet."
        ),
        "team": [("julien.lefevre", "Co-investigator")],
        "created": "2026-05-18",
        "published": "2026-06-08",
        "comments": [
            (
                "sofie.peeters",
                "2026-06-12 10:20",
                "Have you looked at European Digital Credentials for Learning? They would make "
                "the record readable in Belgium too, where many carers work across the border.",
            ),
            (
                "olena.kovalenko",
                "2026-07-01 08:45",
                "Many Ukrainian women in France work in home care. A record they own would help "
                "them a lot; please think of a multilingual interface.",
            ),
        ],
        "updates": [],
        "endorsements": 3,
        "follows": 4,
    },
    {
        "title": "A quality label for apprenticeship places, co-designed with social partners",
        "owner": "sofie.peeters",
        "status": Status.PUBLISHED,
        "stage": Stage.SCALED,
        "themes": [Theme.APPRENTICESHIPS, Theme.TVET_QUALITY],
        "sdgs": [4, 8, 17],
        "targets": [TargetGroup.YOUTH, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.ADOPTERS],
        "countries": ["BE", "NL", "DE"],
        "tags": ["quality apprenticeships", "social dialogue", "in-company mentors"],
        "summary": (
            "A voluntary quality label for companies offering apprenticeships, with criteria "
            "agreed by employers and trade unions, peer audits and a public register, now used "
            "in Belgium, the Netherlands and Germany."
        ),
        "problem": (
            "The quality of apprenticeship places varies widely: some apprentices get "
            "structured training and mentoring, others mostly repetitive tasks. Young people "
            "and schools cannot tell the difference in advance, and dropout is highest in small "
            "companies without a trained mentor."
        ),
        "solution": (
            "Employers' organisations and trade unions agreed on **ten criteria**, among them a "
            "training plan, a trained mentor, fair pay and regular feedback.\n\n"
            "- A self-assessment, then a **peer audit** by a mentor from another company and a "
            "union representative\n"
            "- The label lasts three years and appears in a public register\n"
            "- Labelled companies get free mentor training and priority in matching"
        ),
        "evidence": (
            "Since 2019, **2,850 companies** have been labelled in the three countries, covering "
            "about 19,000 apprentices. A 2024 study found **12% dropout in labelled companies**, "
            "against 23% in similar companies without the label. 91% of labelled companies "
            "renewed after three years."
        ),
        "created": "2024-09-16",
        "published": "2024-10-07",
        "comments": [
            (
                "kofi.mensah",
                "2024-10-10 11:00",
                "The peer audit with a union representative is a nice touch. Does it slow the "
                "process down much?",
            ),
            (
                "sofie.peeters",
                "2024-10-11 08:15",
                "An audit takes half a day. The real bottleneck was training enough auditors; "
                "we now train two per sector each quarter.",
            ),
            (
                "elif.yilmaz",
                "2025-01-29 14:40",
                "We borrowed three of your criteria for the shared training offices in Türkiye. "
                "Thank you for publishing them openly.",
            ),
            (
                "jennifer.clarke",
                "2026-04-22 16:05",
                "We are looking at the criteria for hotel apprenticeships in Jamaica and have "
                "proposed an adoption below.",
            ),
        ],
        "updates": [
            (
                "sofie.peeters",
                "2025-02-20",
                "Germany joins",
                "Two chambers of crafts in North Rhine-Westphalia now award the label, in German "
                "and with the same register.",
            ),
            (
                "sofie.peeters",
                "2025-10-02",
                "Study on dropout published",
                "The study comparing labelled and non-labelled companies is available in Dutch, "
                "French and English.",
            ),
        ],
        "endorsements": 15,
        "follows": 9,
        "adoptions": [
            (
                "Chamber of Craft and Small Business of Slovenia",
                "SI",
                "2025-01-13",
                "Label criteria translated into Slovenian; audits done by the chamber's "
                "apprenticeship counsellors with a union representative.",
                CONFIRMED,
                "sofie.peeters",
            ),
            (
                "Caribbean Hospitality Training Institute",
                "JM",
                "2026-05-05",
                "Criteria adapted to hotel and restaurant apprenticeships, with peer audits by "
                "hotel training managers.",
                PROPOSED,
                "jennifer.clarke",
            ),
        ],
    },
    {
        "title": "Rapid reskilling for internally displaced workers",
        "owner": "olena.kovalenko",
        "status": Status.PUBLISHED,
        "stage": Stage.PILOT,
        "themes": [Theme.MIGRANTS_REFUGEES, Theme.LIFELONG_LEARNING],
        "sdgs": [8, 10, 16],
        "targets": [TargetGroup.MIGRANTS, TargetGroup.WOMEN, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.FUNDING, Seeking.PARTNERS],
        "countries": ["UA"],
        "tags": ["displacement", "reskilling", "employer-designed courses"],
        "summary": (
            "Short, employer-designed courses retrain internally displaced people in Ukraine for "
            "jobs in demand in their host cities, with a stipend and childcare during training."
        ),
        "problem": (
            "Millions of Ukrainians have been displaced within the country since 2022. Many left "
            "jobs in industries that do not exist in their host regions, while employers in the "
            "west of the country cannot find welders, electricians, care workers and IT support "
            "staff. Standard vocational courses last one to three years: too long for adults who "
            "need an income now."
        ),
        "solution": (
            "Employers in host cities define the tasks of a vacancy, and a vocational school "
            "builds a **6 to 12-week course** around them. Trainees receive a monthly stipend, "
            "free childcare and psychosocial support. Each course ends with a **guaranteed job "
            "interview** with the employer that designed it."
        ),
        "evidence": (
            "In 2025, **530 displaced adults** (64% women) trained in 22 courses in Lviv, "
            "Ivano-Frankivsk and Uzhhorod. 76% completed, and **61% of those who completed were "
            "employed three months later**. We are now measuring how many keep their jobs."
        ),
        "created": "2025-12-01",
        "published": "2025-12-15",
        "comments": [
            (
                "omar.almasri",
                "2025-12-22 09:50",
                "The guaranteed interview is a strong incentive for both sides. Do employers "
                "also take part in the final assessment?",
            ),
            (
                "olena.kovalenko",
                "2025-12-23 07:35",
                "Yes, in most courses the final practical task is marked jointly by the school "
                "and the employer's supervisor.",
            ),
        ],
        "updates": [
            (
                "olena.kovalenko",
                "2026-05-19",
                "Retention at six months",
                "Of the first 180 people employed, 82% were still with the same employer after "
                "six months.",
            ),
        ],
        "endorsements": 10,
        "follows": 8,
        "interests": [
            (
                "aigerim.nurlanovna",
                SUPPORT,
                "2026-01-14 06:30",
                "We could co-finance the childcare and stipends for two additional courses in "
                "2026. Could we discuss your budget per trainee?",
            ),
        ],
    },
    # --- Not (yet) published -------------------------------------------------------------
    {
        "title": "Peer assessment toolkit for masters of informal apprentices",
        "owner": "member",
        "status": Status.DRAFT,
        "stage": Stage.IDEA,
        "themes": [Theme.APPRENTICESHIPS, Theme.RECOGNITION_OF_PRIOR_LEARNING],
        "sdgs": [4, 8],
        "targets": [TargetGroup.INFORMAL, TargetGroup.YOUTH],
        "seeking": [Seeking.MENTORING],
        "countries": ["NG"],
        "tags": ["assessment", "informal apprenticeship"],
        "summary": (
            "A simple toolkit with which master craftspeople assess each other's apprentices "
            "against occupational standards, with short video examples of good work."
        ),
        "problem": (
            "In Nigeria, master craftspeople train most young artisans, but there is no "
            "affordable way to check what an apprentice has learnt before setting up on their "
            "own. Formal trade tests are far away and expensive."
        ),
        "solution": (
            "Still working this out: pairs of masters from neighbouring workshops would assess "
            "each other's apprentices with a one-page checklist per task."
        ),
        "evidence": "",
        "created": "2026-10-05",
    },
    {
        "title": "Low-cost welding simulator for vocational schools",
        "owner": "budi.santoso",
        "status": Status.DRAFT,
        "stage": Stage.PROTOTYPE,
        "themes": [Theme.DIGITAL_SKILLS, Theme.TVET_QUALITY],
        "sdgs": [4, 9],
        "targets": [TargetGroup.YOUTH, TargetGroup.TEACHERS],
        "seeking": [Seeking.PILOT_SITES, Seeking.FUNDING],
        "countries": ["ID"],
        "tags": ["welding", "simulation", "low-cost equipment"],
        "summary": (
            "A welding simulator built from a smartphone, a 3D-printed torch and open-source "
            "software, so students can practise hand movement before using real consumables."
        ),
        "problem": (
            "Vocational schools in Indonesia's smaller cities cannot afford enough welding "
            "booths, gas and metal for every student, so beginners get only a few hours of real "
            "practice. Commercial simulators cost more than a school's yearly equipment budget."
        ),
        "solution": (
            "A phone mounted above a practice plate tracks a 3D-printed torch and scores travel "
            "speed, angle and distance in real time. Teachers see each student's progress on a "
            "simple dashboard."
        ),
        "evidence": (
            "Tentative: in a two-week trial with **16 students** in Semarang, the group that "
            "warmed up on the simulator needed fewer practice coupons to pass their first weld "
            "test. We need a larger trial."
        ),
        "created": "2026-08-24",
    },
    {
        "title": "From petrol to electric: retraining motorbike mechanics for e-mobility",
        "owner": "nguyen.lan",
        "status": Status.SUBMITTED,
        "stage": Stage.PROTOTYPE,
        "themes": [Theme.GREEN_SKILLS, Theme.LIFELONG_LEARNING],
        "sdgs": [7, 8, 11],
        "targets": [TargetGroup.INFORMAL, TargetGroup.EMPLOYERS],
        "seeking": [Seeking.PARTNERS, Seeking.PILOT_SITES],
        "countries": ["VN"],
        "tags": ["e-mobility", "mechanics", "battery safety"],
        "summary": (
            "Weekend courses for Viet Nam's independent motorbike mechanics on battery safety, "
            "diagnosis and repair of electric scooters, with a certificate backed by suppliers."
        ),
        "problem": (
            "Viet Nam has tens of millions of motorbikes and a huge number of small repair "
            "shops. As electric scooters spread in Hanoi and Ho Chi Minh City, independent "
            "mechanics lack the skills to work safely with high-voltage batteries and risk "
            "losing customers to brand-owned service centres."
        ),
        "solution": (
            "Four weekend modules: **high-voltage safety, diagnosis with a low-cost tester, "
            "motor and controller repair, battery care and recycling**. Suppliers of spare parts "
            "co-sign the certificate and list certified workshops on their apps."
        ),
        "evidence": (
            "A prototype course with **24 mechanics** in Hanoi in 2026: all passed the safety "
            "assessment, and 15 now repair electric scooters in their shops."
        ),
        "created": "2026-10-12",
        "submitted": "2026-10-28 09:30",
    },
    {
        "title": "Pre-departure skills certification for labour migrants",
        "owner": "bakhyt.omarov",
        "status": Status.CHANGES_REQUESTED,
        "stage": Stage.PILOT,
        "themes": [Theme.MIGRANTS_REFUGEES, Theme.RECOGNITION_OF_PRIOR_LEARNING],
        "sdgs": [8, 10],
        "targets": [TargetGroup.MIGRANTS, TargetGroup.LOW_SKILLED],
        "seeking": [Seeking.PARTNERS],
        "countries": ["UZ"],
        "tags": ["labour migration", "skills certification"],
        "summary": (
            "Labour migrants from Uzbekistan face many problems abroad because their skills are "
            "not recognised. Our project certifies their skills before departure so that they "
            "can find better jobs in destination countries and earn more."
        ),
        "problem": (
            "Hundreds of thousands of Uzbek workers go abroad every year, mostly to work in "
            "construction and services. Most have skills but no certificate, so they are hired "
            "for the lowest-paid jobs."
        ),
        "solution": (
            "Migration centres in three regions assess candidates' skills before departure and "
            "issue a certificate in Uzbek, Russian and English, with a short top-up course when "
            "needed."
        ),
        "evidence": "The pilot has certified many workers and the feedback is good.",
        "created": "2026-09-21",
        "submitted": "2026-09-30 08:00",
        "review_note": (
            "Thank you, this is a promising pilot. Before we publish, please:\n\n"
            "1. Add figures to the evidence: how many workers were certified, and what happened "
            "to them abroad.\n"
            "2. Say which body issues the certificate and whether employers in destination "
            "countries recognise it.\n"
            "3. Shorten the summary, which repeats the problem."
        ),
        "updated": "2026-10-06 14:00",
    },
    {
        "title": "Green skills certification package for companies",
        "owner": "javier.lopez",
        "status": Status.REJECTED,
        "stage": Stage.SCALED,
        "themes": [Theme.GREEN_SKILLS],
        "sdgs": [13],
        "targets": [TargetGroup.EMPLOYERS],
        "seeking": [Seeking.ADOPTERS],
        "countries": ["ES"],
        "tags": ["consultancy", "green skills"],
        "summary": (
            "A turnkey package of green skills audits, training days and a company certificate, "
            "available in three price tiers for companies of every size."
        ),
        "problem": (
            "Companies need to show their commitment to sustainability to clients and investors. "
            "Our package helps them do so quickly."
        ),
        "solution": (
            "Bronze, silver and gold packages include an audit, up to five training days and a "
            "certificate for display. Contact us for a quote."
        ),
        "evidence": "",
        "created": "2026-07-06",
        "submitted": "2026-07-07 10:15",
        "review_note": (
            "The showcase presents skills innovations that other members can learn from and "
            "adapt. This entry describes a paid consultancy offer with price tiers, without a "
            "specific problem, results or a way for others to reuse the approach, so we cannot "
            "publish it. You are welcome to share your experience in the discussions of related "
            "innovations, or to submit a new entry about a specific project and its results."
        ),
        "updated": "2026-07-14 11:30",
    },
]


def _email(local: str) -> str:
    return f"{local}@example.org"


def _at(text: str) -> datetime:
    """A fixed moment in UTC from "YYYY-MM-DD" (at 09:00) or "YYYY-MM-DD HH:MM"."""
    moment = datetime.fromisoformat(text if " " in text else f"{text} 09:00")
    return moment.replace(tzinfo=UTC)


def _pick(pool: list[str], *, start: int, count: int, exclude: set[str]) -> list[str]:
    """``count`` addresses from ``pool``, walked with a fixed stride: varied but stable."""
    picked = []
    for step in range(len(pool)):
        email = pool[(start + 5 * step) % len(pool)]
        if email not in exclude and email not in picked:
            picked.append(email)
        if len(picked) == count:
            break
    return picked


def _create(entry: dict, owner: User, slug: str) -> Innovation:
    affiliation = Affiliation.objects.filter(user=owner).select_related("organisation").first()
    innovation = innovation_save(
        innovation=None,
        editor=owner,
        fields={
            "title": entry["title"],
            "summary": entry["summary"],
            "problem": entry["problem"],
            "solution": entry["solution"],
            "evidence": entry["evidence"],
            "stage": entry["stage"],
            "links": entry.get("links", ""),
            "visibility": entry.get("visibility", Visibility.PUBLIC),
            "organisation": affiliation.organisation if affiliation else None,
        },
        facets={
            "themes": entry["themes"],
            "sdgs": entry["sdgs"],
            "target_groups": entry["targets"],
            "seeking": entry["seeking"],
            "countries": entry["countries"],
        },
        tags=entry["tags"],
    )
    created = _at(entry["created"])
    published = _at(entry["published"]) if "published" in entry else None
    activity = [_at(when) for _who, when, _title, _body in entry.get("updates", [])]
    updated = max([created, *([published] if published else []), *activity])
    Innovation.objects.filter(pk=innovation.pk).update(
        slug=slug,
        status=entry["status"],
        featured=entry.get("featured", False),
        review_note=entry.get("review_note", ""),
        created_at=created,
        updated_at=_at(entry["updated"]) if "updated" in entry else updated,
        submitted_at=_at(entry["submitted"]) if "submitted" in entry else published,
        published_at=published,
    )
    innovation.refresh_from_db()
    return innovation


def _activity(innovation: Innovation, entry: dict, index: int, users: dict, pool: list[str]):
    """Comments, endorsements, follows, updates, interests and adoptions: fixed dates."""
    published = innovation.published_at
    team = {_email(entry["owner"])} | {_email(local) for local, _role in entry.get("team", [])}
    for local, when, body in entry.get("comments", []):
        author = users.get(_email(local))
        if author is not None:
            comment = Comment.objects.create(innovation=innovation, author=author, body=body)
            Comment.objects.filter(pk=comment.pk).update(created_at=_at(when))
    for local, when, title, body in entry.get("updates", []):
        author = users.get(_email(local))
        if author is not None:
            update = Update.objects.create(
                innovation=innovation, author=author, title=title, body=body
            )
            Update.objects.filter(pk=update.pk).update(created_at=_at(when))
    endorsers = _pick(pool, start=index * 7, count=entry.get("endorsements", 0), exclude=team)
    for step, email in enumerate(endorsers):
        endorsement, created = Endorsement.objects.get_or_create(
            innovation=innovation, user=users[email]
        )
        if created:
            when = min(published + timedelta(days=2 + 4 * step, hours=step % 9), LATEST)
            Endorsement.objects.filter(pk=endorsement.pk).update(created_at=when)
    commenters = [_email(local) for local, _when, _body in entry.get("comments", [])]
    followers = [email for email in dict.fromkeys(commenters) if email not in team]
    followers += _pick(
        pool,
        start=index * 7 + 3,
        count=entry.get("follows", 0),
        exclude=team | set(followers),
    )
    for step, email in enumerate(followers):
        if email not in users:
            continue
        follow, created = Follow.objects.get_or_create(innovation=innovation, user=users[email])
        if created:
            when = min(published + timedelta(days=1 + 3 * step, hours=step % 7), LATEST)
            Follow.objects.filter(pk=follow.pk).update(created_at=when)
    for local, purpose, when, message in entry.get("interests", []):
        user = users.get(_email(local))
        if user is not None:
            interest = Interest.objects.create(
                innovation=innovation, user=user, purpose=purpose, message=message
            )
            Interest.objects.filter(pk=interest.pk).update(created_at=_at(when))
    for name, country, adopted_on, adaptation, status, by in entry.get("adoptions", []):
        adoption = Adoption.objects.create(
            innovation=innovation,
            organisation_name=name,
            country=country,
            adopted_on=date.fromisoformat(adopted_on),
            adaptation=adaptation,
            proposed_by=users.get(_email(by)),
            status=status,
        )
        Adoption.objects.filter(pk=adoption.pk).update(created_at=_at(adopted_on))


def seed(*, log) -> None:
    users = {
        user.email.lower(): user for user in User.objects.filter(email__iendswith="@example.org")
    }
    # Approved demo members, in a fixed order: who endorses and follows what.
    locals_ = approved_locals()
    pool = [
        _email(local)
        for local in locals_
        if _email(local) in users and users[_email(local)].is_member
    ]
    for index, entry in enumerate(INNOVATIONS):
        slug = slugify(entry["title"])[:195].strip("-")
        owner = users.get(_email(entry["owner"]))
        if owner is None or Innovation.objects.filter(slug=slug).exists():
            continue
        innovation = _create(entry, owner, slug)
        for local, role in entry.get("team", []):
            member = users.get(_email(local))
            if member is not None:
                team_member, created = TeamMember.objects.get_or_create(
                    innovation=innovation, user=member, defaults={"role": role}
                )
                if created:
                    TeamMember.objects.filter(pk=team_member.pk).update(
                        added_at=innovation.created_at
                    )
        if innovation.status == Status.PUBLISHED:
            _activity(innovation, entry, index, users, pool)

    counts = [(status, Innovation.objects.filter(status=status).count()) for status in Status]
    adoptions = Adoption.objects.all()
    log(
        "Innovations: "
        + ", ".join(f"{count} {status.value}" for status, count in counts if count)
        + f"; adoptions: {adoptions.filter(status=CONFIRMED).count()} confirmed, "
        f"{adoptions.filter(status=PROPOSED).count()} proposed."
    )
