import * as vscode from 'vscode';

/**
 * Red Hat's YAML extension completes and documents `appchain.yaml` and `.chokepoint.yaml` from the
 * JSON Schemas package.json contributes (`yamlValidation`). While it is installed the language
 * server leaves completion and key hovers in YAML to it (`initializationOptions.yamlSchemaAssist`),
 * so no item shows twice.
 */
export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

export function hasYamlExtension(): boolean {
  return vscode.extensions.getExtension(YAML_EXTENSION_ID) !== undefined;
}

/** Calls `restart` when the YAML extension is installed, enabled, disabled or removed, so the server's choice follows it. */
export function followYamlExtension(restart: () => void): vscode.Disposable {
  let present = hasYamlExtension();
  return vscode.extensions.onDidChange(() => {
    if (hasYamlExtension() === present) return;
    present = !present;
    restart();
  });
}
