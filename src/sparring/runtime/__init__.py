"""Settings and the one place that builds a rehearsal from them."""
