"""The commented scenario template written by `sparring new scenario`."""

from __future__ import annotations

from importlib.resources import files

from sparring.authoring.schema import slugify

GUIDE_COMMAND = "sparring docs authoring"
"""How a user reads the authoring guide: it ships inside the package, unlike docs/."""


def scenario_template(name: str, *, schema_ref: str) -> str:
    """A complete, valid scenario to edit, with the given name as title and id."""
    text = files("sparring.authoring").joinpath("scenario_template.yaml").read_text("utf-8")
    title = " ".join(name.split())[:80] or "My scenario"
    return (
        text.replace("@@SCHEMA@@", schema_ref)
        .replace("@@ID@@", slugify(name))
        .replace("@@TITLE@@", title.replace("'", "''"))
    )
