"""HTTP adapter over the `qa` library, and the chat widget's static files."""
