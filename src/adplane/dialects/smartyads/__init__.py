"""The SmartyAds DSP API (seed document 003) at ``/smartyads``."""

from adplane.dialects.smartyads.router import create_api

__all__ = ["create_api"]
