"""Sphinx configuration of a small documentation project (a test fixture: never imported by the checker)."""

project = "Softmax notes"
extensions = ["sphinx.ext.mathjax", "sphinx.ext.autodoc", "sphinx.ext.doctest"]
html_theme = "alabaster"

# macros for MathJax (HTML) and for LaTeX (PDF) output
mathjax3_config = {"tex": {"macros": {"pd": [r"\frac{\partial #1}{\partial #2}", 2], "sm": r"\sigma"}}}
latex_elements = {"preamble": r"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}"}
