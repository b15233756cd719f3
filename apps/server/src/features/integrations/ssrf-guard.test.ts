import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './ssrf-guard';

describe('webhook SSRF guard', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });
  it('refuses other schemes, inward literals and names that resolve inward, unless allowed', async () => {
    await expect(checkWebhookUrl('ftp://example.com/x', [])).rejects.toThrow(/http or https/);
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', [])).rejects.toThrow(/private or loopback/);
    await expect(checkWebhookUrl('http://[::1]/x', [])).rejects.toThrow(/private or loopback/);
    await expect(checkWebhookUrl('http://localhost/x', [])).rejects.toThrow(/resolves to a private/);
    await expect(checkWebhookUrl('http://user:pw@93.184.216.34/x', [])).rejects.toThrow(/user name/);
    expect((await checkWebhookUrl('http://localhost:8080/x', ['localhost'])).host).toBe('localhost:8080');
    expect((await checkWebhookUrl('https://93.184.216.34/hook', [])).hostname).toBe('93.184.216.34');
  });
});
