"""The deploy files as a public front (issue 33, low findings): versions pinned, not :latest;
resource limits, no capabilities, no new privileges in compose; the pod meets the "restricted"
Pod Security profile, has a startupProbe and a PodDisruptionBudget; the ingress serves TLS with
limits. (hadolint and checkov check the same files in `make lint`.)"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"


def k8s_objects() -> list[dict]:
    return [doc for path in sorted(K8S.glob("*.yaml"))
            for doc in yaml.safe_load_all(path.read_text()) if doc]


def of_kind(kind: str) -> list[dict]:
    return [doc for doc in k8s_objects() if doc["kind"] == kind]


def pinned(image: str) -> bool:
    name, _, tag = image.rpartition(":") if "@" not in image else (image, "", "digest")
    return bool(name) and tag not in ("", "latest") and "${" not in tag.split("-")[0]


def test_compose_pins_versions_limits_resources_and_drops_privileges():
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    for name, service in services.items():
        image = service["image"]
        assert not image.endswith(":latest") and ":" in image, (name, image)
        assert service.get("cap_drop") == ["ALL"], name
        assert "no-new-privileges:true" in service.get("security_opt", []), name
        limits = service["deploy"]["resources"]["limits"]
        assert limits.get("memory") and limits.get("cpus"), name
    assert re.fullmatch(r"haproxy:\d+\.\d+\.\d+", services["proxy"]["image"])
    assert services["proxy"].get("read_only") is True
    assert "STREAMLIT_SERVER_ALLOWED_HOSTS" in services["app"]["environment"]


def test_the_dockerfile_names_an_exact_base_and_a_numeric_user():
    text = (ROOT / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)", text, re.M)[1]
    assert re.match(r"python:\d+\.\d+\.\d+-", base), base
    assert re.search(r"^USER \d+$", text, re.M)


def test_the_pod_meets_the_restricted_pod_security_profile():
    (deployment,) = of_kind("Deployment")
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    for container in pod["containers"] + pod.get("initContainers", []):
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False, container["name"]
        assert context["capabilities"]["drop"] == ["ALL"], container["name"]
        assert context["readOnlyRootFilesystem"] is True, container["name"]
        assert not container["image"].endswith(":latest") and ":" in container["image"]
        assert container["resources"]["limits"]["memory"], container["name"]
    (namespace,) = of_kind("Namespace")
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    assert all(doc["metadata"].get("namespace") == namespace["metadata"]["name"]
               for doc in k8s_objects() if doc["kind"] != "Namespace")


def test_the_pod_has_a_startup_probe_and_a_disruption_budget():
    (deployment,) = of_kind("Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["startupProbe"]["httpGet"]["path"] == "/_stcore/health"
    (budget,) = of_kind("PodDisruptionBudget")
    assert budget["spec"]["selector"] == deployment["spec"]["selector"]
    assert budget["spec"].get("maxUnavailable") == 1 or budget["spec"].get("minAvailable")


def test_the_ingress_serves_tls_with_limits_and_a_secure_cookie():
    (ingress,) = of_kind("Ingress")
    notes = ingress["metadata"]["annotations"]
    assert ingress["spec"]["tls"]
    assert notes["nginx.ingress.kubernetes.io/force-ssl-redirect"] == "true"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-secure"] == "true"
    assert int(notes["nginx.ingress.kubernetes.io/limit-rps"]) > 0
    assert int(notes["nginx.ingress.kubernetes.io/limit-connections"]) > 0


def test_the_proxy_config_limits_clients_and_closes_metrics():
    text = (ROOT / "deploy" / "haproxy" / "haproxy.cfg").read_text()
    assert "stick-table" in text and "track-sc0 src" in text
    assert re.search(r"return status 429 .*sc_http_req_rate", text)
    assert re.search(r"return status 429 .*sc_conn_cur", text)
    assert re.search(r"status 40[34] .*_stcore/metrics", text)
    assert re.search(r"cookie SERVERID .*\bsecure\b", text)
    assert re.search(r"bind .* ssl crt ", text)
