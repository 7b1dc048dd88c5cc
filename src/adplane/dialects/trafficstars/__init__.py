"""The TrafficStars advertiser API dialect, mounted at /trafficstars."""

from adplane.dialects.trafficstars.router import create_trafficstars_app

__all__ = ["create_trafficstars_app"]
