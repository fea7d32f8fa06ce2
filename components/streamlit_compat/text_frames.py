"""A websocket text frame closes the connection instead of raising in Streamlit's endpoint.

Streamlit's browser client sends only binary frames (protobuf BackMsgs), and its websocket
endpoint reads each message with ``receive_bytes()``, which raises ``KeyError: 'bytes'`` on a text
frame: any client could fill the log with tracebacks. This ASGI middleware answers a text frame
on the stream as an unsupported message (close code 1003) and tells the endpoint the client left,
which it handles as any disconnect.
"""

from __future__ import annotations

from components.streamlit_compat import Shim

STREAM_PATH = "/_stcore/stream"
UNSUPPORTED_DATA = 1003  # RFC 6455: a kind of message the endpoint cannot accept

SHIM = Shim("text-frame-close", "1.67.0",
            why="Streamlit's websocket endpoint raises KeyError (a traceback in the log) on a "
                "text frame from any client.",
            remove_when="Streamlit's endpoint reads frames with receive() and ignores or closes "
                        "on text (starlette_websocket._websocket_endpoint).")
SHIMS = (SHIM,)


class TextFramesClose:
    """Close the stream's websocket on a text frame, before Streamlit's endpoint reads it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket" or not scope.get("path", "").endswith(STREAM_PATH) \
                or not SHIM.active:
            await self.app(scope, receive, send)
            return

        async def binary_only():
            message = await receive()
            if message["type"] == "websocket.receive" and message.get("bytes") is None:
                await send({"type": "websocket.close", "code": UNSUPPORTED_DATA,
                            "reason": "binary frames only"})
                return {"type": "websocket.disconnect", "code": UNSUPPORTED_DATA}
            return message

        await self.app(scope, binary_only, send)
