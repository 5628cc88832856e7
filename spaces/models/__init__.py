"""Spaces where groups work together, split by feature: the spaces and who is in them,
their discussions, and what they share and plan."""

from spaces.models.discussions import Reply, Revision, Thread, ThreadQuerySet
from spaces.models.sharing import SessionProposal, SharedFile, SharedInnovation
from spaces.models.spaces import (
    Entry,
    Following,
    Kind,
    Membership,
    Space,
    SpaceQuerySet,
    Visibility,
)

__all__ = [
    "Entry",
    "Following",
    "Kind",
    "Membership",
    "Reply",
    "Revision",
    "SessionProposal",
    "SharedFile",
    "SharedInnovation",
    "Space",
    "SpaceQuerySet",
    "Thread",
    "ThreadQuerySet",
    "Visibility",
]
