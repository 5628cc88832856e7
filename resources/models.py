"""The resource library: ILO tools and members' resources, their language versions,
staff-curated collections, and the "useful" marks members leave on them."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from innovations.models import Innovation, InnovationFacet
from members.models import Organisation, by_unsuspended
from network.tags import PrefetchedTags
from network.taxonomy import Language, Theme, labels

# Words that name fixed URLs beside /resources/<slug>/.
RESERVED_SLUGS = frozenset({"new", "collections", "contribute", "mine", "feed", "tags"})


class ResourceType(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDE = "guide", _("Guide")
    REPORT = "report", pgettext_lazy("resource type", "Report")
    COURSE = "course", _("Course")
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    DATASET = "dataset", _("Dataset")
    VIDEO = "video", _("Video")
    TEMPLATE = "template", _("Template")
    OTHER = "other", _("Other")


class Publisher(models.TextChoices):
    ILO = "ilo", _("ILO")
    PARTNER = "partner", _("Partner organisation")
    MEMBER = "member", _("Network member")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY)")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC)")
    CC_BY_NC_SA = (
        "cc-by-nc-sa-4.0",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA)"),
    )
    CC0 = "cc0", _("Public domain (CC0)")
    ILO_COPYRIGHT = "ilo-copyright", _("© ILO: free to use with attribution, not for sale")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see the description)")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public: anyone, also search engines")
    MEMBERS = "members", _("Members only")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", pgettext_lazy("resource", "Published")
    REJECTED = "rejected", pgettext_lazy("resource", "Declined")


# Names of languages in their own language, for "Also in Français, Español"; Django knows
# most of them, these it does not.
_LOCAL_NAMES = {"zh": "中文", "am": "አማርኛ", "ha": "Hausa"}


def language_name_local(code: str) -> str:
    try:
        name = get_language_info(code)["name_local"]
    except KeyError:
        name = _LOCAL_NAMES.get(code) or str(Language(code).label if code in Language else code)
    return name[:1].upper() + name[1:]


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything ``user`` may open: the one place the visibility rules are written.

        Published and public for everyone; published members-only for approved members;
        any status for the contributor; everything for staff.
        """
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        # Hidden after reports, or by a suspended contributor: out of sight until a moderator acts.
        shown = self.filter(by_unsuspended("contributor"), hidden_at__isnull=True)
        published = Q(status=Status.PUBLISHED, access=Access.PUBLIC)
        if user is not None and user.is_authenticated:
            if user.is_member:
                published = Q(status=Status.PUBLISHED)
            return shown.filter(published | Q(contributor=user))
        return shown.filter(published)

    def for_any_member(self):
        """What every approved member may see, without anyone's own contributions: for work
        done for many members at once (digests). Staff are never the reference here."""
        return self.filter(
            by_unsuspended("contributor"), hidden_at__isnull=True, status=Status.PUBLISHED
        )

    def listed_for(self, user):
        """What the library, collections, counts and versions list for ``user``."""
        return self.visible_to(user).published()

    def public(self):
        """Public and published: for sitemaps and search engines (no user involved)."""
        return self.visible_to(None)


def resource_file_path(instance, filename):
    """A random name without the uploaded name or extension: nothing to guess, nothing that
    tells a web server how to render it. The original name is kept as metadata only."""
    return f"private/resources/{uuid.uuid4().hex}"


class TaggedResource(TaggedItemBase):
    content_object = models.ForeignKey("Resource", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class Resource(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, at most 300 characters."),
    )
    description = models.TextField(
        _("description"),
        max_length=6000,
        blank=True,
        help_text=_("What it is, who it is for, how to use it. Markdown."),
    )
    type = models.CharField(_("type"), max_length=16, choices=ResourceType)
    # Either a file (checked, stored under a random name, served only by the download view)
    # or an external link (served by the same view as a counted redirect).
    file = models.FileField(
        _("file"), upload_to=resource_file_path, max_length=200, blank=True, editable=False
    )
    original_filename = models.CharField(_("original file name"), max_length=120, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    external_url = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        help_text=_("Instead of a file: the address of the resource on another site."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("language version of"),
        help_text=_("The same work in another language: choose its original version."),
    )
    tags = TaggableManager(_("tags"), through=TaggedResource, manager=PrefetchedTags, blank=True)
    publisher_type = models.CharField(
        _("publisher"), max_length=10, choices=Publisher, default=Publisher.ILO
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("publishing organisation"),
    )
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributed_resources",
        verbose_name=_("contributed by"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1919), MaxValueValidator(2100)],
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence, blank=True)
    access = models.CharField(_("access"), max_length=10, choices=Access, default=Access.PUBLIC)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    review_note = models.TextField(
        _("moderator's note"), blank=True, help_text=_("The reason sent to the contributor.")
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    innovations = models.ManyToManyField(
        "innovations.Innovation",
        blank=True,
        related_name="resources",
        verbose_name=_("related innovations"),
    )
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)
    # Kept current by a PostgreSQL trigger (title A, summary B, description C; accents folded).
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_at", "-pk"]
        constraints = [
            # Exactly one of a file or an external link; only a draft may have neither yet
            # (imported without its link, waiting for its file: resources.imports).
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(external_url=""))
                | (~Q(file="") & Q(external_url=""))
                | Q(file="", external_url="", status=Status.DRAFT),
                name="resource_file_or_link",
                violation_error_message=_("A resource has a file or an external link, not both."),
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="resource_one_version_per_language",
                violation_error_message=_("This work already has a version in this language."),
            ),
        ]
        indexes = [models.Index(fields=["status", "access"], name="resource_status_access")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("resources:download", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.access == Access.PUBLIC

    @property
    def work_id(self) -> int | None:
        """The id shared by every language version: the original's."""
        return self.translation_of_id or self.pk

    @property
    def language_name_local(self) -> str:
        return language_name_local(self.language)

    @property
    def external_host(self) -> str:
        return urlsplit(self.external_url).hostname or "" if self.external_url else ""

    @property
    def file_extension(self) -> str:
        name = self.original_filename
        return name.rsplit(".", 1)[-1].upper() if "." in name else ""

    def theme_values(self) -> list[str]:
        """Theme values, from prefetched themes when available."""
        return [item.theme for item in self.themes.all()]

    def theme_labels(self) -> list[str]:
        return labels(Theme, self.theme_values())

    def clean(self):
        """Language versions form one level: an original and its translations."""
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk:
            raise ValidationError({"translation_of": _("A resource cannot be its own version.")})
        if original.translation_of_id is not None:
            raise ValidationError(
                {
                    "translation_of": _(
                        "“%(title)s” is itself a language version; choose its original."
                    )
                    % {"title": original.title}
                }
            )
        if self.pk and self.translations.exists():
            raise ValidationError(
                {"translation_of": _("This resource has language versions of its own.")}
            )
        if original.language == self.language:
            raise ValidationError({"language": _("The original is already in this language.")})


class ResourceTheme(models.Model):
    """One theme of a resource (a small table, so filters and counts work on every database)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=60, choices=Theme)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["resource", "theme"], name="resource_theme_unique")
        ]
        indexes = [models.Index(fields=["theme"], name="resource_theme_value")]

    def __str__(self):
        return self.get_theme_display()


class UsefulMark(models.Model):
    """A member found the resource useful, with a short note on how they used it."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="useful_marks")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="useful_marks"
    )
    note = models.CharField(
        _("how you used it"),
        max_length=280,
        blank=True,
        help_text=_("Optional, at most 280 characters. Other members see it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("useful mark")
        verbose_name_plural = _("useful marks")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "member"], name="useful_mark_unique")
        ]

    def __str__(self):
        return f"{self.member} → {self.resource}"


class CollectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def visible_to(self, user):
        """The rule for a collection's page: published ones for everyone; an unpublished one
        for its curator and for staff."""
        if user.is_authenticated and user.is_staff:
            return self
        if user.is_authenticated:
            return self.filter(Q(published=True) | Q(curator=user))
        return self.published()

    def editable_by(self, user):
        """The collections ``user`` keeps on the site: a curator (a member given the
        permission ``resources.curate_collection``) their own, a moderator every one."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.has_perm("resources.change_collection"):
            return self
        if user.has_perm("resources.curate_collection"):
            return self.filter(curator=user)
        return self.none()


class Collection(models.Model):
    """A curated, ordered list of innovations and resources with an introduction, for partners
    ("Green skills in Africa"): kept by staff in the admin, or on the site by its curator, a
    member staff gave the permission to curate."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH,
        help_text=_("The language its title and introduction are written in."),
    )  # fmt: skip
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished collections are only for staff and their curator."),
    )
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="curated_collections",
        verbose_name=_("curator"),
        help_text=_(
            "A member who keeps this collection on the site (they need the permission to "
            "curate collections); empty for staff's own."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title", "pk"]
        permissions = [("curate_collection", _("Can curate collections on the site"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:collection", kwargs={"slug": self.slug})

    def items_for(self, viewer):
        """Its items that ``viewer`` may find listed, in order, each with what it shows (a
        resource or an innovation card): the one place a collection's contents are read, by
        its page, its embed and its exports (for no one: the public items only)."""
        cards = Innovation.objects.select_related("organisation").prefetch_related(
            Prefetch("facets", queryset=InnovationFacet.objects.order_by("kind", "value"))
        )
        return list(
            self.items.filter(
                Q(resource__in=Resource.objects.listed_for(viewer))
                | Q(innovation__in=Innovation.objects.listed_for(viewer))
            )
            .select_related("resource", "resource__organisation")
            .prefetch_related(
                Prefetch("resource__themes", queryset=ResourceTheme.objects.order_by("theme")),
                Prefetch("innovation", queryset=cards),
            )
            .order_by("position", "pk")
        )


class CollectionItem(models.Model):
    """A resource or an innovation in a collection, in its place, with the curator's note."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="collection_items", null=True, blank=True
    )
    innovation = models.ForeignKey(
        Innovation,
        on_delete=models.CASCADE,
        related_name="collection_items",
        null=True,
        blank=True,
        verbose_name=_("innovation"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.CharField(
        _("curator's note"), max_length=300, blank=True, help_text=_("Why it is in the list.")
    )

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="collection_item_unique"
            ),
            models.UniqueConstraint(
                fields=["collection", "innovation"], name="collection_innovation_unique"
            ),
            models.CheckConstraint(
                condition=Q(resource__isnull=True, innovation__isnull=False)
                | Q(resource__isnull=False, innovation__isnull=True),
                name="collection_item_one_thing",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.resource or self.innovation}"

    def clean(self):
        if bool(self.resource_id) == bool(self.innovation_id):
            raise ValidationError(_("Choose a resource or an innovation, not both."))

    @property
    def thing(self):
        return self.resource or self.innovation
