"""Optimization rules: conditions over report metrics that add sources to filter lists."""
