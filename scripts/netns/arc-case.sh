#!/bin/bash
# One Arc case inside a private network namespace AND a private mount namespace. Run it as:
#   ip netns exec NS unshare -m --propagation private bash scripts/netns/arc-case.sh OUT_DIR
# The tmpfs mounts over /var/opt and /opt and the /etc/group bind mount exist only in that mount namespace;
# the real folders of this machine are never written. Settings come from the environment:
#   CASE_SCENARIO   emulator scenario, or "down" for nothing listening on 40342
#   CASE_SIGNAL     env (IDENTITY_ENDPOINT + IMDS_ENDPOINT) | marker (/opt/azcmagent/bin/himds only)
#   CASE_USER       root | nobody (nobody is not in the himds group)
#   CASE_NODE, CASE_CLI  the node binary and the CLI bundle
# Writes OUT_DIR/{stdout,stderr,exit,tap.log,emulator.log}.
set -euo pipefail
out=$1
repo=$(cd "$(dirname "$0")/../.." && pwd)
tokens=/var/opt/azcmagent/tokens

# Refuse to run in the machine's own mount namespace: the mounts below must stay private.
if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
  echo "arc-case.sh: not in a private mount namespace; refusing" >&2
  exit 97
fi

mount -t tmpfs -o mode=0755 tmpfs /var/opt
mount -t tmpfs -o mode=0755 tmpfs /opt
# A himds group that exists only here: a private copy of /etc/group bound over the real one.
cp /etc/group "$out/group"
echo "himds:x:64999:" >>"$out/group"
mount --bind "$out/group" /etc/group
mkdir -p "$tokens"
chown root:himds "$tokens"
chmod 0750 "$tokens"
if [ "$CASE_SIGNAL" = marker ]; then
  mkdir -p /opt/azcmagent/bin
  printf '#!/bin/sh\nexit 0\n' >/opt/azcmagent/bin/himds
  chmod 0755 /opt/azcmagent/bin/himds
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # file pattern
  for _ in $(seq 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "arc-case.sh: timed out waiting for '$2' in $1" >&2
  cat "$1" >&2 || true
  exit 98
}

if [ "$CASE_SCENARIO" != down ]; then
  # The emulator listens on 40343; a recording forwarder sits on the real HIMDS port 40342 and logs every byte.
  "$CASE_NODE" "$CASE_CLI" emulate --scenario "$CASE_SCENARIO" --mode arc --host 127.0.0.1 --port 40343 \
    --tokens-dir "$tokens" >"$out/emulator.log" 2>&1 &
  pids+=($!)
  "$CASE_NODE" "$repo/scripts/netns/tap.mjs" 127.0.0.1 40342 127.0.0.1 40343 "$out/tap.log" >"$out/tap.out" 2>&1 &
  pids+=($!)
  wait_for "$out/emulator.log" 'listening on'
  wait_for "$out/tap.out" 'listening on'
fi

env_vars=(PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp)
if [ "$CASE_SIGNAL" = env ]; then
  env_vars+=(IDENTITY_ENDPOINT=http://localhost:40342/metadata/identity/oauth2/token IMDS_ENDPOINT=http://localhost:40342)
fi
as_user=()
if [ "$CASE_USER" = nobody ]; then as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi

start=$(date +%s%N)
set +e
"${as_user[@]}" env -i "${env_vars[@]}" "$CASE_NODE" "$CASE_CLI" --json --report "$out/report.json" --junit "$out/junit.xml" \
  >"$out/stdout" 2>"$out/stderr"
echo $? >"$out/exit"
set -e
echo $((($(date +%s%N) - start) / 1000000)) >"$out/ms"
