"""Billing: spend from the event store posted to the wallets, once per campaign and hour."""
