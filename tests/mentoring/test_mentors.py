"""Mentors opt in, and members find them: filters, ranking for the viewer, and why."""

import pytest

from mentoring.models import MentoringRequest, MentorProfile
from tests.factories import MentorProfileFactory, MentorshipFactory, UserFactory
from tests.mentoring.conftest import speaks

pytestmark = [pytest.mark.django_db]


def test_member_opts_in_as_a_mentor_from_their_profile(client):
    member = speaks(UserFactory(), "es", "en")
    member.profile.expertise.set(["dual training"])
    client.force_login(member)
    form = client.get("/mentoring/my-mentor-profile/").context["form"]
    assert form["expertise"].value() == "dual training"  # starts from the profile
    assert sorted(form["languages"].value()) == ["en", "es"]
    response = client.post(
        "/mentoring/my-mentor-profile/",
        {"expertise": "dual training, RPL", "themes": ["apprenticeships-and-work-based-learning"],
         "languages": ["es"], "formats": ["video", "chat"], "capacity": "3",
         "availability": "available", "bio": "Twenty years in **dual** training."},
    )  # fmt: skip
    assert response.status_code == 302
    mentor = MentorProfile.objects.get(user=member)
    assert (mentor.capacity, mentor.availability) == (3, "available")
    assert sorted(mentor.expertise.names()) == ["RPL", "dual training"]
    assert (mentor.languages, mentor.formats) == (["es"], ["chat", "video"])
    member.profile.refresh_from_db()
    assert member.profile.open_to_mentor is True
    client.post(
        "/mentoring/my-mentor-profile/",
        {"languages": ["es"], "capacity": "3", "availability": "paused", "bio": ""},
    )
    mentor.refresh_from_db()
    member.profile.refresh_from_db()
    assert (mentor.availability, member.profile.open_to_mentor) == ("paused", False)


def test_bad_mentor_profile_input_keeps_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        "/mentoring/my-mentor-profile/",
        {"expertise": "careful typing", "capacity": "9", "availability": "available",
         "bio": "My long mentoring bio"},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 5." in html
    assert "This field is required." in html  # at least one language
    assert "My long mentoring bio" in html and "careful typing" in html
    assert not MentorProfile.objects.exists()


def test_bad_request_input_keeps_what_was_typed(client, mentor, mentee):
    client.force_login(mentee)
    response = client.post(
        f"/mentoring/mentors/{mentor.user.username}/ask/",
        {"goals": "My carefully written goals", "topics": "rpl", "duration_months": "9",
         "language": "en"},
    )  # fmt: skip
    html = response.content.decode()
    assert "Select a valid choice. 9 is not one of the available choices." in html
    assert "My carefully written goals" in html
    assert MentoringRequest.objects.count() == 0


def test_mentors_are_ranked_for_the_viewer_and_each_card_says_why(client, mentee):
    strong = MentorProfileFactory(
        user=speaks(UserFactory(display_name="Strong Match"), "en"),
        expertise=["apprenticeships", "rpl"], themes=["green-skills"],
    )  # fmt: skip
    weak = MentorProfileFactory(
        user=speaks(UserFactory(display_name="Weak Match"), "en"), expertise=["financing"]
    )
    no_language = MentorProfileFactory(
        user=UserFactory(display_name="Other Tongue"), languages=["ar"],
        expertise=["apprenticeships"],
    )  # fmt: skip
    mentee.profile.interests.set(["apprenticeships", "RPL"])
    mentee.profile.country = "GH"
    mentee.profile.save()
    strong.user.profile.country = "KE"
    strong.user.profile.save()
    client.force_login(mentee)
    response = client.get("/mentoring/mentors/")
    items = list(response.context["page_obj"].object_list)
    assert [item.mentor for item in items] == [strong, weak, no_language]
    assert items[0].explanations == [
        "Shared language: English",
        "Shared expertise: apprenticeships, rpl",
        "Same region: Africa",
    ]
    assert items[2].score is None
    # On a scale people read: language, two skills and the region are half the best match.
    assert (items[0].out_of_100, items[0].strength) == (50, "Good match")
    assert (items[1].out_of_100, items[1].strength) == (13, "Some common ground")
    html = response.content.decode()
    assert "<strong>Good match</strong> (50 of 100)" in html
    assert "Shared expertise: apprenticeships, rpl" in html
    assert "No language in common with you." in html
    assert f"/mentoring/mentors/{no_language.user.username}/ask/" not in html


def test_filters_several_expertise_tags_theme_language_region_available(client, mentee):
    both = MentorProfileFactory(expertise=["rpl", "assessment"], themes=["lifelong-learning"],
                                languages=["en", "fr"])  # fmt: skip
    one = MentorProfileFactory(expertise=["rpl"], themes=["green-skills"])
    full = MentorProfileFactory(expertise=["rpl", "assessment"], capacity=1)
    MentorshipFactory(mentor=full.user)
    paused = MentorProfileFactory(expertise=["rpl", "assessment"], availability="paused")
    both.user.profile.country = "FR"
    both.user.profile.save()
    client.force_login(mentee)

    def found(query):
        page = client.get(f"/mentoring/mentors/?{query}").context["page_obj"]
        return {item.mentor for item in page.object_list}

    assert found("expertise=rpl") == {both, one, full, paused}
    assert found("expertise=rpl&expertise=assessment") == {both, full, paused}
    assert found("expertise=rpl&expertise=assessment&available=true") == {both}
    assert found("theme=green-skills") == {one}
    assert found("language=fr") == {both}
    assert found("region=europe-central-asia") == {both}
    html = client.get("/mentoring/mentors/?expertise=rpl").content.decode()
    assert "Paused: not taking requests" in html
    assert "Full: 1 of 1 mentees" in html


def test_home_suggests_mentors_the_member_can_ask(client, mentor, mentee, other_mentor):
    paused = MentorProfileFactory(availability="paused", expertise=["apprenticeships"])
    client.force_login(mentee)
    suggested = [item.mentor for item in client.get("/mentoring/").context["suggested"]]
    assert suggested == [mentor, other_mentor]
    assert paused not in suggested


def test_time_zone_closeness_counts_once_both_chose_a_time_zone(client, mentor, mentee):
    client.force_login(mentee)
    item = client.get("/mentoring/mentors/").context["page_obj"].object_list[0]
    assert [reason.kind for reason in item.reasons] == ["language", "expertise"]  # both "UTC"
    mentee.timezone = "Africa/Lagos"  # UTC+1
    mentee.save()
    mentor.user.timezone = "Africa/Nairobi"  # UTC+3
    mentor.user.save()
    item = client.get("/mentoring/mentors/").context["page_obj"].object_list[0]
    assert "2 hours apart" in item.explanations
    mentor.user.timezone = "America/Bogota"  # UTC-5
    mentor.user.save()
    item = client.get("/mentoring/mentors/").context["page_obj"].object_list[0]
    assert [reason.kind for reason in item.reasons] == ["language", "expertise"]


def test_mentoring_pages_in_french_and_spanish(client, mentor, mentee):
    client.force_login(mentee)
    for prefix in ("/fr", "/es"):
        for path in ("/mentoring/", "/mentoring/mentors/"):
            assert client.get(prefix + path).status_code == 200, prefix + path


def test_personal_data_export_holds_the_members_mentoring(client, mentor, mentee):
    from tests.factories import MentoringRequestFactory

    MentoringRequestFactory(mentee=mentee, mentor=mentor.user, goals="Export me")
    client.force_login(mentor.user)
    data = client.get("/members/me/export.json").json()
    assert data["mentor_profile"]["capacity"] == 2
    assert [r["goals"] for r in data["mentoring_requests"]] == ["Export me"]


def test_a_kept_ranking_forgets_a_mentor_who_pauses_at_once(client):
    """The viewer's ranking is kept for a minute, but a change to a mentor shows at once:
    a mentor who pauses goes after those still accepting."""
    viewer = UserFactory()
    keen = MentorProfileFactory(user=UserFactory(display_name="Amina Keen"))
    MentorProfileFactory(user=UserFactory(display_name="Bongani Other"))
    client.force_login(viewer)

    def ranked():
        page = client.get("/mentoring/mentors/").context["page_obj"]
        return [str(item.mentor.user) for item in page.object_list]

    assert ranked() == ["Amina Keen", "Bongani Other"]  # same score: by name
    assert ranked() == ["Amina Keen", "Bongani Other"]  # kept
    keen.availability = "paused"
    keen.save()
    assert ranked() == ["Bongani Other", "Amina Keen"]


def test_cards_shared_among_members_show_an_edit_at_once_in_the_viewers_language(client):
    """A card's name, bio and facts are rendered once for every member (mentoring.ranking.
    with_shared_parts): in each language, and again as soon as the mentor changes them."""
    mentor = MentorProfileFactory(bio="Ten years of **welding** apprenticeships.")
    profile = mentor.user.profile
    profile.country, profile.country_visibility = "KE", "hidden"
    profile.save()
    client.force_login(UserFactory())

    page = client.get("/mentoring/mentors/").content.decode()
    assert "Ten years of <strong>welding</strong> apprenticeships." in page
    assert "Apprenticeships and work-based learning" in page
    assert "Kenya" not in page  # the mentor keeps their country to themselves
    french = client.get("/fr/mentoring/mentors/").content.decode()
    assert "Apprentissage et formation en milieu de travail" in french
    assert "Apprenticeships and work-based learning" not in french

    mentor.bio = "Now training **solar** installers."
    mentor.save()
    profile.country_visibility = "members"
    profile.save()
    page = client.get("/mentoring/mentors/").content.decode()
    assert "Now training <strong>solar</strong> installers." in page
    assert "welding" not in page
    assert "Kenya" in page
    assert "<dt>Pays</dt><dd>Kenya</dd>" in client.get("/fr/mentoring/mentors/").content.decode()
