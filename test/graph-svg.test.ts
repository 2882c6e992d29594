import { describe, expect, it } from 'vitest';
import { authorityGraph } from '../server/src/report/graph-svg';
import type { HolderRow, ReportOrigin } from '../server/src/report/types';

const origin = (line: number, path: (string | number)[] = ['owner']): ReportOrigin => ({ uri: '/chain/deploy.json', file: 'deploy.json', path, line });

const MULTISIG: HolderRow = {
  entityId: 'council',
  label: 'Security Council',
  kind: 'a 6-of-8 multisig',
  parties: 6,
  powers: ['upgrade', 'pause'],
  roles: [
    { title: 'ProxyAdmin owner', layer: 'settlement', powers: ['upgrade'], origin: origin(4, ['proxyAdminOwner']) },
    { title: 'Guardian', layer: 'settlement', powers: ['pause'], origin: origin(9, ['guardian']) },
  ],
};

const DEV_KEY: HolderRow = {
  entityId: 'b20:f39f',
  label: '0xf39F…2266',
  kind: 'a public development key (Anvil/Hardhat test account #0)',
  parties: 1,
  devKey: 'Anvil/Hardhat test account #0',
  powers: ['sequence', 'pause'],
  roles: [{ title: 'Sequencer', layer: 'execution', powers: ['sequence', 'pause'], origin: origin(12, ['sequencer']) }],
};

/** Every string a config controls, trying to break out of the SVG. */
const HOSTILE: HolderRow = {
  entityId: 'x" onclick="alert(1)',
  label: '</text><script>alert(2)</script>',
  kind: '"><img src=x onerror=alert(3)>',
  parties: 1,
  powers: ['mint'],
  roles: [{ title: '</title><svg onload=alert(4)>', layer: 'application', powers: ['mint'], origin: { uri: '/tmp/"><iframe>.yaml', file: 'x.yaml', path: ['a"b', 0], line: 3 } }],
};

const tags = (svg: string) => [...svg.matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag);
const withClass = (svg: string, cls: string) => tags(svg).filter((tag) => new RegExp(`class="${cls}[ "]`).test(tag));
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('the authority map graph', () => {
  const svg = authorityGraph([DEV_KEY, MULTISIG]);

  it('has a node for each holder and each power held, and an edge for each holder and power', () => {
    expect(withClass(svg, 'node holder-node').map((t) => attr(t, 'data-entity'))).toEqual(['b20:f39f', 'council']);
    // In the order of POWERS, each once however many hold it.
    expect(withClass(svg, 'node power-node').map((t) => attr(t, 'data-power'))).toEqual(['upgrade', 'pause', 'sequence']);
    expect(withClass(svg, 'edge').map((t) => `${attr(t, 'data-entity')}→${attr(t, 'data-power')}`)).toEqual(['b20:f39f→sequence', 'b20:f39f→pause', 'council→upgrade', 'council→pause']);
  });

  it('points every node and edge at the config line that grants it', () => {
    const line = (cls: string, key: string, value: string) => attr(withClass(svg, cls).find((t) => attr(t, key) === value)!, 'data-line');
    expect(line('node holder-node', 'data-entity', 'council')).toBe('4');
    expect(line('node holder-node', 'data-entity', 'b20:f39f')).toBe('12');
    // A power points at its first holder's grant: the development key's pause comes before the Guardian's.
    expect(line('node power-node', 'data-power', 'pause')).toBe('12');
    const guardian = withClass(svg, 'edge').find((t) => attr(t, 'data-entity') === 'council' && attr(t, 'data-power') === 'pause')!;
    expect(attr(guardian, 'data-line')).toBe('9');
    expect(attr(guardian, 'data-path')).toBe('[&#34;guardian&#34;]');
    expect(attr(guardian, 'data-uri')).toBe('/chain/deploy.json');
  });

  it('marks development keys and single keys risky, with the parties to collude on each holder', () => {
    expect(withClass(svg, 'node holder-node').map((t) => attr(t, 'class'))).toEqual(['node holder-node risk-dev', 'node holder-node risk-spread']);
    expect(withClass(svg, 'edge').map((t) => attr(t, 'class'))).toEqual(['edge risk-dev', 'edge risk-dev', 'edge risk-spread', 'edge risk-spread']);
    expect(svg).toMatch(/<text class="parties-text"[^>]*>1<\/text>/);
    expect(svg).toMatch(/<text class="parties-text"[^>]*>6<\/text>/);
    expect(svg).toContain('>dev key: Anvil/Hardhat test account #0<');
    const single = authorityGraph([{ ...DEV_KEY, devKey: undefined }]);
    expect(withClass(single, 'node holder-node').map((t) => attr(t, 'class'))).toEqual(['node holder-node risk-single']);
    const vote = authorityGraph([{ ...MULTISIG, parties: undefined }]);
    expect(vote).toMatch(/<text class="parties-text vote"[^>]*>vote<\/text>/);
  });

  it('keeps a config\'s strings text: no element or attribute of theirs survives', () => {
    const hostile = authorityGraph([HOSTILE]);
    expect(tags(hostile).map((tag) => tag.match(/^<([a-z]+)/i)![1]).filter((name) => !['svg', 'title', 'g', 'path', 'rect', 'circle', 'text'].includes(name))).toEqual([]);
    expect(tags(hostile).filter((tag) => /\son\w+=/i.test(tag.replace(/"[^"]*"/g, '""')))).toEqual([]);
    expect(hostile).toContain('data-entity="x&#34; onclick=&#34;alert(1)"');
    expect(hostile).toContain('data-uri="/tmp/&#34;&#62;&#60;iframe&#62;.yaml"');
    expect(hostile).toContain('&#60;/title&#62;&#60;svg onload=alert(4)&#62;');
  });

  it('clips long labels without cutting an entity, keeping the whole label in the node\'s title', () => {
    const long = authorityGraph([{ ...MULTISIG, label: '&'.repeat(50) }]);
    const label = /<text class="node-label"[^>]*>([^<]*)<\/text>/.exec(long)![1];
    expect(label).toBe(`${'&#38;'.repeat(29)}…`);
    expect(long).toContain(`<title>${'&#38;'.repeat(50)}, a 6-of-8 multisig`);
    expect(long.replace(/&#\d+;/g, '')).not.toContain('&');
  });

  it('draws nothing for a chain that gives no one a power', () => {
    expect(authorityGraph([])).toBe('');
  });
});
