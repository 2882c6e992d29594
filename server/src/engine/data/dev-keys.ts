import { parseAddress } from '../model/address';
import type { SourceId } from './sources';

/** Keys whose private halves are public: anyone can sign with them. They must never hold authority. */
export interface DevKey {
  address: string;
  label: string;
  source: SourceId;
}

const ANVIL = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
  '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955',
  '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f',
  '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
];

const SUBSTRATE = [
  ['Alice', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'],
  ['Bob', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'],
  ['Charlie', '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y'],
  ['Dave', '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy'],
  ['Eve', '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw'],
  ['Ferdie', '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL'],
  ['Alice//stash', '5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY'],
  ['Bob//stash', '5HpG9w8EBLe5XCrbczpwq5TSXvedjrBGCwqxK1iQ7qUsSWFc'],
  // The rest of sp-keyring's Sr25519Keyring, in the order templates endow them (Charlie//stash … Two),
  // and the ed25519 keys of the same names, which GRANDPA authorities use. (A second address some
  // lists give for Charlie//stash, 5DqkYdZS…, appears in no template or keyring and is left out.)
  ['Charlie//stash', '5Ck5SLSHYac6WFt5UZRSsdJjwmpSZq85fd5TRNAdZQVzEAPT'],
  ['Dave//stash', '5HKPmK9GYtE1PSLsS1qiYU9xQ9Si1NcEhdeCq9sw5bqu4ns8'],
  ['Eve//stash', '5FCfAonRZgTFrTd9HREEyeJjDpT397KMzizE6T3DvebLFE7n'],
  ['Ferdie//stash', '5CRmqmsiNFExV6VbdmPJViVxrWmkaXXvBrSX8oqBT8R9vmWk'],
  ['One', '5Fxune7f71ZbpP2FoY3mhYcmM596Erhv1gRue4nsPwkxMR4n'],
  ['Two', '5CUjxa4wVKMj3FqKdqAUf7zcEMr4MYAjXeWmUf44B41neLmJ'],
  ['Alice (ed25519)', '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu'],
  ['Bob (ed25519)', '5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E'],
  ['Charlie (ed25519)', '5DbKjhNLpqX3zqZdNBc9BGb4fHU1cRBaDhJUskrvkwfraDi6'],
  ['Dave (ed25519)', '5ECTwv6cZ5nJQPk6tWfaTrEk8YH2L7X1VT4EL5Tx2ikfFwb7'],
];

export const DEV_KEYS: DevKey[] = [
  ...ANVIL.map((address, i) => ({ address, label: `Anvil/Hardhat test account #${i}`, source: 'foundryAnvil' as const })),
  ...SUBSTRATE.map(([name, address]) => ({ address, label: `Substrate dev account ${name}`, source: 'substrateDevAccounts' as const })),
  ...[
    ['Alith', '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac'],
    ['Baltathar', '0x3Cd0A705a2DC65e5b1E1205896BaA2be8A07c6e0'],
    ['Charleth', '0x798d4Ba9baf0064Ec19eB4F0a1a45785ae9D6DFc'],
    ['Dorothy', '0x773539d4Ac0e786233D90A233654ccEE26a613D9'],
  ].map(([name, address]) => ({ address, label: `Moonbeam/Frontier dev account ${name}`, source: 'moonbeamDevAccounts' as const })),
  ...[
    ['dev0', '0xC6Fe5D33615a1C52c08018c47E8Bc53646A0E101'],
    ['dev1', '0x963EBDf2e1f8DB8707D05FC75bfeFFBa1B5BaC17'],
    ['dev2', '0x40a0cb1C63e026A81B55EE1308586E21eec1eFa9'],
    ['dev3', '0x498B5AeC5D439b733dC2F58AB489783A23FB26dA'],
  ].map(([name, address]) => ({ address, label: `Cosmos-EVM local_node.sh key ${name}`, source: 'ogEvmLocalNode' as const })),
  ...[
    ['sequencer', '0xe2148eE53c0755215Df69b2616E552154EdC584f'],
    ['validator', '0x6A568afe0f82d34759347bb36F14A6bB171d2CBe'],
    ['l2owner', '0x5E1497dD1f08C87b2d8FE23e9AAB6c1De833D927'],
    ['l3owner', '0x863c904166E801527125D8672442D736194A3362'],
    ['l3sequencer', '0x3E6134aAD4C4d422FF2A4391Dc315c4DDf98D1a5'],
    ['funnel', '0x3f1Eae7D46d88F08fc2F8ed27FCb2AB183EB2d0E'],
  ].map(([name, address]) => ({ address, label: `Arbitrum nitro-testnode ${name} key`, source: 'nitroTestnode' as const })),
  { address: '0x8db97C7cEcE249c2b98bDC0226Cc4C2A57BF52FC', label: 'Avalanche EWOQ test key', source: 'avalancheEwoq' },
  // The all-zero AccountId32: its sr25519 key is the identity point, whose secret is 0. Addresses that are
  // all zeros mean "unset" to every adapter; only the Substrate adapter records this one, as a sudo key.
  { address: '5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM', label: 'the all-zero account', source: 'substrateZeroAccount' },
];

let byKey: Map<string, DevKey> | undefined;

/** The well-known development key with this normalized address key, if it is one. */
export function devKeyFor(addressKey: string): DevKey | undefined {
  if (!byKey) {
    byKey = new Map();
    for (const key of DEV_KEYS) {
      const parsed = parseAddress(key.address);
      if (parsed) byKey.set(parsed.key, key);
    }
  }
  return byKey.get(addressKey);
}
