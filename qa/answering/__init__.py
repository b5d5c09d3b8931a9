"""Answers: what a question asks for, the sentence that says it, the span to return, or abstention."""
