module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-decider-testing', rootDir: __dirname };
