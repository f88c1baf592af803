"""A finding of the consistency check, and the one rule that tells a rounding gap (尾数差) from a
contradiction (矛盾). The check (budgetqa.checks) and every answer that checks a figure use it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.models import Fact
from budgetqa.textnorm import compact

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


# A stated share agrees with its figures when it is within this of the share they give (rounded to 0.01).
SHARE_TOLERANCE = Decimal("0.011")


def share_operands(share: Fact, facts: list[Fact]) -> tuple[Fact, Fact] | None:
    """The amounts a stated share is of: its subject (the last amount of that name before it in its section) and
    its whole (the amount it names, 占本年支出合计的99.86%; else the section's first amount)."""
    amounts = [a for a in facts if a.section == share.section and a.kind == "amount"]
    subject = next((a for a in reversed(amounts) if a.label == share.subject and a.line <= share.line), None)
    base = amounts[0] if amounts else None
    if share.basis:  # "占本年支出合计的 99.86%": the whole is named (占总收入的: a total the section opens with)
        # (占本年财政拨款的: the section's opening amount when its name holds the whole's, 2021年财政拨款支出预算)
        core = re.sub(r"^(?:本年|当年|今年|全年)", "", share.basis)
        opened = base is not None and len(core) >= 2 and core in compact(base.label)
        base = next((a for a in facts if a.kind == "amount" and compact(a.label) == share.basis),
                    base if re.search(r"总|合计", share.basis) or opened else None)
    if subject is None or base is None or subject is base or base.value == 0:
        return None
    return subject, base


@dataclass
class FindingGroup:
    """One gap seen in one or more places: the same two figures, the same kind of gap, each place once."""

    severity: str
    stated: Decimal
    computed: Decimal
    unit: str
    places: list[Finding] = field(default_factory=list)

    @property
    def difference(self) -> Decimal:
        """stated - computed."""
        return self.stated - self.computed

    @property
    def lines(self) -> list[int]:
        """Every line of every place, in order, once."""
        return sorted({n for place in self.places for n in place.lines})

    def describe(self) -> str:
        """A line a person reads: the gap once, then where it is seen."""
        head = (f"[{SEVERITY_LABEL[self.severity]}] 印 {self.stated}{self.unit}, 算得 {self.computed}{self.unit}, "
                f"差 {self.difference:+}{self.unit}")
        if len(self.places) == 1:
            return f"{head}: {self.places[0].subject}（行 {', '.join(map(str, self.lines))}）"
        where = "；".join(f"{p.subject}（行 {', '.join(map(str, sorted(set(p.lines))))}）" for p in self.places)
        return f"{head}，见于 {len(self.places)} 处: {where}"


def group_findings(findings: list[Finding]) -> list[FindingGroup]:
    """Findings that report the same gap (same severity, the same two figures, the same unit) as one
    group listing its places, in the order first seen: a total that is 0.01 off shows in every table
    that prints it, and is one thing to fix."""
    groups: dict[tuple, FindingGroup] = {}
    for finding in findings:
        key = (finding.severity, finding.stated, finding.computed, finding.unit)
        group = groups.get(key)
        if group is None:
            group = groups[key] = FindingGroup(finding.severity, finding.stated, finding.computed, finding.unit)
        group.places.append(finding)
    return list(groups.values())


def count_line(groups: list[FindingGroup]) -> str:
    """'4 处不一致（1 处矛盾，3 处尾数差），见于 18 处': gaps counted once, however many places show them."""
    contradictions = sum(1 for g in groups if g.severity == "contradiction")
    places = sum(len(g.places) for g in groups)
    seen = f"，见于 {places} 处" if places > len(groups) else ""
    return f"{len(groups)} 处不一致（{contradictions} 处矛盾，{len(groups) - contradictions} 处尾数差）{seen}"


def finding_from_row(row) -> Finding:
    """A Finding read back from a row of the ``findings`` table (a mapping of its columns)."""
    return Finding(
        severity=row["severity"], kind=row["kind"], subject=row["subject"],
        stated=Decimal(row["stated"]), computed=Decimal(row["computed"]), unit=row["unit"] or "",
        lines=[int(n) for n in str(row["lines"] or "").split(",") if n.strip().isdigit()],
        detail=row["detail"] or "",
    )
