import { Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { EntityConfig, SuppressionConfig } from './schema';

/**
 * Adds entries to a .chokepoint.yaml through the yaml package's document model, so the user's
 * comments and formatting survive. Returns the new text.
 */
function edit(text: string, change: (doc: Document) => void): string {
  const parsed = parseDocument(text);
  const doc = isMap(parsed.contents) ? parsed : new Document({});
  change(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function addSuppression(text: string, suppression: SuppressionConfig): string {
  return edit(text, (doc) => {
    const list = doc.get('suppressions');
    if (isSeq(list)) list.add(doc.createNode(suppression));
    else doc.set('suppressions', doc.createNode([suppression]) as YAMLSeq);
  });
}

export function addEntity(text: string, id: string, entity: Partial<EntityConfig> & { addresses: string[] }): string {
  return edit(text, (doc) => {
    const entities = doc.get('entities');
    if (isMap(entities)) {
      const existing = entities.get(id);
      if (isMap(existing)) {
        const addresses = existing.get('addresses');
        for (const address of entity.addresses) {
          if (isSeq(addresses)) {
            if (!addresses.items.some((item) => String((item as { value?: unknown }).value ?? item) === address)) addresses.add(address);
          } else existing.set('addresses', doc.createNode(entity.addresses));
        }
        return;
      }
      entities.set(id, doc.createNode(entity));
    } else {
      doc.set('entities', doc.createNode({ [id]: entity }));
    }
  });
}
