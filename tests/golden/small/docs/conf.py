# Generated from spec/activations.yaml by codegen; do not edit.
"""Sphinx configuration of the mlx_activations docs (built by `make docs`)."""

project = "mlx_activations"
author = "mlx_activations contributors"
copyright = "mlx_activations contributors"
extensions = ["sphinx.ext.mathjax"]
# MathJax is served from the site itself (make docs copies it from npm): no network at read time.
mathjax_path = "mathjax/tex-chtml.js"
html_static_path = ["_static"]
html_theme = "sphinx_book_theme"
html_title = "mlx_activations"
html_theme_options = {"show_toc_level": 2}
exclude_patterns = ["_build"]
