from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from innovations import services
from innovations.forms import ReviewForm
from innovations.models import (
    Adoption,
    Comment,
    Innovation,
    InnovationFacet,
    Interest,
    Revision,
    Status,
    TeamMember,
    Update,
)
from network.admin_actions import action_with_form
from network.taxonomy import Region, Theme


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["user"]


class AdoptionInline(admin.TabularInline):
    model = Adoption
    extra = 0
    fields = ["organisation_name", "country", "adopted_on", "adaptation", "status"]


class FacetInline(admin.TabularInline):
    model = InnovationFacet
    extra = 0


class HasFacetFilter(admin.SimpleListFilter):
    """Filter by a classification stored as facets (theme, region)."""

    kind = ""

    def lookups(self, request, model_admin):
        return self.choices_for_kind

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(facets__kind=self.kind, facets__value=self.value()).distinct()
        return queryset


def facet_filter(kind, title, choices):
    return type(
        f"{kind.title()}Filter",
        (HasFacetFilter,),
        {"kind": kind, "title": title, "parameter_name": kind, "choices_for_kind": choices},
    )


def _review(modeladmin, request, queryset, *, service, done):
    def run(data):
        for innovation in queryset:
            service(innovation=innovation, moderator=request.user, note=data["note"])
        modeladmin.message_user(request, done % {"count": queryset.count()}, messages.SUCCESS)

    return action_with_form(
        modeladmin, request, queryset, form_class=ReviewForm, title=_("Note for the team"),
        submit=_("Send"), describe=lambda innovation: innovation.title, run=run,
    )  # fmt: skip


@admin.register(Innovation)
class InnovationAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "stage",
        "visibility",
        "featured",
        "owner",
        "submitted_at",
        "updated_at",
    ]
    list_filter = [
        "status",
        "stage",
        "visibility",
        "featured",
        facet_filter("theme", _("theme"), Theme.choices),
        facet_filter("region", _("region"), Region.choices),
    ]
    search_fields = ["title", "summary", "owner__email", "owner__display_name"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "updated_at", "submitted_at", "published_at"]
    autocomplete_fields = ["owner", "organisation"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [TeamInline, FacetInline, AdoptionInline]
    actions = ["publish", "request_changes", "reject", "feature", "unfeature"]
    ordering = ["-submitted_at", "-updated_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner")

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        for innovation in queryset:
            services.innovation_publish(innovation=innovation, moderator=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d innovation published.",
                "%(count)d innovations published.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.action(description=_("Request changes (with comments)"), permissions=["change"])
    def request_changes(self, request, queryset):
        return _review(
            self, request, queryset,
            service=services.innovation_request_changes, done=_("Changes requested for %(count)d."),
        )  # fmt: skip

    @admin.action(description=_("Reject (with a reason)"), permissions=["change"])
    def reject(self, request, queryset):
        return _review(
            self, request, queryset,
            service=services.innovation_reject, done=_("%(count)d rejected."),
        )  # fmt: skip

    @admin.action(description=_("Feature on the home page"), permissions=["change"])
    def feature(self, request, queryset):
        queryset.filter(status=Status.PUBLISHED).update(featured=True)

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        queryset.update(featured=False)


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["innovation", "editor", "created_at"]
    search_fields = ["innovation__title"]
    date_hierarchy = "created_at"
    readonly_fields = ["innovation", "editor", "data", "created_at"]
    actions = ["revert"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revert the innovation to this revision"), permissions=["change"])
    def revert(self, request, queryset):
        for revision in queryset.order_by("created_at"):
            services.revision_revert(revision=revision, moderator=request.user)
        self.message_user(request, _("Reverted."), messages.SUCCESS)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "innovation", "author", "created_at"]
    search_fields = ["body", "innovation__title"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["innovation", "author"]


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "innovation", "created_at"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["innovation", "author"]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["innovation", "user", "purpose", "created_at"]
    list_filter = ["purpose"]
    autocomplete_fields = ["innovation", "user"]


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "country", "innovation", "status", "adopted_on"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "innovation__title"]
    autocomplete_fields = ["innovation", "proposed_by"]
