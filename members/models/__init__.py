"""People and organisations: the user model (the email is the login) and who may see or list
whom, profiles with a visibility per field, organisations and affiliations, and what passes
between members (messages, contacts, blocks).

One module per part; Django finds the models here, and so does the rest of the code
(``from members.models import User``).
"""

from members.models.choices import (
    PROFILE_FIELDS,
    Delivery,
    FieldVisibility,
    ProfileVisibility,
    visible_levels,
)
from members.models.invitations import Invitation, InvitationQuerySet
from members.models.organisations import Affiliation, Organisation, OrganisationQuerySet
from members.models.people import (
    RESERVED_USERNAMES,
    User,
    UserManager,
    UserQuerySet,
    approved_q,
    by_unsuspended,
    listed_q,
    showing_q,
    shown_q,
    unique_username,
)
from members.models.profiles import (
    Profile,
    SpokenLanguage,
    TaggedExpertise,
    TaggedInterest,
    avatar_path,
)
from members.models.relations import Block, BlockQuerySet, Contact, Message

__all__ = [
    "PROFILE_FIELDS",
    "RESERVED_USERNAMES",
    "Affiliation",
    "Block",
    "BlockQuerySet",
    "Contact",
    "Delivery",
    "FieldVisibility",
    "Invitation",
    "InvitationQuerySet",
    "Message",
    "Organisation",
    "OrganisationQuerySet",
    "Profile",
    "ProfileVisibility",
    "SpokenLanguage",
    "TaggedExpertise",
    "TaggedInterest",
    "User",
    "UserManager",
    "UserQuerySet",
    "approved_q",
    "avatar_path",
    "by_unsuspended",
    "listed_q",
    "showing_q",
    "shown_q",
    "unique_username",
    "visible_levels",
]
