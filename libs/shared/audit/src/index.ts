export * from './lib/merkle-tree';
export * from './lib/district-verification';
export * from './lib/district-seal';
export * from './lib/parallel-hashing';
