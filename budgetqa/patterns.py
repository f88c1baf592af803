"""Regular expressions compiled when first used.

The question reader and the answer modules hold some 550 patterns at module level. Compiling them all when
`budgetqa ask` starts cost about a third of the command's run time, while one question uses only part of them.
`compile` returns a pattern that compiles itself the first time one of its attributes is read and then puts the
compiled pattern's methods on itself, so later calls cost what a compiled pattern's calls cost.

A lazy pattern answers every attribute of `re.Pattern` (`search`, `sub`, `pattern`, `groups`, …); it is not a
`re.Pattern` instance, so pass it to no `re.*` function: call its own methods. A match's `.re` is the compiled
pattern, never the lazy one: tell which pattern found a match by keeping the matches apart, not by `m.re is P`.
"""
from __future__ import annotations

import re

# what a compiled pattern's attributes are copied for; any other attribute is looked up on it on each use
_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags",
           "groups", "groupindex")


class LazyPattern:
    """A regular expression compiled on first use (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # reached only for names not yet on the instance: the first use, or an attribute not in _COPIED
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(*self._source)
            self.__dict__["_compiled"] = compiled
            for attr in _COPIED:
                self.__dict__[attr] = getattr(compiled, attr)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


_MADE: list[LazyPattern] = []


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - the name says it stands for re.compile
    """A pattern compiled when first used; a wrong pattern raises `re.error` then, not here (a test compiles every
    pattern made, so a wrong one fails the tests, not a user's question)."""
    made = LazyPattern(pattern, flags)
    _MADE.append(made)
    return made


class Rewrites:
    """Substitutions applied in order, as (pattern, replacement) pairs, with one pattern of them all that tells
    whether any can apply: a text none of them matches is returned after one search instead of one per pair.
    Exact, because a pattern that matches nothing leaves the text as it was, so it cannot make a later one match.
    The patterns may hold groups for their own replacements but no backreferences (their numbers would shift
    in the pattern of them all). ``needs``: a pattern every one of them needs to match somewhere (English words
    need a Latin letter), searched first because it is quicker than the pattern of them all."""

    def __init__(self, pairs, needs: str = "") -> None:
        self.pairs = tuple((compile(p), r) for p, r in pairs)
        sources = [p._source for p, _ in self.pairs]
        if any(flags or re.search(r"\\[1-9]|\(\?P=", source) for source, flags in sources):
            raise ValueError("a pattern of Rewrites holds a backreference or flags of its own")
        self.any = compile("|".join(f"(?:{source})" for source, _ in sources))
        self.needs = compile(needs) if needs else None

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def apply(self, text: str) -> str:
        """The text with every pair's substitution made, in order."""
        if (self.needs is not None and self.needs.search(text) is None) or self.any.search(text) is None:
            return text
        for pattern, replacement in self.pairs:
            text = pattern.sub(replacement, text)
        return text


def made() -> tuple[LazyPattern, ...]:
    """Every lazy pattern made so far, in the order the modules made them."""
    return tuple(_MADE)


def compile_all() -> None:
    """Compile every pattern made so far: the app does it in the background while it starts, so that no
    question of a long session waits for a pattern it is the first to use."""
    for made in _MADE:
        getattr(made, "pattern")  # (reading any attribute compiles it)
