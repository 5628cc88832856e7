"""The innovation showcase: innovations, their team, review, and what members do with them
(``innovations``: the innovations; ``history``: their past and proposed states and the stages
they reached; ``activity``: what members do with them)."""

from innovations.models.activity import (
    Adoption,
    Comment,
    Endorsement,
    Follow,
    Interest,
    Update,
    VisitorInterest,
    VisitorReply,
)
from innovations.models.history import Revision, RevisionQuerySet, StageChange
from innovations.models.innovations import (
    FACET_KINDS,
    RESERVED_SLUGS,
    TEAM_PATHS,
    UNKNOWN,
    ContributionQuerySet,
    Innovation,
    InnovationFacet,
    InnovationQuerySet,
    Status,
    TaggedInnovation,
    TeamMember,
    Visibility,
    cover_path,
    team_q,
)

__all__ = [
    "FACET_KINDS",
    "RESERVED_SLUGS",
    "TEAM_PATHS",
    "UNKNOWN",
    "Adoption",
    "Comment",
    "ContributionQuerySet",
    "Endorsement",
    "Follow",
    "Innovation",
    "InnovationFacet",
    "InnovationQuerySet",
    "Interest",
    "Revision",
    "RevisionQuerySet",
    "StageChange",
    "Status",
    "TaggedInnovation",
    "TeamMember",
    "Update",
    "Visibility",
    "VisitorInterest",
    "VisitorReply",
    "cover_path",
    "team_q",
]
