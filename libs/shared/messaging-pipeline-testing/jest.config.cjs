const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'shared-messaging-pipeline-testing',
  rootDir: __dirname,
  // @platformatic/kafka ships ES modules only; SWC makes them CommonJS.
  transform: { ...preset.transform, '^.+\\.js$': preset.transform['^.+\\.ts$'] },
  transformIgnorePatterns: ['/node_modules/(?!(@platformatic|scule)/)'],
};
