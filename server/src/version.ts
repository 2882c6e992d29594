declare const CHOKEPOINT_VERSION: string | undefined;

/** Injected by the bundler from package.json; tests run from source and see the development marker. */
export const VERSION: string = typeof CHOKEPOINT_VERSION === 'string' ? CHOKEPOINT_VERSION : '0.0.0-dev';
