#!/bin/bash
# Arc conformance inside a private network namespace AND a private mount namespace. Run it as:
#   ip netns exec NS unshare -m --propagation private bash conformance-arc.sh NODE DRIVER JOBS RESULTS
# The tmpfs over /var/opt (the real tokens dir path the SDKs insist on) and /opt (so no agent binary of
# this machine is seen) exist only in that mount namespace; this machine's own folders are never written.
set -euo pipefail
node=$1 driver=$2 jobs=$3 results=$4

if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
  echo "conformance-arc.sh: not in a private mount namespace; refusing" >&2
  exit 97
fi
if [ -n "$(ip -o link show | grep -v ': lo:')" ]; then
  echo "conformance-arc.sh: interfaces other than lo are present; refusing" >&2
  exit 97
fi

mount -t tmpfs -o mode=0755 tmpfs /var/opt
mount -t tmpfs -o mode=0755 tmpfs /opt
mkdir -p /var/opt/azcmagent/tokens
chmod 0750 /var/opt/azcmagent/tokens
exec "$node" "$driver" "$jobs" "$results"
