"""The consortium database: models, and opening it (creating or upgrading it with the migrations)."""
from .database import DEFAULT_URL, open_database
from .models import Base, Document, Event, EventOrganisation, EventPerson, Organisation, OrganisationAlias
from .models import ParticipantCount, Person

__all__ = ["DEFAULT_URL", "Base", "Document", "Event", "EventOrganisation", "EventPerson", "Organisation",
           "OrganisationAlias", "ParticipantCount", "Person", "open_database"]
