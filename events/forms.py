from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import RESERVED_SLUGS, TIMEZONES, Booking, Event, Feedback
from network.forms import CountryChoiceField, clean_links


class EventAdminForm(forms.ModelForm):
    """The admin's event form. Its times are entered in the event's own zone (the admin
    activates that zone while it shows and reads the form)."""

    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(name, name.replace("_", " ")) for name in TIMEZONES],
        initial="UTC",
        help_text=_("The event's own zone. Every time on this page is in it."),
    )

    class Meta:
        model = Event
        fields = [
            "title", "slug", "type", "status", "visibility", "summary", "description",
            "timezone", "starts_at", "ends_at", "online_url", "venue", "scope", "region",
            "country", "capacity", "registration_opens_at", "registration_closes_at",
            "innovations", "materials", "material_links", "recording_url", "created_by",
            "hidden_at",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "material_links": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This address is reserved; choose another."))
        return slug

    def clean_material_links(self):
        return clean_links(self.cleaned_data["material_links"], limit=10)


class RegisterForm(forms.Form):
    wants_reminders = forms.BooleanField(
        label=_("Email me a reminder 24 hours and 1 hour before"), required=False, initial=True
    )


class GuestRegisterForm(forms.Form):
    """Registering without an account: what the hosts need to know, nothing more."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("We send a link to confirm it; your seat counts once you follow it."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = CountryChoiceField(label=_("Country"), required=False, own=True)
    wants_reminders = forms.BooleanField(
        label=_("Email me a reminder 24 hours and 1 hour before"), required=False, initial=True
    )


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 is best."),
    )

    class Meta:
        model = Feedback
        fields = ["rating", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}
        labels = {"comment": _("Comment")}
        help_texts = {"comment": _("Markdown. What was useful, what could be better.")}


class InviteForm(forms.Form):
    usernames = forms.CharField(
        label=_("Members' usernames"),
        max_length=1000,
        help_text=_("The last part of their profile address, separated by commas or spaces."),
    )

    def clean_usernames(self):
        names = [
            name.strip().lower()
            for name in self.cleaned_data["usernames"].replace(",", " ").split()
        ]
        names = list(dict.fromkeys(name for name in names if name))
        if not names:
            raise ValidationError(_("Enter at least one username."))
        if len(names) > 50:
            raise ValidationError(_("Up to 50 members at a time, please."))
        return names


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label=_("Who came"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(r.pk), r.person_name) for r in registrations]
        self.fields["attended"].initial = [str(r.pk) for r in registrations if r.attended]


class SlotForm(forms.Form):
    """A clinic slot, in the clinic's own time zone (the view activates it)."""

    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    minutes = forms.TypedChoiceField(
        label=_("Length"),
        choices=[(20, _("20 minutes")), (30, _("30 minutes")), (45, _("45 minutes")),
                 (60, _("1 hour"))],
        coerce=int,
        initial=30,
    )  # fmt: skip
    online_url = forms.URLField(
        label=_("Your meeting link for this slot"),
        required=False,
        max_length=500,
        help_text=_("Optional. Only you and who books see it."),
        assume_scheme="https",
    )

    def clean_starts_at(self):
        value = self.cleaned_data["starts_at"]
        if value <= timezone.now():
            raise ValidationError(_("A slot must start in the future."))
        return value


class BookingForm(forms.ModelForm):
    class Meta:
        model = Booking
        fields = ["innovation", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, innovations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovation"].queryset = innovations
        self.fields["innovation"].label = _("Which of your innovations")
        self.fields["innovation"].empty_label = None


class AdviceForm(forms.ModelForm):
    class Meta:
        model = Booking
        fields = ["advice"]
        widgets = {"advice": forms.Textarea(attrs={"rows": 10})}
        labels = {"advice": _("Your advice to the team")}
        help_texts = {"advice": _("Markdown. Only the innovation's team and staff see it.")}

    def clean_advice(self):
        advice = self.cleaned_data["advice"].strip()
        if not advice:
            raise ValidationError(_("Write your advice."))
        return advice


class RegistrantsEmailForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}), max_length=5000
    )
    waitlist = forms.BooleanField(label=_("Also email the waitlist"), required=False)
