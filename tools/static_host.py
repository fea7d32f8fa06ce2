"""A static web host on loopback, as a CDN would serve ``make export``'s folder: each file's
``.gz`` twin when the browser accepts gzip (nginx's ``gzip_static on``).

Used by the browser tests (the news site and the static host of the embeds) and ``make bench``.
``python -m tools.static_host DIR [PORT]`` serves a folder by hand.
"""

from __future__ import annotations

import functools
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class GzipStaticHandler(http.server.SimpleHTTPRequestHandler):
    """Files from a folder; ``name.gz`` instead of ``name`` when the request accepts gzip."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".webp": "image/webp", ".csv": "text/csv"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        packed = path.with_name(path.name + ".gz")
        if (path.is_file() and packed.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = packed.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format, *args):  # quiet: tests and bench print their own
        pass


@contextmanager
def serving(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 while the block runs; yields the base URL."""
    handler = functools.partial(GzipStaticHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    with serving(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0) as url:
        print(f"serving {sys.argv[1]} at {url}", flush=True)
        threading.Event().wait()
