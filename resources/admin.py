from django.contrib import admin, messages
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from network.admin_actions import AuditedAdmin, DecisionsAdmin, action_with_form
from network.imports import ImportExportAdmin
from network.taxonomy import Theme
from resources import services
from resources.forms import DeclineForm, ResourceAdminForm
from resources.imports import ResourceResource
from resources.models import (
    Collection,
    CollectionItem,
    Publisher,
    Resource,
    Status,
    UsefulMark,
)


class ThemeFilter(admin.SimpleListFilter):
    title = _("theme")
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return Theme.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(themes__theme=self.value()).distinct()
        return queryset


DESCRIPTION_FIELDS = [
    "language", "translation_of", "themes", "tags", "publisher_type", "organisation",
    "contributor", "year", "licence", "access", "innovations",
]  # fmt: skip
RECORD_FIELDS = ["download_count", "created_at", "updated_at", "submitted_at", "published_at"]


class LanguageVersionInline(admin.TabularInline):
    """The other language versions of this (original) resource. Each is a resource of its
    own: add one as a new resource and choose this one as what it is a language version of."""

    model = Resource
    fk_name = "translation_of"
    fields = ["title", "language", "status", "access"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = _("language version")
    verbose_name_plural = _("language versions")

    def has_add_permission(self, request, obj=None):
        return False


class UsefulMarkInline(admin.TabularInline):
    """Members' marks are theirs: moderators may remove one, never rewrite it."""

    model = UsefulMark
    fields = ["member", "note", "updated_at"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Resource)
class ResourceAdmin(AuditedAdmin, DecisionsAdmin, ImportExportAdmin, admin.ModelAdmin):
    form = ResourceAdminForm
    # Descriptions in bulk; files are attached afterwards on each resource's page.
    resource_classes = [ResourceResource]
    list_display = [
        "title", "type", "language", "access", "status", "publisher_type", "download_count",
        "contributor", "published_at",
    ]  # fmt: skip
    list_filter = ["status", "type", "access", "language", "publisher_type", ThemeFilter, "year"]
    search_fields = [
        "title", "summary", "original_filename", "organisation__name", "contributor__email",
        "contributor__display_name",
    ]  # fmt: skip
    date_hierarchy = "created_at"
    readonly_fields = ["stored_file", *RECORD_FIELDS]
    autocomplete_fields = ["organisation", "contributor", "translation_of", "innovations"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [LanguageVersionInline, UsefulMarkInline]
    actions = ["approve", "decline"]
    decisions = {
        # Only what has something to open (an imported draft waits for its file).
        "approve": (
            _("Approve and publish"),
            lambda resource: (
                resource.status != Status.PUBLISHED and bool(resource.file or resource.external_url)
            ),
        ),
        "decline": (
            _("Decline with a reason"),
            lambda resource: resource.status == Status.SUBMITTED,
        ),
    }
    review_title = _("Contributed resources")
    review_template = "admin/resources/resource/review.html"
    review_queue_template = "admin/resources/resource/review_queue.html"
    ordering = ["-submitted_at", "-created_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "type"]}),
        (
            _("File or link"),
            {
                "fields": ["stored_file", "upload", "remove_file", "external_url"],
                "description": _(
                    "Files are checked by their content and served only through the "
                    "site's download page, which checks who may have them."
                ),
            },
        ),
        (_("Description"), {"fields": DESCRIPTION_FIELDS}),
        (_("Review"), {"fields": ["status", "review_note"]}),
        (_("Record"), {"fields": RECORD_FIELDS}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contributor")

    def review_queryset(self, request):
        return (
            Resource.objects.filter(status=Status.SUBMITTED)
            .select_related("contributor", "organisation")
            .order_by("submitted_at", "pk")
        )

    def review_context(self, request, obj):
        return {"resource": obj, "stored_file": self.stored_file(obj)}

    def get_changeform_initial_data(self, request):
        # Staff additions are published at once, as the ILO's unless said otherwise.
        return {
            "status": Status.PUBLISHED,
            "publisher_type": Publisher.ILO,
            **super().get_changeform_initial_data(request),
        }

    @admin.display(description=_("stored file"))
    def stored_file(self, obj):
        """A link to the checked download view, never to the storage (no guessable URL)."""
        if obj is None or not obj.file or not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({}, {})',
            obj.get_download_url(),
            obj.original_filename or _("file"),
            filesizeformat(obj.file_size or 0),
            obj.content_type,
        )

    def save_model(self, request, obj, form, change):
        document = form.cleaned_data.get("upload")
        if document is not None:
            services.resource_attach_file(resource=obj, document=document)
        elif form.cleaned_data.get("remove_file"):
            services.resource_detach_file(resource=obj)
        # A decision on a contribution goes through the service, which tells the contributor.
        previous = form.initial.get("status") if change else None
        obj._pending_decision = None
        if change and obj.status != previous and obj.status in (Status.PUBLISHED, Status.REJECTED):
            obj._pending_decision = obj.status
            obj.status = previous
        elif obj.status == Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        resource = form.instance
        services.resource_set_themes(resource=resource, themes=form.cleaned_data["themes"])
        decision = getattr(resource, "_pending_decision", None)
        if decision == Status.PUBLISHED:
            services.resource_approve(resource=resource, moderator=request.user)
        elif decision == Status.REJECTED:
            services.resource_decline(
                resource=resource, moderator=request.user, reason=resource.review_note
            )

    @admin.action(description=_("Approve and publish"), permissions=["change"])
    def approve(self, request, queryset):
        count = 0
        for resource in queryset.exclude(status=Status.PUBLISHED).exclude(file="", external_url=""):
            services.resource_approve(resource=resource, moderator=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d resource published.", "%(count)d resources published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline (with a reason)"), permissions=["change"])
    def decline(self, request, queryset):
        def run(data):
            count = 0
            for resource in queryset.exclude(status=Status.REJECTED):
                services.resource_decline(
                    resource=resource, moderator=request.user, reason=data["reason"]
                )
                count += 1
            self.message_user(
                request,
                ngettext("%(count)d resource declined.", "%(count)d resources declined.", count)
                % {"count": count},
                messages.SUCCESS,
            )

        def describe(resource):
            if resource.contributor:
                return f"{resource.title} ({resource.contributor})"
            return resource.title

        return action_with_form(
            self, request, queryset, form_class=DeclineForm, title=_("Decline resources"),
            intro=_("These resources will be declined; their contributors are told the reason "
                    "you give:"),
            submit=_("Decline"), describe=describe, run=run,
        )  # fmt: skip


class CollectionItemInline(admin.TabularInline):
    """A resource or an innovation per row: partners get both in one collection."""

    model = CollectionItem
    fields = ["position", "resource", "innovation", "note"]
    autocomplete_fields = ["resource", "innovation"]
    ordering = ["position", "pk"]
    extra = 1


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    """Staff's collections and the curators' (members in the group "Collection curators",
    who keep their own on the site)."""

    list_display = ["title", "published", "language", "curator", "item_count", "updated_at"]
    list_filter = ["published", "language", ("curator", admin.EmptyFieldListFilter)]
    search_fields = ["title", "description"]
    autocomplete_fields = ["curator"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CollectionItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("items"))

    @admin.display(description=_("items"), ordering="item_total")
    def item_count(self, obj):
        return obj.item_total


@admin.register(UsefulMark)
class UsefulMarkAdmin(admin.ModelAdmin):
    """A record of what members said: read-only; a moderator may delete an abusive note."""

    list_display = ["resource", "member", "note", "updated_at"]
    search_fields = ["resource__title", "member__email", "member__display_name", "note"]
    date_hierarchy = "created_at"
    readonly_fields = ["resource", "member", "note", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
