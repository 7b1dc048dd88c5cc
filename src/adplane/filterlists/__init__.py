"""Filter lists: named lists of domains, apps, IPs ... and the campaigns that use them."""
