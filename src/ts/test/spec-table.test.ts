// The runtime's meanings come from the generated table, and the generated table is the bundle's: for every operation
// of meanings.json, the generated descriptor declares the same statuses, outcomes and code overrides. Event fields
// get their readable names (x-spot-name) from the generated names tables.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OUTCOMES, REST_OPERATIONS, WS_METHODS, readable, resolveMeaning, wsModels } from '../runtime/index';
import type { StatusMeaning } from '../runtime/descriptors';
import { repoRoot } from './support';

interface TableOp { transport: string; operationId: string; statuses: Array<{ status: string; outcome: string; codeOverrides?: Array<{ code: number; outcome: string }> }> }

const table = JSON.parse(readFileSync(path.join(repoRoot(), 'generated', 'spec', 'meanings.json'), 'utf8')) as { outcomes: object; operations: TableOp[] };

describe('generated tables', () => {
  test('every operation of meanings.json has a generated descriptor with the same status meanings', () => {
    const generated: Record<string, readonly StatusMeaning[]> = {};
    for (const [k, op] of Object.entries(REST_OPERATIONS)) generated[`rest/${k}`] = op.statuses;
    for (const [k, op] of Object.entries(WS_METHODS)) generated[`ws/${k}`] = op.statuses;
    assert.equal(Object.keys(generated).length, table.operations.length);
    assert.equal(Object.keys(REST_OPERATIONS).length, table.operations.filter((o) => o.transport === 'rest').length);
    for (const op of table.operations) {
      const mine = generated[`${op.transport}/${op.operationId}`];
      assert.ok(mine, `no generated descriptor for ${op.transport}/${op.operationId}`);
      assert.deepEqual(mine.map((s) => ({ ...s, codeOverrides: [...s.codeOverrides] })),
        op.statuses.map((s) => ({ status: s.status, outcome: s.outcome, codeOverrides: s.codeOverrides ?? [] })), op.operationId);
    }
    assert.deepEqual(OUTCOMES, table.outcomes);
  });

  test('resolution: exact status, then its range, then a code override; an undeclared status is UNKNOWN', () => {
    const s = REST_OPERATIONS.newOrder.statuses;
    assert.equal(resolveMeaning(s, 400, -2010), 'REJECTED');
    assert.equal(resolveMeaning(s, 400, -1006), 'UNKNOWN');
    assert.equal(resolveMeaning(s, 422, -1007), 'UNKNOWN');
    assert.equal(resolveMeaning(s, 451, null), 'REJECTED');
    assert.equal(resolveMeaning(s, 502, null), 'UNKNOWN');
    assert.equal(resolveMeaning(s, 302, null), 'UNKNOWN');
  });

  test('one-letter event fields get their readable names (e and E do not collide)', () => {
    const r = readable<wsModels.ServerShutdownReadable>(wsModels.ServerShutdownNames, { e: 'serverShutdown', E: 1767225600000, x: 1 });
    assert.deepEqual(r, { eventType: 'serverShutdown', eventTime: 1767225600000, x: 1 });
  });
});
