import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
EDIT = "/members/me/edit/"


def image_bytes(fmt="PNG", size=(800, 600), exif=False):
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {}
    if exif:
        info = Image.Exif()
        info[0x010F] = "SecretCam"  # Make
        kwargs["exif"] = info
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def form_data(**overrides):
    data = {
        "profile-display_name": "Mercy Member",
        "profile-headline": "Apprenticeship designer",
        "profile-bio": "I design **apprenticeships**.",
        "profile-country": "GH",
        "profile-links": "https://example.org/me",
        "profile-languages": ["en", "fr"],
        "profile-expertise": "apprenticeships, green skills",
        "profile-interests": "mentoring",
        "profile-visibility": "members",
        "profile-bio_visibility": "members",
        "profile-organisation_visibility": "members",
        "profile-country_visibility": "public",
        "profile-expertise_visibility": "members",
        "profile-links_visibility": "hidden",
        "preferences-delivery": "weekly",
        "preferences-language": "fr",
        "preferences-timezone": "Africa/Accra",
        "preferences-kinds": ["member_message"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def member_client(client):
    user = UserFactory(display_name="Mercy Member")
    client.force_login(user)
    client.user = user
    return client


def test_edit_saves_profile_and_preferences(member_client):
    response = member_client.post(EDIT, form_data())
    assert response.status_code == 302
    user = User.objects.get(pk=member_client.user.pk)
    profile = user.profile
    assert (profile.headline, str(profile.country), profile.region) == (
        "Apprenticeship designer", "GH", "africa",
    )  # fmt: skip
    assert sorted(profile.expertise.names()) == ["apprenticeships", "green skills"]
    assert sorted(profile.languages.values_list("code", flat=True)) == ["en", "fr"]
    assert (user.language, user.timezone, profile.delivery) == ("fr", "Africa/Accra", "weekly")
    from network.content import notification_kinds

    assert profile.muted_kinds == sorted(set(notification_kinds()) - {"member_message"})
    assert profile.links_visibility == "hidden"


def test_avatar_is_resized_reencoded_and_stripped(member_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("me.png", image_bytes("JPEG", (1200, 900), exif=True))
    member_client.post(EDIT, form_data(**{"profile-avatar_upload": upload}))
    profile = User.objects.get(pk=member_client.user.pk).profile
    assert profile.avatar.name.startswith("avatars/")
    assert "me" not in profile.avatar.name.split("/")[1]
    with Image.open(profile.avatar.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == 256
        assert dict(stored.getexif()) == {}


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("fake.png", b"<html><script>alert(1)</script></html>"),
         "not an image we can read"),
        (SimpleUploadedFile("empty.png", b""), "The submitted file is empty."),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 10)),
         "the limit is 5 MB"),
        (SimpleUploadedFile("doc.pdf", b"%PDF-1.4 not an image"), "not an image we can read"),
    ],
)  # fmt: skip
def test_bad_avatar_gets_a_clear_message_and_nothing_is_lost(member_client, upload, message):
    before = member_client.user.profile.headline
    response = member_client.post(
        EDIT, form_data(**{"profile-avatar_upload": upload, "profile-headline": "New headline"})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="New headline"' in html
    assert "I design **apprenticeships**." in html
    profile = User.objects.get(pk=member_client.user.pk).profile
    assert profile.headline == before
    assert not profile.avatar


def test_over_long_fields_get_a_message(member_client):
    response = member_client.post(
        EDIT, form_data(**{"profile-headline": "x" * 161, "profile-bio": "y" * 5001})
    )
    html = response.content.decode()
    assert "Ensure this value has at most 160 characters (it has 161)." in html
    assert "Ensure this value has at most 5000 characters (it has 5001)." in html


def test_bad_links_get_a_message(member_client):
    response = member_client.post(EDIT, form_data(**{"profile-links": "javascript:alert(1)"}))
    assert "is not a web address starting with http:// or https://" in response.content.decode()


def test_script_in_bio_is_shown_as_harmless_text(member_client):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>[click](javascript:alert(1))'
    member_client.post(EDIT, form_data(**{"profile-bio": payload}))
    html = member_client.get(f"/members/{member_client.user.username}/").content.decode()
    assert "<script>alert" not in html
    assert "onerror=" not in html
    assert 'href="javascript:' not in html


def test_avatar_is_served_only_to_those_who_may_see_the_profile(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    owner = UserFactory()
    client.force_login(owner)
    upload = SimpleUploadedFile("me.png", image_bytes())
    client.post(EDIT, form_data(**{"profile-avatar_upload": upload}))
    url = f"/members/{owner.username}/avatar.jpg"
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]


def test_the_country_shows_by_name_in_the_page_language_and_is_typed_by_name(member_client):
    profile = member_client.user.profile
    profile.country = "SN"
    profile.save()
    assert 'name="profile-country" value="Senegal"' in member_client.get(EDIT).content.decode()
    french = member_client.get("/fr" + EDIT, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'name="profile-country" value="Sénégal"' in french
    response = member_client.post(EDIT, form_data(**{"profile-country": "kenya"}))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (str(profile.country), profile.region) == ("KE", "africa")
    member_client.post(EDIT, form_data(**{"profile-country": ""}))  # a country is optional
    profile.refresh_from_db()
    assert str(profile.country) == ""


def test_an_unknown_country_is_refused_and_the_saved_one_kept(member_client):
    profile = member_client.user.profile
    profile.country = "SN"
    profile.save()
    response = member_client.post(EDIT, form_data(**{"profile-country": "Atlantis"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a country from the list, or type its name in full." in html
    assert 'name="profile-country" value="Atlantis"' in html
    profile.refresh_from_db()
    assert str(profile.country) == "SN"


def test_remove_my_photo_is_offered_only_when_there_is_a_photo(member_client):
    assert "Remove my photo" not in member_client.get(EDIT).content.decode()
    upload = SimpleUploadedFile("me.png", image_bytes())
    member_client.post(EDIT, form_data(**{"profile-avatar_upload": upload}))
    assert "Remove my photo" in member_client.get(EDIT).content.decode()
    member_client.post(EDIT, form_data(**{"profile-remove_avatar": "on"}))
    profile = User.objects.get(pk=member_client.user.pk).profile
    assert not profile.avatar
    assert "Remove my photo" not in member_client.get(EDIT).content.decode()
