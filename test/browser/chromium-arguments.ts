/**
 * The flags every headless Chromium of the tests and the browser benchmark
 * starts with: WebGL on SwiftShader, and none of Chromium's own calls home
 * (the host resolver rule is the only way to stop them all; URLs then use
 * 127.0.0.1). Its own module so the benchmark can use it without Vitest.
 */
export const CHROMIUM_ARGUMENTS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-domain-reliability',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
