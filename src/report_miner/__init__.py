"""report-miner: structured event records from Russian news posts and reports on education events."""
from .records import Count, DocumentRecord, Event, Organisation, Person

__all__ = ["extract", "Count", "DocumentRecord", "Event", "Organisation", "Person"]
__version__ = "0.1.0"


def extract(text: str, doc_id: str = "-") -> DocumentRecord:
    """The event records of one text (see ``report_miner.pipeline``)."""
    from .pipeline import extract_text

    return extract_text(text, doc_id)
