"""Judges: score a reply against a rubric and explain the score with the words that earned it."""
