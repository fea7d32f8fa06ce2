"""The one HAProxy config (deploy/haproxy/haproxy.cfg) is valid as compose uses it and as the
scale test fills it in for loopback replicas."""

from __future__ import annotations

import subprocess

import pytest

from tools import scale_test


def haproxy_check(config_text: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    """``haproxy -c``: parses the config and checks it, binds nothing."""
    path = tmp_path / "haproxy.cfg"
    path.write_text(config_text)
    return subprocess.run([scale_test.HAPROXY, "-c", "-f", str(path)], capture_output=True,
                          text=True, timeout=30, env=env)


def test_the_compose_config_is_valid_for_haproxy(tmp_path) -> None:
    checked = haproxy_check(scale_test.CONFIG_TEMPLATE.read_text(), tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_loopback_config_names_each_replica_by_its_own_cookie(tmp_path) -> None:
    text = scale_test.loopback_config(scale_test.CONFIG_TEMPLATE.read_text(),
                                      {"r1": "http://127.0.0.1:8601", "r2": "http://127.0.0.1:8602"})
    assert "server r1 127.0.0.1:8601 cookie r1" in text
    assert "server r2 127.0.0.1:8602 cookie r2" in text
    assert not any(line.strip().startswith("server-template") for line in text.splitlines())
    checked = haproxy_check(text, tmp_path, HAPROXY_BIND="127.0.0.1:18080")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_config_with_no_server_template_to_fill_in_is_refused() -> None:
    with pytest.raises(ValueError, match="server-template"):
        scale_test.loopback_config("backend streamlit\n    balance leastconn\n",
                                   {"r1": "http://127.0.0.1:8601"})


def test_the_proxy_version_names_haproxy() -> None:
    assert scale_test.proxy_version().startswith("HAProxy 2.")
