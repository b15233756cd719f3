import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

const KEY = 'k'.repeat(40);

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed, never shows the plain text, and differs each time', () => {
    const a = seal(KEY, 'client-secret-value');
    expect(a).not.toContain('client-secret-value');
    expect(seal(KEY, 'client-secret-value')).not.toBe(a);
    expect(open(KEY, a)).toBe('client-secret-value');
  });
  it('refuses a tampered value or another key', () => {
    const a = seal(KEY, 'x');
    const parts = a.split('.');
    parts[3] = Buffer.from('y').toString('base64url');
    expect(() => open(KEY, parts.join('.'))).toThrow();
    expect(() => open('z'.repeat(40), a)).toThrow();
  });
});
