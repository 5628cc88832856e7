"""Forms validate; the services in ``mentoring.services`` do the writing."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from innovations.models import Innovation
from mentoring.models import (
    MAX_CAPACITY,
    MAX_MONTHS,
    MIN_MONTHS,
    Feedback,
    Format,
    MentoringRequest,
    MentorProfile,
    Role,
)
from network.forms import checkboxes, clean_tags
from network.taxonomy import Language, Theme


def _tags(label, help_text):
    return TagField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class MentorProfileForm(forms.ModelForm):
    expertise = _tags(
        _("Expertise"), _("What you can help with, comma-separated, e.g. apprenticeships, RPL.")
    )
    themes = checkboxes(_("Themes"), Theme.choices)
    languages = checkboxes(
        _("Languages you can mentor in"),
        Language.choices,
        help_text=_("Mentees and mentors are only matched when they share a language."),
        required=True,
    )
    formats = checkboxes(_("Formats you offer"), Format.choices)

    class Meta:
        model = MentorProfile
        fields = ["availability", "capacity", "bio"]
        widgets = {
            "availability": forms.RadioSelect,
            "capacity": forms.NumberInput(attrs={"min": 1, "max": MAX_CAPACITY}),
            "bio": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "availability": _(
                "While paused, or when all your places are taken, nobody can ask you."
            ),
        }

    field_order = ["expertise", "themes", "languages", "formats", "capacity", "availability", "bio"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expertise"].initial = ", ".join(sorted(self.instance.expertise.names()))
            self.fields["themes"].initial = self.instance.themes
            self.fields["languages"].initial = self.instance.languages
            self.fields["formats"].initial = self.instance.formats
        else:
            # A first offer starts from what the member's profile already says.
            profile = getattr(user, "profile", None)
            if profile is not None:
                self.fields["expertise"].initial = ", ".join(sorted(profile.expertise.names()))
                self.fields["languages"].initial = list(
                    profile.languages.values_list("code", flat=True)
                )

    def clean_expertise(self):
        return clean_tags(self.cleaned_data["expertise"])


class RequestForm(forms.ModelForm):
    topics = _tags(_("Topics"), _("Comma-separated, e.g. apprenticeships, employer engagement."))
    duration_months = forms.TypedChoiceField(
        label=_("Desired duration"),
        coerce=int,
        choices=[
            (n, _("%(count)s months") % {"count": n} if n > 1 else _("1 month"))
            for n in range(MIN_MONTHS, MAX_MONTHS + 1)
        ],
        initial=3,
    )

    class Meta:
        model = MentoringRequest
        fields = ["goals", "topics", "innovation", "duration_months", "language"]
        widgets = {"goals": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, mentee, mentor: MentorProfile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovation"].queryset = Innovation.objects.of_team(mentee).order_by("title")
        self.fields["innovation"].required = False
        self.fields["innovation"].help_text = _("Optional: one of your innovations.")
        offered = mentor.languages
        self.fields["language"].choices = [
            (code, label) for code, label in Language.choices if code in offered
        ]
        spoken = set(mentee.profile.languages.values_list("code", flat=True))
        shared = [code for code in offered if code in spoken]
        if shared or offered:
            self.fields["language"].initial = (shared or offered)[0]

    def clean_topics(self):
        return clean_tags(self.cleaned_data["topics"])


class RespondForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. A kind word helps, especially when you decline."),
    )


class GoalForm(forms.Form):
    text = forms.CharField(label=_("New goal"), max_length=300)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown. Only the two of you (and the programme staff) read this."),
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate() + timedelta(days=1):
            raise ValidationError(_("Log sessions that took place; this date is in the future."))
        return held_on


class EndDateForm(forms.Form):
    agreed_end_date = forms.DateField(
        label=_("Agreed end date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, mentorship, **kwargs):
        super().__init__(*args, **kwargs)
        self.mentorship = mentorship

    def clean_agreed_end_date(self):
        value = self.cleaned_data["agreed_end_date"]
        if value < timezone.localdate(self.mentorship.started_at):
            raise ValidationError(_("The end date cannot be before the start."))
        return value


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Why end it now?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your partner and the programme staff read this."),
    )


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was this mentorship?"),
        coerce=int,
        choices=[
            (5, _("5 – excellent")),
            (4, _("4 – good")),
            (3, _("3 – fair")),
            (2, _("2 – poor")),
            (1, _("1 – not useful")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Feedback
        fields = ["rating", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, role, **kwargs):
        super().__init__(*args, **kwargs)
        if role == Role.MENTOR:
            self.fields["comment"].label = _("Your note about the mentee")
            self.fields["comment"].help_text = _(
                "Only the network's staff read this; your mentee never sees it."
            )
        else:
            self.fields["comment"].label = _("Your comment")
            self.fields["comment"].help_text = _("Your mentor and the network's staff read this.")


class ProgrammeApplicationForm(forms.Form):
    role = forms.ChoiceField(label=_("I apply as"), choices=Role.choices, widget=forms.RadioSelect)
    goals = forms.CharField(
        label=_("Goals"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Mentees: what you want to achieve, one goal per line. Mentors: what you offer."
        ),
    )
    topics = _tags(_("Topics"), _("What you want to learn (mentees), comma-separated."))
    themes = checkboxes(_("Themes"), Theme.choices)
    capacity = forms.TypedChoiceField(
        label=_("Mentees you can take in this programme (mentors)"),
        coerce=int,
        choices=[(n, n) for n in range(1, MAX_CAPACITY + 1)],
        initial=1,
    )

    def clean_topics(self):
        return clean_tags(self.cleaned_data["topics"])

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.MENTEE and not (data.get("goals") or "").strip():
            self.add_error("goals", _("Tell us what you want to achieve."))
        return data
