#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit + integration tests, the production build, then e2e in
# Chromium. Everything runs inside a private D-Bus session with an unlocked gnome-keyring, so
# tests of the OS keychain use the real one, the same way here and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CLOUDID_IN_KEYRING_SESSION:-}" ]; then
  export CLOUDID_IN_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi

# A throwaway keyring: its own data dir, unlocked with a throwaway password.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data"
mkdir -p "$XDG_DATA_HOME"
eval "$(printf 'cloudid-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

run() { echo; echo "== $*"; "$@"; }
run npm run typecheck
run npm run lint
run npm run format:check   # Prettier, over the whole tree
run npm run knip           # no unused files, exports or dependencies
run npx vitest run
run npm run build
run npx vitest run --config vitest.shell.config.ts   # the built main and preload on the Electron fake (docs/shell-tests.md)
run npx playwright test
