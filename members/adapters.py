from allauth.account.adapter import DefaultAccountAdapter

from members.models import unique_username


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The profile URL is made from the name people chose, never from their email address.
        user.display_name = form.cleaned_data.get("display_name", "")[:120]
        user.language = getattr(request, "LANGUAGE_CODE", "en") or "en"
        return super().save_user(request, user, form, commit=commit)

    def populate_username(self, request, user):
        user.username = unique_username(user.display_name or "member")
