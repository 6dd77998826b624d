r"""A lower-case letter the tag writes with two indices beside a matrix it declares under the upper-case letter
(``\mathbf{v}_{i, l}`` beside ``\mathbf{V} \in \mathbb{R}^{d \times k}``, as factorization machines write V's rows
v_i): the letter names that matrix, ``v_{i,l}`` its entry at row i and column l, and ``v_i`` its i-th row.

An entry written at two indices after a letter is the entry of the matrix of that letter in upper case (A = (a_{ij})),
and an index written after a vector's name picks its entry (``v_{i,l}`` is the l-th entry of ``v_i``): with both
conventions, v_i is the vector of the entries v_{i,1}, ..., v_{i,k}, the i-th row, never a column. Where the tag
writes no such entry, v_i beside V is not read (a row or a column of V is not said), and a letter the tag or the
notation gives a meaning of its own keeps it.
"""

from __future__ import annotations

from derive.vocabulary import call, refuse


def declared_rows(binding) -> tuple:
    """(letter, matrix) for each matrix the tag declares by shape under one upper-case letter whose entries it also
    writes with the lower-case letter and two indices (``\\mathbf{v}_{i, l}`` beside ``\\mathbf{V} \\in
    \\mathbb{R}^{d \\times k}``)."""
    from derive.docs.side_names import atoms_of_latex
    from derive.docs.tags import KindClause

    matrices = {
        clause.name
        for clause in binding.clauses
        if isinstance(clause, KindClause) and clause.kind == "matrix" and len(clause.name) == 1
    }
    matrices = {name for name in matrices if name.isupper() and name.lower() not in _named(binding)}
    if not matrices:
        return ()
    texts = [*binding.overrides, *binding.overrides.values()]
    texts += [part for clause in binding.clauses for part in (getattr(clause, "head", ""), getattr(clause, "body", ""))]
    written = set()
    for text in texts:
        try:
            atoms = atoms_of_latex(text) if isinstance(text, str) and text else []
        except Exception:  # a part the grammar does not read: the reading reports it where it is read
            continue
        written |= {
            atom.key
            for atom in atoms
            if len([index for index in atom.sub if index]) == 2 and atom.args is None and not atom.decoration
        }
    return tuple((name.lower(), name) for name in sorted(matrices) if name.lower() in written)


def _named(binding) -> set:
    """The letters the tag gives a meaning of their own: by kind, or as the name a definition defines."""
    from derive.docs.side_names import _normal_name

    names = set()
    for written in (*binding.kinds, *binding.overrides):
        try:
            names.add(_normal_name(written).split("_")[0])  # v_i = ... defines the letter v
        except Exception:  # an expression, not a name (\langle v_i, v_j \rangle): it names no letter
            continue
    return names


def with_rows(vocab, rows: tuple):
    """``vocab`` with each letter of ``rows`` reading the matrix it names: its entries at two indices, its rows at one."""
    entries = dict(vocab.entries)
    for letter, matrix in rows:
        declared = entries.get(matrix)
        if letter in entries or letter in vocab.dims or not (declared and declared[0] == "call"):
            continue
        entries[letter] = call(_reader(matrix))
    return vocab.with_(entries=entries) if entries != vocab.entries else vocab


def _reader(matrix: str):
    def read(env, atom, side):
        from dataclasses import replace

        build = env.vocab.entries[matrix][1]
        indices = [index for index in atom.sub if index]
        if atom.args is None and len(indices) == 2:
            return build(env, replace(atom, key=matrix), side)
        if atom.args is None and len(indices) == 1 and hasattr(build, "row"):
            return build.row(env, atom, indices[0])
        refuse(
            f"{atom.key} names the rows of the matrix {matrix}: write a row {atom.key}_i or an entry {atom.key}_{{il}}"
        )

    return read
