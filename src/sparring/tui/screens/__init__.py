"""The app's screens: picker, rehearsal, debrief, history, replay, compare."""
