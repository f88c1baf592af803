"""Narrative."""
def parse(lines, doc):
    return [], []
