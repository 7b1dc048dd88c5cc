"""The data plane: event schema, durable segment log, loader into DuckDB, import, generator."""
