"""briefing: a live answer desk for the advisers of an Amsterdam alderman."""

__version__ = "0.1.0"
