"""The Textual app: the face of the rehearsal engine. Screens render the session; they hold
no domain logic (no scores, no persona rules): everything comes from the session and the
runtime."""
