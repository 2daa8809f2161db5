# Generated from spec/activations.yaml by codegen; do not edit.
"""Numerically careful building blocks that the activations' implementations call by name."""

import mlx.core as mx


def twice(x):
    r"""2 x, with a doc that has "quotes", a backslash \ and {{ braces }}."""
    return x + x
