"""The app's listening socket gets TCP_NODELAY, and every connection it accepts inherits it."""

import socket

from components.streamlit_compat.tcp_nodelay import set_on_listening_sockets


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_a_socket_bound_as_streamlit_binds_it_hands_nodelay_to_its_connections():
    # As Streamlit 1.67 binds it: protocol number 0, which asyncio does not take for TCP.
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert listener.proto == 0 and nodelay(listener) == 0
        assert set_on_listening_sockets() >= 1
        assert nodelay(listener) == 1
        with socket.create_connection(listener.getsockname()) as client:
            accepted, _ = listener.accept()
            with accepted:
                assert nodelay(accepted) == 1
            assert nodelay(client) == 0  # only sockets that listen are changed


def test_the_servers_own_descriptors_stay_open():
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        set_on_listening_sockets()
        listener.getsockname()  # raises if the descriptor had been closed
        with socket.create_connection(listener.getsockname()):
            listener.accept()[0].close()


def test_without_a_list_of_open_files_nothing_changes(tmp_path):
    assert set_on_listening_sockets(tmp_path / "missing") == 0
