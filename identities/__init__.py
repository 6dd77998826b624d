"""The catalog: one module per result, each exposing a Result named like the module.

To add a result, copy the closest module, keep the name of the file, the object and
the CLI name identical, and state the result in the first line of the docstring.
"""
