"""Writes on the desk. Every change to an article goes through these functions."""
