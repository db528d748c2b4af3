"""Everything that touches the outside world: files, and later the LLM endpoint, the
session index and reports."""
