"""Canonical targeting vocabularies: the catalogues every dialect translates to and from."""
