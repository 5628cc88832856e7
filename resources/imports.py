"""Bulk import and export of the library's resources: their descriptions (network.imports).

A resource is found again by its slug or, in a row without one, by its title. A new one is
a staff addition: with its link it is published at once, as the ILO's unless the row says
otherwise; without a link it is a draft that waits for its file, attached afterwards on its
admin page (and published there).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from members.models import Organisation
from network.imports import (
    ChoiceListWidget,
    ChoiceWidget,
    ImportResource,
    KeepWhenEmptyWidget,
    LinkWidget,
    ListField,
    LookupWidget,
    TagListWidget,
    YearWidget,
)
from network.taxonomy import Language, Theme
from resources import services
from resources.models import (
    RESERVED_SLUGS,
    Access,
    Licence,
    Publisher,
    Resource,
    ResourceType,
    Status,
)


def _field(name, widget=None, **kwargs):
    return fields.Field(
        attribute=name, column_name=name, widget=widget or widgets.CharWidget(), **kwargs
    )


class ResourceResource(ImportResource):
    # An empty slug finds the resource by its title and leaves its slug as it is.
    slug = _field("slug", KeepWhenEmptyWidget(), saves_null_values=False)
    title = _field("title")
    summary = _field("summary")
    description = _field("description")
    type = _field("type", ChoiceWidget(ResourceType.choices))
    # Empty: a new resource gets the default, an existing one keeps its value.
    language = _field(
        "language", ChoiceWidget(Language.choices, empty=None), saves_null_values=False
    )
    external_url = _field("external_url", LinkWidget())
    year = _field("year", YearWidget())
    licence = _field("licence", ChoiceWidget(Licence.choices, empty=""))
    access = _field("access", ChoiceWidget(Access.choices, empty=None), saves_null_values=False)
    publisher = fields.Field(
        attribute="publisher_type",
        column_name="publisher",
        widget=ChoiceWidget(Publisher.choices, empty=None),
        saves_null_values=False,
    )
    organisation = _field(
        "organisation",
        LookupWidget(
            Organisation,
            "name",
            missing=gettext_lazy(
                "No organisation is called “%(value)s”: import the organisations first, or "
                "leave the column empty."
            ),
        ),
    )
    translation_of = _field(
        "translation_of",
        LookupWidget(
            Resource,
            "slug",
            missing=gettext_lazy(
                "No resource has the slug “%(value)s”: put the original above its language "
                "versions, or leave the column empty."
            ),
        ),
    )
    themes = ListField(
        column_name="themes",
        widget=ChoiceListWidget(Theme.choices),
        read=lambda resource: resource.themes.values_list("theme", flat=True),
    )
    tags = ListField(
        column_name="tags", widget=TagListWidget(), read=lambda resource: resource.tags.names()
    )

    class Meta(ImportResource.Meta):
        model = Resource
        name = gettext_lazy("Resources")
        fields = [
            "slug", "title", "summary", "description", "type", "language", "external_url",
            "year", "licence", "access", "publisher", "organisation", "translation_of", "themes",
            "tags",
        ]  # fmt: skip
        # Every file names its resources' titles; get_instance finds one by its slug first.
        import_id_fields = ["title"]

    def get_queryset(self):
        return super().get_queryset().select_related("organisation", "translation_of")

    def get_instance(self, instance_loader, row):
        slug = str(row.get("slug") or "").strip()
        if slug:
            return Resource.objects.filter(slug=slug).first()
        title = str(row.get("title") or "").strip()
        found = list(Resource.objects.filter(title__iexact=title)[:2]) if title else []
        if len(found) > 1:
            raise ValidationError(
                {"slug": _("Several resources have this title: give the slug of the one you mean.")}
            )
        return found[0] if found else None

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if instance.pk is None:
            if instance.slug in RESERVED_SLUGS:
                errors.setdefault("slug", []).append(
                    _("“%(slug)s” names a page of the library: choose another slug.")
                    % {"slug": instance.slug}
                )
            elif not instance.slug and instance.title:
                instance.slug = services.resource_slug(instance.title)
            # A staff addition: published at once when there is something to open.
            if instance.external_url:
                instance.status = Status.PUBLISHED
                instance.published_at = timezone.now()
            else:
                instance.status = Status.DRAFT
                self.note(_("A draft until its file is attached on its admin page."))
        elif instance.status != Status.DRAFT and not instance.file and not instance.external_url:
            errors.setdefault("external_url", []).append(
                _(
                    "This resource is published: give its link, or attach its file on its admin page."
                )
            )
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs):
        themes = getattr(instance, self.fields["themes"].pending_name(), None)
        if themes is not None:
            services.resource_set_themes(resource=instance, themes=themes)
        tags = getattr(instance, self.fields["tags"].pending_name(), None)
        if tags is not None:
            instance.tags.set(tags)
