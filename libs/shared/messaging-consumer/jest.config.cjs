module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-messaging-consumer', rootDir: __dirname };
