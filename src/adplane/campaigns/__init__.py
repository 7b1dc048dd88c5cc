"""The campaign: lifecycle, state derivation, targeting, budgets, spot prices, bulk actions."""
