"""The file formats users touch: scenario and rubric models, YAML with positions,
validation messages, and the rule that text from files is data. Pure: no I/O."""
