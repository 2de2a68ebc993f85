module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-postgres', rootDir: __dirname };
