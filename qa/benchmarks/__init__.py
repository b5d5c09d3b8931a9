"""Benchmarks: `qa bench` (latency, throughput, build, start-up against the bare encode) and the scale runs."""
