"""Uploaded media (images, videos, HTML5 bundles) behind a storage seam, with public URLs."""
