"""The jobs plane: periodic work (rule evaluation, campaign state sweeps)."""
