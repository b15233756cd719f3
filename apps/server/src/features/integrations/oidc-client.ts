import * as oidc from 'openid-client';

/**
 * The OpenID Connect client (openid-client 6). Plain http is allowed only for a provider on this
 * machine (checkIssuer refuses it elsewhere), which is how development and the tests run theirs.
 */
export async function discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const local = url.protocol === 'http:';
  const config = await oidc.discovery(url, clientId, clientSecret, undefined, { ...(local ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 });
  // The library trusts an ID token from the token endpoint on the strength of TLS alone (OIDC
  // Core 3.1.3.7); we also verify its signature against the provider's JWKS (decision 122).
  oidc.enableNonRepudiationChecks(config);
  return config;
}

export { oidc };
