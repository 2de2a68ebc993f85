const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'shared-messaging-kafka-platformatic',
  rootDir: __dirname,
  // @platformatic/kafka ships ES modules only; SWC turns them into CommonJS for Jest like our own code.
  transform: { ...preset.transform, '^.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!(@platformatic|scule)/)'],
};
