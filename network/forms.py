from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Report


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": _("What is wrong? Only moderators read this.")}


class ResolutionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Report.Outcome.choices)
    note = forms.CharField(
        label=_("Note to the author (the reason)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
