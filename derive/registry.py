"""Finding results: the catalog in ``identities/``, or a result module given by path."""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from derive import identities
from derive.errors import ResultModuleError, UnknownResultError

if TYPE_CHECKING:  # imported on first use: listing the catalog needs no SymPy
    from derive.result import Result


_LISTED: dict = {}  # the catalog's folders -> (their modification times, the names found there)


def catalog_names() -> list[str]:
    """Names of every result in the catalog, sorted.

    The folder is listed again only when it has changed (a module added, removed or renamed changes its
    modification time): a documentation check asks once per tag.
    """
    folders = tuple(identities.__path__)
    stamp = tuple(os.stat(folder).st_mtime_ns for folder in folders)
    listed = _LISTED.get(folders)
    if listed is None or listed[0] != stamp:
        names = sorted(m.name for m in pkgutil.iter_modules(folders) if not m.name.startswith("_"))
        listed = _LISTED[folders] = (stamp, names)
    return list(listed[1])


def catalog_areas() -> tuple[str, ...]:
    """The catalog's areas (the sections of its appendix), in the order it declares them."""
    return tuple(identities.AREAS)


def catalog_bibliography() -> Path:
    """The BibTeX file of the sources the catalog's results cite."""
    return Path(identities.__path__[0]) / identities.BIBLIOGRAPHY


def declared_title(name: str) -> str | None:
    """The title catalog result ``name`` declares (``Result(title="…")``), read from its source
    without importing it; None when it is not a plain string there."""
    import ast

    try:
        tree = ast.parse((Path(identities.__path__[0]) / f"{name}.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Result":
            for keyword in node.keywords:
                if (
                    keyword.arg == "title"
                    and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)
                ):
                    return keyword.value.value
    return None


def _from_module(module, name: str, where: str) -> Result:
    from derive.result import Result

    found = getattr(module, name, None)
    if not isinstance(found, Result):
        candidates = [v for v in vars(module).values() if isinstance(v, Result)]
        if len(candidates) != 1:
            raise ResultModuleError(
                f"{where} must define a Result named {name!r} (found {len(candidates)} Result objects)"
            )
        found = candidates[0]
    summary = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""
    if not summary:
        raise ResultModuleError(f"{where} needs a docstring whose first line states the result")
    return found.named(name, summary, getattr(module, "__file__", "") or "")


def load(name: str) -> Result:
    """The catalog result called ``name``; an unknown name names the closest ones."""
    names = catalog_names()
    if name not in names:
        import difflib  # for a misspelt name only: a documentation check lists the catalog at each tag

        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "run 'python -m derive --list' for the catalog"
        raise UnknownResultError(f"no result named {name!r}; {hint}")
    module = importlib.import_module(f"derive.identities.{name}")
    return _from_module(module, name, f"identities/{name}.py")


def load_path(path: str | Path) -> Result:
    """The result defined in the Python file at ``path`` (outside the catalog)."""
    path = Path(path)
    if not path.is_file():
        raise ResultModuleError(f"no result file at {path}; give the path of a .py file that defines a Result")
    if path.suffix != ".py":
        raise ResultModuleError(f"{path} is not a Python file; a result module ends in .py")
    name = path.stem
    spec = importlib.util.spec_from_file_location(f"derive_user_result_{name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise ResultModuleError(f"{path}:{exc.lineno}: syntax error: {exc.msg}") from None
    except Exception as exc:  # the user's module raised while being imported
        line = _line_in(exc, path)
        raise ResultModuleError(f"{path}{line}: {type(exc).__name__} while loading: {exc}") from None
    sys.modules.pop(spec.name, None)
    return _from_module(module, name, str(path))


def _line_in(exc: BaseException, path: Path) -> str:
    tb = exc.__traceback__
    line = ""
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename).resolve() == path.resolve():
            line = f":{tb.tb_lineno}"
        tb = tb.tb_next
    return line


def load_all() -> list[Result]:
    return [load(name) for name in catalog_names()]
