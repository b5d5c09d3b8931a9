"""The service: answers questions over the current index version and applies corpus changes."""
