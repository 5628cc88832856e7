"""The space list, a space's page and a thread's page run the same number of queries
whatever their size: a thread of 500 replies is paginated and costs what one of 10 does."""

import pytest

from spaces.models import Reply
from tests.factories import SpaceFactory, SpaceMemberFactory, ThreadFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [2, 12])
def test_the_space_list(client, django_assert_num_queries, count):
    viewer = UserFactory()
    people = UserFactory.create_batch(2)
    for index in range(count):
        space = SpaceFactory(visibility=["public", "members", "private"][index % 3])
        SpaceMemberFactory(space=space, user=people[index % 2])
        if index % 2:
            SpaceMemberFactory(space=space, user=viewer)
        ThreadFactory(space=space, author=people[0])
    client.force_login(viewer)
    client.get("/spaces/")  # the last-active stamp is written once
    # session, user, unread count, paginator count, the page with its counts
    with django_assert_num_queries(5):
        response = client.get("/spaces/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_a_space_page(client, django_assert_num_queries, count):
    space = SpaceFactory()
    viewer = SpaceMemberFactory(space=space).user
    SpaceMemberFactory(space=space, role="moderator")
    for _ in range(count):
        ThreadFactory(space=space)
    client.force_login(viewer)
    client.get(space.get_absolute_url())
    # session, user, unread count, the space, the viewer's membership, the thread count and
    # page, sessions, files, innovations, resources, moderators, members count, the visit
    with django_assert_num_queries(14):
        response = client.get(space.get_absolute_url())
    assert len(response.context["page_obj"]) == min(count, 20)


@pytest.mark.parametrize("count", [10, 500])
def test_a_thread_page(client, django_assert_num_queries, count):
    space = SpaceFactory()
    viewer = SpaceMemberFactory(space=space).user
    authors = UserFactory.create_batch(3)
    thread = ThreadFactory(space=space, mode="question")
    replies = Reply.objects.bulk_create(
        [Reply(thread=thread, author=authors[i % 3], body=f"Reply {i}") for i in range(count)]
    )
    Reply.objects.filter(pk__in=[r.pk for r in replies[1::7]]).update(quoting=replies[0])
    thread.answer = replies[0]
    thread.save()
    client.force_login(viewer)
    client.get(thread.get_absolute_url())
    # session, user, unread count, the space, the thread with its author, the viewer's
    # membership, the reply count and page (with authors and quotes), the accepted answer
    with django_assert_num_queries(9):
        response = client.get(thread.get_absolute_url())
    assert len(response.context["page_obj"]) == min(count, 50)
    with django_assert_num_queries(9):
        last = client.get(f"{thread.get_absolute_url()}?page=last")
    assert last.status_code == 200
