"""Exactly once, also when runs overlap: on PostgreSQL, many threads issue the same credential
or scan at the same instant, and one credential per member, achievement and occasion results
(the unique constraint decides; the losers read the winner's row)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from credentials import tasks
from credentials.models import Credential
from credentials.services import credential_issue
from events.models import Registration
from network.models import Notification
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(function, count):
    """Run ``function`` in ``count`` threads, all released together."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(function())
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def test_eight_issuers_of_one_credential_make_one(achievements):
    member = UserFactory()

    def issue():
        credential, created = credential_issue(
            member=member, achievement=achievements["hosted"], occasion="event:7"
        )
        return credential.pk, created

    results = at_once(issue, 8)
    assert len({pk for pk, _created in results}) == 1
    assert sorted(created for _pk, created in results) == [False] * 7 + [True]
    assert Credential.objects.count() == 1
    assert Notification.objects.filter(kind="credential_issued").count() == 1


def test_overlapping_scans_issue_each_credential_once(achievements):
    start = timezone.now() - timedelta(days=2)
    event = EventFactory(type="training", starts_at=start, ends_at=start + timedelta(hours=1))
    people = UserFactory.create_batch(6)
    for person in people:
        RegistrationFactory(event=event, user=person)
    # As hosts mark attendance (events.services.hosting.attendance_mark): in bulk, no save.
    Registration.objects.filter(event=event).update(attended=True)
    assert Credential.objects.count() == 0
    issued = at_once(tasks.scan, 4)
    assert sum(issued) == 6
    assert Credential.objects.count() == 6
    assert sorted(Credential.objects.values_list("member_id", flat=True)) == sorted(
        p.pk for p in people
    )
