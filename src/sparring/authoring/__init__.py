"""Authoring checks: what the schema cannot say (references, placeholders, reachability),
and the new-scenario template. Pure: no I/O."""
