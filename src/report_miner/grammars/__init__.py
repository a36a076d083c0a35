"""Declarative patterns (word lists, regular expressions, spaCy Matcher patterns) read by the extractors."""
