"""Find a mentor runs the same number of queries for 2 and for 40 mentors."""

import pytest

from tests.factories import AffiliationFactory, MentorProfileFactory, MentorshipFactory, UserFactory
from tests.mentoring.conftest import speaks

pytestmark = [pytest.mark.django_db]


def populate(count):
    for index in range(count):
        mentor = MentorProfileFactory(
            user=speaks(UserFactory(), "en"),
            languages=["en", "fr"],
            themes=["green-skills", "digital-skills"],
            formats=["video", "phone"],
            expertise=["apprenticeships", "rpl", f"tag {index}"],
            capacity=2,
        )
        AffiliationFactory(user=mentor.user)
        MentorshipFactory(mentor=mentor.user)


@pytest.mark.parametrize("count", [2, 40])
def test_mentor_search_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    viewer = speaks(UserFactory(), "en", "fr")
    viewer.profile.interests.set(["apprenticeships"])
    AffiliationFactory(user=viewer)
    client.force_login(viewer)
    # session, user, last-active stamp, unread count; the viewer as a mentee (profile,
    # languages, two tag kinds, two innovation-theme lookups, organisations); the filter's
    # tag choices; every filtered mentor scored from plain rows (mentors with their load,
    # language and theme facets, expertise, organisation types); the page's cards (mentors
    # with their load + facets, expertise, affiliations prefetches); the viewer's own mentor
    # profile
    with django_assert_num_queries(21):
        response = client.get(
            "/mentoring/mentors/?expertise=apprenticeships&expertise=rpl&language=en"
            "&theme=green-skills&available=true"
        )
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == count
    assert len(response.context["page_obj"]) == min(count, 20)


@pytest.mark.parametrize("count", [2, 40])
def test_unfiltered_mentor_list_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    client.force_login(UserFactory())
    # as above: 4 + 7 + 1 + 4 scoring rows + 4 for the page's cards + 1
    with django_assert_num_queries(21):
        response = client.get("/mentoring/mentors/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == count


@pytest.mark.parametrize("count", [2, 40])
def test_mentoring_home_query_count_is_constant(client, django_assert_num_queries, count):
    from tests.factories import (
        MentoringRequestFactory,
        ProgrammeApplicationFactory,
        ProgrammeFactory,
    )

    populate(count)
    viewer = speaks(UserFactory(), "en")
    mentor = MentorProfileFactory(user=viewer, capacity=5)
    for index in range(count):
        MentoringRequestFactory(mentee=viewer, status="declined")
        MentoringRequestFactory(mentor=viewer, status="pending" if index % 2 else "expired")
        MentorshipFactory(mentee=viewer, status="completed")
        MentorshipFactory(mentor=viewer)
        programme = ProgrammeFactory()
        if index % 2:
            ProgrammeApplicationFactory(programme=programme, user=viewer)
    assert mentor.capacity == 5
    client.force_login(viewer)
    # session, user, last-active stamp, unread count; requests received and sent; mentorships;
    # open programmes and my applications; my mentor profile (+ load, 3 prefetches); the
    # suggestions (the viewer as a mentee: 7; mentors with their load + 3 prefetches); the
    # completed counts
    with django_assert_num_queries(25):
        response = client.get("/mentoring/")
    assert response.status_code == 200
    assert len(response.context["programmes"]) == count
