"""Core inventory: ad formats, sites and spots."""
