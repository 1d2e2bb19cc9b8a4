"""The REST API's routers for the domain; `protocol/api.py` assembles them under /api/v1/."""
