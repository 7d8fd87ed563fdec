#!/usr/bin/env bash
# The whole test suite in one command, on a fresh Debian 12 machine with Node >= 20.19:
# installs what the tests need (Chromium and a Japanese font from Debian, the npm packages from
# the lockfile), then checks the rules, types, lint and formatting, runs the unit tests and the
# browser tests. Stops at the first failure with a non-zero exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
unset TEIJU_PARTIAL # partial rule sets are for authors at work, never for the test command
export CI="${CI:-1}" # Playwright: start a fresh preview server, forbid test.only

step() { printf '\n\033[1m── %s\033[0m\n' "$*"; }
started=$SECONDS

step "Node"
node_version=$(node --version 2>/dev/null || true)
case "$node_version" in
  v2[0-9].* | v[3-9][0-9].*) echo "node $node_version, npm $(npm --version)" ;;
  *)
    echo "Node.js >= 20.19 is needed (found: ${node_version:-none}); install it from nodejs.org or your distribution" >&2
    exit 1
    ;;
esac

step "System packages (Chromium, Japanese font)"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
installed fonts-ipafont-gothic || missing+=(fonts-ipafont-gothic)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "chromium and fonts-ipafont-gothic already installed"
fi

step "npm ci"
npm ci --no-audit --no-fund

step "Rules (npm run rules)"
npm run rules

step "Types (npm run typecheck)"
npm run typecheck

step "Lint (npm run lint)"
npm run lint

step "Formatting (npm run format:check)"
npm run format:check

step "Unit tests (vitest)"
npm test

step "Engine totality: 100,000 random screenings (npm run fuzz)"
npm run fuzz

step "Bundle size within budget (npm run test:size)"
npm run test:size

if [ -d e2e ] && find e2e -name '*.spec.ts' | grep -q .; then
  step "Browser tests (playwright)"
  npx playwright test
else
  step "Browser tests: no specs in e2e/, skipped"
fi

printf '\n\033[1mAll checks passed in %ss.\033[0m\n' "$((SECONDS - started))"
