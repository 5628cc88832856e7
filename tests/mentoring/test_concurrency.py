"""On PostgreSQL, with real concurrent transactions: scans that run at the same instant send
each reminder once, and a mentor's last place goes to one mentee only."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from mentoring.models import Mentorship, Reminder
from mentoring.services.mentorships import checkins_scan
from mentoring.services.requests import request_accept, requests_scan
from tests.factories import MentoringRequestFactory, MentorshipFactory, UserFactory
from tests.mentoring.conftest import T0

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def run_at_once(count, target):
    barrier = threading.Barrier(count)
    outcomes = []

    def run(index):
        try:
            barrier.wait()
            outcomes.append(target(index))
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # surfaced in the assertion rather than lost in the thread
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_concurrent_scans_send_each_reminder_and_check_in_once(mentor, mentee):
    for _ in range(3):
        MentoringRequestFactory(mentor=mentor.user, created_at=T0)
    MentorshipFactory(mentor=mentor.user, mentee=mentee, started_at=T0)
    day_8, day_15 = T0 + timedelta(days=8), T0 + timedelta(days=15)
    requests = run_at_once(6, lambda i: requests_scan(now=day_8)["reminded"])
    checkins = run_at_once(6, lambda i: checkins_scan(now=day_15))
    assert sum(requests) == 3
    assert sum(checkins) == 1
    assert Reminder.objects.filter(kind="request_day_7").count() == 3
    assert Reminder.objects.filter(kind="checkin").count() == 1


def test_the_last_place_goes_to_one_mentee(mentor):
    mentor.capacity = 1
    mentor.save()
    requests = [MentoringRequestFactory(mentor=mentor.user, mentee=UserFactory()) for _ in range(4)]
    outcomes = run_at_once(
        4, lambda i: request_accept(request=requests[i], by=mentor.user) and "accepted"
    )
    assert sorted(outcomes) == ["accepted"] + ["refused"] * 3
    assert Mentorship.objects.filter(mentor=mentor.user, status="active").count() == 1
