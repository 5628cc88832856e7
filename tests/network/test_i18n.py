import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po"))


def test_french_and_spanish_catalogues_exist():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {"fr", "es"} <= languages


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_catalogue_has_no_untranslated_or_fuzzy_entry(po_path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_catalogues_cover_every_marked_string(tmp_path):
    """Regenerate the catalogues from the source and compare: no string is left unmarked-in."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "__pycache__", "*.mo")
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location",
         "--ignore=static/vendor", "--ignore=tests", "--ignore=bench", "-v", "0"],
        cwd=copy, check=True, capture_output=True,
    )  # fmt: skip

    def marked(path):
        return {(entry.msgctxt or "", entry.msgid) for entry in polib.pofile(str(path))}

    fresh = marked(copy / "locale/fr/LC_MESSAGES/django.po")
    assert sorted(fresh - marked(ROOT / "locale/fr/LC_MESSAGES/django.po")) == []


@pytest.mark.parametrize(
    "language, labels",
    [
        ("fr", ["Publiée", "Publié", "Publiée", "Rapport", "Signaler", "Refusée", "Annulée"]),
        ("es", ["Publicada", "Publicado", "Publicado", "Informe", "Denunciar", "Rechazada",
                "Cancelada"]),
    ],
)  # fmt: skip
def test_one_english_word_is_translated_as_its_use_needs(language, labels):
    """ "Published" agrees with an innovation, an event and a resource; "Report" the resource
    type is a noun, the button a verb; a declined request, a cancelled registration."""
    from django.utils import translation

    from events.models import Registration
    from events.models import Status as EventStatus
    from innovations.models import Status as InnovationStatus
    from mentoring.models import MentoringRequest
    from resources.models import ResourceType
    from resources.models import Status as ResourceStatus

    with translation.override(language):
        got = [
            str(InnovationStatus.PUBLISHED.label),
            str(EventStatus.PUBLISHED.label),
            str(ResourceStatus.PUBLISHED.label),
            str(ResourceType.REPORT.label),
            translation.gettext("Report"),
            str(MentoringRequest.Status.DECLINED.label),
            str(Registration.Status.CANCELLED.label),
        ]
    assert got == labels


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix, words",
    [
        ("/fr/", ["Membres", "Se connecter", "Rejoindre", "Aller au contenu principal"]),
        ("/es/", ["Miembros", "Iniciar sesión", "Unirse", "Saltar al contenido principal"]),
    ],
)
def test_pages_are_translated_under_their_prefix(client, prefix, words):
    response = client.get(prefix)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{prefix.strip("/")}">' in html
    for word in words:
        assert word in html


@pytest.mark.django_db
def test_language_links_keep_the_visitor_on_the_same_page(client):
    html = client.get("/fr/accounts/login/").content.decode()
    assert 'href="/accounts/login/" hreflang="en"' in html
    assert 'href="/es/accounts/login/" hreflang="es"' in html
