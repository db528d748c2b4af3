"""The commented scenario template written by `sparring new scenario`."""

from __future__ import annotations

from importlib.resources import files

from sparring.authoring.schema import slugify


def scenario_template(name: str, *, schema_ref: str) -> str:
    """A complete, valid scenario to edit, with the given name as title and id."""
    text = files("sparring").joinpath("scenario_template.yaml").read_text(encoding="utf-8")
    title = " ".join(name.split())[:80] or "My scenario"
    return (
        text.replace("@@SCHEMA@@", schema_ref)
        .replace("@@ID@@", slugify(name))
        .replace("@@TITLE@@", title.replace("'", "''"))
    )
