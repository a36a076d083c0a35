"""Learned components of report_miner (small scikit-learn models shipped under ``models/``)."""
