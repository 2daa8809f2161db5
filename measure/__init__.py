"""Measurements that are committed beside the code: speed against mlx.nn, and accuracy in ULP.

They are benchmarks, not tests: `make bench` and `make accuracy` run them and write their tables
into measure/results/, from which the docs are built.
"""
