"""Mentoring in the admin: mentors, requests, mentorships, and programmes with the matching
engine: run it once applications close, see the proposed pairs with scores and reasons,
adjust them, and confirm (both sides are then asked to accept)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from members.models import User
from mentoring import matching
from mentoring.models import (
    Feedback,
    Goal,
    Match,
    MentorFacet,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    Reminder,
    Role,
    Session,
)
from mentoring.reasons import describe
from mentoring.services.programmes import (
    LIVE_MATCH,
    match_adjust,
    programme_candidates,
    programme_confirm,
    programme_run_matching,
)

OPTIONS_PER_MENTEE = 15


class MentorFacetInline(admin.TabularInline):
    model = MentorFacet
    extra = 0


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "availability", "capacity", "active_mentees", "hidden_at", "created_at"]
    list_filter = ["availability", ("hidden_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "user__display_name", "user__username", "bio"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MentorFacetInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_load().select_related("user")

    @admin.display(description=_("active mentees"), ordering="active_mentees")
    def active_mentees(self, obj):
        return obj.active_mentees


@admin.register(MentoringRequest)
class MentoringRequestAdmin(admin.ModelAdmin):
    list_display = ["mentee", "mentor", "status", "score", "created_at", "responded_at"]
    list_filter = ["status", "language"]
    search_fields = ["mentee__email", "mentee__display_name", "mentor__email",
                     "mentor__display_name", "goals"]  # fmt: skip
    date_hierarchy = "created_at"
    autocomplete_fields = ["mentee", "mentor", "innovation"]
    readonly_fields = ["score", "why", "created_at", "responded_at"]
    exclude = ["reasons"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentee", "mentor")

    @admin.display(description=_("why this mentor"))
    def why(self, obj):
        return "; ".join(describe(obj.reasons))


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class SessionInline(admin.StackedInline):
    model = Session
    extra = 0
    autocomplete_fields = ["logged_by"]


class FeedbackInline(admin.StackedInline):
    """Staff read both sides' feedback here, the mentor's note about the mentee included."""

    model = Feedback
    extra = 0
    readonly_fields = ["author", "role", "rating", "comment", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "mentee", "status", "programme", "started_at", "agreed_end_date",
                    "ended_at"]  # fmt: skip
    list_filter = ["status", "programme"]
    search_fields = ["mentor__email", "mentor__display_name", "mentee__email",
                     "mentee__display_name"]  # fmt: skip
    date_hierarchy = "started_at"
    autocomplete_fields = ["mentor", "mentee", "innovation", "ended_by"]
    raw_id_fields = ["request", "match"]
    inlines = [GoalInline, SessionInline, FeedbackInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentor", "mentee", "programme")


class ApplicationInline(admin.TabularInline):
    model = ProgrammeApplication
    extra = 0
    fields = ["user", "role", "capacity", "goals", "topics", "themes", "created_at"]
    autocomplete_fields = ["user"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "application_opens", "application_closes", "mentees", "mentors",
                    "matched_at", "matching_link"]  # fmt: skip
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["matched_at", "matching_link"]
    inlines = [ApplicationInline]
    actions = ["run_matching"]

    @admin.display(description=_("mentees"))
    def mentees(self, obj):
        return obj.applications.filter(role=Role.MENTEE).count()

    @admin.display(description=_("mentors"))
    def mentors(self, obj):
        return obj.applications.filter(role=Role.MENTOR).count()

    @admin.display(description=_("matching"))
    def matching_link(self, obj):
        if obj.pk is None:
            return "-"
        url = reverse("admin:mentoring_programme_matching", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Pairs and matching"))

    def get_urls(self):
        return [
            path(
                "<int:object_id>/matching/",
                self.admin_site.admin_view(self.matching_view),
                name="mentoring_programme_matching",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Run the matching engine"), permissions=["change"])
    def run_matching(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one programme."), messages.ERROR)
            return None
        programme = queryset.get()
        try:
            matches = programme_run_matching(programme=programme, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        self.message_user(
            request, _("%(count)s pairs proposed.") % {"count": len(matches)}, messages.SUCCESS
        )
        return redirect("admin:mentoring_programme_matching", object_id=programme.pk)

    def matching_view(self, request, object_id):
        """The proposed pairs with scores and reasons; adjust them; confirm."""
        programme = get_object_or_404(Programme, pk=object_id)
        if not self.has_view_permission(request, programme):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request, programme):
                raise PermissionDenied
            self._matching_post(request, programme)
            return redirect("admin:mentoring_programme_matching", object_id=programme.pk)
        return render(
            request,
            "admin/mentoring/matching.html",
            {
                **self.admin_site.each_context(request),
                **self._matching_context(programme),
                "title": _("Matching: %(title)s") % {"title": programme.title},
                "opts": self.model._meta,
                "programme": programme,
                "can_change": self.has_change_permission(request, programme),
            },
        )

    def _matching_post(self, request, programme):
        action = request.POST.get("action")
        try:
            if action == "run":
                matches = programme_run_matching(programme=programme, by=request.user)
                done = _("%(count)s pairs proposed.") % {"count": len(matches)}
            elif action == "adjust":
                assignments = {}
                for key, value in request.POST.items():
                    if key.startswith("mentor_") and key[7:].isdigit():
                        assignments[int(key[7:])] = int(value) if value.isdigit() else None
                match_adjust(programme=programme, by=request.user, assignments=assignments)
                done = _("The proposed pairs are saved.")
            elif action == "confirm":
                count = programme_confirm(programme=programme, by=request.user)
                done = _("%(count)s pairs offered: both sides are asked to accept.") % {
                    "count": count
                }
            else:
                return
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, done, messages.SUCCESS)

    def _matching_context(self, programme):
        # Lazy, as in mentoring.matching: only this staff page needs numpy, and every web
        # process loads the admin.
        import numpy as np

        matches = list(
            programme.matches.select_related("mentor", "mentee").order_by("status", "-score")
        )
        for match in matches:
            match.explanations = describe(match.reasons)
        live = {m.mentee_id: m for m in matches if m.status in LIVE_MATCH}
        mentees, mentors, forbidden = programme_candidates(programme)
        users = User.objects.in_bulk([m.id for m in mentees] + [m.id for m in mentors])
        weights = (
            matching.score_matrix(mentees, mentors, forbidden) if mentees and mentors else None
        )
        proposed_count = {}
        for match in matches:
            if match.status == Match.Status.PROPOSED:
                proposed_count[match.mentor_id] = proposed_count.get(match.mentor_id, 0) + 1
        mentor_rows = [
            {"user": users.get(m.id), "places": m.capacity, "proposed": proposed_count.get(m.id, 0)}
            for m in mentors
        ]
        rows = []
        for i, mentee in enumerate(mentees):
            match = live.get(mentee.id)
            if match is not None and match.status != Match.Status.PROPOSED:
                continue
            current = match.mentor_id if match else None
            order = []
            if weights is not None:
                best_first = np.argsort(-weights[i], kind="stable")[:OPTIONS_PER_MENTEE]
                order = [int(j) for j in best_first if weights[i][j] >= 0]
                # The current mentor is always offered, so that saving never drops a pair.
                order += [j for j, m in enumerate(mentors) if m.id == current and j not in order]
            options = [
                {"id": mentors[j].id, "user": users.get(mentors[j].id), "score": int(weights[i][j]),
                 "selected": mentors[j].id == current}
                for j in order
            ]  # fmt: skip
            rows.append({"mentee": users.get(mentee.id), "match": match, "options": options})
        return {
            "matches": matches,
            "rows": rows,
            "mentor_rows": mentor_rows,
            "unmatched": [row for row in rows if row["match"] is None],
            "proposed": [m for m in matches if m.status == Match.Status.PROPOSED],
            "window_closed": programme.has_closed(),
        }


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["programme", "mentee", "mentor", "score", "status", "offered_at"]
    list_filter = ["status", "programme"]
    search_fields = ["mentee__email", "mentee__display_name", "mentor__email",
                     "mentor__display_name"]  # fmt: skip
    autocomplete_fields = ["mentor", "mentee", "declined_by"]
    readonly_fields = ["score", "why", "created_at", "offered_at", "mentor_accepted_at",
                       "mentee_accepted_at"]  # fmt: skip
    exclude = ["reasons"]

    @admin.display(description=_("reasons"))
    def why(self, obj):
        return "; ".join(describe(obj.reasons))


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "request", "mentorship", "key", "sent_at"]
    list_filter = ["kind"]
    date_hierarchy = "sent_at"
    raw_id_fields = ["request", "mentorship"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
