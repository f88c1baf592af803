"""A finding of the consistency check, and the one rule that tells a rounding gap (尾数差) from a
contradiction (矛盾). The check (budgetqa.checks) and every answer that checks a figure use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ROUNDING = "rounding"
CONTRADICTION = "contradiction"
SEVERITY_LABEL = {ROUNDING: "尾数差", CONTRADICTION: "矛盾"}


@dataclass
class Finding:
    """One disagreement in the document: what was compared, both figures, and where."""

    severity: str
    kind: str
    subject: str
    stated: Decimal
    computed: Decimal
    unit: str
    lines: list[int] = field(default_factory=list)
    detail: str = ""

    @property
    def difference(self) -> Decimal:
        """stated - computed."""
        return self.stated - self.computed

    def describe(self) -> str:
        """One line a person reads: what, both figures, the gap and its kind."""
        lines = ", ".join(str(n) for n in sorted(set(self.lines)))
        return (
            f"[{SEVERITY_LABEL[self.severity]}] {self.subject}: 印 {self.stated}{self.unit}, "
            f"算得 {self.computed}{self.unit}, 差 {self.difference:+}{self.unit}（行 {lines}）"
        )


def _quantum(*values: Decimal) -> Decimal:
    exp = min((v.as_tuple().exponent for v in values if isinstance(v.as_tuple().exponent, int)), default=0)
    return Decimal(1).scaleb(min(exp, 0))


def judge(stated: Decimal, parts: list[Decimal]) -> str | None:
    """The one rule for a printed total against its parts: None when they agree, ROUNDING when the
    gap is within what rounding the printed figures allows (half a unit of their last decimal for
    each figure involved), CONTRADICTION otherwise. `budgetqa check` and every answer use it."""
    computed = sum(parts, Decimal(0))
    if stated == computed:
        return None
    q = _quantum(stated, *parts)
    allowed = q * (len(parts) + 1) / 2
    return ROUNDING if abs(stated - computed) <= allowed else CONTRADICTION
