import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeFunctionData, getAddress, zeroAddress, type Address, type Hex } from 'viem';
import { deploy, deploySafe, deploySafeInfrastructure, OZ, type Anvil } from './anvil';
import { compileSolidity } from './solidity';

const CONTRACTS = fileURLToPath(new URL('../fixtures/verify/contracts.sol', import.meta.url));
const ADMIN_SLOT = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103';

/** Everything `deployScenario` put on chain, by role. */
export interface Scenario {
  /** EOAs: a and b sign the outer Safe, c the inner one; the others hold OP roles. */
  a: Address;
  b: Address;
  c: Address;
  proposer: Address;
  batcher: Address;
  unsafeBlockSigner: Address;
  /** A key nothing on chain names: the batcher the test config declares, which differs from the chain's. */
  configBatcher: Address;
  /** An EOA a test config declares to be a multisig. */
  notASafe: Address;
  /** 1-of-1 Safe owned by c. */
  innerSafe: Address;
  /** 2-of-3 Safe owned by innerSafe, a and b. */
  outerSafe: Address;
  /** TimelockController, one day, whose proposer, executor and canceller is outerSafe. */
  timelock: Address;
  /** The ProxyAdmin of the SystemConfig proxy, owned by the timelock. */
  proxyAdmin: Address;
  systemConfigProxy: Address;
  systemConfigImpl: Address;
  portal: Address;
  disputeGameFactory: Address;
  permissionedGame: Address;
  upgradeExecutor: Address;
  /** Answers getThreshold and VERSION like a Safe, but reverts on getOwners. */
  brokenSafe: Address;
}

/**
 * Deploys the nested case of issue 13 on a fresh anvil: a ProxyAdmin owned by a timelock whose
 * proposer is a 2-of-3 Safe, one of whose owners is a 1-of-1 Safe. The ProxyAdmin is the admin of an
 * OP-style SystemConfig proxy (owner the 2-of-3 Safe) beside an OptimismPortal, a DisputeGameFactory
 * and its PermissionedDisputeGame; plus an Orbit UpgradeExecutor and a contract that is a Safe only
 * in part. The order of deployments is fixed, so on a fresh node every address is the same each run.
 */
export async function deployScenario(anvil: Anvil): Promise<Scenario> {
  const [deployer, a, b, c, proposer, batcher, unsafeBlockSigner, configBatcher, notASafe] = anvil.accounts;
  const compiled = compileSolidity({ 'contracts.sol': readFileSync(CONTRACTS, 'utf8') });
  const safes = await deploySafeInfrastructure(anvil, deployer);
  const innerSafe = await deploySafe(anvil, deployer, safes, [c], 1, 1n);
  const outerSafe = await deploySafe(anvil, deployer, safes, [innerSafe, a, b], 2, 2n);
  const timelock = await deploy(anvil, deployer, OZ('TimelockController'), [86_400n, [outerSafe], [outerSafe], zeroAddress]);
  const permissionedGame = await deploy(anvil, deployer, compiled.PermissionedDisputeGame, [proposer, outerSafe]);
  const disputeGameFactory = await deploy(anvil, deployer, compiled.DisputeGameFactory, [1, permissionedGame]);
  const portal = await deploy(anvil, deployer, compiled.OptimismPortal, [outerSafe, 1]);
  const systemConfigImpl = await deploy(anvil, deployer, compiled.SystemConfig);
  const initialize = encodeFunctionData({ abi: compiled.SystemConfig.abi, functionName: 'initialize', args: [outerSafe, batcher, unsafeBlockSigner, portal, disputeGameFactory] });
  const systemConfigProxy = await deploy(anvil, deployer, OZ('TransparentUpgradeableProxy'), [systemConfigImpl, timelock, initialize]);
  const adminWord = (await anvil.client.getStorageAt({ address: systemConfigProxy, slot: ADMIN_SLOT })) as Hex;
  const proxyAdmin = getAddress(`0x${adminWord.slice(-40)}`);
  const upgradeExecutor = await deploy(anvil, deployer, compiled.UpgradeExecutor, [[outerSafe]]);
  const brokenSafe = await deploy(anvil, deployer, compiled.BrokenSafe);
  return {
    a, b, c, proposer, batcher, unsafeBlockSigner, configBatcher, notASafe,
    innerSafe, outerSafe, timelock, proxyAdmin, systemConfigProxy, systemConfigImpl, portal, disputeGameFactory, permissionedGame, upgradeExecutor, brokenSafe,
  };
}

/** Writes `files` (name → text, with `{{role}}` replaced by the scenario's address) into `dir`. */
export function writeConfigs(dir: string, scenario: Scenario, files: Record<string, string>, write: (path: string, text: string) => void): void {
  for (const [name, template] of Object.entries(files)) {
    write(join(dir, name), template.replace(/\{\{(\w+)\}\}/g, (_, key: keyof Scenario) => {
      if (!(key in scenario)) throw new Error(`no ${key} in the scenario`);
      return scenario[key];
    }));
  }
}
