"""Row locks on PostgreSQL: limits hold when many requests arrive at the same instant."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from members.models import Message
from members.services import DAILY_MESSAGE_LIMIT, message_send
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_daily_message_limit_holds_under_concurrent_sends():
    sender = UserFactory()
    recipients = UserFactory.create_batch(3)
    barrier = threading.Barrier(16)
    outcomes = []

    def send(index):
        try:
            barrier.wait()
            message_send(
                sender=sender,
                recipient=recipients[index % 3],
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
    assert sorted(outcomes) == ["refused"] * 6 + ["sent"] * DAILY_MESSAGE_LIMIT
    assert Message.objects.filter(sender=sender).count() == DAILY_MESSAGE_LIMIT
