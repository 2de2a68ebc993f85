const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'sessions',
  rootDir: __dirname,
  // @platformatic/kafka (the Kafka transport of the composition root) ships ES modules only; SWC makes them CommonJS.
  transform: { ...preset.transform, '^.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!(@platformatic|scule)/)'],
};
