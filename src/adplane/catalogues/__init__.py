"""Platform catalogues: reject reasons, restrictions, audience segments."""
