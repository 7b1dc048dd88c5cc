"""Shared building blocks: database, errors, money, pagination, time."""
