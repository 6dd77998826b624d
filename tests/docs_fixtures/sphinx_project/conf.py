"""Sphinx configuration of a small documentation project (a test fixture: never imported by the checker)."""

project = "Softmax notes"
extensions = ["sphinx.ext.mathjax", "sphinx.ext.autodoc", "sphinx.ext.doctest"]
html_theme = "alabaster"
