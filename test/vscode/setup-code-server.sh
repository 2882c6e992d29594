#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100's server and workbench) into .vscode-test/code-server,
# following ../shared/reference/vscode-web.md: desktop VS Code cannot be downloaded here, so the
# real-VS-Code tests run inside code-server's extension host, driven by Debian's Chromium.
# Idempotent: does nothing when the install is already complete.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="$PWD/.vscode-test/code-server"
MARKER="$DIR/.complete-4.100.3"
[ -f "$MARKER" ] && exit 0

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
rm -rf "$DIR" && mkdir -p "$DIR" && cd "$DIR"
npm init -y >/dev/null
# Its postinstall would download ripgrep from the network: skip scripts and do the steps by hand.
npm install --ignore-scripts --no-save code-server@4.100.3 >/dev/null
npm rebuild argon2 --build-from-source >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts >/dev/null
# node-pty's post-install configure step fails, but its pty.node is built anyway.
npm rebuild kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty >/dev/null 2>&1 || true
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts >/dev/null)
touch "$MARKER"
echo "code-server 4.100.3 installed in $DIR"
