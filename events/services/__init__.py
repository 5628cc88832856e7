"""Writes with side effects for events, one module per feature: ``registration`` (with the
waitlist), ``invitations``, ``hosting`` (saving and cancelling events, attendance, emailing
registrants), ``clinics``, ``feedback``, ``reminders`` and ``calendar_feed``."""
