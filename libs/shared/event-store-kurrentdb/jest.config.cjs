module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-kurrentdb', rootDir: __dirname };
