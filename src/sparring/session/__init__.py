"""A rehearsal as data: transcript events, the live turn loop, read-only views of saved
conversations, the debrief and comparisons. Pure: no I/O (it writes through a Recorder)."""
