import { shortAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import type { Path } from '../../parse';
import { addressInWord, ERC1967_IMPLEMENTATION_SLOT, proxyControls, shortAddresses, type GenesisAccount } from '../evm-storage';

/**
 * Where Avalanche tooling predeploys the L1 validator manager in a Subnet-EVM genesis.
 * avalanche-cli / avalanche-tooling-sdk-go: ValidatorProxyContractAddress 0x0FEEDC0DE…; the
 * Builder Console: 0xfacade…. Proof of stake adds a specialization (staking manager) proxy and a
 * reward calculator (SpecializationProxyContractAddress, RewardCalculatorAddress).
 */
const VALIDATOR_MANAGER_PROXIES = new Set(['0x0feedc0de0000000000000000000000000000000', '0xfacade0000000000000000000000000000000000']);
const PROOF_OF_STAKE_MARKERS = new Set(['0x100c0de1c0ffee00000000000000000000000000', '0x0deadc0de0000000000000000000000000000000']);

/**
 * Grants the owner of each predeployed proxy's ProxyAdmin the upgrade power over it. The owner of
 * the validator manager's ProxyAdmin can replace its logic, so on a proof-of-authority L1 it decides
 * who validates; the validator set is then permissioned.
 */
export function readPredeployedProxies(builder: ModelBuilder, accounts: Map<string, GenesisAccount>, storagePath: (account: GenesisAccount, key: string) => Path): void {
  const proofOfStake = [...accounts.keys()].some((address) => PROOF_OF_STAKE_MARKERS.has(address));
  for (const control of proxyControls(accounts, storagePath)) {
    const manager = control.proxies.find((p) => VALIDATOR_MANAGER_PROXIES.has(p.address));
    const others = control.proxies.filter((p) => p !== manager);
    const via = control.viaProxyAdmin ? `owner of its ProxyAdmin ${shortAddress(control.admin)}` : 'its proxy admin';
    if (manager) {
      // One role, not two: whoever can replace the manager's logic decides who validates. Kept to
      // the one power so that role-collapse does not read the single ProxyAdmin as two roles.
      builder.model.grants.push({
        role: 'validatorManagerProxyAdminOwner',
        title: `ValidatorManager ${control.viaProxyAdmin ? 'ProxyAdmin owner' : 'proxy admin'}${others.length > 0 ? ` (also upgrades ${shortAddresses(others)})` : ''}`,
        powers: ['set-validators'],
        holder: control.holder,
        layer: 'governance',
        critical: true,
        at: builder.origin(control.holderPath),
      });
      if (!builder.model.validatorSet) {
        const hasCode = accounts.get(`0x${control.holder.key.slice(4)}`)?.hasCode;
        const logic = addressInWord(manager.storage.get(ERC1967_IMPLEMENTATION_SLOT)?.value);
        const logicNote = logic ? ` in place of ${shortAddress(logic.raw)}` : '';
        const holderNote = hasCode === false ? ' and an account with no code at genesis' : '';
        builder.model.validatorSet = proofOfStake
          ? { admission: 'permissionless', how: `proof of stake through the staking manager predeployed next to the ValidatorManager at ${shortAddress(manager.address)}`, source: 'avalancheValidatorManager', at: builder.origin(control.holderPath) }
          : {
            admission: 'permissioned',
            how: `proof of authority: the ValidatorManager proxy at ${shortAddress(manager.address)} admits validators; ${shortAddress(control.holder.raw)}, ${via}${holderNote}, can point it at new logic${logicNote}`,
            source: 'avalancheValidatorManager',
            at: builder.origin(control.holderPath),
          };
      }
      continue;
    }
    if (others.length > 0) {
      builder.model.grants.push({
        role: 'proxyAdminOwner',
        title: `ProxyAdmin owner of ${shortAddresses(others)}`,
        powers: ['upgrade'],
        holder: control.holder,
        layer: 'execution',
        critical: true,
        at: builder.origin(control.holderPath),
      });
    }
  }
}
