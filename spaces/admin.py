from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from network.admin_actions import AuditedAdmin
from spaces.models import (
    Membership,
    Reply,
    Revision,
    SessionProposal,
    SharedFile,
    SharedInnovation,
    Space,
    Thread,
)


class MembershipInline(admin.TabularInline):
    """Who is in the space. Staff name its moderators here (role "Space moderator")."""

    model = Membership
    fk_name = "space"
    fields = ["user", "state", "role", "following", "joined_at", "last_visit_at"]
    readonly_fields = ["joined_at", "last_visit_at"]
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Space)
class SpaceAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = [
        "title", "kind", "visibility", "entry", "language", "member_count", "archived_at"
    ]  # fmt: skip
    list_filter = ["kind", "visibility", "entry", "language", "region"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["programme", "event"]
    filter_horizontal = ["resources", "events"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "description", "about", "language", "cover"]}),
        (_("What it is about"), {"fields": ["region", "theme", "programme", "event"]}),
        (_("Who may see and join it"), {"fields": ["visibility", "entry", "archived_at"]}),
        (_("Shared with it"), {"fields": ["resources", "events"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                members=Count("memberships", filter=Q(memberships__state=Membership.State.ACTIVE))
            )
        )

    @admin.display(description=_("members"), ordering="members")
    def member_count(self, space):
        return space.members


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ["saved_at", "title", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Thread)
class ThreadAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["title", "space", "author", "mode", "reply_count", "last_activity_at",
                    "pinned_at", "locked_at", "hidden_at"]  # fmt: skip
    list_filter = ["mode", "space__kind", "language", ("hidden_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "body", "space__title"]
    raw_id_fields = ["space", "author", "answer"]
    readonly_fields = ["created_at", "edited_at", "last_activity_at", "reply_count"]
    inlines = [RevisionInline]
    list_select_related = ["space", "author"]


@admin.register(Reply)
class ReplyAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "thread", "author", "created_at", "hidden_at"]
    list_filter = [("hidden_at", admin.EmptyFieldListFilter), "language"]
    search_fields = ["body", "thread__title"]
    raw_id_fields = ["thread", "author", "quoting"]
    readonly_fields = ["created_at", "edited_at"]
    inlines = [RevisionInline]
    list_select_related = ["thread", "author"]


@admin.register(SharedFile)
class SharedFileAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["title", "space", "uploaded_by", "original_filename", "created_at"]
    search_fields = ["title", "original_filename", "space__title"]
    readonly_fields = ["file", "original_filename", "file_size", "content_type", "created_at"]
    raw_id_fields = ["space", "uploaded_by"]
    list_select_related = ["space", "uploaded_by"]


@admin.register(SharedInnovation)
class SharedInnovationAdmin(admin.ModelAdmin):
    list_display = ["innovation", "space", "linked_by", "created_at"]
    raw_id_fields = ["space", "innovation", "linked_by"]
    list_select_related = ["space", "innovation", "linked_by"]


@admin.register(SessionProposal)
class SessionProposalAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["topic", "space", "proposer", "preferred_start", "status", "event"]
    list_filter = ["status", "format", "language"]
    search_fields = ["topic", "space__title"]
    raw_id_fields = ["space", "proposer", "event", "decided_by"]
    readonly_fields = ["status", "event", "decided_by", "decided_at", "created_at"]
    list_select_related = ["space", "proposer", "event"]
