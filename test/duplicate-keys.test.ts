import { describe, expect, it } from 'vitest';
import { findingsOf, fullText, lintSource } from './helpers/lint';

const OWNER = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
const ANVIL_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

/** An OP deploy config whose second `proxyAdminOwner` (the one every JSON parser keeps) is a public dev key. */
const HIDDEN_OWNER = `{
  "l1ChainID": 1,
  "l2ChainID": 48213,
  "proxyAdminOwner": "${OWNER}",
  "finalSystemOwner": "${OWNER}",
  "batchSenderAddress": "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "proxyAdminOwner": "${ANVIL_5}"
}
`;

const lineOf = (text: string, needle: string, nth = 0) => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  return text.slice(0, index).split('\n').length - 1;
};

describe('duplicate keys', () => {
  it('reports a repeated role on the copy a reviewer reads first, naming the value the chain uses', () => {
    const report = lintSource('deploy-config.json', HIDDEN_OWNER);
    const [finding] = findingsOf(report, 'duplicate-key');
    expect(finding.severity).toBe('error');
    expect(finding.range.start.line).toBe(lineOf(HIDDEN_OWNER, '"proxyAdminOwner"'));
    // Two addresses do not fit one Problems row: the message says the chain gets the last, the detail which and why.
    expect(finding.message).toBe('"proxyAdminOwner" is written twice in this object, and the chain gets the last value.');
    expect(fullText(finding)).toContain("Go's encoding/json, which keeps the last value");
    expect(fullText(finding)).toContain(`The chain gets "${ANVIL_5}", not the "${OWNER}" a reviewer reads first`);
    expect(finding.related).toHaveLength(1);
    expect(finding.related[0].range.start.line).toBe(lineOf(HIDDEN_OWNER, '"proxyAdminOwner"', 1));
    expect(finding.related[0].message).toContain('the value the chain uses');
  });

  it('judges the value the chain uses: the hidden dev key is found', () => {
    const report = lintSource('deploy-config.json', HIDDEN_OWNER);
    const devKeys = findingsOf(report, 'dev-key-authority').filter((f) => f.message.includes('L1 ProxyAdmin owner'));
    expect(devKeys).toHaveLength(1);
    expect(devKeys[0].range.start.line).toBe(lineOf(HIDDEN_OWNER, '"proxyAdminOwner"', 1));
  });

  it('finds repeats in JSON with comments (the tolerant parser) and counts every copy', () => {
    const text = `{
  // three owners, one winner
  "l1ChainID": 1,
  "proxyAdminOwner": "${OWNER}",
  "proxyAdminOwner": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "finalSystemOwner": "${OWNER}",
  "proxyAdminOwner": "${ANVIL_5}",
  "batchSenderAddress": "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
}
`;
    const [finding] = findingsOf(lintSource('deploy-config.jsonc', text), 'duplicate-key');
    expect(finding.message).toMatch(/written 3 times/);
    expect(fullText(finding)).toContain(`The chain gets "${ANVIL_5}"`);
    expect(finding.related.map((r) => r.range.start.line)).toEqual([lineOf(text, '"proxyAdminOwner"', 1), lineOf(text, '"proxyAdminOwner"', 2)]);
  });

  it('finds a repeated parent object on the way to a role', () => {
    const text = `{
  "chain_id": "lumen-1",
  "app_state": {
    "upgrade": { "authority": "cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn" },
    "staking": { "params": { "bond_denom": "ulum", "max_validators": 100 } },
    "upgrade": { "authority": "lumen1qvgkujvq6yknxxh3jazl3f2s2gc6tgjk97nrt9" }
  }
}
`;
    const report = lintSource('genesis.json', text);
    const findings = findingsOf(report, 'duplicate-key');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"upgrade" is written twice');
    expect(fullText(findings[0])).toContain('the node reads the genesis');
  });

  it('names both values in one Problems row when they fit, and why the chain takes the last in the detail', () => {
    const text = HIDDEN_OWNER.replace('"l2ChainID": 48213,', '"l2ChainID": 48213,\n  "sequencerWindowSize": 3600,\n  "sequencerWindowSize": 14400,');
    const [finding] = findingsOf(lintSource('deploy-config.json', text), 'duplicate-key').filter((f) => f.message.includes('sequencerWindowSize'));
    expect(finding.message).toBe('"sequencerWindowSize" is written twice in this object: the chain gets 14400, not the 3600 a reviewer reads first.');
    expect(finding.detail).toBe("The chain gets the last because op-deployer and op-node read it with Go's encoding/json, which keeps the last value. Delete all but the one you mean.");
  });

  it('leaves repeats that hold no authority to the parsers', () => {
    const text = HIDDEN_OWNER.replace(`"proxyAdminOwner": "${ANVIL_5}"`, `"proxyAdminOwner": "${OWNER}",\n  "gasPriceOracleScalar": 1,\n  "gasPriceOracleScalar": 2`).replace(/"proxyAdminOwner": "0x1d5B[^"]+",\n  "finalSystemOwner"/, '"finalSystemOwner"');
    expect(findingsOf(lintSource('deploy-config.json', text), 'duplicate-key')).toEqual([]);
  });

  it('YAML and TOML reject repeated keys as parse errors', () => {
    expect(findingsOf(lintSource('appchain.yaml', 'appchain:\n  name: a\n  name: b\n'), 'parse-error')).toHaveLength(1);
    expect(findingsOf(lintSource('intent.toml', 'configType = "standard"\nconfigType = "custom"\n'), 'parse-error')).toHaveLength(1);
  });
});
