"""Reports to read outside the terminal: one conversation or progress across sessions, as a
self-contained HTML file or as Markdown. Pure text building: the caller writes the file."""
