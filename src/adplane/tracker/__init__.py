"""The click tracker's domain: per-campaign tracker settings (streams, landings, offers next)."""
