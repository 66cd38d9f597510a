// The outcome vocabulary, info.x-spot-meanings of spec/common/spot-common.yaml: every outcome name with what it
// says as data (did the request execute, may it be sent again). Read by the AsyncAPI generator (names only) and by
// the bundle writers (the meanings table, the vectors), so that the rules of an entry are checked in one place.
'use strict';

const EXECUTED = ['yes', 'no', 'partly', 'unknown'];
const RETRY = ['never', 'safe', 'after-retry-at', 'after-ban', 'reconcile-first'];

/** The vocabulary as {NAME: {executed, retry, description}}, in the spec's order; throws on any bad entry. */
function readVocabulary(info, where) {
  const m = info && info['x-spot-meanings'];
  if (!m || typeof m !== 'object' || Array.isArray(m) || Object.keys(m).length === 0) {
    throw new Error(`${where} has no info.x-spot-meanings (the outcome vocabulary)`);
  }
  const out = {};
  for (const [name, entry] of Object.entries(m)) {
    const at = `${where}: info.x-spot-meanings.${name}`;
    if (!/^[A-Z][A-Z_]*$/.test(name)) throw new Error(`${at}: an outcome name is UPPER_CASE`);
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new Error(`${at} must be {executed, retry, description}, not ${JSON.stringify(entry)}`);
    }
    const extra = Object.keys(entry).filter((k) => !['executed', 'retry', 'description'].includes(k));
    if (extra.length) throw new Error(`${at} has unknown keys ${extra.join(', ')}`);
    if (!EXECUTED.includes(entry.executed)) throw new Error(`${at}.executed is '${entry.executed}', not one of ${EXECUTED.join(' | ')}`);
    if (!RETRY.includes(entry.retry)) throw new Error(`${at}.retry is '${entry.retry}', not one of ${RETRY.join(' | ')}`);
    if (typeof entry.description !== 'string' || !entry.description.trim()) throw new Error(`${at}.description is missing`);
    out[name] = { executed: entry.executed, retry: entry.retry, description: entry.description.trim() };
  }
  return out;
}

module.exports = { readVocabulary, EXECUTED, RETRY };
