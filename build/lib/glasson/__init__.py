"""glasson."""
