import pytest


@pytest.fixture
def live(site, settings):
    """The module's seeded live server (its own ``site`` fixture), with the media it serves."""
    settings.MEDIA_ROOT = site["media_root"]  # the autouse fixture pointed it elsewhere
    return site
