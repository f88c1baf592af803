"""Answers to questions about the loaded reports.

    question ──read──▶ Query (with the conversation's gaps filled) ──execute──▶ Answer

``ask`` lives in ``executor``; the answer model (``Answer``, ``Figure``, ``Session``, ``Source``) in
``model``. The executor and the question reader behind it are imported on first use, so that a front end
can import the model and show its first screen before paying for them (about 0.1 s).
"""

from __future__ import annotations

from budgetqa.answer.model import Answer, Figure, Session, Source

__all__ = ["Answer", "Figure", "Session", "Source", "ask", "ask_doc", "preload"]
_EXECUTOR = {"ask", "ask_doc", "preload", "OPERATIONS"}


def __getattr__(name: str):
    if name in _EXECUTOR:
        from budgetqa.answer import executor

        return getattr(executor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
