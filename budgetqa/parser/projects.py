"""Projects."""
def projects_from_tables(tables):
    return []
