"""The persona: state and the rules that move it, the line script (what she says) and
the voices (how it is said). Pure: no I/O."""
