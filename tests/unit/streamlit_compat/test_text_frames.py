"""A text frame on Streamlit's stream closes it (1003) and reaches the endpoint as the client
leaving; binary frames, other paths and HTTP pass through untouched."""

import asyncio

from components.streamlit_compat.text_frames import TextFramesClose


def run(path: str, messages: list[dict], kind: str = "websocket") -> tuple[list, list]:
    """The messages the endpoint received and those sent to the client."""
    received, sent = [], []
    queue = list(messages)

    async def endpoint(scope, receive, send):
        while queue:
            message = await receive()
            received.append(message)
            if message["type"] == "websocket.disconnect":
                return

    async def receive():
        return queue.pop(0)

    async def send(message):
        sent.append(message)

    asyncio.run(TextFramesClose(endpoint)({"type": kind, "path": path}, receive, send))
    return received, sent


BINARY = {"type": "websocket.receive", "bytes": b"\x08\x01"}
TEXT = {"type": "websocket.receive", "text": "hello"}


def test_a_text_frame_closes_the_stream_and_the_endpoint_sees_a_disconnect():
    received, sent = run("/_stcore/stream", [BINARY, TEXT, BINARY])
    assert received == [BINARY, {"type": "websocket.disconnect", "code": 1003}]
    assert sent == [{"type": "websocket.close", "code": 1003, "reason": "binary frames only"}]


def test_binary_frames_and_other_paths_pass_through():
    assert run("/_stcore/stream", [BINARY, BINARY]) == ([BINARY, BINARY], [])
    assert run("/other", [TEXT]) == ([TEXT], [])
    assert run("/app/_stcore/stream", [TEXT])[0][-1]["type"] == "websocket.disconnect"
