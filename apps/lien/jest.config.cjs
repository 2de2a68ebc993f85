const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'lien',
  rootDir: __dirname,
  // The relay's Kafka client (@platformatic/kafka) ships ES modules only: SWC turns them into CommonJS.
  transform: { ...preset.transform, '^.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!(@platformatic|scule)/)'],
};
