"""Row locks on PostgreSQL: limits hold when many requests arrive at the same instant."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from members.contact import KINDS
from members.models import Message
from members.services import message_send
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_daily_message_limit_holds_under_concurrent_sends():
    sender = UserFactory()
    recipients = UserFactory.create_batch(5)  # 16 tries, at most 3 per recipient
    barrier = threading.Barrier(16)
    outcomes = []

    def send(index):
        try:
            barrier.wait()
            message_send(
                sender=sender,
                recipient=recipients[index % 5],
                subject=f"Hello {index}",
                body="Shall we compare notes?",
            )
            outcomes.append("sent")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    daily = KINDS["member_message"].daily
    assert sorted(outcomes) == ["refused"] * (16 - daily) + ["sent"] * daily
    assert Message.objects.filter(sender=sender).count() == daily
