"""Accounts, users, credentials and the request principal."""
