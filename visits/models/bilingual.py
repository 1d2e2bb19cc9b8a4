"""Texts stored in both languages (DESIGN.md, decision 8), read in the active one."""

from django.utils.translation import get_language


def localized(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` for the active language, falling back to the other one."""
    lang = (language or get_language() or "fr")[:2]
    other = "en" if lang == "fr" else "fr"
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_{other}", "")
