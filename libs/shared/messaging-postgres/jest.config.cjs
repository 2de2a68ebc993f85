module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-messaging-postgres', rootDir: __dirname };
