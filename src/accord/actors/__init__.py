"""Actor resolution: dictionaries and resolver."""
