"""The web service: ``symnn serve`` — practice pages for students and a JSON API for course platforms.

On top, beside the command line. Every answer is checked in a pool of sandboxed worker
processes (the time limit, a memory cap), behind a bounded queue and a per-client rate
limit; the service keeps no state between requests, so several can run behind a load
balancer. Starlette and uvicorn are the ``serve`` extra.
"""
