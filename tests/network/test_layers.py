"""The layers of DESIGN.md §2, as `make lint` checks them with import-linter: the contracts in
pyproject.toml hold for the code as it is, and an import that crosses a layer breaks them."""

import pytest
from importlinter import api  # noqa: F401 - configures import-linter's adapters
from importlinter.application import use_cases
from importlinter.application.app_config import settings as linter


def lint(*extra_imports) -> bool:
    """Whether the contracts hold for the project's imports plus ``extra_imports``."""
    real = linter.GRAPH_BUILDER

    class WithExtra:
        def build(self, **kwargs):
            graph = real.build(**kwargs)
            for importer, imported in extra_imports:
                graph.add_import(
                    importer=importer, imported=imported, line_number=1, line_contents="import"
                )
            return graph

    linter.configure(GRAPH_BUILDER=WithExtra())
    try:
        return use_cases.lint_imports(config_filename="pyproject.toml", cache_dir=None)
    finally:
        linter.configure(GRAPH_BUILDER=real)


def test_the_code_keeps_every_import_contract(capsys):
    assert lint() == use_cases.SUCCESS, capsys.readouterr().out


@pytest.mark.parametrize(
    "importer, imported, broken",
    [
        ("network.models", "events.models", "Layers"),  # the base imports a content app
        ("members.views", "innovations.models", "Layers"),  # members import a content app
        ("innovations.services", "portal.views", "Layers"),  # a content app imports the top
        ("portal.views", "innovations.models", "through their declarations"),
        ("events.services", "innovations.views.showcase", "another app's views"),
        ("events.models", "mentoring.models", "Layers"),  # independent siblings
        ("network.emails", "network.tasks", "cycles"),  # tasks import emails
    ],
)
def test_an_import_across_a_layer_breaks_a_contract(capsys, importer, imported, broken):
    assert lint((importer, imported)) == use_cases.FAILURE
    output = capsys.readouterr().out
    broken_lines = [line for line in output.splitlines() if line.endswith("BROKEN")]
    assert any(broken in line for line in broken_lines), output
