"""One approve/reject flow for everything an admin reviews (campaigns now, creatives next)."""
