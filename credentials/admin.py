"""Achievements, defined by staff with their language versions; credentials, issued by hand
with a reason, listed with filters, revoked, suspended, reinstated or re-issued (audited)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from credentials import services
from credentials.forms import ManualIssueForm, ReasonForm
from credentials.models import Achievement, AchievementVersion, Credential
from network.admin_actions import AuditedAdmin, action_with_form


class AchievementVersionInline(admin.StackedInline):
    model = AchievementVersion
    extra = 0


@admin.register(Achievement)
class AchievementAdmin(AuditedAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "stage", "active", "valid_days"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AchievementVersionInline]


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("valid", _("Valid")), ("revoked", _("Revoked")), ("suspended", _("Suspended"))]

    def queryset(self, request, queryset):
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if self.value() == "suspended":
            return queryset.filter(suspended_at__isnull=False, revoked_at__isnull=True)
        if self.value() == "valid":
            return queryset.filter(revoked_at__isnull=True, suspended_at__isnull=True)
        return queryset


def _describe(credential):
    return (
        f"{credential.achievement} – {credential.recipient_name} ({credential.issued_at:%Y-%m-%d})"
    )


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["achievement", "recipient_name", "occasion_label", "issued_at", "state_label", "shown_on_profile"]  # fmt: skip
    list_filter = [StateFilter, "achievement", "achievement__kind", "issued_at", "shown_on_profile"]
    search_fields = ["recipient_name", "member__username", "member__email", "public_id"]
    list_select_related = ["achievement"]
    date_hierarchy = "issued_at"
    readonly_fields = [
        "public_id", "member", "achievement", "occasion", "occasion_label", "recipient_name",
        "language", "issued_at", "valid_until", "issued_by", "reason", "key_id", "revoked_at",
        "suspended_at", "status_reason", "shown_on_profile", "jwt",
    ]  # fmt: skip
    actions = ["revoke", "suspend", "reinstate", "reissue"]

    @admin.display(description=_("state"))
    def state_label(self, obj):
        return obj.get_state_display()

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ManualIssueForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["member", "achievement", "reason"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        issued = services.credential_issue_manually(
            member=form.cleaned_data["member"],
            achievement=form.cleaned_data["achievement"],
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        obj.pk = issued.pk

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the status list must keep its place

    def has_change_permission(self, request, obj=None):
        return False  # signed content: decided on through the actions, never edited

    def has_decide_permission(self, request):
        return request.user.has_perm("credentials.decide_credential")

    def _with_reason(self, request, queryset, *, service, title, submit, done):
        def run(data):
            for credential in queryset:
                service(credential=credential, by=request.user, reason=data["reason"])
            count = len(queryset)
            self.message_user(request, done(count) % {"count": count}, messages.SUCCESS)

        return action_with_form(
            self, request, queryset, form_class=ReasonForm, title=title, submit=submit,
            describe=_describe, run=run,
        )  # fmt: skip

    @admin.action(description=_("Revoke selected credentials"), permissions=["decide"])
    def revoke(self, request, queryset):
        return self._with_reason(
            request, queryset, service=services.credential_revoke, title=_("Revoke credentials"),
            submit=_("Revoke"),
            done=lambda n: ngettext("%(count)d credential revoked.", "%(count)d credentials revoked.", n),
        )  # fmt: skip

    @admin.action(description=_("Suspend selected credentials"), permissions=["decide"])
    def suspend(self, request, queryset):
        return self._with_reason(
            request, queryset, service=services.credential_suspend, title=_("Suspend credentials"),
            submit=_("Suspend"),
            done=lambda n: ngettext("%(count)d credential suspended.", "%(count)d credentials suspended.", n),
        )  # fmt: skip

    @admin.action(
        description=_("Lift the suspension of selected credentials"), permissions=["decide"]
    )
    def reinstate(self, request, queryset):
        return self._with_reason(
            request, queryset, service=services.credential_reinstate, title=_("Lift suspensions"),
            submit=_("Lift the suspension"),
            done=lambda n: ngettext("%(count)d suspension lifted.", "%(count)d suspensions lifted.", n),
        )  # fmt: skip

    @admin.action(
        description=_("Re-issue selected credentials (revokes the old ones)"),
        permissions=["decide"],
    )
    def reissue(self, request, queryset):
        return self._with_reason(
            request, queryset, service=services.credential_reissue, title=_("Re-issue credentials"),
            submit=_("Re-issue"),
            done=lambda n: ngettext("%(count)d credential re-issued.", "%(count)d credentials re-issued.", n),
        )  # fmt: skip
