"""Errors raised by derive.

Every error a user can cause derives from :class:`DeriveError`; the CLI prints its
message as one line and exits with its ``exit_status``. Anything else is a bug and
keeps its traceback.

    DeriveError                 (exit 2: the request could not be understood)
    ├── UnknownResultError      a result name that is not in the catalog
    ├── ResultModuleError       a result file that cannot be loaded
    ├── DefinitionError         a result whose declaration is malformed
    └── OutputError             output/ cannot be written
    PdfError                    (exit 3 or 4: the PDF could not be built)
    ├── TexEngineMissing        no TeX engine on this machine (exit 3)
    └── LatexCompileError       the TeX engine rejected the document (exit 4)
"""

from __future__ import annotations


class DeriveError(Exception):
    """A problem with what the user asked for; its message is one line."""

    exit_status = 2


class UnknownResultError(DeriveError):
    """A name that matches no result in the catalog."""


class ResultModuleError(DeriveError):
    """A result module (in the catalog or given as a path) that cannot be loaded."""


class DefinitionError(DeriveError):
    """A result whose declaration is inconsistent (for example a step with no reason)."""


class OutputError(DeriveError):
    """A file in the output folder that cannot be written."""


class PdfError(DeriveError):
    """The PDF could not be built; the LaTeX source is still written."""

    exit_status = 4


class TexEngineMissing(PdfError):
    """No TeX engine (latexmk or pdflatex) is installed."""

    exit_status = 3


class LatexCompileError(PdfError):
    """The TeX engine stopped on an error in the generated document."""

    exit_status = 4
