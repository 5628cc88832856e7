"""Behind the proxy, each client has its own rate limits: with the proxy count set, failed
sign-ins are counted per client address (X-Forwarded-For), not for everyone at once."""

import pytest

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _limited(client, address, attempt) -> bool:
    """Whether a failed sign-in from ``address`` is refused for too many failures."""
    response = client.post(
        "/accounts/login/",
        {"login": f"nobody{attempt}@example.org", "password": "wrong-password"},
        HTTP_X_FORWARDED_FOR=address,
        REMOTE_ADDR=PROXY,
    )
    assert response.status_code == 200
    return "Too many failed login attempts" in response.content.decode()


@pytest.mark.parametrize("proxies, other_client_limited", [(0, True), (1, False)])
def test_failed_sign_ins_are_limited_per_client_behind_the_proxy(
    client, settings, proxies, other_client_limited
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    for attempt in range(10):
        assert not _limited(client, "203.0.113.7", attempt)
    assert _limited(client, "203.0.113.7", 10)
    # Another person behind the same proxy: locked out too only when the proxy is not known.
    assert _limited(client, "198.51.100.4", 11) is other_client_limited
