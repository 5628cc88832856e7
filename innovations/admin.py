from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from innovations import proposals, services, visitors
from innovations.forms import PublishForm, ReviewForm
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
    VisitorInterest,
    VisitorReply,
)
from innovations.snapshots import differences, snapshot
from network.admin_actions import AuditedAdmin, DecisionsAdmin, action_with_form, decide_each
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


def _review(modeladmin, request, queryset, *, service, done, form_class=ReviewForm):
    """A review decision on the selected innovations, with the form for the team's note;
    ``done(count)`` says what was done."""

    def run(data):
        decide_each(
            modeladmin, request, queryset,
            lambda innovation: service(
                innovation=innovation, moderator=request.user, note=data["note"]
            ),
            done,
        )  # fmt: skip

    return action_with_form(
        modeladmin, request, queryset, form_class=form_class, title=_("Note for the team"),
        submit=_("Send"), describe=lambda innovation: innovation.title, run=run,
    )  # fmt: skip


def _waiting(innovation) -> bool:
    return innovation.status == Status.SUBMITTED


@admin.register(Innovation)
class InnovationAdmin(AuditedAdmin, DecisionsAdmin, admin.ModelAdmin):
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
        "language",
        facet_filter("theme", _("theme"), Theme.choices),
        facet_filter("region", _("region"), Region.choices),
    ]
    search_fields = ["title", "summary", "owner__email", "owner__display_name"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "updated_at", "submitted_at", "published_at"]
    autocomplete_fields = ["owner", "organisation", "translation_of"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [TeamInline, FacetInline, AdoptionInline]
    actions = ["publish", "request_changes", "reject", "feature", "unfeature"]
    decisions = {
        "publish": (_("Publish"), lambda innovation: innovation.status != Status.PUBLISHED),
        "request_changes": (_("Request changes"), _waiting),
        "reject": (_("Reject with a reason"), _waiting),
    }
    review_title = _("Submitted innovations")
    review_template = "admin/innovations/innovation/review.html"
    review_queue_template = "admin/innovations/innovation/review_queue.html"
    ordering = ["-submitted_at", "-updated_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner")

    # --- the review page: the innovation as members will see it, and what changed ---------
    def review_queryset(self, request):
        return (
            Innovation.objects.filter(status=Status.SUBMITTED)
            .select_related("owner", "organisation")
            .order_by("submitted_at", "pk")
        )

    def review_context(self, request, obj):
        earlier = obj.revisions.filter(proposed=False).first()
        return {
            "innovation": obj,
            "facets": obj.facet_labels(),
            "team": obj.team_users(),
            "earlier": earlier,
            "changes": differences(earlier.data, snapshot(obj)) if earlier else [],
        }

    def get_readonly_fields(self, request, obj=None):
        # A review decision goes through its action, which tells the team and audits it.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "status", "review_note"] if obj is not None else fields

    @admin.action(description=_("Publish (with an optional note)"), permissions=["change"])
    def publish(self, request, queryset):
        return _review(
            self, request, queryset.exclude(status=Status.PUBLISHED),
            service=services.innovation_publish, form_class=PublishForm,
            done=lambda count: ngettext(
                "%(count)d innovation published.", "%(count)d innovations published.", count
            ) % {"count": count},
        )  # fmt: skip

    @admin.action(description=_("Request changes (with comments)"), permissions=["change"])
    def request_changes(self, request, queryset):
        return _review(
            self, request, queryset,
            service=services.innovation_request_changes,
            done=lambda count: _("Changes requested for %(count)d.") % {"count": count},
        )  # fmt: skip

    @admin.action(description=_("Reject (with a reason)"), permissions=["change"])
    def reject(self, request, queryset):
        return _review(
            self, request, queryset,
            service=services.innovation_reject,
            done=lambda count: _("%(count)d rejected.") % {"count": count},
        )  # fmt: skip

    @admin.action(description=_("Feature on the home page"), permissions=["change"])
    def feature(self, request, queryset):
        queryset.filter(status=Status.PUBLISHED).update(featured=True)

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        queryset.update(featured=False)


class WaitingFilter(admin.SimpleListFilter):
    title = _("changes waiting for review")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("1", _("Waiting for review"))]

    def queryset(self, request, queryset):
        return queryset.proposed() if self.value() == "1" else queryset


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Past states of published innovations, and the changes teams made to published ones,
    which wait here (filter "Waiting for review") until a moderator publishes or declines
    them. Each shows what it changes beside what is published."""

    list_display = ["innovation", "editor", "created_at", "proposed", "accepted"]
    list_filter = [WaitingFilter, "proposed", "accepted"]
    search_fields = ["innovation__title"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "innovation", "editor", "changes", "created_at", "proposed", "decided_at", "decided_by",
        "accepted", "note",
    ]  # fmt: skip
    exclude = ["data"]
    actions = ["publish_changes", "decline_changes", "revert"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("changes"))
    def changes(self, obj):
        """What this revision holds against what is published now, part by part."""
        rows = differences(snapshot(obj.innovation), obj.data)
        if not rows:
            return _("Nothing differs from what is published.")
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody>"
            "</table>",
            _("part"), _("published"), _("this revision"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )  # fmt: skip

    @admin.action(description=_("Publish the team's changes"), permissions=["change"])
    def publish_changes(self, request, queryset):
        count = sum(
            proposals.proposal_publish(proposal=proposal, moderator=request.user) is not None
            for proposal in queryset.proposed()
        )
        self.message_user(request, _("%(count)d published.") % {"count": count})

    @admin.action(
        description=_("Decline the team's changes (with a reason)"), permissions=["change"]
    )
    def decline_changes(self, request, queryset):
        def run(data):
            for proposal in queryset.proposed():
                proposals.proposal_decline(
                    proposal=proposal, moderator=request.user, note=data["note"]
                )
            self.message_user(request, _("Declined."))

        return action_with_form(
            self, request, queryset.proposed(), form_class=ReviewForm,
            title=_("Decline the team's changes"),
            intro=_("The published innovation stays as it is; the team is told why:"),
            submit=_("Decline"), describe=lambda proposal: str(proposal.innovation), run=run,
        )  # fmt: skip

    @admin.action(description=_("Revert the innovation to this revision"), permissions=["change"])
    def revert(self, request, queryset):
        for revision in queryset.filter(proposed=False).order_by("created_at"):
            services.revision_revert(revision=revision, moderator=request.user)


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


class VisitorReplyInline(admin.TabularInline):
    model = VisitorReply
    fields = ["author", "body", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(VisitorInterest)
class VisitorInterestAdmin(admin.ModelAdmin):
    """Visitors' first messages wait here for a moderator (the dashboard's queue)."""

    list_display = ["name", "organisation", "innovation", "purpose", "state", "created_at"]
    list_filter = ["state", "purpose"]
    search_fields = ["name", "organisation", "email", "innovation__title"]
    readonly_fields = [
        "innovation", "name", "organisation", "email", "share_email", "purpose", "message",
        "language", "state", "created_at", "confirmed_at", "decided_at", "decided_by",
    ]  # fmt: skip
    inlines = [VisitorReplyInline]
    actions = ["release", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Release to the team"), permissions=["change"])
    def release(self, request, queryset):
        decide_each(
            self, request, queryset.filter(state=VisitorInterest.State.HELD),
            lambda item: visitors.visitor_interest_decide(
                interest=item, moderator=request.user, release=True
            ),
            lambda count: ngettext("%(count)d message released to the team.",
                                   "%(count)d messages released to the team.", count)
            % {"count": count},
        )  # fmt: skip

    @admin.action(description=_("Decline"), permissions=["change"])
    def decline(self, request, queryset):
        decide_each(
            self, request, queryset.filter(state=VisitorInterest.State.HELD),
            lambda item: visitors.visitor_interest_decide(
                interest=item, moderator=request.user, release=False
            ),
            lambda count: ngettext("%(count)d message declined.", "%(count)d messages declined.",
                                   count) % {"count": count},
        )  # fmt: skip


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "country", "innovation", "status", "adopted_on"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "innovation__title"]
    autocomplete_fields = ["innovation", "proposed_by"]
