from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from innovations.models import (
    Adoption,
    Comment,
    Innovation,
    Interest,
    Update,
    Visibility,
    VisitorInterest,
)
from members.models import Organisation
from network.forms import (
    CountryChoiceField,
    checkboxes,
    clean_links,
    clean_tags,
    country_checkboxes,
    preselect_only_choice,
)
from network.images import process_image
from network.taxonomy import SDG, Seeking, TargetGroup, Theme

COVER_MAX_BYTES = 5 * 1024 * 1024


# The form's classification fields and the facet kind each one writes.
FACET_FIELDS = {
    "themes": "theme", "sdgs": "sdg", "target_groups": "target", "seeking": "seeking",
    "countries": "country",
}  # fmt: skip


class InnovationForm(forms.ModelForm):
    """Everything but the title may be missing in a draft; submitting checks completeness."""

    themes = checkboxes(_("Themes"), Theme.choices)
    sdgs = checkboxes(_("Sustainable Development Goals"), SDG.choices)
    target_groups = checkboxes(_("Target groups"), TargetGroup.choices)
    seeking = checkboxes(_("What it seeks"), Seeking.choices)
    countries = country_checkboxes(
        _("Countries"), help_text=_("Where it runs: open a region and tick its countries.")
    )
    tags = TagField(
        label=_("Tags"),
        required=False,
        help_text=_("Comma-separated, e.g. mobile learning, construction."),
        widget=forms.TextInput(
            attrs={"list": "tag-suggestions", "autocomplete": "off", "data-tag-input": ""}
        ),
    )
    cover_upload = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    remove_cover = forms.BooleanField(label=_("Remove the cover image"), required=False)

    class Meta:
        model = Innovation
        fields = [
            "title", "language", "summary", "problem", "solution", "evidence", "stage",
            "organisation", "links", "visibility",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "solution": forms.Textarea(attrs={"rows": 6}),
            "evidence": forms.Textarea(attrs={"rows": 6}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "title", "language", "summary", "problem", "solution", "evidence", "stage", "themes", "sdgs",
        "target_groups", "countries", "seeking", "tags", "organisation", "links", "cover_upload",
        "remove_cover", "visibility",
    ]  # fmt: skip

    def __init__(self, *args, user, proposed=None, **kwargs):
        """``proposed``: a change waiting for review (a snapshot), shown instead of what is
        published, so that the team goes on from their own change."""
        if proposed:
            kwargs["initial"] = {
                **{name: proposed[name] for name in self.Meta.fields if name in proposed},
                "organisation": proposed.get("organisation_id"),
            }
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(affiliations__user=user) | Q(pk=self.instance.organisation_id)
        ).distinct()
        self.fields["stage"].required = False
        self.fields["visibility"].required = False
        self.fields["language"].required = False
        self._author_language = user.language
        cover = proposed.get("cover", self.instance.cover) if proposed else self.instance.cover
        if not cover:
            del self.fields["remove_cover"]  # nothing to remove
        preselect_only_choice(self, "organisation")
        if not self.instance.pk and not self.is_bound:
            # Written, most likely, in the language its author reads the site in.
            self.initial.setdefault("language", user.language)
        if proposed:
            facets, tags = proposed["facets"], proposed["tags"]
        elif self.instance.pk:
            facets = {kind: self.instance.facet_values(kind) for kind in FACET_FIELDS.values()}
            tags = sorted(self.instance.tags.names())
        if proposed or self.instance.pk:
            for name, kind in FACET_FIELDS.items():
                self.fields[name].initial = facets.get(kind, [])
            self.fields["tags"].initial = ", ".join(tags)

    def clean_language(self):
        """Left out (an older form): as it was, or its author's language."""
        return (
            self.cleaned_data.get("language")
            or (self.instance.pk and self.instance.language)
            or self._author_language
        )

    def clean_visibility(self):
        return self.cleaned_data.get("visibility") or Visibility.PUBLIC

    def clean_links(self):
        return clean_links(self.cleaned_data["links"])

    def clean_tags(self):
        return clean_tags(self.cleaned_data["tags"])

    def clean_cover_upload(self):
        upload = self.cleaned_data.get("cover_upload")
        if upload:
            return process_image(upload, max_bytes=COVER_MAX_BYTES, max_side=1200)
        return None

    def facets(self) -> dict:
        data = self.cleaned_data
        return {
            key: data.get(key, [])
            for key in ("themes", "sdgs", "target_groups", "seeking", "countries")
        }

    def model_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Comments for the team"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )


class PublishForm(forms.Form):
    """Publishing may carry a word for the team too (congratulations, a small fix made)."""

    note = forms.CharField(
        label=_("Note for the team (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )


class OwnIds:
    """The innovation page holds several forms with a ``body``: each form's ids carry its own
    prefix, so every label points at its field. Field names, and so the POST, are unchanged."""

    auto_id_format = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", self.auto_id_format)
        super().__init__(*args, **kwargs)


class CommentForm(OwnIds, forms.ModelForm):
    auto_id_format = "id_comment_%s"

    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Your feedback")}
        help_texts = {"body": _("Markdown. Be kind and specific: what works, what you would try.")}


class UpdateForm(OwnIds, forms.ModelForm):
    auto_id_format = "id_update_%s"

    class Meta:
        model = Update
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class InterestForm(forms.ModelForm):
    class Meta:
        model = Interest
        fields = ["purpose", "message"]
        widgets = {"purpose": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 5})}


class VisitorInterestForm(forms.ModelForm):
    class Meta:
        model = VisitorInterest
        fields = ["name", "organisation", "email", "purpose", "message", "share_email"]
        labels = {"name": _("Your name"), "email": _("Your email")}
        help_texts = {"email": _("We send a link to confirm it before the team is told.")}
        widgets = {"purpose": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 5})}


class VisitorReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AdoptionForm(forms.ModelForm):
    country = CountryChoiceField(label=_("Country"))

    class Meta:
        model = Adoption
        fields = ["organisation_name", "country", "adopted_on", "adaptation"]
        widgets = {
            "adopted_on": forms.DateInput(attrs={"type": "date"}),
            "adaptation": forms.Textarea(attrs={"rows": 3}),
        }


class TeamRemoveForm(forms.Form):
    """Who leaves the team: a member's id, as the team list's buttons send it."""

    remove = forms.IntegerField(min_value=1)


class TeamAddForm(forms.Form):
    username = forms.SlugField(
        label=_("Member's username"),
        help_text=_("The last part of their profile address, e.g. amina-wanjiru."),
    )
    role = forms.CharField(label=_("Role"), max_length=120, required=False)
