r"""A lower-case letter the tag writes with two indices beside a matrix it declares under the upper-case letter
(``\mathbf{v}_{i, l}`` beside ``\mathbf{V} \in \mathbb{R}^{d \times k}``, as factorization machines write V's rows
v_i): the letter names that matrix, ``v_{i,l}`` its entry at row i and column l, and ``v_i`` its i-th row.

An entry written at two indices after a letter is the entry of the matrix of that letter in upper case (A = (a_{ij})).
Whether v_i is a row or a column of V is a convention (A = [a_1, ..., a_n] writes columns), so it is read only where
one clause of the tag writes v_i beside its entries v_{i,l} at the same first index (the inner product of v_i and v_j
as the sum of v_{i,l} v_{j,l}): v_i is then the vector of the entries v_{i,1}, ..., v_{i,k}, the i-th row. Elsewhere
v_i beside V is not read, and a letter the tag or the notation gives a meaning of its own keeps it.
"""

from __future__ import annotations

from derive.vocabulary import call, refuse


def declared_rows(binding) -> tuple:
    """(letter, matrix) for each matrix the tag declares by shape under one upper-case letter where one clause of the
    tag writes the lower-case letter at one index and at that index and another (``\\langle \\mathbf{v}_i,
    \\mathbf{v}_j \\rangle = \\sum_l \\mathbf{v}_{i, l} \\mathbf{v}_{j, l}`` beside ``\\mathbf{V} \\in
    \\mathbb{R}^{d \\times k}``): v_i's entries are then v_{i, l}, a row."""
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
    clauses = [(key, value) for key, value in binding.overrides.items()]
    clauses += [(getattr(clause, "head", ""), getattr(clause, "body", "")) for clause in binding.clauses]
    written = set()
    for parts in clauses:
        try:
            atoms = [atom for part in parts if isinstance(part, str) and part for atom in atoms_of_latex(part)]
        except Exception:  # a part the grammar does not read: the reading reports it where it is read
            continue
        plain = [atom for atom in atoms if atom.args is None and not atom.decoration]
        rows = {(atom.key, atom.sub[0]) for atom in plain if len([index for index in atom.sub if index]) == 1}
        written |= {
            atom.key
            for atom in plain
            if len([index for index in atom.sub if index]) == 2 and (atom.key, atom.sub[0]) in rows
        }
    return tuple((name.lower(), name) for name in sorted(matrices) if name.lower() in written)


def _named(binding) -> set:
    """The letters the tag gives a meaning of their own: by kind, or as the name a definition defines."""
    from derive.docs.side_names import tag_names

    return {name.split("_")[0] for name in tag_names(binding)}  # v_i = ... defines the letter v


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
