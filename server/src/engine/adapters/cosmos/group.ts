import { shortAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Council, Grant, Power } from '../../model/schema';
import type { Path } from '../../parse';
import { GOV_MODULE_KEY } from './authority';
import { durationSeconds } from './read';

const GROUP: Path = ['app_state', 'group'];

interface Member {
  address: Address;
  weight: number;
}

/**
 * x/group: each group policy is an account that acts when its group's members pass a proposal
 * under its decision policy, so it is a council whose address is the policy's. A threshold policy
 * needs that much weight voting yes (at most the group's total weight), a percentage policy that
 * share of it; the council's threshold is the fewest members who carry it. A group's admin
 * replaces its members and a policy's admin its decision policy, so an admin other than the policy
 * itself (or governance) holds whatever the policy holds. Read after every other power, so that
 * those held by policies are known.
 */
export function readGroups(builder: ModelBuilder): void {
  const state = builder.get(GROUP);
  if (!isRecord(state) || !Array.isArray(state.group_policies)) return;
  const members = membersByGroup(builder, state.group_members);
  const admins = groupAdmins(state.groups);
  state.group_policies.forEach((policy, i) => {
    if (!isRecord(policy)) return;
    const path = [...GROUP, 'group_policies', i];
    const address = builder.address([...path, 'address'], 'An x/group policy address');
    if (!address) return;
    const groupId = String(policy.group_id ?? '');
    const group = members.get(groupId) ?? [];
    const council = councilOf(builder, policy, path, address, groupId, group);
    builder.model.councils.push(council);
    const held = builder.model.grants.filter((g) => g.holder.key === address.key);
    if (held.length === 0) return;
    const adminPaths: Path[] = [[...path, 'admin']];
    const groupAdmin = admins.get(groupId);
    if (groupAdmin !== undefined) adminPaths.push([...GROUP, 'groups', groupAdmin, 'admin']);
    for (const adminPath of adminPaths) grantAdmin(builder, adminPath, address, groupId, held);
  });
}

function membersByGroup(builder: ModelBuilder, list: unknown): Map<string, Member[]> {
  const byGroup = new Map<string, Member[]>();
  if (!Array.isArray(list)) return byGroup;
  list.forEach((entry, i) => {
    if (!isRecord(entry) || !isRecord(entry.member)) return;
    const weight = Number(entry.member.weight);
    if (!(weight > 0)) return;
    const address = builder.address([...GROUP, 'group_members', i, 'member', 'address'], 'An x/group member');
    if (!address) return;
    const group = String(entry.group_id ?? '');
    byGroup.set(group, [...(byGroup.get(group) ?? []), { address, weight }]);
  });
  return byGroup;
}

/** Each group's index in `groups`, by id. */
function groupAdmins(groups: unknown): Map<string, number> {
  const byId = new Map<string, number>();
  if (Array.isArray(groups)) groups.forEach((group, i) => isRecord(group) && byId.set(String(group.id ?? ''), i));
  return byId;
}

function councilOf(builder: ModelBuilder, policy: Record<string, unknown>, path: Path, address: Address, groupId: string, members: Member[]): Council {
  const decision = isRecord(policy.decision_policy) ? policy.decision_policy : {};
  const type = typeof decision['@type'] === 'string' ? decision['@type'] : '';
  const total = members.reduce((sum, m) => sum + m.weight, 0);
  // The group module passes a threshold policy at min(threshold, total weight).
  const needed = /ThresholdDecisionPolicy$/.test(type) ? Math.min(builder.number([...path, 'decision_policy', 'threshold'], 'An x/group policy threshold') ?? NaN, total) : /PercentageDecisionPolicy$/.test(type) ? Number(decision.percentage) * total : NaN;
  const rule = /ThresholdDecisionPolicy$/.test(type) ? `threshold ${String(decision.threshold)} of weight ${total}` : /PercentageDecisionPolicy$/.test(type) ? `${Number(decision.percentage) * 100}% of weight ${total}` : 'an unknown decision policy';
  const council: Council = {
    id: `x/group policy ${address.raw}`,
    name: `x/group policy ${shortAddress(address.raw)} (group ${groupId}, ${rule})`,
    kind: 'multisig',
    address,
    members: members.map((m) => m.address),
    at: builder.origin([...path, 'address']),
  };
  if (members.length > 0) council.signers = members.length;
  const threshold = fewestCarrying(members, needed);
  if (threshold !== undefined) council.threshold = threshold;
  // With every weight 1 the policy's threshold is a count of members, so raising it is an M-of-N fix.
  if (/ThresholdDecisionPolicy$/.test(type) && members.every((m) => m.weight === 1)) council.thresholdAt = builder.origin([...path, 'decision_policy', 'threshold']);
  const windows = isRecord(decision.windows) ? decision.windows : {};
  const delay = durationSeconds(windows.min_execution_period);
  if (delay) {
    council.delaySeconds = delay;
    council.delayAt = builder.origin([...path, 'decision_policy', 'windows', 'min_execution_period']);
  }
  return council;
}

/** The fewest members whose weights reach `needed`: how many must collude. */
function fewestCarrying(members: Member[], needed: number): number | undefined {
  if (!Number.isFinite(needed) || needed <= 0 || members.length === 0) return undefined;
  const weights = members.map((m) => m.weight).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    if (sum >= needed - 1e-9) return i + 1;
  }
  return undefined;
}

function grantAdmin(builder: ModelBuilder, path: Path, policy: Address, groupId: string, held: Grant[]): void {
  const admin = builder.address(path, 'An x/group admin');
  if (!admin || admin.key === policy.key || admin.key === GOV_MODULE_KEY) return;
  const powers = [...new Set(held.flatMap((g) => g.powers))] as Power[];
  const roles = held.map((g) => g.title).join(', ');
  const title = path.includes('groups')
    ? `x/group ${groupId} admin (replaces its members, so acts as policy ${shortAddress(policy.raw)}: ${roles})`
    : `x/group policy ${shortAddress(policy.raw)} admin (replaces its decision policy, so acts as it: ${roles})`;
  builder.model.grants.push({
    role: 'group-admin',
    title,
    powers,
    holder: admin,
    layer: 'governance',
    critical: true,
    at: builder.origin(path),
  });
}
