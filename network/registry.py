"""Small registries that content apps fill in their ``AppConfig.ready()``, so that lower
layers (members, network) can include their data without importing them."""

# Callables ``(user) -> dict`` whose result is merged into "download all your data".
PERSONAL_DATA = []

# Callables ``(request) -> {"title": str, "items": [{"title", "url", "meta"}], "url": str}``:
# the signed-in member's dashboard blocks on the home page (my events, my mentoring...).
HOME_SECTIONS = []
