module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-store', rootDir: __dirname };
