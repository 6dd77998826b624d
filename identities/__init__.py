"""The catalog: one module per result, each exposing a Result named like the module.

To add a result, copy the closest module, keep the name of the file, the object and
the CLI name identical, and state the result in the first line of the docstring.
Everything about a result is declared in its module (area, references, figures); what
the catalog shares is here: the order of its areas and, in ``references.bib``, the
sources its results cite.
"""

# the sections of the appendix, in order; a result's area is one of them
AREAS = (
    "Probability",
    "Information theory",
    "Softmax and losses",
    "Gradients",
    "Normalisation",
    "Attention",
    "Linear algebra",
    "Fine-tuning",
    "Optimisation",
    "Alignment",
    "Reinforcement learning",
)

# the BibTeX file, beside this one, that holds every source a result cites
BIBLIOGRAPHY = "references.bib"
