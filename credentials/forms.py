from django import forms
from django.utils.translation import gettext_lazy as _

from credentials.models import Credential

MAX_UPLOAD_BYTES = 64 * 1024


class VerifyForm(forms.Form):
    """A credential to check: pasted, or uploaded as the file the network gave its holder."""

    token = forms.CharField(
        label=_("Paste the credential"),
        required=False,
        max_length=MAX_UPLOAD_BYTES,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        help_text=_("The signed credential (it starts with “eyJ”), or its JSON file's content."),
    )
    file = forms.FileField(label=_("Or upload the credential file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("This file is too large to be a credential."))
            try:
                data["token"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("This file is not a credential.")) from None
        if not (data.get("token") or "").strip():
            raise forms.ValidationError(_("Paste a credential or upload its file."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, kept in the audit log"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class ManualIssueForm(forms.ModelForm):
    """Staff issue a credential by hand: to whom, for what, and why (audited)."""

    reason = forms.CharField(
        label=_("Reason, kept in the audit log"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )

    class Meta:
        model = Credential
        fields = ["member", "achievement", "reason"]
