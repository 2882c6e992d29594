import type { EntityIndex } from '../engine/entities';
import type { Entity } from '../engine/entities/types';
import type { AuthorityModel, Dependency, Layer, Origin, UnstatedPower } from '../engine/model/schema';
import { LAYERS } from '../engine/model/schema';
import { listOf, powerVerbs } from '../engine/rules/phrases';
import { sharesByEntity } from '../engine/rules/concentration';
import type { Holder } from '../engine/rules/types';
import { percent } from '../engine/metrics';
import { collusion } from '../engine/summary';
import { describeHolder } from './describe';
import type { ControlKind, LayerView, ReportOrigin } from './types';

export const LAYER_TITLES: Record<Layer, string> = {
  application: 'Application',
  governance: 'Governance',
  execution: 'Execution / sequencing',
  'data-availability': 'Data availability',
  inference: 'Inference / intelligence',
  settlement: 'Settlement',
};

const CONTROL_NOUNS: Record<ControlKind, string> = { 'single-key': 'a single key', 'third-party': 'a third party', unknown: 'not stated', 'named-party': 'a named party', chain: 'the chain', 'not-configured': 'not configured' };

/** Weakest first: a single key is the least sovereign control a layer can have; a holder nobody states could be one. */
const WEAKNESS: Record<ControlKind, number> = { 'single-key': 5, 'third-party': 4, unknown: 3, 'named-party': 2, chain: 1, 'not-configured': 0 };

interface Control {
  control: ControlKind;
  controller: string;
  reason: string;
  at?: Origin;
  /** Among equally weak controls, the one that can do more leads: a root key, then an upgrader, then more powers. */
  reach?: number;
}

/**
 * Who controls each layer, from the model: the holders of the layer's powers, the dependencies the
 * chain borrows for it, and, where neither says, the chain's own governance or validator set.
 */
export function layersOf(model: AuthorityModel, entities: EntityIndex, holders: Holder[], rollup: boolean, place: (origin: Origin) => ReportOrigin): LayerView[] {
  const consensus = rollup ? undefined : validatorControl(model, entities);
  return LAYERS.map((layer) => {
    const controls = [
      ...grantControls(layer, holders, entities),
      ...model.dependencies.filter((d) => d.layer === layer).flatMap((d) => dependencyControl(d, entities) ?? []),
      ...(model.unstated ?? []).filter((u) => u.layer === layer).map(unstatedControl),
    ];
    if (consensus && (layer === 'execution' || layer === 'data-availability' || layer === 'settlement')) controls.push(consensus);
    if (controls.length === 0) controls.push(defaultControl(layer, model, rollup));
    controls.sort((a, b) => WEAKNESS[b.control] - WEAKNESS[a.control] || (b.reach ?? 0) - (a.reach ?? 0));
    const [worst, ...rest] = controls;
    const also = rest.map((c) => `${c.controller} (${CONTROL_NOUNS[c.control]})`);
    return {
      layer,
      title: LAYER_TITLES[layer],
      control: worst.control,
      controller: worst.controller,
      reason: rest.length > 0 ? `${worst.reason} Also: ${listOf(also)}.` : worst.reason,
      others: rest.map(({ control, controller }) => ({ control, controller })),
      origins: controls.flatMap((c) => (c.at ? [place(c.at)] : [])),
    };
  });
}

/** The holders of the layer's powers other than collecting fees, which operates a layer rather than controls it. */
function grantControls(layer: Layer, holders: Holder[], entities: EntityIndex): Control[] {
  const controls: Control[] = [];
  for (const holder of holders) {
    const grants = holder.grants.filter((g) => g.layer === layer && g.powers.some((p) => p !== 'receive-fees'));
    if (grants.length === 0) continue;
    const powers = new Set(grants.flatMap((g) => g.powers).filter((p) => p !== 'receive-fees'));
    const { control, controller } = entityControl(holder.entity, entities);
    const roles = listOf(grants.map((g) => g.title));
    const reach = (grants.some((g) => g.root) ? 100 : 0) + (powers.has('upgrade') ? 10 : 0) + powers.size;
    controls.push({ control, controller, at: grants[0].at, reach, reason: `${controller}, ${describeHolder(holder, entities)}, can ${powerVerbs(powers)} as ${roles}.` });
  }
  return controls;
}

function entityControl(entity: Entity, entities: EntityIndex): { control: ControlKind; controller: string } {
  const controller = entities.label(entity);
  if (entity.kind === 'governance') return { control: 'chain', controller };
  if (collusion(entity, entities) === 1) return { control: 'single-key', controller };
  if (entity.declared?.by === 'builtin') return { control: 'third-party', controller };
  return { control: 'named-party', controller };
}

/** A power whose holder the file does not state: unknown, with the missing fact. */
function unstatedControl(unstated: UnstatedPower): Control {
  return { control: 'unknown', controller: 'not stated', at: unstated.at, reach: 10, reason: `Who can ${unstated.title} is not stated: ${unstated.why}. Missing: ${unstated.missing}.` };
}

/** Who controls a dependency: who can upgrade or govern it, else who operates or provides it. Models are artifacts, not controllers. */
function dependencyControl(dependency: Dependency, entities: EntityIndex): Control | undefined {
  const { controller, name } = dependency;
  if (controller) {
    const at = controller.at ?? dependency.at;
    const who = controller.name ?? dependency.provider ?? name;
    switch (controller.kind) {
      case 'chain-governance':
        return { control: 'chain', controller: who, at, reason: `${name} is governed by the chain's own ${who === name ? 'governance' : who}.` };
      case 'single-key':
        return { control: 'single-key', controller: who, at, reason: `${name} can be changed by a single key (${who}).` };
      case 'third-party':
        return { control: 'third-party', controller: who, at, reason: `${name} can be changed by ${who}, outside the chain's governance.` };
      case 'unknown': {
        if (!controller.address) break;
        const entity = entities.entityOf(controller.address);
        const label = entities.label(entity);
        if (entity.kind === 'eoa') return { control: 'single-key', controller: label, at, reason: `${name} can be changed by a single key (${label}).` };
        return { control: 'third-party', controller: label, at, reason: `${name} can be changed by ${label} (${entities.describe(entity)}), outside the chain's governance.` };
      }
    }
  }
  if (dependency.kind === 'model') return undefined;
  const at = dependency.operatorsAt ?? dependency.at;
  const operators = dependency.operators;
  if (operators.length > 0) {
    const who = listOf(operators);
    const control: ControlKind = dependency.shared ? 'third-party' : 'named-party';
    return { control, controller: who, at, reason: `${name} is run by ${operators.length === 1 ? 'one operator' : `${operators.length} operators`}, ${who}${dependency.shared ? ', which the chain does not govern' : ''}.` };
  }
  const who = dependency.provider ?? name;
  if (dependency.shared) return { control: 'third-party', controller: who, at, reason: `${name} is provided by ${who}, which the chain does not govern.` };
  return { control: 'chain', controller: name, at, reason: `${name} is run by the chain itself.` };
}

/** A chain that settles on itself: its validators produce, keep and finalize its blocks. */
function validatorControl(model: AuthorityModel, entities: EntityIndex): Control | undefined {
  const power = model.distributions.find((d) => d.kind === 'voting-power') ?? model.distributions.find((d) => d.kind === 'stake');
  if (model.validatorSet?.admission === 'inherited') {
    return { control: 'third-party', controller: 'another chain\'s validators', at: model.validatorSet.at, reason: `The validator set is inherited from another chain (${model.validatorSet.how}).` };
  }
  if (!power || power.entries.length === 0) return undefined;
  const { holders, metrics } = sharesByEntity(power, entities);
  const largest = holders.at(0);
  if (!largest) return undefined;
  if (metrics.nakamotoSafety === 1) {
    const top = largest.entity;
    const { control, controller } = entityControl(top, entities);
    return { control: control === 'chain' ? 'named-party' : control, controller, at: power.at, reason: `${controller} holds ${percent(metrics.topShare)} of the ${power.title}: it alone commits every block.` };
  }
  return {
    control: 'chain',
    controller: 'the chain\'s validators',
    at: power.at,
    reason: `The chain's ${holders.length} validator entities produce its blocks; ${metrics.nakamotoHalt} together can halt it and ${metrics.nakamotoSafety} can commit any block.`,
  };
}

/** A layer nothing in the model assigns: on-chain governance decides it where the chain has one. */
function defaultControl(layer: Layer, model: AuthorityModel, rollup: boolean): Control {
  if (rollup && layer === 'data-availability') {
    return { control: 'third-party', controller: 'the parent chain', reason: 'No other data-availability layer is configured, so data is posted to the parent chain, whose consensus keeps it available.' };
  }
  const body = model.councils.find((c) => c.kind === 'governance');
  if (body && layer === 'governance') {
    return { control: 'chain', controller: body.name, at: body.at, reason: `No key holds a governance power, so the chain's own governance body, ${body.name}, decides.` };
  }
  if (model.governance && (layer === 'application' || layer === 'governance')) {
    return { control: 'chain', controller: 'on-chain governance', at: model.governance.at, reason: 'No key holds a power here, so changes go through the chain\'s on-chain governance.' };
  }
  return { control: 'not-configured', controller: 'not configured', reason: 'Nothing in the configuration says who controls this layer.' };
}
