from allauth.account.decorators import secure_admin_login
from allauth.account.models import EmailAddress
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members import services
from members.forms import DeclineForm, MergeOrganisationForm, QuestionForm
from members.imports import InvitationResource, OrganisationResource
from members.invitations import invitation_lifetime, invitation_resend, invitation_send
from members.models import Affiliation, Block, Invitation, Message, Organisation, Profile, User
from network.admin_actions import AuditedAdmin, DecisionsAdmin, action_with_form, decide_each
from network.images import process_image
from network.imports import ImportExportAdmin
from network.moderation import audit, user_suspend, user_unsuspend

# Admin sign-in goes through allauth, so two-factor authentication applies there too.
admin.site.login = secure_admin_login(admin.site.login)


def _name_and_email(user) -> str:
    return f"{user.display_name} ({user.email})"


class ProfileInline(admin.StackedInline):
    model = Profile
    fk_name = "user"
    can_delete = False
    # Hidden after reports: lifted by a decision on the reports, never by editing the profile.
    readonly_fields = [
        "region", "decided_at", "decided_by", "decision_reason", "motivation", "hidden_at"
    ]  # fmt: skip
    exclude = ["muted_kinds"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organisation"]


class MemberChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = ["email", "username", "display_name", "password", "status", "language",
                  "timezone", "is_active", "is_staff", "is_superuser", "groups"]  # fmt: skip
        field_classes = {}


def _applying(user) -> bool:
    return user.status == User.Status.APPLICANT


@admin.register(User)
class UserAdmin(AuditedAdmin, DecisionsAdmin, BaseUserAdmin):
    form = MemberChangeForm
    ordering = ["-date_joined"]
    list_display = [
        "email",
        "display_name",
        "status",
        "country",
        "is_active",
        "is_staff",
        "date_joined",
    ]
    list_filter = ["status", "is_staff", "is_active", "groups", "profile__region", "date_joined"]
    search_fields = ["email", "display_name", "username", "profile__motivation"]
    date_hierarchy = "date_joined"
    readonly_fields = ["date_joined", "last_active", "last_login"]
    inlines = [ProfileInline, AffiliationInline]
    actions = ["approve", "decline", "ask", "suspend", "unsuspend"]
    decisions = {
        "approve": (_("Approve"), lambda user: user.status != User.Status.APPROVED),
        "decline": (_("Decline with a reason"), _applying),
        "ask": (_("Ask for more information"), _applying),
        "suspend": (
            _("Suspend"),
            lambda user: (
                user.is_active and not user.is_staff and user.status != User.Status.APPLICANT
            ),
        ),
        "unsuspend": (
            _("Lift the suspension"),
            lambda user: not user.is_active and user.suspended_at is not None,
        ),
    }
    review_title = _("Membership applications")
    review_template = "admin/members/user/review.html"
    review_queue_template = "admin/members/user/review_queue.html"
    fieldsets = [
        (None, {"fields": ["email", "username", "display_name", "password"]}),
        (_("Membership"), {"fields": ["status", "language", "timezone"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["date_joined", "last_login", "last_active"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("profile")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # A membership decision or a suspension goes through its action, which tells the
            # member, audits and signs them out: never a field changed in a form.
            fields += ["status", "is_active"]
        if not request.user.is_superuser:
            # Moderators manage members, never roles, staff accounts, nor who an account is:
            # an address changed here would let its new owner reset the password and sign in.
            fields += ["is_staff", "is_superuser", "groups", "password", "email", "username"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_staff and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        # Setting someone's password is taking over their account: superusers alone may.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    @admin.display(description=_("country"), ordering="profile__country")
    def country(self, obj):
        return obj.profile.country.name if obj.profile.country else ""

    @admin.action(description=_("Approve selected applicants"), permissions=["change"])
    def approve(self, request, queryset):
        decide_each(
            self, request, queryset.exclude(status=User.Status.APPROVED),
            lambda user: services.application_approve(user=user, moderator=request.user),
            lambda count: ngettext(
                "%(count)d applicant approved.", "%(count)d applicants approved.", count
            ) % {"count": count},
        )  # fmt: skip

    @admin.action(
        description=_("Decline selected applicants (with a reason)"), permissions=["change"]
    )
    def decline(self, request, queryset):
        def run(data):
            decide_each(
                self, request, queryset.exclude(status=User.Status.DECLINED),
                lambda user: services.application_decline(
                    user=user, moderator=request.user, reason=data["reason"]
                ),
                lambda count: ngettext(
                    "%(count)d applicant declined.", "%(count)d applicants declined.", count
                ) % {"count": count},
            )  # fmt: skip

        return action_with_form(
            self, request, queryset, form_class=DeclineForm, title=_("Decline applicants"),
            intro=_("These applicants will be declined and emailed the reason you give:"),
            submit=_("Decline"), describe=_name_and_email, run=run,
        )  # fmt: skip

    @admin.action(
        description=_("Ask selected applicants for more information"), permissions=["change"]
    )
    def ask(self, request, queryset):
        def run(data):
            decide_each(
                self, request, queryset.filter(status=User.Status.APPLICANT),
                lambda user: services.application_ask(
                    user=user, moderator=request.user, question=data["question"]
                ),
                lambda count: ngettext(
                    "%(count)d applicant asked.", "%(count)d applicants asked.", count
                ) % {"count": count},
            )  # fmt: skip

        return action_with_form(
            self, request, queryset, form_class=QuestionForm, title=_("Ask for more information"),
            intro=_("These applicants are emailed your question and answer it on their account "
                    "page; their applications stay in the queue:"),
            submit=_("Send the question"), describe=_name_and_email, run=run,
        )  # fmt: skip

    # --- the application review page --------------------------------------------------
    def review_queryset(self, request):
        confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
        return (
            User.objects.applicants()
            .select_related("profile")
            .prefetch_related(
                Prefetch(
                    "affiliations",
                    queryset=Affiliation.objects.select_related("organisation"),
                )
            )
            .annotate(email_confirmed=Exists(confirmed))
            .order_by("date_joined", "pk")
        )

    def review_context(self, request, obj):
        return {
            "profile": Profile.objects.get_or_create(user=obj)[0],
            "affiliations": obj.affiliations.select_related("organisation"),
            "email_confirmed": EmailAddress.objects.filter(user=obj, verified=True).exists(),
        }

    @admin.action(description=_("Suspend selected members (with a reason)"), permissions=["change"])
    def suspend(self, request, queryset):
        def run(data):
            count = 0
            for user in queryset.filter(is_active=True).exclude(pk=request.user.pk):
                if user.is_staff and not request.user.is_superuser:
                    continue
                user_suspend(user=user, moderator=request.user, reason=data["reason"])
                count += 1
            self.message_user(request, _("%(count)s suspended.") % {"count": count})

        return action_with_form(
            self, request, queryset, form_class=DeclineForm, title=_("Suspend members"),
            intro=_("These members will be suspended: they cannot sign in and everything they "
                    "shared is hidden until the suspension is lifted."),
            submit=_("Suspend"), describe=_name_and_email, run=run,
        )  # fmt: skip

    @admin.action(description=_("Lift the suspension of selected members"), permissions=["change"])
    def unsuspend(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=False, suspended_at__isnull=False):
            user_unsuspend(user=user, moderator=request.user)
            count += 1
        self.message_user(request, _("%(count)s restored.") % {"count": count})


class MemberAffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["user"]


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "slug", "type", "country", "website", "logo", "description", "verified"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo != self.instance.logo and hasattr(logo, "size"):
            return process_image(logo, max_bytes=5 * 1024 * 1024, max_side=256)
        return logo


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin, ImportExportAdmin, admin.ModelAdmin):
    form = OrganisationAdminForm
    resource_classes = [OrganisationResource]
    list_display = ["name", "type", "country", "region", "pending", "verified", "created_at"]
    list_filter = ["pending", "verified", "type", "region"]
    search_fields = ["name", "description"]
    # Pending: named at sign-up; it is seen once its applicant is approved (members.services).
    readonly_fields = ["region", "pending", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MemberAffiliationInline]
    actions = ["verify", "merge"]

    @admin.action(
        description=_("Merge selected organisations into another (duplicates)"),
        permissions=["change"],
    )
    def merge(self, request, queryset):
        def run(data):
            into = data["into"]
            for duplicate in queryset.exclude(pk=into.pk):
                services.organisation_merge(duplicate=duplicate, into=into, moderator=request.user)
            self.message_user(request, _("Merged into %(name)s.") % {"name": into})

        return action_with_form(
            self, request, queryset, form_class=MergeOrganisationForm,
            title=_("Merge organisations"),
            intro=_("Their members, innovations and resources move to the organisation you "
                    "choose; then these are deleted."),
            submit=_("Merge"), describe=str, run=run,
        )  # fmt: skip

    @admin.action(description=_("Mark selected organisations as verified"))
    def verify(self, request, queryset):
        for organisation in queryset.filter(verified=False):
            audit(actor=request.user, action="organisation_verified", target=organisation)
        count = queryset.update(verified=True)
        self.message_user(
            request,
            ngettext("%(count)d organisation verified.", "%(count)d organisations verified.", count)
            % {"count": count},
        )


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """The log of messages sent through the platform (read-only: it is a record)."""

    list_display = ["subject", "sender", "recipient", "created_at"]
    search_fields = ["subject", "sender__email", "recipient__email"]
    date_hierarchy = "created_at"
    readonly_fields = ["sender", "recipient", "subject", "body", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    search_fields = ["blocker__email", "blocked__email"]
    autocomplete_fields = ["blocker", "blocked"]


class InvitationStateFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Invitation.State.choices

    def queryset(self, request, queryset):
        chosen = {
            Invitation.State.OPEN: queryset.open,
            Invitation.State.ACCEPTED: queryset.accepted,
            Invitation.State.EXPIRED: queryset.expired,
        }.get(self.value())
        return chosen() if chosen else queryset


@admin.register(Invitation)
class InvitationAdmin(AuditedAdmin, ImportExportAdmin, admin.ModelAdmin):
    """Invitations to join: one by one here, or a list by import; each invitee is emailed a
    link that works once, for INVITATION_DAYS (members.invitations)."""

    resource_classes = [InvitationResource]
    list_display = [
        "email", "name", "organisation", "language", "state", "invited_by", "created_at",
        "expires_at", "accepted_at",
    ]  # fmt: skip
    list_filter = [InvitationStateFilter, "language", "created_at"]
    search_fields = ["email", "name", "organisation__name"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation", "invited_by"]
    actions = ["resend"]
    fields = [
        "email", "name", "organisation", "language", "invited_by", "created_at", "sent_at",
        "expires_at", "accepted_at", "user",
    ]  # fmt: skip
    record_fields = ["invited_by", "created_at", "sent_at", "expires_at", "accepted_at", "user"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.record_fields
        if obj.accepted_at is not None:
            return self.fields  # a record of who joined through it
        # The address is where the link went: a new address is a new invitation.
        return ["email", *self.record_fields]

    def get_fields(self, request, obj=None):
        return ["email", "name", "organisation", "language"] if obj is None else self.fields

    @admin.display(description=_("status"))
    def state(self, obj):
        return Invitation.State(obj.state).label

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        obj.invited_by = request.user
        obj.expires_at = timezone.now() + invitation_lifetime()
        super().save_model(request, obj, form, change)
        invitation_send(invitation=obj)

    @admin.action(description=_("Send the invitation again (a new link)"), permissions=["change"])
    def resend(self, request, queryset):
        count = sum(
            invitation_resend(invitation=invitation, moderator=request.user)
            for invitation in queryset.filter(accepted_at__isnull=True)
        )
        self.message_user(
            request,
            ngettext("%(count)d invitation sent again.", "%(count)d invitations sent again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
