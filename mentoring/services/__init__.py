"""Writes with side effects for mentoring, one module per feature: ``mentors`` (the offer),
``requests`` (asking a mentor, and the request scan), ``mentorships`` (goals, sessions, the end,
feedback, check-ins) and ``programmes`` (applications and the matching).

Every function is keyword-only and atomic. Those that depend on the time take ``now`` (the
scans too), so that tests drive a controllable clock; by default it is ``timezone.now()``."""
