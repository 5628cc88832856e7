"""Bulk import and export of organisations and of invitations to join (network.imports)."""

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from members.invitations import invitation_lifetime, invitation_send
from members.models import Invitation, Organisation
from network.imports import ChoiceWidget, CountryWidget, ImportResource, LookupWidget
from network.taxonomy import OrganisationType
from network.utils import unique_slug


def _organisation_widget():
    return LookupWidget(
        Organisation,
        "name",
        missing=gettext_lazy(
            "No organisation is called “%(value)s”: import the organisations first, or leave "
            "the column empty."
        ),
    )


class OrganisationResource(ImportResource):
    """Organisations by name, in any case: a name already known updates that organisation,
    an unchanged one is skipped. Its region follows from the country, its address (slug)
    is made from the name once."""

    name = fields.Field(attribute="name", column_name="name", widget=widgets.CharWidget())
    type = fields.Field(
        attribute="type", column_name="type", widget=ChoiceWidget(OrganisationType.choices)
    )
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    website = fields.Field(attribute="website", column_name="website", widget=widgets.CharWidget())
    description = fields.Field(
        attribute="description", column_name="description", widget=widgets.CharWidget()
    )

    class Meta(ImportResource.Meta):
        model = Organisation
        name = gettext_lazy("Organisations")
        fields = ["name", "type", "country", "website", "description"]
        import_id_fields = ["name"]

    def get_instance(self, instance_loader, row):
        name = str(row.get("name") or "").strip()
        return (
            Organisation.objects.filter(name__iexact=name).order_by("pk").first() if name else None
        )

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # Made even when a column is refused, so the row says only what is wrong.
            if not instance.slug:
                instance.slug = unique_slug(Organisation, instance.name or "organisation")


class InvitationResource(ImportResource):
    """Invitations by address: a new address is invited (and emailed its link on the real
    run only); an address with an open invitation is skipped; an address that has an
    account is refused. Who imports is who invites."""

    email = fields.Field(attribute="email", column_name="email", widget=widgets.CharWidget())
    name = fields.Field(attribute="name", column_name="name", widget=widgets.CharWidget())
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=_organisation_widget()
    )
    # Empty: the site's default language.
    language = fields.Field(
        attribute="language",
        column_name="language",
        widget=ChoiceWidget(settings.LANGUAGES, empty=None),
        saves_null_values=False,
    )

    class Meta(ImportResource.Meta):
        model = Invitation
        name = gettext_lazy("Invitations to join")
        fields = ["email", "name", "organisation", "language"]
        import_id_fields = ["email"]

    def get_instance(self, instance_loader, row):
        email = str(row.get("email") or "").strip()
        return Invitation.objects.open().filter(email__iexact=email).first() if email else None

    def after_init_instance(self, instance, new, row, **kwargs):
        if new:
            instance.invited_by = self.actor
            instance.expires_at = timezone.now() + invitation_lifetime()

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original is not None and original.pk is not None:
            # Invited already: never twice at once (a new link is the admin's "send again").
            self.note(
                _("An open invitation was sent on %(date)s.")
                % {"date": formats.date_format(original.created_at, "DATE_FORMAT")},
            )
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_save_instance(self, instance, row, **kwargs):
        if self.dry_run:
            self.note(_("An invitation email will be sent."))
        else:
            invitation_send(invitation=instance)
