from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from network import moderation
from network.admin_actions import DecisionsAdmin, action_with_form
from network.forms import ResolutionForm
from network.models import (
    AuditEntry,
    Delivery,
    FollowedTopic,
    Notification,
    PendingTask,
    Report,
)


@admin.register(Report)
class ReportAdmin(DecisionsAdmin, admin.ModelAdmin):
    list_display = ["target_repr", "content_type", "reason", "created_at", "outcome", "resolved_at"]
    list_filter = ["reason", "outcome", ("resolved_at", admin.EmptyFieldListFilter), "content_type"]
    search_fields = ["target_repr", "note"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "content_type", "object_id", "target_repr", "reporter", "reason", "note", "created_at",
        "resolved_at", "resolved_by", "outcome", "resolution_note",
    ]  # fmt: skip
    actions = ["resolve"]
    decisions = {"resolve": (_("Decide (with a note)"), lambda report: report.resolved_at is None)}

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(
        description=_("Decide on the reported content (with a note)"), permissions=["change"]
    )
    def resolve(self, request, queryset):
        def run(data):
            targets = {
                (r.content_type_id, r.object_id): r for r in queryset.filter(resolved_at=None)
            }
            done = 0
            for report in targets.values():
                if report.target is None:
                    continue
                if data["outcome"] == Report.Outcome.SUSPENDED and not request.user.has_perm(
                    "members.change_user"
                ):
                    self.message_user(request, _("You may not suspend members."), messages.ERROR)
                    return
                done += moderation.reports_resolve(
                    target=report.target, moderator=request.user, **data
                )
            self.message_user(request, _("%(count)s reports resolved.") % {"count": done})

        def describe(report):
            described = f"{report.get_reason_display()}: {report.target_repr}"
            return f"{described} — {report.note}" if report.note else described

        return action_with_form(
            self, request, queryset, form_class=ResolutionForm,
            title=_("Decide on reported content"), submit=_("Decide"), describe=describe, run=run,
        )  # fmt: skip


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log: visible to staff, never changed or deleted, from here or anywhere."""

    list_display = ["created_at", "actor", "action", "object_repr", "reason"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "reason", "actor__email"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "message", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["recipient__email", "message"]
    date_hierarchy = "created_at"
    raw_id_fields = ["recipient"]


@admin.register(PendingTask)
class PendingTaskAdmin(admin.ModelAdmin):
    """Work kept while the broker was away; it leaves this list as soon as it is queued."""

    list_display = ["name", "created_at", "error"]
    list_filter = ["name"]
    date_hierarchy = "created_at"
    readonly_fields = ["name", "kwargs", "error", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Which emails went to whom (a record: read-only)."""

    list_display = ["recipient", "kind", "key", "sent_at", "skipped"]
    list_filter = ["kind", "skipped"]
    search_fields = ["recipient__email", "key"]
    date_hierarchy = "created_at"
    readonly_fields = ["recipient", "kind", "key", "claim", "created_at", "sent_at", "skipped"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FollowedTopic)
class FollowedTopicAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "value", "created_at"]
    list_filter = ["kind"]
    search_fields = ["user__email", "value"]
    raw_id_fields = ["user"]


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    """taggit's admin, whose "merge tags" page checks only that the user is staff: here it
    needs the permission to change tags, like the rest of the tag admin."""

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().merge_tags_view(request)
