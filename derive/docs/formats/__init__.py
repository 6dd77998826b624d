"""One module per document format, each finding formulas and tags with their locations.

:mod:`~derive.docs.formats.markdown` (with :mod:`~derive.docs.formats.markdown_rules`),
:mod:`~derive.docs.formats.rst`, :mod:`~derive.docs.formats.notebook`,
:mod:`~derive.docs.formats.python`, :mod:`~derive.docs.formats.latex`; the record they
produce and the rows of a display block in :mod:`~derive.docs.formats.common`; a
document's own macros in :mod:`~derive.docs.formats.macros`. The entry point is
:mod:`derive.docs.scan`.
"""
