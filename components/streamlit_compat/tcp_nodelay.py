"""Responses leave the server at once: TCP_NODELAY on the socket the app listens on.

Streamlit 1.67 binds its listening socket itself (``socket.socket(family=...)``, protocol number
0) and hands it to uvicorn. asyncio disables Nagle's algorithm only on sockets whose protocol
number reads ``IPPROTO_TCP``, so every connection the app accepted kept it. A response goes out
as two writes (headers, then body); on a connection the browser keeps alive, the body then waited
for the ACK of the headers, which the browser delays by 40 ms. A page's 90 front-end files came
six at a time, 44 ms each, and the websocket's small messages were held back the same way.

Linux copies TCP_NODELAY from a listening socket to each connection it accepts, so setting it
once on the listening socket is enough. The app module runs this when uvicorn imports it, after
Streamlit has bound the socket and before the first connection is accepted.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

from components.streamlit_compat import Shim

log = logging.getLogger(__name__)
SHIMS = (NO_DELAY := Shim(
    "tcp-nodelay", "1.67.0",
    why="Streamlit binds its listening socket with protocol number 0, so asyncio leaves "
        "Nagle's algorithm on and every answer on a kept-alive connection waited 40 ms for the "
        "browser's delayed ACK (a page's 90 front-end files came six at a time, 44 ms each).",
    remove_when="Streamlit creates its socket with IPPROTO_TCP, or sets TCP_NODELAY itself."),)
OPEN_FILES = Path("/proc/self/fd")  # Linux; elsewhere nothing is changed


def listening_tcp(sock: socket.socket) -> bool:
    return (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
            and bool(sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)))


def set_on_listening_sockets(open_files: Path = OPEN_FILES) -> int:
    """Turn Nagle's algorithm off on every TCP socket this process listens on; how many."""
    if not NO_DELAY.active:
        return 0
    try:
        descriptors = [int(name) for name in os.listdir(open_files)]
    except OSError:
        return 0
    changed = 0
    for descriptor in descriptors:
        try:
            # A duplicate descriptor: the socket is the same, and closing the copy leaves the
            # server's own descriptor open.
            duplicate = os.dup(descriptor)
        except OSError:  # closed since the listing (the listing's own descriptor, for one)
            continue
        try:
            sock = socket.socket(fileno=duplicate)
        except OSError:  # not a socket
            os.close(duplicate)
            continue
        with sock:
            try:
                if listening_tcp(sock):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    changed += 1
            except OSError:
                log.debug("could not set TCP_NODELAY on descriptor %s", descriptor, exc_info=True)
    return changed
