"""Running the service under uvicorn with safe defaults.

- The client's address is the socket's: uvicorn's proxy headers are off, and X-Forwarded-For is
  believed only from the proxies given to ``--forwarded-allow-ips`` (``guard.client_address``).
- A connection must send a whole request head within ``HEADER_TIMEOUT`` seconds (uvicorn's h11
  protocol waits for ever otherwise); bodies have ``guard.BODY_TIMEOUT``; an idle keep-alive
  connection is closed after ``KEEP_ALIVE`` seconds; a head is at most ``MAX_HEAD`` bytes.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
KEEP_ALIVE = 5
MAX_HEAD = 16 * 1024
MAX_CONNECTIONS = 1000


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request head does not arrive in time."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._head_timer = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state == h11.IDLE:       # a head begun and not finished
            self._arm()
        else:
            self._disarm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if self.conn.their_state == h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def run(app, host: str, port: int) -> None:
    import uvicorn
    uvicorn.run(app, host=host, port=port, http=TimedH11Protocol, proxy_headers=False, access_log=False,
                log_level="warning", timeout_keep_alive=KEEP_ALIVE, h11_max_incomplete_event_size=MAX_HEAD,
                limit_concurrency=MAX_CONNECTIONS)
