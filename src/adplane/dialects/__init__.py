"""Vendor dialects: adapters that speak each vendor API over the one core."""
