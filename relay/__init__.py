"""relay: redact, review and deliver letters and video messages without exposing their writers."""

__version__ = "0.1.0"
