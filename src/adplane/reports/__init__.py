"""The report engine: one SQL builder for every report of every dialect, with a backend seam."""
