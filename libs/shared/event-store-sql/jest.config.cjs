module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-sql', rootDir: __dirname };
