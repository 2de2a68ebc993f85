export * from './lib/render';
export * from './lib/policies';
export * from './lib/isolation';
export * from './lib/crd-schemas';
export * from './lib/schemas';
export * from './lib/unknown-fields';
export * from './lib/platform-check';
