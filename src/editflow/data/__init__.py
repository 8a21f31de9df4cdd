"""Data files shipped with editflow (read with importlib.resources)."""
