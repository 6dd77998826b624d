"""The names a tag writes without defining them: the tag's own variables, any values its clauses allow."""

from __future__ import annotations

import re

COMPARISON = re.compile(r"\\(?:le|ge|leq|geq|neq|ne)(?![A-Za-z])|[<>=]")


def tag_variables(binding) -> set:
    """The names the tag writes without declaring or defining them: the names its ranges and conditions constrain
    (-\\pi \\le \\theta \\le \\pi, h_{t-1} \\neq \\tilde h_t) and the parameters in the body of one of its functions
    (\\mu in F(x) = e^{-(x - \\mu)}). The tag states them as its notation's, so a formula claims them for all values
    the clauses allow: it is no equation in them, and a function or sequence among them is any one."""
    from derive.docs.side_names import atoms_of_latex
    from derive.docs.tags import ConditionClause, FunctionClause, RangeClause

    if binding is None:
        return set()
    found = {clause.name for clause in binding.clauses if isinstance(clause, RangeClause)}
    written = [(part, set()) for text in binding.conditions for part in COMPARISON.split(text)]
    for clause in binding.clauses:
        if isinstance(clause, FunctionClause):
            written.append((clause.body, set()))  # its parameters too: f(x) = a x^2 + b, then x in (f(x + h) - f(x))/h
        elif isinstance(clause, ConditionClause):
            written.append((clause.text, set()))
    functions = {clause.name for clause in binding.clauses if isinstance(clause, FunctionClause)}
    for name, body in binding.overrides.items():  # \ell_i = (\beta_1 + \omega_1 x_i - y_i)^2: the names of its body
        if isinstance(body, str) and "(" not in name and name.split("_")[0].strip("\\") not in functions:
            written.append((body, set()))
    sets = set()  # \sum_{x \in \mathcal{B}}: a set the checker does not model, never a number
    for latex, own in written:
        for atom in atoms_of_latex(latex):
            # x_0, which the formula reads as x at index 0; a word label (eta_max) names a number of its own, which
            # constrains no member of the family eta
            found |= {*([] if _word_label(atom) else [atom.key]), *atom.full_keys()} - own
        for member in MEMBERSHIP.finditer(latex):
            sets |= {atom.key for atom in atoms_of_latex(member.group("set"))}
    return found - sets


def _word_label(atom) -> bool:
    """Whether a name carries a label of several letters and nothing else (eta_max, pi_ref): a name of its own."""
    label = atom.sub_text.replace(" ", "")
    return len(label) > 1 and label.isalpha() and not atom.step and not atom.decoration


MEMBERSHIP = re.compile(r"\\in(?![A-Za-z])\s*(?P<set>\\[A-Za-z]+\s*\{[^{}]*\}|\\?[A-Za-z]+)")


APPLICATION = re.compile(r"(?<![\\A-Za-z])(?P<name>[A-Za-z](?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?)\s*\((?P<args>[^()]*)\)")


def constrained_values(binding, name: str) -> dict:
    """The applications of ``name`` the tag's conditions write (d(a_i, n_i) \\ge d(a_i, p_i) + m), each a
    real number the clauses constrain, as a kind clause ``d(a_i, n_i): real`` would declare it; none when the tag
    declares or defines ``name`` itself."""
    from derive.docs.side_names import _normal_name
    from derive.docs.tags import FunctionClause, RangeClause

    if any(isinstance(clause, FunctionClause) and clause.name == name for clause in binding.clauses):
        return {}
    if any(_normal_name(declared).split("(")[0] == name for declared in binding.kinds):
        return {}
    texts = [*binding.conditions, *(clause.text for clause in binding.clauses if hasattr(clause, "text"))]
    ranged = {clause.name for clause in binding.clauses if isinstance(clause, RangeClause)}  # declared by the range
    found = {}
    for text in texts:
        for application in APPLICATION.finditer(text):
            written = application.group(0)
            if _normal_name(application.group("name")) == name and _normal_name(written) not in ranged:
                found[written] = "real"
    return found
