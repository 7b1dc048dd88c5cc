"""Creatives: the six variants of the one creative, their review and campaign assignment."""
