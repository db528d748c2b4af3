"""Helpers the test areas share (imported, not collected)."""
