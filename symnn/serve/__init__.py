"""The web service: ``symnn serve`` — practice pages for students and a JSON API for course platforms.

On top, beside the command line. Every answer is checked in a pool of sandboxed worker
processes (the time limit on the work, a memory cap), behind a fair gate (one line per client,
the least-used client first; a check that cannot start in time is a 503, never a verdict) and
per-client rate limits; the guard in front of the routes takes the client from the socket, reads
bodies within a size and a time, adds the security headers and answers every error briefly.
Pages are rendered once, in a thread. The service keeps no state between requests, so several
can run behind a load balancer. Starlette and uvicorn are the ``serve`` extra.

Modules: ``app`` (routes), ``guard`` (the middleware), ``bodies`` (JSON and forms), ``errors``,
``api``, ``pages``, ``rendering`` (the page cache), ``static`` (the pages' script and styles),
``typeset`` (an answer laid out as typed), ``checking`` and ``fair`` (the pool and its gate),
``work`` (what a worker runs), ``limits``, ``metrics``, ``openapi``, ``server`` (uvicorn's settings).
"""
