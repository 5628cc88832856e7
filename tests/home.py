"""Reading the home page's declared figures and sections (network.content) in tests."""


def section(response, name, part="sections"):
    """The context of the home page's section ``name`` ("innovations:featured"), or {} when
    it had nothing to show; ``part="dashboard"`` for a block of the member's dashboard."""
    shown = response.context[part] or []
    return next((s["context"] for s in shown if s["name"] == name), {})


def figure(response, name):
    return next(f["value"] for f in response.context["figures"] if f["name"] == name)
