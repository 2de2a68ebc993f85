module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-pglite', rootDir: __dirname };
