"""项目支出绩效目标表: project facts, funds, goals and indicators."""
def first_sheet(lines):
    return len(lines)
def parse_sheets(lines):
    return []
