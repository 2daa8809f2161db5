# Generated from spec/activations.yaml by codegen; do not edit.
"""One module per activation: its compiled kernel, its function and its Module."""
