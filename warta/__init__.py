"""Warta: a news platform for Indonesian newsrooms."""
