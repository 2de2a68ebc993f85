import { NEW_STREAM_HEAD, StreamHeadCache } from './stream-head-cache';

describe('stream head cache', () => {
  it('given an unknown stream, then it guesses a new stream', () => {
    expect(new StreamHeadCache().get('referral-1')).toEqual(NEW_STREAM_HEAD);
  });

  it('given more streams than its capacity, then it forgets the least recently used one', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('a-1', { revision: 0n, hash: 'a' });
    cache.remember('b-1', { revision: 0n, hash: 'b' });
    cache.get('a-1');
    cache.remember('c-1', { revision: 0n, hash: 'c' });
    expect([cache.get('a-1').hash, cache.get('b-1'), cache.get('c-1').hash]).toEqual(['a', NEW_STREAM_HEAD, 'c']);
  });
});
