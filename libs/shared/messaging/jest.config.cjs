module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-messaging', rootDir: __dirname };
