// Emmett's driver (dumbo) replaces `pg`'s process-wide parsers for int8, json and jsonb when its first
// pool opens (BigInt, and JSON.parse with a bigint-reviving reviver). Our store and the raw reference
// run in the same process, so they get a snapshot of the stock parsers, taken before Emmett loads.
import pg from 'pg';

const STOCK = new Map([20, 114, 3802].map((oid) => [oid, pg.types.getTypeParser(oid, 'text')]));

/** `types` for a `pg` pool or client: the stock text parsers for int8/json/jsonb, the global ones otherwise. */
export const pristinePgTypes = {
  getTypeParser: (oid, format = 'text') => (format === 'text' && STOCK.get(oid)) || pg.types.getTypeParser(oid, format),
};
