"""budgetqa: ask questions about Chinese government budget disclosures in the terminal."""

__version__ = "0.1.0"
