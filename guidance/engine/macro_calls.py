"""Macro calls in hand-written pages, checked against the macros' own signatures before any run.

A page renders its macros in order and stops at the first that fails, so a build finds one
mistake per page at a time, in Python's words (``define_env.<locals>.term() missing 1 required
positional argument``). Reading every call first finds them all, and says what was expected.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta, nodes

from guidance.errors import suggest

__all__ = ["CallProblem", "call_problems", "kinds_shown"]

# What a page may name besides the macros and the data's variables without showing any data:
# the page itself and the site's settings (a change to either rebuilds the page anyway).
_NO_DATA = frozenset({"page", "config"})


@dataclass(frozen=True)
class CallProblem:
    line: int  # within the text given, from 1
    column: int
    message: str


def call_problems(text: str, macros: Mapping[str, Callable[..., Any]], variables: Mapping[str, Any]) -> list[CallProblem]:
    """Each call in ``text`` of a macro that does not exist, or with arguments it does not take."""
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        return [CallProblem(exc.lineno or 1, 1, f"expected a macro call such as {{{{ term(\"CSPR\") }}}}, got invalid syntax: {exc.message}")]
    lines = text.splitlines()
    problems = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        name = call.node.name
        shown = _shown(call)
        column = _column(lines, call.lineno, name)
        if name not in macros:
            if name in variables:
                continue  # a callable variable, such as a filter's helper: not ours to judge
            hint = suggest(name, list(macros)) or f" (the macros are: {', '.join(sorted(macros))})"
            problems.append(CallProblem(call.lineno, column, f"{shown}: unknown macro '{name}'{hint}"))
            continue
        wrong = _arguments(macros[name], call)
        if wrong:
            problems.append(CallProblem(call.lineno, column, f"{shown}: expected {_signature(name, macros[name])} ({wrong})"))
    return problems


def _arguments(macro: Callable[..., Any], call: nodes.Call) -> str:
    """Why the call's arguments do not fit the macro, or nothing. Values are not judged here."""
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return ""
    try:
        inspect.signature(macro).bind(*[None] * len(call.args), **{k.key: None for k in call.kwargs})
    except TypeError as exc:
        return str(exc)
    return ""


def _signature(name: str, macro: Callable[..., Any]) -> str:
    """How the macro is called, without type annotations: ``term(name, text=None)``."""
    parts = []
    for p in inspect.signature(macro).parameters.values():
        prefix = "*" if p.kind is p.VAR_POSITIONAL else "**" if p.kind is p.VAR_KEYWORD else ""
        default = "" if p.default is p.empty else f"={p.default!r}"
        parts.append(f"{prefix}{p.name}{default}")
    return f"{name}({', '.join(parts)})"


def _shown(call: nodes.Call) -> str:
    """The call as the author wrote it, near enough: ``term('CSRP')``."""
    parts = [repr(a.value) if isinstance(a, nodes.Const) else "..." for a in call.args]
    parts += [f"{k.key}={k.value.value!r}" if isinstance(k.value, nodes.Const) else f"{k.key}=..." for k in call.kwargs]
    return f"{call.node.name}({', '.join(parts)})"  # type: ignore[attr-defined]


def _column(lines: list[str], line: int, name: str) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text.find(name) + 1 if name in text else 1


def kinds_shown(text: str, macros: Collection[str], variables: Mapping[str, str]) -> set[str] | None:
    """The kinds whose data ``text`` prints through ``variables`` (a variable's name -> its kind), when
    all it does is call ``macros`` (whose reads are noted as they run) and print those variables.
    None when it may show anything: it includes or imports other templates, or names anything else."""
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError:
        return None
    if any(True for _ in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends))):
        return None
    kinds = set()
    for name in meta.find_undeclared_variables(tree):
        if name in variables:
            kinds.add(variables[name])
        elif name not in macros and name not in _NO_DATA:
            return None
    return kinds
