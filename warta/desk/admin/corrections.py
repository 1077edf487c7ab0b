"""Ralat and Hak Jawab on the desk (being built)."""


def correction_urls(model_admin) -> list:
    return []
