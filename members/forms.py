"""Forms only validate; services write."""

from allauth.core import context
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from members.invitations import (
    invitation_accept,
    invitation_from_token,
    prefill_from_token,
    signup_initial,
)
from members.models import Message, Organisation, Profile, User
from members.services import application_submit, application_tell_moderators
from network.content import notification_kinds
from network.forms import CountryChoiceField, QuickSelect, checkboxes, clean_links, clean_tags
from network.images import process_image
from network.models import FollowedTopic
from network.taxonomy import Language, OrganisationType
from network.zones import TIMEZONES

AVATAR_MAX_BYTES = 5 * 1024 * 1024


class SignupForm(forms.Form):
    """The membership application, added to allauth's sign-up form (email and password)."""

    display_name = forms.CharField(label=_("Your name"), max_length=120)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.listed(),
        required=False,
        empty_label=_("— not listed, I name it below —"),
    )
    new_organisation_name = forms.CharField(
        label=_("Or name your organisation"), max_length=200, required=False
    )
    organisation_type = forms.ChoiceField(
        label=_("Organisation type"), choices=[("", "—"), *OrganisationType.choices], required=False
    )
    role = forms.CharField(label=_("Your role"), max_length=120)
    # Nothing preselected: a country chosen by default is a country nobody chose.
    country = CountryChoiceField(label=_("Country"), own=True)
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences about your work in skills development."),
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # The signed token of an invitation's link (members.invitations), carried to the POST.
    invitation = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth builds the form without the request: its context holds it (as for the
        # adapter), and the link's token comes in the query string.
        request = context.request
        token = (
            self.data.get("invitation")
            if self.is_bound
            else self.initial.get("invitation")
            or (request.GET.get("invitation") if request else "")
        )
        self.open_invitation, self.invitation_problem = (
            invitation_from_token(token) if token else (None, "")
        )
        if self.open_invitation is None:
            if not self.is_bound and request and request.GET.get("prefill"):
                self.initial = {**prefill_from_token(request.GET["prefill"]), **self.initial}
            return
        # Invited: nobody needs to be convinced, and what staff knew is filled in.
        self.fields["motivation"].required = False
        if not self.is_bound:
            self.initial = {
                **signup_initial(self.open_invitation),
                **self.initial,
                "invitation": token,
            }

    def clean(self):
        data = super().clean()
        if data.get("website") or "website" in self.errors:
            # Shown above the form: the field itself is hidden, and a person whose browser
            # filled it in (with anything, even what the field itself refuses) must still see
            # why nothing happened.
            self.errors.pop("website", None)
            self.add_error(None, _("We could not process this sign-up."))
        if not data.get("organisation"):
            if not data.get("new_organisation_name"):
                self.add_error(
                    "new_organisation_name",
                    _("Choose your organisation in the list or type its name."),
                )
            elif not data.get("organisation_type"):
                self.add_error("organisation_type", _("Tell us what kind of organisation it is."))
        email = data.get("email") or ""
        invited = self.open_invitation
        if invited is not None and email and email.lower() != invited.email.lower():
            self.add_error(
                "email",
                _("This invitation is for %(email)s: sign up with that address.")
                % {"email": invited.email},
            )
        return data

    def signup(self, request, user):
        """Called by allauth once the account exists (email and password are allauth's).
        Through an invitation's link that still works, the application is approved at once
        (members.invitations); otherwise it waits for the moderators."""
        invitation = self.open_invitation
        profile = application_submit(
            user=user,
            organisation=self.cleaned_data.get("organisation"),
            new_organisation_name=self.cleaned_data.get("new_organisation_name", ""),
            organisation_type=self.cleaned_data.get("organisation_type", ""),
            role=self.cleaned_data["role"],
            country=self.cleaned_data["country"],
            motivation=self.cleaned_data["motivation"],
            tell_moderators=invitation is None,
        )
        if invitation is not None and not invitation_accept(invitation=invitation, user=user):
            # Used or expired between the form and now: an ordinary application after all.
            application_tell_moderators(user=user, profile=profile)


class ProfileForm(forms.ModelForm):
    display_name = forms.CharField(label=_("Display name"), max_length=120)
    languages = checkboxes(_("Languages you speak"), Language.choices)
    expertise = TagField(
        label=_("Expertise"),
        required=False,
        help_text=_("Comma-separated, e.g. apprenticeships, digital skills."),
    )
    interests = TagField(label=_("Interests"), required=False, help_text=_("Comma-separated."))
    avatar_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB. We resize it to 256 pixels."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my photo"), required=False)
    country = CountryChoiceField(label=_("Country"), required=False, own=True)

    field_order = [
        "display_name", "headline", "avatar_upload", "remove_avatar", "country", "languages",
        "bio", "expertise", "interests", "links", "open_to_mentor", "visibility",
    ]  # fmt: skip

    class Meta:
        model = Profile
        fields = [
            "headline",
            "bio",
            "country",
            "links",
            "open_to_mentor",
            "visibility",
            "bio_visibility",
            "organisation_visibility",
            "country_visibility",
            "expertise_visibility",
            "links_visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 8}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["display_name"].initial = user.display_name
        if not self.instance.avatar:
            del self.fields["remove_avatar"]  # nothing to remove
        if self.instance.pk:
            self.fields["languages"].initial = list(
                self.instance.languages.values_list("code", flat=True)
            )
            self.fields["expertise"].initial = ", ".join(sorted(self.instance.expertise.names()))
            self.fields["interests"].initial = ", ".join(sorted(self.instance.interests.names()))

    def clean_links(self):
        return clean_links(self.cleaned_data["links"])

    def clean_expertise(self):
        return clean_tags(self.cleaned_data["expertise"])

    def clean_interests(self):
        return clean_tags(self.cleaned_data["interests"])

    def clean_avatar_upload(self):
        upload = self.cleaned_data.get("avatar_upload")
        if upload:
            return process_image(upload, max_bytes=AVATAR_MAX_BYTES, max_side=256)
        return None


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(name, name.replace("_", " ")) for name in TIMEZONES],
        help_text=_("Every date and time is shown in this zone."),
        widget=QuickSelect,
    )

    kinds = checkboxes(
        _("Tell me about"), [], help_text=_("Untick what you do not want to hear about.")
    )

    class Meta:
        model = Profile
        fields = ["delivery", "discovery_digest"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = user.language
        self.fields["timezone"].initial = user.timezone
        self.kinds = notification_kinds()
        self.fields["kinds"].choices = list(self.kinds.items())
        self.fields["kinds"].initial = [k for k in self.kinds if k not in self.instance.muted_kinds]

    def save(self, commit=True):
        self.instance.muted_kinds = sorted(set(self.kinds) - set(self.cleaned_data["kinds"]))
        return super().save(commit=commit)


class MessageForm(forms.ModelForm):
    class Meta:
        model = Message
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise ValidationError(_("This is not your password."))
        return ""


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the applicants"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class MergeOrganisationForm(forms.Form):
    """Which organisation the selected duplicates are folded into."""

    into = forms.ModelChoiceField(
        label=_("Merge into"), queryset=Organisation.objects.listed().order_by("name")
    )


class FollowForm(forms.Form):
    """What to follow: a theme's slug, a tag, an organisation's slug or a member's username."""

    kind = forms.ChoiceField(choices=FollowedTopic.Kind.choices)
    value = forms.CharField(max_length=100)


class AnswerForm(forms.Form):
    """An applicant's answer to a moderator's question about their application."""

    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 5}), max_length=2000
    )


class QuestionForm(forms.Form):
    """A moderator's question to an applicant (the application stays in the queue)."""

    question = forms.CharField(
        label=_("Question, sent to the applicant"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
