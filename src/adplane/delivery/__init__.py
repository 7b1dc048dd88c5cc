"""The delivery plane: an OpenRTB 2.6 bidder, tracking and the exchange simulator.

Nothing here reads a table. The snapshot is built through the services (``snapshot``), kept
current by change notices (``changes``), and every request is answered from memory:

- ``model``: the shapes the modules hand each other (features, impressions, snapshot entries);
- ``openrtb``: msgspec structs of the OpenRTB 2.6 request and response, Native 1.2 included;
- ``features``: a bid request -> canonical catalogue codes (geo, device, user agent, traffic);
- ``snapshot`` and ``index``: runnable campaigns in memory, pyroaring inverted indexes;
- ``matching``: the candidates (campaign, creative, price) for one impression;
- ``guard``: budget reservations, caps, pacing and frequency, settled at the notices;
- ``markup`` and ``tracking``: the ``adm``, and HMAC-signed expiring tracking URLs;
- ``bidder``: one auction, from request to response;
- ``endpoints``: the Starlette routes (bid, notices, pixels, clicks, postbacks);
- ``changes``: control-plane change notices, in-process and PostgreSQL LISTEN/NOTIFY;
- ``runtime``: what the app's lifespan starts and stops;
- ``simulate``: ``adplane simulate``, an exchange driving real bid requests at a server.
"""
