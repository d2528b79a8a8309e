#!/bin/sh
# One-shot init for docker compose: makes sure the auth-service's signing-key directory holds the active key.
# The key is a PKCS#8 RSA private key named <kid>.pem (docs/contracts.md). It is generated once and kept in a
# named volume, so tokens stay valid across restarts; an existing key is never replaced.
# Rotation: put a new <kid>.pem beside the old one and set TASKFLOW_AUTH_KEYS_ACTIVE to the new kid.
set -eu
dir="${KEYS_DIRECTORY:?}"
kid="${KEYS_ACTIVE:?}"
owner="${KEYS_OWNER:-10001:10001}"
if [ ! -s "$dir/$kid.pem" ]; then
  umask 077
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$dir/$kid.pem.tmp"
  mv "$dir/$kid.pem.tmp" "$dir/$kid.pem"
  echo "generated signing key $kid"
else
  echo "signing key $kid already present"
fi
chown -R "$owner" "$dir"
chmod 0500 "$dir"
chmod 0400 "$dir"/*.pem
