import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/**
 * The README's usage examples must only use what the package really has: every campaign-* tag,
 * attribute, property binding and event in a code block is checked against custom-elements.json.
 */
const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; members?: { name: string; kind: string }[]; events?: { name: string }[] }[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const byTag = new Map(elements.map((d) => [d.tagName!, d]));
const allEvents = new Set(elements.flatMap((d) => (d.events ?? []).map((e) => e.name)));
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
const usage = blocks.filter((b) => ['html', 'vue', 'ts', 'tsx'].includes(b.lang) && b.code.includes('campaign-'));

// JSX props of the React wrapper: on<Event> maps to the kebab-case event name.
const reactEvent = (prop: string) => prop.replace(/^on/, '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());

describe('README usage examples', () => {
  it('has HTML, React, Vue and Angular examples', () => {
    assert.ok(usage.some((b) => b.lang === 'html'));
    assert.ok(usage.some((b) => b.lang === 'tsx'));
    assert.ok(usage.some((b) => b.lang === 'vue'));
    assert.ok(usage.some((b) => b.lang === 'ts' && b.code.includes('@angular/core')));
  });

  for (const block of usage) {
    it(`${block.lang} example uses only documented tags, attributes, properties and events`, () => {
      for (const [, tag, attrs] of block.code.matchAll(/<(campaign-[a-z-]+)\b([^>]*)>/g)) {
        const el = byTag.get(tag!);
        assert.ok(el, `unknown element <${tag}>`);
        const attributes = new Set((el.attributes ?? []).map((a) => a.name));
        const properties = new Set((el.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
        for (const [, raw] of attrs!.matchAll(/([:@(\[]?[\w.-]+\]?\)?)=/g)) {
          const name = raw!;
          if (name === 'id' || name === 'slot') continue;
          if (name.startsWith('@') || name.startsWith('(')) {
            const event = name.replace(/^[@(]|\)$/g, '');
            assert.ok(allEvents.has(event), `unknown event ${event} on <${tag}>`);
          } else if (name.startsWith(':') || name.startsWith('[')) {
            const prop = name.replace(/^[:[]|\]$|\.prop$/g, '');
            assert.ok(properties.has(prop), `unknown property ${prop} on <${tag}>`);
          } else {
            assert.ok(attributes.has(name), `unknown attribute ${name} on <${tag}>`);
          }
        }
      }
      for (const [, event] of block.code.matchAll(/addEventListener\('([a-z-]+)'/g)) {
        assert.ok(allEvents.has(event!), `unknown event ${event}`);
      }
      for (const [, prop] of block.code.matchAll(/\b(on[A-Z]\w+)=/g)) {
        assert.ok(allEvents.has(reactEvent(prop!)), `React prop ${prop} has no event ${reactEvent(prop!)}`);
      }
      for (const [, prop] of block.code.matchAll(/wizard\.(\w+) =/g)) {
        const properties = new Set((byTag.get('campaign-wizard')!.members ?? []).map((m) => m.name));
        assert.ok(properties.has(prop!), `unknown property wizard.${prop}`);
      }
    });
  }
});
