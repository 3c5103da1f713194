# azure-identity (Python) ManagedIdentityCredential, as an application would use it. argv[1]: JSON
# {"mode": "vm" | "arc", "selector": {"client_id" | "object_id" | "resource_id": ...}}. Prints one JSON line.
import json
import os
import socket
import sys
import time

LOOPBACK = ("127.", "localhost", "::1")


def loopback(host):
    return isinstance(host, str) and host.startswith(LOOPBACK)


def guard(mode):
    """Refuses to run where a real metadata service could answer, and blocks every non-loopback connect."""
    for name in ("MSI_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT", "AZURE_FEDERATED_TOKEN_FILE"):
        if name in os.environ:
            raise RuntimeError("refusing to run: %s set" % name)
    from urllib.parse import urlparse

    if mode == "vm":
        if not loopback(urlparse(os.environ.get("AZURE_POD_IDENTITY_AUTHORITY_HOST", "")).hostname):
            raise RuntimeError("refusing to run: AZURE_POD_IDENTITY_AUTHORITY_HOST is not a loopback URL")
        if "IDENTITY_ENDPOINT" in os.environ or os.path.exists("/opt/azcmagent/bin/himds"):
            raise RuntimeError("refusing to run: an Arc signal is present in VM mode")
    elif [name for _, name in socket.if_nameindex() if name != "lo"]:
        raise RuntimeError("refusing to run: Arc mode needs a network namespace with only lo")
    original = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else "localhost"
        if not loopback(host):
            raise RuntimeError("conformance guard: refusing to connect to %s" % host)
        return original(self, address)

    socket.socket.connect = connect


def claims(token):
    import base64

    try:
        part = token.split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        return {"appid": str(payload.get("appid", "")), "oid": str(payload.get("oid", ""))}
    except Exception:  # not a JWT
        return None


def main():
    spec = json.loads(sys.argv[1] if len(sys.argv) > 1 else "{}")
    started = time.time()
    elapsed = lambda: int((time.time() - started) * 1000)
    try:
        guard(spec.get("mode"))
        from azure.identity import ManagedIdentityCredential

        selector = spec.get("selector") or {}
        kwargs = {}
        if "client_id" in selector:
            kwargs["client_id"] = selector["client_id"]
        elif "object_id" in selector:
            kwargs["identity_config"] = {"object_id": selector["object_id"]}
        elif "resource_id" in selector:
            kwargs["identity_config"] = {"msi_res_id": selector["resource_id"]}
        token = ManagedIdentityCredential(**kwargs).get_token("https://management.azure.com/.default")
        outcome = {"kind": "token", "ms": elapsed(), "claims": claims(token.token)}
    except Exception as err:  # the outcome is the point, whatever it is
        outcome = {
            "kind": "error",
            "ms": elapsed(),
            "name": type(err).__name__,
            "code": "",
            "causeName": "",
            "message": str(err)[:600],
        }
    print(json.dumps(outcome))


main()
