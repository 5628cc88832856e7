"""Thin periodic tasks: scans that find due rows and call services. Idempotent (each reminder
is a unique row), so a redelivered or doubled run sends nothing twice."""

from celery import shared_task

from mentoring.services.mentorships import checkins_scan
from mentoring.services.requests import requests_scan


@shared_task
def scan_requests():
    """Beat, hourly: expire 10-day-old requests, remind mentors on day 3 and day 7."""
    return requests_scan()


@shared_task
def scan_mentorships():
    """Beat, daily: a gentle check-in where no session was logged for 14 days."""
    return checkins_scan()
