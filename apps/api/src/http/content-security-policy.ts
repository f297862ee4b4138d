import helmet from 'helmet';

/**
 * The web app's policy: everything from this server, plus data: images (QR codes) and blob:
 * URLs (files it builds for download). No upgrade-insecure-requests: a store may reach the
 * API over plain HTTP on its own network. GraphiQL sets a policy of its own.
 */
export const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    scriptSrcAttr: ["'none'"],
    upgradeInsecureRequests: null,
  } as Record<string, string[] | null>,
  useDefaults: false,
};

/** Bull Board's page loads its typeface from Google Fonts: allowed on the queue dashboard only. */
export const QUEUE_DASHBOARD_SECURITY_POLICY = helmet.contentSecurityPolicy({
  directives: {
    ...CONTENT_SECURITY_POLICY.directives,
    styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
  },
  useDefaults: false,
});
