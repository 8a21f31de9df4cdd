"""editflow: align, check and export Ukrainian→English article translations."""

__version__ = "0.1.0"
