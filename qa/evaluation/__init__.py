"""Evaluation: gold sets, metrics, runs of the service over them, reports and the `qa eval` command."""
