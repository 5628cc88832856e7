import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.zones import TIMEZONES
from resources.uploads import ACCEPT, check_document
from spaces.models import Membership, Reply, SessionProposal, SharedFile, Thread


class LanguageDefault:
    """Member text is marked with its language; it starts as the page's language."""

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields and not self.is_bound and not self.instance.pk:
            self.initial.setdefault("language", language)


class ThreadForm(LanguageDefault, forms.ModelForm):
    question = forms.BooleanField(
        label=_("This is a question: I will mark the reply that answers it"), required=False
    )

    class Meta:
        model = Thread
        fields = ["title", "body", "language"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "body": _("Markdown. Mention a member of the space with @ and their username.")
        }


class ThreadEditForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class ReplyForm(LanguageDefault, forms.ModelForm):
    auto_id_format = "id_reply_%s"
    quoting = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Reply
        fields = ["body", "language"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        labels = {"body": _("Your reply")}
        help_texts = {
            "body": _("Markdown. Mention a member of the space with @ and their username.")
        }


class ReplyEditForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why would you like to join? (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowingForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["following"]
        widgets = {"following": forms.RadioSelect}
        help_texts = {"following": _("When the email comes follows your delivery preference.")}


class InviteForm(forms.Form):
    username = forms.CharField(
        label=_("Member's username"),
        max_length=40,
        help_text=_("As in the address of their profile: /members/<username>/."),
    )


class FileForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )

    class Meta:
        model = SharedFile
        fields = ["title"]

    def clean_upload(self):
        return check_document(self.cleaned_data["upload"])


class ProposalForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Time zone"), choices=[(zone, zone) for zone in TIMEZONES], initial="UTC"
    )

    class Meta:
        model = SessionProposal
        fields = [
            "topic", "description", "format", "preferred_start", "timezone", "duration_minutes",
            "other_dates", "language",
        ]  # fmt: skip
        widgets = {
            "preferred_start": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"preferred_start": _("In the time zone you choose below.")}

    def clean(self):
        data = super().clean()
        start, zone = data.get("preferred_start"), data.get("timezone")
        if start and zone:
            # The date and time were typed in the chosen zone.
            start = timezone.make_aware(
                timezone.make_naive(start, timezone.get_current_timezone()),
                zoneinfo.ZoneInfo(zone),
            )
            if start < timezone.now():
                self.add_error("preferred_start", _("Choose a date in the future."))
            data["preferred_start"] = start
        minutes = data.get("duration_minutes")
        if minutes is not None and not 15 <= minutes <= 480:
            self.add_error("duration_minutes", _("Between 15 minutes and 8 hours."))
        return data


class ProposalDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the proposer (optional)"), max_length=500, required=False
    )
