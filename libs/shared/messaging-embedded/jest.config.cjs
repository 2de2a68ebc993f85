module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-messaging-embedded', rootDir: __dirname };
