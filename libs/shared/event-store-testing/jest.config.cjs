module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store-testing', rootDir: __dirname };
