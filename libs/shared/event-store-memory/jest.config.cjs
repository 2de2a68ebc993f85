module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-memory', rootDir: __dirname };
