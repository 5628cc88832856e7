"""Every URL the project resolves, with the objects each one is tried on."""

# (url name, variant, kwargs from the world). Variants name the object's status/visibility.


def _innovation(variant):
    return lambda w: {"slug": w.innovations[variant].slug}


def _resource(variant):
    return lambda w: {"slug": w.resources[variant].slug}


def _event(variant):
    return lambda w: {"slug": w.events[variant].slug}


def _space(variant):
    return lambda w: {"slug": w.spaces[variant].slug}


def _in_space(variant, what):
    return lambda w: {"slug": w.spaces[variant].slug, "pk": getattr(w, what)[variant].pk}


NONE = lambda w: {}  # noqa: E731
INNOVATION_VARIANTS = ("public", "members", "draft", "rejected", "archived")
RESOURCE_VARIANTS = ("public", "members", "pending")
EVENT_VARIANTS = ("public", "members", "private", "draft")
SPACE_VARIANTS = ("public", "members", "private")
# What one does in a space: tried in a public one and a private one.
SPACE_ACTION_VARIANTS = ("public", "private")

CASES = [
    ("healthz", "", NONE),
    ("robots", "", NONE),
    ("sitemap", "", NONE),
    ("home", "", NONE),
    ("notifications", "", NONE),
    ("notifications_read_all", "", NONE),
    ("notification_read", "pair's", lambda w: {"pk": w.notification.pk}),
    ("report", "public innovation", lambda w: {"label": "innovations-innovation", "pk": w.innovations["public"].pk}),
    ("report", "draft innovation", lambda w: {"label": "innovations-innovation", "pk": w.innovations["draft"].pk}),
    ("report", "pair's comment", lambda w: {"label": "innovations-comment", "pk": w.comment.pk}),
    ("report", "private event", lambda w: {"label": "events-event", "pk": w.events["private"].pk}),
    ("search", "", NONE),
    ("figures", "", NONE),
    ("insights", "", NONE),
    ("insights_export", "csv", lambda w: {"name": "members-by-region", "fmt": "csv"}),
    ("insights_export", "xlsx", lambda w: {"name": "innovations-by-status", "fmt": "xlsx"}),
    ("members:follow", "", NONE),
    ("unsubscribe", "pair's", lambda w: {"token": w.unsubscribe_token}),
    ("unsubscribe", "forged", lambda w: {"token": "forged.token"}),
    ("act", "owner's", lambda w: {"token": w.action_token}),
    ("act", "forged", lambda w: {"token": "forged.token"}),
    ("act", "suspended's", lambda w: {"token": w.suspended_action_token}),
    # accounts (allauth)
    ("account_login", "", NONE),
    ("account_logout", "", NONE),
    ("account_inactive", "", NONE),
    ("account_signup", "", NONE),
    ("account_reauthenticate", "", NONE),
    ("account_email", "", NONE),
    ("account_email_verification_sent", "", NONE),
    ("account_change_password", "", NONE),
    ("account_set_password", "", NONE),
    ("account_reset_password", "", NONE),
    ("account_confirm_login_code", "", NONE),
    ("account_confirm_email", "forged", lambda w: {"key": "forged-key"}),
    ("account_reset_password_from_key_done", "", NONE),
    ("account_reset_password_from_key", "forged", lambda w: {"uidb36": "1", "key": "forged-key"}),
    ("account_reset_password_done", "", NONE),
    ("mfa_index", "", NONE),
    ("mfa_authenticate", "", NONE),
    ("mfa_reauthenticate", "", NONE),
    ("mfa_activate_totp", "", NONE),
    ("mfa_deactivate_totp", "", NONE),
    ("mfa_view_recovery_codes", "", NONE),
    ("mfa_generate_recovery_codes", "", NONE),
    ("mfa_download_recovery_codes", "", NONE),
    ("mfa_list_webauthn", "", NONE),
    ("mfa_add_webauthn", "", NONE),
    ("mfa_reauthenticate_webauthn", "", NONE),
    ("mfa_remove_webauthn", "forged", lambda w: {"pk": 999999}),
    ("mfa_edit_webauthn", "forged", lambda w: {"pk": 999999}),
    ("usersessions_list", "", NONE),
    # members
    ("members:directory", "", NONE),
    ("members:dashboard", "", NONE),
    ("members:edit", "", NONE),
    ("members:export", "", NONE),
    ("members:delete", "", NONE),
    ("members:conversations", "", NONE),
    ("members:conversation", "pair's to owner", lambda w: {"pk": w.message.pk}),
    *[
        (name, variant, lambda w, v=variant: {"username": w.people[v].username if v in w.people else w.hidden_profile.username})
        for name in ("members:profile", "members:avatar", "members:message", "members:block")
        for variant in ("owner", "pair", "suspended", "hidden-profile")
    ],
    ("members:organisations", "", NONE),
    ("members:organisation", "", lambda w: {"slug": w.organisation.slug}),
    ("members:organisation_logo", "", lambda w: {"slug": w.organisation.slug}),
    # innovations
    ("innovations:showcase", "", NONE),
    ("innovations:create", "", NONE),
    ("innovations:mine", "", NONE),
    ("innovations:feed", "", NONE),
    ("innovations:export_csv", "", NONE),
    ("innovations:export_json", "", NONE),
    ("innovations:tags", "", NONE),
    *[
        (f"innovations:{name}", variant, _innovation(variant))
        for name in ("detail", "edit", "submit", "archive", "team", "cover", "embed", "endorse",
                     "follow", "comment", "update", "interest", "adoption")
        for variant in INNOVATION_VARIANTS
    ],
    *[("innovations:visitor_interest", variant, _innovation(variant))
      for variant in INNOVATION_VARIANTS],
    ("innovations:visitor", "visitor's", lambda w: {"slug": w.visit.innovation.slug, "token": w.visit_token}),
    ("innovations:visitor", "forged", lambda w: {"slug": w.visit.innovation.slug, "token": "forged.token"}),
    ("innovations:visitor_reply", "visitor's", lambda w: {"slug": w.visit.innovation.slug, "pk": w.visit.pk}),
    ("innovations:comment_edit", "pair's", lambda w: {"slug": w.comment.innovation.slug, "pk": w.comment.pk}),
    ("innovations:adoption_confirm", "pair's", lambda w: {"slug": w.adoption.innovation.slug, "pk": w.adoption.pk}),
    # resources
    ("resources:library", "", NONE),
    ("resources:contribute", "", NONE),
    ("resources:mine", "", NONE),
    ("resources:collections", "", NONE),
    ("resources:collection", "published", lambda w: {"slug": w.collection.slug}),
    ("resources:collection", "draft", lambda w: {"slug": w.draft_collection.slug}),
    ("resources:collection", "curated", lambda w: {"slug": w.curated_collection.slug}),
    ("resources:collection_new", "", NONE),
    ("resources:collection_edit", "published", lambda w: {"slug": w.collection.slug}),
    ("resources:collection_edit", "curated", lambda w: {"slug": w.curated_collection.slug}),
    ("resources:collection_item_add", "curated", lambda w: {"slug": w.curated_collection.slug}),
    (
        "resources:collection_item",
        "curated",
        lambda w: {"slug": w.curated_collection.slug, "pk": w.curated_item.pk},
    ),
    ("resources:collection_embed", "published", lambda w: {"slug": w.collection.slug}),
    ("resources:collection_embed", "draft", lambda w: {"slug": w.draft_collection.slug}),
    ("resources:collection_export", "published", lambda w: {"slug": w.collection.slug, "fmt": "json"}),
    ("resources:collection_export", "draft", lambda w: {"slug": w.draft_collection.slug, "fmt": "csv"}),
    ("resources:collection_export", "published brief", lambda w: {"slug": w.collection.slug, "fmt": "pdf"}),
    ("resources:collection_export", "draft brief", lambda w: {"slug": w.curated_collection.slug, "fmt": "pdf"}),
    *[
        (f"resources:{name}", variant, _resource(variant))
        for name in ("detail", "download", "useful")
        for variant in RESOURCE_VARIANTS
    ],
    # events
    ("events:listing", "", NONE),
    ("events:my_calendar", "", NONE),
    ("events:calendar_revoke", "", NONE),
    ("events:feed", "pair's", lambda w: {"token": w.calendar_token.token}),
    ("events:feed", "forged", lambda w: {"token": "forged"}),
    ("events:feed", "suspended's", lambda w: {"token": w.suspended_calendar_token.token}),
    *[
        (f"events:{name}", variant, _event(variant))
        for name in ("detail", "calendar", "register", "cancel", "reminders", "invitation",
                     "feedback", "invite", "attendance", "slot_create")
        for variant in (*EVENT_VARIANTS, *(["clinic"] if name == "slot_create" else []))
    ],
    *[("events:guest_register", variant, _event(variant)) for variant in EVENT_VARIANTS],
    *[
        (f"events:{name}", "guest's", lambda w: {"slug": "event-public", "token": w.guest_token})
        for name in ("guest", "guest_calendar")
    ],
    *[
        (f"events:{name}", "forged", lambda w: {"slug": "event-public", "token": "forged.token"})
        for name in ("guest", "guest_calendar")
    ],
    ("events:slot_delete", "open", lambda w: {"slug": w.slot.event.slug, "pk": w.slot.pk}),
    ("events:book", "open", lambda w: {"slug": w.slot.event.slug, "pk": w.slot.pk}),
    ("events:booking", "pair's", lambda w: {"slug": w.booking.event.slug, "pk": w.booking.pk}),
    ("events:booking_cancel", "pair's", lambda w: {"slug": w.booking.event.slug, "pk": w.booking.pk}),
    # mentoring
    ("mentoring:home", "", NONE),
    ("mentoring:mentors", "", NONE),
    ("mentoring:ask", "owner", lambda w: {"username": w.people["owner"].username}),
    ("mentoring:mentor_edit", "", NONE),
    *[
        (f"mentoring:{name}", "pending", lambda w: {"pk": w.mentoring_request.pk})
        for name in ("request", "request_respond", "request_withdraw")
    ],
    ("mentoring:request_forward", "pending", lambda w: {"pk": w.mentoring_request.pk, "username": w.people["member"].username}),
    *[
        (f"mentoring:{name}", "active", lambda w: {"pk": w.mentorship.pk})
        for name in ("mentorship", "goal_add", "session_add", "end_date", "complete", "end", "feedback")
    ],
    ("mentoring:goal_toggle", "active", lambda w: {"pk": w.mentorship.pk, "goal_pk": w.goal.pk}),
    ("mentoring:programme", "open", lambda w: {"slug": w.programme.slug}),
    ("mentoring:programme_withdraw", "open", lambda w: {"slug": w.programme.slug}),
    ("mentoring:match", "offered", lambda w: {"pk": w.match.pk}),
    # spaces
    ("spaces:list", "", NONE),
    *[(f"spaces:{name}", v, _space(v)) for name in ("space", "members", "files") for v in SPACE_VARIANTS],
    *[
        (f"spaces:{name}", v, _space(v))
        for name in ("join", "leave", "following", "manage", "thread_new", "link_innovation", "propose")
        for v in SPACE_ACTION_VARIANTS
    ],
    *[("spaces:thread", v, _in_space(v, "threads")) for v in SPACE_VARIANTS],
    *[
        (f"spaces:{name}", v, _in_space(v, "threads"))
        for name in ("reply", "thread_edit", "thread_moderate", "answer", "history")
        for v in SPACE_ACTION_VARIANTS
    ],
    *[("spaces:reply_edit", v, _in_space(v, "replies")) for v in SPACE_ACTION_VARIANTS],
    *[("spaces:file", v, _in_space(v, "files")) for v in SPACE_VARIANTS],
    *[("spaces:file_remove", v, _in_space(v, "files")) for v in SPACE_ACTION_VARIANTS],
    *[("spaces:proposal_decide", v, _in_space(v, "proposals")) for v in SPACE_ACTION_VARIANTS],
    ("spaces:request_decide", "members", lambda w: {"slug": w.spaces["members"].slug, "pk": w.join_request.pk}),
    ("spaces:invitation", "team's", lambda w: {"slug": w.spaces["private"].slug, "token": w.space_invitation_token}),
    ("spaces:invitation", "forged", lambda w: {"slug": w.spaces["private"].slug, "token": "forged.token"}),
    ("report", "private thread", lambda w: {"label": "spaces-thread", "pk": w.threads["private"].pk}),
    ("report", "public reply", lambda w: {"label": "spaces-reply", "pk": w.replies["public"].pk}),
    # credentials
    ("credentials:mine", "", NONE),
    ("credentials:verify", "", NONE),
    ("credentials:issuer", "", NONE),
    ("credentials:jwks", "", NONE),
    ("credentials:status_list", "revocation", lambda w: {"purpose": "revocation"}),
    ("credentials:status_list", "unknown", lambda w: {"purpose": "nothing"}),
    ("credentials:achievement", "", lambda w: {"slug": w.achievement.slug}),
    # Public when it has one (tests/credentials); this one has none.
    ("credentials:achievement_image", "none", lambda w: {"slug": w.achievement.slug}),
    *[
        (f"credentials:{name}", "pair's", lambda w: {"public_id": w.credential.public_id})
        for name in ("detail", "download", "document", "pdf", "show")
    ],
    # the admin's own pages (each model's pages are walked by admin_model_urls below)
    ("admin:index", "", NONE),
    ("admin:login", "", NONE),
    ("admin:logout", "", NONE),
    ("admin:password_change", "", NONE),
    ("admin:password_change_done", "", NONE),
    ("admin:autocomplete", "", NONE),
    ("admin:jsi18n", "", NONE),
    ("admin:app_list", "members", lambda w: {"app_label": "members"}),
    ("admin:moderation", "", NONE),
    ("admin:view_on_site", "public innovation", lambda w: {"content_type_id": _content_type(w.innovations["public"]), "object_id": w.innovations["public"].pk}),
    ("admin:mentoring_programme_matching", "open", lambda w: {"object_id": w.programme.pk}),
    ("admin:auth_user_password_change", "member", lambda w: {"id": w.people["member"].pk}),
    ("admin:taggit_tag_merge_tags", "", NONE),
]  # fmt: skip


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


# --- the admin ------------------------------------------------------------------------------
ADMIN_ACTIONS = ("changelist", "add", "history", "delete", "change")
IMPORT_EXPORT_ACTIONS = ("import", "process_import", "export")


def admin_model_urls(world):
    """(model label, action, url) for every registered model admin's own pages; the pages of
    one object are tried on a real object of the model, where the world has one. Admins that
    take decisions (network.admin_actions.DecisionsAdmin) have a decision URL per object,
    tried with a decision no admin offers, and some a review queue and review pages; admins
    that import and export (network.imports.ImportExportAdmin) their import, confirmation
    and export pages."""
    from django.contrib import admin
    from django.urls import reverse
    from import_export.admin import ExportMixin, ImportMixin

    from network.admin_actions import DecisionsAdmin

    out = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        obj = model._default_manager.order_by("pk").first()
        actions = list(ADMIN_ACTIONS)
        if isinstance(model_admin, DecisionsAdmin):
            actions.append("decide")
            if model_admin.review_template:
                actions += ["review_queue", "review"]
        # Bulk import (the dry run, then its confirmation) and export (network.imports).
        if isinstance(model_admin, ImportMixin):
            actions += ["import", "process_import"]
        if isinstance(model_admin, ExportMixin):
            actions.append("export")
        for action in actions:
            if action in ("changelist", "add", "review_queue", *IMPORT_EXPORT_ACTIONS):
                out.append((label, action, reverse(f"{prefix}_{action}")))
            elif obj is not None and action == "decide":
                out.append((label, action, reverse(f"{prefix}_decide", args=[obj.pk, "nothing"])))
            elif obj is not None:
                out.append((label, action, reverse(f"{prefix}_{action}", args=[obj.pk])))
    return out
