"""Benchmarks (``make bench``), not part of the test run: they measure, they do not assert."""
