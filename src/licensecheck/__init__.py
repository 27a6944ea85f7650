"""licensecheck: license compatibility checks for open-weight AI models."""

__version__ = "0.1.0"
SCHEMA_ID = "licensecheck/1"
