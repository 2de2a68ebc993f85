module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-messaging-testing', rootDir: __dirname };
