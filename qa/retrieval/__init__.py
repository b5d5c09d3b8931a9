"""Retrieval: ranked candidates from the store, fused into the best distinct passages."""
