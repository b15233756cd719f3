// oidc-provider 8 (the last line that supports Node 20) ships no types; the tests use a few members.
declare module 'oidc-provider';
