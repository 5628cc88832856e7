from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.core.management.commands import makemessages
from django.utils.functional import cached_property

from network.context_processors import in_language

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


def test_catalogues_cover_every_marked_string(tmp_path, monkeypatch):
    """Extract the marked strings from the source again, as `make messages` does, into a
    folder of the test's own (the source is read where it is, never copied nor written to),
    and compare: no string is left out of the catalogues."""
    locale, work = tmp_path / "locale", tmp_path / "work"
    locale.mkdir()

    class BuildFile(makemessages.BuildFile):
        @cached_property
        def work_path(self):  # a template's Python form, written beside the source otherwise
            if not self.is_templatized:
                return self.path
            path = work / self.translatable.dirpath / f"{self.translatable.file}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            return str(path)

    class Extract(makemessages.Command):
        build_file_class = BuildFile

        def find_files(self, root):
            files = super().find_files(root)
            self.locale_paths = [str(locale)]
            for translatable in files:
                translatable.locale_dir = str(locale)
            return files

    monkeypatch.chdir(ROOT)
    call_command(
        Extract(), locale=["fr"], no_location=True, verbosity=0,
        ignore_patterns=[".venv", "var", "static/vendor", "tests", "bench"],
    )  # fmt: skip

    def marked(path):
        return {(entry.msgctxt or "", entry.msgid) for entry in polib.pofile(str(path))}

    fresh = marked(locale / "fr/LC_MESSAGES/django.po")
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


@pytest.mark.parametrize(
    "path, code, expected",
    [
        ("/fr/", "en", "/"),
        ("/", "fr", "/fr/"),
        (
            "/es/innovations/?theme=green-skills&page=2",
            "fr",
            "/fr/innovations/?theme=green-skills&page=2",
        ),
        ("/innovations/solar-tvet/", "es", "/es/innovations/solar-tvet/"),
        ("/fr", "es", "/es/"),
        ("/es/no-such-page/", "en", "/no-such-page/"),
    ],
)
def test_a_language_link_changes_the_prefix_and_keeps_the_rest(path, code, expected):
    assert in_language(path, code) == expected


@pytest.mark.django_db
def test_a_page_not_found_links_to_itself_in_each_language(client):
    html = client.get("/es/no-such-page/?q=1").content.decode()
    assert 'href="/fr/no-such-page/?q=1" hreflang="fr"' in html
