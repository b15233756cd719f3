import { describe, expect, it } from 'vitest';
import { VersionedAnswers } from './versioned-answers';

const body = (s: string) => Buffer.from(s);

describe('versioned answers', () => {
  it('keeps an answer while its version is the newest seen, and drops the group once a newer one is seen', () => {
    const c = new VersionedAnswers(1024);
    c.see('org-a\0people', 3);
    expect(c.set('t1', 'org-a\0people', 3, body('one'))).toBe(true);
    expect(c.set('t2', 'org-a\0people', 3, body('two'))).toBe(true);
    c.see('org-b\0people', 1);
    expect(c.set('t3', 'org-b\0people', 1, body('other org'))).toBe(true);
    expect(c.get('t1')?.toString()).toBe('one');
    c.see('org-a\0people', 3); // the same version again: nothing leaves
    expect(c.size.answers).toBe(3);
    c.see('org-a\0people', 4);
    expect(c.get('t1')).toBeUndefined();
    expect(c.get('t2')).toBeUndefined();
    expect(c.get('t3')?.toString()).toBe('other org');
    expect(c.size).toEqual({ answers: 1, bytes: 9 });
  });

  it('refuses an answer rendered for a version that is no longer the newest, or never seen', () => {
    const c = new VersionedAnswers(1024);
    expect(c.set('t0', 'g', 1, body('x'))).toBe(false);
    c.see('g', 1);
    c.see('g', 2); // a write landed while version 1's answer was being rendered
    expect(c.set('t1', 'g', 1, body('stale'))).toBe(false);
    expect(c.get('t1')).toBeUndefined();
    c.see('g', 1); // an older version seen late does not roll the group back
    expect(c.set('t2', 'g', 2, body('fresh'))).toBe(true);
    expect(c.get('t2')?.toString()).toBe('fresh');
  });

  it('stays within its byte bound, least recently used first, and forgets the evicted tags', () => {
    const c = new VersionedAnswers(10);
    c.see('g', 1);
    c.set('a', 'g', 1, body('12345'));
    c.set('b', 'g', 1, body('12345'));
    c.get('a');
    c.set('c', 'g', 1, body('12345'));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')?.toString()).toBe('12345');
    expect(c.size.bytes).toBeLessThanOrEqual(10);
    c.see('g', 2);
    expect(c.size).toEqual({ answers: 0, bytes: 0 });
  });
});
