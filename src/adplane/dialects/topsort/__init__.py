"""The Topsort campaign service (seed document 002) at ``/topsort``."""

from adplane.dialects.topsort.router import create_api

__all__ = ["create_api"]
