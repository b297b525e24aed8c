"""Benchmarks (`make bench`): search speed at scale and app start-up. Never run as tests."""
