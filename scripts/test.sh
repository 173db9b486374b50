#!/usr/bin/env bash
# `npm test`: install what the tests need (Debian packages, the pinned Node, npm dependencies),
# build, run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh --test
# sourced: vitest and everything it spawns run on the project's Node (ensure-node.sh)
source scripts/ensure-node.sh
mkdir -p var
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json=var/test-results.json "$@"
rc=$?
set -e
# A closing line any CI log reader understands.
# shellcheck disable=SC2016 # the quoted text is JavaScript, not shell
node -e '
const r = JSON.parse(require("fs").readFileSync("var/test-results.json", "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $rc
