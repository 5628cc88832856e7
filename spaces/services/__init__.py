"""Writes with side effects in spaces, one module per feature: ``membership`` (joining and
leaving, requests, invitations, following, space moderators), ``discussions`` (threads,
replies, mentions, edits, pinning, locking, accepted answers, telling followers) and
``sharing`` (files, linked innovations, proposed sessions). Keyword-only, atomic; every
member-to-member contact (an invitation, a mention) passes the contact gate
(members.contact)."""
