"""Events in the admin: programme and event managers create and run events here.

Every time on an event's page is entered and shown in the event's own time zone; saving goes
through ``hosting.event_save`` so that calendar sequences rise and registrants hear of a new
time or place.
"""

import csv
import zoneinfo
from contextlib import nullcontext

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.forms import EventAdminForm, RegistrantsEmailForm
from events.models import (
    Booking,
    CalendarToken,
    ClinicSlot,
    Event,
    EventHost,
    EventLanguage,
    Feedback,
    Invitation,
    Registration,
    Reminder,
    Status,
)
from events.services.guests import guest_cancel
from events.services.hosting import event_cancel, event_save, registrants_email
from events.services.invitations import invitation_create
from events.services.registration import registration_cancel
from network.admin_actions import AuditedAdmin, DecisionsAdmin, action_with_form
from network.utils import spreadsheet_safe

CSV_COLUMNS = [
    "event", "event_starts_utc", "member", "email", "username", "status", "registered_at",
    "confirmed_at", "cancelled_at", "attended", "wants_reminders",
]  # fmt: skip


class HostInline(admin.TabularInline):
    model = EventHost
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "guest_name", "guest_affiliation", "role", "position"]


class LanguageInline(admin.TabularInline):
    model = EventLanguage
    extra = 0


class SlotInline(admin.TabularInline):
    model = ClinicSlot
    extra = 0
    autocomplete_fields = ["expert"]
    fields = ["expert", "starts_at", "ends_at", "online_url"]


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "status", "created_at", "responded_at"]
    readonly_fields = ["status", "created_at", "responded_at"]


class RegistrationInline(admin.TabularInline):
    """Seats change through the site's rules only (capacity, waitlist): read here, and
    cancel through the registrations list."""

    model = Registration
    extra = 0
    can_delete = False
    fields = ["user", "status", "registered_at", "confirmed_at", "attended", "wants_reminders"]
    readonly_fields = ["user", "status", "registered_at", "confirmed_at", "wants_reminders"]
    ordering = ["status", "registered_at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


@admin.register(Event)
class EventAdmin(AuditedAdmin, DecisionsAdmin, admin.ModelAdmin):
    form = EventAdminForm
    list_display = [
        "title", "type", "status", "visibility", "starts_at", "timezone", "capacity",
        "confirmed", "waitlisted",
    ]  # fmt: skip
    list_filter = [
        "type",
        "status",
        "visibility",
        "scope",
        "region",
        ("starts_at", admin.DateFieldListFilter),
    ]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["created_by", "innovations", "materials"]
    readonly_fields = ["sequence", "created_at", "updated_at", "published_at", "cancelled_at"]
    inlines = [HostInline, LanguageInline, SlotInline, InvitationInline, RegistrationInline]
    actions = ["export_registrations", "email_registrants", "cancel_events"]
    decisions = {
        "email_registrants": (_("Email all registrants"), lambda event: True),
        "cancel_events": (
            _("Cancel (tells the registrants)"),
            lambda event: event.status != Status.CANCELLED,
        ),
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "written_in", "type", "status", "visibility", "summary",
                           "description"]}),
        (_("Where and when"), {"fields": ["timezone", "starts_at", "ends_at", "online_url",
                                          "venue", "scope", "region", "country"]}),
        (_("Registration"), {"fields": ["capacity", "registration_opens_at",
                                        "registration_closes_at", "guests_allowed"]}),
        (_("Showcase and materials"), {"fields": ["innovations", "materials", "material_links",
                                                  "recording_url"]}),
        (_("Record"), {"fields": ["created_by", "hidden_at", "sequence", "created_at",
                                  "updated_at", "published_at", "cancelled_at"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        waiting = Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        )
        return super().get_queryset(request).with_seats().annotate(waitlisted_count=waiting)

    @admin.display(description=_("registered"))
    def confirmed(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("waitlist"))
    def waitlisted(self, obj):
        return obj.waitlisted_count

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Show and read the times in the event's own zone (the one chosen on the form)."""
        name = request.POST.get("timezone") if request.method == "POST" else None
        if not name and object_id:
            name = Event.objects.filter(pk=object_id).values_list("timezone", flat=True).first()
        zone = _zone(name)
        with timezone.override(zone) if zone else nullcontext():
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
        return response

    def save_model(self, request, obj, form, change):
        event_save(event=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Invitation:
            return super().save_formset(request, form, formset, change)
        # New invitations go through the service, which tells the invitee.
        instances = formset.save(commit=False)
        for removed in formset.deleted_objects:
            removed.delete()
        for invitation in instances:
            if invitation.pk:
                invitation.save()
            else:
                try:
                    invitation_create(event=form.instance, by=request.user, user=invitation.user)
                except ValidationError as error:
                    self.message_user(
                        request, f"{invitation.user}: {' '.join(error.messages)}", messages.ERROR
                    )
        return None

    @admin.action(description=_("Export registrations as CSV"), permissions=["view"])
    def export_registrations(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        registrations = (
            Registration.objects.filter(event__in=queryset)
            .select_related("event", "user")
            .order_by("event__starts_at", "event_id", "status", "registered_at", "pk")
        )
        for r in registrations:
            writer.writerow(
                map(spreadsheet_safe, [
                    r.event.title, r.event.starts_at.isoformat(), r.person_name,
                    r.guest_email if r.is_guest else r.user.email,
                    "" if r.is_guest else r.user.username, r.status, r.registered_at.isoformat(),
                    r.confirmed_at.isoformat() if r.confirmed_at else "",
                    r.cancelled_at.isoformat() if r.cancelled_at else "",
                    "" if r.attended is None else ("yes" if r.attended else "no"),
                    "yes" if r.wants_reminders else "no",
                ])
            )  # fmt: skip
        return response

    @admin.action(description=_("Email all registrants"), permissions=["change"])
    def email_registrants(self, request, queryset):
        def run(data):
            total = 0
            for event in queryset:
                total += registrants_email(event=event, by=request.user, **data)
            self.message_user(
                request,
                ngettext(
                    "%(count)d email is on its way.", "%(count)d emails are on their way.", total
                )
                % {"count": total},
                messages.SUCCESS,
            )

        return action_with_form(
            self, request, queryset, form_class=RegistrantsEmailForm,
            title=_("Email all registrants"),
            intro=_("The message goes to everyone registered for these events, in an email that "
                    "names the event and links to its page. The meeting link is not added."),
            submit=_("Send"), describe=lambda event: event.title, run=run,
        )  # fmt: skip

    @admin.action(description=_("Cancel (tells the registrants)"), permissions=["change"])
    def cancel_events(self, request, queryset):
        count = 0
        for event in queryset.exclude(status=Status.CANCELLED):
            event_cancel(event=event, by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "status", "registered_at", "attended"]
    list_filter = ["status", "attended", ("user", admin.EmptyFieldListFilter)]
    search_fields = ["event__title", "user__display_name", "user__username", "guest_name",
                     "guest_email", "guest_organisation"]  # fmt: skip
    date_hierarchy = "registered_at"
    autocomplete_fields = ["event", "user"]
    readonly_fields = ["status", "registered_at", "confirmed_at", "cancelled_at"]
    actions = ["cancel_registrations"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Cancel (promotes the waitlist)"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        for registration in queryset.select_related("event", "user"):
            if registration.is_guest:
                guest_cancel(registration=registration)
            else:
                registration_cancel(event=registration.event, user=registration.user)
        self.message_user(request, _("Cancelled."), messages.SUCCESS)


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["slot", "member", "innovation", "advice_at"]
    search_fields = ["event__title", "member__display_name", "innovation__title"]
    autocomplete_fields = ["event", "slot", "member", "innovation"]


@admin.register(ClinicSlot)
class ClinicSlotAdmin(admin.ModelAdmin):
    list_display = ["event", "expert", "starts_at", "ends_at"]
    search_fields = ["event__title", "expert__display_name"]
    autocomplete_fields = ["event", "expert"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "author", "rating", "created_at", "hidden_at"]
    list_filter = ["rating"]
    search_fields = ["comment", "event__title"]
    autocomplete_fields = ["event", "author"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "registration", "booking", "created_at", "sent_at"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "recipient", "registration", "booking", "claim", "created_at",
                       "sent_at"]  # fmt: skip

    def has_add_permission(self, request):
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Only to revoke (delete) a member's feed address; the secret itself is never shown."""

    list_display = ["user", "created_at"]
    search_fields = ["user__display_name", "user__username"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request):
        return False
