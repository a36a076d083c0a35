"""The consortium database: models, and opening it (creating or upgrading it with the migrations)."""
from .database import DEFAULT_URL, open_database
from .models import Base, Correction, Document, Event, EventOrganisation, EventPerson, Organisation
from .models import OrganisationAlias, ParticipantCount, Person, User

__all__ = ["DEFAULT_URL", "Base", "Correction", "Document", "Event", "EventOrganisation", "EventPerson",
           "Organisation", "OrganisationAlias", "ParticipantCount", "Person", "User", "open_database"]
