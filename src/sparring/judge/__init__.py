"""Judges: the contract every judge meets (`base`), the offline rule judge, evaluation
and calibration. Pure: no I/O, no network."""
