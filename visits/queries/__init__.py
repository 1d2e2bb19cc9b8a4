"""Reads for pages and exports; every one starts from the visibility door."""
