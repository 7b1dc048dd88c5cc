"""The Instal advertiser campaign API (seed document 001) at ``/instal``."""

from adplane.dialects.instal.router import create_api

__all__ = ["create_api"]
