"""One router per concern: questions, documents, operations."""
