"""dramatiq actors and broker set-up for relay's pipeline."""
