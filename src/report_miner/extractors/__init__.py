"""Extractors: each finds one kind of value over a whole analysed text (``nlp.parse``).

Every extractor takes the shared spaCy ``Doc`` and returns values with their evidence
(character offsets into ``doc.text``); the ``events`` step decides which event each value
belongs to from those offsets. Patterns live in ``report_miner.grammars``, apart from the code
that applies them.
"""
