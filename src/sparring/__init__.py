"""sparring: rehearse difficult conversations with a persona that reacts and a judge that explains.

The package root stays import-light on purpose: `sparring --help` must not pay for Textual,
openai or pydantic. Import what you need from the submodules.
"""

__version__ = "0.1.0"
