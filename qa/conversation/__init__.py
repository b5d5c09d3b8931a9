"""Conversations: follow-up questions read against the turns before them."""
